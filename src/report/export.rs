//! The person's own copy of their record (GDPR articles 15 and 20): a PDF with everything the
//! record holds, section by section in plain French (confidential items included, unlike the
//! summary), and the same data as a machine-readable JSON file.
//!
//! The JSON's shape: `format` (`"parcours-export"`), `version` (1), `exported_on`
//! (`AAAA-MM-JJ`), then the record's own keys exactly as the data files store them (`id`,
//! `identity`, `contact`, `administrative`, `family`, `french_level`, `french_abilities`,
//! `pathway`, `skills`, `referent`, `private_notes`, `created_at`, `updated_at`,
//! `preparation`, `creche`, `applications`, `protection`), then `journal`: the audit
//! journal's events about the person, oldest first (`time` in UTC, `author`, `operation` as the
//! journal writes it, `label` in French). README's "Protection des données" documents it for
//! the person's next structure.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::engine::{Engine, RenderError, Rendered, Template};
use super::output::{OutputError, save_pdf};
use super::summary::long_date;
use crate::model::creche::Booking;
use crate::model::record::{Beneficiary, ChildId, Settings, format_date};

mod sections;

/// The template's file name.
pub const EXPORT_TEMPLATE_FILE: &str = "export.typ";
/// The JSON file's `format`.
pub const EXPORT_FORMAT: &str = "parcours-export";
/// The JSON file's `version`: raised when the shape changes in a way a reader must know.
pub const EXPORT_VERSION: u32 = 1;

/// The export template embedded in the binary.
#[must_use]
pub fn export_template() -> Template {
    Template {
        file: EXPORT_TEMPLATE_FILE,
        source: Cow::Borrowed(include_str!("../../assets/typst/export.typ")),
    }
}

/// One event of the audit journal about the person, as the copy shows it (the caller reads
/// the journal: this module never touches the data directory).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    /// When (UTC).
    pub time: chrono::DateTime<chrono::Utc>,
    /// The counsellor named in the journal ("-" for the command line).
    pub author: String,
    /// The operation as the journal writes it (`modify:names,contact`).
    pub operation: String,
    /// The operation in French ("modifié : Noms, Coordonnées").
    pub label: String,
}

/// One line of a block: a label and its value, in French.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportRow {
    /// "Nom", "Date de naissance"…
    pub label: String,
    /// The value as the record holds it ("Non renseigné" when empty).
    pub value: String,
}

/// A group of lines: a whole section's fields, or one item of a list (a child, an application).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportBlock {
    /// The item's title ("Enfant 1 : Awa"), empty for a section's own fields.
    pub heading: String,
    /// The lines.
    pub rows: Vec<ExportRow>,
}

/// One part of the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportSection {
    /// "Identité", "Candidatures"…
    pub title: &'static str,
    /// What the section holds.
    pub blocks: Vec<ExportBlock>,
    /// Said when the record holds nothing for the section ("Aucune candidature.").
    pub empty: &'static str,
}

/// What the export template prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportDocument {
    /// "First Last".
    pub name: String,
    /// The record's identifier (also in the JSON file).
    pub id: String,
    /// "27 novembre 2026".
    pub exported_on: String,
    /// The structure's name, when set.
    pub structure: String,
    /// How to reach the structure's data-protection officer, when set.
    pub dpo_contact: String,
    /// The record's parts, in the window's order, then the journal's events about the person.
    pub sections: Vec<ExportSection>,
}

impl ExportDocument {
    /// Everything `record` holds, as of `today`, with the structure's name and its DPO, and
    /// `history`: the journal's events about the person.
    #[must_use]
    pub fn new(
        record: &Beneficiary,
        settings: &Settings,
        today: NaiveDate,
        history: &[HistoryEntry],
    ) -> Self {
        Self {
            name: record.display_name(),
            id: record.id.to_string(),
            exported_on: long_date(today),
            structure: settings.structure_name.trim().to_owned(),
            dpo_contact: settings.dpo_contact.trim().to_owned(),
            sections: sections::all(record, history),
        }
    }
}

/// The JSON file: the format's name and version, then the record as its data file holds it,
/// then the journal's events about the person.
#[derive(Serialize)]
struct ExportJson<'a> {
    format: &'static str,
    version: u32,
    exported_on: NaiveDate,
    #[serde(flatten)]
    record: &'a Beneficiary,
    journal: &'a [HistoryEntry],
}

