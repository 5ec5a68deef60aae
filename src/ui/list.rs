//! The left panel: the beneficiary list with its accent-insensitive search, virtualised so that
//! it stays instant at 10,000 records, the "Nouveau bénéficiaire" button, and the choice between
//! every record and the counsellor's own ("Mes bénéficiaires": the referent is the profile's
//! name, compared folded). Each row names its referent.

use std::sync::Arc;

use egui::{Key, RichText, TextEdit, Ui};

use crate::model::record::is_anonymised;
use crate::model::{Beneficiary, BeneficiaryId, SearchQuery, fold};
use crate::ui::command::Command;
use crate::ui::{text, theme};

/// State of the list: the search text and the rows it lets through.
#[derive(Default)]
pub struct ListPanel {
    query: String,
    /// Folded search text of each record, parallel to the records slice; `None` for an erased
    /// (anonymised) record, which no list nor search shows.
    folded: Vec<Option<String>>,
    /// Folded referent of each record, parallel to the records slice.
    referents: Vec<String>,
    /// How many records can be shown (the erased ones are not counted).
    listed: usize,
    /// Only the records whose referent is the counsellor of this computer.
    mine_only: bool,
    /// The folded name the "Mes bénéficiaires" filter compared with when `visible` was computed.
    me: Option<String>,
    /// Indices of the records shown, in list order.
    visible: Vec<usize>,
    /// Set when the records or the query changed since `visible` was computed.
    stale: bool,
    focus_search: bool,
    /// The search field's widget id, once drawn.
    search_id: Option<egui::Id>,
    /// A record that moved in the list (renamed, or new): shown at the next frame if it is
    /// the one selected and out of sight.
    reveal: Option<BeneficiaryId>,
    /// The rows' scroll offset and the height in sight, as last drawn.
    scrolled: (f32, f32),
}

impl ListPanel {
    /// Recomputes the folded texts: call whenever the records change.
    pub fn records_changed(&mut self, records: &[Arc<Beneficiary>]) {
        self.folded = records
            .iter()
            .map(|b| (!is_anonymised(b)).then(|| fold(&b.search_text())))
            .collect();
        self.referents = records.iter().map(|b| fold(b.referent.trim())).collect();
        self.listed = self.folded.iter().flatten().count();
        self.stale = true;
    }

    /// The folded texts of one record that changed, moved from `from` to `to` in the records
    /// (`from`: `None` for a record new to the list; the same index when it stayed in place):
    /// a save folds its record's texts again, not every record's.
    pub fn record_moved(&mut self, from: Option<usize>, to: usize, record: &Beneficiary) {
        let folded = (!is_anonymised(record)).then(|| fold(&record.search_text()));
        let referent = fold(record.referent.trim());
        let place = |len: usize| to <= len;
        match from {
            Some(from) if from < self.folded.len() && from < self.referents.len() => {
                let was = self.folded.remove(from);
                self.referents.remove(from);
                self.listed -= usize::from(was.is_some());
            }
            Some(_) => {
                // Out of step with the records (never expected): the next frame folds them
                // all again.
                self.folded.clear();
                return;
            }
            None => {}
        }
        if !place(self.folded.len()) || !place(self.referents.len()) {
            self.folded.clear();
            return;
        }
        self.listed += usize::from(folded.is_some());
        self.folded.insert(to, folded);
        self.referents.insert(to, referent);
        self.stale = true;
        if from != Some(to) {
            self.reveal = Some(record.id);
        }
    }

    /// The scroll offset that brings the selected record into sight when it has just moved
    /// out of it; `None` otherwise.
    fn reveal_offset(
        &mut self,
        records: &[Arc<Beneficiary>],
        selected: Option<BeneficiaryId>,
        row_pitch: f32,
    ) -> Option<f32> {
        let moved = self.reveal.take()?;
        if selected != Some(moved) {
            return None;
        }
        let position = self
            .visible
            .iter()
            .position(|&index| records.get(index).is_some_and(|b| b.id == moved))?;
        // usize to f32: a row's place, far below f32's exact integers.
        #[expect(clippy::cast_precision_loss, reason = "row counts are small")]
        let top = position as f32 * row_pitch;
        let (offset, height) = self.scrolled;
        let in_sight = top >= offset && top + row_pitch <= offset + height;
        (!in_sight).then(|| (top - height / 2.0).max(0.0))
    }

    /// Empties the search, so that every record shows (a new, still nameless one included).
    pub fn clear_search(&mut self) {
        self.query.clear();
        self.stale = true;
    }

