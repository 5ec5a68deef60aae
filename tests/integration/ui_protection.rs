//! Data protection in the record and the settings (issue #14, section 1): each purpose's answer
//! recorded from the "Identité" tab and kept with its history in the file; the DPO's contact
//! and the retention periods set in "Paramètres"; the information notice's PDF, read back with
//! `pdftotext`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::record::{ConsentMethod, ConsentState, Purpose};
use parcours::model::{Beneficiary, Settings};
use parcours::report::{Engine, NoticeDocument, notice_template, render_notice};
use parcours::store::{Access, Store};
use parcours::ui::ParcoursApp;
use parcours::ui::text::{common, identity, settings};

use crate::common::{app, d, fixture, let_autosave_run, today, type_into, write_fixture};

fn click(harness: &mut Harness<'_, ParcoursApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks "Nouvelle réponse…" on the row of `purpose`.
fn new_answer(harness: &mut Harness<'_, ParcoursApp>, purpose: Purpose) {
    let index = Purpose::ALL.iter().position(|p| *p == purpose).unwrap();
    harness
        .get_all_by_label(identity::NEW_ANSWER)
        .nth(index)
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label(identity::NEW_ANSWER)
        .nth(index)
        .unwrap()
        .click();
    harness.run();
}

/// Replaces the text of a labelled field.
fn replace(harness: &mut Harness<'_, ParcoursApp>, label: &str, text: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

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

/// The fixture person, never asked anything yet (the shared fixture has consented to every
/// purpose, as the people of the other flows must have).
fn write_unasked_fixture(dir: &std::path::Path) {
    let mut record = fixture();
    record.protection = parcours::model::record::Protection::default();
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    store.save_beneficiary(&record, today()).unwrap();
}

fn saved(dir: &std::path::Path) -> Beneficiary {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    store.load().beneficiaries.remove(0)
}

#[test]
fn answers_are_recorded_per_purpose_and_the_history_stays() {
    let dir = tempfile::tempdir().unwrap();
    write_unasked_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();

    // Nothing recorded yet: the follow-up says the person was not informed.
    assert!(
        harness
            .query_by_label(identity::no_answer(Purpose::FollowUp))
            .is_some()
    );
    // The notice can be printed from the section.
    assert!(harness.query_by_label(identity::NOTICE_PRINT).is_some());

    // Informed today, orally, by the referent: the defaults.
    new_answer(&mut harness, Purpose::FollowUp);
    assert!(
        harness
            .query_by_label(&identity::new_answer_title(Purpose::FollowUp))
            .is_some()
    );
    click(&mut harness, identity::ANSWER_SAVE);
    assert!(
        harness
            .query_by_label("Informé·e le 22/11/2026 · À l'oral · par Claire Martin")
            .is_some()
    );

    // Sharing with companies: refused on a signed form, a date that does not exist first.
    new_answer(&mut harness, Purpose::ShareWithCompanies);
    choose(
        &mut harness,
        identity::ANSWER_STATE,
        ConsentState::Refused.label(),
    );
    choose(
        &mut harness,
        identity::ANSWER_METHOD,
        ConsentMethod::SignedForm.label(),
    );
    replace(&mut harness, identity::ANSWER_DATE, "31/02/2026");
    click(&mut harness, identity::ANSWER_SAVE);
    assert!(
        harness
            .query_by_label("Cette date n'existe pas : 31/02/2026.")
            .is_some(),
        "an impossible date is explained"
    );
    replace(&mut harness, identity::ANSWER_DATE, "02/11/2026");
    replace(&mut harness, identity::ANSWER_BY, "Paul Durand");
    click(&mut harness, identity::ANSWER_SAVE);
    // Then the person agrees: the newer answer holds, the refusal goes under it, collapsed.
    new_answer(&mut harness, Purpose::ShareWithCompanies);
    click(&mut harness, identity::ANSWER_SAVE);
    assert!(
        harness
            .query_by_label("Accordé le 22/11/2026 · À l'oral · par Claire Martin")
            .is_some()
    );
    let refusal = "Refusé le 02/11/2026 · Formulaire signé · par Paul Durand";
    assert!(harness.query_by_label(refusal).is_none(), "collapsed");
    click(&mut harness, &identity::history(1));
    assert!(harness.query_by_label(refusal).is_some());

    // Saved in the record's file, with the history.
    let_autosave_run(&mut harness);
    let record = saved(dir.path());
    let p = &record.protection;
    assert_eq!(p.consents.len(), 3, "{:?}", p.consents);
    assert!(p.allows(Purpose::FollowUp));
    assert!(p.allows(Purpose::ShareWithCompanies));
    assert!(!p.allows(Purpose::ShareWithCreche));
    let refused = p
        .consents
        .iter()
        .find(|e| e.state == ConsentState::Refused)
        .unwrap();
    assert_eq!(refused.purpose, Purpose::ShareWithCompanies);
    assert_eq!(refused.date, d(2026, 11, 2));
    assert_eq!(refused.method, ConsentMethod::SignedForm);
    assert_eq!(refused.by, "Paul Durand");
}

#[test]
fn the_dpo_contact_and_the_retention_periods_are_set_in_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label(common::SETTINGS).click();
    harness.run();
    assert_eq!(
        harness
            .get_by_label(settings::RETENTION_MONTHS)
            .value()
            .as_deref(),
        Some("24 mois"),
        "the default retention is shown"
    );
    type_into(&mut harness, settings::DPO_CONTACT, "dpo@eds-vitry.fr");
    // Beyond the range: held at its bound.
    replace(&mut harness, settings::RETENTION_MONTHS, "40");
    harness.key_press(egui::Key::Enter);
    harness.run();
    replace(&mut harness, settings::JOURNAL_MONTHS, "6");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label(common::SAVE).click();
    harness.run();
    let text = std::fs::read_to_string(dir.path().join("settings.ron")).unwrap();
    assert!(text.contains("dpo_contact: \"dpo@eds-vitry.fr\""), "{text}");
    assert!(text.contains("retention_months: 36"), "{text}");
    assert!(text.contains("journal_months: 6"), "{text}");
}

/// The notice's text, as `pdftotext` reads it, on one line.
fn notice_text(settings: &Settings) -> String {
    let engine = Engine::new([notice_template()]);
    let document = NoticeDocument::new(&fixture(), settings, today());
    let rendered = render_notice(&engine, &document).unwrap();
    assert!(rendered.missing_chars.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notice.pdf");
    std::fs::write(&path, &rendered.pdf).unwrap();
    if std::env::var_os("NOTICE_PDF_KEEP").is_some() {
        std::fs::copy(&path, "/tmp/notice.pdf").unwrap();
    }
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: bash scripts/setup-debian.sh test");
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_notice_names_the_dpo_the_retention_every_purpose_and_the_rights() {
    let settings = Settings {
        structure_name: "EDS de Vitry-sur-Seine".into(),
        dpo_contact: "Mme Rachida Benali\ndpo@eds-vitry.fr".into(),
        retention_months: 18,
        ..Settings::default()
    };
    let text = notice_text(&settings);
    for expected in [
        "EDS de Vitry-sur-Seine",
        "Mme Rachida Benali",
        "dpo@eds-vitry.fr",
        "18 mois après votre dernier contact",
        "Fatoumata Diallo",
        "Formulaire de consentement",
        "Signature",
        "CNIL",
    ] {
        assert!(text.contains(expected), "{expected:?} missing: {text}");
    }
    for right in [
        "Accès",
        "Rectification",
        "Effacement",
        "Portabilité",
        "Opposition",
        "Réclamation",
    ] {
        assert!(text.contains(right), "{right:?} missing: {text}");
    }
    for purpose in Purpose::ALL {
        assert!(
            text.contains(purpose.label()),
            "{purpose:?} missing: {text}"
        );
    }
    // The form lists each purpose that needs consent, with its boxes (after the notice).
    let form = &text[text.find("Formulaire de consentement").unwrap()..];
    for purpose in Purpose::ALL {
        assert_eq!(
            form.contains(purpose.label()),
            purpose.needs_consent(),
            "{purpose:?} on the form"
        );
    }
    assert_eq!(
        form.matches("accepte").count(),
        Purpose::ALL.iter().filter(|p| p.needs_consent()).count()
    );

    // No DPO set yet: the notice says where to ask instead of leaving a blank.
    let text = notice_text(&Settings::default());
    assert!(text.contains("24 mois (2 ans)"), "{text}");
    assert!(text.contains("Demandez ses coordonnées"), "{text}");
}

/// Each field of a new answer is reached with Tab, in order, and Enter records it.
#[test]
fn the_answer_s_fields_are_reached_with_tab_and_enter_records_it() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    new_answer(&mut harness, Purpose::Statistics);
    harness
        .get_by_role_and_label(Role::ComboBox, identity::ANSWER_STATE)
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, identity::ANSWER_STATE)
        .focus();
    harness.run();
    for (role, field) in [
        (Role::TextInput, identity::ANSWER_DATE),
        (Role::ComboBox, identity::ANSWER_METHOD),
        (Role::TextInput, identity::ANSWER_BY),
        (Role::Button, identity::ANSWER_SAVE),
    ] {
        harness.key_press(egui::Key::Tab);
        harness.run();
        assert!(
            harness.get_by_role_and_label(role, field).is_focused(),
            "{field}"
        );
    }
    harness.key_press(egui::Key::Enter);
    harness.run();
    let_autosave_run(&mut harness);
    assert!(saved(dir.path()).protection.allows(Purpose::Statistics));
}

/// The record shows its last contact (here an interview) and how long it is kept without a
/// new one: the retention period of the settings (24 months by default).
#[test]
fn the_record_shows_its_last_contact_and_how_long_it_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = fixture();
    record.preparation.sessions = vec![
        parcours::model::preparation::Session {
            date: d(2026, 9, 14),
            duration_minutes: 45,
            kind: parcours::model::preparation::SessionKind::default(),
            note: String::new(),
        },
        parcours::model::preparation::Session {
            date: d(2026, 10, 5),
            duration_minutes: 60,
            kind: parcours::model::preparation::SessionKind::default(),
            note: String::new(),
        },
    ];
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.save_beneficiary(&record, today()).unwrap();
    drop(store);
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    let expected = identity::last_contact("05/10/2026", "entretien", Some("05/10/2028"));
    assert!(
        harness.query_by_label(&expected).is_some(),
        "no {expected:?} in the Identité tab"
    );
}
