//! The "Bilans" view (issue #18): opened with Ctrl+Maj+B, computed off the frame, its period
//! changed, its tables and charts drawn without a person's name; a snapshot at 1200 px.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::{TimeZone, Utc};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};
use parcours::model::record::{ConsentEntry, ConsentMethod, ConsentState, Purpose};
use parcours::model::{Beneficiary, Sex};
use parcours::store::{Access, Store};
use parcours::ui::text::stats as t;
use parcours::ui::{AppConfig, ParcoursApp};

use crate::common::{d, today};

/// A person of the small data set: entered (phase 1 started) on `entry`, followed by
/// `referent`.
fn person(
    first: &str,
    last: &str,
    sex: Sex,
    entry: chrono::NaiveDate,
    referent: &str,
) -> Beneficiary {
    let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 0).unwrap());
    b.identity.first_name = first.into();
    b.identity.last_name = last.into();
    b.identity.sex = sex;
    b.referent = referent.into();
    b.pathway.phases.identification.started_on = Some(entry);
    b
}

/// The people of the data set, computed by hand below:
/// - Claire Martin follows 7 women and 6 men who entered in March 2026, 2 people whose sex is
///   not stated (entered in April 2026), and 1 woman who entered in February 2025 and is still
///   followed; one more woman of hers refused statistics;
/// - Paul Durand follows 3 men who entered in May 2026.
///
/// For 2026 (scope "Tous"): 19 people followed (8 women, 9 men, 2 not stated), 18 entries;
/// 1 refused. For 2025: 1 person followed, 1 entry (both "< 5").
pub fn people() -> Vec<Beneficiary> {
    let claire = "Claire Martin";
    let mut all = Vec::new();
    for (i, first) in [
        "Aminata", "Binta", "Chadia", "Dalia", "Esra", "Fanta", "Gulnara",
    ]
    .into_iter()
    .enumerate()
    {
        all.push(person(
            first,
            "Koné",
            Sex::Female,
            d(2026, 3, 2 + u32::try_from(i).unwrap()),
            claire,
        ));
    }
    for (i, first) in ["Hamid", "Ilyas", "Jamal", "Karim", "Lamine", "Moussa"]
        .into_iter()
        .enumerate()
    {
        all.push(person(
            first,
            "Traoré",
            Sex::Male,
            d(2026, 3, 10 + u32::try_from(i).unwrap()),
            claire,
        ));
    }
    for first in ["Nour", "Omid"] {
        all.push(person(
            first,
            "Rahimi",
            Sex::Unspecified,
            d(2026, 4, 7),
            claire,
        ));
    }
    all.push(person(
        "Paulina",
        "Nowak",
        Sex::Female,
        d(2025, 2, 3),
        claire,
    ));
    for first in ["Quentin", "Rachid", "Samir"] {
        all.push(person(
            first,
            "Benali",
            Sex::Male,
            d(2026, 5, 4),
            "Paul Durand",
        ));
    }
    let mut refused = person("Tamara", "Ivanova", Sex::Female, d(2026, 3, 20), claire);
    refused.protection.record(ConsentEntry {
        purpose: Purpose::Statistics,
        state: ConsentState::Refused,
        date: d(2026, 3, 20),
        method: ConsentMethod::SignedForm,
        by: claire.into(),
    });
    all.push(refused);
    all
}

fn write_people(dir: &Path) -> Vec<Beneficiary> {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    let all = people();
    for b in &all {
        store.save_beneficiary(b, today()).unwrap();
    }
    all
}

/// The window at 1200 × 800.
fn app(dir: &Path) -> Harness<'static, ParcoursApp> {
    let config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config))
}

