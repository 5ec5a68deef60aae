//! "Accueil", the view at start: today's appointments and workshops, then what needs doing —
//! past appointments still to settle (Honoré / Absent in one click), overdue actions, permits
//! in their renewal window, waiting crèche requests that a place now fits. Each line opens the
//! record where to act.
//!
//! The lines are computed once, and again only when a record, the catalogue, the crèche's
//! settings or the day changes: a frame only draws them.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime};
use egui::{RichText, Ui};

use crate::model::creche::{CrecheSettings, booking_fits, format_time, waiting_list};
use crate::model::preparation::{
    AgendaItem, AgendaKind, AppointmentStatus, PermitAlert, Workshop, agenda, to_settle,
};
use crate::model::record::ids::AppointmentId;
use crate::model::record::is_anonymised;
use crate::model::{Beneficiary, BeneficiaryId, format_date};
use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::tabs::Tab;
use crate::ui::text::{home as words, overdue as late_words, preparation as prep};
use crate::ui::theme;

use super::long_lines::LongLines;
use super::{View, records_fingerprint};

/// An appointment past and still planned.
struct SettleLine {
    person: BeneficiaryId,
    name: String,
    appointment: AppointmentId,
    date: NaiveDate,
    start: NaiveTime,
    purpose: &'static str,
}

/// An action past its due date.
struct OverdueLine {
    person: BeneficiaryId,
    name: String,
    theme: &'static str,
    action: String,
    due_on: Option<NaiveDate>,
    days_late: i64,
}

/// A person and one sentence about them (a permit, a crèche request).
struct PersonLine {
    person: BeneficiaryId,
    name: String,
    text: String,
}

/// Everything the view shows, and what it was computed from.
struct Lines {
    key: (u64, NaiveDate),
    workshops: Vec<Workshop>,
    creche: CrecheSettings,
    today: Vec<AgendaItem>,
    names: Vec<(BeneficiaryId, String)>,
    to_settle: Vec<SettleLine>,
    overdue: Vec<OverdueLine>,
    permits: Vec<PersonLine>,
    creche_requests: Vec<PersonLine>,
}

/// Whether the record is followed now: not anonymised, its pathway not closed.
fn followed(record: &Beneficiary) -> bool {
    record.pathway.outcome.is_none() && !is_anonymised(record)
}

/// Every overdue action of `records` on `today`, most late first. A closed pathway (with an
/// outcome) has nothing left to chase.
fn overdue_lines(records: &[Beneficiary], today: NaiveDate) -> Vec<OverdueLine> {
    let mut lines: Vec<OverdueLine> = records
        .iter()
        .filter(|record| followed(record))
        .flat_map(|record| {
            record
                .preparation
                .overdue(today)
                .into_iter()
                .map(move |o| OverdueLine {
                    person: record.id,
                    name: record.display_name(),
                    theme: o.objective.theme.label(),
                    action: o.action.label.clone(),
                    due_on: o.action.due_on,
                    days_late: o.days_late,
                })
        })
        .collect();
    lines.sort_by(|a, b| {
        b.days_late
            .cmp(&a.days_late)
            .then_with(|| a.name.cmp(&b.name))
    });
    lines
}

/// How many actions are overdue across `records` (the status bar's count).
#[must_use]
pub fn overdue_count(records: &[Beneficiary], today: NaiveDate) -> usize {
    records
        .iter()
        .filter(|r| followed(r))
        .map(|r| r.preparation.overdue(today).len())
        .sum()
}

