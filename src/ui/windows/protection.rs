//! "Protection des données": the records whose last contact is older than the retention period,
//! each with "Effacer…" (a confirmation naming the person) and "Prolonger…" (a date and a
//! required reason); and the erasure of any record on the person's request.

use chrono::NaiveDate;
use egui::RichText;

use crate::model::record::{
    Beneficiary, BeneficiaryId, LastContact, RetentionExtension, WorkshopContacts, due_indexed,
    format_date, is_anonymised, name_order_key, parse_date,
};
use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::windows::Window;
use crate::ui::{text, theme};

/// One record due for erasure.
#[derive(Debug, Clone)]
struct Due {
    id: BeneficiaryId,
    name: String,
    last: LastContact,
}

/// What the due list was computed from: computed again only when one of these changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    today: NaiveDate,
    records: usize,
    edits: i64,
    workshops: usize,
    months: u32,
}

fn key(cx: &ViewContext<'_>) -> Key {
    Key {
        today: cx.today,
        records: cx.records.len(),
        edits: cx
            .records
            .iter()
            .map(|r| r.updated_at.timestamp() ^ i64::from(r.protection.extension.is_some()))
            .fold(0_i64, i64::wrapping_add),
        workshops: cx.workshops.len(),
        months: cx.settings.retention_months,
    }
}

/// Every record due for erasure on `cx.today`, oldest contact first.
fn due_list(cx: &ViewContext<'_>) -> Vec<Due> {
    let contacts = WorkshopContacts::new(cx.workshops);
    let mut due: Vec<Due> = cx
        .records
        .iter()
        .filter_map(|r| {
            due_indexed(r, &contacts, cx.settings, cx.today).map(|last| Due {
                id: r.id,
                name: r.display_name(),
                last,
            })
        })
        .collect();
    due.sort_by(|a, b| (a.last.date, &a.name).cmp(&(b.last.date, &b.name)));
    due
}

/// The extension form in progress.
#[derive(Debug, Clone, Default)]
struct ExtendForm {
    id: Option<BeneficiaryId>,
    name: String,
    until: String,
    reason: String,
    error: Option<&'static str>,
}

/// The "Protection des données" window.
#[derive(Debug, Default)]
pub struct ProtectionWindow {
    open: bool,
    cache: Option<(Key, Vec<Due>)>,
    /// The person whose erasure waits for confirmation.
    confirm: Option<(BeneficiaryId, String)>,
    extend: ExtendForm,
    /// The person picked for an erasure on request.
    picked: Option<BeneficiaryId>,
}

impl ProtectionWindow {
    /// Opens the window.
    pub fn open(&mut self) {
        self.open = true;
        self.cache = None;
    }

    fn due(&mut self, cx: &ViewContext<'_>) -> Vec<Due> {
        let key = key(cx);
        match &self.cache {
            Some((cached, due)) if *cached == key => due.clone(),
            _ => {
                let due = due_list(cx);
                self.cache = Some((key, due.clone()));
                due
            }
        }
    }

