//! The "Préparation à l'emploi" tab (phase 2) and its CV section.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const TAB_PREPARATION: &str = "Préparation à l'emploi";

// "Préparation à l'emploi" (phase 2) and the workshops' catalogue.
pub const WORKSHOPS_OPEN: &str = "Ateliers collectifs…";

pub const SESSION_DATE: &str = "Date de la séance";

pub const SESSION_DURATION: &str = "Durée de la séance";

pub const SESSION_KIND: &str = "Type de séance";

pub const SESSION_NOTE: &str = "Note de la séance";

pub const SESSION_ADD: &str = "Enregistrer la séance";

/// Before a third session identical to two already noted (same day, kind and duration).
pub const SESSION_THIRD_IDENTICAL: &str = "Deux séances identiques (même jour, même type, même durée) sont déjà notées : en noter une troisième ?";

/// Logs the third identical session all the same.
pub const SESSION_ADD_ANYWAY: &str = "Noter quand même";

/// Leaves the third identical session out.
pub const SESSION_DONT_ADD: &str = "Ne pas noter";

pub const CV_ASSEMBLE: &str = "Préparer le CV à partir de la fiche";

pub const CV_REASSEMBLE: &str = "Reprendre le CV depuis la fiche";

pub const CV_SAVE_PDF: &str = "Enregistrer le CV en PDF…";

/// After the CV's PDF is written at `path`.
#[must_use]
pub fn cv_saved(path: &std::path::Path) -> String {
    format!("CV enregistré dans {}.", path.display())
}

/// The permit's expiry alert, in one sentence (Préparation tab).
#[must_use]
pub fn permit_alert(alert: crate::model::preparation::PermitAlert) -> String {
    use crate::model::format_date;
    use crate::model::preparation::PermitAlert;
    match alert {
        PermitAlert::Expired(on) => format!("Titre de séjour expiré depuis le {}", format_date(on)),
        PermitAlert::RenewalWindow {
            on,
            opens,
            closes,
            days_left,
        } => format!(
            "Titre de séjour : expire le {} (dans {days_left} jours) : renouvellement à déposer sur l'ANEF entre le {} et le {}",
            format_date(on),
            format_date(opens),
            format_date(closes)
        ),
        PermitAlert::LateFiling {
            on,
            closed,
            days_left,
        } => format!(
            "Titre de séjour : expire le {} (dans {days_left} jours) : dépôt en retard : risque de rupture de droits (le dépôt sur l'ANEF devait se faire avant le {})",
            format_date(on),
            format_date(closed)
        ),
        PermitAlert::ProvisionalExpiresSoon { on, days_left } => format!(
            "Document provisoire : expire le {} (dans {days_left} jours) : prolongation à demander",
            format_date(on)
        ),
    }
}

pub const INTEGRATION: &str = "Titre visé et conditions 2026 (langue, examen civique)";

pub const TARGET: &str = "Titre visé";

pub const NO_TARGET: &str = "Non défini";

pub const CIVIC_EXAM: &str = "Examen civique";

pub const CIVIC_EXAM_RECORDED: &str = "Inscrit·e ou passé";

pub const CIVIC_EXAM_MENTION: &str = "Mention de l'examen";

pub const CIVIC_EXAM_DATE: &str = "Date de l'examen";

pub const CIVIC_EXAM_RESULT: &str = "Résultat de l'examen";

pub const CIVIC_EXAM_ATTEMPTS: &str = "Passages";

pub const CERTIFICATES: &str = "Certificats de langue";

pub const CERTIFICATE_HEADERS: [&str; 3] = ["Certificat", "Niveau", "Obtenu le"];

pub const ADD_CERTIFICATE: &str = "Ajouter un certificat";

pub const ADD_INTEGRATION_OBJECTIVE: &str = "Ajouter l'objectif au plan d'action";

/// A target in a picker: "Carte de résident (B1)".
#[must_use]
pub fn target_choice(target: crate::model::PermitTarget) -> String {
    let label = target.label();
    let bare = label.strip_prefix("la ").unwrap_or(label);
    let mut chars = bare.chars();
    let capitalised: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    format!("{capitalised} ({})", target.required_level().short_label())
}

