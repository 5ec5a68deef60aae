//! The costs of encryption's building blocks (issue #15): deriving the passphrase's key with
//! the stored Argon2id parameters (meant to cost about half a second on a modest laptop:
//! slows down guessing), and sealing and opening one typical record (a few kilobytes).
//!
//! Run with `cargo bench --bench crypto`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use parcours::store::crypto::{DataKey, KdfParams, KeyFile, open, seal};

fn unlock(c: &mut Criterion) {
    let (file, _, _) = KeyFile::create(
        "une phrase de passe de démonstration",
        KdfParams::for_passphrase().unwrap(),
        KdfParams::for_recovery_key().unwrap(),
    )
    .unwrap();
    let mut group = c.benchmark_group("crypto");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function(
        "unlock with the passphrase (Argon2id 128 MiB, 4 passes)",
        |b| {
            b.iter(|| {
                file.unlock(black_box("une phrase de passe de démonstration"))
                    .unwrap()
            });
        },
    );
    group.finish();
}

fn seal_open(c: &mut Criterion) {
    let key = DataKey::generate().unwrap();
    // About the size of a demo record's file.
    let record = "(schema_version: 7, identity: (last_name: \"Diallo\")) ".repeat(120);
    let sealed = seal(&key, record.as_bytes()).unwrap();
    c.bench_function("seal one record (6 kB)", |b| {
        b.iter(|| seal(&key, black_box(record.as_bytes())).unwrap());
    });
    c.bench_function("open one record (6 kB)", |b| {
        b.iter(|| open(&key, black_box(&sealed)).unwrap());
    });
}

criterion_group!(benches, unlock, seal_open);
criterion_main!(benches);
