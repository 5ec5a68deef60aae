//! The "Entreprises" tab (phase 3), driven as a counsellor would: the offers ranked for the
//! person with their reasons and proposed in one click; an application moved to "embauché"
//! and the pathway closed with a job; a CSV file previewed (mapping, invalid rows) and
//! imported only once confirmed. Plus the committed image of the tab with a ranked list.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::{NaiveDate, NaiveTime};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::companies::{
    Application, ApplicationState, EndReason, ImmersionResult, OfferStatus, StateKind,
};
use parcours::model::creche::{BookingReason, Schedule};
use parcours::model::demo::demo_companies;
use parcours::model::skills::Experience;
use parcours::model::{
    Beneficiary, ContractKind, ExitClass, OutcomeKind, PermitKind, ResidencePermit,
};
use parcours::store::{Access, COMPANIES_DIR, Store};
use parcours::ui::ParcoursApp;
use parcours::ui::text::companies as words;
use parcours::ui::text::{common, identity};

use crate::common::{app, fixture, let_autosave_run, today, type_into};
use crate::companies::siret;

/// The cook's own trade, the best offer of the demo directory for her.
const COOK: &str = "Commis de cuisine — Brasserie du Marché";

/// The fixture (Vitry-sur-Seine, French A2, a baby) as a former cook, with the demo
/// directory of companies.
fn write_cook(dir: &Path, applications: Vec<Application>) {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    let mut record = fixture();
    record.skills.experiences.push(Experience {
        title: "Cuisinière dans un restaurant de Bamako".into(),
        rome_code: Some("G1602".into()),
        ..Experience::default()
    });
    record.skills.target_occupations = vec!["G1602".into()];
    record.applications = applications;
    store.save_beneficiary(&record, today()).unwrap();
    for company in demo_companies(today()) {
        store.save_company(&company).unwrap();
    }
}

fn open_companies_tab(dir: &Path) -> Harness<'static, ParcoursApp> {
    let mut harness = app(dir);
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    harness.get_by_label(words::TAB_COMPANIES).click();
    harness.run();
    harness
}

fn saved_record(dir: &Path) -> Beneficiary {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    store.load().beneficiaries.remove(0)
}

