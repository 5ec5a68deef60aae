//! Long grids drawn by their visible rows only. A view's list may hold thousands of lines at
//! 10,000 records (the appointments to settle, the overdue actions of "Accueil"); laying every
//! line out at every frame cost far more than a frame's budget, most of them out of sight.
//!
//! The first frame after the lines change draws every row and measures it (each column's
//! widest cell, the distance from one row to the next); later frames draw the rows within the
//! scroll area's visible part, and stand one empty row of the same widths for each run of rows
//! above or below it: the columns, the scroll bar and the rows' places stay exactly as if every
//! row were drawn.

use std::collections::HashMap;

use egui::{Ui, vec2};

/// What a grid's rows measured when they were all drawn.
#[derive(Debug, Clone, PartialEq)]
struct Measure {
    /// How many rows were drawn.
    count: usize,
    /// The widest cell of each column.
    widths: Vec<f32>,
    /// From the top of one row to the top of the next.
    pitch: f32,
    /// The scale they were measured at.
    pixels_per_point: f32,
}

/// The measures of a view's long grids, by grid; forgotten with [`LongGrids::clear`] when the
/// lines change.
#[derive(Debug, Default)]
pub struct LongGrids {
    measures: HashMap<&'static str, Measure>,
    /// How many times the measures were forgotten: part of each grid's egui id.
    generation: u64,
}

impl LongGrids {
    /// Forgets every measure: the next frame draws (and measures) every row again.
    pub fn clear(&mut self) {
        self.measures.clear();
        self.generation += 1;
    }

    /// The egui id of the grid `id`, new after each [`LongGrids::clear`]: egui lays a new
    /// grid out in an invisible sizing pass, so that drawing every row to measure it costs
    /// no painting (at 10,000 records, as long as a frame of the old full lists).
    #[must_use]
    pub fn egui_id(&self, id: &'static str) -> (&'static str, u64) {
        (id, self.generation)
    }

    /// Draws `count` rows in the grid `id` (called inside `egui::Grid::show`, whose spacing
    /// between rows is `row_gap`): `row(ui, index)` adds row `index`'s cells (not its
    /// `end_row`) and gives back each cell's width.
    pub fn rows<const N: usize>(
        &mut self,
        ui: &mut Ui,
        (id, row_gap): (&'static str, f32),
        count: usize,
        mut row: impl FnMut(&mut Ui, usize) -> [f32; N],
    ) {
        let pixels_per_point = ui.ctx().pixels_per_point();
        let top = ui.cursor().min.y;
        let known = self.measures.get(id).filter(|m| {
            m.count == count
                && (m.pixels_per_point - pixels_per_point).abs() < f32::EPSILON
                && m.pitch > 0.0
        });
        let Some(measure) = known.cloned() else {
            let mut widths = [0.0_f32; N];
            for index in 0..count {
                for (widest, width) in widths.iter_mut().zip(row(ui, index)) {
                    *widest = widest.max(width);
                }
                ui.end_row();
            }
            #[expect(clippy::cast_precision_loss, reason = "a count of rows on screen")]
            let pitch = (ui.cursor().min.y - top) / count.max(1) as f32;
            self.measures.insert(
                id,
                Measure {
                    count,
                    widths: widths.to_vec(),
                    pitch,
                    pixels_per_point,
                },
            );
            return;
        };
        let clip = ui.clip_rect();
        let row_at = |y: f32| {
            // `as` saturates: a place above the grid is its row 0, far below it a huge row.
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a row number, capped at the count"
            )]
            let row = ((y - top) / measure.pitch).floor().max(0.0) as usize;
            row.min(count)
        };
        let first = row_at(clip.min.y);
        let end = (row_at(clip.max.y) + 1).clamp(first, count);
        spacer(ui, &measure, first, row_gap);
        for index in first..end {
            row(ui, index);
            ui.end_row();
        }
        spacer(ui, &measure, count - end, row_gap);
    }
}

/// One empty row standing for `rows` rows: as high as they are together, its cells as wide
/// as their columns.
fn spacer(ui: &mut Ui, measure: &Measure, rows: usize, row_gap: f32) {
    if rows == 0 {
        return;
    }
    #[expect(clippy::cast_precision_loss, reason = "a count of rows")]
    let height = rows as f32 * measure.pitch - row_gap;
    for width in &measure.widths {
        ui.allocate_space(vec2(*width, height));
    }
    ui.end_row();
}
