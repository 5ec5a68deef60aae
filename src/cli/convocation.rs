//! `convocation`: the convocation letter of one appointment, or one letter per person enrolled
//! in a workshop, as PDF files (see `report::convocation` for the letter and its window).

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::{CliError, Outcome, open_read_only, tsv_field};
use crate::model::record::{AppointmentId, Beneficiary, Settings, WorkshopId, is_anonymised};
use crate::report::{
    ConvocationDocument, Engine, OutputError, convocation_file_name, convocation_template,
    render_convocation, save_pdf,
};

/// What `convocation` writes.
pub(super) enum ConvocationTarget<'a> {
    /// One appointment's letter, in one file.
    Appointment { id: &'a str, file: &'a Path },
    /// One letter per person enrolled in a workshop, in one folder.
    Workshop { id: &'a str, dir: &'a Path },
}

/// Renders and writes one letter; a character no font can draw is reported on `out`.
fn write_letter(
    engine: &Engine,
    letter: &ConvocationDocument,
    file: &Path,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let rendered = render_convocation(engine, letter)?;
    save_pdf(file, &rendered.pdf)?;
    if let Some(warning) = rendered.warning_message() {
        writeln!(out, "{} : {warning}", file.display())?;
    }
    Ok(())
}

pub(super) fn convocation(
    data_dir: &Path,
    target: &ConvocationTarget<'_>,
    large: bool,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let mut store = open_read_only(data_dir)?;
    let mut report = store.load();
    // An erased (anonymised) record has nobody to write to.
    report.beneficiaries.retain(|b| !is_anonymised(b));
    // A damaged settings file only loses the letterhead; `check` reports it.
    let (settings, _): (Settings, _) = store.load_settings();
    let engine = Engine::new([convocation_template()]);
    match *target {
        ConvocationTarget::Appointment { id, file } => {
            let wanted = id.parse::<AppointmentId>().ok();
            let (record, appointment) = report
                .beneficiaries
                .iter()
                .find_map(|record| {
                    record
                        .preparation
                        .appointments
                        .iter()
                        .find(|a| Some(a.id) == wanted)
                        .map(|a| (record, a))
                })
                .ok_or_else(|| CliError::UnknownAppointment(id.to_owned()))?;
            let letter =
                ConvocationDocument::for_appointment(record, appointment, &settings, today, large);
            write_letter(&engine, &letter, file, out)?;
            writeln!(
                out,
                "Convocation de {} écrite dans {}",
                tsv_field(&record.display_name()),
                file.display()
            )?;
        }
        ConvocationTarget::Workshop { id, dir } => {
            let (workshops, _) = store.load_workshops();
            let wanted = id.parse::<WorkshopId>().ok();
            let workshop = workshops
                .iter()
                .find(|w| Some(w.id) == wanted)
                .ok_or_else(|| CliError::UnknownWorkshop(id.to_owned()))?;
            std::fs::create_dir_all(dir).map_err(|source| OutputError::Write {
                path: dir.to_owned(),
                source,
            })?;
            let people: Vec<&Beneficiary> = workshop
                .enrolments
                .iter()
                .filter_map(|e| report.beneficiaries.iter().find(|b| b.id == e.beneficiary))
                .collect();
            let mut used = HashSet::new();
            for record in &people {
                let mut name = convocation_file_name(record, workshop.date);
                if !used.insert(name.clone()) {
                    // Namesakes: the identifier tells their files apart.
                    name = format!("{}_{}.pdf", name.trim_end_matches(".pdf"), record.id);
                    used.insert(name.clone());
                }
                let file = dir.join(&name);
                let letter =
                    ConvocationDocument::for_workshop(record, workshop, &settings, today, large);
                write_letter(&engine, &letter, &file, out)?;
                writeln!(
                    out,
                    "{} → {}",
                    tsv_field(&record.display_name()),
                    file.display()
                )?;
            }
            writeln!(
                out,
                "{} convocation(s) écrite(s) dans {}",
                people.len(),
                dir.display()
            )?;
        }
    }
    Ok(Outcome::Success)
}
