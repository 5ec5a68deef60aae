//! "Mes bénéficiaires" / "Tous": a counsellor of a team lists the records they follow (the
//! referent is their profile's name, accents and case aside) or every record, and each row
//! names its referent.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::kittest::{NodeT, Queryable};
use parcours::ui::text;

use crate::common::app;
use crate::team_support::{app_as, person, write_records};

#[test]
fn mes_beneficiaires_lists_the_records_whose_referent_is_me() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    write_records(
        dir.path(),
        &[
            person("Amina", "Benali", "Claire Martin"),
            person("Bakary", "Camara", " claire MARTIN "),
            person("Oksana", "Kovalenko", "Paul Durand"),
            person("Yonas", "Tesfaye", ""),
        ],
    );
    let mut harness = app_as(dir.path(), config.path(), "Clàire Martin");
    harness.run();
    // "Tous" at first: every record, each with its referent.
    harness.get_by_label(&text::list::count(4, 4));
    harness.get_by_label_contains("Oksana");
    let paul = text::list::referent("Paul Durand");
    let paul = harness.get_by_label_contains(&paul);
    assert!(paul.accesskit_node().label().unwrap().contains("Oksana"));
    assert!(
        harness
            .get_by_label_contains("Yonas")
            .accesskit_node()
            .label()
            .is_some_and(|l| !l.contains(&text::list::referent(""))),
        "no referent, none named"
    );

    harness.get_by_label(text::list::MINE).click();
    harness.run();
    harness.get_by_label(&text::list::count(2, 4));
    harness.get_by_label_contains("Amina");
    harness.get_by_label_contains("Bakary");
    assert!(harness.query_by_label_contains("Oksana").is_none());
    assert!(harness.query_by_label_contains("Yonas").is_none());

    // The search works within the filter.
    harness.get_by_label(text::list::SEARCH_LABEL).click();
    harness.run();
    harness
        .get_by_label(text::list::SEARCH_LABEL)
        .type_text("kova");
    harness.run();
    harness.get_by_label(text::list::NO_MATCH);

    harness.get_by_label(text::list::ALL).click();
    harness.run();
    harness.get_by_label(&text::list::count(1, 4));
    harness.get_by_label_contains("Oksana");
}

#[test]
fn a_counsellor_following_no_one_is_told_so_and_without_a_profile_there_is_no_filter() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    write_records(dir.path(), &[person("Amina", "Benali", "Paul Durand")]);
    let mut harness = app_as(dir.path(), config.path(), "Claire Martin");
    harness.run();
    harness.get_by_label(text::list::MINE).click();
    harness.run();
    harness.get_by_label(text::list::NONE_OF_MINE);
    harness.get_by_label(&text::list::count(0, 1));
    drop(harness);

    let mut anonymous = app(dir.path());
    anonymous.run();
    assert!(anonymous.query_by_label(text::list::MINE).is_none());
    anonymous.get_by_label(&text::list::count(1, 1));
}

/// A record created on this computer is followed by its counsellor: the referent is the
/// profile's name from the start, and it is listed under "Mes bénéficiaires".
#[test]
fn a_new_record_is_followed_by_the_counsellor_who_creates_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    write_records(dir.path(), &[person("Oksana", "Kovalenko", "Paul Durand")]);
    let mut harness = app_as(dir.path(), config.path(), "Claire Martin");
    harness.run();
    harness.get_by_label(text::common::NEW_BENEFICIARY).click();
    harness.run();
    harness.run();
    harness.get_by_label(text::common::REFERENT).scroll_to_me();
    harness.run();
    assert_eq!(
        harness
            .get_by_label(text::common::REFERENT)
            .value()
            .as_deref(),
        Some("Claire Martin")
    );
}
