//! Drawing a [`Report`]: the people left out, the monthly lines, then each table (a grid,
//! beside it the bars of a distribution). Nothing here computes over the records: a frame
//! only lays out the report already received.

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, GridMark, Legend, Line, Plot, PlotPoints};

use crate::model::stats::{Cell, Report, Series, Table};
use crate::report::{
    cell_text, distribution_rows, is_distribution, month_name, refused_text, threshold_text,
};
use crate::ui::{text, theme};

/// A distribution's bars: wide enough for its labels, short enough to sit beside its table.
const BARS_WIDTH: f32 = 420.0;
/// The narrowest the bars are drawn beside their table; with less room, under it.
const BARS_MIN_WIDTH: f32 = 300.0;
/// Height of one bar's row.
const BAR_ROW_HEIGHT: f32 = 22.0;
/// Height of the monthly lines' chart.
const LINES_HEIGHT: f32 = 170.0;
/// Room for a category's name left of its bar.
const BARS_LABEL_WIDTH: f32 = 120.0;

/// The whole report: who was left out, the tables, then the monthly lines. `heights` keeps
/// each table's height as last drawn: a table out of sight (scrolled away) only takes its
/// room, so that a frame lays out the few tables on screen, not the few dozen of a report.
pub(super) fn report_ui(ui: &mut Ui, report: &Report, heights: &mut Vec<Option<f32>>) {
    ui.label(RichText::new(refused_text(report.refused_statistics)).strong());
    ui.label(RichText::new(threshold_text(report.threshold)).weak());
    if report.tables.is_empty() {
        ui.label(text::stats::NO_TABLE);
    }
    heights.resize(report.tables.len(), None);
    for (table, height) in report.tables.iter().zip(heights.iter_mut()) {
        ui.add_space(theme::SECTION_GAP);
        let gap = ui.spacing().item_spacing.y;
        if let Some(known) = *height {
            let room = egui::vec2(ui.available_width(), known);
            if !ui.is_rect_visible(egui::Rect::from_min_size(ui.cursor().min, room)) {
                ui.allocate_space(room);
                continue;
            }
        }
        let top = ui.cursor().top();
        table_ui(ui, table, report.threshold);
        *height = Some((ui.cursor().top() - top - gap).max(0.0));
    }
    let series: Vec<&Series> = report
        .series
        .iter()
        .filter(|s| !s.points.is_empty())
        .collect();
    if !series.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.heading(text::stats::CHARTS);
        let mut units: Vec<&str> = Vec::new();
        for one in &series {
            if !units.contains(&one.unit.as_str()) {
                units.push(&one.unit);
            }
        }
        for unit in units {
            let shown: Vec<&Series> = series.iter().copied().filter(|s| s.unit == unit).collect();
            lines_ui(ui, unit, &shown);
        }
    }
}

/// One table: its title, its source, the grid, and the bars of a distribution beside it.
fn table_ui(ui: &mut Ui, table: &Table, threshold: u32) {
    ui.label(
        RichText::new(&table.title)
            .strong()
            .size(theme::BODY_SIZE + 2.0),
    );
    if !table.source.is_empty() {
        ui.label(RichText::new(text::stats::source(&table.source)).weak());
    }
    // The bars sit beside the table when there is room for them, else under it.
    let mut below = false;
    ui.horizontal_top(|ui| {
        egui::Grid::new(("stats-table", table.key))
            .striped(true)
            .spacing([theme::SPACE_L, theme::SPACE_XS])
            .show(ui, |ui| {
                ui.label("");
                for column in &table.columns {
                    ui.label(RichText::new(column).strong());
                }
                ui.end_row();
                for row in &table.rows {
                    let total = row.label.starts_with("Total");
                    let strong = |text: String| {
                        if total {
                            RichText::new(text).strong()
                        } else {
                            RichText::new(text)
                        }
                    };
                    ui.label(strong(row.label.clone()));
                    for (index, cell) in row.cells.iter().enumerate() {
                        let value = cell_text(*cell, threshold);
                        // A screen reader (and a test) reads the cell with its row and column.
                        let named = text::stats::cell_named(
                            &row.label,
                            table.columns.get(index).map_or("", String::as_str),
                            &value,
                        );
                        let shown = strong(value);
                        let hidden = matches!(cell, Cell::Hidden | Cell::Masked);
                        let shown = if hidden { shown.italics() } else { shown };
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            let label = ui.label(shown);
                            label.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Label, true, &named)
                            });
                            if hidden {
                                label.on_hover_text(text::stats::hidden_help(threshold));
                            }
                        });
                    }
                    ui.end_row();
                }
            });
        let beside =
            is_distribution(table) && ui.available_width() >= BARS_MIN_WIDTH + theme::SPACE_L;
        if beside {
            ui.add_space(theme::SPACE_L);
            bars_ui(ui, table, ui.available_width().min(BARS_WIDTH));
        }
        below = !beside && is_distribution(table);
    });
    if below {
        bars_ui(ui, table, ui.available_width().min(BARS_WIDTH));
    }
}