/// The machine-readable copy of `record` (pretty-printed UTF-8 JSON), with `history`: the
/// journal's events about the person.
pub fn export_json(
    record: &Beneficiary,
    today: NaiveDate,
    history: &[HistoryEntry],
) -> Result<Vec<u8>, RenderError> {
    let mut bytes = serde_json::to_vec_pretty(&ExportJson {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exported_on: today,
        record,
        journal: history,
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Renders the person's copy with an engine that holds the export template.
pub fn render_export(engine: &Engine, document: &ExportDocument) -> Result<Rendered, RenderError> {
    engine.render(EXPORT_TEMPLATE_FILE, document)
}

/// `donnees_Diallo_Fatoumata_2026-11-27.pdf`, after the summary's naming; the JSON file has
/// the same name ending in `.json`.
#[must_use]
pub fn export_file_name(record: &Beneficiary, today: NaiveDate) -> String {
    super::summary_pdf::summary_file_name(record, today).replacen("synthese", "donnees", 1)
}

/// Why the copy could not be made or written. Messages in French.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The document could not be made.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// A file could not be written.
    #[error(transparent)]
    Write(#[from] OutputError),
}

/// The two files written, and what the counsellor should check.
#[derive(Debug, Clone)]
pub struct Exported {
    /// The PDF.
    pub pdf: PathBuf,
    /// The JSON file.
    pub json: PathBuf,
    /// Pages of the PDF.
    pub page_count: usize,
    /// A character no font could draw, and the like.
    pub warning: Option<String>,
}

/// Whether files already in the folder may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Replace them (the command line, whose `--out` the user typed).
    Replace,
    /// Keep them: the new pair takes the first name free for both (`… (2).pdf` and
    /// `… (2).json`), as in the window.
    Keep,
}

/// Writes the person's PDF and JSON copy into `folder`, each file whole or not at all.
pub fn write_export(
    engine: &Engine,
    record: &Beneficiary,
    settings: &Settings,
    history: &[HistoryEntry],
    folder: &Path,
    today: NaiveDate,
    existing: Existing,
) -> Result<Exported, ExportError> {
    let rendered = render_export(
        engine,
        &ExportDocument::new(record, settings, today, history),
    )?;
    let json = export_json(record, today, history)?;
    let pdf_name = export_file_name(record, today);
    let stem = pdf_name.trim_end_matches(".pdf");
    let paths = |suffix: &str| {
        (
            folder.join(format!("{stem}{suffix}.pdf")),
            folder.join(format!("{stem}{suffix}.json")),
        )
    };
    let (pdf_path, json_path) = match existing {
        Existing::Replace => paths(""),
        // The pair keeps one name: the first number free for both files.
        Existing::Keep => std::iter::once(String::new())
            .chain((2..10_000).map(|n| format!(" ({n})")))
            .map(|suffix| paths(&suffix))
            .find(|(pdf, json)| !pdf.exists() && !json.exists())
            .unwrap_or_else(|| paths(" (10000)")),
    };
    save_pdf(&pdf_path, &rendered.pdf)?;
    save_pdf(&json_path, &json)?;
    Ok(Exported {
        pdf: pdf_path,
        json: json_path,
        page_count: rendered.page_count,
        warning: rendered.warning_message(),
    })
}

/// A child's first name by identifier, for the crèche's lines.
fn child_name(record: &Beneficiary, child: ChildId) -> String {
    record
        .family
        .children
        .iter()
        .enumerate()
        .find(|(_, c)| c.id == child)
        .map_or_else(
            || "Enfant non retrouvé dans la fiche".to_owned(),
            |(index, c)| {
                let name = c.first_name.trim();
                if name.is_empty() {
                    format!("Enfant {}", index + 1)
                } else {
                    name.to_owned()
                }
            },
        )
}

/// A booking's days, hours, reason and note, in one line.
fn booking_line(booking: &Booking) -> String {
    format!("{} · {}", booking.label(), booking.reason_text())
}

/// A date, or "Non renseignée".
fn date_or_none(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| NOT_GIVEN_F.to_owned(), format_date)
}

/// Said of an empty masculine field.
const NOT_GIVEN: &str = "Non renseigné";
/// Said of an empty feminine field (a date).
const NOT_GIVEN_F: &str = "Non renseignée";

#[cfg(test)]
mod tests;
