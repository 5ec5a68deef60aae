//! The crèche's weekly planning across every family: the week's navigation and occupancy,
//! the grid of days × half-hours coloured by how full, the children of the cell opened, and
//! the week's PDF.

use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use egui::{Align2, FontId, RichText, Sense, Stroke, StrokeKind, Ui};

use super::{CrecheContext, CrechePanel};
use crate::model::Beneficiary;
use crate::model::creche::{
    Fill, WeekPlan, add_half_hours, day_label, format_time, half_hours_between, iso_week_label,
    planning_monday, weekday_label,
};
use crate::model::record::format_date;
use crate::report::{CrecheWeek, Engine, creche_week_template, render_creche_week, save_pdf};
use crate::ui::command::Command;
use crate::ui::{text, theme};

impl CrechePanel {
    /// The weekly planning across every family.
    pub(super) fn week_ui(
        &mut self,
        ui: &mut Ui,
        all: &[&Beneficiary],
        context: &CrecheContext<'_>,
        out: &mut Vec<Command>,
    ) {
        let settings = context.cx.creche;
        let monday = self
            .week
            .unwrap_or_else(|| planning_monday(context.cx.today));
        let plan = WeekPlan::build(all, settings, monday);
        ui.add_space(theme::SECTION_GAP);
        ui.heading(text::creche::CRECHE_PLANNING);
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button(text::creche::CRECHE_PREVIOUS_WEEK).clicked() {
                self.week = monday.checked_sub_days(Days::new(7));
            }
            if ui.button(text::creche::CRECHE_THIS_WEEK).clicked() {
                self.week = None;
            }
            if ui.button(text::creche::CRECHE_NEXT_WEEK).clicked() {
                self.week = monday.checked_add_days(Days::new(7));
            }
            if ui.button(text::creche::CRECHE_SETTINGS).clicked() {
                out.push(Command::OpenCrecheSettings);
            }
        });
        if ui.button(text::creche::CRECHE_SAVE_WEEK_PDF).clicked() {
            self.save_week_pdf(all, context, monday);
        }
        if let Some(path) = &self.pdf_fallback
            && ui
                .button(text::common::SAVE_IN_FALLBACK)
                .on_hover_text(path.display().to_string())
                .clicked()
            && let Some(path) = self.pdf_fallback.take()
        {
            self.write_week_pdf(all, context, monday, &path);
        }
        if let Some((message, failed)) = &self.pdf_status {
            let colour = if *failed { theme::ERROR } else { theme::OK };
            ui.label(RichText::new(message).color(colour));
        }
        let friday = plan.days.last().map_or(monday, |d| d.date);
        ui.label(
            RichText::new(text::creche::week_title(
                &iso_week_label(monday),
                &day_label(monday),
                &day_label(friday),
            ))
            .strong(),
        );
        ui.label(text::creche::occupancy(
            plan.occupancy_percent(),
            plan.booked_hours(),
            plan.capacity_hours(),
            plan.capacity,
        ));
        let over = plan
            .days
            .iter()
            .flat_map(|d| &d.cells)
            .filter(|c| c.booked > plan.capacity)
            .count();
        if over > 0 {
            ui.label(
                RichText::new(text::creche::overbooked(over))
                    .color(theme::ERROR)
                    .strong(),
            );
        }
        legend_ui(ui);
        let before = self.cell;
        grid_ui(ui, &plan, &mut self.cell);
        // A cell just opened also proposes its day and time to the booking form (same length).
        if self.cell != before
            && let Some((date, start)) = self.cell
        {
            let length = half_hours_between(self.form.start, self.form.end).max(1);
            self.form.recurring = false;
            self.form.date = format_date(date);
            self.form.start = start;
            self.form.end = add_half_hours(start, length).min(settings.closes_at);
            if self.form.end <= start {
                self.form.end = add_half_hours(start, 1);
            }
        }
        if let Some((date, start)) = self.cell
            && let Some(cell) = plan.cell(date, start)
        {
            ui.add_space(theme::SPACE_S);
            ui.label(
                RichText::new(text::creche::cell_heading(
                    &day_label(date),
                    &format_time(start),
                    cell.booked,
                    plan.capacity,
                ))
                .strong(),
            );
            for entry in &cell.entries {
                ui.horizontal(|ui| {
                    ui.label(text::creche::cell_entry(
                        &entry.child_name,
                        &entry.parent_name,
                        &entry.reason,
                    ));
                    if entry.parent != context.shown.id
                        && ui
                            .small_button(text::creche::open_record(&entry.parent_name))
                            .clicked()
                    {
                        out.push(Command::Select(entry.parent));
                    }
                });
            }
        }
    }

    /// Asks where to save the week's planning, then writes it (the same PDF as
    /// `parcours creche week --pdf`).
    fn save_week_pdf(
        &mut self,
        all: &[&Beneficiary],
        context: &CrecheContext<'_>,
        monday: NaiveDate,
    ) {
        let name = format!("creche_{}.pdf", iso_week_label(monday));
        let Some(path) = rfd::FileDialog::new()
            .set_title(text::creche::CRECHE_SAVE_WEEK_PDF)
            .set_file_name(&name)
            .add_filter(text::common::PDF_FILTER, &["pdf"])
            .save_file()
        else {
            // Cancelled, or no dialog could be shown (rfd cannot tell which): nothing saved,
            // and the Documents folder offered.
            let folder = crate::report::fallback_folder();
            self.pdf_status = Some((
                text::common::no_file_chosen(text::creche::THE_WEEK_PLANNING, folder.as_deref()),
                true,
            ));
            self.pdf_fallback = folder.map(|folder| crate::report::free_path(&folder, &name));
            return;
        };
        self.write_week_pdf(all, context, monday, &path);
    }

    /// Renders the week's planning and writes it at `path`, saying how it went.
    fn write_week_pdf(
        &mut self,
        all: &[&Beneficiary],
        context: &CrecheContext<'_>,
        monday: NaiveDate,
        path: &std::path::Path,
    ) {
        self.pdf_fallback = None;
        let week = CrecheWeek::build(
            all,
            context.cx.creche,
            &context.cx.settings.structure_name,
            monday,
            context.cx.today,
        );
        let engine = self
            .engine
            .get_or_insert_with(|| Engine::new([creche_week_template()]));
        self.pdf_status = Some(match render_creche_week(engine, &week) {
            Err(error) => (error.to_string(), true),
            Ok(rendered) => {
                if let Err(error) = save_pdf(path, &rendered.pdf) {
                    (error.to_string(), true)
                } else {
                    let done = text::creche::week_saved(path);
                    match rendered.warning_message() {
                        Some(warning) => (format!("{done} {warning}"), false),
                        None => (done, false),
                    }
                }
            }
        });
    }
}

