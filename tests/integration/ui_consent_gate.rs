//! The consent gate, driven as a counsellor would: an action that shares the person's data
//! (proposing an offer, saving the CV, booking the crèche, referring to a French-course
//! partner) does not happen while the person has not agreed to it; the window says why, and
//! either records the person's consent (oral, today, by the referent) or passes over it with a
//! written reason, kept in the record's file. Either way the action then goes on.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::Beneficiary;
use parcours::model::demo::demo_companies;
use parcours::model::record::{ConsentEntry, ConsentMethod, ConsentState, Purpose};
use parcours::model::skills::Experience;
use parcours::store::{Access, Store};
use parcours::ui::ParcoursApp;
use parcours::ui::text::{self, companies, creche, preparation, widgets};

use crate::common::{app, fixture, let_autosave_run, today, type_into};

/// The cook's own trade, the best offer of the demo directory for her.
const COOK: &str = "Commis de cuisine — Brasserie du Marché";

/// The fixture as a former cook, with the demo directory, who has said nothing yet about
/// `purpose` (every other consent of the fixture stays).
fn write_without(dir: &Path, purpose: Purpose) {
    write_with(dir, purpose, |_| {});
}

/// As [`write_without`], then `change` applied to the record before it is written.
fn write_with(dir: &Path, purpose: Purpose, change: impl FnOnce(&mut Beneficiary)) {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    let mut record = fixture();
    record.protection.consents.retain(|c| c.purpose != purpose);
    change(&mut record);
    record.skills.experiences.push(Experience {
        title: "Cuisinière dans un restaurant de Bamako".into(),
        rome_code: Some("G1602".into()),
        ..Experience::default()
    });
    record.skills.target_occupations = vec!["G1602".into()];
    store.save_beneficiary(&record, today()).unwrap();
    for company in demo_companies(today()) {
        store.save_company(&company).unwrap();
    }
}

/// The window on the fixture's record, on its first tab ("Identité").
fn open_record(dir: &Path) -> Harness<'static, ParcoursApp> {
    let mut harness = app(dir);
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    harness
}

fn open_tab(dir: &Path, tab: &str) -> Harness<'static, ParcoursApp> {
    let mut harness = open_record(dir);
    harness.get_by_label(tab).click();
    harness.run();
    harness
}

fn saved_record(dir: &Path) -> Beneficiary {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    store.load().beneficiaries.remove(0)
}

fn click(harness: &mut Harness<'_, ParcoursApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn type_reason(harness: &mut Harness<'_, ParcoursApp>, text: &str) {
    click(harness, widgets::OVERRIDE_REASON);
    harness
        .get_by_label(widgets::OVERRIDE_REASON)
        .type_text(text);
    harness.run();
}

#[test]
fn an_offer_is_not_proposed_without_the_persons_consent_and_the_window_says_why() {
    let dir = tempfile::tempdir().unwrap();
    write_without(dir.path(), Purpose::ShareWithCompanies);
    let mut harness = open_tab(dir.path(), companies::TAB_COMPANIES);
    click(&mut harness, &companies::propose_target(COOK));
    assert!(saved_record(dir.path()).applications.is_empty());
    harness.get_by_label("Consentement non recueilli pour la transmission aux entreprises");
    harness.get_by_label(widgets::RECORD_CONSENT);
    harness.get_by_label(widgets::OVERRIDE);
    // Cancelled: still nothing proposed, and the message is gone.
    click(&mut harness, parcours::ui::text::common::CANCEL);
    assert!(harness.query_by_label(widgets::RECORD_CONSENT).is_none());
    assert!(saved_record(dir.path()).applications.is_empty());
}

#[test]
fn a_refused_consent_is_named_and_the_offer_waits() {
    let dir = tempfile::tempdir().unwrap();
    write_with(dir.path(), Purpose::ShareWithCompanies, |record| {
        record.protection.record(ConsentEntry {
            purpose: Purpose::ShareWithCompanies,
            state: ConsentState::Withdrawn,
            date: today(),
            method: ConsentMethod::SignedForm,
            by: "Claire Martin".into(),
        });
    });
    let mut harness = open_tab(dir.path(), companies::TAB_COMPANIES);
    click(&mut harness, &companies::propose_target(COOK));
    harness.get_by_label("Consentement pour la transmission aux entreprises : Retiré");
    assert!(saved_record(dir.path()).applications.is_empty());
}