/// Replaces the whole text of a field.
fn replace_text(harness: &mut Harness<'_, ParcoursApp>, label: &str, text: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

fn click(harness: &mut Harness<'_, ParcoursApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn the_best_offer_comes_first_with_its_reasons_and_is_proposed_in_one_click() {
    let dir = tempfile::tempdir().unwrap();
    write_cook(dir.path(), Vec::new());
    let mut harness = open_companies_tab(dir.path());
    // The cook's own trade, in her département, day hours: first, with its reasons.
    harness.get_by_label(COOK);
    harness.get_by_label("Métier +40 : même métier (G1602)");
    assert!(
        harness
            .query_all_by_label("Lieu +8 : même département (94)")
            .count()
            > 1
    );
    // Night work is marked down for a mother of a baby.
    assert!(
        harness
            .query_all_by_label(
                "Horaires -20 : travail de nuit, incompatible avec la garde d'enfant"
            )
            .count()
            > 0
    );

    // Each "Proposer" says which line it proposes; the cook's trade is the topmost.
    let best = harness
        .get_by_label(&words::propose_target(COOK))
        .rect()
        .top();
    let proposals: Vec<f32> = harness
        .query_all_by_label_contains(&format!("{} « ", words::PROPOSE))
        .map(|node| node.rect().top())
        .collect();
    assert!(proposals.len() > 10);
    assert!(proposals.iter().all(|&top| top >= best));
    harness.get_by_label(&words::propose_target(COOK)).click();
    harness.run();
    let record = saved_record(dir.path());
    assert_eq!(record.applications.len(), 1);
    let application = &record.applications[0];
    assert_eq!(application.state, ApplicationState::Proposed);
    assert_eq!(application.target_label(), COOK);
    assert_eq!(application.history[0].on, today());
    // Proposed once: the line says so instead of offering it again.
    assert!(harness.query_by_label(words::ALREADY_PROPOSED).is_some());
}

#[test]
fn an_offer_the_person_was_hired_on_is_not_proposed_again() {
    let dir = tempfile::tempdir().unwrap();
    let company = &demo_companies(today())[0];
    let offer = &company.offers[0];
    let mut application = Application::propose(
        company.id,
        &company.name,
        Some((offer.id, &offer.title)),
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
    );
    for (state, day) in [
        (ApplicationState::Sent, 3),
        (
            ApplicationState::Interview {
                date: NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
                time: None,
                place: String::new(),
            },
            4,
        ),
        (
            ApplicationState::Hired {
                contract: ContractKind::Cdi,
                start: NaiveDate::from_ymd_opt(2026, 11, 16).unwrap(),
            },
            10,
        ),
    ] {
        application
            .move_to(state, NaiveDate::from_ymd_opt(2026, 11, day).unwrap())
            .unwrap();
    }
    write_cook(dir.path(), vec![application]);
    let harness = open_companies_tab(dir.path());
    // The line is still ranked (and listed among the applications), but says where the
    // application stands instead of "Proposer".
    assert_eq!(harness.query_all_by_label(COOK).count(), 2);
    assert!(
        harness
            .query_by_label(&words::propose_target(COOK))
            .is_none()
    );
    harness.get_by_label(&words::application_state(StateKind::Hired.label()));
    // Other offers are still proposed.
    assert!(
        harness
            .query_all_by_label_contains(&format!("{} « ", words::PROPOSE))
            .count()
            > 5
    );
}

#[test]
fn matching_warns_when_an_asylum_seeker_may_not_work_yet() {
    let dir = tempfile::tempdir().unwrap();
    write_cook(dir.path(), Vec::new());
    // The same cook, now an asylum seeker whose application is three months old.
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let mut record = store.load().beneficiaries.remove(0);
    record.administrative.residence_permit = Some(ResidencePermit {
        issued_on: Some(NaiveDate::from_ymd_opt(2026, 8, 20).unwrap()),
        ..ResidencePermit::new(PermitKind::AsylumSeeker)
    });
    store.save_beneficiary(&record, today()).unwrap();
    drop(store);
    let harness = open_companies_tab(dir.path());
    harness.get_by_label(COOK);
    assert!(
        harness
            .query_all_by_label_contains(
                "Non autorisé à travailler : Demande d'asile : pas d'accès au travail avant le 20/02/2027"
            )
            .next()
            .is_some()
    );
}

#[test]
fn an_interview_leads_to_a_hire_and_the_pathway_closes_with_a_job() {
    let dir = tempfile::tempdir().unwrap();
    let company = &demo_companies(today())[0];
    let offer = &company.offers[0];
    let mut application = Application::propose(
        company.id,
        &company.name,
        Some((offer.id, &offer.title)),
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
    );
    application
        .move_to(
            ApplicationState::Sent,
            NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
        )
        .unwrap();
    write_cook(dir.path(), vec![application]);
    let mut harness = open_companies_tab(dir.path());
    // A hire needs an interview first: the button is not offered yet.
    assert!(
        harness
            .query_by_label(&words::move_to_for(StateKind::Hired.label(), COOK))
            .is_none()
    );

    click(
        &mut harness,
        &words::move_to_for(StateKind::Interview.label(), COOK),
    );
    harness.get_by_label(words::INTERVIEW_DATE).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label(words::INTERVIEW_DATE)
        .type_text("31/02/2026");
    harness.run();
    click(&mut harness, words::CONFIRM_MOVE);
    // An impossible date is explained, and nothing is saved.
    // The same message as every date field.
    harness.get_by_label("Cette date n'existe pas : 31/02/2026.");
    assert_eq!(
        saved_record(dir.path()).applications[0].state.kind(),
        StateKind::Sent
    );
    harness.get_by_label(words::INTERVIEW_DATE).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label(words::INTERVIEW_DATE)
        .type_text("25/11/2026");
    harness.run();
    type_into(&mut harness, words::INTERVIEW_TIME, "14h30");
    type_into(&mut harness, words::INTERVIEW_PLACE, "Agence de Créteil");
    click(&mut harness, words::CONFIRM_MOVE);
    assert_eq!(
        saved_record(dir.path()).applications[0].state.describe(),
        "Entretien prévu le 25/11/2026 à 14:30, Agence de Créteil"
    );

    click(
        &mut harness,
        &words::move_to_for(StateKind::Hired.label(), COOK),
    );
    click(&mut harness, words::CONTRACT);
    click(&mut harness, ContractKind::Cdd.label());
    assert_eq!(
        harness.get_by_label(words::START_DATE).value().as_deref(),
        Some("25/11/2026"),
        "a hire starts on the interview's day at the earliest"
    );
    harness.get_by_label(words::START_DATE).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label(words::START_DATE)
        .type_text("01/12/2026");
    harness.run();
    click(&mut harness, words::CONFIRM_MOVE);
    let record = saved_record(dir.path());
    let application = &record.applications[0];
    assert_eq!(
        application.state,
        ApplicationState::Hired {
            contract: ContractKind::Cdd,
            start: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
        }
    );
    let kinds: Vec<StateKind> = application.history.iter().map(|h| h.state.kind()).collect();
    assert_eq!(
        kinds,
        [
            StateKind::Proposed,
            StateKind::Sent,
            StateKind::Interview,
            StateKind::Hired
        ]
    );
    assert_eq!(application.history[3].on, today());

    // The hire offers to close the pathway with a job.
    click(&mut harness, words::CLOSE_PATHWAY);
    let_autosave_run(&mut harness);
    let outcome = saved_record(dir.path()).pathway.outcome.unwrap();
    assert_eq!(outcome.kind, OutcomeKind::Employment(ContractKind::Cdd));
    assert_eq!(outcome.date, today());
    assert_eq!(saved_record(dir.path()).applications.len(), 1);
}

#[test]
fn a_hired_application_ends_with_a_date_and_the_exit_is_classed() {
    let dir = tempfile::tempdir().unwrap();
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    let company = &demo_companies(today())[0];
    let offer = &company.offers[0];
    let mut application = Application::propose(
        company.id,
        &company.name,
        Some((offer.id, &offer.title)),
        d(10, 2),
    );
    application
        .move_to(ApplicationState::Sent, d(10, 3))
        .unwrap();
    application
        .move_to(
            ApplicationState::Interview {
                date: d(10, 10),
                time: None,
                place: String::new(),
            },
            d(10, 4),
        )
        .unwrap();
    application
        .move_to(
            ApplicationState::Hired {
                contract: ContractKind::Cdd,
                start: d(11, 2),
            },
            d(10, 12),
        )
        .unwrap();
    write_cook(dir.path(), vec![application]);
    let mut harness = open_companies_tab(dir.path());
    click(
        &mut harness,
        &words::move_to_for(StateKind::Ended.label(), COOK),
    );
    click(&mut harness, words::END_REASON);
    click(&mut harness, EndReason::TrialPeriodBreak.label());
    replace_text(&mut harness, words::END_DATE, "20/11/2026");
    click(&mut harness, words::CONFIRM_MOVE);
    assert_eq!(
        saved_record(dir.path()).applications[0].state,
        ApplicationState::Ended {
            reason: EndReason::TrialPeriodBreak,
            on: d(11, 20)
        }
    );

    // In "Identité", a CDD of 4 months is an "emploi de transition" for the funders.
    harness.get_by_label(identity::TAB_IDENTITY).click();
    harness.run();
    let outcome = harness.get_by_role_and_label(egui::accesskit::Role::ComboBox, identity::OUTCOME);
    outcome.scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, identity::OUTCOME)
        .click();
    harness.run();
    click(
        &mut harness,
        &OutcomeKind::Employment(ContractKind::Cdd).label(),
    );
    type_into(&mut harness, identity::OUTCOME_MONTHS, "4");
    assert!(
        harness
            .query_by_label(ExitClass::TransitionEmployment.label())
            .is_some()
    );
    replace_text(&mut harness, identity::OUTCOME_MONTHS, "9");
    assert!(
        harness
            .query_by_label(ExitClass::DurableEmployment.label())
            .is_some()
    );
    let_autosave_run(&mut harness);
    let outcome = saved_record(dir.path()).pathway.outcome.unwrap();
    assert_eq!(outcome.contract_months, Some(9));
    assert_eq!(outcome.exit_class(), ExitClass::DurableEmployment);
}

