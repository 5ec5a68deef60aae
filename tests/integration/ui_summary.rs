//! The "Synthèse" tab, driven as a counsellor would through `egui_kittest`: ticking sections
//! and confidential items, and seeing the preview of what will print follow.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use egui::accesskit::{Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use parcours::model::creche::{Booking, BookingReason, ChildCare, Schedule};
use parcours::model::preparation::{Project, ProjectStatus};
use parcours::model::skills::Language;
use parcours::model::{
    Beneficiary, BeneficiaryId, BookingId, Child, ChildId, ContractKind, PermitKind, PhaseStatus,
    ResidencePermit, Settings,
};
use parcours::store::{Access, Store};
use parcours::ui::{AppConfig, ParcoursApp, text};

const PHASE_3: &str = "Phase 3 · Mise en relation avec les entreprises";
const HEALTH: &str = "Allergies et santé des enfants";
const HEALTH_LINE: &str = "Awa — allergies : arachide";
const NOTES: &str = "Hébergée chez sa sœur jusqu'en janvier ; garde d'Awa à organiser.";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn app(dir: &Path) -> Harness<'static, ParcoursApp> {
    let config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
    crate::common::show_record_area(&mut harness);
    harness
}

/// A fixed record, so that the snapshot does not change from one run to the next.
fn fixture() -> Beneficiary {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 0).unwrap());
    b.id = BeneficiaryId::from_uuid(uuid::uuid!("0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60"));
    b.identity.first_name = "Thị Hoa".into();
    b.identity.last_name = "Nguyễn".into();
    b.identity.birth_date = Some(d(1990, 5, 17));
    b.identity.nationality = "vietnamienne".into();
    b.identity.languages = vec![Language::named("vietnamien"), Language::named("anglais")];
    b.administrative.residence_permit = Some(ResidencePermit {
        kind: PermitKind::Temporary,
        number: Some("9912345678".into()),
        issued_on: Some(d(2026, 1, 10)),
        expires_on: Some(d(2027, 1, 9)),
        ..ResidencePermit::new(PermitKind::Temporary)
    });
    b.administrative.cir_signed_on = Some(d(2026, 2, 2));
    b.family.children = vec![Child {
        id: ChildId::from_uuid(uuid::uuid!("0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61")),
        first_name: "Awa".into(),
        birth_date: Some(d(2025, 4, 20)),
    }];
    b.pathway.phases.identification.status = PhaseStatus::Done;
    b.pathway.phases.identification.started_on = Some(d(2026, 3, 2));
    b.pathway.phases.identification.ended_on = Some(d(2026, 6, 30));
    b.pathway.phases.preparation.status = PhaseStatus::InProgress;
    b.pathway.phases.preparation.started_on = Some(d(2026, 7, 1));
    let awa = ChildId::from_uuid(uuid::uuid!("0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61"));
    let mut care = ChildCare::new(awa);
    care.allergies = "arachide".into();
    b.creche.care = vec![care];
    b.creche.bookings = vec![Booking {
        id: BookingId::from_uuid(uuid::uuid!("0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a63")),
        child: awa,
        schedule: Schedule::Once(d(2026, 11, 24)),
        start: chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        end: chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        reason: BookingReason::Training,
        note: "cours de français".into(),
    }];
    b.preparation.projects = vec![Project {
        rome_code: Some("J1501".into()),
        main: true,
        contracts: vec![ContractKind::Cdi],
        status: ProjectStatus::Validated,
        ..Project::default()
    }];
    b.referent = "Claire Martin".into();
    b.private_notes = NOTES.into();
    b.updated_at = b.created_at;
    b
}

fn open_summary(dir: &Path) -> Harness<'static, ParcoursApp> {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    store.save_beneficiary(&fixture(), today()).unwrap();
    let mut other = fixture();
    other.id = BeneficiaryId::from_uuid(uuid::uuid!("0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a62"));
    other.identity.first_name = "Ayşe".into();
    other.identity.last_name = "Çelik".into();
    store.save_beneficiary(&other, today()).unwrap();
    store
        .save_settings(&Settings {
            structure_name: "EDS de Vitry-sur-Seine".into(),
            ..Settings::default()
        })
        .unwrap();
    drop(store);
    let mut harness = app(dir);
    harness.run();
    harness.get_by_label_contains("Thị Hoa Nguyễn").click();
    harness.run();
    harness.get_by_label(text::summary::TAB_SUMMARY).click();
    harness.run();
    harness
}

fn tick(harness: &mut Harness<'_, ParcoursApp>, label: &str) {
    harness
        .get_by_role_and_label(Role::CheckBox, label)
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, label).click();
    harness.run();
}

