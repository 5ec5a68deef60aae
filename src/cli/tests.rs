//! The headless commands' unit tests.

use super::*;
use crate::model::demo::demo_beneficiaries;

/// A data directory with a backup of 2026-11-21 holding no record, and one record now.
fn directory() -> (tempfile::TempDir, NaiveDate) {
    let dir = tempfile::tempdir().unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let record = demo_beneficiaries(1, day, 1).remove(0);
    store.save_beneficiary(&record, day).unwrap();
    (dir, day)
}

fn record_count(dir: &Path) -> usize {
    Store::read_only(dir).load().beneficiaries.len()
}

#[test]
fn restore_asks_and_only_a_yes_goes_ahead() {
    let (dir, day) = directory();
    for refusal in ["", "n\n", "non\n", "peut-être\n"] {
        let mut out = Vec::new();
        let result = restore(
            dir.path(),
            day,
            Confirmation::Ask(&mut refusal.as_bytes()),
            &mut out,
        );
        assert!(matches!(result, Err(CliError::NotConfirmed)), "{refusal:?}");
        assert!(String::from_utf8(out).unwrap().contains("21/11/2026 ? "));
        assert_eq!(record_count(dir.path()), 1);
    }
    let mut out = Vec::new();
    let result = restore(
        dir.path(),
        day,
        Confirmation::Ask(&mut &b"O\n"[..]),
        &mut out,
    );
    assert!(matches!(result, Ok(Outcome::Success)));
    assert_eq!(record_count(dir.path()), 0);
}

#[test]
fn restore_checks_the_date_before_asking() {
    let (dir, _) = directory();
    let other = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let mut out = Vec::new();
    let result = restore(
        dir.path(),
        other,
        Confirmation::Ask(&mut &b"o\n"[..]),
        &mut out,
    );
    assert!(matches!(
        result,
        Err(CliError::Store(StoreError::NoSuchBackup { .. }))
    ));
    assert!(out.is_empty());
}

#[test]
fn check_names_a_field_as_the_form_does_in_lower_case() {
    use crate::model::record::{Field, Phase, lowercase_first};
    // The first letter lowered, accented or not; the rest as the window's closing dialog says it.
    assert_eq!(
        lowercase_first(&Field::ActionDue(0, 1).form_name()),
        "échéance (objectif 1, action 2)"
    );
    assert_eq!(
        lowercase_first(&Field::PhaseEnd(Phase::Preparation).form_name()),
        "fin de la phase 2"
    );
    assert_eq!(lowercase_first(&Field::CafNumber.form_name()), "numéro CAF");
    assert_eq!(lowercase_first(""), "");
}