#[test]
fn a_pmsmp_is_recorded_with_its_dates_tutor_and_result() {
    let dir = tempfile::tempdir().unwrap();
    write_cook(dir.path(), Vec::new());
    let mut harness = open_companies_tab(dir.path());
    click(&mut harness, words::NEW_PMSMP);
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, words::PMSMP_COMPANY)
        .click();
    harness.run();
    click(&mut harness, "Jardins solidaires de la Bièvre");
    type_into(&mut harness, words::PMSMP_FROM, "30/11/2026");
    type_into(&mut harness, words::PMSMP_TO, "10/01/2027");
    type_into(&mut harness, words::PMSMP_TUTOR, "Mélanie Roux");
    click(&mut harness, words::ADD_PMSMP);
    // Longer than a month: explained, nothing added.
    harness.get_by_label("Une PMSMP dure un mois au plus (renouvelable une fois).");
    replace_text(&mut harness, words::PMSMP_TO, "11/12/2026");
    click(&mut harness, words::ADD_PMSMP);
    let_autosave_run(&mut harness);
    let record = saved_record(dir.path());
    let immersion = record.applications[0].immersion.clone().unwrap();
    assert_eq!(immersion.tutor, "Mélanie Roux");
    assert_eq!(immersion.to, NaiveDate::from_ymd_opt(2026, 12, 11).unwrap());
    harness.get_by_label("PMSMP du 30/11/2026 au 11/12/2026 — Jardins solidaires de la Bièvre");
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, words::PMSMP_RESULT)
        .click();
    harness.run();
    click(&mut harness, ImmersionResult::Conclusive.label());
    let_autosave_run(&mut harness);
    assert_eq!(
        saved_record(dir.path()).applications[0]
            .immersion
            .as_ref()
            .unwrap()
            .result,
        ImmersionResult::Conclusive
    );
}