fn is_ticked(harness: &Harness<'_, ParcoursApp>, label: &str) -> bool {
    harness
        .get_by_role_and_label(Role::CheckBox, label)
        .accesskit_node()
        .toggled()
        == Some(Toggled::True)
}

#[test]
fn a_section_ticked_out_leaves_the_preview() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_summary(dir.path());
    assert!(
        is_ticked(&harness, PHASE_3),
        "every section is in by default"
    );
    assert_eq!(
        harness.query_all_by_label(PHASE_3).count(),
        2,
        "the tick and the preview's heading"
    );
    assert!(harness.query_by_label("Sortie du parcours").is_some());

    tick(&mut harness, PHASE_3);
    assert!(!is_ticked(&harness, PHASE_3));
    assert_eq!(
        harness.query_all_by_label(PHASE_3).count(),
        1,
        "only the tick is left"
    );
    assert!(harness.query_by_label("Sortie du parcours").is_none());
    assert_eq!(
        harness
            .query_all_by_label("Phase 2 · Préparation à l'emploi")
            .count(),
        2,
        "the other sections stay"
    );

    tick(&mut harness, PHASE_3);
    assert!(harness.query_by_label("Sortie du parcours").is_some());
}

#[test]
fn confidential_items_are_left_out_until_ticked() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_summary(dir.path());
    for item in ["Notes privées du conseiller", "N° du titre de séjour"] {
        assert!(!is_ticked(&harness, item), "{item} is off by default");
    }
    assert!(
        harness
            .get_by_role_and_label(Role::CheckBox, "N° de sécurité sociale")
            .accesskit_node()
            .is_disabled(),
        "nothing to reveal: the record holds no social-security number"
    );
    assert!(harness.query_by_label(NOTES).is_none());
    assert!(harness.query_by_label("9912345678").is_none());
    assert!(
        !is_ticked(&harness, HEALTH),
        "health notes are off by default"
    );
    assert!(harness.query_by_label(HEALTH_LINE).is_none());
    assert!(
        harness
            .query_by_label("Awa : le mardi 24/11/2026, 9 h – 12 h (Formation : cours de français)")
            .is_some(),
        "the booking itself is no secret"
    );
    assert!(
        harness
            .query_by_label(text::summary::SUMMARY_CONFIDENTIAL)
            .is_some()
    );
    assert!(
        harness
            .query_by_label(text::summary::CONFIDENTIAL_TAG)
            .is_none()
    );

    tick(&mut harness, "Notes privées du conseiller");
    assert!(is_ticked(&harness, "Notes privées du conseiller"));
    assert!(
        harness.query_by_label(NOTES).is_some(),
        "the preview shows it"
    );
    assert!(
        harness
            .query_by_label(text::summary::CONFIDENTIAL_TAG)
            .is_some()
    );
    assert!(
        harness.query_by_label("9912345678").is_none(),
        "only what was ticked"
    );

    // Another tab and back: still the same print in preparation, the tick holds.
    harness.get_by_label(text::creche::TAB_CRECHE).click();
    harness.run();
    harness.get_by_label(text::summary::TAB_SUMMARY).click();
    harness.run();
    assert!(is_ticked(&harness, "Notes privées du conseiller"));

    // Another record: the tick does not follow, and is gone when coming back.
    harness.get_by_label_contains("Ayşe Çelik").click();
    harness.run();
    assert!(!is_ticked(&harness, "Notes privées du conseiller"));
    harness.get_by_label_contains("Thị Hoa Nguyễn").click();
    harness.run();
    assert!(!is_ticked(&harness, "Notes privées du conseiller"));
    assert!(harness.query_by_label(NOTES).is_none());
}

#[test]
fn children_health_shows_only_while_ticked_for_this_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_summary(dir.path());
    assert!(harness.query_by_label(HEALTH_LINE).is_none());
    tick(&mut harness, HEALTH);
    assert!(is_ticked(&harness, HEALTH));
    assert!(
        harness.query_by_label(HEALTH_LINE).is_some(),
        "the preview shows it"
    );
    harness.get_by_label_contains("Ayşe Çelik").click();
    harness.run();
    harness.get_by_label_contains("Thị Hoa Nguyễn").click();
    harness.run();
    assert!(
        !is_ticked(&harness, HEALTH),
        "the tick does not outlive the record shown"
    );
    assert!(harness.query_by_label(HEALTH_LINE).is_none());
}

#[test]
fn snapshot_synthese_tab() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_summary(dir.path());
    assert!(
        harness
            .query_by_label(text::summary::SUMMARY_PREVIEW)
            .is_some()
    );
    assert!(harness.query_by_label("EDS de Vitry-sur-Seine").is_some());
    assert!(harness.query_by_label("22 novembre 2026").is_some());
    harness.remove_cursor();
    harness.run();
    crate::image_snapshot::snapshot(&mut harness, "synthese_tab");
}
