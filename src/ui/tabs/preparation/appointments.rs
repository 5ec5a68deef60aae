//! The appointments of the "Préparation à l'emploi" tab: the person's attendance (honoured,
//! absent, excused), a new appointment in a few fields, and the list — upcoming first — where
//! each one is settled (Honoré, Absent, Excusé, Annulé par la personne ou par la structure),
//! the crèche booked for it, or removed (undoable as every list of the form). An honoured
//! appointment is a session of the log: the hours above count it.

use chrono::{NaiveDate, NaiveTime};
use egui::{RichText, TextEdit, Ui};

use crate::model::creche::format_time;
use crate::model::preparation::{
    Appointment, AppointmentCounts, AppointmentMode, AppointmentPurpose, AppointmentStatus,
    CancelledBy, format_minutes, parse_duration,
};
use crate::model::record::ids::AppointmentId;
use crate::model::{Beneficiary, CrecheAge};
use crate::model::{BeneficiaryDraft, format_date, parse_date};
use crate::report::{appointment_event, calendar_ics, convocation_file_name, convocation_pdf};
use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::text::preparation as words;
use crate::ui::widgets::{Form, choice_box, field_id, list_editor};
use crate::ui::{text, theme};

/// The usual length of an appointment, as the form first shows it.
const USUAL_DURATION: &str = "45 min";

/// The appointment being planned, as typed.
struct NewAppointment {
    date: String,
    start: String,
    duration: String,
    mode: AppointmentMode,
    place: String,
    counsellor: String,
    purpose: AppointmentPurpose,
    note: String,
    errors: Vec<String>,
    /// The date typed is past: it waits for "Le noter comme honoré" or a corrected date.
    past: bool,
}

impl NewAppointment {
    fn new(today: NaiveDate, place: &str, counsellor: &str) -> Self {
        Self {
            date: format_date(today),
            start: String::new(),
            duration: USUAL_DURATION.to_owned(),
            mode: AppointmentMode::default(),
            place: place.to_owned(),
            counsellor: counsellor.to_owned(),
            purpose: AppointmentPurpose::default(),
            note: String::new(),
            errors: Vec::new(),
            past: false,
        }
    }

    /// The appointment the form amounts to, or the messages of what is wrong.
    fn parse(&self) -> Result<Appointment, Vec<String>> {
        let mut errors = Vec::new();
        let date = match parse_date(&self.date) {
            Ok(Some(date)) => Some(date),
            Ok(None) => {
                errors.push(words::APPOINTMENT_DATE_REQUIRED.to_owned());
                None
            }
            Err(message) => {
                errors.push(message);
                None
            }
        };
        let start = parse_start(&self.start);
        if start.is_none() {
            errors.push(words::APPOINTMENT_START_INVALID.to_owned());
        }
        let duration = parse_duration(&self.duration)
            .map_err(|m| errors.push(m))
            .ok();
        match (date, start, duration) {
            (Some(date), Some(start), Some(minutes)) if errors.is_empty() => {
                let mut appointment = Appointment::new(date, start);
                appointment.duration_minutes = minutes;
                appointment.mode = self.mode;
                appointment.place = self.place.trim().to_owned();
                appointment.counsellor = self.counsellor.trim().to_owned();
                appointment.purpose = self.purpose;
                appointment.note = self.note.trim().to_owned();
                Ok(appointment)
            }
            _ => Err(errors),
        }
    }
}

/// The file an appointment is saved in: the letter's name, or the same with `.ics`.
pub(super) fn file_name(record: &Beneficiary, appointment: &Appointment, export: Export) -> String {
    let letter = convocation_file_name(record, appointment.date);
    match export {
        Export::Letter => letter,
        Export::Calendar => letter
            .strip_suffix(".pdf")
            .map_or_else(|| format!("{letter}.ics"), |stem| format!("{stem}.ics")),
    }
}

/// A start time as typed: "9h30", "9 h 30", "09:30", "9h", "14". `None` when it is not one.
#[must_use]
pub(crate) fn parse_start(text: &str) -> Option<NaiveTime> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let (hours, minutes) = compact
        .split_once(['h', ':'])
        .unwrap_or((compact.as_str(), ""));
    let hours: u32 = hours.parse().ok()?;
    let minutes: u32 = if minutes.is_empty() {
        0
    } else {
        minutes.parse().ok()?
    };
    NaiveTime::from_hms_opt(hours, minutes, 0)
}