/// What the CV section saves, for [`no_file_chosen`].
pub const THE_CV: &str = "le CV";

// Sessions and hours.
pub const SESSIONS: &str = "Séances et heures d'accompagnement";

pub const NO_SESSION: &str = "Aucune séance enregistrée.";

/// The sessions log's column headers (the last column holds "Retirer").
pub const SESSION_HEADERS: [&str; 5] = ["Date", "Durée", "Type", "Note", ""];

/// The accessible name of a logged session's "Retirer" (`n` counts from 1).
#[must_use]
pub fn remove_session(n: usize) -> String {
    format!("Retirer la séance {n}")
}

/// Beside a session computed from a workshop's attendance (not removable here).
pub const FROM_CATALOGUE: &str = "depuis le catalogue des ateliers";

/// Beside a session that is an honoured appointment (settled in the appointments' list).
pub const FROM_APPOINTMENTS: &str = "rendez-vous honoré";

pub const NEW_SESSION: &str = "Nouvelle séance";

pub const SESSION_DURATION_HINT: &str = "1h30 ou 90";

pub const SESSION_IN_FUTURE: &str =
    "Une séance se note une fois faite : la date est dans le futur.";

pub const SESSION_DATE_REQUIRED: &str = "La date de la séance est obligatoire.";

pub const HOURS_INDIVIDUAL: &str = "Heures individuelles";

pub const HOURS_COLLECTIVE: &str = "Heures collectives";

pub const HOURS_SPLIT: &str = "Répartition";

/// "Objectif 70 % / 30 %".
#[must_use]
pub fn split_target(individual_percent: u32) -> String {
    format!(
        "Objectif {individual_percent} % / {} %",
        100 - individual_percent.min(100)
    )
}

/// "60 % individuel / 40 % collectif".
#[must_use]
pub fn split(individual_percent: u32, collective_percent: u32) -> String {
    format!("{individual_percent} % individuel / {collective_percent} % collectif")
}

pub const SPLIT_ON_TARGET: &str = "conforme à l'objectif";

pub const SPLIT_MORE_COLLECTIVE: &str = "prévoir des ateliers collectifs";

pub const SPLIT_MORE_INDIVIDUAL: &str = "prévoir des entretiens individuels";

pub const NO_HOURS: &str = "aucune heure enregistrée";

// Professional projects.
pub const PROJECTS: &str = "Projets professionnels";

pub const ADD_PROJECT: &str = "Ajouter un projet professionnel";

pub const PROJECT_UNDEFINED: &str = "à définir";

/// A project's section title: "Projet professionnel 1 : Aide-soignant (principal)".
#[must_use]
pub fn project_title(n: usize, title: &str, main: bool) -> String {
    let star = if main { " (principal)" } else { "" };
    format!("Projet professionnel {n} : {title}{star}")
}

/// A field of project `n`: "Statut (projet 1)".
#[must_use]
pub fn of_project(label: &str, n: usize) -> String {
    format!("{label} (projet {n})")
}

/// The labels of a project's fields, for [`of_project`].
pub const PROJECT_ROME: &str = "Métier visé ROME";

pub const PROJECT_LABEL: &str = "Intitulé libre";

pub const PROJECT_LABEL_HINT: &str = "si aucun métier ROME ne convient";

pub const PROJECT_CONTRACTS: &str = "Contrats recherchés";

pub const PROJECT_WORKING_TIME: &str = "Temps de travail";

pub const PROJECT_START: &str = "Disponible le";

pub const PROJECT_TRANSPORT: &str = "Moyens de déplacement";

pub const PROJECT_COMMUTE: &str = "Trajet maximal, minutes";

pub const PROJECT_COMMUTE_HINT: &str = "45";

pub const PROJECT_REACHABLE: &str = "Communes accessibles";

pub const PROJECT_REACHABLE_HINT: &str = "Vitry, Ivry, 94…";

pub const PROJECT_CHILDCARE: &str = "Garde d'enfants";

pub const PROJECT_CHILDCARE_YES: &str = "oui";

pub const PROJECT_CHILDCARE_SEE_CRECHE: &str = "voir l'onglet Crèche";

pub const PROJECT_HEALTH: &str = "Contraintes de santé";

