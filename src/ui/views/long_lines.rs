//! Long lists drawn by their visible lines only. A view's list may hold thousands of lines at
//! 10,000 records (the appointments to settle, the overdue actions of "Accueil"); laying every
//! line out at every frame cost far more than a frame's budget, most of them out of sight.
//!
//! Each line's height is measured when it is drawn (a line may wrap to two at a narrow
//! window) and remembered; a line out of sight is not drawn: the space it took (or, never
//! drawn yet, the lines' usual height) stands for it, so that the scroll bar and the places of
//! the lines in sight stay as if every line were drawn. The heights are forgotten when the
//! lines change ([`LongLines::clear`]) or the view's width does.

use std::collections::HashMap;

use egui::{Rect, Ui, vec2};

/// The lines' measured heights (from the top of one line to the top of the next), by list.
#[derive(Debug, Default)]
pub struct LongLines {
    heights: HashMap<&'static str, Vec<f32>>,
    /// The width they were measured at.
    width: f32,
}

impl LongLines {
    /// Forgets every height: the lines changed.
    pub fn clear(&mut self) {
        self.heights.clear();
    }

    /// Draws the `count` lines of list `id`, `line(ui, index)` adding line `index`, only
    /// those in sight.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        id: &'static str,
        count: usize,
        mut line: impl FnMut(&mut Ui, usize),
    ) {
        let width = ui.available_width();
        if (width - self.width).abs() > 0.5 {
            self.heights.clear();
            self.width = width;
        }
        let heights = self.heights.entry(id).or_default();
        heights.resize(count, 0.0);
        let gap = ui.spacing().item_spacing.y;
        // A line never drawn yet: as high as one line of text and its gap.
        let usual = ui.spacing().interact_size.y + gap;
        let mut skipped = 0.0_f32;
        for (index, height) in heights.iter_mut().enumerate() {
            let pitch = if *height > 0.0 { *height } else { usual };
            let top = ui.cursor().min.y + skipped;
            let place = Rect::from_min_size(egui::pos2(ui.cursor().min.x, top), vec2(width, pitch));
            if !ui.is_rect_visible(place) {
                skipped += pitch;
                continue;
            }
            if skipped > 0.0 {
                ui.allocate_space(vec2(width, (skipped - gap).max(0.0)));
                skipped = 0.0;
            }
            let before = ui.cursor().min.y;
            line(ui, index);
            *height = (ui.cursor().min.y - before).max(1.0);
        }
        if skipped > 0.0 {
            ui.allocate_space(vec2(width, (skipped - gap).max(0.0)));
        }
    }
}
