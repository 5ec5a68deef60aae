//! One look of the window's watcher at a shared folder of 10,000 records, what the thread does
//! every second: when nothing changed (the folder's own time has not moved: one `stat`, the
//! last look's list taken over), and when the folder changed (every file's name, size and
//! modification time listed and compared with the last look). Target: ≤ 50 ms of CPU per look
//! (issue #16).
//!
//! Measured in a debug build on the 2-core development machine: about 4 ms unchanged, 140 ms
//! listed whole (optimised builds are several times faster; not measured yet).
//!
//! Run with `cargo bench --bench watch`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use parcours::model::BeneficiaryId;
use parcours::store::BENEFICIARIES_DIR;
use parcours::store::watch::{changes, scan, scan_since};

fn watch(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join(BENEFICIARIES_DIR);
    std::fs::create_dir_all(&records).unwrap();
    for _ in 0..10_000 {
        let id = BeneficiaryId::new();
        std::fs::write(records.join(format!("{id}.ron")), "(schema_version: 7)").unwrap();
    }
    // Older than the margin within which a folder's time is not trusted.
    std::thread::sleep(std::time::Duration::from_secs(4));
    let before = scan(dir.path());
    c.bench_function("watch/look_10000_files_unchanged", |b| {
        b.iter(|| {
            let now = scan_since(black_box(dir.path()), before.clone());
            black_box(changes(&before, &now))
        });
    });
    c.bench_function("watch/look_10000_files_listed", |b| {
        b.iter(|| {
            let now = scan(black_box(dir.path()));
            black_box(changes(&before, &now))
        });
    });
}

criterion_group!(benches, watch);
criterion_main!(benches);
