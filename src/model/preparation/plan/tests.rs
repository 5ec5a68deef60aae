//! Tests of phase 2's plan: hours and their split, durations, overdue actions, the permit's
//! alerts, the admin steps.

use super::*;
use crate::model::record::{PermitKind, ResidencePermit};

use crate::model::record::dates::test_support::d;

fn session(kind: SessionKind, minutes: u32) -> Session {
    Session {
        date: d(2026, 11, 2),
        duration_minutes: minutes,
        kind,
        note: String::new(),
    }
}

#[test]
fn an_action_is_overdue_only_when_open_and_past_its_date() {
    let today = d(2026, 11, 22);
    let mut action = Action {
        label: "Ouvrir un compte bancaire".into(),
        due_on: Some(d(2026, 11, 21)),
        ..Action::default()
    };
    assert!(action.is_overdue(today));
    action.due_on = Some(today);
    assert!(!action.is_overdue(today), "due today is not late yet");
    action.due_on = Some(d(2026, 11, 1));
    action.status = ActionStatus::Done;
    assert!(!action.is_overdue(today));
    action.status = ActionStatus::Abandoned;
    assert!(!action.is_overdue(today));
    action.status = ActionStatus::InProgress;
    assert!(action.is_overdue(today));
    action.due_on = None;
    assert!(!action.is_overdue(today));
}

#[test]
fn overdue_actions_are_listed_most_late_first() {
    let today = d(2026, 11, 22);
    let prep = Preparation {
        objectives: vec![
            Objective {
                theme: Theme::Cv,
                label: "CV à jour".into(),
                actions: vec![
                    Action {
                        label: "Rédiger le CV".into(),
                        due_on: Some(d(2026, 11, 20)),
                        ..Action::default()
                    },
                    Action {
                        label: "Photo".into(),
                        due_on: Some(d(2026, 12, 1)),
                        ..Action::default()
                    },
                ],
            },
            Objective {
                theme: Theme::Administrative,
                label: "Compte bancaire".into(),
                actions: vec![Action {
                    label: "Rendez-vous banque".into(),
                    due_on: Some(d(2026, 10, 2)),
                    ..Action::default()
                }],
            },
        ],
        ..Preparation::default()
    };
    let overdue = prep.overdue(today);
    let labels: Vec<&str> = overdue.iter().map(|o| o.action.label.as_str()).collect();
    assert_eq!(labels, ["Rendez-vous banque", "Rédiger le CV"]);
    assert_eq!(overdue[0].days_late, 51);
    assert_eq!(overdue[0].objective.theme, Theme::Administrative);
}

#[test]
fn hours_split_against_the_seventy_thirty_target() {
    let mut prep = Preparation::default();
    assert_eq!(prep.hours(&[]).split_percent(), None);
    prep.sessions = vec![
        session(SessionKind::FaceToFace, 90),
        session(SessionKind::Remote, 30),
    ];
    let workshop = [session(SessionKind::Collective, 120)];
    let hours = prep.hours(&workshop);
    assert_eq!(hours.individual_minutes, 120);
    assert_eq!(hours.collective_minutes, 120);
    assert_eq!(hours.split_percent(), Some((50, 50)));
    assert_eq!(hours.gap_to_target(), Some(-20));
    prep.sessions.push(session(SessionKind::FaceToFace, 160));
    let hours = prep.hours(&workshop);
    assert_eq!(hours.split_percent(), Some((70, 30)));
    assert_eq!(hours.gap_to_target(), Some(0));
    // Rounded shares still add up to 100.
    let thirds = Hours {
        individual_minutes: 1,
        collective_minutes: 2,
    };
    assert_eq!(thirds.split_percent(), Some((33, 67)));
}

#[test]
fn durations_are_typed_in_minutes_or_hours() {
    assert_eq!(parse_duration("90"), Ok(90));
    assert_eq!(parse_duration("1h30"), Ok(90));
    assert_eq!(parse_duration(" 1 h 30 "), Ok(90));
    assert_eq!(parse_duration("2h"), Ok(120));
    assert_eq!(parse_duration("1,5 h"), Ok(90));
    assert_eq!(parse_duration("45 min"), Ok(45));
    assert_eq!(parse_duration("90 min"), Ok(90));
    assert_eq!(parse_duration("1,5"), Ok(90));
    assert_eq!(parse_duration("1.5"), Ok(90));
    assert!(parse_duration("1,5,5").is_err());
    assert!(parse_duration("").unwrap_err().contains("obligatoire"));
    assert!(parse_duration("0").is_err());
    assert!(parse_duration("1h75").is_err());
    assert!(parse_duration("deux heures").is_err());
    assert!(parse_duration("30h").is_err());
    assert_eq!(format_minutes(90), "1 h 30");
    assert_eq!(format_minutes(120), "2 h");
    assert_eq!(format_minutes(45), "45 min");
    assert_eq!(format_minutes(65), "1 h 05");
    assert_eq!(format_minutes(0), "0 h");
}

