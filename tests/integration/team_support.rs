//! Helpers of the team tests: a window run by a named counsellor (a profile of their own), on
//! a data directory that other windows and processes share.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use egui_kittest::Harness;
use parcours::model::Beneficiary;
use parcours::store::profile::{self, Profile};
use parcours::store::{Access, Store};
use parcours::ui::{AppConfig, ParcoursApp};

use crate::common::{fixture, today};

/// The window on `dir`, run by `name` (their profile kept in `config`).
pub fn app_as(dir: &Path, config: &Path, name: &str) -> Harness<'static, ParcoursApp> {
    if profile::load(config).is_none() {
        profile::save(config, &Profile::new(name)).unwrap();
    }
    let app_config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    let config = config.to_owned();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 760.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| {
            ParcoursApp::new(&cc.egui_ctx, app_config).with_profile_dir(config)
        });
    // The record area, not "Accueil" where the window starts: these tests find people by
    // name in the list.
    crate::common::show_record_area(&mut harness);
    harness
}

/// A valid record named `first last`, followed by `referent`.
pub fn person(first: &str, last: &str, referent: &str) -> Beneficiary {
    let mut b = fixture();
    b.id = parcours::model::BeneficiaryId::new();
    b.identity.first_name = first.into();
    b.identity.last_name = last.into();
    b.referent = referent.into();
    b
}

/// Saves `records` in `dir`, as another Parcours would.
pub fn write_records(dir: &Path, records: &[Beneficiary]) {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    for b in records {
        store.save_beneficiary(b, today()).unwrap();
    }
}
