//! The French level in the "Identité" tab (#18): its dated history is shown, and a change of
//! level adds an assessment with its source instead of overwriting the earlier one.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::CefrLevel;
use parcours::model::record::{AssessmentSource, FrenchAssessment};
use parcours::store::{Access, Store};
use parcours::ui::ParcoursApp;
use parcours::ui::text::{identity, widgets};

use crate::common::{app, d, let_autosave_run, today, write_fixture};

fn choose(harness: &mut Harness<'_, ParcoursApp>, combo: &str, option: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, combo)
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, combo).click();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

#[test]
fn a_new_level_is_added_to_the_history_with_its_source() {
    let dir = tempfile::tempdir().unwrap();
    // The fixture was written with a level and no history (as before format 7).
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    // Its level reads as one assessment, dated at the record's creation.
    assert!(
        harness
            .query_by_label("02/03/2026 · A2 · Appréciation du conseiller")
            .is_some()
    );
    choose(
        &mut harness,
        identity::FRENCH_SOURCE,
        AssessmentSource::Certificate.label(),
    );
    choose(&mut harness, widgets::FRENCH_LEVEL, CefrLevel::B1.label());
    let_autosave_run(&mut harness);

    let mut store = Store::open(dir.path(), Access::ReadOnly).unwrap();
    let saved = store.load().beneficiaries.remove(0);
    assert_eq!(saved.french_level, CefrLevel::B1);
    assert_eq!(
        saved.french_history,
        [
            FrenchAssessment {
                date: d(2026, 3, 2),
                level: CefrLevel::A2,
                source: AssessmentSource::Counsellor,
            },
            FrenchAssessment {
                date: today(),
                level: CefrLevel::B1,
                source: AssessmentSource::Certificate,
            },
        ]
    );
}
