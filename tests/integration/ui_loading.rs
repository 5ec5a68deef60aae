//! The real window loads the records on a thread of its own: it shows a progress bar, keeps
//! drawing frames quickly meanwhile, then lists every record and can save (the store, and its
//! lock, came back from the loading thread).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::demo_beneficiaries;
use parcours::store::{Access, Store};
use parcours::ui::{AppConfig, ParcoursApp};

use crate::common::today;

#[test]
fn records_load_in_the_background_with_frames_that_stay_quick() {
    const RECORDS: usize = 400;
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        for record in demo_beneficiaries(RECORDS, today(), 11) {
            store.save_beneficiary(&record, today()).unwrap();
        }
    }
    let config = AppConfig {
        data_dir: dir.path().to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 760.0))
        .build_eframe(move |cc| ParcoursApp::new_loading_in_background(&cc.egui_ctx, config));

    let started = Instant::now();
    let mut slowest = Duration::ZERO;
    let mut frames_while_loading = 0;
    while harness.state().records().is_empty() {
        assert!(
            started.elapsed() < Duration::from_mins(1),
            "the records never arrived"
        );
        let frame = Instant::now();
        harness.step();
        slowest = slowest.max(frame.elapsed());
        frames_while_loading += 1;
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(
        slowest < Duration::from_millis(100),
        "a frame took {slowest:?} while loading ({frames_while_loading} frames)"
    );
    assert_eq!(harness.state().records().len(), RECORDS);
    harness.run();
    assert!(harness.query_by_label("Chargement des fiches…").is_none());
    // The lock came back with the store: edits can be saved.
    assert!(harness.state().is_writable());
    assert!(Store::open(dir.path(), Access::ReadWrite).is_err());
}
