//! The summary's tests: what each section says, what is left out, and the confidential items.

use chrono::{TimeZone, Utc};

use super::*;
use crate::model::companies::Application;
use crate::model::preparation::ProjectStatus;
use crate::model::record::dates::test_support::d;
use crate::model::record::{Child, ChildId, PermitKind, ResidencePermit};
use crate::model::skills::{Diploma, Recognition, Skill, SkillLevel};

fn record() -> Beneficiary {
    let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap());
    b.identity.first_name = "Thị Hoa".into();
    b.identity.last_name = "Nguyễn".into();
    b.private_notes = "Hébergée chez sa sœur.".into();
    b.administrative.social_security_number = Some("288029912345678".into());
    b.administrative.residence_permit = Some(ResidencePermit {
        kind: PermitKind::Temporary,
        number: Some("9912345678".into()),
        issued_on: None,
        expires_on: Some(d(2026, 10, 1)),
        ..ResidencePermit::new(PermitKind::Temporary)
    });
    b
}

/// Everything the summary would print, as one text to search.
fn texts(summary: &Summary) -> String {
    serde_json::to_string(summary).unwrap()
}

#[test]
fn confidential_items_print_only_when_ticked() {
    let b = record();
    let mut options = SummaryOptions::default();
    let plain = texts(&Summary::build(
        &b,
        &Settings::default(),
        &[],
        &[],
        &CrecheSettings::default(),
        &options,
        d(2026, 11, 22),
    ));
    for secret in ["Hébergée", "288029912345678", "9912345678"] {
        assert!(!plain.contains(secret), "{secret} leaked:\n{plain}");
    }
    options.set_revealed(Confidential::PrivateNotes, true);
    let with_notes = Summary::build(
        &b,
        &Settings::default(),
        &[],
        &[],
        &CrecheSettings::default(),
        &options,
        d(2026, 11, 22),
    );
    let last = with_notes.sections.last().unwrap();
    assert_eq!(last.key, "confidentiel");
    assert_eq!(last.text, "Hébergée chez sa sœur.");
    assert!(!texts(&with_notes).contains("288029912345678"));

    options.forget_confidential();
    assert!(!options.reveals(Confidential::PrivateNotes));
    assert!(options.includes(Section::Identity), "sections stay ticked");
}

#[test]
fn an_unticked_section_is_left_out() {
    let b = record();
    let mut options = SummaryOptions::default();
    options.set_included(Section::Preparation, false);
    let summary = Summary::build(
        &b,
        &Settings::default(),
        &[],
        &[],
        &CrecheSettings::default(),
        &options,
        d(2026, 11, 22),
    );
    assert!(summary.sections.iter().all(|s| s.key != "phase2"));
    assert!(!texts(&summary).contains("Titre de séjour"));
}

#[test]
fn expired_permits_and_toddlers_are_worded_for_the_person() {
    let mut b = record();
    b.family.children = vec![
        Child {
            id: ChildId::new(),
            first_name: "Awa".into(),
            birth_date: Some(d(2025, 4, 20)),
        },
        Child {
            id: ChildId::new(),
            first_name: "Adam".into(),
            birth_date: Some(d(2015, 1, 2)),
        },
    ];
    let summary = Summary::build(
        &b,
        &Settings::default(),
        &[],
        &[],
        &CrecheSettings::default(),
        &SummaryOptions::default(),
        d(2026, 11, 22),
    );
    let all = texts(&summary);
    assert!(
        all.contains("Carte de séjour temporaire (fin de validité le 01/10/2026 : à renouveler)"),
        "{all}"
    );
    assert!(all.contains(
        "né·e le 20/04/2025 ; peut être accueilli·e à la micro-crèche jusqu'au 31/08/2028"
    ));
    // Under the crèche's settings: with the third birthday as the limit, the date follows.
    let birthday = CrecheSettings {
        upper_age_rule: crate::model::creche::UpperAgeRule::Birthday,
        ..CrecheSettings::default()
    };
    let summary = Summary::build(
        &b,
        &Settings::default(),
        &[],
        &[],
        &birthday,
        &SummaryOptions::default(),
        d(2026, 11, 22),
    );
    assert!(texts(&summary).contains(
        "né·e le 20/04/2025 ; peut être accueilli·e à la micro-crèche jusqu'au 20/04/2028"
    ));
    assert!(
        !all.contains("Adam"),
        "older children are not crèche matters"
    );
}