/// The colour of a cell.
const fn fill_colour(fill: Fill) -> egui::Color32 {
    match fill {
        Fill::Free => theme::CRECHE_FREE,
        Fill::NearlyFull => theme::CRECHE_NEARLY_FULL,
        Fill::Full => theme::CRECHE_FULL,
        Fill::Over => theme::CRECHE_OVER,
    }
}

fn legend_ui(ui: &mut Ui) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(text::creche::CRECHE_LEGEND).weak());
        for fill in [Fill::Free, Fill::NearlyFull, Fill::Full, Fill::Over] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, fill_colour(fill));
            ui.label(fill.label());
        }
    });
}

/// Days × half-hours; each cell a focusable button named "mardi 24/11/2026 09:30 : 9/12".
fn grid_ui(ui: &mut Ui, plan: &WeekPlan, selected: &mut Option<(NaiveDate, NaiveTime)>) {
    let cell_size = egui::vec2(theme::CRECHE_CELL_WIDTH, theme::CRECHE_CELL_HEIGHT);
    egui::Grid::new(("creche-week", plan.monday))
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            ui.label("");
            for day in &plan.days {
                ui.vertical_centered(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "{} {:02}/{:02}",
                            weekday_label(day.date.weekday()),
                            day.date.day(),
                            day.date.month()
                        ))
                        .strong(),
                    );
                });
            }
            ui.end_row();
            for &start in &plan.slot_starts {
                ui.label(RichText::new(start.format("%H:%M").to_string()).weak());
                for day in &plan.days {
                    let (rect, response) = ui.allocate_exact_size(cell_size, Sense::click());
                    let Some(cell) = day.cells.iter().find(|c| c.start == start) else {
                        ui.painter().rect_filled(rect, 2.0, theme::CRECHE_CLOSED);
                        let closure = day.closure.as_deref().unwrap_or(text::creche::CLOSED);
                        if start == plan.slot_starts.first().copied().unwrap_or(start) {
                            ui.painter().text(
                                rect.center(),
                                Align2::CENTER_CENTER,
                                closure,
                                FontId::proportional(12.0),
                                theme::CRECHE_CELL_TEXT,
                            );
                        }
                        let name = format!(
                            "{} {} : {closure}",
                            day_label(day.date),
                            start.format("%H:%M")
                        );
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, false, &name)
                        });
                        continue;
                    };
                    let fill = Fill::of(cell.booked, plan.capacity);
                    let text = format!("{}/{}", cell.booked, plan.capacity);
                    let name =
                        format!("{} {} : {text}", day_label(day.date), start.format("%H:%M"));
                    response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    let painter = ui.painter();
                    painter.rect_filled(rect, 2.0, fill_colour(fill));
                    let is_selected = *selected == Some((day.date, start));
                    if is_selected || response.has_focus() || response.hovered() {
                        painter.rect_stroke(
                            rect,
                            2.0,
                            Stroke::new(2.0, theme::CRECHE_SELECTED),
                            StrokeKind::Inside,
                        );
                    }
                    let colour = if fill == Fill::Over {
                        egui::Color32::WHITE
                    } else {
                        theme::CRECHE_CELL_TEXT
                    };
                    painter.text(
                        rect.center(),
                        Align2::CENTER_CENTER,
                        &text,
                        FontId::proportional(13.0),
                        colour,
                    );
                    let response = if cell.entries.is_empty() {
                        response
                    } else {
                        response.on_hover_text(
                            cell.entries
                                .iter()
                                .map(|e| format!("{} ({})", e.child_name, e.parent_name))
                                .collect::<Vec<_>>()
                                .join("\n"),
                        )
                    };
                    if response.clicked() {
                        *selected = Some((day.date, start));
                    }
                }
                ui.end_row();
            }
        });
}
