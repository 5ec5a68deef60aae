//! The "Compétences" tab (phase 1): languages, experiences, skills, diplomas, transversal
//! skills and life areas, orientation to French-course partners and their directory window,
//! the valorisation profile. Labels repeated on each entry of a list are functions of the
//! entry's number ("Intitulé (expérience 2)"), so that every field has its own name.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const TAB_SKILLS: &str = "Compétences";

// Languages.

pub const LANGUAGES: &str = "Langues";

/// Header of the first column of the other languages' grid.
pub const OTHER_LANGUAGE: &str = "Autre langue";

pub const UNDERSTANDING: &str = "Compréhension";

pub const SPEAKING: &str = "Expression orale";

pub const WRITING: &str = "Écrit";

/// The level box of one ability of one language: "Compréhension (arabe)".
pub fn language_ability(ability: &str, language: &str) -> String {
    format!("{ability} ({language})")
}

/// The field where a language's name is typed (its label and its widget id).
pub const ADD_LANGUAGE: &str = "Ajouter une langue";

pub const ADD_LANGUAGE_HINT: &str = "arabe, peul, anglais…";

pub const ADD_LANGUAGE_BUTTON: &str = "Ajouter la langue";

/// Beside "Ajouter une langue", when the language is already listed (in another case).
pub fn language_exists(name: &str) -> String {
    format!("« {name} » est déjà dans la liste : ses niveaux se règlent sur sa ligne.")
}

// Experiences.

/// Hint of a month field.
pub const MONTH_HINT: &str = "MM/AAAA";

/// An experience's section title, with its title once typed.
pub fn experience_section(n: usize, title: &str) -> String {
    if title.is_empty() {
        format!("Expérience {n}")
    } else {
        format!("Expérience {n} · {title}")
    }
}

pub fn experience_kind(n: usize) -> String {
    format!("Type (expérience {n})")
}

pub fn experience_title(n: usize) -> String {
    format!("Intitulé (expérience {n})")
}

pub fn experience_country(n: usize) -> String {
    format!("Pays (expérience {n})")
}

pub fn experience_employer(n: usize) -> String {
    format!("Employeur ou contexte (expérience {n})")
}

pub fn experience_start(n: usize) -> String {
    format!("Début (expérience {n})")
}

pub fn experience_ongoing(n: usize) -> String {
    format!("En cours (expérience {n})")
}

pub fn experience_end(n: usize) -> String {
    format!("Fin (expérience {n})")
}

pub fn experience_description(n: usize) -> String {
    format!("Description (expérience {n})")
}

pub fn experience_occupation(n: usize) -> String {
    format!("Métier ROME (expérience {n})")
}

pub fn remove_experience(n: usize) -> String {
    format!("Retirer l'expérience {n}")
}

pub const ADD_EXPERIENCE: &str = "Ajouter une expérience";

pub const YEARS_BY_OCCUPATION: &str = "Années d'expérience par métier";

/// Years of experience, rounded to the tenth, with a decimal comma: "1 an", "7,8 ans".
pub fn years(years: f32) -> String {
    let tenths = (years * 10.0).round() / 10.0;
    if tenths <= 1.0 {
        format!("{tenths} an")
    } else {
        format!("{tenths} ans")
    }
    .replace('.', ",")
}

// Skills.

/// A skill's section title, and the label of its name's field.
pub fn skill(n: usize) -> String {
    format!("Compétence {n}")
}

pub fn skill_level(n: usize) -> String {
    format!("Niveau (compétence {n})")
}

pub fn skill_acquired_in(n: usize) -> String {
    format!("Acquise (compétence {n})")
}

pub fn skill_transferability(n: usize) -> String {
    format!("Transférabilité (compétence {n})")
}

pub fn remove_skill(n: usize) -> String {
    format!("Retirer la compétence {n}")
}

pub const ADD_SKILL: &str = "Ajouter une compétence";

/// Adds an experience's occupation as a skill.
pub fn add_skill_named(label: &str) -> String {
    format!("Ajouter « {label} »")
}

// Diplomas.

/// Hint of a year field.
pub const YEAR_HINT: &str = "AAAA";

pub fn diploma(n: usize) -> String {
    format!("Diplôme {n}")
}

pub fn diploma_title(n: usize) -> String {
    format!("Intitulé (diplôme {n})")
}

pub fn diploma_country(n: usize) -> String {
    format!("Pays (diplôme {n})")
}

pub fn diploma_year(n: usize) -> String {
    format!("Année (diplôme {n})")
}

pub fn diploma_eqf_level(n: usize) -> String {
    format!("Niveau CEC (diplôme {n})")
}

/// The EQF level not given.
pub const EQF_UNKNOWN: &str = "Non précisé";

