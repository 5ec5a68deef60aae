//! `print`: one beneficiary's summary, or everyone's, as PDF files.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::{CliError, Outcome, open_read_only, tsv_field};
use crate::model::record::{Beneficiary, BeneficiaryId, Settings, is_anonymised, name_order_key};
use crate::report::{
    Engine, OutputError, Summary, SummaryOptions, render_summary, save_pdf, summary_file_name,
    summary_template, summary_template_from,
};

/// What `print` writes.
pub(super) enum PrintTarget<'a> {
    /// One beneficiary's summary, in one file.
    One { id: &'a str, file: &'a Path },
    /// Every beneficiary's, in one folder.
    All { dir: &'a Path },
}

pub(super) fn print(
    data_dir: &Path,
    target: &PrintTarget<'_>,
    template: Option<&Path>,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let template = match template {
        None => summary_template(),
        Some(path) => summary_template_from(std::fs::read_to_string(path).map_err(|source| {
            CliError::Template {
                path: path.to_owned(),
                source,
            }
        })?),
    };
    let mut store = open_read_only(data_dir)?;
    let mut report = store.load();
    // An erased (anonymised) record has nobody to print.
    report.beneficiaries.retain(|b| !is_anonymised(b));
    // A damaged settings file only loses the structure's name; `check` reports it.
    let (settings, _): (Settings, _) = store.load_settings();
    // The summary counts attended workshops and names the companies applied to; files that
    // cannot be read are `check`'s to report.
    let (workshops, _) = store.load_workshops();
    let (companies, _) = store.load_companies();
    // A child's crèche age follows the crèche's settings (a damaged file: the defaults).
    let (creche, _) = store.load_creche_settings();
    let build = |record: &Beneficiary| {
        Summary::build(
            record,
            &settings,
            &workshops,
            &companies,
            &creche,
            &SummaryOptions::default(),
            today,
        )
    };
    let engine = Engine::new([template]);
    match *target {
        PrintTarget::One { id, file } => {
            let record = id
                .parse::<BeneficiaryId>()
                .ok()
                .and_then(|id| report.beneficiaries.iter().find(|b| b.id == id))
                .ok_or_else(|| CliError::UnknownBeneficiary(id.to_owned()))?;
            let pages = write_summary(&engine, &build(record), file, out)?;
            writeln!(
                out,
                "Synthèse de {} écrite dans {} ({pages} page(s))",
                tsv_field(&record.display_name()),
                file.display()
            )?;
            Ok(Outcome::Success)
        }
        PrintTarget::All { dir } => {
            let mut records = report.beneficiaries;
            records.sort_by_cached_key(|b| (name_order_key(b), b.id));
            let mut failures: Vec<String> = report
                .problems
                .iter()
                .map(|problem| format!("fiche illisible, {problem}"))
                .collect();
            std::fs::create_dir_all(dir).map_err(|source| OutputError::Write {
                path: dir.to_owned(),
                source,
            })?;
            let total = records.len();
            let mut used = std::collections::HashSet::new();
            let mut written = 0_usize;
            for (index, record) in records.iter().enumerate() {
                let mut name = summary_file_name(record, today);
                if !used.insert(name.clone()) {
                    // Namesakes: the identifier tells their files apart.
                    name = format!("{}_{}.pdf", name.trim_end_matches(".pdf"), record.id);
                    used.insert(name.clone());
                }
                let file = dir.join(&name);
                let who = tsv_field(&record.display_name());
                match write_summary(&engine, &build(record), &file, out) {
                    Ok(_) => {
                        written += 1;
                        writeln!(out, "[{}/{total}] {who} → {}", index + 1, file.display())?;
                    }
                    Err(error) => {
                        writeln!(out, "[{}/{total}] {who} : échec", index + 1)?;
                        failures.push(format!("{who} ({}) : {error}", record.id));
                    }
                }
            }
            writeln!(
                out,
                "{written} synthèse(s) écrite(s) dans {}",
                dir.display()
            )?;
            if failures.is_empty() {
                return Ok(Outcome::Success);
            }
            writeln!(out, "{} échec(s) :", failures.len())?;
            for failure in &failures {
                writeln!(out, "  {failure}")?;
            }
            Ok(Outcome::ProblemsFound)
        }
    }
}

/// Renders and writes one summary; returns its page count. A character no font can draw is
/// reported on `out`, and the file is written all the same.
pub(super) fn write_summary(
    engine: &Engine,
    summary: &Summary,
    file: &Path,
    out: &mut dyn Write,
) -> Result<usize, CliError> {
    let rendered = render_summary(engine, summary)?;
    save_pdf(file, &rendered.pdf)?;
    if let Some(warning) = rendered.warning_message() {
        writeln!(out, "{} : {warning}", file.display())?;
    }
    Ok(rendered.page_count)
}
