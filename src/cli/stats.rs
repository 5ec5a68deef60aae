//! `parcours stats`: the funders' report over a period, for the whole structure or one
//! counsellor, as plain text tables on stdout, or as a CSV, XLSX or PDF file.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::{CliError, Outcome, open_read_only};
use crate::model::stats::{Period, Report, Scope, StatsInput, report};
use crate::report::save_pdf;
use crate::report::stats_files::{ReportMeta, csv, xlsx};

/// Where the report goes.
#[derive(Debug, Clone, Copy)]
pub(super) enum StatsOutput<'a> {
    /// Plain text on stdout.
    Text,
    /// A CSV file.
    Csv(&'a Path),
    /// An XLSX file.
    Xlsx(&'a Path),
    /// The printed A4 report.
    Pdf(&'a Path),
}

/// `stats`: computes the report from the data directory and writes it where asked.
pub(super) fn stats(
    data_dir: &Path,
    period: Period,
    counsellor: Option<&str>,
    output: StatsOutput<'_>,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    if period.from > period.to {
        return Err(CliError::BadPeriod {
            from: period.from,
            to: period.to,
        });
    }
    let mut store = open_read_only(data_dir)?;
    let loaded = store.load();
    let (settings, _) = store.load_settings();
    let (creche, _) = store.load_creche_settings();
    let (workshops, _) = store.load_workshops();
    let scope = counsellor
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map_or(Scope::All, |name| Scope::Counsellor(name.to_owned()));
    let input = StatsInput {
        records: &loaded.beneficiaries,
        workshops: &workshops,
        creche: &creche,
    };
    let report = report(&input, period, &scope, settings.stats_threshold);
    let meta = ReportMeta {
        structure: settings.structure_name.clone(),
        extracted_on: today,
    };
    match output {
        StatsOutput::Text => text(&report, &meta, out)?,
        StatsOutput::Csv(path) => {
            save_pdf(path, csv(&report).as_bytes())?;
            writeln!(out, "Bilan écrit dans {}", path.display())?;
        }
        StatsOutput::Pdf(path) => {
            let meta = crate::report::StatsPdfMeta {
                structure: meta.structure.clone(),
                extracted_on: meta.extracted_on,
            };
            save_pdf(path, &crate::report::stats_pdf(&report, &meta)?)?;
            writeln!(out, "Bilan écrit dans {}", path.display())?;
        }
        StatsOutput::Xlsx(path) => {
            let bytes = xlsx(&report, &meta).map_err(|e| CliError::Spreadsheet(e.to_string()))?;
            save_pdf(path, &bytes)?;
            writeln!(out, "Bilan écrit dans {}", path.display())?;
        }
    }
    Ok(Outcome::Success)
}

/// The report as plain text: its description, then each table with its columns aligned.
fn text(report: &Report, meta: &ReportMeta, out: &mut dyn Write) -> Result<(), CliError> {
    writeln!(out, "{}", crate::report::stats_files::TITLE)?;
    if !meta.structure.trim().is_empty() {
        writeln!(out, "Structure : {}", meta.structure.trim())?;
    }
    writeln!(out, "Période : {}", report.period.label())?;
    writeln!(out, "Périmètre : {}", report.scope.label())?;
    writeln!(
        out,
        "Personnes exclues (refus des statistiques) : {}",
        report.refused_statistics
    )?;
    for table in &report.tables {
        writeln!(out)?;
        writeln!(out, "{}", table.title)?;
        if !table.source.is_empty() {
            writeln!(out, "Source : {}", table.source)?;
        }
        let rows: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|row| {
                std::iter::once(row.label.clone())
                    .chain(row.cells.iter().map(|c| c.text(report.threshold)))
                    .collect()
            })
            .collect();
        let heading: Vec<String> = std::iter::once(String::new())
            .chain(table.columns.iter().cloned())
            .collect();
        let width = |col: usize| {
            std::iter::once(&heading)
                .chain(&rows)
                .filter_map(|r| r.get(col))
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..heading.len()).map(width).collect();
        for line in std::iter::once(&heading).chain(&rows) {
            let mut text = String::new();
            for (col, (cell, w)) in line.iter().zip(&widths).enumerate() {
                let pad = w.saturating_sub(cell.chars().count());
                if col == 0 {
                    text.push_str(cell);
                    text.push_str(&" ".repeat(pad));
                } else {
                    text.push_str("  ");
                    text.push_str(&" ".repeat(pad));
                    text.push_str(cell);
                }
            }
            writeln!(out, "{}", text.trim_end())?;
        }
    }
    Ok(())
}
