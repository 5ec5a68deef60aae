//! The windows of the "Entreprises" tab: the companies' directory (search, company and offer
//! editor, people ranked for an offer) and the CSV import preview (mapping of the columns,
//! invalid rows explained, new and updated companies), where nothing is written until the
//! counsellor confirms.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{RichText, TextEdit, Ui};

use crate::model::csv_import::{self, Action, Column, Preview};
use crate::model::matching::rank_beneficiaries;
use crate::model::{
    Beneficiary, CefrLevel, Company, CompanyContact, CompanyError, CompanyField, ContractKind,
    CrecheSettings, Offer, OfferId, OfferSchedule, OfferStatus, SearchQuery, SiaeKind, check_siret,
    format_date, normalize_ape, parse_date,
};
use crate::ui::tabs::companies::CompaniesAction;
use crate::ui::widgets::choice_box;
use crate::ui::widgets::rome_picker::RomePicker;
use crate::ui::{text, theme};

pub const DIRECTORY_TITLE: &str = "Annuaire des entreprises";
pub const SEARCH: &str = "Rechercher une entreprise";
pub const NEW_COMPANY: &str = "Nouvelle entreprise";
pub const NAME: &str = "Raison sociale";
pub const SIRET: &str = "SIRET";
pub const APE: &str = "Code APE/NAF";
pub const ADDRESS: &str = "Adresse";
pub const POSTCODE: &str = "Code postal";
pub const TOWN: &str = "Ville";
pub const CLAUSES: &str = "Clauses d'insertion dans ses marchés publics";
pub const NOTES: &str = "Notes";
pub const ADD_CONTACT: &str = "Ajouter un contact";
pub const ADD_OFFER: &str = "Ajouter une offre";
pub const SAVE_COMPANY: &str = "Enregistrer l'entreprise";
pub const SAVED: &str = "Demande d'enregistrement envoyée.";
pub const FIX_FIRST: &str = "Corrigez les champs signalés en rouge avant d'enregistrer.";
pub const IMPORT_TITLE: &str = "Importer des entreprises (CSV)";
pub const MAPPING: &str = "Correspondance des colonnes";
pub const IGNORED: &str = "Ignorée";
pub const INVALID_ROWS: &str = "Lignes invalides";
pub const CONFIRM_IMPORT: &str = "Importer";
pub const CANCEL_IMPORT: &str = "Annuler l'import";
pub const NOTHING_TO_IMPORT: &str = "Aucune ligne valide à importer.";

/// An offer's fields that are typed as text.
#[derive(Debug, Clone, Default)]
struct OfferText {
    hours: String,
    start: String,
    skills: String,
    diplomas: String,
    positions: String,
}

impl OfferText {
    fn of(offer: &Offer) -> Self {
        Self {
            hours: offer
                .weekly_hours
                .map(|h| h.to_string())
                .unwrap_or_default(),
            start: offer.start_date.map(format_date).unwrap_or_default(),
            skills: offer.required_skills.join(", "),
            diplomas: offer.required_diplomas.join(", "),
            positions: offer.positions.to_string(),
        }
    }
}

/// The company being edited.
struct CompanyDraft {
    company: Company,
    offers: Vec<OfferText>,
    /// Messages per field, from typing (dates, numbers) and from the company's rules.
    errors: Vec<CompanyError>,
    status: Option<String>,
}

impl CompanyDraft {
    fn of(company: &Company) -> Self {
        Self {
            offers: company.offers.iter().map(OfferText::of).collect(),
            company: company.clone(),
            errors: Vec::new(),
            status: None,
        }
    }