#[test]
fn permit_renewal_is_flagged_in_the_anef_window_and_late_past_the_sixtieth_day() {
    let today = d(2026, 11, 22);
    let mut admin = Administrative::default();
    assert_eq!(PermitAlert::of(&admin, today), None);
    let permit = |kind, expires| ResidencePermit {
        kind,
        expires_on: Some(expires),
        ..ResidencePermit::new(kind)
    };
    let in_days = |n| today.checked_add_days(chrono::Days::new(n)).unwrap();
    admin.residence_permit = Some(permit(PermitKind::Temporary, in_days(121)));
    assert_eq!(PermitAlert::of(&admin, today), None);
    // The 120th day before expiry opens the window, which closes on the 60th.
    admin.residence_permit = Some(permit(PermitKind::MultiYear, in_days(120)));
    let alert = PermitAlert::of(&admin, today);
    assert_eq!(
        alert,
        Some(PermitAlert::RenewalWindow {
            on: d(2027, 3, 22),
            opens: today,
            closes: d(2027, 1, 21),
            days_left: 120
        })
    );
    assert!(!alert.is_some_and(PermitAlert::is_urgent));
    admin.residence_permit = Some(permit(PermitKind::Temporary, in_days(60)));
    assert!(matches!(
        PermitAlert::of(&admin, today),
        Some(PermitAlert::RenewalWindow { closes, .. }) if closes == today
    ));
    admin.residence_permit = Some(permit(PermitKind::Resident, in_days(59)));
    let alert = PermitAlert::of(&admin, today);
    assert_eq!(
        alert,
        Some(PermitAlert::LateFiling {
            on: d(2027, 1, 20),
            closed: d(2026, 11, 21),
            days_left: 59
        })
    );
    assert!(alert.is_some_and(PermitAlert::is_urgent));
    admin.residence_permit = Some(permit(PermitKind::Temporary, d(2026, 11, 21)));
    assert_eq!(
        PermitAlert::of(&admin, today),
        Some(PermitAlert::Expired(d(2026, 11, 21)))
    );
    // A récépissé is extended, not renewed on ANEF: a reminder a month ahead.
    admin.residence_permit = Some(permit(PermitKind::Receipt, in_days(59)));
    assert_eq!(PermitAlert::of(&admin, today), None);
    admin.residence_permit = Some(permit(PermitKind::Receipt, in_days(30)));
    assert!(matches!(
        PermitAlert::of(&admin, today),
        Some(PermitAlert::ProvisionalExpiresSoon { days_left: 30, .. })
    ));
}

#[test]
fn one_main_project_at_most() {
    let mut prep = Preparation {
        projects: vec![Project::default(), Project::default(), Project::default()],
        ..Preparation::default()
    };
    prep.normalize_main_project();
    assert_eq!(prep.projects.iter().filter(|p| p.main).count(), 1);
    assert!(prep.projects[0].main);
    prep.set_main_project(2);
    assert!(prep.projects[2].main && !prep.projects[0].main);
    prep.set_main_project(9);
    assert!(
        prep.projects[2].main,
        "an out-of-range index changes nothing"
    );
    prep.projects[2].label = "Cariste".into();
    assert_eq!(prep.main_project().unwrap().label, "Cariste");
}

#[test]
fn phase_one_needs_become_themes() {
    assert_eq!(Theme::for_need(LifeArea::Childcare), Theme::Childcare);
    assert_eq!(
        Theme::for_need(LifeArea::Administrative).label(),
        "Démarches administratives"
    );
}

#[test]
fn preparation_roundtrips_through_ron() {
    let mut prep = Preparation {
        projects: vec![Project {
            rome_code: Some("J1501".into()),
            label: "Aide-soignante".into(),
            main: true,
            contracts: vec![ContractKind::Cdi, ContractKind::Interim],
            working_time: WorkingTime::PartTime,
            earliest_start: Some(d(2027, 1, 4)),
            mobility: Mobility {
                means: vec![Transport::PublicTransport, Transport::OnFoot],
                max_commute_minutes: Some(45),
                reachable: "Vitry, Ivry, 94".into(),
            },
            childcare_needed: true,
            health_constraints: String::new(),
            hours_constraints: "pas de nuit".into(),
            status: ProjectStatus::Validated,
        }],
        sessions: vec![session(SessionKind::Remote, 20)],
        cir: CirTraining {
            civic_days_done: 2,
            language_hours_done: 100,
            language_hours_prescribed: 200,
        },
        ..Preparation::default()
    };
    prep.admin_steps.insert(
        AdminStepKind::BankAccount,
        AdminStep {
            status: StepStatus::Requested,
            date: Some(d(2026, 11, 3)),
            note: "Banque postale".into(),
        },
    );
    let text = ron::to_string(&prep).unwrap();
    let back: Preparation = ron::from_str(&text).unwrap();
    assert_eq!(back, prep);
    // An older record, without phase-2 data, reads as an empty preparation.
    let empty: Preparation = ron::from_str("()").unwrap();
    assert_eq!(empty, Preparation::default());
}