/// What a click on an appointment's line asks.
enum LineAction {
    Settle(AppointmentId, AppointmentStatus),
    BookCreche(AppointmentId),
    Save(AppointmentId, Export),
}

/// What an appointment is saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Export {
    /// The convocation letter, PDF.
    Letter,
    /// The calendar file, `.ics`.
    Calendar,
}

/// State of the appointments section: the appointment being planned, and how the last
/// convocation letter's save went.
#[derive(Default)]
pub(super) struct AppointmentsSection {
    new: Option<NewAppointment>,
    /// What the last save of a letter said.
    status: Option<(String, egui::Color32)>,
    /// The letter no dialog gave a file for, and where it can go instead.
    fallback: Option<(AppointmentId, Export, std::path::PathBuf)>,
}

impl AppointmentsSection {
    /// Draws the attendance, the new appointment's form and the list of `record`'s
    /// appointments (as typed in `draft`).
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
        record: &Beneficiary,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    ) {
        let today = cx.today;
        let creche = cx.creche;
        let children = &record.family.children;
        // Whom the person will see: the counsellor using Parcours, else the referent.
        let counsellor = cx.counsellor.unwrap_or_default();
        let place = cx.settings.default_place.trim();
        ui.add_space(theme::SECTION_GAP);
        ui.heading(words::APPOINTMENTS);
        ui.separator();
        let counts = AppointmentCounts::of(&draft.preparation.appointments);
        ui.label(words::attendance(
            counts.honoured,
            counts.absent,
            counts.excused,
        ));
        ui.add_space(theme::SPACE_S);
        self.new_ui(ui, form, draft, (counsellor, place), today);
        ui.add_space(theme::SPACE_S);
        if draft.preparation.appointments.is_empty() {
            ui.label(RichText::new(words::NO_APPOINTMENT).weak());
            return;
        }
        let enabled = form.enabled();
        // Upcoming first, soonest first; then the past ones, latest first.
        let appointments = &draft.preparation.appointments;
        let mut order: Vec<usize> = (0..appointments.len()).collect();
        order.sort_by_key(|&i| {
            let a = &appointments[i];
            let upcoming = a.date >= today;
            let key = a.starts_at().and_utc().timestamp();
            (!upcoming, if upcoming { key } else { -key })
        });
        let mut action = None;
        let children_of_age = |date: NaiveDate| {
            children.iter().any(|c| {
                matches!(
                    creche.age_on(c.birth_date, date),
                    CrecheAge::Eligible { .. } | CrecheAge::Unknown
                )
            })
        };
        let removed = egui::Grid::new("appointments")
            .num_columns(words::APPOINTMENT_HEADERS.len())
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for header in words::APPOINTMENT_HEADERS {
                    ui.label(RichText::new(header).weak());
                }
                ui.end_row();
                let mut past_shown = false;
                list_editor::rows(&mut order, |_, &mut index| {
                    let Some(a) = appointments.get(index) else {
                        return false;
                    };
                    if a.date < today && !past_shown {
                        past_shown = true;
                        ui.label(RichText::new(words::APPOINTMENTS_PAST).strong());
                        ui.end_row();
                    }
                    let when = words::appointment_when(a.date, a.start);
                    ui.label(format_date(a.date));
                    let overlapping = appointments.iter().any(|b| {
                        b.id != a.id
                            && !matches!(b.status, AppointmentStatus::Cancelled(_))
                            && !matches!(a.status, AppointmentStatus::Cancelled(_))
                            && a.overlaps(b)
                    });
                    ui.horizontal(|ui| {
                        ui.label(format_time(a.start));
                        if overlapping {
                            ui.label(
                                RichText::new(words::APPOINTMENT_OVERLAP).color(theme::WARNING),
                            );
                        }
                    });
                    ui.label(format_minutes(a.duration_minutes));
                    ui.label(a.mode.label());
                    ui.label(a.purpose.label());
                    ui.label(&a.counsellor);
                    let color = match a.status {
                        AppointmentStatus::Honoured => theme::OK,
                        AppointmentStatus::Absent => theme::ERROR,
                        _ if a.to_settle(today) => theme::WARNING,
                        _ => ui.visuals().text_color(),
                    };
                    ui.label(RichText::new(a.status.label()).color(color));
                    let remove = ui
                        .horizontal(|ui| {
                            if let Some(status) = settle_buttons(ui, enabled, a, &when) {
                                action = Some(LineAction::Settle(a.id, status));
                            }
                            if a.status == AppointmentStatus::Planned
                                && a.date >= today
                                && children_of_age(a.date)
                                && ui
                                    .add_enabled(
                                        enabled,
                                        egui::Button::new(words::APPOINTMENT_BOOK_CRECHE).small(),
                                    )
                                    .on_hover_text(words::APPOINTMENT_BOOK_CRECHE_HOVER)
                                    .accessible_name(words::book_creche_for_appointment(&when))
                                    .clicked()
                            {
                                action = Some(LineAction::BookCreche(a.id));
                            }
                            if a.status == AppointmentStatus::Planned
                                && a.date >= today
                                && ui
                                    .add(egui::Button::new(words::APPOINTMENT_CONVOCATION).small())
                                    .on_hover_text(words::APPOINTMENT_CONVOCATION_HOVER)
                                    .accessible_name(words::convocation_for(&when))
                                    .clicked()
                            {
                                action = Some(LineAction::Save(a.id, Export::Letter));
                            }
                            if a.status == AppointmentStatus::Planned
                                && a.date >= today
                                && ui
                                    .add(egui::Button::new(words::APPOINTMENT_ICS).small())
                                    .on_hover_text(words::APPOINTMENT_ICS_HOVER)
                                    .accessible_name(words::ics_for(&when))
                                    .clicked()
                            {
                                action = Some(LineAction::Save(a.id, Export::Calendar));
                            }
                            ui.add_enabled(enabled, egui::Button::new(text::common::REMOVE).small())
                                .accessible_name(words::remove_appointment(&when))
                                .clicked()
                        })
                        .inner;
                    ui.end_row();
                    remove
                })
            })
            .inner;
        let appointments = &mut draft.preparation.appointments;
        if let Some((_, index)) = removed
            && index < appointments.len()
        {
            appointments.remove(index);
            form.changed = true;
        }
        match action {
            Some(LineAction::Settle(id, status)) => {
                if let Some(a) = appointments.iter_mut().find(|a| a.id == id) {
                    a.status = status;
                    form.changed = true;
                }
            }
            Some(LineAction::BookCreche(id)) => {
                if let Some(a) = appointments.iter().find(|a| a.id == id) {
                    out.push(Command::BookCrecheForAppointment(Box::new(a.clone())));
                }
            }
            Some(LineAction::Save(id, export)) => {
                if let Some(a) = appointments.iter().find(|a| a.id == id).cloned() {
                    self.save(record, &a, export, cx);
                }
            }
            None => {}
        }
        self.letter_status_ui(ui, draft, record, cx);
    }

    /// Asks where to save `appointment` as `export`, then writes it; with no file given,
    /// offers the Documents folder.
    fn save(
        &mut self,
        record: &Beneficiary,
        appointment: &Appointment,
        export: Export,
        cx: &ViewContext<'_>,
    ) {
        let name = file_name(record, appointment, export);
        let dialog = rfd::FileDialog::new().set_file_name(&name);
        let dialog = match export {
            Export::Letter => dialog
                .set_title(words::CONVOCATION_SAVE_TITLE)
                .add_filter(text::common::PDF_FILTER, &["pdf"]),
            Export::Calendar => dialog
                .set_title(words::ICS_SAVE_TITLE)
                .add_filter(words::ICS_FILTER, &["ics"]),
        };
        match dialog.save_file() {
            Some(path) => self.write(record, appointment, export, cx, &path),
            None => self.dialog_gave_nothing(
                crate::report::fallback_folder().as_deref(),
                (appointment.id, export),
                &name,
            ),
        }
    }

    /// No file was given for `appointment`'s `export` (cancelled, or no dialog could be
    /// shown): nothing saved, and `folder` offered.
    pub(super) fn dialog_gave_nothing(
        &mut self,
        folder: Option<&std::path::Path>,
        (appointment, export): (AppointmentId, Export),
        name: &str,
    ) {
        let what = match export {
            Export::Letter => words::THE_CONVOCATION,
            Export::Calendar => words::THE_ICS,
        };
        self.status = Some((text::common::no_file_chosen(what, folder), theme::WARNING));
        self.fallback =
            folder.map(|folder| (appointment, export, crate::report::free_path(folder, name)));
    }

    /// Makes the letter or the calendar file and writes it at `path`, saying how it went.
    fn write(
        &mut self,
        record: &Beneficiary,
        appointment: &Appointment,
        export: Export,
        cx: &ViewContext<'_>,
        path: &std::path::Path,
    ) {
        self.fallback = None;
        let bytes = match export {
            Export::Letter => convocation_pdf(record, appointment, cx.settings, cx.today, false)
                .map_err(|error| error.to_string()),
            Export::Calendar => Ok(calendar_ics(
                &[appointment_event(record, appointment)],
                chrono::Utc::now(),
            )
            .into_bytes()),
        };
        let written = bytes.and_then(|bytes| {
            crate::report::save_pdf(path, &bytes).map_err(|error| error.to_string())
        });
        self.status = Some(match (written, export) {
            (Err(error), _) => (error, theme::ERROR),
            (Ok(()), Export::Letter) => (words::convocation_saved(path), theme::OK),
            (Ok(()), Export::Calendar) => (words::ics_saved(path), theme::OK),
        });
    }

    /// The last save's message, and the Documents folder's button when no file was given.
    fn letter_status_ui(
        &mut self,
        ui: &mut Ui,
        draft: &BeneficiaryDraft,
        record: &Beneficiary,
        cx: &ViewContext<'_>,
    ) {
        if let Some((id, export, path)) = &self.fallback
            && ui
                .button(text::common::SAVE_IN_FALLBACK)
                .on_hover_text(path.display().to_string())
                .clicked()
        {
            let (id, export, path) = (*id, *export, path.clone());
            if let Some(a) = draft.preparation.appointments.iter().find(|a| a.id == id) {
                let a = a.clone();
                self.write(record, &a, export, cx, &path);
            }
        }
        if let Some((message, colour)) = &self.status {
            ui.label(RichText::new(message).color(*colour));
        }
    }

    fn new_ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
        (counsellor, place): (&str, &str),
        today: NaiveDate,
    ) {
        let enabled = form.enabled();
        let counsellor = if counsellor.is_empty() {
            draft.referent.trim()
        } else {
            counsellor
        };
        let new = self
            .new
            .get_or_insert_with(|| NewAppointment::new(today, place, counsellor));
        let mut add = false;
        let mut honoured = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(words::NEW_APPOINTMENT).strong());
            ui.horizontal_wrapped(|ui| {
                let before = new.date.clone();
                text_field(
                    ui,
                    enabled,
                    words::APPOINTMENT_DATE,
                    &mut new.date,
                    theme::DATE_FIELD_WIDTH,
                    text::common::DATE_HINT,
                );
                if new.date != before {
                    new.past = false;
                }
                text_field(
                    ui,
                    enabled,
                    words::APPOINTMENT_START,
                    &mut new.start,
                    70.0,
                    words::APPOINTMENT_START_HINT,
                );
                text_field(
                    ui,
                    enabled,
                    words::APPOINTMENT_DURATION,
                    &mut new.duration,
                    90.0,
                    words::SESSION_DURATION_HINT,
                );
            });
            ui.horizontal_wrapped(|ui| {
                let label = ui.label(words::APPOINTMENT_MODE);
                choice_box(
                    ui,
                    words::APPOINTMENT_MODE,
                    label.id,
                    enabled,
                    &mut new.mode,
                    &AppointmentMode::ALL,
                    &|m: AppointmentMode| m.label().to_owned(),
                );
                let label = ui.label(words::APPOINTMENT_PURPOSE);
                choice_box(
                    ui,
                    words::APPOINTMENT_PURPOSE,
                    label.id,
                    enabled,
                    &mut new.purpose,
                    &AppointmentPurpose::ALL,
                    &|p: AppointmentPurpose| p.label().to_owned(),
                );
            });
            ui.horizontal_wrapped(|ui| {
                text_field(
                    ui,
                    enabled,
                    words::APPOINTMENT_PLACE,
                    &mut new.place,
                    theme::FIELD_WIDTH / 2.0,
                    "",
                );
                text_field(
                    ui,
                    enabled,
                    words::APPOINTMENT_COUNSELLOR,
                    &mut new.counsellor,
                    theme::FIELD_WIDTH / 2.0,
                    "",
                );
            });
            ui.horizontal_wrapped(|ui| {
                text_field(
                    ui,
                    enabled,
                    words::APPOINTMENT_NOTE,
                    &mut new.note,
                    theme::FIELD_WIDTH,
                    "",
                );
                add = ui
                    .add_enabled(enabled, egui::Button::new(words::APPOINTMENT_ADD))
                    .clicked();
            });
            if new.past {
                ui.label(RichText::new(words::APPOINTMENT_IN_PAST).color(theme::WARNING));
                if ui
                    .add_enabled(enabled, egui::Button::new(words::APPOINTMENT_ADD_HONOURED))
                    .clicked()
                {
                    add = true;
                    honoured = true;
                }
            }
        });
        for message in &new.errors {
            ui.label(RichText::new(message).color(theme::ERROR));
        }
        if !add {
            return;
        }
        match new.parse() {
            Ok(mut appointment) => {
                new.errors.clear();
                // A planned appointment in the past would only wait to be settled: entered
                // as honoured, on a confirmation, it is the session it was.
                if appointment.date < today {
                    if !honoured {
                        new.past = true;
                        return;
                    }
                    appointment.status = AppointmentStatus::Honoured;
                }
                new.past = false;
                draft.preparation.appointments.push(appointment);
                form.changed = true;
                // Ready for the next one: same day and place, another time.
                new.start.clear();
                new.note.clear();
            }
            Err(errors) => new.errors = errors,
        }
    }
}