    /// The search field's widget id, once drawn.
    #[must_use]
    pub fn search_id(&self) -> Option<egui::Id> {
        self.search_id
    }

    /// Puts the keyboard focus in the search field at the next frame.
    pub fn focus_search(&mut self) {
        self.focus_search = true;
    }

    fn refresh(&mut self) {
        let query = SearchQuery::new(&self.query);
        let me = self.me.as_deref().filter(|_| self.mine_only);
        let referents = &self.referents;
        self.visible = self
            .folded
            .iter()
            .enumerate()
            .filter(|(_, folded)| folded.as_deref().is_some_and(|f| query.matches(f)))
            .filter(|(index, _)| me.is_none_or(|me| referents.get(*index).is_some_and(|r| r == me)))
            .map(|(index, _)| index)
            .collect();
        self.stale = false;
    }

    /// Draws the panel; selections and creations become commands. Records in `flagged` hold
    /// an invalid field not saved yet, and say so. `me` is the counsellor of this computer
    /// (the profile's name), when known: without it, every record is listed.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        records: &[Arc<Beneficiary>],
        (selected, flagged): (Option<BeneficiaryId>, &[BeneficiaryId]),
        (writable, me): (bool, Option<&str>),
        commands: &mut Vec<Command>,
    ) {
        if self.folded.len() != records.len() {
            self.records_changed(records);
        }
        let me = me.map(|m| fold(m.trim())).filter(|m| !m.is_empty());
        if me != self.me {
            self.me = me;
            self.mine_only &= self.me.is_some();
            self.stale = true;
        }
        ui.add_space(theme::SPACE_S);
        ui.add_enabled_ui(writable, |ui| {
            if ui
                .add_sized(
                    [ui.available_width(), 30.0],
                    egui::Button::new(text::common::NEW_BENEFICIARY),
                )
                .on_hover_text("Ctrl+N")
                .clicked()
            {
                commands.push(Command::NewBeneficiary);
            }
        });
        ui.add_space(theme::SPACE_XS);
        if self.me.is_some() {
            ui.horizontal(|ui| {
                for (mine, label) in [(false, text::list::ALL), (true, text::list::MINE)] {
                    if ui.selectable_label(self.mine_only == mine, label).clicked()
                        && self.mine_only != mine
                    {
                        self.mine_only = mine;
                        self.stale = true;
                    }
                }
            });
        }
        let label = ui.label(text::list::SEARCH_LABEL);
        let search = ui
            .add(
                TextEdit::singleline(&mut self.query)
                    .id_salt("search")
                    .hint_text(text::list::SEARCH_HINT)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .on_hover_text("Ctrl+F");
        self.search_id = Some(search.id);
        if self.focus_search {
            search.request_focus();
            self.focus_search = false;
        }
        if search.changed() {
            self.stale = true;
        }
        if self.stale {
            self.refresh();
        }
        if search.has_focus() {
            self.keyboard_navigation(ui, records, selected, commands);
        }
        ui.label(
            RichText::new(text::list::count(self.visible.len(), self.listed))
                .small()
                .weak(),
        );
        ui.separator();

        if self.visible.is_empty() {
            if self.listed > 0 {
                let message = if self.mine_only && self.query.trim().is_empty() {
                    text::list::NONE_OF_MINE
                } else {
                    text::list::NO_MATCH
                };
                ui.label(RichText::new(message).italics());
            }
            return;
        }
        let row_pitch = theme::LIST_ROW_HEIGHT + ui.spacing().item_spacing.y;
        let mut rows = egui::ScrollArea::vertical().auto_shrink([false, false]);
        if let Some(offset) = self.reveal_offset(records, selected, row_pitch) {
            rows = rows.vertical_scroll_offset(offset);
        }
        let shown = rows.show_rows(
            ui,
            theme::LIST_ROW_HEIGHT,
            self.visible.len(),
            |ui, rows| {
                for &index in &self.visible[rows] {
                    let Some(record) = records.get(index) else {
                        continue;
                    };
                    let state = RowState {
                        is_selected: selected == Some(record.id),
                        is_flagged: flagged.contains(&record.id),
                    };
                    row(ui, record, state, commands);
                }
            },
        );
        self.scrolled = (shown.state.clamped_offset().y, shown.inner_rect.height());
    }

    fn keyboard_navigation(
        &self,
        ui: &Ui,
        records: &[Arc<Beneficiary>],
        selected: Option<BeneficiaryId>,
        commands: &mut Vec<Command>,
    ) {
        let (down, up) = ui.input(|i| (i.key_pressed(Key::ArrowDown), i.key_pressed(Key::ArrowUp)));
        if !(down || up) || self.visible.is_empty() {
            return;
        }
        let position = selected.and_then(|id| {
            self.visible
                .iter()
                .position(|&index| records.get(index).is_some_and(|b| b.id == id))
        });
        let next = match (position, down) {
            (None, _) => 0,
            (Some(p), true) => (p + 1).min(self.visible.len() - 1),
            (Some(p), false) => p.saturating_sub(1),
        };
        if let Some(record) = self.visible.get(next).and_then(|&i| records.get(i)) {
            commands.push(Command::Select(record.id));
        }
    }
}