    /// The company with the typed texts parsed in, or the messages.
    fn build(&mut self, others: &[Company]) -> Option<Company> {
        let mut company = self.company.clone();
        let mut errors = Vec::new();
        if let Ok(siret) = check_siret(&company.siret) {
            company.siret = siret;
        }
        if let Ok(ape) = normalize_ape(&company.ape) {
            company.ape = ape;
        }
        let list = |text: &str| -> Vec<String> {
            text.split([',', ';', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        for (index, (offer, text)) in company.offers.iter_mut().zip(&self.offers).enumerate() {
            offer.weekly_hours = if text.hours.trim().is_empty() {
                None
            } else if let Ok(hours) = text.hours.trim().parse() {
                Some(hours)
            } else {
                errors.push(CompanyError {
                    field: CompanyField::OfferHours(index),
                    message: "Nombre d'heures entier attendu.".to_owned(),
                });
                None
            };
            // The same message as every date field ("Cette date n'existe pas : 31/02/2025.").
            offer.start_date = parse_date(&text.start).unwrap_or_else(|message| {
                errors.push(CompanyError {
                    field: CompanyField::OfferStart(index),
                    message,
                });
                None
            });
            match text.positions.trim().parse() {
                Ok(positions) => offer.positions = positions,
                Err(_) => errors.push(CompanyError {
                    field: CompanyField::OfferPositions(index),
                    message: "Nombre de postes entier attendu.".to_owned(),
                }),
            }
            offer.required_skills = list(&text.skills);
            offer.required_diplomas = list(&text.diplomas);
        }
        errors.extend(company.validate());
        // The SIRET identifies a company in imports: two files with one SIRET would make the
        // next import update either.
        if let Some(other) = others
            .iter()
            .find(|c| c.id != company.id && !c.siret.is_empty() && c.siret == company.siret)
        {
            errors.push(CompanyError {
                field: CompanyField::Siret,
                message: format!("« {} » a déjà ce SIRET dans l'annuaire.", other.name),
            });
        }
        self.errors = errors;
        self.errors.is_empty().then_some(company)
    }
}

/// A labelled single-line field with its messages beside it.
fn field_row(ui: &mut Ui, label: &str, value: &mut String, messages: &[&str]) {
    let label = ui.label(label);
    ui.horizontal(|ui| {
        ui.add(TextEdit::singleline(value).desired_width(theme::FIELD_WIDTH))
            .labelled_by(label.id);
        for message in messages {
            ui.label(RichText::new(*message).color(theme::ERROR));
        }
    });
    ui.end_row();
}

/// One grid row: a label and a drop-down list named by it.
fn choice_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    enabled: bool,
    value: &mut T,
    options: &[T],
    label_of: impl Fn(T) -> String,
) {
    let id = ui.label(label).id;
    choice_box(ui, label, id, enabled, value, options, &label_of);
    ui.end_row();
}

/// The companies' directory window.
#[derive(Default)]
pub struct DirectoryWindow {
    /// Whether the window shows.
    pub open: bool,
    search: String,
    editing: Option<CompanyDraft>,
    pickers: HashMap<OfferId, RomePicker>,
}

/// The people the directory ranks for an offer, with the crèche's settings that tell whose
/// child is of crèche age (childcare weighs on the hours).
#[derive(Debug, Clone, Copy)]
pub struct Candidates<'a> {
    /// Every record.
    pub people: &'a [Beneficiary],
    /// The crèche's settings.
    pub creche: &'a CrecheSettings,
}

impl DirectoryWindow {
    /// Draws the window when open; returns the saves asked for.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        companies: &[Company],
        people: Candidates<'_>,
        writable: bool,
        today: NaiveDate,
    ) -> Vec<CompaniesAction> {
        let mut actions = Vec::new();
        if !self.open {
            return actions;
        }
        let mut open = self.open;
        egui::Window::new(DIRECTORY_TITLE)
            .open(&mut open)
            .default_size([980.0, 620.0])
            .show(ctx, |ui| {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(300.0);
                        self.list_ui(ui, companies);
                    });
                    ui.separator();
                    egui::ScrollArea::vertical()
                        .id_salt("company_editor")
                        .show(ui, |ui| {
                            // The row above is horizontal: the editor reads top to bottom.
                            ui.vertical(|ui| {
                                self.editor_ui(
                                    ui,
                                    companies,
                                    people,
                                    writable,
                                    today,
                                    &mut actions,
                                );
                            });
                        });
                });
            });
        self.open = open;
        actions
    }

    fn list_ui(&mut self, ui: &mut Ui, companies: &[Company]) {
        let label = ui.label(SEARCH);
        ui.add(
            TextEdit::singleline(&mut self.search)
                .hint_text("Nom, ville, SIRET…")
                .desired_width(280.0),
        )
        .labelled_by(label.id);
        if ui.button(NEW_COMPANY).clicked() {
            self.editing = Some(CompanyDraft::of(&Company::new()));
        }
        ui.separator();
        let query = SearchQuery::new(&self.search);
        egui::ScrollArea::vertical()
            .id_salt("company_list")
            .max_height(520.0)
            .show(ui, |ui| {
                for company in companies {
                    let text = format!(
                        "{} {} {} {}",
                        company.name, company.town, company.siret, company.ape
                    );
                    if !query.matches(&crate::model::fold(&text)) {
                        continue;
                    }
                    let open = company.open_offers().count();
                    let selected = self
                        .editing
                        .as_ref()
                        .is_some_and(|d| d.company.id == company.id);
                    let line = format!(
                        "{} — {} ({open} offre(s) ouverte(s))",
                        company.name, company.town
                    );
                    if ui.selectable_label(selected, line).clicked() {
                        self.editing = Some(CompanyDraft::of(company));
                    }
                }
            });
    }

    fn editor_ui(
        &mut self,
        ui: &mut Ui,
        companies: &[Company],
        people: Candidates<'_>,
        writable: bool,
        today: NaiveDate,
        actions: &mut Vec<CompaniesAction>,
    ) {
        let Some(draft) = self.editing.as_mut() else {
            ui.label(
                RichText::new("Choisissez une entreprise dans la liste, ou créez-en une.").weak(),
            );
            return;
        };
        ui.add_enabled_ui(writable, |ui| {
            let errors: HashMap<CompanyField, Vec<String>> =
                draft.errors.iter().fold(HashMap::new(), |mut map, e| {
                    map.entry(e.field).or_default().push(e.message.clone());
                    map
                });
            let messages = |field| -> Vec<&str> {
                errors
                    .get(&field)
                    .map(|m| m.iter().map(String::as_str).collect())
                    .unwrap_or_default()
            };
            let company = &mut draft.company;
            egui::Grid::new("company_fields")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    field_row(ui, NAME, &mut company.name, &messages(CompanyField::Name));
                    field_row(
                        ui,
                        SIRET,
                        &mut company.siret,
                        &messages(CompanyField::Siret),
                    );
                    field_row(ui, APE, &mut company.ape, &messages(CompanyField::Ape));
                    if let Some(sector) = company
                        .naf_division()
                        .and_then(|d| crate::model::rome::catalog().sector(d))
                    {
                        ui.label("");
                        ui.label(RichText::new(format!("Secteur : {}", sector.label)).weak());
                        ui.end_row();
                    }
                    field_row(ui, ADDRESS, &mut company.address, &[]);
                    field_row(
                        ui,
                        POSTCODE,
                        &mut company.postcode,
                        &messages(CompanyField::Postcode),
                    );
                    field_row(ui, TOWN, &mut company.town, &[]);
                    ui.label("");
                    ui.checkbox(&mut company.insertion_clauses, CLAUSES);
                    ui.end_row();
                    let kinds: Vec<Option<SiaeKind>> = std::iter::once(None)
                        .chain(SiaeKind::ALL.map(Some))
                        .collect();
                    choice_row(
                        ui,
                        text::companies::SIAE,
                        true,
                        &mut company.siae,
                        &kinds,
                        |k| {
                            k.map_or_else(
                                || text::companies::NOT_SIAE.to_owned(),
                                |k| format!("{} ({})", k.label(), k.name()),
                            )
                        },
                    );
                    let label = ui.label(NOTES);
                    ui.add(TextEdit::multiline(&mut company.notes).desired_rows(2))
                        .labelled_by(label.id);
                    ui.end_row();
                });
            ui.add_space(theme::SECTION_GAP);
            ui.heading("Contacts");
            let mut removed = None;
            for (index, contact) in company.contacts.iter_mut().enumerate() {
                let n = index + 1;
                egui::Grid::new(("contact", index))
                    .num_columns(2)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        field_row(ui, &format!("Nom (contact {n})"), &mut contact.name, &[]);
                        field_row(
                            ui,
                            &format!("Fonction (contact {n})"),
                            &mut contact.role,
                            &[],
                        );
                        field_row(
                            ui,
                            &format!("Téléphone (contact {n})"),
                            &mut contact.phone,
                            &[],
                        );
                        field_row(
                            ui,
                            &format!("E-mail (contact {n})"),
                            &mut contact.email,
                            &messages(CompanyField::ContactEmail(index)),
                        );
                    });
                if ui.button(format!("Retirer le contact {n}")).clicked() {
                    removed = Some(index);
                }
            }
            if let Some(index) = removed {
                company.contacts.remove(index);
            }
            if ui.button(ADD_CONTACT).clicked() {
                company.contacts.push(CompanyContact::default());
            }
            ui.add_space(theme::SECTION_GAP);
            ui.heading("Offres d'emploi");
            // The company as saved in the draft, for the people ranked under each offer.
            let snapshot = company.clone();
            for (index, (offer, text)) in company
                .offers
                .iter_mut()
                .zip(draft.offers.iter_mut())
                .enumerate()
            {
                let n = index + 1;
                let picker = self.pickers.entry(offer.id).or_default();
                egui::CollapsingHeader::new(format!(
                    "Offre {n} : {} ({})",
                    offer.title,
                    offer.status.label()
                ))
                .id_salt(("offer", offer.id))
                .default_open(offer.title.is_empty())
                .show(ui, |ui| {
                    offer_ui(ui, n, index, offer, text, picker, &messages);
                    egui::CollapsingHeader::new(format!("Bénéficiaires classés pour l'offre {n}"))
                        .id_salt(("reverse", offer.id))
                        .show(ui, |ui| reverse_ui(ui, &snapshot, offer, people, today));
                });
            }
            if ui.button(ADD_OFFER).clicked() {
                let mut offer = Offer::new();
                offer.town.clone_from(&company.town);
                offer.postcode.clone_from(&company.postcode);
                draft.offers.push(OfferText::of(&offer));
                company.offers.push(offer);
            }
        });
        ui.add_space(theme::SECTION_GAP);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(writable, egui::Button::new(SAVE_COMPANY))
                .clicked()
            {
                match draft.build(companies) {
                    Some(company) => {
                        draft.company = company.clone();
                        draft.status = Some(SAVED.to_owned());
                        actions.push(CompaniesAction::SaveCompanies(vec![company]));
                    }
                    None => draft.status = Some(FIX_FIRST.to_owned()),
                }
            }
            if let Some(status) = &draft.status {
                let colour = if draft.errors.is_empty() {
                    theme::OK
                } else {
                    theme::ERROR
                };
                ui.label(RichText::new(status).color(colour));
            }
        });
    }
}

