//! What the benches of a view's frame share: the sizes measured, the data of `--bench scale`,
//! and the window opened on it once every record is in.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::ui::{AppConfig, ParcoursApp};

/// The numbers of records measured: `PARCOURS_BENCH_SIZES`, else 1,000 and 10,000.
pub fn sizes() -> Vec<usize> {
    std::env::var("PARCOURS_BENCH_SIZES")
        .unwrap_or_else(|_| "1000,10000".to_owned())
        .split(',')
        .map(|n| n.trim().parse().unwrap())
        .collect()
}

/// `target/bench-data/<count>`, made by `--bench scale`.
pub fn data_dir(count: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(count.to_string());
    assert!(
        dir.join("beneficiaries").is_dir(),
        "{}: run `cargo bench --bench scale` first (it makes the data)",
        dir.display()
    );
    dir
}

/// The window (1280 × 800) on the data of `count` records as of `today`, once they are all
/// in: they load on a thread of their own, and the list shows "0 / 0 bénéficiaire(s)" before.
#[allow(dead_code, reason = "not every bench reads the data in place")]
pub fn loaded_window(count: usize, today: NaiveDate) -> Harness<'static, ParcoursApp> {
    window_on(data_dir(count), count, today)
}

/// A copy of the data of `count` records (without its backups), for a bench that saves:
/// the data of `--bench scale` stays as it was made.
#[allow(dead_code, reason = "not every bench saves")]
pub fn data_copy(count: usize) -> tempfile::TempDir {
    fn copy_tree(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name();
            if name == "backups" || name == ".parcours" {
                continue;
            }
            if entry.file_type().unwrap().is_dir() {
                copy_tree(&entry.path(), &to.join(name));
            } else {
                std::fs::copy(entry.path(), to.join(name)).unwrap();
            }
        }
    }
    let copy = tempfile::tempdir().unwrap();
    copy_tree(&data_dir(count), copy.path());
    copy
}

/// The window (1280 × 800) on `data_dir`, holding `count` records, as of `today`, once they
/// are all in.
pub fn window_on(
    data_dir: PathBuf,
    count: usize,
    today: NaiveDate,
) -> Harness<'static, ParcoursApp> {
    let config = AppConfig {
        data_dir,
        today: Some(today),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
    let loaded = format!("/ {count} bénéficiaire(s)");
    for _ in 0..6000 {
        harness.step();
        if harness.query_by_label_contains(&loaded).is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    harness
}

/// Frames until "Accueil" shows its lines: they are computed on a thread of their own, "Mise
/// à jour…" beside the day's heading meanwhile.
#[allow(dead_code, reason = "not every bench shows Accueil")]
pub fn wait_for_home(harness: &mut Harness<'_, ParcoursApp>) {
    use parcours::ui::text::home as t;
    for _ in 0..10_000 {
        harness.step();
        if harness.query_by_label(t::UPDATING).is_none()
            && harness.query_by_label(t::TO_SETTLE).is_some()
        {
            return;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("Accueil's lines never came");
}

/// One frame of the window as it stands, measured three ways under `count`:
/// `egui_pass_only` (the UI code), `pass_and_tessellation` (plus the shapes turned into
/// triangles), and `baseline_no_view` (the same window on "Fiche" with no record selected,
/// for comparison: the harness is left there).
#[allow(dead_code, reason = "not every bench measures a view's frame")]
pub fn bench_frames(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    harness: &mut Harness<'static, ParcoursApp>,
    count: usize,
) {
    use criterion::BenchmarkId;
    group.bench_function(BenchmarkId::new("egui_pass_only", count), |b| {
        b.iter(|| harness.step());
    });
    let pixels_per_point = harness.ctx.pixels_per_point();
    group.bench_function(BenchmarkId::new("pass_and_tessellation", count), |b| {
        b.iter(|| {
            harness.step();
            let shapes = harness.output().shapes.clone();
            harness.ctx.tessellate(shapes, pixels_per_point)
        });
    });
    harness.get_by_label("Fiche").click();
    harness.step();
    harness.step();
    group.bench_function(BenchmarkId::new("baseline_no_view", count), |b| {
        b.iter(|| harness.step());
    });
}