    fn due_ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, due: &[Due]) {
        let months = cx.settings.retention_months;
        ui.strong(text::protection::due_heading(months));
        ui.add_space(theme::SPACE_S);
        if due.is_empty() {
            ui.label(RichText::new(text::protection::DUE_NONE).weak());
            return;
        }
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                egui::Grid::new("retention-due")
                    .num_columns(4)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        for header in text::protection::HEADERS {
                            ui.label(RichText::new(header).weak());
                        }
                        ui.end_row();
                        for line in due {
                            ui.label(&line.name);
                            ui.label(format_date(line.last.date));
                            ui.label(text::protection::why(line.last.kind.label(), months));
                            ui.horizontal(|ui| {
                                ui.add_enabled_ui(cx.writable, |ui| {
                                    if ui.button(text::protection::ERASE).clicked() {
                                        self.confirm = Some((line.id, line.name.clone()));
                                    }
                                    if ui.button(text::protection::EXTEND).clicked() {
                                        self.extend = ExtendForm {
                                            id: Some(line.id),
                                            name: line.name.clone(),
                                            ..ExtendForm::default()
                                        };
                                    }
                                });
                            });
                            ui.end_row();
                        }
                    });
            });
    }

    fn on_request_ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>) {
        ui.strong(text::protection::ON_REQUEST_HEADING);
        ui.add_space(theme::SPACE_S);
        let mut people: Vec<&Beneficiary> = cx
            .records
            .iter()
            .map(|r| &**r)
            .filter(|r| !is_anonymised(r))
            .collect();
        people.sort_by_cached_key(|b| (name_order_key(b), b.id));
        let picked_name = self
            .picked
            .and_then(|id| people.iter().find(|b| b.id == id))
            .map(|b| b.display_name());
        ui.horizontal(|ui| {
            let label = ui.label(text::protection::PICK_PERSON);
            egui::ComboBox::from_id_salt("erase-on-request")
                .selected_text(
                    picked_name
                        .clone()
                        .unwrap_or_else(|| text::protection::PICK_NONE.to_owned()),
                )
                .width(260.0)
                .show_ui(ui, |ui| {
                    for person in &people {
                        ui.selectable_value(
                            &mut self.picked,
                            Some(person.id),
                            person.display_name(),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
            let enabled = cx.writable && picked_name.is_some();
            if ui
                .add_enabled(
                    enabled,
                    egui::Button::new(text::protection::ERASE_ON_REQUEST),
                )
                .clicked()
                && let (Some(id), Some(name)) = (self.picked, picked_name.clone())
            {
                self.confirm = Some((id, name));
            }
        });
    }

    fn extend_ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        let Some(id) = self.extend.id else {
            return;
        };
        ui.separator();
        ui.strong(text::protection::extend_title(&self.extend.name));
        egui::Grid::new("retention-extend")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label(text::protection::EXTEND_UNTIL);
                ui.add(
                    egui::TextEdit::singleline(&mut self.extend.until)
                        .hint_text(text::common::DATE_HINT)
                        .desired_width(120.0),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(text::protection::EXTEND_REASON);
                ui.add(egui::TextEdit::multiline(&mut self.extend.reason).desired_rows(2))
                    .labelled_by(label.id);
                ui.end_row();
            });
        if let Some(error) = self.extend.error {
            ui.label(RichText::new(error).color(theme::ERROR));
        }
        ui.horizontal(|ui| {
            if ui.button(text::protection::EXTEND_SAVE).clicked() {
                match extension(&self.extend.until, &self.extend.reason, cx.today) {
                    Ok(extension) => {
                        out.push(Command::ExtendRetention(id, extension));
                        self.extend = ExtendForm::default();
                        self.cache = None;
                    }
                    Err(error) => self.extend.error = Some(error),
                }
            }
            if ui.button(text::common::CANCEL).clicked() {
                self.extend = ExtendForm::default();
            }
        });
    }

    fn confirm_ui(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let Some((id, name)) = self.confirm.clone() else {
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("erase-confirmation")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading(text::protection::CONFIRM_TITLE);
            ui.add_space(theme::SPACE_S);
            ui.label(text::protection::confirm_body(&name));
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                let erase = egui::Button::new(
                    RichText::new(text::protection::confirm_button(&name)).color(theme::ERROR),
                );
                if ui.add(erase).clicked() {
                    out.push(Command::Erase(id));
                    self.confirm = None;
                    self.picked = None;
                    self.cache = None;
                }
                if ui.button(text::common::CANCEL).clicked() {
                    self.confirm = None;
                }
            });
        });
        if modal.should_close() {
            self.confirm = None;
        }
    }
}

/// The extension typed: a date after `today` and a reason, or why not.
fn extension(
    until: &str,
    reason: &str,
    today: NaiveDate,
) -> Result<RetentionExtension, &'static str> {
    let Ok(Some(until)) = parse_date(until) else {
        return Err(text::protection::EXTEND_BAD_DATE);
    };
    if until <= today {
        return Err(text::protection::EXTEND_PAST_DATE);
    }
    if reason.trim().is_empty() {
        return Err(text::protection::EXTEND_NO_REASON);
    }
    Ok(RetentionExtension {
        until,
        reason: reason.trim().to_owned(),
    })
}

impl Window for ProtectionWindow {
    fn is_open(&self) -> bool {
        self.open
    }

    fn show(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        let due = self.due(cx);
        let mut open = self.open;
        egui::Window::new(text::common::PROTECTION_OPEN)
            .open(&mut open)
            .default_width(760.0)
            .show(ctx, |ui| {
                if !cx.writable {
                    ui.label(RichText::new(text::protection::READ_ONLY).color(theme::WARNING));
                }
                self.due_ui(ui, cx, &due);
                self.extend_ui(ui, cx, out);
                ui.separator();
                self.on_request_ui(ui, cx);
            });
        self.open = open;
        if self.open {
            self.confirm_ui(ctx, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::dates::test_support::d;

    #[test]
    fn an_extension_needs_a_future_date_and_a_reason() {
        let today = d(2026, 11, 27);
        assert_eq!(
            extension("01/06/2027", "  Contentieux en cours ", today),
            Ok(RetentionExtension {
                until: d(2027, 6, 1),
                reason: "Contentieux en cours".into()
            })
        );
        assert_eq!(
            extension("1er juin", "Contentieux", today),
            Err(text::protection::EXTEND_BAD_DATE)
        );
        assert_eq!(
            extension("27/11/2026", "Contentieux", today),
            Err(text::protection::EXTEND_PAST_DATE)
        );
        assert_eq!(
            extension("01/06/2027", " ", today),
            Err(text::protection::EXTEND_NO_REASON)
        );
    }
}