#[test]
fn recording_the_consent_proposes_the_offer_and_keeps_the_consent_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    write_without(dir.path(), Purpose::ShareWithCompanies);
    let mut harness = open_tab(dir.path(), companies::TAB_COMPANIES);
    click(&mut harness, &companies::propose_target(COOK));
    click(&mut harness, widgets::RECORD_CONSENT);
    let record = saved_record(dir.path());
    assert_eq!(record.applications.len(), 1);
    assert_eq!(record.applications[0].target_label(), COOK);
    let consent = record
        .protection
        .current(Purpose::ShareWithCompanies)
        .expect("the consent is saved with the application");
    assert_eq!(consent.state, ConsentState::Given);
    assert_eq!(consent.method, ConsentMethod::Oral);
    assert_eq!(consent.date, today());
    assert_eq!(consent.by, "Claire Martin");
    assert!(harness.query_by_label(widgets::RECORD_CONSENT).is_none());
    // Agreed now: the next offer goes at once.
    harness
        .query_all_by_label_contains(&format!("{} « ", companies::PROPOSE))
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(saved_record(dir.path()).applications.len(), 2);
}

#[test]
fn passing_over_needs_a_reason_which_the_file_keeps() {
    let dir = tempfile::tempdir().unwrap();
    write_without(dir.path(), Purpose::ShareWithCompanies);
    let mut harness = open_tab(dir.path(), companies::TAB_COMPANIES);
    click(&mut harness, &companies::propose_target(COOK));
    click(&mut harness, widgets::OVERRIDE);
    // No reason: refused, said so, nothing proposed.
    click(&mut harness, widgets::OVERRIDE_CONFIRM);
    harness.get_by_label(widgets::OVERRIDE_REASON_REQUIRED);
    assert!(saved_record(dir.path()).applications.is_empty());
    type_reason(
        &mut harness,
        "Entretien demain, accord oral donné au téléphone à l'employeur",
    );
    click(&mut harness, widgets::OVERRIDE_CONFIRM);
    let record = saved_record(dir.path());
    assert_eq!(record.applications.len(), 1);
    let overriding = &record.protection.overrides;
    assert_eq!(overriding.len(), 1);
    assert_eq!(overriding[0].purpose, Purpose::ShareWithCompanies);
    assert_eq!(
        overriding[0].reason,
        "Entretien demain, accord oral donné au téléphone à l'employeur"
    );
    assert_eq!(overriding[0].date, today());
    // No consent was invented.
    assert!(!record.protection.allows(Purpose::ShareWithCompanies));
    // The reason is in the record's file on disk, as written.
    let file = crate::common::record_files(dir.path()).remove(0);
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("accord oral donné au téléphone"));
}

#[test]
fn a_creche_booking_waits_for_consent_and_an_override_books_it_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    write_without(dir.path(), Purpose::ShareWithCreche);
    let mut harness = open_tab(dir.path(), creche::TAB_CRECHE);
    type_into(&mut harness, creche::CRECHE_DATE, "25/11/2026");
    click(&mut harness, creche::CRECHE_BOOK);
    harness.get_by_label("Consentement non recueilli pour la transmission à la micro-crèche");
    assert!(
        harness
            .query_by_label_contains(&creche::booked("Awa"))
            .is_none()
    );
    let_autosave_run(&mut harness);
    assert!(saved_record(dir.path()).creche.bookings.is_empty());

    click(&mut harness, widgets::OVERRIDE);
    type_reason(&mut harness, "Entretien d'embauche demain matin");
    click(&mut harness, widgets::OVERRIDE_CONFIRM);
    harness.get_by_label_contains(&creche::booked("Awa"));
    let_autosave_run(&mut harness);
    let record = saved_record(dir.path());
    assert_eq!(record.creche.bookings.len(), 1);
    assert_eq!(record.protection.overrides.len(), 1);
    assert_eq!(
        record.protection.overrides[0].purpose,
        Purpose::ShareWithCreche
    );
    assert_eq!(
        record.protection.overrides[0].reason,
        "Entretien d'embauche demain matin"
    );
}

#[test]
fn a_french_course_referral_waits_for_consent_and_goes_on_once_recorded() {
    let dir = tempfile::tempdir().unwrap();
    write_without(dir.path(), Purpose::ShareWithLanguagePartners);
    let mut harness = open_tab(dir.path(), text::skills::TAB_SKILLS);
    click(&mut harness, text::skills::ADD_PARTNER);
    type_into(
        &mut harness,
        text::skills::PARTNER_NAME,
        "Association Alpha Vitry",
    );
    click(&mut harness, text::skills::SAVE_PARTNER);
    click(&mut harness, text::skills::REFER);
    harness.get_by_label(
        "Consentement non recueilli pour la transmission aux partenaires de cours de \
         français ou d'alphabétisation",
    );
    let_autosave_run(&mut harness);
    assert!(saved_record(dir.path()).skills.fle_referrals.is_empty());

    click(&mut harness, widgets::RECORD_CONSENT);
    let_autosave_run(&mut harness);
    let record = saved_record(dir.path());
    assert_eq!(record.skills.fle_referrals.len(), 1);
    assert_eq!(
        record.skills.fle_referrals[0].partner_name,
        "Association Alpha Vitry"
    );
    let consent = record
        .protection
        .current(Purpose::ShareWithLanguagePartners)
        .unwrap();
    assert_eq!(
        (consent.state, consent.date, consent.by.as_str()),
        (ConsentState::Given, today(), "Claire Martin")
    );
}

