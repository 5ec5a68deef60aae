//! The "Fiche en double" window: a record found in two files (a sync tool's conflict copy) is
//! shown side by side, part by part; the counsellor keeps one version, the other, or merges
//! them part by part. Nothing is picked silently.

use std::collections::HashMap;

use chrono::Utc;
use egui::{RichText, Ui};

use crate::model::sync::AskedPart;
use crate::model::{Beneficiary, RecordPart, Side, merge};
use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::windows::Window;
use crate::ui::{text, theme};

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

    /// Draws the window when open; the version chosen becomes a [`Command::ResolveConflict`].
    fn window_ui(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        let Some(index) = self.open else {
            return;
        };
        let Some(conflict) = cx.conflicts.get(index) else {
            self.open = None;
            return;
        };
        let Some(kept) = cx.records.iter().find(|b| b.id == conflict.other.id) else {
            self.open = None;
            return;
        };
        let writable = cx.writable;
        let other = &conflict.other;
        let mut window_open = true;
        let mut resolved = None;
        egui::Window::new(text::conflict::TITLE)
            .open(&mut window_open)
            .default_width(820.0)
            .show(ctx, |ui| {
                ui.label(text::conflict::explanation(&kept.display_name()));
                ui.label(text::conflict::AUTO_MERGED);
                if let Some(name) = &conflict.name {
                    ui.label(
                        RichText::new(text::conflict::copy_origin(
                            name.tool.label(),
                            &name.who,
                            name.time,
                        ))
                        .small(),
                    );
                }
                ui.label(
                    RichText::new(text::conflict::path_a(&conflict.kept_path))
                        .small()
                        .weak(),
                );
                ui.label(
                    RichText::new(text::conflict::path_b(&conflict.other_path))
                        .small()
                        .weak(),
                );
                ui.add_space(theme::SPACE_M);
                egui::ScrollArea::vertical()
                    .max_height(420.0)
                    .show(ui, |ui| {
                        self.parts_ui(ui, kept, other, &conflict.asked);
                    });
                ui.add_space(theme::SPACE_M);
                ui.add_enabled_ui(writable, |ui| {
                    ui.horizontal(|ui| {
                        if ui.button(text::conflict::KEEP_A).clicked() {
                            resolved = Some(merge(kept, other, |_| Side::Kept, Utc::now()));
                        }
                        if ui.button(text::conflict::KEEP_B).clicked() {
                            resolved = Some(merge(kept, other, |_| Side::Other, Utc::now()));
                        }
                        if ui.button(text::conflict::MERGE).clicked() {
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
        let Some(record) = resolved else {
            return;
        };
        self.open = None;
        self.choices.clear();
        out.push(Command::ResolveConflict(index, Box::new(record)));
    }

    fn parts_ui(
        &mut self,
        ui: &mut Ui,
        kept: &Beneficiary,
        other: &Beneficiary,
        asked: &[AskedPart],
    ) {
        egui::Grid::new("conflict-parts")
            .num_columns(3)
            .striped(true)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                ui.label("");
                ui.label(RichText::new(text::conflict::VERSION_A).strong());
                ui.label(RichText::new(text::conflict::VERSION_B).strong());
                ui.end_row();
                for part in RecordPart::ALL {
                    ui.label(part.label());
                    if part.differs(kept, other) {
                        let authors = asked.iter().find(|a| a.part == part);
                        let choice = self.choices.entry(part).or_default();
                        for (side, version, change) in [
                            (Side::Kept, kept, authors.map(|a| &a.first)),
                            (Side::Other, other, authors.map(|a| &a.second)),
                        ] {
                            ui.vertical(|ui| {
                                ui.radio_value(choice, side, shown(part.summary(version)));
                                if let Some(change) = change {
                                    ui.label(
                                        RichText::new(text::conflict::changed_by(
                                            &change.by, change.at,
                                        ))
                                        .small()
                                        .weak(),
                                    );
                                }
                            });
                        }
                    } else {
                        ui.label(RichText::new(shown(part.summary(kept))).weak());
                        ui.label(
                            RichText::new(text::conflict::SAME)
                                .italics()
                                .color(theme::OK),
                        );
                    }
                    ui.end_row();
                }
            });
    }
}

/// A part's summary, or "(vide)" so that an empty part is still visible (and named).
fn shown(summary: String) -> String {
    if summary.trim().is_empty() {
        text::conflict::EMPTY.to_owned()
    } else {
        summary
    }
}

impl Window for ConflictWindow {
    fn is_open(&self) -> bool {
        self.open.is_some()
    }

    fn show(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        self.window_ui(ctx, cx, out);
    }
}
