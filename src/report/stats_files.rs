//! A funders' report as files: CSV that French Excel opens by double-click (UTF-8 with a BOM,
//! `;` between fields, decimal comma, CRLF, one block per table under its title), and XLSX
//! (a first sheet with the structure, the period, the scope, the date of extraction and the
//! definitions, then one sheet per table). Hidden counts are written "< 5".
//!
//! Both take the [`Report`] as computed: they add no name, identifier or free text beyond the
//! report's own labels and the structure's name.

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::model::stats::definitions::{GENERAL, definition};
use crate::model::stats::format::hidden;
use crate::model::stats::{Cell, Report, Table};

/// What the files say about the report besides its tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportMeta {
    /// The structure's name (settings), empty when not set.
    pub structure: String,
    /// The day the figures were extracted.
    pub extracted_on: NaiveDate,
}

/// The title every file starts with.
pub const TITLE: &str = "Bilan pour les financeurs";

/// The lines that describe the report itself: (label, value).
fn description(report: &Report) -> Vec<(&'static str, String)> {
    vec![
        ("Période", report.period.label()),
        ("Périmètre", report.scope.label()),
        (
            "Secret statistique",
            format!(
                "un nombre de personnes inférieur à {} s'affiche « {} »",
                report.threshold,
                hidden(report.threshold)
            ),
        ),
        (
            "Personnes exclues (refus des statistiques)",
            report.refused_statistics.to_string(),
        ),
    ]
}

/// The description with the structure and the date of extraction.
fn header(report: &Report, meta: &ReportMeta) -> Vec<(&'static str, String)> {
    let structure = if meta.structure.trim().is_empty() {
        "Non renseignée".to_owned()
    } else {
        meta.structure.trim().to_owned()
    };
    let mut lines = vec![("Structure", structure)];
    lines.extend(description(report));
    lines.insert(
        3,
        (
            "Date d'extraction",
            meta.extracted_on.format("%d/%m/%Y").to_string(),
        ),
    );
    lines
}

/// A CSV field: quoted when it holds `;`, a quote or a line break; a text that a spreadsheet
/// would take for a formula (starting with `=`, `+`, `-` or `@`) gets a leading apostrophe.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn line(out: &mut String, fields: &[String]) {
    let fields: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&fields.join(";"));
    out.push_str("\r\n");
}

/// The report as CSV for French Excel: BOM, `;`, decimal comma, CRLF; the report's
/// description, then each table under its title and source.
#[must_use]
pub fn csv(report: &Report) -> String {
    let mut out = String::from('\u{feff}');
    line(&mut out, &[TITLE.to_owned()]);
    for (label, value) in description(report) {
        line(&mut out, &[label.to_owned(), value]);
    }
    for table in &report.tables {
        out.push_str("\r\n");
        line(&mut out, std::slice::from_ref(&table.title));
        if !table.source.is_empty() {
            line(&mut out, &[format!("Source : {}", table.source)]);
        }
        let mut heading = vec![String::new()];
        heading.extend(table.columns.iter().cloned());
        line(&mut out, &heading);
        for row in &table.rows {
            let mut fields = vec![row.label.clone()];
            fields.extend(row.cells.iter().map(|c| c.text(report.threshold)));
            line(&mut out, &fields);
        }
    }
    out
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique thanks to
/// its number ("03 Répartition par âge à l'en").
#[must_use]
pub fn sheet_name(index: usize, title: &str) -> String {
    let clean: String = title
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let name = format!("{index:02} {}", clean.trim());
    let name: String = name.chars().take(31).collect();
    name.trim_end_matches(['\'', ' ']).to_owned()
}

/// Writes one cell at (`row`, `col`): numbers as numbers (hours, shares as percentages), a
/// hidden count as the text "< 5", nothing for a share that could not be computed.
fn write_cell(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    cell: Cell,
    threshold: u32,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::People(n) | Cell::Count(n) => {
            sheet.write_number(row, col, f64::from(n))?;
        }
        Cell::Minutes(m) => {
            #[expect(clippy::cast_precision_loss, reason = "minutes stay far below 2^52")]
            let h = m as f64 / 60.0;
            sheet.write_number_with_format(row, col, h, &formats.hours)?;
        }
        Cell::Percent(Some(p)) => {
            sheet.write_number_with_format(row, col, p / 100.0, &formats.percent)?;
        }
        Cell::Days(Some(d)) => {
            sheet.write_number_with_format(row, col, d, &formats.days)?;
        }
        Cell::Percent(None) | Cell::Days(None) => {}
        Cell::Hidden => {
            sheet.write_string_with_format(row, col, hidden(threshold), &formats.hidden)?;
        }
        Cell::Masked => {
            sheet.write_string_with_format(
                row,
                col,
                crate::model::stats::format::MASKED,
                &formats.hidden,
            )?;
        }
    }
    Ok(())
}

