//! Importing partner companies from a CSV file as French users export it from Excel or
//! `LibreOffice`: `;` or `,` separator, UTF-8 (with or without BOM) or Windows-1252, CRLF or LF,
//! quoted fields holding separators, doubled quotes and line breaks.
//!
//! Pure: bytes in, a preview out (mapping of the columns, companies read, every invalid row
//! explained). Nothing is written here; [`plan`] then says which companies are new and which
//! update one already present (same SIRET). [`preview`] never panics, whatever the bytes: it
//! is the entry point a fuzzer drives.
//!
//! The folder follows the reading: `decoding` turns bytes into text and records, `headers`
//! matches the file's headers to [`Column`]s, `rows` turns each row into a company or its
//! errors, `plan` says what saving will do. The preview that ties them is here.

use std::fmt;

use crate::model::companies::company::Company;

mod decoding;
mod headers;
mod plan;
mod rows;
#[cfg(test)]
mod tests;

pub use decoding::{Encoding, decode, detect_separator, records};
pub use headers::{Column, match_header};
pub use plan::{Action, Planned, plan};

use decoding::MAX_TITLE_LINES;
use rows::read_row;

/// One header of the file and what it was matched to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMapping {
    /// The header as written in the file.
    pub header: String,
    /// The column it is read as; `None`: ignored.
    pub column: Option<Column>,
}

/// Why one row cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Record number in the file, the header being record 1 (a spreadsheet's row number when
    /// no cell holds a line break).
    pub record: usize,
    /// The field concerned ("SIRET"…), or "ligne" for the whole row.
    pub field: String,
    /// What is wrong, in French.
    pub reason: String,
}

impl fmt::Display for RowError {
    /// `enregistrement N, champ : raison`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "enregistrement {}, {} : {}",
            self.record, self.field, self.reason
        )
    }
}

/// A company read from one valid row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedRow {
    /// Record number in the file (header = 1).
    pub record: usize,
    /// The company as the row describes it (a fresh identifier; see [`plan`]).
    pub company: Company,
}

/// What a file holds, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// Encoding detected.
    pub encoding: Encoding,
    /// Separator detected.
    pub separator: char,
    /// Record number of the header line (1 unless title lines come first).
    pub header_record: usize,
    /// Each header and the column it is read as.
    pub mapping: Vec<HeaderMapping>,
    /// Companies read from valid rows.
    pub rows: Vec<ImportedRow>,
    /// Invalid rows, each problem explained (a row may have several).
    pub errors: Vec<RowError>,
}

impl Preview {
    /// Headers that are not read ("Colonnes ignorées : …").
    #[must_use]
    pub fn unknown_columns(&self) -> Vec<&str> {
        self.mapping
            .iter()
            .filter(|m| m.column.is_none())
            .map(|m| m.header.as_str())
            .collect()
    }
}

/// Reads a file: encoding and separator detected, headers matched loosely.
#[must_use]
pub fn preview(bytes: &[u8]) -> Preview {
    preview_with(bytes, None)
}

/// Reads a file with the mapping the counsellor chose (`None`: the one [`match_header`]
/// finds). `mapping[i]` is the column for the file's i-th header.
#[must_use]
pub fn preview_with(bytes: &[u8], mapping: Option<&[Option<Column>]>) -> Preview {
    let (text, encoding) = decode(bytes);
    let separator = detect_separator(&text);
    let all = records(&text, separator);
    // The header is the first of the first records that names both key columns: exports often
    // start with a title line ("Partenaires 2026") or a blank one. Failing that, the first.
    let header_at = all
        .iter()
        .take(MAX_TITLE_LINES + 1)
        .position(|(_, cells)| {
            let columns: Vec<Column> = cells.iter().filter_map(|c| match_header(c)).collect();
            columns.contains(&Column::Name) && columns.contains(&Column::Siret)
        })
        .unwrap_or(0);
    let mut all = all.into_iter().skip(header_at);
    let Some((header_record, headers)) = all.next() else {
        return Preview {
            encoding,
            separator,
            header_record: 1,
            mapping: Vec::new(),
            rows: Vec::new(),
            errors: vec![RowError {
                record: 1,
                field: "fichier".to_owned(),
                reason: "le fichier est vide : il faut une ligne d'en-têtes puis une ligne par entreprise".to_owned(),
            }],
        };
    };
    let mapping: Vec<HeaderMapping> = headers
        .iter()
        .enumerate()
        .map(|(i, header)| HeaderMapping {
            header: header.trim().to_owned(),
            column: match mapping {
                Some(chosen) => chosen.get(i).copied().flatten(),
                None => match_header(header),
            },
        })
        .collect();
    let mut preview = Preview {
        encoding,
        separator,
        header_record,
        mapping,
        rows: Vec::new(),
        errors: Vec::new(),
    };
    for required in [Column::Name, Column::Siret] {
        if !preview.mapping.iter().any(|m| m.column == Some(required)) {
            preview.errors.push(RowError {
                record: header_record,
                field: required.label().to_owned(),
                reason: format!("aucune colonne « {} » parmi les en-têtes", required.label()),
            });
        }
    }
    if !preview.errors.is_empty() {
        return preview;
    }
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (record, fields) in all {
        match read_row(record, &fields, &preview.mapping) {
            Ok(company) => {
                if let Some((_, first)) = seen.iter().find(|(s, _)| *s == company.siret) {
                    preview.errors.push(RowError {
                        record,
                        field: Column::Siret.label().to_owned(),
                        reason: format!("même SIRET que l'enregistrement {first}"),
                    });
                } else {
                    seen.push((company.siret.clone(), record));
                    preview.rows.push(ImportedRow { record, company });
                }
            }
            Err(errors) => preview.errors.extend(errors),
        }
    }
    preview
}