pub const PROJECT_HOURS: &str = "Contraintes d'horaires";

pub const PROJECT_HOURS_HINT: &str = "pas de nuit, horaires d'école…";

#[must_use]
pub fn make_main_project(n: usize) -> String {
    format!("Faire du projet {n} le projet principal")
}

#[must_use]
pub fn remove_project(n: usize) -> String {
    format!("Retirer le projet {n}")
}

// The action plan.
pub const PLAN: &str = "Plan d'action";

/// The phase-1 needs that no objective covers yet.
#[must_use]
pub fn needs_found(needs: &[&str]) -> String {
    format!("Besoins repérés en phase 1 : {}", needs.join(", "))
}

pub const CREATE_NEED_OBJECTIVES: &str = "Créer les objectifs de ces besoins";

pub const ADD_OBJECTIVE: &str = "Ajouter un objectif";

/// "Objectif 1", over an objective's row.
#[must_use]
pub fn objective(n: usize) -> String {
    format!("Objectif {n}")
}

/// A field of objective `n`: "Thème (objectif 1)".
#[must_use]
pub fn of_objective(label: &str, n: usize) -> String {
    format!("{label} (objectif {n})")
}

pub const OBJECTIVE_THEME: &str = "Thème";

pub const OBJECTIVE_LABEL: &str = "Intitulé";

#[must_use]
pub fn remove_objective(n: usize) -> String {
    format!("Retirer l'objectif {n}")
}

/// The action plan's column headers.
pub const ACTION_HEADERS: [&str; 4] = ["Action", ACTION_ACTOR, ACTION_DUE, super::common::STATUS];

/// A field of action `m` of objective `n`: "Statut (action 1.2)".
#[must_use]
pub fn of_action(label: &str, n: usize, m: usize) -> String {
    format!("{label} (action {n}.{m})")
}

pub const ACTION_LABEL: &str = "Intitulé";

pub const ACTION_ACTOR: &str = "Qui";

pub const ACTION_DUE: &str = "Échéance";

#[must_use]
pub fn remove_action(n: usize, m: usize) -> String {
    format!("Retirer l'action {n}.{m}")
}

/// Under an open action past its due date.
#[must_use]
pub fn late_by(days: i64) -> String {
    format!("En retard de {days} j")
}

/// Below an objective's actions (named "Ajouter une action (objectif n)" for screen readers).
pub const ADD_ACTION: &str = "Ajouter une action";

// Administrative steps, CIR and integration.
pub const ADMIN: &str = "Démarches administratives";

/// The checklist's column headers.
pub const ADMIN_HEADERS: [&str; 4] = ["Démarche", super::common::STATUS, STEP_DATE, STEP_NOTE];

/// A field of a step: "Date (Ouverture d'un compte bancaire)".
#[must_use]
pub fn of_step(label: &str, step: &str) -> String {
    format!("{label} ({step})")
}

pub const STEP_DATE: &str = "Date";

pub const STEP_NOTE: &str = "Note";

/// What the record already says about a step, under it.
#[must_use]
pub fn in_record(fact: &str) -> String {
    format!("Dans la fiche : {fact}")
}

/// The permit as the record has it: "Carte de séjour temporaire, expire le 02/03/2027".
#[must_use]
pub fn permit_fact(kind: &str, expires_on: Option<&str>) -> String {
    match expires_on {
        Some(day) => format!("{kind}, expire le {day}"),
        None => kind.to_owned(),
    }
}

#[must_use]
pub fn cir_signed(day: &str) -> String {
    format!("signé le {day}")
}

pub const CAF_NUMBER_KNOWN: &str = "n° allocataire renseigné";

pub const SOCIAL_SECURITY_KNOWN: &str = "n° de sécurité sociale renseigné";

pub const NO_CHILD_FACT: &str = "aucun enfant";

pub const CIR: &str = "Formation du CIR";

pub const CIR_SIGNED_ON: &str = "Signé le";

pub const CIR_CIVIC_DAYS: &str = "Journées de formation civique";

pub const CIR_LANGUAGE_DONE: &str = "Heures de formation linguistique faites";

/// Between the hours done and the hours prescribed (the latter field's visible label).
pub const CIR_LANGUAGE_OUT_OF: &str = "sur, prescrites :";