struct Formats {
    bold: Format,
    wrap: Format,
    hours: Format,
    percent: Format,
    days: Format,
    hidden: Format,
}

/// The report as an XLSX workbook: a first sheet "Présentation" (structure, period, scope,
/// date of extraction, the rules and each table's definition), then one sheet per table.
///
/// # Errors
/// The writer's error, should it fail to lay the workbook out.
pub fn xlsx(report: &Report, meta: &ReportMeta) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats {
        bold: Format::new().set_bold(),
        wrap: Format::new().set_text_wrap(),
        hours: Format::new().set_num_format("0.00"),
        percent: Format::new().set_num_format("0.0%"),
        days: Format::new().set_num_format("0.0"),
        hidden: Format::new().set_align(rust_xlsxwriter::FormatAlign::Right),
    };
    let mut book = Workbook::new();
    let first = book.add_worksheet();
    first.set_name("Présentation")?;
    first.set_column_width(0, 40)?;
    first.set_column_width(1, 100)?;
    first.write_string_with_format(0, 0, TITLE, &formats.bold)?;
    let mut row = 2_u32;
    for (label, value) in header(report, meta) {
        first.write_string_with_format(row, 0, label, &formats.bold)?;
        first.write_string_with_format(row, 1, value, &formats.wrap)?;
        row += 1;
    }
    row += 1;
    first.write_string_with_format(row, 0, "Définitions", &formats.bold)?;
    row += 1;
    for (word, meaning) in GENERAL {
        first.write_string_with_format(row, 0, word, &formats.bold)?;
        first.write_string_with_format(row, 1, meaning, &formats.wrap)?;
        row += 1;
    }
    for (index, table) in report.tables.iter().enumerate() {
        let name = sheet_name(index + 1, &table.title);
        first.write_string_with_format(row, 0, &name, &formats.bold)?;
        let mut text = definition(table.key).to_owned();
        if !table.source.is_empty() {
            text = format!("{text} Source : {}.", table.source);
        }
        first.write_string_with_format(row, 1, text, &formats.wrap)?;
        row += 1;
    }
    for (index, table) in report.tables.iter().enumerate() {
        let sheet = book.add_worksheet();
        table_sheet(sheet, index + 1, table, report.threshold, &formats)?;
    }
    book.save_to_buffer()
}

/// One table on its sheet: its title, its source, the column headings, the rows.
fn table_sheet(
    sheet: &mut Worksheet,
    index: usize,
    table: &Table,
    threshold: u32,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(index, &table.title))?;
    sheet.set_column_width(0, 55)?;
    sheet.write_string_with_format(0, 0, &table.title, &formats.bold)?;
    if !table.source.is_empty() {
        sheet.write_string(1, 0, format!("Source : {}", table.source))?;
    }
    for (col, heading) in (1_u16..).zip(&table.columns) {
        sheet.set_column_width(col, 22)?;
        sheet.write_string_with_format(3, col, heading, &formats.bold)?;
    }
    for (row, line) in (4_u32..).zip(&table.rows) {
        sheet.write_string(row, 0, &line.label)?;
        for (col, cell) in (1_u16..).zip(&line.cells) {
            write_cell(sheet, (row, col), *cell, threshold, formats)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_short_clean_and_numbered() {
        let name = sheet_name(27, "Micro-crèche : occupation par semaine [test]/x?");
        assert!(name.chars().count() <= 31, "{name}");
        assert!(
            !name.contains([':', '[', ']', '/', '?', '*', '\\']),
            "{name}"
        );
        assert!(name.starts_with("27 Micro-crèche"), "{name}");
    }

    #[test]
    fn a_field_is_quoted_when_needed_and_never_a_formula() {
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("dit \"non\""), "\"dit \"\"non\"\"\"");
        assert_eq!(field("=SOMME(A1)"), "'=SOMME(A1)");
        assert_eq!(field("< 5"), "< 5");
    }
}