/// Saving the CV is stopped before any file dialog: the tab says why, and nothing is
/// reported saved or unsaved.
#[test]
fn the_cv_is_not_saved_for_an_employer_without_consent() {
    let dir = tempfile::tempdir().unwrap();
    write_without(dir.path(), Purpose::ShareWithCompanies);
    let mut harness = open_tab(dir.path(), preparation::TAB_PREPARATION);
    click(&mut harness, preparation::CV_ASSEMBLE);
    click(&mut harness, preparation::CV_SAVE_PDF);
    harness.get_by_label("Consentement non recueilli pour la transmission aux entreprises");
    harness.get_by_label(widgets::RECORD_CONSENT);
    // The save went no further: no dialog was asked for, so no "Aucun fichier choisi".
    assert!(
        harness
            .query_by_label_contains("Aucun fichier choisi")
            .is_none()
    );
}

/// A NIR with a right key, for the minimisation tests.
const NIR: &str = "2 91 06 99 123 456 67";
const NIR_MASKED: &str = "2 91 06 ** *** *** 67";

fn write_with_nir(dir: &Path) {
    write_with(dir, Purpose::Statistics, |record| {
        record.administrative.social_security_number = Some(NIR.into());
    });
}

/// Whether any node of the window shows the NIR's hidden part (as label or as value).
fn shows_hidden_digits(harness: &Harness<'_, ParcoursApp>) -> bool {
    harness.query_all_by_label_contains("123 456").count() > 0
        || harness.query_all_by_value("2 91 06 99 123 456 67").count() > 0
}

#[test]
fn the_nir_is_masked_in_the_identity_form_except_while_edited() {
    let dir = tempfile::tempdir().unwrap();
    write_with_nir(dir.path());
    let mut harness = open_record(dir.path());
    harness.get_by_label(text::identity::SSN).scroll_to_me();
    harness.run();
    assert_eq!(
        harness.get_by_label(text::identity::SSN).value().as_deref(),
        Some(NIR_MASKED)
    );
    assert!(!shows_hidden_digits(&harness));

    // Focused: the number as typed, to correct it.
    harness.get_by_label(text::identity::SSN).click();
    harness.run();
    assert_eq!(
        harness.get_by_label(text::identity::SSN).value().as_deref(),
        Some(NIR)
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label(text::identity::SSN)
        .type_text("1 84 12 76 451 089 46");
    harness.run();
    // Left: masked again, and the number typed is the one saved.
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert_eq!(
        harness.get_by_label(text::identity::SSN).value().as_deref(),
        Some("1 84 12 ** *** *** 46")
    );
    let_autosave_run(&mut harness);
    assert_eq!(
        saved_record(dir.path())
            .administrative
            .social_security_number
            .as_deref(),
        Some("1 84 12 76 451 089 46")
    );
}

#[test]
fn the_private_notes_carry_their_warning() {
    let dir = tempfile::tempdir().unwrap();
    write_without(dir.path(), Purpose::Statistics);
    let harness = open_record(dir.path());
    let notes = harness.get_by_label(text::identity::PRIVATE_NOTES).rect();
    let warning = harness
        .get_by_label(
            "N'écrivez ici ni santé, ni opinions, ni jugements : la personne peut demander \
             à lire sa fiche.",
        )
        .rect();
    assert!(
        warning.top() >= notes.bottom(),
        "the warning is under the notes"
    );
}

/// The summary's preview shows no NIR until its confidential tick is on.
#[test]
fn the_summary_shows_the_nir_only_once_ticked() {
    let dir = tempfile::tempdir().unwrap();
    write_with_nir(dir.path());
    let mut harness = open_tab(dir.path(), text::summary::TAB_SUMMARY);
    assert!(!shows_hidden_digits(&harness));
    assert!(harness.query_all_by_label_contains("** ***").count() == 0);
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "N° de sécurité sociale")
        .click();
    harness.run();
    assert!(harness.query_by_label_contains(NIR).is_some());
}
