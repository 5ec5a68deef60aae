//! The "Entreprises" tab (phase 3), the companies' directory and the CSV import.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

use super::common;

pub const TAB_COMPANIES: &str = "Entreprises";

// The tab: the person's applications, their moves, the PMSMP and the offers ranked for them.

pub const PHASE_HEADING: &str = "Phase 3 · Mise en relation avec les entreprises";
pub const OUTCOME: &str = "Sortie";
pub const PATHWAY_OPEN: &str = "parcours en cours";

/// "Emploi (CDI) le 02/12/2026": the pathway's outcome and its date.
pub fn outcome_on(kind: &str, date: &str) -> String {
    format!("{kind} le {date}")
}

pub const APPLICATIONS: &str = "Candidatures";
pub const NO_APPLICATION: &str =
    "Aucune candidature pour l'instant : proposez une offre de la liste ci-dessous.";
pub const RANKED: &str = "Offres et entreprises proposées";
pub const NO_MATCH: &str =
    "Aucune offre ouverte dans l'annuaire : ajoutez des entreprises ou importez un fichier CSV.";
pub const PROPOSE: &str = "Proposer";

/// "Proposer « Commis de cuisine — Brasserie du Marché »": the name of a line's "Proposer".
pub fn propose_target(target: &str) -> String {
    format!("{PROPOSE} « {target} »")
}

pub const ALREADY_PROPOSED: &str = "Déjà proposée";
pub const APPLICATION_STATE: &str = "Candidature :";

/// "Candidature : Embauché", instead of "Proposer" on a line the person holds already.
pub fn application_state(state: &str) -> String {
    format!("{APPLICATION_STATE} {state}")
}

pub const DIRECTORY: &str = "Annuaire des entreprises…";
pub const IMPORT_CSV: &str = "Importer un fichier CSV…";
/// The file-type filter of the import's file dialog.
pub const CSV_FILTER: &str = "CSV";

/// "→ Entretien prévu": the button that moves an application to this state.
pub fn move_to(state: &str) -> String {
    format!("→ {state}")
}

/// "→ Embauché : Commis de cuisine — Brasserie du Marché": a move's button named with its
/// application (several may show the same moves).
pub fn move_to_for(state: &str, application: &str) -> String {
    format!("{} : {application}", move_to(state))
}

/// "Passer à « Entretien prévu »", above the move's form.
pub fn move_heading(state: &str) -> String {
    format!("Passer à « {state} »")
}

/// For a move that needs no detail: the day it is dated.
pub fn move_dated(date: &str) -> String {
    format!("Changement daté du {date}.")
}

pub const CONFIRM_MOVE: &str = "Valider le changement";
pub const INTERVIEW_DATE: &str = "Date de l'entretien";
pub const INTERVIEW_TIME: &str = "Heure (HH:MM)";
pub const INTERVIEW_PLACE: &str = "Lieu de l'entretien";
pub const CONTRACT: &str = "Type de contrat";
pub const START_DATE: &str = "Date de début";
pub const REFUSAL_REASON: &str = "Motif du refus";
pub const REFUSAL_NOTE: &str = "Précision";
pub const HISTORY: &str = "Historique";
pub const DATE_REQUIRED: &str = "La date est obligatoire (JJ/MM/AAAA).";

/// When the interview's time is not a time.
pub fn invalid_time(typed: &str) -> String {
    format!("Heure « {typed} » invalide : HH:MM, par exemple 14:30.")
}

pub const CLOSE_PATHWAY: &str = "Clore le parcours : sortie en emploi";

/// On hover of "Clore le parcours": the outcome it records.
pub fn close_pathway_hover(outcome: &str) -> String {
    format!("Sortie « {outcome} » datée d'aujourd'hui")
}

pub const SPONTANEOUS: &str = "candidature spontanée";
pub const BOOK_CRECHE: &str = "Réserver la crèche pour l'entretien";

/// "Réserver la crèche pour l'entretien : Commis de cuisine — Brasserie du Marché": the button
/// named with its application (several interviews may show it).
pub fn book_creche_for(application: &str) -> String {
    format!("{BOOK_CRECHE} : {application}")
}

