//! `export`: the person's own copy of their record (right of access and portability): a PDF
//! with everything the record holds and the same data as JSON, into a folder.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::{CliError, Outcome, open_read_only, open_writer, tsv_field};
use crate::model::record::BeneficiaryId;
use crate::report::export::{Existing, ExportError, HistoryEntry, export_template, write_export};
use crate::report::{Engine, OutputError};
use crate::store::journal::{Filter, Operation};

impl From<ExportError> for CliError {
    fn from(error: ExportError) -> Self {
        match error {
            ExportError::Render(error) => Self::Render(error),
            ExportError::Write(error) => Self::Pdf(error),
        }
    }
}

/// Writes the copy of beneficiary `id` into `dir` (created when missing); files of the same
/// name are replaced.
pub(super) fn export(
    data_dir: &Path,
    id: &str,
    dir: &Path,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    // Writable when no window holds the folder, so that the journal records the copy;
    // otherwise read-only, and the journal's line is left to be written by hand (said below).
    let (mut store, journaled) = match open_writer(data_dir) {
        Ok(store) => (store, true),
        Err(CliError::Store(crate::store::StoreError::Locked(_))) => {
            (open_read_only(data_dir)?, false)
        }
        Err(error) => return Err(error),
    };
    let report = store.load();
    let record = id
        .parse::<BeneficiaryId>()
        .ok()
        .and_then(|id| report.beneficiaries.iter().find(|b| b.id == id))
        .ok_or_else(|| CliError::UnknownBeneficiary(id.to_owned()))?;
    // A damaged settings file only loses the structure's name and DPO; `check` reports it.
    let (settings, _) = store.load_settings();
    if dir.exists() && !dir.is_dir() {
        return Err(OutputError::Write {
            path: dir.to_owned(),
            source: std::io::Error::other("c'est un fichier, pas un dossier"),
        }
        .into());
    }
    std::fs::create_dir_all(dir).map_err(|source| OutputError::Write {
        path: dir.to_owned(),
        source,
    })?;
    let engine = Engine::new([export_template()]);
    let history: Vec<HistoryEntry> = store
        .journal_events(Filter {
            record: Some(record.id),
            ..Filter::default()
        })
        .into_iter()
        .map(|e| HistoryEntry {
            time: e.time,
            operation: e.operation.token(),
            label: e.operation.label(),
            author: e.author,
        })
        .collect();
    let exported = write_export(
        &engine,
        record,
        &settings,
        &history,
        dir,
        today,
        Existing::Replace,
    )?;
    if journaled {
        store.journal_event(&Operation::Export, Some(record.id));
    }
    writeln!(
        out,
        "Données de {} écrites dans {} ({} page(s)) et {}",
        tsv_field(&record.display_name()),
        exported.pdf.display(),
        exported.page_count,
        exported.json.display()
    )?;
    if let Some(warning) = exported.warning {
        writeln!(out, "{} : {warning}", exported.pdf.display())?;
    }
    if !journaled {
        writeln!(
            out,
            "Le dossier est ouvert dans Parcours : cette copie n'a pas pu être inscrite au journal."
        )?;
    }
    Ok(Outcome::Success)
}
