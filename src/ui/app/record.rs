//! The record on the right: its header, the tab bar, the undo bar, and the chosen tab drawn
//! through [`RecordTab`](crate::ui::tabs::RecordTab), its edits validated again once for
//! every tab.

use crate::model::{BeneficiaryId, find_removal};
use crate::ui::command::Command;
use crate::ui::context::RecordEdit;
use crate::ui::tabs::Tab;
use crate::ui::{text, theme, widgets, widgets::bidi};
use egui::{RichText, Ui};

use super::ParcoursApp;

impl ParcoursApp {
    pub(super) fn record_ui(&mut self, ui: &mut Ui, id: BeneficiaryId, now: f64) {
        let today = self.today();
        let writable = self.can_edit(id);
        let Some(index) = self.index_of(id) else {
            return;
        };
        if self.following.changed_elsewhere(id) {
            ui.add(
                egui::Label::new(
                    RichText::new(text::app::CHANGED_ELSEWHERE)
                        .color(theme::WARNING)
                        .strong(),
                )
                .wrap(),
            );
        }
        // Another Parcours edits it: read-only here, and who says so.
        if let Some(holder) = self.leases.holder_of(id) {
            let since = holder.since().format("%H:%M").to_string();
            ui.add(
                egui::Label::new(
                    RichText::new(text::app::being_edited_by(
                        &holder.name,
                        &holder.machine,
                        &since,
                    ))
                    .color(theme::WARNING)
                    .strong(),
                )
                .wrap(),
            );
        }
        let Some(editor) = self.editors.get_mut(&id) else {
            return;
        };
        let saved = &self.data.records()[index];
        // Read-only tabs show the edit in progress when it is valid.
        let shown = editor.pending.as_ref().unwrap_or(saved).clone();

        ui.horizontal(|ui| {
            let name = shown.display_name();
            ui.heading(RichText::new(bidi::display_order(&name)).strong());
            widgets::route_badge(ui, &shown);
            ui.label(RichText::new(shown.stage().label()).weak());
        });
        // A name holding an emoji or a script the fonts lack shows boxes: say so, never silently.
        let undrawable = widgets::undrawable_chars(ui, &shown.display_name());
        if !undrawable.is_empty() {
            ui.add(
                egui::Label::new(
                    RichText::new(text::app::undrawable(&undrawable)).color(theme::WARNING),
                )
                .wrap(),
            );
        }
        // Wrapped: in a narrow window every tab stays reachable, on a second line.
        ui.horizontal_wrapped(|ui| {
            for tab in Tab::ALL {
                let label = self.tabs.get_mut(tab).label();
                ui.selectable_value(&mut self.tab, tab, label);
            }
        });
        // The last removals from this form, each undoable for the rest of the session.
        for (index, (_, removal)) in self
            .removals
            .iter()
            .enumerate()
            .filter(|(_, (record, _))| *record == id)
            .rev()
            .take(3)
        {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{} —", removal.kind.label())).strong());
                if ui
                    .add_enabled(writable, egui::Button::new(text::app::UNDO))
                    .clicked()
                {
                    self.commands.push(Command::UndoRemoval(index));
                }
            });
        }
        ui.separator();
        let tab = self.tab;
        // A new record's last-name field is to take the focus (Ctrl+N); another record or tab
        // shown means the person went elsewhere: the input is no longer held for it.
        if tab != Tab::Identity
            || self
                .focus_new_record
                .is_some_and(|focus| focus.record != id)
        {
            self.focus_new_record = None;
        }
        let focus_last_name = self.focus_new_record.is_some();
        let last_name_id = widgets::field_id(text::common::LAST_NAME);
        // The form as it was before this frame's clicks and keys, to find a removed entry.
        let before = ui
            .input(|i| !i.events.is_empty())
            .then(|| editor.draft.clone());
        let errors = editor.shown_errors();
        let focused_before = ui.memory(egui::Memory::focused);
        let cx = self.data.view(today, writable, Some(&shown));
        let mut edit = RecordEdit {
            id,
            shown: &shown,
            draft: &mut editor.draft,
            errors: &errors,
            changed: false,
        };
        let panel = self.tabs.get_mut(tab);
        let commands = &mut self.commands;
        // Both ways: a small window (800×600) still reaches every field of the form.
        egui::ScrollArea::both()
            .id_salt(("record", id, tab))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Asked at every pass until the field holds it: meanwhile all input waits in
                // the raw-input hook, so the person cannot have moved elsewhere.
                if focus_last_name && !ui.memory(|m| m.has_focus(last_name_id)) {
                    ui.memory_mut(|m| m.request_focus(last_name_id));
                }
                panel.ui(ui, &mut edit, &cx, commands);
            });
        // Written once for every tab: an edit is validated again, and saved after the delay.
        if edit.changed {
            editor.last_edit = now;
            editor.revalidate(saved, today);
        }
        // A form's first frame only measures it (egui's sizing pass disables its widgets, which
        // drops the focus): the focus is asked for again until the field, drawn, holds it; then
        // the input held meanwhile is handed over, to it.
        if focus_last_name {
            if ui.memory(|m| m.has_focus(last_name_id)) {
                self.focus_new_record = None;
            } else {
                ui.ctx().request_repaint();
            }
        }
        if let Some(left) = focused_before
            && ui.memory(egui::Memory::focused) != Some(left)
        {
            editor.field_left(left);
        }
        if let Some(before) = before
            && let Some(removal) = find_removal(&before, &editor.draft)
        {
            self.removals.push((id, removal));
        }
    }
}
