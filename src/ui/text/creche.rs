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

pub const CRECHE_SAVE_WEEK_PDF: &str = "Enregistrer le planning de la semaine en PDF…";

pub const CRECHE_WEEK_SAVED: &str = "Planning de la semaine enregistré dans";

/// What the crèche's planning saves, for [`no_file_chosen`](super::common::no_file_chosen).
pub const THE_WEEK_PLANNING: &str = "le planning";

/// A child's age in words: "8 mois", "1 an", "2 ans et 3 mois".
pub fn age_words(months: i32) -> String {
    match (months / 12, months % 12) {
        (0, m) => format!("{m} mois"),
        (1, 0) => "1 an".to_owned(),
        (y, 0) => format!("{y} ans"),
        (1, m) => format!("1 an et {m} mois"),
        (y, m) => format!("{y} ans et {m} mois"),
    }
}

/// "né·e le 20/04/2025 (1 an et 7 mois)".
pub fn born_on(date: &str, age: &str) -> String {
    format!("né·e le {date} ({age})")
}

/// A child without a first name in the care sections: "Enfant 2".
pub fn child_number(position: usize) -> String {
    format!("Enfant {position}")
}

/// A booked child without a first name yet.
pub const CHILD_WITHOUT_NAME: &str = "(enfant sans prénom)";

/// The heading of a child's care section: "Accueil — Awa".
pub fn child_section(name: &str) -> String {
    format!("{CRECHE_CHILD_SECTION} — {name}")
}

pub fn allergies_of(name: &str) -> String {
    format!("Allergies de {name} (confidentiel)")
}

pub fn emergency_contact_of(name: &str) -> String {
    format!("Contact d'urgence pour {name}")
}

pub fn care_starts_of(name: &str) -> String {
    format!("Début de l'accueil de {name}")
}

pub fn health_of(name: &str) -> String {
    format!("Santé de {name} (confidentiel)")
}

pub fn pickups_of(name: &str) -> String {
    format!("Autorisé·es à venir chercher {name} (un par ligne)")
}

pub const AGE_UNKNOWN: &str = "Âge inconnu : renseignez la date de naissance (onglet Identité).";

pub fn too_young_until(from: &str) -> String {
    format!("Trop jeune pour la micro-crèche : accueil possible à partir du {from}.")
}

pub fn eligible_until(until: &str) -> String {
    format!("Peut être accueilli·e à la micro-crèche jusqu'au {until}.")
}

pub const TOO_OLD: &str = "Au-delà de l'âge de la micro-crèche.";

/// The booking form's note for a job interview: "Entretien : Commis — Brasserie", and
/// " (heure à préciser)" when its time is not known.
pub fn interview_note(label: &str, time_known: bool) -> String {
    if time_known {
        format!("Entretien : {label}")
    } else {
        format!("Entretien : {label} (heure à préciser)")
    }
}

/// "Réservé — Awa : le mardi 24/11/2026, 9 h – 12 h".
pub fn booked(label: &str) -> String {
    format!("Réservé — {label}")
}

/// "Mis en liste d'attente — Awa : …".
pub fn put_on_waiting_list(label: &str) -> String {
    format!("Mis en liste d'attente — {label}")
}

/// The button booking a free slot offered instead of a full one.
pub fn book_suggestion(suggestion: &str) -> String {
    format!("Réserver {suggestion}")
}

/// A waiting request's rank: "n° 1".
pub fn rank(rank: usize) -> String {
    format!("n° {rank}")
}

/// A waiting request: "Awa : le mardi 24/11/2026, 9 h – 12 h — Entretien (demandé le 18/11/2026)".
pub fn waiting_request(child: &str, booking: &str, reason: &str, requested_on: &str) -> String {
    format!("{child} : {booking} — {reason} (demandé le {requested_on})")
}

/// The first request of the waiting list a freed place can take.
pub fn place_free_for(rank: usize, who: &str, what: &str) -> String {
    format!("Une place est libre pour la demande n° {rank} ({who} — {what}).")
}

/// The button opening another family's record.
pub fn open_record(name: &str) -> String {
    format!("Ouvrir la fiche {name}")
}

/// A closed day of the planning, without a closure's name.
pub const CLOSED: &str = "Fermé";

/// "Semaine 2026-W48 : du lundi 23/11/2026 au vendredi 27/11/2026".
pub fn week_title(week: &str, first: &str, last: &str) -> String {
    format!("Semaine {week} : du {first} au {last}")
}

/// The week's occupancy, with decimal commas: "Taux d'occupation : 6,8 % (…)".
pub fn occupancy(percent: f64, booked_hours: f64, capacity_hours: f64, capacity: u32) -> String {
    format!(
        "{CRECHE_OCCUPANCY} : {percent:.1} % ({booked_hours:.1} heures-enfant réservées sur \
         {capacity_hours:.1} — {capacity} places × heures d'ouverture)"
    )
    .replace('.', ",")
}

/// The warning above a planning with more children than places somewhere.
pub fn overbooked(count: usize) -> String {
    format!(
        "Attention : {count} demi-heure(s) surréservée(s) cette semaine (en rouge), sans doute \
         des réservations faites sur deux ordinateurs. Ouvrez la case pour voir les familles et \
         annulez ou déplacez une réservation."
    )
}

/// The heading of an opened cell: "mardi 24/11/2026 à 9 h 30 : 13 enfant(s) pour 12 places".
pub fn cell_heading(day: &str, time: &str, booked: u32, capacity: u32) -> String {
    format!("{day} à {time} : {booked} enfant(s) pour {capacity} places")
}

/// A child of an opened cell: "Awa (fiche Fatoumata Diallo) — Atelier : atelier CV".
pub fn cell_entry(child: &str, parent: &str, reason: &str) -> String {
    format!("{child} (fiche {parent}) — {reason}")
}

/// "Planning de la semaine enregistré dans /home/…/creche_2026-W48.pdf."
pub fn week_saved(path: &std::path::Path) -> String {
    format!("{CRECHE_WEEK_SAVED} {}.", path.display())
}

// The settings window's closures.
/// A closure named by its reason, or by its number when it has none: "« Noël »", "n° 2".
pub fn closure_name(number: usize, label: &str) -> String {
    if label.is_empty() {
        format!("n° {number}")
    } else {
        format!("« {label} »")
    }
}

/// A closure's problem: "Fermeture « Noël » : …".
pub fn closure_problem(closure: &str, problem: &str) -> String {
    format!("Fermeture {closure} : {problem}")
}

pub const CLOSURE_START_REQUIRED: &str = "la date de début est obligatoire.";

/// The first field of a closure's row: "Fermeture 1 : du".
pub fn closure_from(number: usize) -> String {
    format!("Fermeture {number} : du")
}

pub const CLOSURE_TO: &str = "au";

pub const CLOSURE_REASON: &str = "motif";

pub const CLOSURE_REASON_HINT: &str = "Noël, Ascension…";

/// A booking merged from another laptop that puts the crèche over its places: which one to
/// move, and why this one.
pub fn booking_to_move(child: &str, day: &str, start: &str, end: &str, capacity: u32) -> String {
    format!(
        "Réservation à déplacer : {child}, {day} de {start} à {end}. Les {capacity} places \
         étaient déjà prises par des réservations plus anciennes (faites sur un autre poste avant \
         la synchronisation) : la plus ancienne garde la place. Modifiez cette réservation ou \
         choisissez un autre créneau."
    )
}
