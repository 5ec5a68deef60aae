//! The "Accueil" view's frame (issue #17: ≤ 2 ms at 10,000 records) on the data of
//! `parcours demo --count N` (made by the scale bench under `target/bench-data/<N>/`, reused
//! here; run `cargo bench --bench scale` once first, or make it with
//! `PARCOURS_TODAY=2026-11-22 parcours --data-dir target/bench-data/N demo --count N`).
//!
//! The window opens on "Accueil"; once the records are in and the view's lines computed (on a
//! thread of their own; `home_after_change` measures the frames meanwhile), one frame is
//! measured, two ways: `home_frame/egui_pass_only` (the UI code) and
//! `home_frame/pass_and_tessellation` (plus the shapes turned into triangles). A frame only
//! draws the lines already computed: nothing changed, nothing recomputed. For comparison,
//! `home_frame/baseline_no_view`: the same window on "Fiche" with no record selected.
//!
//! Run with `cargo bench --bench home_view` (sizes: `PARCOURS_BENCH_SIZES=1000,10000`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/window.rs"]
mod window;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::kittest::Queryable;
use parcours::ui::text::home as t;

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("home_frame");
    group.sample_size(20);
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    for count in window::sizes() {
        let mut harness = window::loaded_window(count, today);
        window::wait_for_home(&mut harness);
        // The view is on screen, with its lists.
        harness.get_by_label(&t::today(today));
        harness.get_by_label(t::TO_SETTLE);
        assert!(
            harness.query_by_label(t::TO_SETTLE_NONE).is_none(),
            "the demo has appointments to settle"
        );
        window::bench_frames(&mut group, &mut harness, count);
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
