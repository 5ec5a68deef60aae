//! The "Bilans" view (issue #18): the funders' indicators over a period and a scope, as tables
//! and charts, and their exports (CSV, Excel, PDF).
//!
//! The indicators are computed off the frame: when the period, the scope or the data change,
//! a worker thread gets what the computation reads (the records shared, not copied) and sends
//! the [`Report`] back; meanwhile the view says "Calcul…" (with the previous figures, if any,
//! still shown). A frame only polls the channel and draws the last report: it never waits.

mod draw;
mod export;

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use chrono::{Datelike, Months, NaiveDate};
use egui::{RichText, Ui};

use super::View;
use crate::model::creche::CrecheSettings;
use crate::model::preparation::Workshop;
use crate::model::record::{Beneficiary, format_date, parse_date};
use crate::model::stats::{Period, Report, Scope};
use crate::ui::command::Command;
use crate::ui::context::{Records, ViewContext};
use crate::ui::{text, theme};

/// What the scope picker offers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
enum ScopeChoice {
    /// Every record.
    #[default]
    All,
    /// The counsellor using this computer.
    Me,
    /// One referent among the records'.
    Counsellor(String),
}

/// What a report was computed for.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    period: Period,
    scope: Scope,
    threshold: u32,
}

/// What the worker reads: the records shared (no copy of them), a copy of the rest.
struct Snapshot {
    records: Records,
    workshops: Vec<Workshop>,
    creche: CrecheSettings,
}

/// The indicators of `snapshot` for `key` (on the worker thread).
fn compute(snapshot: &Snapshot, key: &Key) -> Report {
    let input = crate::model::stats::StatsInput {
        records: &snapshot.records,
        workshops: &snapshot.workshops,
        creche: &snapshot.creche,
    };
    crate::model::stats::report(&input, key.period, &key.scope, key.threshold)
}

/// The "Bilans" view's state.
pub struct StatsView {
    /// "Du", as typed.
    from: String,
    /// "Au", as typed.
    to: String,
    /// Whose people are counted.
    scope: ScopeChoice,
    /// The data the shown (or pending) report was computed from.
    mark: Option<u64>,
    /// The records' referents, for the scope picker (taken with `mark`).
    referents: Vec<String>,
    /// The computation under way: what for, and where its report arrives.
    pending: Option<(Key, Receiver<Report>)>,
    /// The last report received, and what it was computed for.
    shown: Option<(Key, Report)>,
    /// The last computation ended without a report (the worker failed).
    failed: bool,
    /// Each table's height as last drawn: a table scrolled out of sight only takes its room.
    heights: Vec<Option<f32>>,
    /// The exports' state: dialogs, fallback, writing under way, outcome.
    export: export::Exports,
    /// Today, when the presets were last filled (the first frame fills them).
    today: Option<NaiveDate>,
}

impl Default for StatsView {
    fn default() -> Self {
        Self {
            from: String::new(),
            to: String::new(),
            scope: ScopeChoice::All,
            mark: None,
            referents: Vec::new(),
            pending: None,
            shown: None,
            failed: false,
            heights: Vec::new(),
            export: export::Exports::default(),
            today: None,
        }
    }
}

/// The presets of the period picker.
#[derive(Debug, Clone, Copy)]
enum Preset {
    ThisYear,
    LastYear,
    Last12Months,
}

impl Preset {
    const ALL: [Self; 3] = [Self::ThisYear, Self::LastYear, Self::Last12Months];

    const fn label(self) -> &'static str {
        match self {
            Self::ThisYear => text::stats::THIS_YEAR,
            Self::LastYear => text::stats::LAST_YEAR,
            Self::Last12Months => text::stats::LAST_12_MONTHS,
        }
    }

    fn period(self, today: NaiveDate) -> Option<Period> {
        let year = |y: i32| {
            Some(Period {
                from: NaiveDate::from_ymd_opt(y, 1, 1)?,
                to: NaiveDate::from_ymd_opt(y, 12, 31)?,
            })
        };
        match self {
            Self::ThisYear => year(today.year()),
            Self::LastYear => year(today.year() - 1),
            Self::Last12Months => Some(Period {
                from: today.checked_sub_months(Months::new(12))?.succ_opt()?,
                to: today,
            }),
        }
    }
}