/// One offer's fields.
fn offer_ui<'m>(
    ui: &mut Ui,
    n: usize,
    index: usize,
    offer: &mut Offer,
    text: &mut OfferText,
    picker: &mut RomePicker,
    messages: &dyn Fn(CompanyField) -> Vec<&'m str>,
) {
    let enabled = ui.is_enabled();
    egui::Grid::new(("offer_fields", offer.id))
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            field_row(
                ui,
                &format!("Intitulé (offre {n})"),
                &mut offer.title,
                &messages(CompanyField::OfferTitle(index)),
            );
            picker.ui_with_id_salt(
                ui,
                ("offer_rome", offer.id),
                &format!("Métier ROME (offre {n})"),
                &mut offer.rome_code,
                enabled,
            );
            ui.end_row();
            for message in messages(CompanyField::OfferRome(index)) {
                ui.label("");
                ui.label(RichText::new(message).color(theme::ERROR));
                ui.end_row();
            }
            choice_row(
                ui,
                &format!("Contrat (offre {n})"),
                enabled,
                &mut offer.contract,
                &ContractKind::ALL,
                |c: ContractKind| c.label().to_owned(),
            );
            field_row(
                ui,
                &format!("Heures par semaine (offre {n})"),
                &mut text.hours,
                &messages(CompanyField::OfferHours(index)),
            );
            choice_row(
                ui,
                &format!("Horaires (offre {n})"),
                enabled,
                &mut offer.schedule,
                &OfferSchedule::ALL,
                |s: OfferSchedule| s.label().to_owned(),
            );
            field_row(
                ui,
                &format!("Début (offre {n})"),
                &mut text.start,
                &messages(CompanyField::OfferStart(index)),
            );
            field_row(ui, &format!("Ville (offre {n})"), &mut offer.town, &[]);
            field_row(
                ui,
                &format!("Code postal (offre {n})"),
                &mut offer.postcode,
                &messages(CompanyField::OfferPostcode(index)),
            );
            let label = format!("Français exigé (offre {n})");
            let id = ui.label(&label).id;
            choice_box(
                ui,
                &label,
                id,
                enabled,
                &mut offer.french_level,
                &CefrLevel::ALL,
                &|l: CefrLevel| {
                    if l == CefrLevel::NotAssessed {
                        "Aucun niveau exigé".to_owned()
                    } else {
                        l.label().to_owned()
                    }
                },
            );
            ui.end_row();
            field_row(
                ui,
                &format!("Compétences exigées (offre {n})"),
                &mut text.skills,
                &[],
            );
            field_row(
                ui,
                &format!("Diplômes exigés (offre {n})"),
                &mut text.diplomas,
                &[],
            );
            field_row(
                ui,
                &format!("Postes ouverts (offre {n})"),
                &mut text.positions,
                &messages(CompanyField::OfferPositions(index)),
            );
            choice_row(
                ui,
                &format!("Statut (offre {n})"),
                enabled,
                &mut offer.status,
                &OfferStatus::ALL,
                |s: OfferStatus| s.label().to_owned(),
            );
        });
}

