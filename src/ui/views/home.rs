//! "Accueil", the view at start: today's appointments and workshops, then what needs doing —
//! past appointments still to settle (Honoré / Absent in one click), overdue actions, permits
//! in their renewal window, waiting crèche requests that a place now fits. Each line opens the
//! record where to act.
//!
//! The lines are computed once, and again only when a record, the catalogue, the crèche's
//! settings or the day changes: a frame only draws them.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use chrono::{NaiveDate, NaiveTime};
use egui::{RichText, Ui};

use crate::model::creche::{CrecheSettings, bookings_fit, format_time, waiting_list};
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

use super::View;
use super::long_lines::LongLines;

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

/// Everything the view shows.
struct Lines {
    today: Vec<AgendaItem>,
    names: Vec<(BeneficiaryId, String)>,
    to_settle: Vec<SettleLine>,
    overdue: Vec<OverdueLine>,
    permits: Vec<PersonLine>,
    creche_requests: Vec<PersonLine>,
}

/// What the lines were computed from: the data's revision and the day.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    revision: u64,
    today: NaiveDate,
}

impl Key {
    fn of(cx: &ViewContext<'_>) -> Self {
        Self {
            revision: cx.revision,
            today: cx.today,
        }
    }
}

/// Whether the record is followed now: not anonymised, its pathway not closed.
fn followed(record: &Beneficiary) -> bool {
    record.pathway.outcome.is_none() && !is_anonymised(record)
}

