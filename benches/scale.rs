//! Parcours at the scale of a department: 1,000 and 10,000 pathways made by `parcours demo`.
//!
//! Measured:
//! - loading the whole data directory (`load/store`), against two baselines that read the same
//!   files and parse them with `ron` alone into the same types: one after the other
//!   (`load/baseline_ron_alone_sequential`) and on every core with rayon, as the store does
//!   (`load/baseline_ron_alone_rayon`, the fair comparison);
//! - the same directory encrypted (issue #15: every file sealed with the data key), loaded
//!   side by side (`load/store_encrypted`, target ≤ 1.3 × `load/store`; the key is unwrapped
//!   with small Argon2 costs, stored in the bench's key file: the unlock is not what is
//!   measured here but in `benches/crypto.rs`);
//! - one search keystroke over the list;
//! - saving one edited record (atomic write with `fsync` of the file and the folder), in a
//!   folder under `target/` (the project's disk: `/tmp` is a tmpfs on many machines, where
//!   `fsync` costs nothing), in clear and in an encrypted directory (`save_one_record_encrypted`);
//! - one frame of the window with the list and a record open, three ways, each labelled:
//!   `frame/egui_pass_only` (the UI code, no tessellation nor painting: what the app costs),
//!   `frame/pass_and_tessellation` (plus turning the shapes into triangles, as eframe does
//!   every frame), and `frame/pass_tessellation_and_cpu_render` (plus painting with wgpu on
//!   Mesa's lavapipe, a CPU renderer, and reading the image back: an upper bound for a
//!   machine without a GPU).
//!
//! (Peak memory is measured on a fresh process:
//! `/usr/bin/time -v target/release/parcours --data-dir target/bench-data/10000 check`.)
//!
//! Run with `cargo bench --bench scale` (sizes: `PARCOURS_BENCH_SIZES=1000,10000`, the
//! default). The data directories are made once, by the release-built binary, under
//! `target/bench-data/<count>/`, and reused by later runs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::{Beneficiary, SearchQuery, fold};
use parcours::store::vault::{self, Costs, VaultState};
use parcours::store::{Access, BENEFICIARIES_DIR, Store};
use parcours::ui::{AppConfig, ParcoursApp};
use serde::Deserialize;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn sizes() -> Vec<usize> {
    std::env::var("PARCOURS_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000".to_owned())
        .split(',')
        .map(|n| n.trim().parse().unwrap())
        .collect()
}

