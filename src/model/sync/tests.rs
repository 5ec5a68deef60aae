use chrono::Utc;

use super::*;

fn editor(installation: &str) -> Editor {
    Editor {
        installation: installation.to_owned(),
        name: installation.to_uppercase(),
    }
}

fn units(pairs: &[(&str, u64)]) -> Units {
    pairs.iter().map(|(k, h)| ((*k).to_owned(), *h)).collect()
}

#[test]
fn a_save_bumps_only_the_units_it_changed_and_keeps_removals_as_tombstones() {
    let now = Utc::now();
    let first = restamp(
        &Versions::new(),
        &units(&[("contact", 1), ("notes", 2)]),
        &editor("a"),
        now,
    );
    assert_eq!(first["contact"].clock, Clock::from([("a".to_owned(), 1)]));
    let second = restamp(&first, &units(&[("contact", 3)]), &editor("b"), now);
    assert_eq!(
        second["contact"].clock,
        Clock::from([("a".to_owned(), 1), ("b".to_owned(), 1)])
    );
    assert_eq!(second["contact"].by, "B");
    assert!(second["notes"].deleted, "a removal is remembered");
    assert_eq!(second["notes"].clock["b"], 1);
    // Saving the same content again changes nothing.
    assert_eq!(
        restamp(&second, &units(&[("contact", 3)]), &editor("b"), now),
        second
    );
}

#[test]
fn the_side_that_alone_changed_a_unit_wins_and_both_changing_it_is_asked() {
    let now = Utc::now();
    let base = restamp(&Versions::new(), &units(&[("u", 1)]), &editor("a"), now);
    let on_a = restamp(&base, &units(&[("u", 2)]), &editor("a"), now);
    let on_b = restamp(&base, &units(&[("u", 3)]), &editor("b"), now);
    let (a, b) = (on_a.get("u"), on_b.get("u"));
    assert_eq!(order(Some(2), a, Some(1), base.get("u")), Order::First);
    assert_eq!(order(Some(1), base.get("u"), Some(3), b), Order::Second);
    assert_eq!(order(Some(2), a, Some(3), b), Order::Both);
    assert_eq!(order(Some(2), a, Some(2), a), Order::Same);
    // A stamp that does not describe the content (a hand edit) is never trusted.
    assert_eq!(order(Some(9), a, Some(1), base.get("u")), Order::Both);
    // Removed on B, untouched on A: removed. Changed on A: kept (asked by the caller).
    let removed = restamp(&base, &Units::new(), &editor("b"), now);
    assert_eq!(
        order(Some(1), base.get("u"), None, removed.get("u")),
        Order::Second
    );
    assert_eq!(order(Some(2), a, None, removed.get("u")), Order::Both);
    // An item only one copy has, and the other never had: that copy's.
    assert_eq!(order(Some(2), a, None, None), Order::First);
}

#[test]
fn stable_hashes_do_not_depend_on_the_build() {
    // FNV-1a of "a": the published test vector.
    assert_eq!(stable_hash("a"), 0xaf63_dc4c_8601_ec8c);
}
