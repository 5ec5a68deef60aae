//! The "Identité" tab.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const TAB_IDENTITY: &str = "Identité";

pub const SECTION_IDENTITY: &str = "Identité";

pub const SECTION_CONTACT: &str = "Coordonnées";

pub const SECTION_ADMIN: &str = "Situation administrative";

pub const SECTION_FAMILY: &str = "Famille";

pub const SECTION_PATHWAY: &str = "Parcours";

pub const SECTION_FOLLOW_UP: &str = "Suivi";

pub const FIRST_NAME: &str = "Prénom";

pub const BIRTH_NAME: &str = "Nom de naissance";

pub const BIRTH_DATE: &str = "Date de naissance";

pub const SEX: &str = "Sexe";

pub const NATIONALITY: &str = "Nationalité";

pub const COUNTRY: &str = "Pays d'origine";

pub const ARRIVAL_DATE: &str = "Arrivée en France";

pub const TOWN: &str = "Commune";

pub const PERMIT_KIND: &str = "Titre de séjour";

pub const NO_PERMIT: &str = "Aucun / non renseigné";

pub const PERMIT_NUMBER: &str = "N° du titre (confidentiel)";

pub const PERMIT_ISSUED: &str = "Délivré le";

pub const PERMIT_EXPIRES: &str = "Expire le";

pub const PERMIT_RENEWS: &str = "Titre demandé ou renouvelé";

pub const PERMIT_RENEWS_UNKNOWN: &str = "Non précisé / première demande";

pub const WORK_AUTHORISATION: &str = "Autorisation de travail obtenue";

pub const WORK_RIGHT: &str = "Droit au travail (aujourd'hui)";

pub const CIR_SIGNED: &str = "CIR signé le (OFII)";

pub const CAF_NUMBER: &str = "N° allocataire CAF";

pub const SSN: &str = "N° de sécurité sociale (confidentiel)";

pub const FAMILY_SITUATION: &str = "Situation familiale";

pub const CHILD_BIRTH_DATE: &str = "Né·e le";

pub const ADD_CHILD: &str = "Ajouter un enfant";

/// The field of a child's first name: "Prénom de l'enfant 2".
pub fn child_first_name(n: usize) -> String {
    format!("{} {n}", super::common::CHILD_FIRST_NAME)
}

/// The field of a child's birth date: "Né·e le (enfant 2)".
pub fn child_birth_date(n: usize) -> String {
    format!("{CHILD_BIRTH_DATE} (enfant {n})")
}

/// The button that takes a child out of the family.
pub fn remove_child(n: usize) -> String {
    format!("{} l'enfant {n}", super::common::REMOVE)
}

pub const ROUTE_OVERRIDE: &str = "Choisir un autre parcours que celui du niveau";

/// The route the counsellor chose instead of the level's.
pub const ROUTE_CHOSEN: &str = "Parcours choisi";

pub const ROUTE_OVERRIDE_REASON: &str = "Motif *";

pub const OUTCOME: &str = "Sortie du parcours";

pub const OUTCOME_NONE: &str = "Parcours en cours";

pub const OUTCOME_DATE: &str = "Date de sortie";

pub const PRIVATE_NOTES: &str = "Notes privées du conseiller";

pub const OUTCOME_MONTHS: &str = "Durée du contrat (mois)";

pub const EXIT_CLASS: &str = "Type de sortie (financeurs)";