/// A distribution as horizontal bars, one per category (none for a hidden count).
fn bars_ui(ui: &mut Ui, table: &Table, width: f32) {
    let rows: Vec<(&str, Cell)> = distribution_rows(table).collect();
    #[expect(clippy::cast_precision_loss, reason = "a handful of categories")]
    let height = BAR_ROW_HEIGHT * rows.len() as f32 + 2.0 * BAR_ROW_HEIGHT;
    if skipped_off_screen(ui, egui::vec2(width, height)) {
        return;
    }
    let labels: Vec<String> = rows.iter().map(|(label, _)| (*label).to_owned()).collect();
    #[expect(clippy::cast_precision_loss, reason = "a handful of categories")]
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .filter_map(|(index, (label, cell))| match cell {
            // Top to bottom in the table's order.
            Cell::People(n) => Some(
                Bar::new(-(index as f64), f64::from(*n))
                    .name(*label)
                    .width(0.7)
                    .fill(theme::ROUTE_FLE),
            ),
            _ => None,
        })
        .collect();
    let count = labels.len();
    #[expect(clippy::cast_precision_loss, reason = "a handful of categories")]
    let count_f = count as f64;
    Plot::new(("stats-bars", table.key))
        .width(width)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([true, false])
        .include_x(0.0)
        // Every category has its row, a hidden one (no bar) too.
        .include_y(0.5)
        .include_y(0.5 - count_f)
        .y_axis_min_width(BARS_LABEL_WIDTH)
        .y_grid_spacer(move |_| {
            (0..count)
                .map(|index| GridMark {
                    #[expect(clippy::cast_precision_loss, reason = "a handful of categories")]
                    value: -(index as f64),
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark, _| {
            category(mark.value)
                .and_then(|index| labels.get(index).cloned())
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(table.title.clone(), bars)
                    .horizontal()
                    .color(theme::ROUTE_FLE),
            );
        });
}

/// The category at a bar's position (0, -1, -2… top to bottom), when `value` is one.
fn category(value: f64) -> Option<usize> {
    let index = -value;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "checked: a small whole number"
    )]
    ((0.0..1_000.0).contains(&index) && index.fract() == 0.0).then_some(index as usize)
}

/// Takes a chart's room without drawing it when that room is scrolled out of sight: the frame
/// then lays out only the charts on screen (a report has a few dozen).
fn skipped_off_screen(ui: &mut Ui, size: egui::Vec2) -> bool {
    let visible = ui.is_rect_visible(egui::Rect::from_min_size(ui.cursor().min, size));
    if !visible {
        ui.allocate_space(size);
    }
    !visible
}

/// The monthly lines of one unit ("personnes", "heures"), one per series, months below.
fn lines_ui(ui: &mut Ui, unit: &str, series: &[&Series]) {
    let months: Vec<&'static str> = series
        .iter()
        .max_by_key(|s| s.points.len())
        .map(|s| {
            s.points
                .iter()
                .map(|(month, _)| month_name(*month))
                .collect()
        })
        .unwrap_or_default();
    let count = months.len();
    ui.label(RichText::new(unit).weak());
    if skipped_off_screen(ui, egui::vec2(ui.available_width(), LINES_HEIGHT)) {
        return;
    }
    Plot::new(("stats-lines", unit.to_owned()))
        .height(LINES_HEIGHT)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_y(0.0)
        .x_grid_spacer(move |_| {
            (0..count)
                .map(|index| GridMark {
                    #[expect(clippy::cast_precision_loss, reason = "months of a period")]
                    value: index as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            category(-mark.value)
                .and_then(|index| months.get(index))
                .map(|month| (*month).to_owned())
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            for one in series {
                #[expect(clippy::cast_precision_loss, reason = "months of a period")]
                let points: Vec<[f64; 2]> = one
                    .points
                    .iter()
                    .enumerate()
                    .map(|(index, (_, value))| [index as f64, *value])
                    .collect();
                plot.line(Line::new(one.title.clone(), PlotPoints::new(points)).width(2.0));
            }
        });
}