/// `target/bench-data/<count>`, made by `parcours demo --count <count>` when missing.
fn data_dir(count: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(count.to_string());
    let records = dir.join(BENEFICIARIES_DIR);
    let present = fs::read_dir(&records).map_or(0, Iterator::count);
    if present != count {
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let started = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_parcours"))
            .env_remove("PARCOURS_DATA_DIR")
            .arg("--data-dir")
            .arg(&dir)
            .args(["demo", "--count", &count.to_string()])
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        eprintln!(
            "parcours demo --count {count}: {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    dir
}

/// The bench's passphrase, and Argon2 costs small enough to unwrap the key at each load.
const PASSPHRASE: &str = "phrase de passe du banc de mesure";
const CHEAP: Costs = Costs {
    passphrase: (256, 1, 1),
    recovery: (256, 1, 1),
};

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        let target = to.join(&name);
        if entry.file_type().unwrap().is_dir() {
            if name != ".parcours" {
                copy_tree(&entry.path(), &target);
            }
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// `target/bench-data/<count>-chiffre`: a copy of [`data_dir`] converted by `Store::encrypt`.
fn encrypted_dir(count: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(format!("{count}-chiffre"));
    let present = fs::read_dir(dir.join(BENEFICIARIES_DIR)).map_or(0, Iterator::count);
    if present != count || vault::state(&dir) != VaultState::Encrypted {
        let _ = fs::remove_dir_all(&dir);
        copy_tree(&data_dir(count), &dir);
        let started = Instant::now();
        Store::open(&dir, Access::ReadWrite)
            .unwrap()
            .encrypt(PASSPHRASE, CHEAP, &|_, _| {})
            .unwrap();
        eprintln!(
            "encrypting {count} records in place: {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    dir
}

/// The same envelope as the store's, for the baseline.
#[derive(Deserialize)]
struct Envelope {
    #[allow(dead_code)]
    schema_version: u32,
    record: Beneficiary,
}

fn record_paths(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir.join(BENEFICIARIES_DIR))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect()
}

fn read_and_parse(path: &Path) -> Beneficiary {
    let text = fs::read_to_string(path).unwrap();
    let envelope: Envelope = ron::from_str(&text).unwrap();
    envelope.record
}

/// Baseline: every file read and parsed by `ron` alone, one after the other.
fn baseline_sequential(dir: &Path) -> Vec<Beneficiary> {
    record_paths(dir)
        .iter()
        .map(|p| read_and_parse(p))
        .collect()
}

/// Baseline on the same cores as the store: every file read and parsed by `ron` alone, spread
/// by rayon over its global pool (the one the store uses).
fn baseline_rayon(dir: &Path) -> Vec<Beneficiary> {
    use rayon::prelude::*;
    record_paths(dir)
        .par_iter()
        .map(|p| read_and_parse(p))
        .collect()
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    for count in sizes() {
        let dir = data_dir(count);
        group.bench_with_input(BenchmarkId::new("store", count), &dir, |b, dir| {
            b.iter(|| {
                let mut store = Store::open(dir, Access::ReadOnly).unwrap();
                let report = store.load();
                assert_eq!(report.beneficiaries.len(), count);
                report
            });
        });
        let encrypted = encrypted_dir(count);
        group.bench_with_input(
            BenchmarkId::new("store_encrypted", count),
            &encrypted,
            |b, dir| {
                b.iter(|| {
                    let key = vault::unlock(dir, PASSPHRASE).unwrap();
                    let mut store = Store::open_with_key(dir, Access::ReadOnly, Some(key)).unwrap();
                    let report = store.load();
                    assert_eq!(report.beneficiaries.len(), count);
                    report
                });
            },
        );
        group.bench_with_input(
            BenchmarkId::new("baseline_ron_alone_sequential", count),
            &dir,
            |b, dir| b.iter(|| baseline_sequential(dir)),
        );
        group.bench_with_input(
            BenchmarkId::new("baseline_ron_alone_rayon", count),
            &dir,
            |b, dir| {
                b.iter(|| {
                    let records = baseline_rayon(dir);
                    assert_eq!(records.len(), count);
                    records
                });
            },
        );
    }
    group.finish();
}

fn search_keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("search_keystroke");
    for count in sizes() {
        let records = Store::open(data_dir(count), Access::ReadOnly)
            .unwrap()
            .load()
            .beneficiaries;
        // What the list keeps between keystrokes: each record's folded search text.
        let folded: Vec<String> = records.iter().map(|b| fold(&b.search_text())).collect();
        group.bench_with_input(BenchmarkId::from_parameter(count), &folded, |b, folded| {
            b.iter(|| {
                let query = SearchQuery::new(black_box("diallo vit"));
                folded.iter().filter(|f| query.matches(f)).count()
            });
        });
    }
    group.finish();
}

fn save_one(c: &mut Criterion) {
    // On the project's disk, not in `/tmp`: a tmpfs there would make `fsync` free.
    let parent = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-save");
    fs::create_dir_all(&parent).unwrap();
    let work = tempfile::tempdir_in(&parent).unwrap();
    let dir = work.path();
    let mut record = Store::open(data_dir(sizes()[0]), Access::ReadOnly)
        .unwrap()
        .load()
        .beneficiaries
        .remove(0);
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    // The day's backup happens before the first write; not what one keystroke costs.
    store.save_beneficiary(&record, today()).unwrap();
    let mut n = 0_u32;
    c.bench_function("save_one_record", |b| {
        b.iter(|| {
            n += 1;
            record.private_notes = format!("Entretien n° {n}");
            record.updated_at = Utc::now();
            store.save_beneficiary(&record, today()).unwrap();
        });
    });
    // The same in an encrypted directory: the record sealed before the atomic write.
    let encrypted = tempfile::tempdir_in(&parent).unwrap();
    Store::open(encrypted.path(), Access::ReadWrite)
        .unwrap()
        .encrypt(PASSPHRASE, CHEAP, &|_, _| {})
        .unwrap();
    let key = vault::unlock(encrypted.path(), PASSPHRASE).unwrap();
    let mut store = Store::open_with_key(encrypted.path(), Access::ReadWrite, Some(key)).unwrap();
    store.save_beneficiary(&record, today()).unwrap();
    c.bench_function("save_one_record_encrypted", |b| {
        b.iter(|| {
            n += 1;
            record.private_notes = format!("Entretien n° {n}");
            record.updated_at = Utc::now();
            store.save_beneficiary(&record, today()).unwrap();
        });
    });
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    for count in sizes() {
        let dir = data_dir(count);
        let config = AppConfig {
            data_dir: dir.clone(),
            today: Some(today()),
        };
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
        harness.run();
        // Open the first record of the list.
        let first = Store::open(&dir, Access::ReadOnly)
            .unwrap()
            .load()
            .beneficiaries
            .into_iter()
            .min_by_key(|b| (fold(&b.identity.last_name), fold(&b.identity.first_name)))
            .unwrap();
        let name = first.display_name();
        harness
            .query_all_by_label_contains(&name)
            .next()
            .unwrap_or_else(|| panic!("{name} is not in the list"))
            .click();
        harness.run();
        assert!(harness.state().selected().is_some(), "no record open");
        group.bench_function(BenchmarkId::new("egui_pass_only", count), |b| {
            b.iter(|| harness.step());
        });
        let pixels_per_point = harness.ctx.pixels_per_point();
        group.bench_function(BenchmarkId::new("pass_and_tessellation", count), |b| {
            b.iter(|| {
                harness.step();
                // The clone of the shape list (reference-counted text) is part of this cost.
                let shapes = harness.output().shapes.clone();
                harness.ctx.tessellate(shapes, pixels_per_point)
            });
        });
        group.bench_function(
            BenchmarkId::new("pass_tessellation_and_cpu_render", count),
            |b| {
                b.iter(|| {
                    harness.step();
                    harness.render().unwrap()
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, load, search_keystroke, save_one, frame);
criterion_main!(benches);
