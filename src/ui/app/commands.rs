//! Applying the frame's [`Command`]s, once, at its end: every save goes through the store.

use std::sync::Arc;

use crate::model::demo::demo_workshops;
use crate::model::demo::{add_demo_applications, demo_companies};
use crate::model::demo::{demo_beneficiaries, demo_partners};
use crate::model::preparation::sort_catalogue;
use crate::model::{Beneficiary, fresh_seed};
use crate::model::{OutcomeDraft, format_date};
use crate::store::journal::Operation;
use crate::ui::command::Command;
use crate::ui::tabs::Tab;
use chrono::Utc;
use egui::ViewportCommand;

use super::editor::{Closing, Editor, SaveState};
use super::{DEMO_COUNT, NewRecordFocus, ParcoursApp};

impl ParcoursApp {
    pub(super) fn apply_commands(&mut self, ctx: &egui::Context, now: f64) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::ShowView(view) => {
                    self.leave_form_field(ctx);
                    self.main_view = view;
                }
                Command::Select(id) => {
                    self.select(id, now);
                    self.leave_form_field(ctx);
                }
                Command::NewBeneficiary => {
                    if !self.store.is_writable() {
                        continue;
                    }
                    let mut record = Beneficiary::new(Utc::now());
                    // The counsellor who creates the record follows it, until said otherwise:
                    // it shows under "Mes bénéficiaires" at once.
                    if let Some(profile) = &self.profile {
                        record.referent.clone_from(&profile.name);
                    }
                    let id = record.id;
                    self.editors.insert(id, Editor::new(&record, true));
                    self.data.records_mut().insert(0, Arc::new(record));
                    self.records_changed();
                    self.list.clear_search();
                    self.select(id, now);
                    self.tab = Tab::Identity;
                    self.focus_new_record = Some(NewRecordFocus {
                        record: id,
                        since: now,
                    });
                    // Drawn at once, not at the next key: that key goes to the new field.
                    ctx.request_repaint();
                }
                Command::LoadDemo => self.load_demo(),
                Command::SaveNow => {
                    self.reveal_all();
                    self.autosave(now, true);
                }
                Command::SavePartner(partner) => match self.store.save_partner(&partner) {
                    Ok(_) => {
                        self.save_state = SaveState::Saved;
                        let (partners, problems) = self.store.load_partners();
                        self.data.partners = partners;
                        self.problems.extend(problems);
                    }
                    Err(error) => self.save_state = SaveState::Failed(error.to_string()),
                },
                Command::ResolveConflict(index, record) => {
                    let Some(conflict) = self.data.conflicts.get(index).cloned() else {
                        continue;
                    };
                    match self
                        .store
                        .resolve_conflict(&conflict, &record, self.today())
                    {
                        Ok(_) => {
                            self.save_state = SaveState::Saved;
                            self.editors.remove(&record.id);
                            let selected = self.selected.take();
                            self.reload();
                            if let Some(id) = selected {
                                self.select(id, now);
                            }
                        }
                        Err(error) => self.save_state = SaveState::Failed(error.to_string()),
                    }
                }
                Command::Restore(date) => {
                    // Valid edits belong to the data being replaced: saved first, they are in
                    // the "avant-restauration" copy.
                    self.autosave(now, true);
                    match self.store.restore(date) {
                        Ok(_) => self.save_state = SaveState::Idle,
                        Err(error) => self.save_state = SaveState::Failed(error.to_string()),
                    }
                    // Success or not, the folder changed under the loaded state.
                    self.editors.clear();
                    self.selected = None;
                    self.reload();
                }
                Command::DiscardAndClose => {
                    self.closing = Closing::Confirmed;
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
                Command::SaveCrecheSettings(settings) => {
                    match self.store.save_creche_settings(&settings) {
                        Ok(_) => {
                            *self.data.creche_settings_mut() = *settings;
                            self.windows.creche_settings.close();
                            self.save_state = SaveState::Saved;
                        }
                        Err(error) => self.windows.creche_settings.show_error(error.to_string()),
                    }
                }
                // The catalogue in memory follows what was written: reading the folder again
                // would cost a load per click and report its bad files a second time.
                Command::DeleteWorkshop(workshop) => match self.store.delete_workshop(&workshop) {
                    Ok(_) => {
                        self.save_state = SaveState::Saved;
                        self.data.workshops_mut().retain(|w| w.id != workshop.id);
                    }
                    Err(error) => self.save_state = SaveState::Failed(error.to_string()),
                },
                // What was written: merged with another Parcours' enrolments when there were.
                Command::SaveWorkshop(workshop) => {
                    match self.store.save_workshop_as_written(&workshop) {
                        Ok(written) => {
                            self.save_state = SaveState::Saved;
                            match self
                                .data
                                .workshops_mut()
                                .iter_mut()
                                .find(|w| w.id == workshop.id)
                            {
                                Some(kept) => *kept = written,
                                None => self.data.workshops_mut().push(written),
                            }
                            sort_catalogue(self.data.workshops_mut());
                        }
                        Err(error) => {
                            self.save_state = SaveState::Failed(error.to_string());
                            // Full since (another Parcours took the last place): the catalogue
                            // shows the workshop as it now is.
                            if let Some(now) = self.store.read_workshop(&workshop)
                                && let Some(kept) = self
                                    .data
                                    .workshops_mut()
                                    .iter_mut()
                                    .find(|w| w.id == workshop.id)
                            {
                                *kept = now;
                            }
                        }
                    }
                }
                Command::SaveSettings(settings) => match self.store.save_settings(&settings) {
                    Ok(()) => {
                        self.data.settings = *settings;
                        self.save_state = SaveState::Saved;
                        self.windows.settings.close();
                    }
                    Err(error) => self.save_state = SaveState::Failed(error.to_string()),
                },
                Command::OpenCrecheSettings => {
                    self.windows
                        .creche_settings
                        .open(self.data.creche_settings());
                }
                Command::BookCrecheForWorkshop(workshop) => {
                    if let Some(shown) = self.shown_record() {
                        self.tabs.creche.prefill_for_workshop(
                            &workshop,
                            &shown,
                            self.data.creche_settings(),
                        );
                        self.tab = Tab::Creche;
                    }
                }
                Command::BookCrecheForInterview(interview) => {
                    if let Some(shown) = self.shown_record() {
                        self.tabs.creche.prefill_for_interview(
                            &interview,
                            &shown,
                            self.data.creche_settings(),
                        );
                        self.tab = Tab::Creche;
                    }
                }
                Command::Open(id, tab) => {
                    self.select(id, now);
                    self.leave_form_field(ctx);
                    self.tab = tab;
                }
                Command::UndoRemoval(index) => self.undo_removal(index, now),
                Command::SaveCompanies(companies) => {
                    self.save_companies(&companies);
                }
                Command::ImportCompanies(companies) => {
                    let saved = self.save_companies(&companies);
                    if saved > 0 {
                        self.store.journal_import(saved);
                    }
                }
                Command::Exported(id) => self.store.journal_event(&Operation::Export, Some(id)),
                Command::SetApplications(id, applications) => {
                    self.set_applications(id, applications);
                }
                Command::ClosePathway(id, kind, date) => {
                    let today = self.today();
                    if let Some(index) = self.index_of(id)
                        && let Some(editor) = self.editors.get_mut(&id)
                    {
                        editor.draft.outcome = Some(OutcomeDraft {
                            kind,
                            date: format_date(date),
                            months: String::new(),
                        });
                        editor.last_edit = now;
                        editor.revalidate(&self.data.records()[index], today);
                    }
                }
                Command::ChangeCounsellor => self.change_counsellor(),
                Command::EncryptFolder => {
                    self.open_vault_dialog(super::vault_dialogs::VaultDialog::encrypt());
                }
                Command::ChangePassphrase => {
                    self.open_vault_dialog(super::vault_dialogs::VaultDialog::change());
                }
                Command::RenewRecoveryKey => {
                    self.open_vault_dialog(super::vault_dialogs::VaultDialog::Renew);
                }
                Command::Printed(id, document) => self.store.journal_print(id, document),
                Command::Erase(id) => self.erase(id),
                Command::ExtendRetention(id, extension) => self.extend_retention(id, extension),
                Command::OpenWorkshop(id) => {
                    let Some(workshop) = self.data.workshops().iter().find(|w| w.id == id).cloned()
                    else {
                        continue;
                    };
                    // The catalogue is drawn over a record: the one shown, else a person
                    // enrolled, else the list's first.
                    let over = self
                        .selected
                        .or_else(|| workshop.enrolments.first().map(|e| e.beneficiary))
                        .or_else(|| self.data.records().first().map(|r| r.id));
                    let Some(over) = over else { continue };
                    self.select(over, now);
                    self.leave_form_field(ctx);
                    self.tab = Tab::Preparation;
                    self.tabs.preparation.edit_workshop(&workshop);
                }
                Command::PlanAppointment(id, appointment) => {
                    self.select(id, now);
                    self.leave_form_field(ctx);
                    self.tab = Tab::Preparation;
                    self.edit_appointments(id, now, |list| list.push(*appointment));
                }
                Command::SetAppointmentStatus(id, appointment, status) => {
                    self.edit_appointments(id, now, |list| {
                        if let Some(a) = list.iter_mut().find(|a| a.id == appointment) {
                            a.status = status;
                        }
                    });
                    // Saved now, not after the typing delay: the home screen's lists follow.
                    self.autosave(now, true);
                }
                Command::BookCrecheForAppointment(appointment) => {
                    if let Some(shown) = self.shown_record() {
                        self.tabs.creche.prefill_for_appointment(
                            &appointment,
                            &shown,
                            self.data.creche_settings(),
                        );
                        self.tab = Tab::Creche;
                    }
                }
            }
        }
    }

    /// Changes a record's appointments through its form (opened if it was not), as a click in
    /// its "Préparation à l'emploi" tab would: validated again, then autosaved.
    fn edit_appointments(
        &mut self,
        id: crate::model::BeneficiaryId,
        now: f64,
        change: impl FnOnce(&mut Vec<crate::model::preparation::Appointment>),
    ) {
        let today = self.today();
        let Some(index) = self.index_of(id) else {
            return;
        };
        if !self.store.is_writable() {
            return;
        }
        let editor = self
            .editors
            .entry(id)
            .or_insert_with(|| Editor::new(&self.data.records()[index], false));
        change(&mut editor.draft.preparation.appointments);
        editor.last_edit = now;
        editor.revalidate(&self.data.records()[index], today);
    }

    /// Erases a record through the store; the anonymised version replaces it in memory, its
    /// edit in progress and any conflict copy of it go, and it is no longer shown.
    /// Saves companies of the directory, then reloads it; returns how many were saved (all,
    /// unless a write failed, which the status bar then says).
    fn save_companies(&mut self, companies: &[crate::model::companies::Company]) -> usize {
        let mut saved = 0;
        for company in companies {
            if let Err(error) = self.store.save_company(company) {
                self.save_state = SaveState::Failed(error.to_string());
                break;
            }
            saved += 1;
            self.save_state = SaveState::Saved;
        }
        let (companies, _) = self.store.load_companies();
        *self.data.companies_mut() = companies;
        saved
    }

    fn erase(&mut self, id: crate::model::BeneficiaryId) {
        if !self.store.is_writable() {
            return;
        }
        let today = self.today();
        match self.store.erase(id, today) {
            Ok(report) => {
                self.editors.remove(&id);
                self.data.conflicts.retain(|c| c.other.id != id);
                if self.index_of(id).is_some() {
                    self.put_record(report.anonymised);
                }
                if self.selected == Some(id) {
                    self.selected = None;
                }
                self.save_state = SaveState::Saved;
            }
            Err(error) => self.save_state = SaveState::Failed(error.to_string()),
        }
    }

    /// Keeps a record past the retention period: saved at once, without counting as a contact
    /// (the record's last change date stays).
    fn extend_retention(
        &mut self,
        id: crate::model::BeneficiaryId,
        extension: crate::model::record::RetentionExtension,
    ) {
        let today = self.today();
        let Some(index) = self.index_of(id) else {
            return;
        };
        let mut record = Beneficiary::clone(&self.data.records()[index]);
        record.protection.extension = Some(extension.clone());
        match self.store.save_beneficiary(&record, today) {
            Ok(_) => {
                self.put_record(record);
                let index = self.index_of(id);
                if let (Some(editor), Some(index)) = (self.editors.get_mut(&id), index) {
                    editor.draft.protection.extension = Some(extension);
                    editor.revalidate(&self.data.records()[index], today);
                }
                self.save_state = SaveState::Saved;
            }
            Err(error) => self.save_state = SaveState::Failed(error.to_string()),
        }
    }

    pub(super) fn load_demo(&mut self) {
        let today = self.today();
        for partner in demo_partners() {
            if !self.data.partners.iter().any(|p| p.id == partner.id)
                && let Err(error) = self.store.save_partner(&partner)
            {
                self.save_state = SaveState::Failed(error.to_string());
            }
        }
        let companies = demo_companies(today);
        for company in &companies {
            if !self.data.companies().iter().any(|c| c.id == company.id)
                && let Err(error) = self.store.save_company(company)
            {
                self.save_state = SaveState::Failed(error.to_string());
            }
        }
        let mut records = demo_beneficiaries(DEMO_COUNT, today, fresh_seed());
        add_demo_applications(&mut records, &companies, today);
        for record in &records {
            if let Err(error) = self.store.save_beneficiary(record, today) {
                self.save_state = SaveState::Failed(error.to_string());
                break;
            }
        }
        for workshop in demo_workshops(&records, today) {
            if let Err(error) = self.store.save_workshop(&workshop) {
                self.save_state = SaveState::Failed(error.to_string());
                break;
            }
        }
        self.reload();
        if let Some(first) = self.data.records().first().map(|b| b.id) {
            self.select(first, 0.0);
        }
    }
}