#[test]
fn a_csv_file_is_previewed_and_written_only_once_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    write_cook(dir.path(), Vec::new());
    let known = demo_companies(today()).remove(0);
    let fresh = siret("4430618410004");
    let csv = format!(
        "N° SIRET;Raison sociale;Ville;Effectif\r\n\
         {};Brasserie du Marché (Créteil);Créteil;12\r\n\
         {fresh};Pressing du Centre;Orly;3\r\n\
         123;Garage sans SIRET;Orly;2\r\n",
        known.siret
    );
    // Windows-1252, as Excel writes it.
    let bytes: Vec<u8> = csv
        .chars()
        .map(|c| match c {
            'é' => 0xE9,
            '°' => 0xB0,
            c => u8::try_from(c).unwrap(),
        })
        .collect();
    let mut harness = open_companies_tab(dir.path());
    harness
        .state_mut()
        .open_company_import("partenaires.csv", bytes);
    harness.run();
    harness.get_by_label(&words::import_file("partenaires.csv", "Windows-1252", ';'));
    harness.get_by_label(&words::ignored_columns("Effectif"));
    harness.get_by_label("enregistrement 4, SIRET : le SIRET compte 14 chiffres (ici 3)");
    harness.get_by_label(&words::to_import(1, 1));
    let count = || {
        std::fs::read_dir(dir.path().join(COMPANIES_DIR))
            .unwrap()
            .count()
    };
    // The demo directory, and nothing more until the import is confirmed.
    let before = demo_companies(today()).len();
    assert_eq!(count(), before);
    assert_eq!(harness.state().companies().len(), before);

    click(&mut harness, &words::confirm_import(2));
    let (companies, _) = Store::open(dir.path(), Access::ReadOnly)
        .unwrap()
        .load_companies();
    assert_eq!(companies.len(), before + 1);
    let updated = companies.iter().find(|c| c.id == known.id).unwrap();
    assert_eq!(updated.name, "Brasserie du Marché (Créteil)");
    assert_eq!(updated.offers, known.offers);
    assert!(
        companies
            .iter()
            .any(|c| c.siret == fresh && c.town == "Orly")
    );
    // The window shows the directory as it now is: the known count plus the new company.
    assert_eq!(count(), before + 1);
    assert_eq!(harness.state().companies().len(), before + 1);
    // The audit journal records the import, with how many companies it saved.
    let imports: Vec<_> = Store::open(dir.path(), Access::ReadOnly)
        .unwrap()
        .journal_events(parcours::store::journal::Filter::default())
        .into_iter()
        .filter(|e| matches!(e.operation, parcours::store::journal::Operation::Import(_)))
        .map(|e| e.operation.token())
        .collect();
    assert_eq!(imports, ["import:2"]);
}

