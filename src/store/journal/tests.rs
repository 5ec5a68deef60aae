//! The journal's own tests: operations, the chain across months, pruning, what a save writes.
use super::*;

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(10, 42, 0)
        .unwrap()
        .and_utc()
}

fn author() -> Author {
    Author {
        name: "Claire\tMartin".into(),
        installation: "inst".into(),
    }
}

#[test]
fn operations_read_back_as_written() {
    let ops = [
        Operation::Create,
        Operation::Modify(RecordPart::ALL.to_vec()),
        Operation::Print(Document::Cv),
        Operation::Restore(NaiveDate::from_ymd_opt(2026, 1, 2).unwrap()),
        Operation::Consent(Purpose::ShareWithCreche, ConsentState::Withdrawn),
        Operation::Override(Purpose::Statistics),
        Operation::Import(3),
        Operation::RetentionExtended,
    ];
    for op in ops {
        assert_eq!(Operation::parse(&op.token()), Some(op));
    }
}

#[test]
fn the_chain_spans_months_and_old_months_are_pruned() {
    let dir = tempfile::tempdir().unwrap();
    let mut journal = Journal::new(dir.path());
    let id = BeneficiaryId::new();
    for (m, op) in [(1, Operation::Create), (2, Operation::Erase)] {
        journal
            .append(at(2026, m, 3), &author(), &op, Some(id), || 12)
            .unwrap();
    }
    // A fresh writer chains on the file as written.
    let mut journal = Journal::new(dir.path());
    journal
        .append(at(2026, 2, 4), &author(), &Operation::Export, None, || 12)
        .unwrap();
    let report = verify(dir.path());
    assert_eq!((report.lines, report.broken), (3, None));
    let all = events(dir.path(), Filter::default());
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].author, "Claire Martin");
    let only = Filter {
        record: Some(id),
        from: NaiveDate::from_ymd_opt(2026, 2, 1),
        to: None,
    };
    assert_eq!(events(dir.path(), only).len(), 1);

    journal
        .append(at(2027, 2, 4), &author(), &Operation::Export, None, || 12)
        .unwrap();
    let left: Vec<_> = month_files(&dir.path().join(JOURNAL_DIR))
        .into_iter()
        .map(|(m, _)| (m.year(), m.month()))
        .collect();
    // Twelve months kept: March 2026 to February 2027.
    assert_eq!(left, [(2027, 2)]);
    assert_eq!(verify(dir.path()).broken, None);
}

#[test]
fn a_save_journals_each_consent_change_override_and_extension_on_its_own() {
    use crate::model::record::{ConsentOverride, RetentionExtension};
    use crate::store::Access;
    let dir = tempfile::tempdir().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let mut record = crate::model::demo::demo_beneficiaries(1, today, 3).remove(0);
    store.save_beneficiary(&record, today).unwrap();
    // Saved again unchanged: nothing to journal.
    store.save_beneficiary(&record, today).unwrap();
    record.protection.overrides.push(ConsentOverride {
        purpose: Purpose::ShareWithCompanies,
        date: today,
        reason: "offre urgente".into(),
        by: "C. M.".into(),
    });
    record.protection.extension = Some(RetentionExtension {
        until: NaiveDate::from_ymd_opt(2027, 6, 1).unwrap(),
        reason: "litige".into(),
    });
    store.save_beneficiary(&record, today).unwrap();
    let ops: Vec<Operation> = events(dir.path(), Filter::default())
        .into_iter()
        .map(|e| e.operation)
        .collect();
    assert_eq!(
        ops,
        [
            Operation::Create,
            Operation::Override(Purpose::ShareWithCompanies),
            Operation::RetentionExtended,
        ]
    );
    let text =
        std::fs::read_to_string(month_files(&dir.path().join(JOURNAL_DIR))[0].1.clone()).unwrap();
    assert!(
        !text.contains("urgente") && !text.contains("litige"),
        "{text}"
    );
    assert!(!text.contains(&record.identity.last_name), "{text}");
}

/// Two Parcours on one shared folder (a team) append in turn: each chains on the line really
/// last, not on its own previous one, and the chain stays whole.
#[test]
fn two_writers_on_one_folder_keep_one_chain() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Journal::new(dir.path());
    let mut second = Journal::new(dir.path());
    let id = BeneficiaryId::new();
    for _ in 0..3 {
        for journal in [&mut first, &mut second] {
            journal
                .append(
                    at(2026, 11, 27),
                    &author(),
                    &Operation::Create,
                    Some(id),
                    || 12,
                )
                .unwrap();
        }
    }
    let report = verify(dir.path());
    assert_eq!((report.lines, report.broken), (6, None));
}