pub const CIR_LANGUAGE_PRESCRIBED: &str = "Heures de formation linguistique prescrites";

pub const CIR_NONE_PRESCRIBED: &str = "aucune prescrite";

/// "Certificat 1", the kind picker of a language certificate.
#[must_use]
pub fn certificate(n: usize) -> String {
    format!("Certificat {n}")
}

/// A field of certificate `n`: "Niveau (certificat 1)".
#[must_use]
pub fn of_certificate(label: &str, n: usize) -> String {
    format!("{label} (certificat {n})")
}

pub const CERTIFICATE_LEVEL: &str = "Niveau";

pub const CERTIFICATE_OBTAINED_ON: &str = "Obtenu le";

#[must_use]
pub fn remove_certificate(n: usize) -> String {
    format!("Retirer le certificat {n}")
}

// Children.
pub const CHILDREN: &str = "Enfants : garde et scolarité";

pub const NO_CHILD: &str = "Aucun enfant";

pub const CHILD_BIRTH_UNKNOWN: &str = "date de naissance non renseignée";

pub const CHILD_CARE: &str = "mode de garde à prévoir (micro-crèche : onglet Crèche)";

pub const CHILD_SCHOOLING: &str = "scolarisation à vérifier";

pub const CHILD_OVER_16: &str = "plus de 16 ans";

// The CV.
pub const CV: &str = "CV";

pub const CV_HEADLINE: &str = "Métier recherché (CV)";

pub const CV_PROFILE: &str = "Profil (CV)";

pub const CV_EXPERIENCES: &str = "Expériences (CV, une par ligne)";

pub const CV_SKILLS: &str = "Compétences (CV, une par ligne)";

pub const CV_DIPLOMAS: &str = "Diplômes et formations (CV)";

pub const CV_LANGUAGES: &str = "Langues (CV)";

pub const CV_MORE: &str = "Informations complémentaires (CV)";

pub const CV_REASSEMBLE_HOVER: &str = "Remplace le texte ci-dessus par celui de la fiche";

// Appointments.
pub const APPOINTMENTS: &str = "Rendez-vous";

pub const NO_APPOINTMENT: &str = "Aucun rendez-vous.";

pub const NEW_APPOINTMENT: &str = "Planifier un rendez-vous";

pub const APPOINTMENT_DATE: &str = "Date du rendez-vous";

pub const APPOINTMENT_START: &str = "Heure du rendez-vous";

pub const APPOINTMENT_START_HINT: &str = "9h30";

pub const APPOINTMENT_DURATION: &str = "Durée du rendez-vous";

pub const APPOINTMENT_MODE: &str = "Mode du rendez-vous";

pub const APPOINTMENT_PLACE: &str = "Lieu du rendez-vous";

pub const APPOINTMENT_COUNSELLOR: &str = "Conseiller·e du rendez-vous";

pub const APPOINTMENT_PURPOSE: &str = "Objet du rendez-vous";

pub const APPOINTMENT_NOTE: &str = "Note du rendez-vous";

pub const APPOINTMENT_ADD: &str = "Planifier le rendez-vous";

pub const APPOINTMENT_DATE_REQUIRED: &str = "La date du rendez-vous est obligatoire.";

pub const APPOINTMENT_START_INVALID: &str = "Heure invalide : par exemple 9h30 ou 14:00.";

/// A planned appointment dated before today: it asks what happened instead.
pub const APPOINTMENT_IN_PAST: &str = "Cette date est passée : un rendez-vous passé se note comme honoré (il compte alors dans les heures), ou la date est à corriger.";

/// Enters the past appointment as honoured.
pub const APPOINTMENT_ADD_HONOURED: &str = "Le noter comme honoré";

/// Beside two appointments of the person at the same time.
pub const APPOINTMENT_OVERLAP: &str = "chevauchement";

/// The appointments' column headers (the last two hold the buttons).
pub const APPOINTMENT_HEADERS: [&str; 8] = [
    "Date",
    "Heure",
    "Durée",
    "Mode",
    "Objet",
    "Conseiller·e",
    "Statut",
    "",
];