/// The people ranked for one offer (the ten best), with their reasons.
fn reverse_ui(
    ui: &mut Ui,
    company: &Company,
    offer: &Offer,
    candidates: Candidates<'_>,
    today: NaiveDate,
) {
    let people = candidates.people;
    let ranked = rank_beneficiaries(company, offer, people, candidates.creche, today);
    if ranked.is_empty() {
        ui.label(RichText::new("Aucun bénéficiaire en parcours.").weak());
    }
    for (id, score, reasons) in ranked.iter().take(10) {
        let name = people
            .iter()
            .find(|p| p.id == *id)
            .map(Beneficiary::display_name)
            .unwrap_or_default();
        ui.label(RichText::new(format!("{score}  {name}")).strong());
        let text: Vec<String> = reasons
            .iter()
            .map(|r| format!("{} {:+} : {}", r.criterion.label(), r.points, r.text))
            .collect();
        ui.label(RichText::new(text.join(" ; ")).small().weak());
    }
}

/// What is being imported.
struct ImportState {
    name: String,
    bytes: Vec<u8>,
    mapping: Vec<Option<Column>>,
    preview: Preview,
}

/// The CSV import preview window.
#[derive(Default)]
pub struct ImportWindow {
    state: Option<ImportState>,
    failure: Option<String>,
}

