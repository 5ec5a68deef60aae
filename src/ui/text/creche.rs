//! The "Crèche" tab and the micro-crèche's settings window.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const TAB_CRECHE: &str = "Crèche";

// The "Crèche" tab and its settings window.
pub const CRECHE_CHILDREN: &str = "Enfants et micro-crèche";

pub const CRECHE_NO_CHILD: &str = "Aucun enfant enregistré dans la fiche (onglet Identité).";

pub const CRECHE_CHILD_SECTION: &str = "Accueil";

pub const CRECHE_AGE: &str = "Âge";

pub const CRECHE_BOOKINGS: &str = "Réservations de la famille";

pub const CRECHE_NO_BOOKING: &str = "Aucune réservation.";

pub const CRECHE_CANCEL_BOOKING: &str = "Annuler la réservation";

pub const CRECHE_NEW_BOOKING: &str = "Nouvelle réservation";

pub const CRECHE_CHILD: &str = "Enfant";

pub const CRECHE_KIND: &str = "Type de réservation";

pub const CRECHE_ONCE: &str = "Ponctuelle";

pub const CRECHE_WEEKLY: &str = "Chaque semaine";

pub const CRECHE_DAYS: &str = "Jours";

pub const CRECHE_FROM: &str = "Du (premier jour)";

pub const CRECHE_UNTIL: &str = "Au (dernier jour)";

pub const CRECHE_DATE: &str = "Date de l'accueil";

pub const CRECHE_HOURS: &str = "Horaires (arrivée – départ)";

pub const CRECHE_START: &str = "Arrivée";

pub const CRECHE_END: &str = "Départ";

pub const CRECHE_REASON: &str = "Motif";

pub const CRECHE_NOTE: &str = "Précision du motif";

pub const CRECHE_NOTE_HINT: &str = "atelier CV, entretien chez…";

pub const CRECHE_BOOK: &str = "Réserver";

pub const CRECHE_DATE_REQUIRED: &str = "Date obligatoire (JJ/MM/AAAA).";

pub const CRECHE_CHILD_REQUIRED: &str = "Choisissez l'enfant.";

pub const CRECHE_SUGGESTIONS: &str = "Créneaux libres les plus proches :";

pub const CRECHE_NO_SUGGESTION: &str =
    "Aucun créneau libre proche : mettez la demande en liste d'attente.";

pub const CRECHE_TO_WAITING_LIST: &str = "Mettre en liste d'attente";

pub const CRECHE_WAITING: &str = "Liste d'attente";

pub const CRECHE_REMOVE_REQUEST: &str = "Retirer de la liste";

pub const CRECHE_PLACE_REQUEST: &str = "Réserver cette demande";

/// Shown instead of a rank for a waiting request whose dates have passed.
pub const CRECHE_REQUEST_EXPIRED: &str = "expirée";

/// The waiting list's order, as the law sets it (AVIP, article L.214-7 CASF).
pub const CRECHE_WAITING_ORDER: &str = "Priorité (AVIP, art. L.214-7 CASF) : parents isolés en parcours, puis parents en parcours ou tout juste entrés en emploi ou en formation, puis la demande la plus ancienne. Une demande dont les dates sont passées expire.";

/// "3 demande(s) en attente pour toute la crèche."
#[must_use]
pub fn creche_waiting_count(count: usize) -> String {
    format!("{count} demande(s) en attente pour toute la crèche.")
}

pub const CRECHE_PLANNING: &str = "Planning de la semaine (toutes les familles)";

pub const CRECHE_PREVIOUS_WEEK: &str = "◀ Semaine précédente";

pub const CRECHE_THIS_WEEK: &str = "Cette semaine";

pub const CRECHE_NEXT_WEEK: &str = "Semaine suivante ▶";

pub const CRECHE_SETTINGS: &str = "Paramètres de la crèche…";

pub const CRECHE_OCCUPANCY: &str = "Taux d'occupation";

pub const CRECHE_LEGEND: &str = "Enfants réservés / places :";

pub const CRECHE_SETTINGS_TITLE: &str = "Paramètres de la micro-crèche";

pub const CRECHE_NAME: &str = "Nom de la crèche";

pub const CRECHE_CAPACITY: &str = "Places (enfants présents en même temps)";

pub const CRECHE_OPEN_DAYS: &str = "Jours d'ouverture";

pub const CRECHE_OPENING_HOURS: &str = "Horaires d'ouverture";

pub const CRECHE_OPENS_AT: &str = "Ouverture";

pub const CRECHE_CLOSES_AT: &str = "Fermeture";

pub const CRECHE_MIN_AGE: &str = "Âge minimum (mois)";

pub const CRECHE_MAX_AGE: &str = "Âge maximum (mois)";

/// The settings' picker of the upper age rule.
pub const CRECHE_UPPER_AGE_RULE: &str = "Fin de l'accueil";

pub const CRECHE_CLOSURES: &str = "Fermetures (vacances, jours fériés)";

pub const CRECHE_ADD_CLOSURE: &str = "Ajouter une fermeture";

pub const CRECHE_REMOVE_CLOSURE: &str = "Retirer";

pub const CRECHE_SAVE_WEEK_PDF: &str = "Enregistrer le planning de la semaine en PDF…";

pub const CRECHE_WEEK_SAVED: &str = "Planning de la semaine enregistré dans";

/// What the crèche's planning saves, for [`no_file_chosen`].
pub const THE_WEEK_PLANNING: &str = "le planning";
