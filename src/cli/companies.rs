//! The companies' commands: `import-companies` (a CSV file), `companies` and `match`.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::{CliError, Outcome, open_read_only, tsv_field};
use crate::model::companies::{csv_import, matching};
use crate::model::record::BeneficiaryId;

pub(super) fn import_companies(
    data_dir: &Path,
    file: &Path,
    skip_invalid: bool,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let bytes = crate::store::read_import_file(file).map_err(|e| CliError::ImportFile {
        path: e.path,
        reason: e.reason,
    })?;
    let preview = csv_import::preview(&bytes);
    let unknown = preview.unknown_columns();
    if !unknown.is_empty() {
        writeln!(out, "Colonnes ignorées : {}", unknown.join(", "))?;
    }
    for error in &preview.errors {
        writeln!(out, "{error}")?;
    }
    // A file without its key columns has no valid row to import.
    let unusable = preview
        .errors
        .iter()
        .any(|e| e.record == preview.header_record);
    if unusable || (!preview.errors.is_empty() && !skip_invalid) {
        writeln!(
            out,
            "Aucune entreprise importée : {} problème(s){}.",
            preview.errors.len(),
            if unusable {
                ""
            } else {
                " (--skip-invalid importe les lignes valides)"
            }
        )?;
        return Ok(Outcome::ProblemsFound);
    }
    if !data_dir.is_dir() {
        return Err(CliError::MissingDataDir(data_dir.to_owned()));
    }
    let mut store = super::open_writer(data_dir)?;
    let (existing, _) = store.load_companies();
    let planned = csv_import::plan(&preview.rows, &existing);
    let (mut created, mut updated) = (0_usize, 0_usize);
    for item in &planned {
        store.save_company(&item.company)?;
        match item.action {
            csv_import::Action::New => created += 1,
            csv_import::Action::Update(_) => updated += 1,
        }
    }
    store.journal_import(planned.len());
    writeln!(
        out,
        "{} entreprise(s) importée(s) : {created} nouvelle(s), {updated} mise(s) à jour{}.",
        planned.len(),
        if preview.errors.is_empty() {
            String::new()
        } else {
            format!(", {} ligne(s) invalide(s) ignorée(s)", preview.errors.len())
        }
    )?;
    Ok(Outcome::Success)
}

pub(super) fn companies(data_dir: &Path, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let (companies, _) = open_read_only(data_dir)?.load_companies();
    for c in &companies {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            c.id,
            tsv_field(&c.name),
            c.siret,
            c.ape,
            tsv_field(&c.town)
        )?;
    }
    Ok(Outcome::Success)
}

pub(super) fn match_offers(
    data_dir: &Path,
    id: &str,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let mut store = open_read_only(data_dir)?;
    let report = store.load();
    let person = id
        .parse::<BeneficiaryId>()
        .ok()
        .and_then(|id| report.beneficiaries.iter().find(|b| b.id == id))
        .ok_or_else(|| CliError::UnknownBeneficiary(id.to_owned()))?;
    let (companies, _) = store.load_companies();
    let (creche, _) = store.load_creche_settings();
    for line in matching::rank_offers(person, &companies, &creche, today) {
        writeln!(
            out,
            "{}\t{}\t{}",
            line.score,
            tsv_field(&line.label),
            tsv_field(&line.reasons_text())
        )?;
    }
    Ok(Outcome::Success)
}