impl Lines {
    fn compute(cx: &ViewContext<'_>, key: (u64, NaiveDate)) -> Self {
        let today = cx.today;
        let records = cx.records;
        // Looked up by id: thousands of lines at 10,000 records.
        let by_id: HashMap<BeneficiaryId, &Beneficiary> =
            records.iter().map(|r| (r.id, r)).collect();
        let name_of =
            |id: BeneficiaryId| by_id.get(&id).map(|r| r.display_name()).unwrap_or_default();
        let today_items = agenda(records, cx.workshops, today, today, None);
        let names = today_items
            .iter()
            .filter_map(|i| i.record)
            .map(|id| (id, name_of(id)))
            .collect();
        let to_settle = to_settle(records, today, None)
            .into_iter()
            .map(|(person, a)| SettleLine {
                person,
                name: name_of(person),
                appointment: a.id,
                date: a.date,
                start: a.start,
                purpose: a.purpose.label(),
            })
            .collect();
        let permits = records
            .iter()
            .filter(|r| followed(r))
            .filter_map(|r| {
                PermitAlert::of(&r.administrative, today).map(|alert| PersonLine {
                    person: r.id,
                    name: r.display_name(),
                    text: prep::permit_alert(alert),
                })
            })
            .collect();
        let refs: Vec<&Beneficiary> = records.iter().collect();
        // The places taken are the bookings': a request is planned against the families that
        // have some (a few dozen), not against every record (the occupancy is built for each
        // request); whether it fits is all the line needs, no alternative is looked for.
        let booked: Vec<&Beneficiary> = records
            .iter()
            .filter(|r| !r.creche.bookings.is_empty())
            .collect();
        let creche_requests = waiting_list(&refs, today)
            .into_iter()
            .filter_map(|queued| {
                let parent = *by_id.get(&queued.parent)?;
                let request = parent.creche.waiting.get(queued.index)?;
                booking_fits(&booked, parent, request.booking.clone(), cx.creche).then(|| {
                    PersonLine {
                        person: parent.id,
                        name: parent.display_name(),
                        text: words::creche_request(queued.requested_on),
                    }
                })
            })
            .collect();
        Self {
            key,
            workshops: cx.workshops.to_vec(),
            creche: cx.creche.clone(),
            today: today_items,
            names,
            to_settle,
            overdue: overdue_lines(records, today),
            permits,
            creche_requests,
        }
    }
}

/// State of the "Accueil" view: its lines, kept between frames.
#[derive(Default)]
pub struct HomeView {
    lines: Option<Lines>,
    /// The long lists' lines, drawn by those in sight (thousands at 10,000 records).
    long: LongLines,
    /// How many times the lines were computed (for the tests of the cache).
    computed: u64,
}

impl HomeView {
    /// Computes the lines again when what they are computed from changed.
    fn refresh(&mut self, cx: &ViewContext<'_>) {
        let key = (records_fingerprint(cx.records), cx.today);
        let fresh = self
            .lines
            .as_ref()
            .is_some_and(|l| l.key == key && l.workshops == cx.workshops && l.creche == *cx.creche);
        if !fresh {
            self.computed += 1;
            self.lines = Some(Lines::compute(cx, key));
            self.long.clear();
        }
    }

    /// How many times the lines were computed since the view was made.
    #[cfg(test)]
    pub(crate) fn computations(&self) -> u64 {
        self.computed
    }
}

/// The width of a person's name in the lists: a longer one is cut, whole on hover.
const NAME_WIDTH: f32 = 160.0;
/// The width of a time ("14 h 30") among today's items.
const TIME_WIDTH: f32 = 48.0;
/// The width of an item's kind ("Entretien d'embauche") among today's items.
const KIND_WIDTH: f32 = 150.0;

/// A person's name as a link opening their record at `tab`, named `accessible` for the
/// screen readers (the same name is in several lists); cut to [`NAME_WIDTH`], whole in its
/// hover text.
fn person_link(
    ui: &mut Ui,
    name: &str,
    accessible: String,
    (person, tab): (BeneficiaryId, Tab),
    out: &mut Vec<Command>,
) {
    let hover = match tab {
        Tab::Creche => words::OPEN_CRECHE_HOVER,
        _ => words::OPEN_PREPARATION_HOVER,
    };
    if cut_link(ui, name, accessible, hover) {
        out.push(Command::Open(person, tab));
    }
}

