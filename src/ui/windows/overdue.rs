//! "Actions en retard": every open action past its due date, across all beneficiaries, most
//! late first; a click opens the person's "Préparation à l'emploi" tab.

use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::tabs::Tab;
use crate::ui::windows::Window;
use chrono::NaiveDate;
use egui::RichText;

use crate::model::{Beneficiary, BeneficiaryId, format_date};
use crate::ui::{text, theme};

/// One line of the list.
struct Line {
    person: BeneficiaryId,
    name: String,
    theme: &'static str,
    action: String,
    due_on: Option<NaiveDate>,
    days_late: i64,
}

/// Every overdue action of `records` on `today`, most late first. A closed pathway (with an
/// outcome) has nothing left to chase.
fn lines(records: &[Beneficiary], today: NaiveDate) -> Vec<Line> {
    let mut lines: Vec<Line> = records
        .iter()
        .filter(|record| record.pathway.outcome.is_none())
        .flat_map(|record| {
            record
                .preparation
                .overdue(today)
                .into_iter()
                .map(move |o| Line {
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

/// How many actions are overdue across `records`.
#[must_use]
pub fn count(records: &[Beneficiary], today: NaiveDate) -> usize {
    records
        .iter()
        .filter(|r| r.pathway.outcome.is_none())
        .map(|r| r.preparation.overdue(today).len())
        .sum()
}

/// Draws the window while `open`; returns the person whose line was clicked.
fn window_ui(
    ctx: &egui::Context,
    open: &mut bool,
    records: &[Beneficiary],
    today: NaiveDate,
) -> Option<BeneficiaryId> {
    let mut chosen = None;
    egui::Window::new(text::common::OVERDUE_OPEN)
        .open(open)
        .default_width(720.0)
        .show(ctx, |ui| {
            // Unwrapped cells: wrapping to a width that the grid itself sets keeps the
            // window resizing for several frames.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            let lines = lines(records, today);
            if lines.is_empty() {
                ui.label(RichText::new(text::overdue::OVERDUE_NONE).weak());
                return;
            }
            // Both ways: a long action label scrolls rather than clipping the columns.
            egui::ScrollArea::both().max_height(480.0).show(ui, |ui| {
                egui::Grid::new("overdue-actions")
                    .num_columns(4)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        // The delay before the free text: a long action never pushes
                        // it out of the window.
                        for header in text::overdue::HEADERS {
                            ui.label(RichText::new(header).weak());
                        }
                        ui.end_row();
                        for line in lines {
                            if ui
                                .link(&line.name)
                                .on_hover_text(text::overdue::OPEN_RECORD_HOVER)
                                .clicked()
                            {
                                chosen = Some(line.person);
                            }
                            ui.label(
                                RichText::new(text::overdue::late(
                                    &line.due_on.map(format_date).unwrap_or_default(),
                                    line.days_late,
                                ))
                                .color(theme::ERROR),
                            );
                            ui.label(line.theme);
                            ui.label(if line.action.is_empty() {
                                text::overdue::UNTITLED_ACTION
                            } else {
                                &line.action
                            });
                            ui.end_row();
                        }
                    });
            });
        });
    chosen
}

/// The "Actions en retard" window.
#[derive(Debug, Default)]
pub struct OverdueWindow {
    open: bool,
}

impl OverdueWindow {
    /// Opens the window.
    pub fn open(&mut self) {
        self.open = true;
    }
}

impl Window for OverdueWindow {
    fn is_open(&self) -> bool {
        self.open
    }

    fn show(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        if let Some(id) = window_ui(ctx, &mut self.open, cx.records, cx.today) {
            // The window would cover the record it opens; the status bar reopens it.
            self.open = false;
            out.push(Command::Open(id, Tab::Preparation));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::preparation::{Action, Objective};
    use crate::model::record::dates::test_support::d;
    use crate::model::{Outcome, OutcomeKind};

    #[test]
    fn a_closed_pathway_has_no_overdue_action_to_chase() {
        let day = |day| d(2026, 11, day);
        let mut open = Beneficiary::new(chrono::Utc::now());
        open.preparation.objectives = vec![Objective {
            actions: vec![Action {
                label: "Rédiger le CV".into(),
                due_on: Some(day(10)),
                ..Action::default()
            }],
            ..Objective::default()
        }];
        let mut closed = open.clone();
        closed.pathway.outcome = Some(Outcome {
            kind: OutcomeKind::Training,
            date: day(12),
            contract_months: None,
        });
        assert_eq!(count(&[open.clone()], day(22)), 1);
        assert_eq!(count(&[open, closed], day(22)), 1);
    }
}