/// A typed date of the period: the date, or the French message shown beside the field.
fn typed_date(typed: &str) -> Result<NaiveDate, String> {
    match parse_date(typed) {
        Ok(Some(date)) => Ok(date),
        Ok(None) => Err(text::stats::DATE_NEEDED.to_owned()),
        Err(message) => Err(message),
    }
}

impl StatsView {
    fn set_period(&mut self, period: Period) {
        self.from = format_date(period.from);
        self.to = format_date(period.to);
    }

    /// The period as typed, or what is wrong with it (messages for "Du", "Au", the pair).
    fn period(&self) -> Result<Period, [Option<String>; 3]> {
        match (typed_date(&self.from), typed_date(&self.to)) {
            (Ok(from), Ok(to)) if from <= to => Ok(Period { from, to }),
            (Ok(_), Ok(_)) => Err([None, None, Some(text::stats::PERIOD_REVERSED.to_owned())]),
            (from, to) => Err([from.err(), to.err(), None]),
        }
    }

    fn scope(&self, cx: &ViewContext<'_>) -> Scope {
        match &self.scope {
            ScopeChoice::All => Scope::All,
            ScopeChoice::Me => cx
                .counsellor
                .map_or(Scope::All, |me| Scope::Counsellor(me.trim().to_owned())),
            ScopeChoice::Counsellor(name) => Scope::Counsellor(name.clone()),
        }
    }

    /// Takes the data's mark again when it changed (and then the referents), and says whether
    /// it did.
    fn refresh_data(&mut self, cx: &ViewContext<'_>) -> bool {
        if self.mark == Some(cx.revision) {
            return false;
        }
        self.mark = Some(cx.revision);
        self.referents = referents(cx.records);
        true
    }

    /// Starts a computation for `key` on a snapshot of the data.
    fn start(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, key: Key) {
        let snapshot = Snapshot {
            records: Arc::clone(cx.records),
            workshops: cx.workshops.to_vec(),
            creche: cx.creche.clone(),
        };
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let for_worker = key.clone();
        let spawned = std::thread::Builder::new()
            .name("stats".to_owned())
            .spawn(move || {
                let report = compute(&snapshot, &for_worker);
                // The view may have asked for another period meanwhile: then nobody listens.
                let _ = sender.send(report);
                ctx.request_repaint();
            });
        self.failed = spawned.is_err();
        self.pending = spawned.ok().map(|_| (key, receiver));
    }