/// A link in a cell of [`NAME_WIDTH`] (cut to it, whole in its hover text, before `action`);
/// whether clicked.
fn cut_link(ui: &mut Ui, text: &str, accessible: String, action: &str) -> bool {
    cell(ui, NAME_WIDTH, |ui| {
        ui.link(text)
            .on_hover_text(words::link_hover(text, action))
            .accessible_name(accessible)
            .clicked()
    })
}

/// A cell of a line, `width` wide whatever it holds (a longer text is cut): the lines' cells
/// stand one under the other without a grid, whose sizes would settle over several frames.
fn cell<R>(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui) -> R) -> R {
    ui.scope(|ui| {
        ui.set_min_width(width);
        ui.set_max_width(width);
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        add(ui)
    })
    .inner
}

/// A free text in a list's last column, wrapped to the view's width.
fn wrapped(ui: &mut Ui, text: impl Into<egui::WidgetText>) {
    ui.add(egui::Label::new(text).wrap());
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(theme::SPACE_M);
    ui.label(RichText::new(title).strong());
}

fn today_ui(ui: &mut Ui, lines: &Lines, out: &mut Vec<Command>) {
    if lines.today.is_empty() {
        ui.label(RichText::new(words::TODAY_NOTHING).weak());
        return;
    }
    for item in &lines.today {
        ui.horizontal_top(|ui| {
            let time = item.start.map(format_time).unwrap_or_default();
            cell(ui, TIME_WIDTH, |ui| ui.label(&time));
            cell(ui, KIND_WIDTH, |ui| ui.label(item.kind.label()));
            let name = item
                .record
                .and_then(|id| lines.names.iter().find(|(r, _)| *r == id))
                .map(|(_, name)| name.as_str());
            match (item.record, name, item.workshop) {
                (Some(person), Some(name), _) => {
                    let tab = if item.kind == AgendaKind::Appointment {
                        Tab::Preparation
                    } else {
                        Tab::Companies
                    };
                    person_link(ui, name, words::today_link(name, &time), (person, tab), out);
                }
                // A workshop opens its form in the catalogue.
                (_, _, Some(workshop)) => {
                    if cut_link(
                        ui,
                        &item.title,
                        item.title.clone(),
                        crate::ui::text::common::OPEN_WORKSHOP_HOVER,
                    ) {
                        out.push(Command::OpenWorkshop(workshop));
                    }
                }
                _ => {
                    cell(ui, NAME_WIDTH, |ui| ui.label(&item.title));
                }
            }
            let status = item
                .status
                .filter(|s| *s != AppointmentStatus::Planned)
                .map(AppointmentStatus::label)
                .unwrap_or_default();
            wrapped(ui, format!("{} {status}", item.place));
        });
    }
}

fn to_settle_ui(
    ui: &mut Ui,
    lines: &Lines,
    long: &mut LongLines,
    writable: bool,
    out: &mut Vec<Command>,
) {
    section(ui, words::TO_SETTLE);
    if lines.to_settle.is_empty() {
        ui.label(RichText::new(words::TO_SETTLE_NONE).weak());
        return;
    }
    // One line an appointment, flowing: at the window's smallest, the buttons go under.
    long.show(ui, "to-settle", lines.to_settle.len(), |ui, index| {
        let Some(line) = lines.to_settle.get(index) else {
            return;
        };
        let when = prep::appointment_when(line.date, line.start);
        ui.horizontal_wrapped(|ui| {
            person_link(
                ui,
                &line.name,
                words::settle_link(&line.name, &when),
                (line.person, Tab::Preparation),
                out,
            );
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    format_date(line.date),
                    format_time(line.start)
                ))
                .color(theme::WARNING),
            );
            ui.label(line.purpose);
            for status in [AppointmentStatus::Honoured, AppointmentStatus::Absent] {
                if ui
                    .add_enabled(writable, egui::Button::new(status.label()).small())
                    .accessible_name(words::settle_button(status.label(), &line.name, &when))
                    .clicked()
                {
                    out.push(Command::SetAppointmentStatus(
                        line.person,
                        line.appointment,
                        status,
                    ));
                }
            }
        });
    });
}