pub const CRECHE_BOOKED: &str = "Crèche réservée pour cet entretien";
pub const INTERVIEW_PAST: &str = "L'entretien est passé : plus de garde à réserver.";

/// When a hire's start date is typed before the interview.
pub const HIRE_BEFORE_INTERVIEW: &str = "Le début du contrat ne peut pas précéder l'entretien.";

/// Beside "Proposer" when the permit does not plainly allow the work.
#[must_use]
pub fn propose_despite(warning: &str) -> String {
    format!("Attention, droit au travail à vérifier avant de proposer : {warning}")
}

pub const END_REASON: &str = "Motif de fin";

pub const END_DATE: &str = "Dernier jour travaillé";

pub const SIAE: &str = "Structure d'insertion (SIAE)";

pub const NOT_SIAE: &str = "Non";

/// "Entreprise d'insertion (EI)": an insertion structure's kind in the directory's list.
pub fn siae_kind(label: &str, name: &str) -> String {
    format!("{label} ({name})")
}

pub const NEW_PMSMP: &str = "Nouvelle PMSMP (immersion en entreprise)";

pub const PMSMP_COMPANY: &str = "Entreprise d'accueil";

pub const PMSMP_NO_COMPANY: &str = "Choisissez l'entreprise d'accueil.";

pub const PMSMP_FROM: &str = "Premier jour (PMSMP)";

pub const PMSMP_TO: &str = "Dernier jour (PMSMP)";

pub const PMSMP_TUTOR: &str = "Tuteur dans l'entreprise";

pub const PMSMP_RESULT: &str = "Résultat de la PMSMP";

/// "Résultat de la PMSMP (PMSMP du … — Jardins…)": the result's drop-down, named with its
/// application.
pub fn pmsmp_result_for(application: &str) -> String {
    format!("{PMSMP_RESULT} ({application})")
}

pub const ADD_PMSMP: &str = "Ajouter la PMSMP";

pub const PMSMP_FIRST_DAY_REQUIRED: &str = "Le premier jour est obligatoire (JJ/MM/AAAA).";

pub const PMSMP_LAST_DAY_REQUIRED: &str = "Le dernier jour est obligatoire (JJ/MM/AAAA).";

/// "Tuteur : M. Roux", beside a PMSMP.
#[must_use]
pub fn pmsmp_tutor(tutor: &str) -> String {
    format!("Tuteur : {tutor}")
}

// The companies' directory window.

pub const DIRECTORY_TITLE: &str = "Annuaire des entreprises";
pub const SEARCH: &str = "Rechercher une entreprise";
pub const SEARCH_HINT: &str = "Nom, ville, SIRET…";
pub const NEW_COMPANY: &str = "Nouvelle entreprise";

/// "Brasserie du Marché — Créteil (2 offre(s) ouverte(s))": a line of the directory's list.
pub fn company_line(name: &str, town: &str, open_offers: usize) -> String {
    format!("{name} — {town} ({open_offers} offre(s) ouverte(s))")
}

pub const PICK_COMPANY: &str = "Choisissez une entreprise dans la liste, ou créez-en une.";
pub const NAME: &str = "Raison sociale";
pub const SIRET: &str = "SIRET";
pub const APE: &str = "Code APE/NAF";

/// "Secteur : Restauration", under the APE code.
pub fn sector(label: &str) -> String {
    format!("Secteur : {label}")
}

pub const CLAUSES: &str = "Clauses d'insertion dans ses marchés publics";
pub const CONTACTS: &str = "Contacts";
pub const CONTACT_ROLE: &str = "Fonction";

/// "Nom (contact 2)": a field of the `n`th contact.
pub fn contact_field(field: &str, n: usize) -> String {
    format!("{field} (contact {n})")
}

/// "Retirer le contact 2".
pub fn remove_contact(n: usize) -> String {
    format!("{} le contact {n}", common::REMOVE)
}

pub const ADD_CONTACT: &str = "Ajouter un contact";
pub const OFFERS: &str = "Offres d'emploi";