    /// Takes the report of the computation under way when it has arrived.
    fn poll(&mut self) {
        let Some((_, receiver)) = &self.pending else {
            return;
        };
        match receiver.try_recv() {
            Err(TryRecvError::Empty) => {}
            Ok(report) => {
                if let Some((key, _)) = self.pending.take() {
                    self.shown = Some((key, report));
                    self.heights.clear();
                    self.failed = false;
                }
            }
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                self.failed = true;
            }
        }
    }

    /// "Du", "Au", the presets, and the messages beside a wrong date.
    fn period_ui(&mut self, ui: &mut Ui, today: NaiveDate) -> Option<Period> {
        ui.horizontal_wrapped(|ui| {
            for (label, value) in [(text::stats::FROM, 0), (text::stats::TO, 1)] {
                let label = ui.label(label);
                let field = if value == 0 {
                    &mut self.from
                } else {
                    &mut self.to
                };
                ui.add(
                    egui::TextEdit::singleline(field)
                        .hint_text(text::common::DATE_HINT)
                        .desired_width(theme::DATE_FIELD_WIDTH),
                )
                .labelled_by(label.id);
            }
            ui.separator();
            for preset in Preset::ALL {
                if ui.button(preset.label()).clicked()
                    && let Some(period) = preset.period(today)
                {
                    self.set_period(period);
                }
            }
        });
        match self.period() {
            Ok(period) => Some(period),
            Err(messages) => {
                for (field, message) in [text::stats::FROM, text::stats::TO, ""]
                    .into_iter()
                    .zip(messages)
                {
                    if let Some(message) = message {
                        let shown = if field.is_empty() {
                            message
                        } else {
                            text::stats::field_message(field, &message)
                        };
                        ui.label(RichText::new(shown).color(theme::ERROR));
                    }
                }
                None
            }
        }
    }

    /// "Périmètre": everyone, me, or one referent.
    fn scope_ui(&mut self, ui: &mut Ui, cx: &ViewContext<'_>) {
        let me = cx.counsellor.map(str::trim).filter(|me| !me.is_empty());
        if self.scope == ScopeChoice::Me && me.is_none() {
            self.scope = ScopeChoice::All;
        }
        let selected = match &self.scope {
            ScopeChoice::All => text::stats::SCOPE_ALL.to_owned(),
            ScopeChoice::Me => text::stats::scope_me(me.unwrap_or_default()),
            ScopeChoice::Counsellor(name) => name.clone(),
        };
        ui.horizontal(|ui| {
            let label = ui.label(text::stats::SCOPE);
            egui::ComboBox::from_id_salt("stats-scope")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.scope, ScopeChoice::All, text::stats::SCOPE_ALL);
                    if let Some(me) = me {
                        ui.selectable_value(
                            &mut self.scope,
                            ScopeChoice::Me,
                            text::stats::scope_me(me),
                        );
                    }
                    for name in &self.referents {
                        ui.selectable_value(
                            &mut self.scope,
                            ScopeChoice::Counsellor(name.clone()),
                            name,
                        );
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
}

/// The records' referents, once each (compared folded), sorted the way people read them.
fn referents(records: &[Arc<Beneficiary>]) -> Vec<String> {
    use crate::model::record::search::fold;
    let mut seen = std::collections::BTreeMap::new();
    for record in records {
        let name = record.referent.trim();
        if !name.is_empty() {
            seen.entry(fold(name)).or_insert_with(|| name.to_owned());
        }
    }
    seen.into_values().collect()
}

impl View for StatsView {
    fn ui(&mut self, ui: &mut Ui, cx: &ViewContext<'_>, _out: &mut Vec<Command>) {
        if self.today.is_none() {
            self.today = Some(cx.today);
            if let Some(period) = Preset::ThisYear.period(cx.today) {
                self.set_period(period);
            }
        }
        ui.heading(text::stats::HEADING);
        ui.add_space(theme::SPACE_S);
        let period = self.period_ui(ui, cx.today);
        self.scope_ui(ui, cx);
        let data_changed = self.refresh_data(cx);
        self.poll();
        if let Some(period) = period {
            let key = Key {
                period,
                scope: self.scope(cx),
                threshold: cx.settings.stats_threshold,
            };
            let asked = self
                .pending
                .as_ref()
                .map(|(k, _)| k)
                .or(self.shown.as_ref().map(|(k, _)| k));
            if data_changed || asked != Some(&key) {
                self.start(ui.ctx(), cx, key);
            }
        }
        let report = self.shown.as_ref().map(|(_, report)| report);
        self.export.ui(ui, report, cx);
        ui.add_space(theme::SPACE_S);
        if self.pending.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(text::stats::COMPUTING);
            });
        } else if self.failed {
            ui.label(RichText::new(text::stats::FAILED).color(theme::ERROR));
        }
        if let Some((_, report)) = &self.shown {
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| draw::report_ui(ui, report, &mut self.heights));
        }
    }
}
