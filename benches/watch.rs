//! One look of the window's watcher at a shared folder of 10,000 records, what the thread does
//! every second: when nothing changed (the folder's own time has not moved: one `stat`, the
//! last look's list taken over), and when the folder changed (every file's name, size and
//! modification time listed and compared with the last look). Target: ≤ 50 ms of CPU per look
//! (issue #16).
//!
//! Besides criterion's wall-clock figures, the bench prints each look's CPU time (Linux: the
//! thread's time on a core, the kernel's work for it included), which the target is about and
//! which a loaded machine does not inflate. Figures: README's Performance table.
//!
//! Run with `cargo bench --bench watch`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/cpu.rs"]
mod cpu;

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use parcours::model::BeneficiaryId;
use parcours::store::BENEFICIARIES_DIR;
use parcours::store::watch::{changes, scan, scan_since};

/// Prints the CPU time of one look at `dir`, averaged over `runs` looks.
fn print_cpu_time(name: &str, runs: u32, dir: &Path, mut look: impl FnMut(&Path)) {
    let Some(before) = cpu::cpu_nanos() else {
        return;
    };
    for _ in 0..runs {
        look(dir);
    }
    if let Some(after) = cpu::cpu_nanos() {
        let per_look = (after - before) / u64::from(runs);
        println!(
            "{name}: {}.{:02} ms of CPU time per look",
            per_look / 1_000_000,
            per_look % 1_000_000 / 10_000
        );
    }
}

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
    print_cpu_time("watch/look_10000_files_unchanged", 200, dir.path(), |dir| {
        let now = scan_since(dir, before.clone());
        black_box(changes(&before, &now));
    });
    print_cpu_time("watch/look_10000_files_listed", 20, dir.path(), |dir| {
        let now = scan(dir);
        black_box(changes(&before, &now));
    });
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