/// Every overdue action of `records` on `today`, most late first. A closed pathway (with an
/// outcome) has nothing left to chase.
fn overdue_lines(records: &[Arc<Beneficiary>], today: NaiveDate) -> Vec<OverdueLine> {
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

/// How many actions of `record` are overdue (the status bar counts them across records).
#[must_use]
pub fn overdue_of(record: &Beneficiary, today: NaiveDate) -> usize {
    if followed(record) {
        record.preparation.overdue(today).len()
    } else {
        0
    }
}

impl Lines {
    /// The lines of `records` on `today` (on the worker thread).
    fn compute(
        records: &[Arc<Beneficiary>],
        workshops: &[Workshop],
        creche: &CrecheSettings,
        today: NaiveDate,
    ) -> Self {
        // Looked up by id: thousands of lines at 10,000 records.
        let by_id: HashMap<BeneficiaryId, &Beneficiary> =
            records.iter().map(|r| (r.id, &**r)).collect();
        let name_of =
            |id: BeneficiaryId| by_id.get(&id).map(|r| r.display_name()).unwrap_or_default();
        let today_items = agenda(records, workshops, today, today, None);
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
        let refs: Vec<&Beneficiary> = records.iter().map(|r| &**r).collect();
        // The places taken are the bookings': the requests are planned against the families
        // that have some (a few dozen), all against one occupancy of their bookings; whether
        // a request fits is all the line needs, no alternative is looked for.
        let booked: Vec<&Beneficiary> = records
            .iter()
            .map(|r| &**r)
            .filter(|r| !r.creche.bookings.is_empty())
            .collect();
        let queued: Vec<_> = waiting_list(&refs, today)
            .into_iter()
            .filter_map(|queued| {
                let parent = *by_id.get(&queued.parent)?;
                let request = parent.creche.waiting.get(queued.index)?;
                Some((parent, &request.booking, queued.requested_on))
            })
            .collect();
        let requests: Vec<_> = queued.iter().map(|&(p, b, _)| (p, b)).collect();
        let creche_requests = bookings_fit(&booked, &requests, creche)
            .into_iter()
            .zip(&queued)
            .filter(|(fits, _)| *fits)
            .map(|(_, &(parent, _, requested_on))| PersonLine {
                person: parent.id,
                name: parent.display_name(),
                text: words::creche_request(requested_on),
            })
            .collect();
        Self {
            today: today_items,
            names,
            to_settle,
            overdue: overdue_lines(records, today),
            permits,
            creche_requests,
        }
    }
}

/// State of the "Accueil" view: its lines, kept between frames, and their computation.
#[derive(Default)]
pub struct HomeView {
    /// The lines shown, and what they were computed from.
    lines: Option<(Key, Lines)>,
    /// The computation under way: what for, and where its lines arrive.
    pending: Option<(Key, Receiver<Lines>)>,
    /// The computation for this key ended without lines (the worker failed): not tried
    /// again until the data change.
    failed: Option<Key>,
    /// The long lists' lines, drawn by those in sight (thousands at 10,000 records).
    long: LongLines,
    /// How many times the lines were computed (for the tests of the cache).
    computed: u64,
}

impl HomeView {
    /// Takes the lines of the computation under way when they have arrived; starts another
    /// when what they are computed from changed since. One computation at a time: changes
    /// made meanwhile are taken by the next.
    fn refresh(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>) {
        if let Some((_, receiver)) = &self.pending {
            match receiver.try_recv() {
                Err(TryRecvError::Empty) => return,
                Ok(lines) => {
                    if let Some((key, _)) = self.pending.take() {
                        let previous = self.lines.replace((key, lines));
                        self.long.clear();
                        // Thousands of texts at 10,000 records (2 ms to free): freed on a
                        // thread too; where none can start, here.
                        let _ = std::thread::Builder::new()
                            .name("accueil-free".to_owned())
                            .spawn(move || drop(previous));
                    }
                }
                Err(TryRecvError::Disconnected) => {
                    self.failed = self.pending.take().map(|(key, _)| key);
                }
            }
        }
        let key = Some(Key::of(cx));
        if self.lines.as_ref().map(|(key, _)| *key) == key || self.failed == key {
            return;
        }
        self.start(ctx, cx);
    }

    /// Computes the lines of `cx`'s data on a worker thread: the records are shared with it
    /// (one `Arc::clone`), the catalogue and the crèche's settings copied.
    fn start(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>) {
        self.computed += 1;
        self.failed = None;
        let key = Key::of(cx);
        let records = Arc::clone(cx.records);
        let (workshops, creche, today) = (cx.workshops.to_vec(), cx.creche.clone(), cx.today);
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("accueil".to_owned())
            .spawn(move || {
                let lines = Lines::compute(&records, &workshops, &creche, today);
                // The window may be gone meanwhile: then nobody listens.
                let _ = sender.send(lines);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.pending = Some((key, receiver)),
            Err(_) => self.failed = Some(key),
        }
    }

    /// Whether the lines are being computed.
    fn computing(&self) -> bool {
        self.pending.is_some()
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
        self.refresh(ui.ctx(), cx);
        let computing = self.computing();
        let failed = self.failed.is_some();
        let (lines, long) = (self.lines.as_ref().map(|(_, lines)| lines), &mut self.long);
        // Names cut, free texts (a permit's dates, an action, a place) wrapped: at the window's
        // smallest the lines fit its width. Scrolled both ways all the same, so that nothing
        // is ever out of reach.
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.heading(words::today(cx.today));
                    // The lines shown stay until the new ones are in (a fraction of a second).
                    if computing {
                        ui.label(RichText::new(words::UPDATING).weak());
                    } else if failed {
                        ui.label(RichText::new(words::FAILED).color(theme::ERROR));
                    }
                });
                let Some(lines) = lines else {
                    return;
                };
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
    use crate::ui::context::Records;

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
        assert_eq!(overdue_of(&open, d(2026, 11, 22)), 1);
        assert_eq!(overdue_of(&closed, d(2026, 11, 22)), 0);
    }

    /// What the tests' window holds: the view, and the data as the app would hand them.
    struct Screen {
        view: HomeView,
        records: Records,
        today: NaiveDate,
        /// Bumped by a test that changes the records, as the app does.
        revision: u64,
    }

    impl Screen {
        /// Record `index` without its objectives (their actions done and gone), as a save
        /// would leave it: the revision bumped.
        fn clear_actions(&mut self, index: usize) {
            self.revision += 1;
            Arc::make_mut(&mut Arc::make_mut(&mut self.records)[index])
                .preparation
                .objectives
                .clear();
        }
    }

    /// Runs frames until the view's lines are computed (the worker sent them).
    fn wait_for_lines(harness: &mut Harness<'_, Screen>) {
        for _ in 0..1000 {
            harness.step();
            if !harness.state().view.computing() {
                harness.step();
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        panic!("the lines never came");
    }

    /// A home view of `records`, 1200×800, as of 22/11/2026.
    fn harness(records: Vec<Beneficiary>) -> Harness<'static, Screen> {
        let settings = Settings::default();
        let creche = CrecheSettings::default();
        Harness::builder()
            .with_size(egui::vec2(1200.0, 800.0))
            .build_ui_state(
                move |ui, screen: &mut Screen| {
                    let cx = ViewContext {
                        records: &screen.records,
                        companies: &[],
                        workshops: &[],
                        partners: &[],
                        settings: &settings,
                        creche: &creche,
                        conflicts: &[],
                        revision: screen.revision,
                        today: screen.today,
                        writable: true,
                        shown: None,
                        counsellor: None,
                    };
                    screen.view.ui(ui, &cx, &mut Vec::new());
                },
                Screen {
                    view: HomeView::default(),
                    records: Arc::new(records.into_iter().map(Arc::new).collect()),
                    today: d(2026, 11, 22),
                    revision: 0,
                },
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
        wait_for_lines(&mut harness);
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
        let mut harness = harness(vec![
            with_overdue_action(),
            Beneficiary::new(chrono::Utc::now()),
        ]);
        wait_for_lines(&mut harness);
        harness.run_steps(5);
        assert_eq!(harness.state().view.computations(), 1);
        harness.get_by_label(&late_words::late("10/11/2026", 12));
        harness.state_mut().today = d(2026, 11, 23);
        wait_for_lines(&mut harness);
        harness.run_steps(5);
        assert_eq!(harness.state().view.computations(), 2);
        harness.get_by_label(&late_words::late("10/11/2026", 13));
        harness.state_mut().clear_actions(0);
        wait_for_lines(&mut harness);
        harness.run_steps(5);
        assert_eq!(harness.state().view.computations(), 3);
        harness.get_by_label(late_words::OVERDUE_NONE);
    }

    #[test]
    fn after_a_change_the_frame_draws_the_lines_it_has_while_the_new_ones_are_computed() {
        let mut harness = harness(vec![with_overdue_action()]);
        wait_for_lines(&mut harness);
        let late = late_words::late("10/11/2026", 12);
        harness.get_by_label(&late);
        assert!(harness.query_by_label(words::UPDATING).is_none());
        // The action is done: saved elsewhere, the record changes.
        harness.state_mut().clear_actions(0);
        // The next frame does not compute the lines: it shows those it has, and says they
        // are being brought up to date.
        harness.step();
        harness.get_by_label(&late);
        harness.get_by_label(words::UPDATING);
        // Then the new ones, from the worker.
        wait_for_lines(&mut harness);
        assert!(harness.query_by_label(&late).is_none());
        harness.get_by_label(late_words::OVERDUE_NONE);
        assert!(harness.query_by_label(words::UPDATING).is_none());
    }
}
