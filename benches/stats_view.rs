//! The "Bilans" view's frame (issue #18: ≤ 4 ms at 10,000 records) on the data of
//! `parcours demo --count N` (made by the scale bench under `target/bench-data/<N>/`, reused
//! here; run `cargo bench --bench scale` once first).
//!
//! The view is opened with Ctrl+Maj+B, the figures of the current year are awaited (computed
//! on a worker thread), then one frame is measured, two ways: `stats_frame/egui_pass_only` (the
//! UI code) and `stats_frame/pass_and_tessellation` (plus the shapes turned into triangles).
//! A frame only draws the report already received: no recomputation.
//!
//! Run with `cargo bench --bench stats_view` (sizes: `PARCOURS_BENCH_SIZES=1000,10000`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/window.rs"]
mod window;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use parcours::ui::text::stats as t;

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("stats_frame");
    group.sample_size(20);
    for count in window::sizes() {
        let mut harness =
            window::loaded_window(count, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::B);
        harness.step();
        harness.get_by_label(t::HEADING);
        for _ in 0..6000 {
            harness.step();
            if harness.query_by_label(t::COMPUTING).is_none() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(
            harness.query_by_label(t::COMPUTING).is_none(),
            "the figures never came"
        );
        window::bench_frames(&mut group, &mut harness, count);
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