impl ImportWindow {
    /// Reads the bytes of a file and shows the preview.
    pub fn open(&mut self, name: String, bytes: Vec<u8>) {
        let preview = csv_import::preview(&bytes);
        let mapping = preview.mapping.iter().map(|m| m.column).collect();
        self.failure = None;
        self.state = Some(ImportState {
            name,
            bytes,
            mapping,
            preview,
        });
    }

    /// Shows why a file could not be read.
    pub fn fail(&mut self, message: String) {
        self.state = None;
        self.failure = Some(message);
    }

    /// Draws the window when a file is open; returns the import, once confirmed.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        companies: &[Company],
        writable: bool,
    ) -> Vec<CompaniesAction> {
        let mut actions = Vec::new();
        if let Some(message) = self.failure.clone() {
            let mut open = true;
            egui::Window::new(IMPORT_TITLE)
                .open(&mut open)
                .show(ctx, |ui| {
                    ui.label(RichText::new(message).color(theme::ERROR));
                });
            if !open {
                self.failure = None;
            }
        }
        let Some(state) = self.state.as_mut() else {
            return actions;
        };
        let mut open = true;
        let mut close = false;
        egui::Window::new(IMPORT_TITLE)
            .open(&mut open)
            .default_size([820.0, 560.0])
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.label(format!(
                        "{} — encodage {}, séparateur « {} »",
                        state.name,
                        state.preview.encoding.label(),
                        state.preview.separator
                    ));
                    ui.add_space(theme::SECTION_GAP);
                    ui.heading(MAPPING);
                    let mut changed = false;
                    egui::Grid::new("import_mapping")
                        .num_columns(2)
                        .spacing([12.0, 4.0])
                        .show(ui, |ui| {
                            for (index, mapping) in state.mapping.iter_mut().enumerate() {
                                let header = state
                                    .preview
                                    .mapping
                                    .get(index)
                                    .map(|m| m.header.clone())
                                    .unwrap_or_default();
                                let label = format!("Colonne « {header} »");
                                let id = ui.label(&label).id;
                                let options: Vec<Option<Column>> = std::iter::once(None)
                                    .chain(Column::ALL.into_iter().map(Some))
                                    .collect();
                                changed |= choice_box(
                                    ui,
                                    &label,
                                    id,
                                    true,
                                    mapping,
                                    &options,
                                    &|c: Option<Column>| {
                                        c.map_or(IGNORED, Column::label).to_owned()
                                    },
                                );
                                ui.end_row();
                            }
                        });
                    if changed {
                        state.preview =
                            csv_import::preview_with(&state.bytes, Some(&state.mapping));
                    }
                    let unknown = state.preview.unknown_columns();
                    if !unknown.is_empty() {
                        ui.label(
                            RichText::new(format!("Colonnes ignorées : {}", unknown.join(", ")))
                                .color(theme::WARNING),
                        );
                    }
                    ui.add_space(theme::SECTION_GAP);
                    ui.heading(format!("{INVALID_ROWS} ({})", state.preview.errors.len()));
                    for error in &state.preview.errors {
                        ui.label(RichText::new(error.to_string()).color(theme::ERROR));
                    }
                    let planned = csv_import::plan(&state.preview.rows, companies);
                    let updated = planned
                        .iter()
                        .filter(|p| matches!(p.action, Action::Update(_)))
                        .count();
                    ui.add_space(theme::SECTION_GAP);
                    ui.heading(format!(
                        "À importer : {} nouvelle(s), {updated} mise(s) à jour",
                        planned.len() - updated
                    ));
                    for item in &planned {
                        let action = match item.action {
                            Action::New => "nouvelle",
                            Action::Update(_) => "mise à jour",
                        };
                        ui.label(format!(
                            "{} — {} — {} ({action})",
                            item.company.name, item.company.siret, item.company.town
                        ));
                    }
                    ui.add_space(theme::SECTION_GAP);
                    ui.horizontal(|ui| {
                        if planned.is_empty() {
                            ui.label(RichText::new(NOTHING_TO_IMPORT).weak());
                        } else if ui
                            .add_enabled(
                                writable,
                                egui::Button::new(format!(
                                    "{CONFIRM_IMPORT} {} entreprise(s)",
                                    planned.len()
                                )),
                            )
                            .clicked()
                        {
                            actions.push(CompaniesAction::SaveCompanies(
                                planned.iter().map(|p| p.company.clone()).collect(),
                            ));
                            close = true;
                        }
                        if ui.button(CANCEL_IMPORT).clicked() {
                            close = true;
                        }
                    });
                });
            });
        if close || !open {
            self.state = None;
        }
        actions
    }
}