/// Runs frames until "Calcul…" is gone: the worker thread sent the report.
fn wait_for_report(harness: &mut Harness<'_, ParcoursApp>) {
    for _ in 0..1000 {
        harness.step();
        if harness.query_by_label(t::COMPUTING).is_none() {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the report never came");
}

/// Opens "Bilans" with Ctrl+Maj+B and waits for the figures.
fn open_bilans(harness: &mut Harness<'_, ParcoursApp>) {
    harness.run();
    assert!(harness.query_by_label(t::HEADING).is_none());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::B);
    harness.step();
    harness.get_by_label(t::HEADING);
    wait_for_report(harness);
}

/// Replaces a date field's text with `typed`.
/// (Frames are stepped, not run until idle: a computation under way keeps its spinner turning.)
fn retype(harness: &mut Harness<'_, ParcoursApp>, field: &str, typed: &str) {
    harness.get_by_label(field).click();
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(field).type_text(typed);
    harness.run_steps(2);
}

fn cell(row: &str, column: &str, value: &str) -> String {
    t::cell_named(row, column, value)
}

#[test]
fn bilans_counts_the_period_hides_small_counts_and_follows_a_new_period() {
    let dir = tempfile::tempdir().unwrap();
    write_people(dir.path());
    let mut harness = app(dir.path());
    open_bilans(&mut harness);
    // "Cette année" by default: 2026.
    harness.get_by_label(t::FROM);
    harness.get_by_label("1 personne a refusé l'usage statistique : non comptée.");
    harness.get_by_label(&cell("Personnes suivies sur la période", "Personnes", "19"));
    harness.get_by_label(&cell("Entrées sur la période", "Personnes", "18"));
    harness.get_by_label("Répartition par sexe");
    harness.get_by_label(&cell("Hommes", "Personnes suivies", "9"));
    // Two people whose sex is not stated: fewer than 5, hidden.
    harness
        .get_by_label(&cell("Autre ou non renseigné", "Personnes suivies", "< 5"))
        .hover();
    harness.run();
    // Resting on a hidden cell says why it is hidden.
    harness.get_by_label(&t::hidden_help(5));

    // 2025, typed: only the woman who entered in February 2025.
    retype(&mut harness, t::FROM, "01/01/2025");
    retype(&mut harness, t::TO, "31/12/2025");
    wait_for_report(&mut harness);
    harness.get_by_label(&cell(
        "Personnes suivies sur la période",
        "Personnes",
        "< 5",
    ));
    harness.get_by_label(&cell("Entrées sur la période", "Personnes", "< 5"));
    assert!(
        harness
            .query_by_label(&cell("Personnes suivies sur la période", "Personnes", "19"))
            .is_none()
    );
    harness.get_by_label("Aucune personne n'a refusé l'usage statistique de ses données.");
}

#[test]
fn a_wrong_date_is_explained_in_french_and_the_figures_stay() {
    let dir = tempfile::tempdir().unwrap();
    write_people(dir.path());
    let mut harness = app(dir.path());
    open_bilans(&mut harness);
    retype(&mut harness, t::FROM, "31/02/2026");
    harness.get_by_label(&t::field_message(
        t::FROM,
        "Cette date n'existe pas : 31/02/2026.",
    ));
    harness.get_by_label(&cell("Personnes suivies sur la période", "Personnes", "19"));
    retype(&mut harness, t::FROM, "01/12/2026");
    retype(&mut harness, t::TO, "01/11/2026");
    harness.get_by_label(t::PERIOD_REVERSED);
}

#[test]
fn the_scope_counts_one_counsellor() {
    let dir = tempfile::tempdir().unwrap();
    write_people(dir.path());
    let mut harness = app(dir.path());
    open_bilans(&mut harness);
    harness.get_by_label(t::SCOPE).click();
    harness.run();
    harness.get_by_label("Paul Durand").click();
    harness.step();
    wait_for_report(&mut harness);
    // Paul Durand's 3 men: fewer than 5.
    harness.get_by_label(&cell(
        "Personnes suivies sur la période",
        "Personnes",
        "< 5",
    ));
    harness.get_by_label("Aucune personne n'a refusé l'usage statistique de ses données.");
}

#[test]
fn no_name_of_a_person_is_in_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let all = write_people(dir.path());
    let mut harness = app(dir.path());
    open_bilans(&mut harness);
    // Tall enough for every table and chart to be on screen (those out of sight are not
    // laid out): the last heading is there.
    harness.set_size(egui::vec2(1200.0, 12_000.0));
    harness.run();
    harness.get_by_label(t::CHARTS);
    // The view is the central area: right of the list of people (which shows names).
    let left = harness.get_by_label(t::HEADING).rect().left();
    let texts: Vec<String> = harness
        .query_all(by().predicate(|_| true))
        .map(|node| node.accesskit_node())
        .filter(|node| {
            node.bounding_box()
                .is_some_and(|rect| rect.x0 >= f64::from(left))
        })
        .flat_map(|node| [node.label(), node.value()])
        .flatten()
        .collect();
    assert!(
        texts
            .iter()
            .any(|text| text.contains("Répartition par sexe")),
        "the view's texts were not read: {texts:?}"
    );
    for b in &all {
        for name in [&b.identity.first_name, &b.identity.last_name] {
            assert!(
                !texts.iter().any(|text| text.contains(name.as_str())),
                "{name} shown in the view: {texts:?}"
            );
        }
    }
}

#[test]
fn snapshot_bilans_1200() {
    let dir = tempfile::tempdir().unwrap();
    write_people(dir.path());
    let mut harness = app(dir.path());
    open_bilans(&mut harness);
    crate::image_snapshot::snapshot(&mut harness, "bilans_1200");
}

#[test]
fn the_presets_fill_the_period() {
    let dir = tempfile::tempdir().unwrap();
    write_people(dir.path());
    let mut harness = app(dir.path());
    open_bilans(&mut harness);
    let period = |harness: &Harness<'_, ParcoursApp>| {
        [t::FROM, t::TO].map(|field| {
            harness
                .get_by_label(field)
                .accesskit_node()
                .value()
                .unwrap_or_default()
        })
    };
    assert_eq!(period(&harness), ["01/01/2026", "31/12/2026"]);
    harness.get_by_label(t::LAST_YEAR).click();
    // The fields are drawn before the presets: they show the new dates at the next frame.
    harness.run_steps(2);
    assert_eq!(period(&harness), ["01/01/2025", "31/12/2025"]);
    wait_for_report(&mut harness);
    harness.get_by_label(&cell("Entrées sur la période", "Personnes", "< 5"));
    harness.get_by_label(t::LAST_12_MONTHS).click();
    harness.run_steps(2);
    // Today is 22/11/2026 in the tests.
    assert_eq!(period(&harness), ["23/11/2025", "22/11/2026"]);
}