/// An EQF level and its French equivalent: "CEC 4 — niveau bac".
pub fn eqf_level(level: u8, french_equivalent: &str) -> String {
    format!("CEC {level} — {french_equivalent}")
}

pub fn diploma_field(n: usize) -> String {
    format!("Domaine (diplôme {n})")
}

pub fn diploma_recognition(n: usize) -> String {
    format!("Reconnaissance (diplôme {n})")
}

pub fn diploma_requested_on(n: usize) -> String {
    format!("Demandée le (diplôme {n})")
}

pub fn diploma_decided_on(n: usize) -> String {
    format!("Réponse le (diplôme {n})")
}

pub const DOCUMENTS_HELD: &str = "Documents détenus";

pub fn diploma_original(n: usize) -> String {
    format!("Original (diplôme {n})")
}

pub fn diploma_certified_translation(n: usize) -> String {
    format!("Traduction certifiée (diplôme {n})")
}

pub fn remove_diploma(n: usize) -> String {
    format!("Retirer le diplôme {n}")
}

pub const ADD_DIPLOMA: &str = "Ajouter un diplôme";

// Transversal skills and life areas.

pub const TRANSVERSAL: &str = "Compétences transversales (1 : à développer … 4 : point fort)";

/// Hint of the comment beside a transversal skill's rating.
pub const TRANSVERSAL_HINT: &str = "commentaire";

pub const LIFE_AREAS: &str =
    "Atouts et besoins par domaine (les besoins deviennent des objectifs en phase 2)";

/// Hint of the note beside a life area's status.
pub const LIFE_AREA_HINT: &str = "note";

// Orientation to French courses.

pub const ORIENTATION: &str = "Orientation vers des cours de français (FLE)";

/// The first cell of a referral's rows.
pub fn referral(n: usize) -> String {
    format!("Orientation {n}")
}

pub fn referral_date(n: usize) -> String {
    format!("Orienté·e le (orientation {n})")
}

pub fn referral_outcome(n: usize) -> String {
    format!("Suite (orientation {n})")
}

pub fn referral_note(n: usize) -> String {
    format!("Note (orientation {n})")
}

pub fn remove_referral(n: usize) -> String {
    format!("Retirer l'orientation {n}")
}

pub const NO_PARTNER: &str = "L'annuaire des partenaires FLE est vide : ajoutez-en un.";

pub const PARTNER: &str = "Partenaire";

pub const REFER: &str = "Orienter vers ce partenaire";

pub const ADD_PARTNER: &str = "Ajouter un partenaire à l'annuaire";

pub const EDIT_PARTNER: &str = "Modifier un partenaire";

/// A partner in the choice of referrals: its name, "(alphabétisation)" for a literacy course,
/// and its places when known.
pub fn partner_summary(name: &str, literacy: bool, places: Option<u32>) -> String {
    let course = if literacy { " (alphabétisation)" } else { "" };
    let places = places.map_or_else(String::new, |n| format!(" — {n} place(s)"));
    format!("{name}{course}{places}")
}

// The partner directory's window.

pub const PARTNER_WINDOW: &str = "Partenaire FLE";

pub const PARTNER_DIRECTORY: &str = "Annuaire des partenaires FLE";

pub const PARTNER_NAME: &str = "Nom du partenaire";

pub const PARTNER_ADDRESS: &str = "Adresse du partenaire";

pub const PARTNER_SCHEDULE: &str = "Jours et horaires";

pub const PARTNER_SCHEDULE_HINT: &str = "lundi et jeudi 9h-12h";

pub const PARTNER_CONTACT: &str = "Contact du partenaire";

pub const PARTNER_PLACES: &str = "Places disponibles";

pub const COURSE_KIND: &str = "Type de cours";

pub const LEVELS_TAUGHT: &str = "Niveaux enseignés";

pub const SAVE_PARTNER: &str = "Enregistrer le partenaire";

pub const PARTNER_NAME_REQUIRED: &str = "Le nom du partenaire est obligatoire.";

pub const PARTNER_PLACES_INVALID: &str = "Nombre de places : un nombre entier.";

// The valorisation profile.

pub const PROFILE: &str = "Profil de valorisation";

pub const TARGET_OCCUPATIONS: &str = "Métiers visés";

/// The picker that adds a target occupation (its label and id).
pub const ADD_TARGET: &str = "Ajouter un métier visé";

/// Makes an experience's occupation a target.
pub fn target_from_experience(occupation: &str) -> String {
    format!("Viser « {occupation} » (expérience)")
}

pub const STRENGTHS: &str = "Points forts";

/// The strengths' row when no skill is confirmed or expert yet.
pub const STRONG_SKILLS: &str = "Compétences confirmées ou expertes";

pub const DIPLOMAS_AND_RECOGNITION: &str = "Diplômes et reconnaissance";

/// The diplomas' row when there is none.
pub const DIPLOMAS: &str = "Diplômes";