fn overdue_ui(ui: &mut Ui, lines: &Lines, long: &mut LongLines, out: &mut Vec<Command>) {
    section(ui, words::OVERDUE);
    if lines.overdue.is_empty() {
        ui.label(RichText::new(late_words::OVERDUE_NONE).weak());
        return;
    }
    // One line a late action, flowing: the delay before the free text, so that a long action
    // never pushes it out of sight; the action wraps to the view's width.
    long.show(ui, "overdue", lines.overdue.len(), |ui, index| {
        let Some(line) = lines.overdue.get(index) else {
            return;
        };
        ui.horizontal_wrapped(|ui| {
            person_link(
                ui,
                &line.name,
                line.name.clone(),
                (line.person, Tab::Preparation),
                out,
            );
            ui.label(
                RichText::new(late_words::late(
                    &line.due_on.map(format_date).unwrap_or_default(),
                    line.days_late,
                ))
                .color(theme::ERROR),
            );
            ui.label(RichText::new(line.theme).weak());
            wrapped(
                ui,
                if line.action.is_empty() {
                    late_words::UNTITLED_ACTION
                } else {
                    &line.action
                },
            );
        });
    });
}

fn people_ui(
    ui: &mut Ui,
    (long, id): (&mut LongLines, &'static str),
    lines: &[PersonLine],
    tab: Tab,
    accessible: fn(&str) -> String,
    out: &mut Vec<Command>,
) {
    long.show(ui, id, lines.len(), |ui, index| {
        let Some(line) = lines.get(index) else {
            return;
        };
        ui.horizontal_top(|ui| {
            person_link(
                ui,
                &line.name,
                accessible(&line.name),
                (line.person, tab),
                out,
            );
            wrapped(ui, &line.text);
        });
    });
}

impl View for HomeView {
    fn ui(&mut self, ui: &mut Ui, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        self.refresh(cx);
        let (Some(lines), long) = (self.lines.as_ref(), &mut self.long) else {
            return;
        };
        // Names cut, free texts (a permit's dates, an action, a place) wrapped: at the window's
        // smallest the lines fit its width. Scrolled both ways all the same, so that nothing
        // is ever out of reach.
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading(words::today(cx.today));
                today_ui(ui, lines, out);
                ui.add_space(theme::SECTION_GAP);
                ui.heading(words::TO_DO);
                ui.separator();
                to_settle_ui(ui, lines, long, cx.writable, out);
                overdue_ui(ui, lines, long, out);
                section(ui, words::PERMITS);
                if lines.permits.is_empty() {
                    ui.label(RichText::new(words::PERMITS_NONE).weak());
                } else {
                    people_ui(
                        ui,
                        (long, "permits"),
                        &lines.permits,
                        Tab::Preparation,
                        words::permit_link,
                        out,
                    );
                }
                section(ui, words::CRECHE);
                if lines.creche_requests.is_empty() {
                    ui.label(RichText::new(words::CRECHE_NONE).weak());
                } else {
                    people_ui(
                        ui,
                        (long, "creche"),
                        &lines.creche_requests,
                        Tab::Creche,
                        words::creche_link,
                        out,
                    );
                }
            });
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::model::preparation::{Action, Objective};
    use crate::model::record::dates::test_support::d;
    use crate::model::{Outcome, OutcomeKind, Settings};

    fn with_overdue_action() -> Beneficiary {
        let mut open = Beneficiary::new(chrono::Utc::now());
        open.preparation.objectives = vec![Objective {
            actions: vec![Action {
                label: "Rédiger le CV".into(),
                due_on: Some(d(2026, 11, 10)),
                ..Action::default()
            }],
            ..Objective::default()
        }];
        open
    }

    #[test]
    fn a_closed_pathway_has_no_overdue_action_to_chase() {
        let open = with_overdue_action();
        let mut closed = open.clone();
        closed.pathway.outcome = Some(Outcome {
            kind: OutcomeKind::Training,
            date: d(2026, 11, 12),
            contract_months: None,
        });
        assert_eq!(
            overdue_count(std::slice::from_ref(&open), d(2026, 11, 22)),
            1
        );
        assert_eq!(overdue_count(&[open, closed], d(2026, 11, 22)), 1);
    }

    /// A home view of `records`, 1200×800, as of 22/11/2026.
    fn harness(records: Vec<Beneficiary>) -> Harness<'static, (HomeView, Vec<Beneficiary>)> {
        let settings = Settings::default();
        let creche = CrecheSettings::default();
        Harness::builder()
            .with_size(egui::vec2(1200.0, 800.0))
            .build_ui_state(
                move |ui, (view, records): &mut (HomeView, Vec<Beneficiary>)| {
                    let cx = ViewContext {
                        records,
                        companies: &[],
                        workshops: &[],
                        partners: &[],
                        settings: &settings,
                        creche: &creche,
                        conflicts: &[],
                        today: d(2026, 11, 22),
                        writable: true,
                        shown: None,
                        counsellor: None,
                    };
                    view.ui(ui, &cx, &mut Vec::new());
                },
                (HomeView::default(), records),
            )
    }

    #[test]
    fn a_list_longer_than_the_window_scrolls_to_its_last_line() {
        // 400 overdue actions: far more lines than the window holds.
        let records: Vec<Beneficiary> = (0..400)
            .map(|i| {
                let mut record = with_overdue_action();
                record.identity.first_name = "Awa".into();
                record.identity.last_name = format!("Personne {i:03}");
                record
            })
            .collect();
        let first = records[0].display_name();
        let last = records[399].display_name();
        let mut harness = harness(records);
        harness.run_steps(5);
        assert!(harness.query_by_label(&first).is_some());
        // The wheel turned all the way down over the view.
        harness.event(egui::Event::PointerMoved(egui::pos2(600.0, 400.0)));
        for _ in 0..5 {
            harness.event(egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Point,
                delta: egui::vec2(0.0, -100_000.0),
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
                modifiers: egui::Modifiers::NONE,
            });
            harness.run_steps(3);
        }
        let line = harness.get_by_label(&last);
        let bounds = line.rect();
        assert!(
            bounds.max.y <= 800.0 && bounds.min.y >= 0.0,
            "the last line is on screen: {bounds:?}"
        );
        // Below it, the rest of the view (the sections after the list).
        let after = harness.get_by_label(words::PERMITS).rect();
        assert!(after.min.y > bounds.max.y && after.max.y <= 800.0);
    }

    #[test]
    fn the_lines_are_computed_once_then_again_only_when_a_record_or_the_day_changes() {
        let settings = Settings::default();
        let creche = CrecheSettings::default();
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1200.0, 800.0))
            .build_ui_state(
                move |ui, (view, records, today): &mut (HomeView, Vec<Beneficiary>, NaiveDate)| {
                    let cx = ViewContext {
                        records,
                        companies: &[],
                        workshops: &[],
                        partners: &[],
                        settings: &settings,
                        creche: &creche,
                        conflicts: &[],
                        today: *today,
                        writable: true,
                        shown: None,
                        counsellor: None,
                    };
                    view.ui(ui, &cx, &mut Vec::new());
                },
                (
                    HomeView::default(),
                    vec![with_overdue_action(), Beneficiary::new(chrono::Utc::now())],
                    d(2026, 11, 22),
                ),
            );
        harness.run_steps(5);
        assert_eq!(harness.state().0.computations(), 1);
        harness.state_mut().2 = d(2026, 11, 23);
        harness.run_steps(5);
        assert_eq!(harness.state().0.computations(), 2);
        let record = &mut harness.state_mut().1[0];
        record.preparation.objectives.clear();
        record.updated_at += chrono::TimeDelta::seconds(1);
        harness.run_steps(5);
        assert_eq!(harness.state().0.computations(), 3);
        let overdue = harness.state().0.lines.as_ref().map(|l| l.overdue.len());
        assert_eq!(overdue, Some(0));
    }
}
