//! The micro-crèche's commands: its part of `check`, and `creche week` (the week's planning).

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::{CliError, Outcome, open_read_only};
use crate::model::record::Beneficiary;
use crate::report::{Engine, save_pdf};
use crate::store::Store;

/// `check`, for the micro-crèche: its settings file, then every over-capacity time and every
/// booking outside the age range across the records (what two laptops that each booked the last
/// place leave once their files are merged). Returns whether anything was found.
pub(super) fn check_creche(
    store: &mut Store,
    records: &[Beneficiary],
    out: &mut dyn Write,
) -> Result<bool, CliError> {
    let (settings, problem) = store.load_creche_settings();
    let mut found = false;
    if let Some(problem) = problem {
        writeln!(out, "{problem}")?;
        found = true;
    }
    // A hand-edited file can load and still break a rule (more than 12 places…).
    for message in settings.problems() {
        let path = store.root().join(crate::store::CRECHE_FILE);
        writeln!(out, "{}: {message}", path.display())?;
        found = true;
    }
    let records: Vec<&Beneficiary> = records.iter().collect();
    for problem in crate::model::creche::creche_problems(&records, &settings) {
        writeln!(out, "{problem}")?;
        found = true;
    }
    // Which of the over-booked bookings moves: the newest (the oldest keeps the place).
    for to_move in crate::model::creche::all_bookings_to_move(&records, &settings) {
        writeln!(out, "{to_move}")?;
        found = true;
    }
    Ok(found)
}

/// `creche week`: one line per opening half-hour of the week, `<date> <HH:MM>\t<booked>/<places>`
/// (closed days left out), and the week's planning as a PDF with `--pdf`.
pub(super) fn creche_week(
    data_dir: &Path,
    week: Option<&str>,
    pdf: Option<&Path>,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let monday = match week {
        None => crate::model::creche::monday_of(today),
        Some(text) => crate::model::creche::parse_iso_week(text)
            .ok_or_else(|| CliError::BadWeek(text.to_owned()))?,
    };
    let mut store = open_read_only(data_dir)?;
    let report = store.load();
    // A damaged crèche file falls back to the defaults; `check` reports it.
    let (settings, _) = store.load_creche_settings();
    let records: Vec<&Beneficiary> = report.beneficiaries.iter().collect();
    let plan = crate::model::creche::WeekPlan::build(&records, &settings, monday);
    for (date, start, booked) in crate::model::creche::week_lines(&plan) {
        writeln!(
            out,
            "{} {}\t{booked}/{}",
            date.format("%Y-%m-%d"),
            start.format("%H:%M"),
            plan.capacity
        )?;
    }
    if let Some(file) = pdf {
        let (structure, _) = store.load_settings();
        let week = crate::report::CrecheWeek::build(
            &records,
            &settings,
            &structure.structure_name,
            monday,
            today,
        );
        let engine = Engine::new([crate::report::creche_week_template()]);
        let rendered = crate::report::render_creche_week(&engine, &week)?;
        save_pdf(file, &rendered.pdf)?;
        if let Some(warning) = rendered.warning_message() {
            writeln!(out, "{} : {warning}", file.display())?;
        }
    }
    Ok(Outcome::Success)
}
