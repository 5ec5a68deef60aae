//! "Agenda": the day or the week (Monday to Friday) of appointments, workshops, job interviews
//! and PMSMP days, everybody's or the counsellor's own, by hour from 8 h to 19 h. Overlapping
//! items stand side by side, marked; a click opens the record at the right tab (a workshop, its
//! form in the catalogue), a click on a free hour plans an appointment there once the person
//! is picked.
//!
//! The items come from [`agenda`], computed once for the period shown and kept until a record,
//! the catalogue, the period or the filter changes: a frame only draws them.

use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Timelike, Weekday};
use egui::{RichText, TextEdit, Ui};

use crate::model::Beneficiary;
use crate::model::creche::{format_time, monday_of};
use crate::model::preparation::{AgendaItem, AgendaKind, Appointment, AppointmentStatus, agenda};
use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::tabs::Tab;
use crate::ui::text::agenda as words;
use crate::ui::theme;
use crate::ui::widgets::field_id;

use super::View;

/// The first hour row.
const FIRST_HOUR: u32 = 8;
/// The hour the last row ends.
const LAST_HOUR: u32 = 19;
/// How many people the picker lists at most.
const PICKER_ROWS: usize = 8;

/// Day or week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span {
    Day,
    Week,
}

/// What the items were computed for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    /// The data's revision.
    revision: u64,
    from: NaiveDate,
    to: NaiveDate,
    counsellor: Option<String>,
}

/// The items of the period shown, and what they were computed from.
struct Cache {
    key: Key,
    items: Vec<AgendaItem>,
}

/// A free slot clicked: the person is being picked.
struct Planning {
    date: NaiveDate,
    start: NaiveTime,
    search: String,
}

/// State of the "Agenda" view.
pub struct AgendaView {
    span: Span,
    /// The day shown (or a day of the week shown); `None`: today.
    anchor: Option<NaiveDate>,
    /// Only the counsellor's own items.
    mine: bool,
    cache: Option<Cache>,
    planning: Option<Planning>,
    /// How many times the items were computed (for the tests of the cache).
    computed: u64,
}

impl Default for AgendaView {
    fn default() -> Self {
        Self {
            span: Span::Week,
            anchor: None,
            mine: false,
            cache: None,
            planning: None,
            computed: 0,
        }
    }
}

impl AgendaView {
    /// The days shown: the day, or Monday to Friday of the week (a Saturday or a Sunday shows
    /// the week to come).
    fn days(&self, today: NaiveDate) -> Vec<NaiveDate> {
        let anchor = self.anchor.unwrap_or(today);
        match self.span {
            Span::Day => vec![anchor],
            Span::Week => {
                let ahead = anchor.checked_add_days(Days::new(2)).unwrap_or(anchor);
                let monday = monday_of(ahead);
                (0..5)
                    .filter_map(|i| monday.checked_add_days(Days::new(i)))
                    .collect()
            }
        }
    }

    /// The items of `days`, computed again only when what they depend on changed.
    fn items(&mut self, cx: &ViewContext<'_>, days: &[NaiveDate]) -> &[AgendaItem] {
        let (Some(&from), Some(&to)) = (days.first(), days.last()) else {
            return &[];
        };
        let counsellor = if self.mine {
            cx.counsellor.map(str::to_owned)
        } else {
            None
        };
        let key = Key {
            revision: cx.revision,
            from,
            to,
            counsellor,
        };
        let fresh = self.cache.as_ref().is_some_and(|c| c.key == key);
        if !fresh {
            self.computed += 1;
            let items = agenda(
                cx.records,
                cx.workshops,
                from,
                to,
                key.counsellor.as_deref(),
            );
            self.cache = Some(Cache { key, items });
        }
        self.cache.as_ref().map_or(&[], |c| c.items.as_slice())
    }

    /// How many times the items were computed since the view was made.
    #[cfg(test)]
    pub(crate) fn computations(&self) -> u64 {
        self.computed
    }

