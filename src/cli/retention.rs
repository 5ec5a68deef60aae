//! Retention and erasure: `retention [--apply]` lists the records whose last contact is older
//! than the retention period (and erases them with `--apply`, asking nothing), `erase
//! --beneficiary ID --yes` erases one record on the person's request.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::{CliError, Outcome, open_writer, tsv_field};
use crate::model::record::{BeneficiaryId, WorkshopContacts, due_indexed, is_anonymised};

/// `parcours retention [--apply]`: one line per record due for erasure,
/// `ID<TAB>Nom<TAB>dernier contact AAAA-MM-JJ<TAB>nature du contact`; with `apply`, each is
/// erased and an `effacée` line follows.
pub(super) fn retention(
    data_dir: &Path,
    apply: bool,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let mut store = if apply {
        open_writer(data_dir)?
    } else {
        super::open_read_only(data_dir)?
    };
    let report = store.load();
    let (settings, _) = store.load_settings();
    let (workshops, _) = store.load_workshops();
    let contacts = WorkshopContacts::new(&workshops);
    let mut due: Vec<_> = report
        .beneficiaries
        .iter()
        .filter_map(|b| due_indexed(b, &contacts, &settings, today).map(|last| (b, last)))
        .collect();
    due.sort_by_key(|(b, last)| (last.date, b.id));
    for (b, last) in &due {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            b.id,
            tsv_field(&b.display_name()),
            last.date.format("%Y-%m-%d"),
            last.kind.label()
        )?;
    }
    if due.is_empty() {
        writeln!(
            out,
            "Aucune fiche n'a dépassé la durée de conservation ({} mois après le dernier contact).",
            settings.retention_months
        )?;
    }
    if apply {
        for (b, _) in &due {
            store.erase(b.id, today)?;
            writeln!(out, "{}\teffacée", b.id)?;
        }
    }
    Ok(Outcome::Success)
}

/// `parcours erase --beneficiary ID [--yes]`: without `yes`, refuses, naming the person.
pub(super) fn erase(
    data_dir: &Path,
    id: &str,
    yes: bool,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let mut store = if yes {
        open_writer(data_dir)?
    } else {
        super::open_read_only(data_dir)?
    };
    let report = store.load();
    let record = id
        .parse::<BeneficiaryId>()
        .ok()
        .and_then(|id| report.beneficiaries.iter().find(|b| b.id == id))
        .filter(|b| !is_anonymised(b))
        .ok_or_else(|| CliError::UnknownBeneficiary(id.to_owned()))?;
    let name = tsv_field(&record.display_name());
    if !yes {
        return Err(CliError::EraseNotConfirmed { name });
    }
    let done = store.erase(record.id, today)?;
    writeln!(
        out,
        "Fiche de {name} effacée : {} fichier(s) anonymisé(s) (fiche et sauvegardes), {} copie(s) supprimée(s).",
        done.rewritten.len(),
        done.deleted.len()
    )?;
    Ok(Outcome::Success)
}
