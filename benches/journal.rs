//! Appending one event to the audit journal (a line chained by SHA-256 on the previous one,
//! written, then synced to disk by the journal's own thread) on a journal that already holds
//! 10,000 lines. Target: under 1 ms per event. (The disk's sync alone took ~3 ms per line on
//! the development VM: that is why it runs off the caller's thread.)
//!
//! Run with `cargo bench --bench journal`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use parcours::model::record::{BeneficiaryId, RecordPart};
use parcours::store::journal::{Author, Operation};
use parcours::store::{Access, Store};

fn append(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.set_author(Author {
        name: "Claire Martin".into(),
        installation: "0190c0de-0000-7000-8000-000000000000".into(),
    });
    let modify = Operation::Modify(vec![RecordPart::Names, RecordPart::Preparation]);
    let id = BeneficiaryId::new();
    for _ in 0..10_000 {
        store.journal_event(&modify, Some(id));
    }
    c.bench_function("journal append (10,000 lines before)", |b| {
        b.iter(|| store.journal_event(black_box(&modify), Some(id)));
    });
    if let Some(error) = store.take_backup_error() {
        panic!("the journal reported: {error}");
    }
}

criterion_group!(benches, append);
criterion_main!(benches);
