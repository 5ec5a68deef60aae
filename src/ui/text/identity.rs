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

pub const SECTION_PROTECTION: &str = "Protection des données";

/// The button that opens the form of a new answer, one per purpose (in the purposes' order).
pub const NEW_ANSWER: &str = "Nouvelle réponse…";

/// The new answer's fields.
pub const ANSWER_STATE: &str = "Réponse";

pub const ANSWER_DATE: &str = "Date de la réponse";

pub const ANSWER_METHOD: &str = "Recueillie";

pub const ANSWER_BY: &str = "Par (conseiller·ère)";

pub const ANSWER_SAVE: &str = "Enregistrer la réponse";

/// The follow-up's only answer: the person was told.
pub const INFORMED: &str = "Informé·e";

/// The answer's date is required.
pub const ANSWER_DATE_MISSING: &str = "Indiquez la date de la réponse (JJ/MM/AAAA).";

pub const NOTICE_PRINT: &str = "Notice d'information et formulaire (PDF)…";

/// The notice, as named in the messages about saving it.
pub const THE_NOTICE: &str = "la notice d'information";

/// The title of the new answer's form: "Nouvelle réponse : Transmission à la micro-crèche".
pub fn new_answer_title(purpose: crate::model::record::Purpose) -> String {
    format!("Nouvelle réponse : {}", purpose.label())
}

/// How an answer reads: "Accordé le 02/03/2026 · À l'oral · par Claire Martin"; the
/// follow-up's "Informé·e le …".
pub fn answer(entry: &crate::model::record::ConsentEntry) -> String {
    use crate::model::record::{ConsentState, Purpose};
    let state = match (entry.purpose, entry.state) {
        (Purpose::FollowUp, ConsentState::Given) => INFORMED,
        (_, state) => state.label(),
    };
    let by = entry.by.trim();
    let by = if by.is_empty() {
        String::new()
    } else {
        format!(" · par {by}")
    };
    format!(
        "{state} le {} · {}{by}",
        crate::model::format_date(entry.date),
        entry.method.label()
    )
}

/// What a purpose without any answer reads.
pub fn no_answer(purpose: crate::model::record::Purpose) -> &'static str {
    if purpose.needs_consent() {
        "Aucune réponse : pas de consentement"
    } else {
        "Pas encore informé·e"
    }
}

/// The collapsed list of a purpose's earlier answers.
pub fn history(count: usize) -> String {
    format!("Réponses précédentes ({count})")
}

/// After the notice was written.
pub fn notice_saved(path: &std::path::Path) -> String {
    format!("Notice d'information enregistrée dans {}.", path.display())
}

/// The record's last contact and how long it is kept without a new one (data protection):
/// "Dernier contact : 05/10/2026 (entretien) · fiche conservée jusqu'au 05/10/2028 sans nouveau
/// contact".
pub fn last_contact(date: &str, kind: &str, kept_until: Option<&str>) -> String {
    match kept_until {
        Some(until) => format!(
            "Dernier contact : {date} ({kind}) · fiche conservée jusqu'au {until} sans nouveau contact"
        ),
        None => format!("Dernier contact : {date} ({kind})"),
    }
}

/// Where a new French level comes from.
pub const FRENCH_SOURCE: &str = "Source de l'évaluation";

/// The French level's dated history.
pub const FRENCH_HISTORY: &str = "Historique du niveau";

/// No assessment yet.
pub const FRENCH_HISTORY_EMPTY: &str = "Aucune évaluation";

/// One assessment of the history: "02/03/2026 · A2 · Test de positionnement".
pub fn french_assessment(date: &str, level: &str, source: &str) -> String {
    format!("{date} · {level} · {source}")
}