/// The person's attendance: honoured, absent and excused appointments.
#[must_use]
pub fn attendance(honoured: u32, absent: u32, excused: u32) -> String {
    let plural = |n: u32| if n > 1 { "s" } else { "" };
    format!(
        "Présence : {honoured} honoré{} · {absent} absent{} · {excused} excusé{}",
        plural(honoured),
        plural(absent),
        plural(excused)
    )
}

/// "le 20/11/2026 à 10 h", naming one appointment in the buttons' accessible names.
#[must_use]
pub fn appointment_when(date: chrono::NaiveDate, start: chrono::NaiveTime) -> String {
    format!(
        "le {} à {}",
        crate::model::format_date(date),
        crate::model::creche::format_time(start)
    )
}

/// The accessible name of a settling button: "Honoré : rendez-vous le 20/11/2026 à 10 h".
#[must_use]
pub fn settle_appointment(status: &str, when: &str) -> String {
    format!("{status} : rendez-vous {when}")
}

/// Puts a settled appointment back to planned (a click on the wrong line).
pub const APPOINTMENT_REOPEN: &str = "Remettre à prévu";

/// The accessible name of an appointment's "Retirer".
#[must_use]
pub fn remove_appointment(when: &str) -> String {
    format!("Retirer le rendez-vous {when}")
}

/// The menu of the two ways an appointment is cancelled.
pub const APPOINTMENT_CANCEL: &str = "Annulé…";

/// Books the crèche for an appointment.
pub const APPOINTMENT_BOOK_CRECHE: &str = "Réserver la crèche";

/// The accessible name of an appointment's "Réserver la crèche".
#[must_use]
pub fn book_creche_for_appointment(when: &str) -> String {
    format!("Réserver la crèche pour le rendez-vous {when}")
}

pub const APPOINTMENT_BOOK_CRECHE_HOVER: &str = "Ouvre l'onglet Crèche avec une réservation préparée pour ce rendez-vous (rien n'est réservé avant « Réserver »).";

/// Above the appointments already past.
pub const APPOINTMENTS_PAST: &str = "Passés";

/// Above the appointments to come.
pub const APPOINTMENTS_UPCOMING: &str = "À venir";

/// An upcoming appointment's letter, saved as PDF.
pub const APPOINTMENT_CONVOCATION: &str = "Convocation…";

/// The accessible name of an appointment's "Convocation…".
#[must_use]
pub fn convocation_for(when: &str) -> String {
    format!("Convocation pour le rendez-vous {when}")
}

pub const APPOINTMENT_CONVOCATION_HOVER: &str =
    "Enregistrer la lettre de convocation (PDF, une page A4) à imprimer et envoyer";

pub const CONVOCATION_SAVE_TITLE: &str = "Enregistrer la convocation en PDF";

/// What the convocation section saves, for [`no_file_chosen`](super::common::no_file_chosen).
pub const THE_CONVOCATION: &str = "la convocation";

/// After the convocation's PDF is written at `path`.
#[must_use]
pub fn convocation_saved(path: &std::path::Path) -> String {
    format!("Convocation enregistrée dans {}.", path.display())
}

/// An upcoming appointment as a calendar file, for Outlook, Thunderbird or a phone.
pub const APPOINTMENT_ICS: &str = "Agenda (.ics)…";

/// The accessible name of an appointment's "Agenda (.ics)…".
#[must_use]
pub fn ics_for(when: &str) -> String {
    format!("Exporter vers un agenda le rendez-vous {when}")
}

pub const APPOINTMENT_ICS_HOVER: &str = "Enregistrer le rendez-vous en fichier .ics (Outlook, Thunderbird, téléphone) : « RDV Parcours » et les initiales, rien de la situation de la personne";

pub const ICS_SAVE_TITLE: &str = "Enregistrer le rendez-vous pour un agenda (.ics)";

pub const ICS_FILTER: &str = "Calendrier iCalendar";

/// What the calendar export saves, for [`no_file_chosen`](super::common::no_file_chosen).
pub const THE_ICS: &str = "le fichier d'agenda";

/// After the `.ics` file is written at `path`.
#[must_use]
pub fn ics_saved(path: &std::path::Path) -> String {
    format!("Rendez-vous exporté dans {}.", path.display())
}
