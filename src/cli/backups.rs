//! `backups` and `restore`: the daily backups of the data directory.

use std::io::{BufRead, Write};
use std::path::Path;

use chrono::NaiveDate;

use super::{CliError, Outcome, open_read_only};
use crate::store::StoreError;

pub(super) fn backups(data_dir: &Path, out: &mut dyn Write) -> Result<Outcome, CliError> {
    for date in open_read_only(data_dir)?.backups() {
        writeln!(out, "{}", date.format("%Y-%m-%d"))?;
    }
    Ok(Outcome::Success)
}

/// Whether `restore` may go ahead.
pub enum Confirmation<'a> {
    /// `--yes`.
    Given,
    /// Ask, and read the answer from this input.
    Ask(&'a mut dyn BufRead),
}

/// Restores a daily backup, after asking unless confirmed. No answer (no terminal, end of
/// input) is a no: a script must say `--yes`.
pub fn restore(
    data_dir: &Path,
    date: NaiveDate,
    confirmation: Confirmation<'_>,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    if !data_dir.is_dir() {
        return Err(CliError::MissingDataDir(data_dir.to_owned()));
    }
    let mut store = super::open_writer(data_dir)?;
    // Held from the question on: no other Parcours writes meanwhile.
    store.reserve_for_restore()?;
    let available = store.backups();
    if !available.contains(&date) {
        return Err(StoreError::NoSuchBackup { date, available }.into());
    }
    if let Confirmation::Ask(input) = confirmation {
        write!(
            out,
            "Remplacer les données actuelles par la sauvegarde du {} ? Les données actuelles seront d'abord sauvegardées. [o/N] ",
            date.format("%d/%m/%Y")
        )?;
        out.flush()?;
        let mut answer = String::new();
        // An unreadable input counts as no answer.
        let _ = input.read_line(&mut answer);
        writeln!(out)?;
        let answer = answer.trim().to_lowercase();
        if !matches!(answer.as_str(), "o" | "oui" | "y" | "yes") {
            return Err(CliError::NotConfirmed);
        }
    }
    let report = store.restore(date)?;
    writeln!(
        out,
        "Sauvegarde du {} restaurée. Les données remplacées sont dans {}",
        date.format("%d/%m/%Y"),
        report.safety_backup.display()
    )?;
    Ok(Outcome::Success)
}
