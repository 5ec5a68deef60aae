//! The "Fiche en double" window: a record found in two files (a sync tool's conflict copy) is
//! shown side by side, part by part; the counsellor keeps one version, the other, or merges
//! them part by part. Nothing is picked silently.

use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::windows::Window;
use std::collections::HashMap;

use chrono::Utc;
use egui::{RichText, Ui};

use crate::model::{Beneficiary, RecordPart, Side, merge};
use crate::store::Conflict;
use crate::ui::theme;

/// State of the window: which conflict is open and the choice made for each part.
#[derive(Default)]
pub struct ConflictWindow {
    open: Option<usize>,
    choices: HashMap<RecordPart, Side>,
}

impl ConflictWindow {
    /// Opens the window on the first conflict.
    pub fn open(&mut self) {
        self.open = Some(0);
        self.choices.clear();
    }

    /// Draws the window when open; returns the conflict resolved and the record to save.
    fn window_ui(
        &mut self,
        ctx: &egui::Context,
        conflicts: &[Conflict],
        records: &[Beneficiary],
        writable: bool,
    ) -> Option<(usize, Beneficiary)> {
        let index = self.open?;
        let Some(conflict) = conflicts.get(index) else {
            self.open = None;
            return None;
        };
        let Some(kept) = records.iter().find(|b| b.id == conflict.other.id) else {
            self.open = None;
            return None;
        };
        let other = &conflict.other;
        let mut window_open = true;
        let mut resolved = None;
        egui::Window::new("Fiche en double")
            .open(&mut window_open)
            .default_width(820.0)
            .show(ctx, |ui| {
                ui.label(format!(
                    "La fiche de {} existe dans deux fichiers (copie laissée par un outil de synchronisation). Choisissez ce que vous gardez : l'autre fichier sera mis de côté dans « conflits-resolus », jamais supprimé.",
                    kept.display_name()
                ));
                ui.label(RichText::new(format!("A : {}", conflict.kept_path.display())).small().weak());
                ui.label(RichText::new(format!("B : {}", conflict.other_path.display())).small().weak());
                ui.add_space(theme::SPACE_M);
                egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                    self.parts_ui(ui, kept, other);
                });
                ui.add_space(theme::SPACE_M);
                ui.add_enabled_ui(writable, |ui| {
                    ui.horizontal(|ui| {
                        if ui.button("Garder la version A").clicked() {
                            resolved = Some(merge(kept, other, |_| Side::Kept, Utc::now()));
                        }
                        if ui.button("Garder la version B").clicked() {
                            resolved = Some(merge(kept, other, |_| Side::Other, Utc::now()));
                        }
                        if ui.button("Fusionner selon les choix").clicked() {
                            let choices = &self.choices;
                            resolved = Some(merge(
                                kept,
                                other,
                                |part| choices.get(&part).copied().unwrap_or_default(),
                                Utc::now(),
                            ));
                        }
                    });
                });
            });
        if !window_open {
            self.open = None;
        }
        let record = resolved?;
        self.open = None;
        self.choices.clear();
        Some((index, record))
    }

    fn parts_ui(&mut self, ui: &mut Ui, kept: &Beneficiary, other: &Beneficiary) {
        egui::Grid::new("conflict-parts")
            .num_columns(3)
            .striped(true)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                ui.label("");
                ui.label(RichText::new("Version A").strong());
                ui.label(RichText::new("Version B").strong());
                ui.end_row();
                for part in RecordPart::ALL {
                    ui.label(part.label());
                    if part.differs(kept, other) {
                        let choice = self.choices.entry(part).or_default();
                        ui.radio_value(choice, Side::Kept, shown(part.summary(kept)));
                        ui.radio_value(choice, Side::Other, shown(part.summary(other)));
                    } else {
                        ui.label(RichText::new(shown(part.summary(kept))).weak());
                        ui.label(RichText::new("identique").italics().color(theme::OK));
                    }
                    ui.end_row();
                }
            });
    }
}

/// A part's summary, or "(vide)" so that an empty part is still visible (and named).
fn shown(summary: String) -> String {
    if summary.trim().is_empty() {
        "(vide)".to_owned()
    } else {
        summary
    }
}

impl Window for ConflictWindow {
    fn is_open(&self) -> bool {
        self.open.is_some()
    }

    fn show(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        if let Some((index, record)) = self.window_ui(ctx, cx.conflicts, cx.records, cx.writable) {
            out.push(Command::ResolveConflict(index, Box::new(record)));
        }
    }
}