    fn toolbar(&mut self, ui: &mut Ui, cx: &ViewContext<'_>, days: &[NaiveDate]) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.span, Span::Day, words::DAY);
            ui.selectable_value(&mut self.span, Span::Week, words::WEEK);
            ui.separator();
            let step = match self.span {
                Span::Day => 1,
                Span::Week => 7,
            };
            let anchor = self.anchor.unwrap_or(cx.today);
            if ui.button(words::PREVIOUS).clicked() {
                self.anchor = anchor.checked_sub_days(Days::new(step)).or(Some(anchor));
            }
            if ui.button(words::TODAY).clicked() {
                self.anchor = None;
            }
            if ui.button(words::NEXT).clicked() {
                self.anchor = anchor.checked_add_days(Days::new(step)).or(Some(anchor));
            }
            ui.separator();
            ui.selectable_value(&mut self.mine, false, words::EVERYONE);
            let me = ui.add_enabled(
                cx.counsellor.is_some(),
                egui::Button::selectable(self.mine, words::ME),
            );
            if me.clicked() {
                self.mine = true;
            }
            me.on_disabled_hover_text(words::ME_UNKNOWN);
        });
        let title = match (self.span, days.first(), days.last()) {
            (Span::Day, Some(&day), _) => words::day(day),
            (Span::Week, Some(&monday), Some(&friday)) => words::week(monday, friday),
            _ => String::new(),
        };
        ui.heading(title);
    }

    /// The person picker of a free slot clicked; the planned appointment, once picked.
    fn picker(&mut self, ui: &mut Ui, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        let Some(planning) = &mut self.planning else {
            return;
        };
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(words::plan_at(planning.date, planning.start)).strong());
            ui.horizontal(|ui| {
                let label = ui.label(words::SEARCH_PERSON);
                let search = ui
                    .add(
                        TextEdit::singleline(&mut planning.search)
                            .id(field_id(words::SEARCH_PERSON))
                            .hint_text(words::SEARCH_HINT)
                            .desired_width(theme::FIELD_WIDTH / 2.0),
                    )
                    .labelled_by(label.id);
                if search.gained_focus() || planning.search.is_empty() {
                    search.request_focus();
                }
                if ui.button(words::CANCEL).clicked() {
                    close = true;
                }
            });
            let matches = matching(cx.records, &planning.search);
            if matches.is_empty() && !planning.search.trim().is_empty() {
                ui.label(RichText::new(words::NO_MATCH).weak());
            }
            ui.horizontal_wrapped(|ui| {
                for record in matches {
                    if ui
                        .add_enabled(cx.writable, egui::Button::new(record.display_name()))
                        .clicked()
                    {
                        let mut appointment = Appointment::new(planning.date, planning.start);
                        appointment.place = cx.settings.default_place.trim().to_owned();
                        appointment.counsellor = cx
                            .counsellor
                            .map_or_else(|| record.referent.trim().to_owned(), str::to_owned);
                        out.push(Command::PlanAppointment(record.id, Box::new(appointment)));
                        close = true;
                    }
                }
            });
        });
        if close {
            self.planning = None;
        }
    }
}

/// The records whose name holds every word of `search`, the first few.
fn matching<'a>(records: &'a [Arc<Beneficiary>], search: &str) -> Vec<&'a Beneficiary> {
    let words: Vec<String> = search.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return Vec::new();
    }
    records
        .iter()
        .map(|r| &**r)
        .filter(|r| {
            let name = r.display_name().to_lowercase();
            words.iter().all(|w| name.contains(w.as_str()))
        })
        .take(PICKER_ROWS)
        .collect()
}

/// The hour row an item is drawn in (`None`: the whole-day row).
fn row_of(item: &AgendaItem) -> Option<u32> {
    item.start
        .map(|t| t.hour().clamp(FIRST_HOUR, LAST_HOUR - 1))
}

/// One item, as a button opening its record at the right tab (a workshop: its form in the
/// catalogue).
fn item_ui(ui: &mut Ui, item: &AgendaItem, width: f32, out: &mut Vec<Command>) {
    let mut text = match (item.start, item.end) {
        (Some(start), Some(end)) => format!("{}–{} ", format_time(start), format_time(end)),
        (Some(start), None) => format!("{} ", format_time(start)),
        _ => String::new(),
    };
    text.push_str(item.kind.label());
    text.push_str(" · ");
    text.push_str(&item.title);
    if let Some(status) = item.status.filter(|s| *s != AppointmentStatus::Planned) {
        text.push_str(" · ");
        text.push_str(status.label());
    }
    let mut rich = RichText::new(text);
    if item.overlaps {
        rich = RichText::new(format!("{} · {}", rich.text(), words::OVERLAP)).color(theme::WARNING);
    }
    let hover = words::item_hover(&item.place, &item.counsellor);
    let (command, open) = match item.kind {
        AgendaKind::Appointment => (
            item.record.map(|r| Command::Open(r, Tab::Preparation)),
            words::OPEN_HOVER,
        ),
        AgendaKind::Interview | AgendaKind::Immersion => (
            item.record.map(|r| Command::Open(r, Tab::Companies)),
            words::OPEN_HOVER,
        ),
        AgendaKind::Workshop => (
            item.workshop.map(Command::OpenWorkshop),
            crate::ui::text::common::OPEN_WORKSHOP_HOVER,
        ),
    };
    let response = ui.add(
        egui::Button::new(rich)
            .wrap()
            .min_size(egui::vec2(width, 0.0)),
    );
    let response = response.on_hover_text(if hover.is_empty() {
        open.to_owned()
    } else {
        format!("{hover}\n{open}")
    });
    if response.clicked() {
        out.extend(command);
    }
}

