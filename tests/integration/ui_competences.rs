//! The "Compétences" tab (phase 1), driven as a counsellor would during an interview.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{app, let_autosave_run, type_into, write_fixture};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::skills::{FlePartner, Recognition, ReferralOutcome};
use parcours::model::{Beneficiary, CefrLevel, EntryRoute};
use parcours::store::{Access, Store};
use parcours::ui::ParcoursApp;
use parcours::ui::text;

fn open_skills_tab(dir: &std::path::Path) -> Harness<'static, ParcoursApp> {
    let mut harness = app(dir);
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    harness.get_by_label(text::skills::TAB_SKILLS).click();
    harness.run();
    harness
}

fn saved_record(dir: &std::path::Path) -> Beneficiary {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    store.load().beneficiaries.remove(0)
}

fn click(harness: &mut Harness<'_, ParcoursApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn an_experience_is_linked_to_its_occupation_typed_without_accents() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = open_skills_tab(dir.path());
    click(&mut harness, text::skills::ADD_EXPERIENCE);
    type_into(
        &mut harness,
        &text::skills::experience_title(1),
        "Aide-soignante à l'hôpital de Bamako",
    );
    type_into(&mut harness, &text::skills::experience_start(1), "03/2012");
    type_into(&mut harness, &text::skills::experience_end(1), "2019");
    type_into(
        &mut harness,
        &text::skills::experience_occupation(1),
        "aide soignant",
    );
    click(&mut harness, "J1501 · Aide-soignant / Aide-soignante");
    let_autosave_run(&mut harness);

    let record = saved_record(dir.path());
    let experience = &record.skills.experiences[0];
    assert_eq!(experience.rome_code.as_deref(), Some("J1501"));
    assert_eq!(experience.title, "Aide-soignante à l'hôpital de Bamako");
    // March 2012 to December 2019: 7 years and 10 months, shown per occupation (and again in
    // the valorisation profile).
    assert_eq!(harness.query_all_by_label("7,8 ans").count(), 2);
}

#[test]
fn a_diploma_with_a_requested_comparability_certificate() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = open_skills_tab(dir.path());
    click(&mut harness, text::skills::ADD_DIPLOMA);
    type_into(
        &mut harness,
        &text::skills::diploma_title(1),
        "Diplôme d'État d'infirmière",
    );
    type_into(&mut harness, &text::skills::diploma_year(1), "2014");
    click(&mut harness, &text::skills::diploma_recognition(1));
    click(
        &mut harness,
        "Attestation de comparabilité ENIC-NARIC demandée",
    );
    type_into(
        &mut harness,
        &text::skills::diploma_requested_on(1),
        "02/10/2026",
    );
    let_autosave_run(&mut harness);

    let diploma = &saved_record(dir.path()).skills.diplomas[0];
    assert_eq!(diploma.recognition, Recognition::Requested);
    assert_eq!(diploma.year, Some(2014));
    assert_eq!(
        diploma.requested_on.map(|d| d.to_string()).as_deref(),
        Some("2026-10-02")
    );
}

#[test]
fn the_french_level_set_here_switches_the_route_at_once() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = open_skills_tab(dir.path());
    assert!(
        harness
            .query_by_label(&text::widgets::route_by_level(
                EntryRoute::FrenchFirst.label()
            ))
            .is_some()
    );
    click(&mut harness, text::widgets::FRENCH_LEVEL);
    click(&mut harness, "B1");
    assert!(
        harness
            .query_by_label(&text::widgets::route_by_level(
                EntryRoute::Valorisation.label()
            ))
            .is_some()
    );
    // The badge in the header follows too.
    assert!(
        harness
            .query_by_label(EntryRoute::Valorisation.label())
            .is_some()
    );
    let_autosave_run(&mut harness);
    assert_eq!(saved_record(dir.path()).french_level, CefrLevel::B1);
}

#[test]
fn a_person_is_referred_to_a_french_course_partner() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = open_skills_tab(dir.path());
    click(&mut harness, text::skills::ADD_PARTNER);
    type_into(
        &mut harness,
        text::skills::PARTNER_NAME,
        "Association Alpha Vitry",
    );
    type_into(&mut harness, text::skills::PARTNER_PLACES, "3");
    click(&mut harness, text::skills::SAVE_PARTNER);
    let mut store = Store::open(dir.path(), Access::ReadOnly).unwrap();
    let partners: Vec<FlePartner> = store.load_partners().0;
    assert_eq!(partners.len(), 1);
    assert_eq!(partners[0].places_available, Some(3));

    click(&mut harness, text::skills::REFER);
    let_autosave_run(&mut harness);
    let referral = &saved_record(dir.path()).skills.fle_referrals[0];
    assert_eq!(referral.partner, partners[0].id);
    assert_eq!(referral.partner_name, "Association Alpha Vitry");
    assert_eq!(referral.outcome, ReferralOutcome::Pending);
    assert_eq!(referral.referred_on.to_string(), "2026-11-22");
}

#[test]
fn snapshot_competences_tab_filled() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = open_skills_tab(dir.path());
    click(&mut harness, text::skills::ADD_EXPERIENCE);
    type_into(
        &mut harness,
        &text::skills::experience_title(1),
        "Vendeuse au marché de Kayes",
    );
    type_into(&mut harness, &text::skills::experience_start(1), "2015");
    type_into(&mut harness, &text::skills::experience_end(1), "2024");
    type_into(
        &mut harness,
        &text::skills::experience_occupation(1),
        "d1106",
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    let_autosave_run(&mut harness);
    assert_eq!(
        saved_record(dir.path()).skills.experiences[0]
            .rome_code
            .as_deref(),
        Some("D1106")
    );
    harness
        .get_by_label(&text::widgets::phase_status(1))
        .scroll_to_me();
    harness.remove_cursor();
    harness.run();
    crate::image_snapshot::snapshot(&mut harness, "competences_tab");
}

#[test]
fn an_impossible_date_gets_the_same_message_in_an_experience() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = open_skills_tab(dir.path());
    click(&mut harness, text::skills::ADD_EXPERIENCE);
    type_into(
        &mut harness,
        &text::skills::experience_start(1),
        "31/02/2025",
    );
    click(&mut harness, text::skills::ADD_EXPERIENCE);
    // The message of every date field, not one of its own.
    harness.get_by_label("Cette date n'existe pas : 31/02/2025.");
}
