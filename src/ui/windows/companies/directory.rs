//! The companies' directory: the list with its search, and the editor of the company chosen
//! (fields, contacts, offers, and under each offer the people ranked for it); "Enregistrer
//! l'entreprise" asks for the save once every field is valid.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use egui::{RichText, TextEdit, Ui};

use crate::model::companies::matching::rank_beneficiaries;
use crate::model::companies::{
    Company, CompanyContact, CompanyError, CompanyField, Offer, OfferStatus, Schedule, SiaeKind,
    check_siret, normalize_ape,
};
use crate::model::creche::CrecheSettings;
use crate::model::skills::rome::catalog;
use crate::model::{
    Beneficiary, CefrLevel, ContractKind, OfferId, SearchQuery, format_date, parse_date,
};
use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::text::{common, companies as words};
use crate::ui::theme;
use crate::ui::widgets::rome_picker::RomePicker;
use crate::ui::widgets::{choice_box, list_editor};
use crate::ui::windows::Window;

use super::{choice_row, field_row};

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
                    message: words::HOURS_NOT_A_NUMBER.to_owned(),
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
                    message: words::POSITIONS_NOT_A_NUMBER.to_owned(),
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
                message: words::siret_taken(&other.name),
            });
        }
        self.errors = errors;
        self.errors.is_empty().then_some(company)
    }
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

impl Window for DirectoryWindow {
    fn is_open(&self) -> bool {
        self.open
    }

    /// Draws the window when open; pushes the saves asked for.
    fn show(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        egui::Window::new(words::DIRECTORY_TITLE)
            .open(&mut open)
            .default_size([980.0, 620.0])
            .show(ctx, |ui| {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(300.0);
                        self.list_ui(ui, cx.companies);
                    });
                    ui.separator();
                    egui::ScrollArea::vertical()
                        .id_salt("company_editor")
                        .show(ui, |ui| {
                            // The row above is horizontal: the editor reads top to bottom.
                            ui.vertical(|ui| self.editor_ui(ui, cx, out));
                        });
                });
            });
        self.open = open;
    }
}