#[test]
fn snapshot_entreprises_ranked_list() {
    let dir = tempfile::tempdir().unwrap();
    let company = &demo_companies(today())[1];
    let offer = &company.offers[0];
    let mut application = Application::propose(
        company.id,
        &company.name,
        Some((offer.id, &offer.title)),
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
    );
    application
        .move_to(
            ApplicationState::Sent,
            NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
        )
        .unwrap();
    write_cook(dir.path(), vec![application]);
    let mut harness = open_companies_tab(dir.path());
    harness.remove_cursor();
    harness.run();
    crate::image_snapshot::snapshot(&mut harness, "entreprises_classement");
}

#[test]
fn a_company_and_its_offer_are_saved_from_the_directory_once_valid() {
    let dir = tempfile::tempdir().unwrap();
    write_cook(dir.path(), Vec::new());
    let before = demo_companies(today()).len();
    let mut harness = open_companies_tab(dir.path());
    click(&mut harness, words::DIRECTORY);
    // Search narrows the list.
    type_into(&mut harness, words::SEARCH, "ehpad");
    harness.get_by_label(&words::company_line(
        "EHPAD Les Tilleuls",
        "Vitry-sur-Seine",
        1,
    ));
    assert!(
        harness
            .query_by_label(&words::company_line("Brasserie du Marché", "Créteil", 2))
            .is_none()
    );

    click(&mut harness, words::NEW_COMPANY);
    type_into(&mut harness, words::NAME, "Pressing du Centre");
    type_into(&mut harness, words::SIRET, "356 000 000 49838");
    type_into(&mut harness, words::APE, "9601b");
    type_into(&mut harness, common::TOWN, "Orly");
    click(&mut harness, words::ADD_OFFER);
    type_into(
        &mut harness,
        &words::offer_field(words::OFFER_TITLE, 1),
        "Repasseuse",
    );
    click(&mut harness, words::SAVE_COMPANY);
    // La Poste's SIREN with a digit sum of 46: refused, explained, nothing written.
    harness.get_by_label("Ce SIRET est invalide (clé de contrôle fausse) : vérifiez les chiffres.");
    let count = || {
        Store::open(dir.path(), Access::ReadOnly)
            .unwrap()
            .load_companies()
            .0
            .len()
    };
    assert_eq!(count(), before);

    replace_text(&mut harness, words::SIRET, "35600000049837");
    click(&mut harness, words::SAVE_COMPANY);
    let (companies, _) = Store::open(dir.path(), Access::ReadOnly)
        .unwrap()
        .load_companies();
    assert_eq!(companies.len(), before + 1);
    let saved = companies
        .iter()
        .find(|c| c.name == "Pressing du Centre")
        .unwrap();
    assert_eq!(saved.siret, "35600000049837");
    assert_eq!(saved.ape, "96.01B");
    assert_eq!(saved.offers[0].title, "Repasseuse");
    assert_eq!(saved.offers[0].status, OfferStatus::Open);

    // A second company with a SIRET already in the directory is refused.
    let known = demo_companies(today()).remove(0);
    click(&mut harness, words::NEW_COMPANY);
    type_into(&mut harness, words::NAME, "Doublon");
    type_into(&mut harness, words::SIRET, &known.siret);
    click(&mut harness, words::SAVE_COMPANY);
    harness.get_by_label(&words::siret_taken("Brasserie du Marché"));
    assert_eq!(count(), before + 1);
}

#[test]
fn an_impossible_offer_start_gets_the_message_of_every_date_field() {
    let dir = tempfile::tempdir().unwrap();
    write_cook(dir.path(), Vec::new());
    let mut harness = open_companies_tab(dir.path());
    click(&mut harness, words::DIRECTORY);
    click(&mut harness, words::NEW_COMPANY);
    type_into(&mut harness, words::NAME, "Pressing du Centre");
    type_into(&mut harness, words::SIRET, "35600000049837");
    type_into(&mut harness, words::APE, "9601b");
    click(&mut harness, words::ADD_OFFER);
    type_into(
        &mut harness,
        &words::offer_field(words::OFFER_TITLE, 1),
        "Repasseuse",
    );
    type_into(
        &mut harness,
        &words::offer_field(common::START, 1),
        "31/02/2025",
    );
    click(&mut harness, words::SAVE_COMPANY);
    harness.get_by_label("Cette date n'existe pas : 31/02/2025.");
    let (companies, _) = Store::open(dir.path(), Access::ReadOnly)
        .unwrap()
        .load_companies();
    assert!(companies.iter().all(|c| c.name != "Pressing du Centre"));
}

