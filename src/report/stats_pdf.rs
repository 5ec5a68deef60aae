//! The funders' report printed on A4 (issue #18): title, structure, period, scope, date of
//! extraction, how many people were left out, every table (small counts shown "< 5"), and the
//! charts drawn by Typst itself (bars for distributions, lines for the monthly series), with
//! page numbers. Plain data built from a [`Report`], laid out by `assets/typst/stats.typ`
//! through the shared [`Engine`].
//!
//! Nothing here names a person: a [`Report`] holds only categories and counts. The cells are
//! written the way the "Bilans" view shows them ([`cell_text`]).

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::engine::{Engine, RenderError, Template};
use super::summary::long_date;
use crate::model::record::format_date;
use crate::model::stats::{Cell, Period, Report, Scope, Series, Table};

/// The template's file name.
pub const STATS_TEMPLATE_FILE: &str = "stats.typ";

/// The report's template embedded in the binary.
#[must_use]
pub fn stats_template() -> Template {
    Template {
        file: STATS_TEMPLATE_FILE,
        source: Cow::Borrowed(include_str!("../../assets/typst/stats.typ")),
    }
}

/// What the printed report says beside the tables: who made it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsPdfMeta {
    /// The structure's name (the settings'); may be empty.
    pub structure: String,
    /// The day the figures were extracted.
    pub extracted_on: NaiveDate,
}

/// A number the French way: "1 234", "3,5".
#[must_use]
pub fn french_number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let (sign, digits) = whole
        .strip_prefix('-')
        .map_or(("", whole), |digits| ("-", digits));
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(digit);
    }
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{fraction}")
    }
}

/// A cell as the view and the printed report show it: "12", "3,5 h", "45,2 %", "38 j", "–"
/// when nothing was measured, "< 5" for a hidden count (the report's threshold).
#[must_use]
pub fn cell_text(cell: Cell, threshold: u32) -> String {
    match cell {
        Cell::People(n) | Cell::Count(n) => french_number(f64::from(n), 0),
        #[expect(
            clippy::cast_precision_loss,
            reason = "minutes of a report stay far below 2^52"
        )]
        Cell::Minutes(minutes) => format!("{} h", french_number(minutes as f64 / 60.0, 1)),
        Cell::Percent(Some(share)) => format!("{} %", french_number(share, 1)),
        Cell::Days(Some(days)) => format!("{} j", french_number(days, 0)),
        Cell::Percent(None) | Cell::Days(None) => "–".to_owned(),
        Cell::Hidden => format!("< {threshold}"),
        Cell::Masked => crate::model::stats::format::MASKED.to_owned(),
    }
}

/// The period in words: "du 01/01/2026 au 31/12/2026".
#[must_use]
pub fn period_text(period: Period) -> String {
    format!(
        "du {} au {}",
        format_date(period.from),
        format_date(period.to)
    )
}

/// The scope in words: "Toutes les personnes accompagnées" or "Personnes suivies par X".
#[must_use]
pub fn scope_text(scope: &Scope) -> String {
    match scope {
        Scope::All => "Toutes les personnes accompagnées".to_owned(),
        Scope::Counsellor(name) => format!("Personnes suivies par {}", name.trim()),
    }
}

/// The line on people left out: "3 personnes ont refusé l'usage statistique : non comptées".
#[must_use]
pub fn refused_text(refused: u32) -> String {
    match refused {
        0 => "Aucune personne n'a refusé l'usage statistique de ses données.".to_owned(),
        1 => "1 personne a refusé l'usage statistique : non comptée.".to_owned(),
        n => format!("{n} personnes ont refusé l'usage statistique : non comptées."),
    }
}

/// The small-count rule in words.
#[must_use]
pub fn threshold_text(threshold: u32) -> String {
    format!(
        "Les effectifs de moins de {threshold} personnes sont masqués (« < {threshold} »), ainsi \
         que ceux qui permettraient de les retrouver par différence avec un total."
    )
}

/// A month's short name: "janv.".
#[must_use]
pub fn month_name(first_day: NaiveDate) -> &'static str {
    const MONTHS: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    MONTHS
        .get(first_day.month0() as usize)
        .copied()
        .unwrap_or_default()
}

/// A month's short name and year: "janv. 2026".
#[must_use]
pub fn month_text(first_day: NaiveDate) -> String {
    format!("{} {}", month_name(first_day), first_day.year())
}

/// Whether a table's first column is a distribution of people that a bar chart shows: its
/// categories add up to a "Total" row, and there are at least two of them.
#[must_use]
pub fn is_distribution(table: &Table) -> bool {
    table.rows.iter().any(|row| row.label.starts_with("Total"))
        && distribution_rows(table).count() >= 2
}

/// The rows a distribution's bars show, with their first cell: every row but the totals.
pub fn distribution_rows(table: &Table) -> impl Iterator<Item = (&str, Cell)> {
    let people = table.rows.iter().all(|row| {
        matches!(
            row.cells.first(),
            Some(Cell::People(_) | Cell::Hidden | Cell::Masked)
        )
    });
    table
        .rows
        .iter()
        .filter(move |row| people && !row.label.starts_with("Total"))
        .filter_map(|row| row.cells.first().map(|cell| (row.label.as_str(), *cell)))
}