/// One labelled text field of the form.
fn text_field(ui: &mut Ui, enabled: bool, label: &str, value: &mut String, width: f32, hint: &str) {
    let caption = ui.label(label);
    ui.add_enabled(
        enabled,
        TextEdit::singleline(value)
            .id(field_id(label))
            .hint_text(hint)
            .desired_width(width),
    )
    .labelled_by(caption.id);
}

/// The settling buttons of one appointment: Honoré, Absent, Excusé and the cancellation menu
/// while planned; "Remettre à prévu" once settled. The status clicked, if any.
fn settle_buttons(
    ui: &mut Ui,
    enabled: bool,
    appointment: &Appointment,
    when: &str,
) -> Option<AppointmentStatus> {
    let mut chosen = None;
    if appointment.status != AppointmentStatus::Planned {
        if ui
            .add_enabled(
                enabled,
                egui::Button::new(words::APPOINTMENT_REOPEN).small(),
            )
            .accessible_name(words::settle_appointment(words::APPOINTMENT_REOPEN, when))
            .clicked()
        {
            chosen = Some(AppointmentStatus::Planned);
        }
        return chosen;
    }
    for status in [
        AppointmentStatus::Honoured,
        AppointmentStatus::Absent,
        AppointmentStatus::Excused,
    ] {
        if ui
            .add_enabled(enabled, egui::Button::new(status.label()).small())
            .accessible_name(words::settle_appointment(status.label(), when))
            .clicked()
        {
            chosen = Some(status);
        }
    }
    ui.add_enabled_ui(enabled, |ui| {
        ui.menu_button(words::APPOINTMENT_CANCEL, |ui| {
            for by in CancelledBy::ALL {
                let status = AppointmentStatus::Cancelled(by);
                if ui
                    .button(status.label())
                    .on_hover_text(words::settle_appointment(status.label(), when))
                    .clicked()
                {
                    chosen = Some(status);
                    ui.close();
                }
            }
        });
    });
    chosen
}