/// How a row stands out.
#[derive(Clone, Copy)]
struct RowState {
    is_selected: bool,
    /// The record's form holds an invalid field not saved yet.
    is_flagged: bool,
}

/// One two-line row: the name, then the entry route and the stage (or, in red, that a field
/// waits to be corrected).
fn row(ui: &mut Ui, record: &Beneficiary, state: RowState, commands: &mut Vec<Command>) {
    let RowState {
        is_selected,
        is_flagged,
    } = state;
    let name = record.display_name();
    let referent = record.referent.trim();
    let detail = if is_flagged {
        format!("{} · {}", text::list::LIST_TO_FIX, record.stage().label())
    } else {
        format!(
            "{} · {}",
            record.entry_route_label(),
            record.stage().label()
        )
    };
    let size = egui::vec2(
        ui.available_width(),
        theme::LIST_ROW_HEIGHT - ui.spacing().item_spacing.y,
    );
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response.widget_info(|| {
        let mut label = format!("{name}\n{detail}");
        if !referent.is_empty() {
            label.push('\n');
            label.push_str(&text::list::referent(referent));
        }
        egui::WidgetInfo::selected(egui::Role::Button, true, is_selected, label)
    });
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, is_selected);
        if is_selected || response.hovered() {
            ui.painter()
                .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
        }
        let inner = rect.shrink2(egui::vec2(6.0, 2.0));
        // The referent's initials at the right of the name's line.
        let initials = (!referent.is_empty()).then(|| {
            egui::WidgetText::from(RichText::new(initials(referent)).small()).into_galley(
                ui,
                Some(egui::TextWrapMode::Truncate),
                inner.width() / 3.0,
                egui::TextStyle::Small,
            )
        });
        let initials_width = initials.as_ref().map_or(0.0, |g| g.size().x + 6.0);
        let line = |text: RichText, style: egui::TextStyle, width: f32| {
            egui::WidgetText::from(text).into_galley(
                ui,
                Some(egui::TextWrapMode::Truncate),
                width,
                style,
            )
        };
        // Drawn in display order; the accessible name above stays in typed order.
        let name = line(
            RichText::new(crate::ui::widgets::bidi::display_order(&name)).strong(),
            egui::TextStyle::Body,
            inner.width() - initials_width,
        );
        let detail = line(RichText::new(detail), egui::TextStyle::Small, inner.width());
        let name_height = name.size().y;
        ui.painter().galley(inner.min, name, visuals.text_color());
        if let Some(initials) = initials {
            let at = egui::pos2(inner.max.x - initials.size().x, inner.min.y + 1.0);
            ui.painter()
                .galley(at, initials, ui.visuals().weak_text_color());
        }
        let detail_color = if is_flagged {
            theme::ERROR
        } else {
            ui.visuals().weak_text_color()
        };
        ui.painter().galley(
            inner.min + egui::vec2(0.0, name_height + 1.0),
            detail,
            detail_color,
        );
    }
    if response.clicked() {
        commands.push(Command::Select(record.id));
    }
    if is_selected && ui.input(|i| i.key_pressed(Key::ArrowDown) || i.key_pressed(Key::ArrowUp)) {
        response.scroll_to_me(None);
    }
}

/// A referent's initials, as the list's rows show them: "CM" for "Claire Martin", "JPD" for
/// "Jean-Pierre Dupont"; at most four letters.
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|word| word.chars().find(|c| c.is_alphabetic()))
        .flat_map(char::to_uppercase)
        .take(4)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_take_each_word_and_each_part_of_a_compound_name() {
        assert_eq!(initials("Claire Martin"), "CM");
        assert_eq!(initials("jean-pierre  dupont"), "JPD");
        assert_eq!(initials("Élodie d'Arc"), "ÉD");
        assert_eq!(initials("  "), "");
    }
}