/// One bar of a printed distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct PdfBar {
    label: String,
    /// The count; `None` when hidden (no bar drawn, "< 5" written).
    value: Option<f64>,
    text: String,
}

/// One row of a printed table.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct PdfRow {
    label: String,
    cells: Vec<String>,
    total: bool,
}

/// One printed table, with its bars when it is a distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct PdfTable {
    title: String,
    source: String,
    columns: Vec<String>,
    rows: Vec<PdfRow>,
    bars: Vec<PdfBar>,
    max: f64,
}

/// One point of a printed monthly line.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct PdfPoint {
    /// "janv.".
    month: &'static str,
    /// "2026" under the first month and each January.
    year: Option<String>,
    value: f64,
    text: String,
}

/// One printed monthly line.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct PdfSeries {
    title: String,
    unit: String,
    points: Vec<PdfPoint>,
    max: f64,
}

/// Everything the printed report shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct StatsDocument {
    structure: String,
    period: String,
    scope: String,
    extracted_on: String,
    refused: String,
    threshold: String,
    tables: Vec<PdfTable>,
    series: Vec<PdfSeries>,
}

fn pdf_table(table: &Table, threshold: u32) -> PdfTable {
    let bars: Vec<PdfBar> = if is_distribution(table) {
        distribution_rows(table)
            .map(|(label, cell)| PdfBar {
                label: label.to_owned(),
                value: match cell {
                    Cell::People(n) => Some(f64::from(n)),
                    _ => None,
                },
                text: cell_text(cell, threshold),
            })
            .collect()
    } else {
        Vec::new()
    };
    let max = bars.iter().filter_map(|b| b.value).fold(0.0, f64::max);
    PdfTable {
        title: table.title.clone(),
        source: table.source.clone(),
        columns: table.columns.clone(),
        rows: table
            .rows
            .iter()
            .map(|row| PdfRow {
                label: row.label.clone(),
                cells: row.cells.iter().map(|c| cell_text(*c, threshold)).collect(),
                total: row.label.starts_with("Total"),
            })
            .collect(),
        bars,
        max,
    }
}

fn pdf_series(series: &Series) -> PdfSeries {
    let decimals = usize::from(series.points.iter().any(|(_, v)| v.fract() != 0.0));
    let points: Vec<PdfPoint> = series
        .points
        .iter()
        .enumerate()
        .map(|(index, &(month, value))| PdfPoint {
            month: month_name(month),
            year: (index == 0 || month.month() == 1).then(|| month.year().to_string()),
            value,
            text: french_number(value, decimals),
        })
        .collect();
    PdfSeries {
        title: series.title.clone(),
        unit: series.unit.clone(),
        max: points.iter().map(|p| p.value).fold(0.0, f64::max),
        points,
    }
}

fn document(report: &Report, meta: &StatsPdfMeta) -> StatsDocument {
    StatsDocument {
        structure: meta.structure.trim().to_owned(),
        period: period_text(report.period),
        scope: scope_text(&report.scope),
        extracted_on: long_date(meta.extracted_on),
        refused: refused_text(report.refused_statistics),
        threshold: threshold_text(report.threshold),
        tables: report
            .tables
            .iter()
            .map(|t| pdf_table(t, report.threshold))
            .collect(),
        series: report
            .series
            .iter()
            .filter(|s| !s.points.is_empty())
            .map(pdf_series)
            .collect(),
    }
}

/// The printed report's file name: "bilan_2026-01-01_2026-12-31.pdf".
#[must_use]
pub fn stats_file_name(period: Period, extension: &str) -> String {
    format!("bilan_{}_{}.{extension}", period.from, period.to)
}

/// The funders' report as A4 PDF bytes (a fresh engine: the report is printed now and then,
/// off the window's frame).
pub fn stats_pdf(report: &Report, meta: &StatsPdfMeta) -> Result<Vec<u8>, RenderError> {
    let engine = Engine::new([stats_template()]);
    Ok(engine
        .render(STATS_TEMPLATE_FILE, &document(report, meta))?
        .pdf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_written_the_french_way() {
        assert_eq!(cell_text(Cell::People(1234), 5), "1\u{202f}234");
        assert_eq!(cell_text(Cell::Minutes(90), 5), "1,5 h");
        assert_eq!(cell_text(Cell::Percent(Some(45.25)), 5), "45,2 %");
        assert_eq!(cell_text(Cell::Percent(None), 5), "–");
        assert_eq!(cell_text(Cell::Days(Some(38.4)), 5), "38 j");
        assert_eq!(cell_text(Cell::Hidden, 5), "< 5");
        assert_eq!(cell_text(Cell::Hidden, 3), "< 3");
        assert_eq!(cell_text(Cell::Masked, 5), "masqué");
        assert_eq!(french_number(-1234.5, 1), "-1\u{202f}234,5");
        assert_eq!(french_number(999.0, 0), "999");
    }

    #[test]
    fn months_and_people_left_out_read_as_sentences() {
        let d = crate::model::record::dates::test_support::d;
        assert_eq!(month_text(d(2026, 2, 1)), "févr. 2026");
        assert_eq!(month_text(d(2025, 12, 1)), "déc. 2025");
        assert_eq!(
            refused_text(3),
            "3 personnes ont refusé l'usage statistique : non comptées."
        );
        assert_eq!(
            refused_text(1),
            "1 personne a refusé l'usage statistique : non comptée."
        );
    }
}
