//! `agenda`: the agenda of a day, a week or the coming days, printed one line per item; or
//! written as a calendar (`--ics`, RFC 5545) or as the day sheet (`--feuille-du-jour`).

use std::io::Write;
use std::path::Path;

use chrono::{Days, NaiveDate, Utc};

use super::{CliError, Outcome, open_read_only, tsv_field};
use crate::model::preparation::{AgendaItem, agenda as agenda_items};
use crate::model::record::{AppointmentId, Settings, is_anonymised};
use crate::report::{
    Engine, appointment_event, calendar_events, calendar_ics, day_sheet_template, render_day_sheet,
    save_pdf,
};

/// How far ahead `agenda --ics` looks without `--day` nor `--week`: a year.
const ICS_DAYS_AHEAD: u64 = 366;

/// What `agenda` was asked.
pub(super) struct AgendaRequest<'a> {
    /// `--day`.
    pub day: Option<NaiveDate>,
    /// `--week`, as typed.
    pub week: Option<&'a str>,
    /// `--counsellor`.
    pub counsellor: Option<&'a str>,
    /// `--ics`.
    pub ics: Option<&'a Path>,
    /// `--rdv` (with `--ics`).
    pub appointment: Option<&'a str>,
    /// `--feuille-du-jour`.
    pub day_sheet: Option<&'a Path>,
    /// `--ids`.
    pub ids: bool,
}

fn plus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

/// The days asked: `--day`, `--week`, else `default_days` from today.
fn range(
    request: &AgendaRequest<'_>,
    today: NaiveDate,
    default_days: u64,
) -> Result<(NaiveDate, NaiveDate), CliError> {
    if let Some(day) = request.day {
        return Ok((day, day));
    }
    if let Some(text) = request.week {
        let monday = crate::model::creche::parse_iso_week(text)
            .ok_or_else(|| CliError::BadWeek(text.to_owned()))?;
        return Ok((monday, plus(monday, 6)));
    }
    Ok((today, plus(today, default_days.saturating_sub(1))))
}

/// One printed line: `date<TAB>time<TAB>kind<TAB>person<TAB>place` (and the identifier).
fn line(item: &AgendaItem, ids: bool) -> String {
    let time = match (item.start, item.end) {
        (Some(start), Some(end)) => format!("{}-{}", start.format("%H:%M"), end.format("%H:%M")),
        (Some(start), None) => start.format("%H:%M").to_string(),
        _ => "journée".to_owned(),
    };
    let mut kind = item.kind.label().to_owned();
    if let Some(status) = item.status {
        kind = format!("{kind} ({})", status.label().to_lowercase());
    }
    if item.overlaps {
        kind.push_str(" — chevauchement");
    }
    let mut line = format!(
        "{} {time}\t{kind}\t{}\t{}",
        item.date.format("%Y-%m-%d"),
        tsv_field(&item.title),
        tsv_field(&item.place)
    );
    if ids {
        let id = item
            .appointment
            .map(|id| id.to_string())
            .or_else(|| item.workshop.map(|id| id.to_string()))
            .or_else(|| item.application.map(|id| id.to_string()))
            .unwrap_or_default();
        line.push('\t');
        line.push_str(&id);
    }
    line
}

pub(super) fn agenda(
    data_dir: &Path,
    request: &AgendaRequest<'_>,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let mut store = open_read_only(data_dir)?;
    let mut report = store.load();
    report.beneficiaries.retain(|b| !is_anonymised(b));
    let records = report.beneficiaries;
    // Unreadable workshop files are `check`'s to report.
    let (workshops, _) = store.load_workshops();
    let counsellor = request.counsellor.map(str::trim).filter(|c| !c.is_empty());

    if let Some(file) = request.day_sheet {
        let day = request.day.unwrap_or_else(|| plus(today, 1));
        let (settings, _): (Settings, _) = store.load_settings();
        let sheet =
            crate::report::DaySheet::build(&records, &workshops, day, counsellor, &settings);
        let engine = Engine::new([day_sheet_template()]);
        let rendered = render_day_sheet(&engine, &sheet)?;
        save_pdf(file, &rendered.pdf)?;
        if let Some(warning) = rendered.warning_message() {
            writeln!(out, "{} : {warning}", file.display())?;
        }
        writeln!(
            out,
            "Feuille du {} écrite dans {} ({} ligne(s))",
            day.format("%Y-%m-%d"),
            file.display(),
            sheet.rows.len()
        )?;
        return Ok(Outcome::Success);
    }

    if let Some(file) = request.ics {
        let events = if let Some(id) = request.appointment {
            let wanted = id.parse::<AppointmentId>().ok();
            let event = records
                .iter()
                .find_map(|record| {
                    record
                        .preparation
                        .appointments
                        .iter()
                        .find(|a| Some(a.id) == wanted)
                        .map(|a| appointment_event(record, a))
                })
                .ok_or_else(|| CliError::UnknownAppointment(id.to_owned()))?;
            vec![event]
        } else {
            let (from, to) = range(request, today, ICS_DAYS_AHEAD)?;
            calendar_events(&records, &workshops, from, to, counsellor)
        };
        let text = calendar_ics(&events, Utc::now());
        save_pdf(file, text.as_bytes())?;
        writeln!(
            out,
            "{} événement(s) écrit(s) dans {}",
            events.len(),
            file.display()
        )?;
        return Ok(Outcome::Success);
    }

    let (from, to) = range(request, today, 7)?;
    let items = agenda_items(&records, &workshops, from, to, counsellor);
    for item in &items {
        writeln!(out, "{}", line(item, request.ids))?;
    }
    if items.is_empty() {
        writeln!(
            out,
            "Rien à l'agenda du {} au {}.",
            from.format("%Y-%m-%d"),
            to.format("%Y-%m-%d")
        )?;
    }
    Ok(Outcome::Success)
}
