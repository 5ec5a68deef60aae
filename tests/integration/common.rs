//! Helpers shared by the window tests: a harness on a data directory with a fixed "today",
//! typing into labelled fields, letting autosave run, a fixed record for snapshots.

// Each test file uses a different subset of these helpers.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::record::{ConsentEntry, ConsentMethod, ConsentState, Purpose};
use parcours::model::skills::Language;
use parcours::model::{
    Beneficiary, BeneficiaryId, CefrLevel, Child, ChildId, FamilySituation, PermitKind,
    PhaseStatus, ResidencePermit, Sex,
};
use parcours::store::{Access, Store};
use parcours::ui::{AppConfig, ParcoursApp};

/// Frames a window's `run` may take before it settles: Accueil's lines come from a thread of
/// their own, whose call for a frame can land during a run and add a few (kittest allows 4).
pub const APP_MAX_STEPS: u64 = 16;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

pub fn app(dir: &Path) -> Harness<'static, ParcoursApp> {
    let config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 760.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
    show_record_area(&mut harness);
    harness
}

/// Runs frames until "Accueil" has its lists for the data as they are ("Mise à jour…" gone:
/// its worker thread sent them); at once on another view.
pub fn wait_for_home(harness: &mut Harness<'_, ParcoursApp>) {
    for _ in 0..2000 {
        harness.run();
        if harness
            .query_by_label(parcours::ui::text::home::UPDATING)
            .is_none()
        {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("Accueil's lists never came");
}

/// Shows the record area ("Fiche") rather than "Accueil", where the window starts: for the
/// tests of the record's tabs, which look people up by name in the list.
pub fn show_record_area(harness: &mut Harness<'_, ParcoursApp>) {
    harness.run();
    harness
        .get_by_label(parcours::ui::text::common::VIEW_RECORD)
        .click();
    harness.run();
}

/// The window on `dir` as [`app`] builds it, but drawing a box ("tofu") for a character no font
/// has (CJK), as the real window does: kittest panics on one by default.
pub fn app_drawing_boxes(dir: &Path) -> Harness<'static, ParcoursApp> {
    let config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 760.0))
        .with_theme(egui::Theme::Light)
        .allow_missing_glyphs()
        // The window's own timers (autosave, the shared folder's watcher and leases) may ask a
        // few more frames before it settles on a busy machine: the monkey test checks that
        // nothing panics, not how fast the window settles.
        .with_max_steps(32)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
    show_record_area(&mut harness);
    harness
}

/// Lets simulated time pass beyond the autosave delay (each step is 0.25 s).
pub fn let_autosave_run(harness: &mut Harness<'_, ParcoursApp>) {
    harness.run_steps(6);
    harness.run();
}

pub fn record_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("beneficiaries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

pub fn type_into(harness: &mut Harness<'_, ParcoursApp>, label: &str, text: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// A fixed record, so that snapshots do not change from one run to the next.
pub fn fixture() -> Beneficiary {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 0).unwrap());
    b.id = BeneficiaryId::from_uuid(uuid::uuid!("0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
    b.identity.first_name = "Fatoumata".into();
    b.identity.last_name = "Diallo".into();
    b.identity.birth_date = Some(d(1991, 6, 14));
    b.identity.sex = Sex::Female;
    b.identity.nationality = "malienne".into();
    b.identity.country_of_origin = "Mali".into();
    b.identity.languages = vec![Language::named("bambara"), Language::named("soninké")];
    b.identity.arrival_date = Some(d(2025, 9, 3));
    b.contact.phone = "06 12 34 56 78".into();
    b.contact.postcode = "94400".into();
    b.contact.town = "Vitry-sur-Seine".into();
    b.administrative.residence_permit = Some(ResidencePermit {
        kind: PermitKind::Temporary,
        number: None,
        issued_on: Some(d(2026, 1, 10)),
        expires_on: Some(d(2027, 1, 9)),
        ..ResidencePermit::new(PermitKind::Temporary)
    });
    b.administrative.cir_signed_on = Some(d(2026, 2, 2));
    b.family.situation = FamilySituation::Married;
    b.family.children = vec![Child {
        id: ChildId::from_uuid(uuid::uuid!("0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c")),
        first_name: "Awa".into(),
        birth_date: Some(d(2025, 4, 20)),
    }];
    b.french_level = CefrLevel::A2;
    b.pathway.phases.identification.status = PhaseStatus::InProgress;
    b.pathway.phases.identification.started_on = Some(d(2026, 3, 2));
    b.referent = "Claire Martin".into();
    // As the demo people: informed of the follow-up and agreeing to every sharing at entry
    // (the consent gate's own tests take these away).
    for purpose in Purpose::ALL {
        b.protection.record(ConsentEntry {
            purpose,
            state: ConsentState::Given,
            date: d(2026, 3, 2),
            method: ConsentMethod::SignedForm,
            by: "Claire Martin".into(),
        });
    }
    b.updated_at = b.created_at;
    b
}

pub fn write_fixture(dir: &Path) {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    store.save_beneficiary(&fixture(), today()).unwrap();
}

/// Asks the window to close, as the title bar's close button does.
pub fn request_close(harness: &mut Harness<'_, ParcoursApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
    harness.run();
}

/// The date `y`-`m`-`day`; panics on a date that does not exist (a test's typo).
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a date that exists")
}
