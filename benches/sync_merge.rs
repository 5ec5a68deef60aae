//! Two laptops' copies of a 10,000-record folder that differ in 100 records: what Parcours
//! does once the sync tool has brought the other laptop's versions over as 100 conflict copies
//! (Syncthing's naming). Target: the merge ≤ 1 s.
//!
//! - `sync_merge/load_with_100_copies_10000`: `Store::load` of the folder with the copies:
//!   the whole folder read, each copy merged part by part (each laptop changed other parts of
//!   the record, and both added a session), the merged records written, the copies moved aside.
//! - `sync_merge/load_baseline_10000`: the same folder without the copies.
//! - `sync_merge/load_with_100_copies_100` and `load_baseline_100`: the same with the 100
//!   records alone, so that the difference is not lost in the noise of 9,900 records' loading.
//! - `sync_merge/merge_records_100`: the 100 merges alone (model only).
//!
//! The merge's cost is the first minus the second. `cargo bench --bench sync_merge` (release;
//! README's figures). The folder is built on the first run under
//! `target/bench-data/sync_merge/`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use parcours::model::demo::demo_beneficiaries;
use parcours::model::preparation::{Session, SessionKind};
use parcours::model::record::Beneficiary;
use parcours::model::sync::{Versions, merge_records};
use parcours::store::journal::Author;
use parcours::store::{Access, BENEFICIARIES_DIR, Store};

const COUNT: usize = 10_000;
const DIFFERING: usize = 100;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn store(dir: &Path, installation: &str) -> Store {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    store.set_author(Author {
        name: installation.to_owned(),
        installation: installation.to_owned(),
    });
    store
}

fn session(note: &str) -> Session {
    Session {
        date: today(),
        duration_minutes: 30,
        kind: SessionKind::default(),
        note: note.to_owned(),
    }
}

/// The folder on laptop A (every record, 100 of them changed on A), and beside it the 100
/// records as laptop B changed them, under Syncthing's conflict-copy names; plus A's 100 files,
/// to put back after each merge.
struct Data {
    folder: PathBuf,
    copies: PathBuf,
    originals: PathBuf,
}

fn data() -> Data {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/sync_merge");
    let data = Data {
        folder: root.join("a"),
        copies: root.join("copies"),
        originals: root.join("originals"),
    };
    if data.originals.join("done").exists() {
        return data;
    }
    let _ = fs::remove_dir_all(&root);
    let records = demo_beneficiaries(COUNT, today(), 7);
    let b_dir = root.join("b");
    {
        let mut a = store(&data.folder, "a");
        for record in &records {
            a.save_beneficiary(record, today()).unwrap();
        }
        let _ = a.load();
        let mut b = store(&b_dir, "b");
        for record in records.iter().take(DIFFERING) {
            let name = format!("{}.ron", record.id);
            fs::copy(
                data.folder.join(BENEFICIARIES_DIR).join(&name),
                b_dir.join(BENEFICIARIES_DIR).join(&name),
            )
            .unwrap();
        }
        let _ = b.load();
        for record in records.iter().take(DIFFERING) {
            let mut on_a = record.clone();
            on_a.contact.phone = "07 11 22 33 44".into();
            on_a.preparation.sessions.push(session("sur A"));
            a.save_beneficiary(&on_a, today()).unwrap();
            let mut on_b = record.clone();
            on_b.private_notes = "Changé sur B".into();
            on_b.preparation.sessions.push(session("sur B"));
            b.save_beneficiary(&on_b, today()).unwrap();
        }
    }
    fs::create_dir_all(&data.copies).unwrap();
    fs::create_dir_all(&data.originals).unwrap();
    for record in records.iter().take(DIFFERING) {
        let name = format!("{}.ron", record.id);
        fs::copy(
            b_dir.join(BENEFICIARIES_DIR).join(&name),
            data.copies.join(format!(
                "{}.sync-conflict-20261127-174233-KB7Q2XW.ron",
                record.id
            )),
        )
        .unwrap();
        fs::copy(
            data.folder.join(BENEFICIARIES_DIR).join(&name),
            data.originals.join(&name),
        )
        .unwrap();
    }
    fs::write(data.originals.join("done"), "").unwrap();
    data
}

/// Puts A's 100 files back in `folder` and, `with_copies`, the 100 copies as the sync tool
/// leaves them.
fn bring_into(data: &Data, folder: &Path, with_copies: bool) {
    let records = folder.join(BENEFICIARIES_DIR);
    fs::create_dir_all(&records).unwrap();
    for entry in fs::read_dir(&data.originals).unwrap().flatten() {
        if entry.file_name() != "done" {
            fs::copy(entry.path(), records.join(entry.file_name())).unwrap();
        }
    }
    if !with_copies {
        return;
    }
    for entry in fs::read_dir(&data.copies).unwrap().flatten() {
        fs::copy(entry.path(), records.join(entry.file_name())).unwrap();
    }
}

/// Into the 10,000-record folder.
fn bring_copies(data: &Data) {
    bring_into(data, &data.folder, true);
}

fn sync_merge(c: &mut Criterion) {
    let data = data();
    let mut group = c.benchmark_group("sync_merge");
    group.sample_size(10);
    group.bench_function("load_with_100_copies_10000", |b| {
        b.iter_batched(
            || bring_copies(&data),
            |()| {
                let mut store = store(&data.folder, "a");
                let report = store.load();
                assert!(report.conflicts.is_empty(), "every copy merges");
                black_box(report)
            },
            BatchSize::PerIteration,
        );
    });
    group.bench_function("load_baseline_10000", |b| {
        b.iter(|| {
            let mut store = store(&data.folder, "a");
            black_box(store.load())
        });
    });
    // The same 100 records and copies alone: the merge's own cost, without 9,900 records'
    // worth of loading to subtract (and its noise).
    let small = data.folder.with_file_name("small");
    group.bench_function("load_with_100_copies_100", |b| {
        b.iter_batched(
            || bring_into(&data, &small, true),
            |()| {
                let mut store = store(&small, "a");
                let report = store.load();
                assert!(report.conflicts.is_empty(), "every copy merges");
                black_box(report)
            },
            BatchSize::PerIteration,
        );
    });
    let small_base = data.folder.with_file_name("small-base");
    group.bench_function("load_baseline_100", |b| {
        b.iter_batched(
            || bring_into(&data, &small_base, false),
            |()| {
                let mut store = store(&small_base, "a");
                black_box(store.load())
            },
            BatchSize::PerIteration,
        );
    });
    let records = demo_beneficiaries(DIFFERING, today(), 7);
    let pairs: Vec<(Beneficiary, Beneficiary)> = records
        .iter()
        .map(|r| {
            let mut a = r.clone();
            a.contact.phone = "07 11 22 33 44".into();
            let mut b = r.clone();
            b.private_notes = "Changé sur B".into();
            (a, b)
        })
        .collect();
    let none = Versions::new();
    group.bench_function("merge_records_100", |b| {
        b.iter(|| {
            for (a, other) in &pairs {
                black_box(merge_records(a, &none, other, &none));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, sync_merge);
criterion_main!(benches);
