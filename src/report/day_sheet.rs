//! The day sheet: the appointments of one day (tomorrow's, usually) with the people's phone
//! numbers, to call each person the day before (the laptop is offline: no SMS). One line per
//! appointment, and one per person enrolled in a workshop of that day. Printed for the
//! counsellor, never handed out: it holds names and phone numbers, nothing of the person's
//! situation.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use super::convocation::{letter_date, letter_time};
use super::engine::{Engine, RenderError, Rendered, Template};
use crate::model::preparation::{AgendaKind, AppointmentMode, AppointmentStatus, Workshop, agenda};
use crate::model::record::{Beneficiary, Settings};

/// The template's file name.
pub const DAY_SHEET_TEMPLATE_FILE: &str = "day_sheet.typ";

/// The day sheet template embedded in the binary.
#[must_use]
pub fn day_sheet_template() -> Template {
    Template {
        file: DAY_SHEET_TEMPLATE_FILE,
        source: Cow::Borrowed(include_str!("../../assets/typst/day_sheet.typ")),
    }
}

/// One person to call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DaySheetRow {
    /// "10 h 30".
    pub time: String,
    /// "Prénom Nom".
    pub person: String,
    /// The person's phone (empty: none known).
    pub phone: String,
    /// "Rendez-vous", "Rendez-vous (téléphone)", "Atelier : title".
    pub what: String,
    /// Where.
    pub place: String,
    /// Who they will see.
    pub counsellor: String,
}

/// What the day sheet template prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DaySheet {
    /// The structure's name (may be empty).
    pub structure: String,
    /// "mercredi 25 novembre 2026".
    pub day: String,
    /// Whose day: the counsellor's name, or "toute l'équipe".
    pub whose: String,
    /// The lines, by time.
    pub rows: Vec<DaySheetRow>,
}

impl DaySheet {
    /// The sheet of `day` for `counsellor` (`None`: everybody's): the day's appointments still
    /// planned, and the people enrolled in the day's workshops, by time.
    #[must_use]
    pub fn build(
        records: &[Beneficiary],
        workshops: &[Workshop],
        day: NaiveDate,
        counsellor: Option<&str>,
        settings: &Settings,
    ) -> Self {
        let mut rows = Vec::new();
        for item in agenda(records, workshops, day, day, counsellor) {
            let time = item.start.map(letter_time).unwrap_or_default();
            match item.kind {
                AgendaKind::Appointment => {
                    let Some(record) = records.iter().find(|r| Some(r.id) == item.record) else {
                        continue;
                    };
                    let Some(appointment) = record
                        .preparation
                        .appointments
                        .iter()
                        .find(|a| Some(a.id) == item.appointment)
                    else {
                        continue;
                    };
                    if appointment.status != AppointmentStatus::Planned {
                        continue;
                    }
                    let what = match appointment.mode {
                        AppointmentMode::FaceToFace => "Rendez-vous".to_owned(),
                        mode => format!("Rendez-vous ({})", mode.label().to_lowercase()),
                    };
                    rows.push(DaySheetRow {
                        time,
                        person: record.display_name(),
                        phone: record.contact.phone.trim().to_owned(),
                        what,
                        place: item.place.clone(),
                        counsellor: item.counsellor.clone(),
                    });
                }
                AgendaKind::Workshop => {
                    let Some(workshop) = workshops.iter().find(|w| Some(w.id) == item.workshop)
                    else {
                        continue;
                    };
                    for enrolment in &workshop.enrolments {
                        let Some(record) = records.iter().find(|r| r.id == enrolment.beneficiary)
                        else {
                            continue;
                        };
                        rows.push(DaySheetRow {
                            time: time.clone(),
                            person: record.display_name(),
                            phone: record.contact.phone.trim().to_owned(),
                            what: format!("Atelier : {}", item.title),
                            place: item.place.clone(),
                            counsellor: item.counsellor.clone(),
                        });
                    }
                }
                AgendaKind::Interview | AgendaKind::Immersion => {}
            }
        }
        let whose = counsellor
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map_or_else(|| "toute l'équipe".to_owned(), str::to_owned);
        Self {
            structure: settings.structure_name.trim().to_owned(),
            day: letter_date(day),
            whose,
            rows,
        }
    }
}

/// Renders a day sheet with an engine that holds its template.
pub fn render_day_sheet(engine: &Engine, sheet: &DaySheet) -> Result<Rendered, RenderError> {
    engine.render(DAY_SHEET_TEMPLATE_FILE, sheet)
}

/// The day sheet of `day` for `counsellor` (`None`: everybody's) as PDF bytes.
pub fn day_sheet_pdf(
    records: &[Beneficiary],
    workshops: &[Workshop],
    day: NaiveDate,
    counsellor: Option<&str>,
    settings: &Settings,
) -> Result<Vec<u8>, RenderError> {
    let engine = Engine::new([day_sheet_template()]);
    let sheet = DaySheet::build(records, workshops, day, counsellor, settings);
    Ok(render_day_sheet(&engine, &sheet)?.pdf)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveTime, TimeZone, Utc};

    use super::*;
    use crate::model::preparation::{Appointment, CancelledBy};
    use crate::model::record::dates::test_support::d;

    #[test]
    fn the_sheet_lists_the_days_planned_appointments_and_workshop_people_with_phones() {
        let day = d(2026, 11, 25);
        let mut fatou = Beneficiary::new(Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap());
        fatou.identity.first_name = "Fatou".into();
        fatou.identity.last_name = "Diallo".into();
        fatou.contact.phone = "06 12 34 56 78".into();
        fatou.referent = "Claire Martin".into();
        let mut rdv = Appointment::new(day, NaiveTime::from_hms_opt(14, 0, 0).unwrap());
        rdv.place = "Bureau 2".into();
        let mut cancelled = Appointment::new(day, NaiveTime::from_hms_opt(9, 0, 0).unwrap());
        cancelled.status = AppointmentStatus::Cancelled(CancelledBy::Person);
        fatou.preparation.appointments = vec![rdv, cancelled];
        let mut workshop = Workshop::new(day);
        workshop.title = "Simulation d'entretien".into();
        workshop.facilitator = "Claire Martin".into();
        workshop.enrol(fatou.id).unwrap();
        let sheet = DaySheet::build(
            std::slice::from_ref(&fatou),
            &[workshop],
            day,
            Some("Claire Martin"),
            &Settings::default(),
        );
        let rows: Vec<(&str, &str, &str, &str)> = sheet
            .rows
            .iter()
            .map(|r| {
                (
                    r.time.as_str(),
                    r.person.as_str(),
                    r.phone.as_str(),
                    r.what.as_str(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "9 h 30",
                    "Fatou Diallo",
                    "06 12 34 56 78",
                    "Atelier : Simulation d'entretien"
                ),
                ("14 h 00", "Fatou Diallo", "06 12 34 56 78", "Rendez-vous"),
            ]
        );
        assert_eq!(sheet.day, "mercredi 25 novembre 2026");
        let engine = Engine::new([day_sheet_template()]);
        let rendered = render_day_sheet(&engine, &sheet).unwrap();
        assert!(rendered.missing_chars.is_empty());
    }
}