/// "Offre 1 : Commis de cuisine (Ouverte)": the header of the `n`th offer.
pub fn offer_heading(n: usize, title: &str, status: &str) -> String {
    format!("Offre {n} : {title} ({status})")
}

pub const OFFER_TITLE: &str = "Intitulé";
pub const OFFER_ROME: &str = "Métier ROME";
pub const OFFER_CONTRACT: &str = "Contrat";
pub const OFFER_HOURS: &str = "Heures par semaine";
pub const OFFER_SCHEDULE: &str = "Horaires";
pub const OFFER_FRENCH: &str = "Français exigé";
pub const OFFER_SKILLS: &str = "Compétences exigées";
pub const OFFER_DIPLOMAS: &str = "Diplômes exigés";
pub const OFFER_POSITIONS: &str = "Postes ouverts";

/// "Intitulé (offre 1)": a field of the `n`th offer.
pub fn offer_field(field: &str, n: usize) -> String {
    format!("{field} (offre {n})")
}

/// The choice of "Français exigé" that requires no level.
pub const NO_LEVEL_REQUIRED: &str = "Aucun niveau exigé";
pub const HOURS_NOT_A_NUMBER: &str = "Nombre d'heures entier attendu.";
pub const POSITIONS_NOT_A_NUMBER: &str = "Nombre de postes entier attendu.";

/// When another company of the directory has the SIRET typed.
pub fn siret_taken(other: &str) -> String {
    format!("« {other} » a déjà ce SIRET dans l'annuaire.")
}

/// "Bénéficiaires classés pour l'offre 1": the reverse view under an offer.
pub fn ranked_for_offer(n: usize) -> String {
    format!("Bénéficiaires classés pour l'offre {n}")
}

pub const NOBODY_IN_PATHWAY: &str = "Aucun bénéficiaire en parcours.";
pub const ADD_OFFER: &str = "Ajouter une offre";
pub const SAVE_COMPANY: &str = "Enregistrer l'entreprise";
pub const SAVED: &str = "Demande d'enregistrement envoyée.";
pub const FIX_FIRST: &str = "Corrigez les champs signalés en rouge avant d'enregistrer.";

// The CSV import window.

pub const IMPORT_TITLE: &str = "Importer des entreprises (CSV)";

/// "partenaires.csv — encodage Windows-1252, séparateur « ; »".
pub fn import_file(name: &str, encoding: &str, separator: char) -> String {
    format!("{name} — encodage {encoding}, séparateur « {separator} »")
}

pub const MAPPING: &str = "Correspondance des colonnes";

/// "Colonne « N° SIRET »": the drop-down of a column of the file.
pub fn column(header: &str) -> String {
    format!("Colonne « {header} »")
}

pub const IGNORED: &str = "Ignorée";

/// "Colonnes ignorées : Effectif, Chiffre d'affaires".
pub fn ignored_columns(headers: &str) -> String {
    format!("Colonnes ignorées : {headers}")
}

pub const INVALID_ROWS: &str = "Lignes invalides";

/// "Lignes invalides (2)".
pub fn invalid_rows(count: usize) -> String {
    format!("{INVALID_ROWS} ({count})")
}

/// "À importer : 1 nouvelle(s), 1 mise(s) à jour".
pub fn to_import(new: usize, updated: usize) -> String {
    format!("À importer : {new} nouvelle(s), {updated} mise(s) à jour")
}

pub const IMPORT_NEW: &str = "nouvelle";
pub const IMPORT_UPDATE: &str = "mise à jour";

/// "Pressing du Centre — 35600000049837 — Orly (nouvelle)": a company the import writes.
pub fn import_line(name: &str, siret: &str, town: &str, action: &str) -> String {
    format!("{name} — {siret} — {town} ({action})")
}

pub const CONFIRM_IMPORT: &str = "Importer";

/// "Importer 2 entreprise(s)".
pub fn confirm_import(count: usize) -> String {
    format!("{CONFIRM_IMPORT} {count} entreprise(s)")
}

pub const CANCEL_IMPORT: &str = "Annuler l'import";
pub const NOTHING_TO_IMPORT: &str = "Aucune ligne valide à importer.";