#[test]
fn phase_one_lists_target_occupations_strengths_and_diplomas() {
    let mut b = record();
    b.skills.target_occupations = vec!["J1501".into(), "Z9999".into()];
    b.skills.skills = vec![
        Skill {
            label: "Soins d'hygiène".into(),
            level: SkillLevel::Expert,
            ..Skill::default()
        },
        Skill {
            label: "Informatique".into(),
            level: SkillLevel::Notions,
            ..Skill::default()
        },
    ];
    b.skills.diplomas = vec![Diploma {
        title: "Diplôme d'infirmière".into(),
        country: "Syrie".into(),
        year: Some(2012),
        eqf_level: Some(6),
        recognition: Recognition::Requested,
        ..Diploma::default()
    }];
    let summary = Summary::build(
        &b,
        &Settings::default(),
        &[],
        &[],
        &CrecheSettings::default(),
        &SummaryOptions::default(),
        d(2026, 11, 22),
    );
    let phase1 = summary.sections.iter().find(|s| s.key == "phase1").unwrap();
    let value = |key: &str| {
        phase1
            .rows
            .iter()
            .find(|r| r.key == key)
            .map(|r| r.value.as_str())
            .unwrap()
    };
    assert_eq!(
        value("metiers_vises"),
        "Aide-soignant / Aide-soignante (J1501)\nZ9999"
    );
    assert_eq!(value("points_forts"), "Soins d'hygiène — Expert");
    assert_eq!(
        value("diplomes"),
        "Diplôme d'infirmière (Syrie, 2012) — niveau 6 (bac + 3 : licence, BUT) — Attestation de comparabilité ENIC-NARIC demandée"
    );
    assert_eq!(value("langues"), NOT_PROVIDED);
}

/// The value of a row of a section, by keys.
fn value_of(summary: &Summary, section: &str, key: &str) -> String {
    summary
        .sections
        .iter()
        .find(|s| s.key == section)
        .and_then(|s| s.rows.iter().find(|r| r.key == key))
        .map_or_else(|| panic!("no {section}/{key}"), |r| r.value.clone())
}

