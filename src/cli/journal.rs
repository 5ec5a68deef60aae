//! `journal` and `journal verify`: the audit journal, listed in French or checked.

use std::io::Write;
use std::path::Path;

use chrono::{Local, NaiveDate};

use super::{CliError, Outcome, open_read_only, tsv_field};
use crate::model::record::BeneficiaryId;
use crate::store::journal::Filter;

/// Checks the chain: exit 1 naming the first broken line; lines cut by a crash are reported.
pub(super) fn verify(data_dir: &Path, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let report = open_read_only(data_dir)?.verify_journal();
    for torn in &report.torn {
        writeln!(
            out,
            "{torn} : ligne incomplète (écriture interrompue par un arrêt brutal), sans effet sur la chaîne"
        )?;
    }
    if let Some(broken) = &report.broken {
        writeln!(out, "Journal altéré : {broken}")?;
        return Ok(Outcome::ProblemsFound);
    }
    writeln!(
        out,
        "Journal intact : {} ligne(s) vérifiée(s).",
        report.lines
    )?;
    Ok(Outcome::Success)
}

/// One event a line: `JJ/MM/AAAA HH:MM<TAB>counsellor<TAB>record id<TAB>operation in French`.
pub(super) fn list(
    data_dir: &Path,
    beneficiary: Option<&str>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let store = open_read_only(data_dir)?;
    let record = match beneficiary {
        Some(id) => Some(
            id.parse::<BeneficiaryId>()
                .map_err(|_| CliError::UnknownBeneficiary(id.to_owned()))?,
        ),
        None => None,
    };
    for event in store.journal_events(Filter { record, from, to }) {
        let record = event
            .record
            .map_or_else(|| "-".to_owned(), |r| r.to_string());
        writeln!(
            out,
            "{}\t{}\t{record}\t{}",
            event.time.with_timezone(&Local).format("%d/%m/%Y %H:%M"),
            tsv_field(&event.author),
            event.operation.label()
        )?;
    }
    Ok(Outcome::Success)
}