impl View for AgendaView {
    fn ui(&mut self, ui: &mut Ui, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        let days = self.days(cx.today);
        self.toolbar(ui, cx, &days);
        self.picker(ui, cx, out);
        ui.add_space(theme::SPACE_S);
        let items = self.items(cx, &days).to_vec();
        let hour_column = 48.0;
        let spacing = 6.0;
        #[expect(clippy::cast_precision_loss, reason = "one to five columns")]
        let columns = days.len().max(1) as f32;
        // Room for the hour column, the gaps and the scroll bar: the week fits the width.
        let gaps = spacing * (columns + 1.0) + ui.spacing().scroll.bar_width + theme::SPACE_M;
        let width = ((ui.available_width() - hour_column - gaps) / columns).max(80.0);
        let mut chosen = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("agenda-grid")
                    .num_columns(days.len() + 1)
                    .spacing([spacing, spacing])
                    .striped(true)
                    .min_col_width(hour_column)
                    .show(ui, |ui| {
                        ui.label("");
                        for &day in &days {
                            let label = RichText::new(words::day(day)).strong();
                            let label = if day == cx.today {
                                label.color(theme::OK)
                            } else {
                                label
                            };
                            ui.vertical(|ui| {
                                ui.set_width(width);
                                ui.label(label);
                            });
                        }
                        ui.end_row();
                        let rows = std::iter::once(None).chain((FIRST_HOUR..LAST_HOUR).map(Some));
                        for row in rows {
                            ui.label(
                                RichText::new(
                                    row.map_or_else(|| words::WHOLE_DAY.to_owned(), words::hour),
                                )
                                .weak(),
                            );
                            for &day in &days {
                                ui.vertical(|ui| {
                                    ui.set_width(width);
                                    let mut any = false;
                                    for item in
                                        items.iter().filter(|i| i.date == day && row_of(i) == row)
                                    {
                                        any = true;
                                        item_ui(ui, item, width, out);
                                    }
                                    if let Some(hour) = row
                                        && !any
                                        && !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
                                        && let Some(start) = NaiveTime::from_hms_opt(hour, 0, 0)
                                    {
                                        let free = ui
                                            .add_enabled(
                                                cx.writable,
                                                egui::Button::new(RichText::new("+").weak())
                                                    .frame_when_inactive(false)
                                                    .min_size(egui::vec2(width, 0.0)),
                                            )
                                            .on_hover_text(words::FREE_SLOT_HOVER)
                                            .accessible_name(words::free_slot(day, start));
                                        if free.clicked() {
                                            chosen = Some((day, start));
                                        }
                                    }
                                });
                            }
                            ui.end_row();
                        }
                    });
                if items.is_empty() {
                    ui.add_space(theme::SPACE_S);
                    ui.label(RichText::new(words::NOTHING).weak());
                }
            });
        if let Some((date, start)) = chosen {
            self.planning = Some(Planning {
                date,
                start,
                search: String::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use chrono::{NaiveTime, Utc};
    use egui_kittest::Harness;

    use super::*;
    use crate::model::Settings;
    use crate::model::creche::CrecheSettings;
    use crate::model::record::dates::test_support::d;
    use crate::ui::context::Records;

    fn person(name: &str) -> Beneficiary {
        let mut b = Beneficiary::new(Utc::now());
        b.identity.last_name = name.into();
        b.preparation.appointments = vec![Appointment::new(
            d(2026, 11, 24),
            NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        )];
        b
    }

    #[test]
    fn the_week_is_computed_once_then_again_only_when_a_record_is_saved() {
        let settings = Settings::default();
        let creche = CrecheSettings::default();
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1200.0, 800.0))
            .build_ui_state(
                move |ui, (view, records, revision): &mut (AgendaView, Records, u64)| {
                    let cx = ViewContext {
                        records,
                        revision: *revision,
                        companies: &[],
                        workshops: &[],
                        partners: &[],
                        settings: &settings,
                        creche: &creche,
                        conflicts: &[],
                        today: d(2026, 11, 23),
                        writable: true,
                        shown: None,
                        counsellor: None,
                    };
                    view.ui(ui, &cx, &mut Vec::new());
                },
                (
                    AgendaView::default(),
                    Arc::new(vec![Arc::new(person("Diallo")), Arc::new(person("Haddad"))]),
                    0,
                ),
            );
        harness.run_steps(5);
        assert_eq!(harness.state().0.computations(), 1);
        // A save changes the data's revision (and what the agenda shows).
        let state = harness.state_mut();
        state.2 += 1;
        Arc::make_mut(&mut Arc::make_mut(&mut state.1)[1])
            .preparation
            .appointments
            .clear();
        harness.run_steps(5);
        assert_eq!(harness.state().0.computations(), 2);
        assert_eq!(
            harness.state().0.cache.as_ref().map(|c| c.items.len()),
            Some(1)
        );
    }
}