#[test]
fn phase_two_shows_the_main_project_first_overdue_actions_and_workshop_hours() {
    use crate::model::preparation::{
        Action, ActionStatus, Attendance, Objective, Project, Session, SessionKind,
    };
    let today = d(2026, 11, 22);
    let mut b = record();
    b.pathway.phases.preparation.status = PhaseStatus::InProgress;
    b.preparation.projects = vec![
        Project {
            label: "Cuisine collective".into(),
            ..Project::default()
        },
        Project {
            rome_code: Some("J1501".into()),
            main: true,
            status: ProjectStatus::Validated,
            ..Project::default()
        },
    ];
    b.preparation.objectives = vec![Objective {
        label: "CV à jour".into(),
        actions: vec![
            Action {
                label: "Rédiger le CV".into(),
                due_on: Some(d(2026, 11, 17)),
                ..Action::default()
            },
            Action {
                label: "Photo d'identité".into(),
                status: ActionStatus::Done,
                ..Action::default()
            },
        ],
        ..Objective::default()
    }];
    b.preparation.sessions = vec![Session {
        date: d(2026, 11, 2),
        duration_minutes: 120,
        kind: SessionKind::FaceToFace,
        note: String::new(),
    }];
    let mut workshop = Workshop::new(d(2026, 11, 10));
    workshop.title = "Simulation d'entretien".into();
    workshop.duration_minutes = 120;
    workshop.enrol(b.id).unwrap();
    workshop.mark(b.id, Attendance::Present, today).unwrap();
    let workshop_again = workshop.clone();

    let summary = Summary::build(
        &b,
        &Settings::default(),
        &[workshop],
        &[],
        &CrecheSettings::default(),
        &SummaryOptions::default(),
        today,
    );
    let phase2 = summary.sections.iter().find(|s| s.key == "phase2").unwrap();
    let keys: Vec<&str> = phase2.rows.iter().map(|r| r.key).take(3).collect();
    assert_eq!(keys, ["statut", "projet_principal", "autres_projets"]);
    assert_eq!(
        value_of(&summary, "phase2", "projet_principal"),
        "Aide-soignant / Aide-soignante (J1501)\nprojet validé"
    );
    assert_eq!(
        value_of(&summary, "phase2", "actions_en_cours"),
        "Rédiger le CV (CV à jour) — Bénéficiaire, EN RETARD de 5 j (prévue le 17/11/2026)"
    );
    assert_eq!(
        value_of(&summary, "phase2", "actions_realisees"),
        "Photo d'identité (CV à jour) — Bénéficiaire, fait"
    );
    // Closed on 15/11 (entry into training), the pathway's open action was not late yet on that day.
    let mut closed = b.clone();
    closed.pathway.outcome = Some(crate::model::record::Outcome {
        kind: crate::model::record::OutcomeKind::Training,
        date: d(2026, 11, 15),
        contract_months: None,
    });
    let summary_closed = Summary::build(
        &closed,
        &Settings::default(),
        &[],
        &[],
        &CrecheSettings::default(),
        &SummaryOptions::default(),
        today,
    );
    assert_eq!(
        value_of(&summary_closed, "phase2", "actions_en_cours"),
        "Rédiger le CV (CV à jour) — Bénéficiaire, à faire, pour le 17/11/2026"
    );
    assert_eq!(
        value_of(&summary, "phase2", "heures_collectives"),
        "2 h (1 atelier)",
        "the workshop attended counts, computed from its file"
    );
    assert_eq!(
        value_of(&summary, "phase2", "repartition"),
        "50 % individuel / 50 % collectif (objectif 70 % / 30 % : entretiens individuels à prévoir)"
    );
    // An honoured appointment is a session of the log: counted once, a missed one not at all.
    let mut with_appointments = b.clone();
    let mut honoured = crate::model::preparation::Appointment::new(
        d(2026, 11, 16),
        chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
    );
    honoured.duration_minutes = 60;
    honoured.status = crate::model::preparation::AppointmentStatus::Honoured;
    let mut absent = honoured.clone();
    absent.status = crate::model::preparation::AppointmentStatus::Absent;
    with_appointments.preparation.appointments = vec![honoured, absent];
    let summary_rdv = Summary::build(
        &with_appointments,
        &Settings::default(),
        &[workshop_again],
        &[],
        &CrecheSettings::default(),
        &SummaryOptions::default(),
        today,
    );
    assert_eq!(
        value_of(&summary_rdv, "phase2", "heures_individuelles"),
        "3 h (2 entretiens)"
    );
    // The permit held (Identité) and the checklist say the same thing in one row.
    assert_eq!(
        value_of(&summary, "phase2", "titre_sejour"),
        "Carte de séjour temporaire (fin de validité le 01/10/2026 : à renouveler)"
    );
}

#[test]
fn applications_use_the_directory_s_current_names() {
    use crate::model::companies::{ApplicationState, Company, Offer};
    let today = d(2026, 11, 22);
    let mut company = Company::new();
    company.name = "Onet Services".into();
    let mut offer = Offer::new();
    offer.title = "Agent de propreté".into();
    company.offers = vec![offer.clone()];
    let mut b = record();
    let mut application = Application::propose(
        company.id,
        "Onet",
        Some((offer.id, "Agent")),
        d(2026, 10, 1),
    );
    application
        .move_to(ApplicationState::Sent, d(2026, 10, 3))
        .unwrap();
    b.applications = vec![application];
    let summary = Summary::build(
        &b,
        &Settings::default(),
        &[],
        std::slice::from_ref(&company),
        &CrecheSettings::default(),
        &SummaryOptions::default(),
        today,
    );
    assert_eq!(
        value_of(&summary, "phase3", "candidatures_en_cours"),
        "Agent de propreté — Onet Services : envoyée le 03/10/2026"
    );
    // Without the directory, the names copied into the application.
    let alone = Summary::build(
        &b,
        &Settings::default(),
        &[],
        &[],
        &CrecheSettings::default(),
        &SummaryOptions::default(),
        today,
    );
    assert_eq!(
        value_of(&alone, "phase3", "candidatures_en_cours"),
        "Agent — Onet : envoyée le 03/10/2026"
    );
}

#[test]
fn dates_read_the_french_way() {
    assert_eq!(long_date(d(2026, 11, 22)), "22 novembre 2026");
    assert_eq!(long_date(d(2026, 3, 1)), "1er mars 2026");
    assert_eq!(long_date(d(2026, 8, 15)), "15 août 2026");
}