/// A planned interview of a mother of a baby books the crèche: "Réserver la crèche pour
/// l'entretien" opens the Crèche tab with the day, the hours around the interview on the
/// half-hour grid (10:15 → 9:30–12:00: 45 minutes to go there, an hour of interview, 45 to come
/// back), the only child of crèche age and the link to the application; nothing is booked before
/// "Réserver", and the saved booking carries the application's id.
#[test]
fn an_interview_books_the_creche_linked_to_its_application() {
    let dir = tempfile::tempdir().unwrap();
    let company = &demo_companies(today())[0];
    let offer = &company.offers[0];
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let mut application = Application::propose(
        company.id,
        &company.name,
        Some((offer.id, &offer.title)),
        day(2),
    );
    application.move_to(ApplicationState::Sent, day(3)).unwrap();
    application
        .move_to(
            ApplicationState::Interview {
                date: day(26),
                time: NaiveTime::from_hms_opt(10, 15, 0),
                place: "Vitry-sur-Seine".into(),
            },
            day(20),
        )
        .unwrap();
    let id = application.id;
    write_cook(dir.path(), vec![application]);
    let mut harness = open_companies_tab(dir.path());

    click(&mut harness, &words::book_creche_for(COOK));
    // The Crèche tab is open with the booking prepared, not made.
    let_autosave_run(&mut harness);
    assert!(saved_record(dir.path()).creche.bookings.is_empty());
    click(&mut harness, parcours::ui::text::creche::CRECHE_BOOK);
    assert!(harness.query_by_label_contains("Réservé — Awa").is_some());
    let_autosave_run(&mut harness);

    let record = saved_record(dir.path());
    let booking = &record.creche.bookings[0];
    assert_eq!(booking.reason, BookingReason::Interview(Some(id)));
    assert_eq!(booking.schedule, Schedule::Once(day(26)));
    let time = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    assert_eq!((booking.start, booking.end), (time(9, 30), time(12, 0)));
    assert_eq!(booking.child, record.family.children[0].id);
    assert_eq!(
        booking.note,
        "Entretien : Commis de cuisine — Brasserie du Marché"
    );

    // Back in the Entreprises tab, the interview says its crèche is booked.
    harness.get_by_label(words::TAB_COMPANIES).click();
    harness.run();
    harness.get_by_label(words::CRECHE_BOOKED);
    assert!(
        harness
            .query_by_label_contains(words::BOOK_CRECHE)
            .is_none()
    );
}

#[test]
fn a_contact_removed_from_the_company_form_is_not_saved_and_the_others_move_up() {
    let dir = tempfile::tempdir().unwrap();
    write_cook(dir.path(), Vec::new());
    let mut harness = open_companies_tab(dir.path());
    click(&mut harness, words::DIRECTORY);
    click(&mut harness, words::NEW_COMPANY);
    type_into(&mut harness, words::NAME, "Pressing du Centre");
    type_into(&mut harness, words::SIRET, "35600000049837");
    click(&mut harness, words::ADD_CONTACT);
    click(&mut harness, words::ADD_CONTACT);
    let name = |n| words::contact_field(common::NAME, n);
    type_into(&mut harness, &name(1), "Awa Koné");
    type_into(&mut harness, &name(2), "Marc Petit");
    type_into(
        &mut harness,
        &words::contact_field(common::PHONE, 2),
        "01 45 00 00 00",
    );

    click(&mut harness, &words::remove_contact(1));
    // The second contact is now the first, with its phone; there is no second any more.
    assert_eq!(
        harness.get_by_label(&name(1)).value().as_deref(),
        Some("Marc Petit")
    );
    assert!(harness.query_by_label(&name(2)).is_none());
    click(&mut harness, words::SAVE_COMPANY);
    let (companies, _) = Store::open(dir.path(), Access::ReadOnly)
        .unwrap()
        .load_companies();
    let saved = companies
        .iter()
        .find(|c| c.name == "Pressing du Centre")
        .unwrap();
    let contacts: Vec<(&str, &str)> = saved
        .contacts
        .iter()
        .map(|c| (c.name.as_str(), c.phone.as_str()))
        .collect();
    assert_eq!(contacts, [("Marc Petit", "01 45 00 00 00")]);
}