impl DirectoryWindow {
    fn list_ui(&mut self, ui: &mut Ui, companies: &[Company]) {
        let label = ui.label(words::SEARCH);
        ui.add(
            TextEdit::singleline(&mut self.search)
                .hint_text(words::SEARCH_HINT)
                .desired_width(280.0),
        )
        .labelled_by(label.id);
        if ui.button(words::NEW_COMPANY).clicked() {
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
                    let line = words::company_line(&company.name, &company.town, open);
                    if ui.selectable_label(selected, line).clicked() {
                        self.editing = Some(CompanyDraft::of(company));
                    }
                }
            });
    }

    /// The company chosen: its fields, contacts and offers, and "Enregistrer l'entreprise".
    fn editor_ui(&mut self, ui: &mut Ui, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        let Some(draft) = self.editing.as_mut() else {
            ui.label(RichText::new(words::PICK_COMPANY).weak());
            return;
        };
        ui.add_enabled_ui(cx.writable, |ui| {
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
            company_fields_ui(ui, company, &messages);
            ui.add_space(theme::SECTION_GAP);
            ui.heading(words::CONTACTS);
            contacts_ui(ui, &mut company.contacts, &messages);
            ui.add_space(theme::SECTION_GAP);
            ui.heading(words::OFFERS);
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
                egui::CollapsingHeader::new(words::offer_heading(
                    n,
                    &offer.title,
                    offer.status.label(),
                ))
                .id_salt(("offer", offer.id))
                .default_open(offer.title.is_empty())
                .show(ui, |ui| {
                    offer_ui(ui, n, index, offer, text, picker, &messages);
                    egui::CollapsingHeader::new(words::ranked_for_offer(n))
                        .id_salt(("reverse", offer.id))
                        .show(ui, |ui| {
                            reverse_ui(ui, &snapshot, offer, cx.records, cx.creche, cx.today);
                        });
                });
            }
            if list_editor::add_button(ui, true, words::ADD_OFFER) {
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
                .add_enabled(cx.writable, egui::Button::new(words::SAVE_COMPANY))
                .clicked()
            {
                match draft.build(cx.companies) {
                    Some(company) => {
                        draft.company = company.clone();
                        draft.status = Some(words::SAVED.to_owned());
                        out.push(Command::SaveCompanies(vec![company]));
                    }
                    None => draft.status = Some(words::FIX_FIRST.to_owned()),
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

/// The company's own fields, with their messages.
fn company_fields_ui<'m>(
    ui: &mut Ui,
    company: &mut Company,
    messages: &dyn Fn(CompanyField) -> Vec<&'m str>,
) {
    egui::Grid::new("company_fields")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            field_row(
                ui,
                words::NAME,
                &mut company.name,
                &messages(CompanyField::Name),
            );
            field_row(
                ui,
                words::SIRET,
                &mut company.siret,
                &messages(CompanyField::Siret),
            );
            field_row(
                ui,
                words::APE,
                &mut company.ape,
                &messages(CompanyField::Ape),
            );
            if let Some(sector) = company.naf_division().and_then(|d| catalog().sector(d)) {
                ui.label("");
                ui.label(RichText::new(words::sector(&sector.label)).weak());
                ui.end_row();
            }
            field_row(ui, common::ADDRESS, &mut company.address, &[]);
            field_row(
                ui,
                common::POSTCODE,
                &mut company.postcode,
                &messages(CompanyField::Postcode),
            );
            field_row(ui, common::TOWN, &mut company.town, &[]);
            ui.label("");
            ui.checkbox(&mut company.insertion_clauses, words::CLAUSES);
            ui.end_row();
            let kinds: Vec<Option<SiaeKind>> = std::iter::once(None)
                .chain(SiaeKind::ALL.map(Some))
                .collect();
            choice_row(ui, words::SIAE, true, &mut company.siae, &kinds, |k| {
                k.map_or_else(
                    || words::NOT_SIAE.to_owned(),
                    |k| words::siae_kind(k.label(), k.name()),
                )
            });
            let label = ui.label(common::NOTES);
            ui.add(TextEdit::multiline(&mut company.notes).desired_rows(2))
                .labelled_by(label.id);
            ui.end_row();
        });
}

/// The company's contacts, each with its "Retirer le contact n", then "Ajouter un contact".
fn contacts_ui<'m>(
    ui: &mut Ui,
    contacts: &mut Vec<CompanyContact>,
    messages: &dyn Fn(CompanyField) -> Vec<&'m str>,
) {
    list_editor::rows(contacts, |index, contact| {
        let n = index + 1;
        egui::Grid::new(("contact", index))
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                let field = |name: &str| words::contact_field(name, n);
                field_row(ui, &field(common::NAME), &mut contact.name, &[]);
                field_row(ui, &field(words::CONTACT_ROLE), &mut contact.role, &[]);
                field_row(ui, &field(common::PHONE), &mut contact.phone, &[]);
                field_row(
                    ui,
                    &field(common::EMAIL),
                    &mut contact.email,
                    &messages(CompanyField::ContactEmail(index)),
                );
            });
        ui.button(words::remove_contact(n)).clicked()
    });
    if list_editor::add_button(ui, true, words::ADD_CONTACT) {
        contacts.push(CompanyContact::default());
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
                &words::offer_field(words::OFFER_TITLE, n),
                &mut offer.title,
                &messages(CompanyField::OfferTitle(index)),
            );
            picker.ui_with_id_salt(
                ui,
                ("offer_rome", offer.id),
                &words::offer_field(words::OFFER_ROME, n),
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
                &words::offer_field(words::OFFER_CONTRACT, n),
                enabled,
                &mut offer.contract,
                &ContractKind::ALL,
                |c: ContractKind| c.label().to_owned(),
            );
            field_row(
                ui,
                &words::offer_field(words::OFFER_HOURS, n),
                &mut text.hours,
                &messages(CompanyField::OfferHours(index)),
            );
            choice_row(
                ui,
                &words::offer_field(words::OFFER_SCHEDULE, n),
                enabled,
                &mut offer.schedule,
                &Schedule::ALL,
                |s: Schedule| s.label().to_owned(),
            );
            field_row(
                ui,
                &words::offer_field(common::START, n),
                &mut text.start,
                &messages(CompanyField::OfferStart(index)),
            );
            field_row(
                ui,
                &words::offer_field(common::TOWN, n),
                &mut offer.town,
                &[],
            );
            field_row(
                ui,
                &words::offer_field(common::POSTCODE, n),
                &mut offer.postcode,
                &messages(CompanyField::OfferPostcode(index)),
            );
            let label = words::offer_field(words::OFFER_FRENCH, n);
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
                        words::NO_LEVEL_REQUIRED.to_owned()
                    } else {
                        l.label().to_owned()
                    }
                },
            );
            ui.end_row();
            field_row(
                ui,
                &words::offer_field(words::OFFER_SKILLS, n),
                &mut text.skills,
                &[],
            );
            field_row(
                ui,
                &words::offer_field(words::OFFER_DIPLOMAS, n),
                &mut text.diplomas,
                &[],
            );
            field_row(
                ui,
                &words::offer_field(words::OFFER_POSITIONS, n),
                &mut text.positions,
                &messages(CompanyField::OfferPositions(index)),
            );
            choice_row(
                ui,
                &words::offer_field(common::STATUS, n),
                enabled,
                &mut offer.status,
                &OfferStatus::ALL,
                |s: OfferStatus| s.label().to_owned(),
            );
        });
}

/// How many people the reverse view lists under an offer.
const SHOWN_PEOPLE: usize = 10;

/// The people ranked for one offer (the ten best), with their reasons.
fn reverse_ui(
    ui: &mut Ui,
    company: &Company,
    offer: &Offer,
    people: &[Arc<Beneficiary>],
    creche: &CrecheSettings,
    today: NaiveDate,
) {
    let ranked = rank_beneficiaries(company, offer, people, creche, today);
    if ranked.is_empty() {
        ui.label(RichText::new(words::NOBODY_IN_PATHWAY).weak());
    }
    for (id, score, reasons) in ranked.iter().take(SHOWN_PEOPLE) {
        let name = people
            .iter()
            .find(|p| p.id == *id)
            .map(|p| p.display_name())
            .unwrap_or_default();
        ui.label(RichText::new(format!("{score}  {name}")).strong());
        let text: Vec<String> = reasons.iter().map(ToString::to_string).collect();
        ui.label(RichText::new(text.join(" ; ")).small().weak());
    }
}
