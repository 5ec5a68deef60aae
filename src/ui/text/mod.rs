//! Every user-facing string of the window's chrome, in French, in one place. (Domain labels —
//! levels, routes, phases — live with their types in `model`, shared with the CLI.)

pub const APP_TITLE: &str = "Parcours";
pub const NEW_BENEFICIARY: &str = "Nouveau bénéficiaire";
pub const LOAD_DEMO: &str = "Charger des données de démonstration";
pub const SEARCH_LABEL: &str = "Rechercher";
pub const SEARCH_HINT: &str = "Nom, prénom…";
pub const EMPTY_TITLE: &str = "Aucun bénéficiaire pour l'instant";
pub const EMPTY_BODY: &str =
    "Créez la première fiche, ou chargez des données de démonstration pour découvrir Parcours.";
pub const NO_MATCH: &str = "Aucun bénéficiaire ne correspond à la recherche.";
pub const NOTHING_SELECTED: &str = "Sélectionnez un bénéficiaire dans la liste, ou créez-en un.";
pub const DATA_DIR: &str = "Dossier de données";
pub const SETTINGS: &str = "Paramètres";
pub const STRUCTURE_NAME: &str = "Nom de la structure (imprimé sur les documents)";
pub const SAVE: &str = "Enregistrer";
pub const CANCEL: &str = "Annuler";

pub const TAB_IDENTITY: &str = "Identité";
pub const TAB_SKILLS: &str = "Compétences";
pub const TAB_PREPARATION: &str = "Préparation à l'emploi";
pub const TAB_COMPANIES: &str = "Entreprises";
pub const TAB_CRECHE: &str = "Crèche";
pub const TAB_SUMMARY: &str = "Synthèse";

pub const STATUS_SAVED: &str = "Enregistré";
pub const STATUS_PENDING: &str = "Modifications en cours…";
pub const STATUS_INVALID: &str = "Non enregistré : corrigez les champs signalés en rouge.";
pub const STATUS_INVALID_KEPT: &str =
    "Champs en rouge non enregistrés : corrigez-les (le reste est enregistré).";
/// The list's mark on a record whose form holds an invalid field.
pub const LIST_TO_FIX: &str = "champ à corriger";

/// The status bar, when the person leaves a record holding invalid fields.
pub fn left_invalid(name: &str, fields: &str) -> String {
    format!(
        "{name} : champ(s) invalide(s) non enregistré(s) ({fields}) ; la fiche reste marquée dans la liste."
    )
}

/// Beside "Ajouter une langue", when the language is already listed (in another case).
pub fn language_exists(name: &str) -> String {
    format!("« {name} » est déjà dans la liste : ses niveaux se règlent sur sa ligne.")
}

/// The heading of the workshops already held, under the upcoming ones.
pub const WORKSHOPS_PAST: &str = "Ateliers passés";

/// Beside the confirmation asked before enrolling someone in a workshop already held.
pub const ENROL_PAST_WARNING: &str = "Cet atelier a déjà eu lieu.";

/// Confirms the enrolment in a workshop already held.
#[must_use]
pub fn confirm_past_enrol(title: &str) -> String {
    format!("Inscrire quand même à « {title} »")
}

/// Leaves the person out of a workshop already held.
pub const KEEP_UNENROLLED: &str = "Ne pas inscrire";

/// When a hire's start date is typed before the interview.
pub const HIRE_BEFORE_INTERVIEW: &str = "Le début du contrat ne peut pas précéder l'entretien.";

/// The undo bar's "Annuler" after a removal.
pub const UNDO: &str = "Annuler";
pub const STATUS_READ_ONLY: &str = "Lecture seule";

pub const READ_ONLY_BANNER: &str = "Lecture seule : Parcours est déjà ouvert sur ce dossier de données (autre fenêtre ou autre poste). Vous pouvez consulter les fiches ; les modifications ne seront pas enregistrées.";
pub const PROBLEMS_BANNER: &str =
    "fichier(s) n'ont pas pu être lus. Ils sont laissés intacts et ne seront pas remplacés.";
pub const SHOW_DETAILS: &str = "Voir le détail";
pub const PROBLEMS_TITLE: &str = "Fichiers illisibles";

pub const CLOSE_BLOCKED_TITLE: &str = "Des modifications ne peuvent pas être enregistrées";
pub const CLOSE_BLOCKED_BODY: &str = "Ces champs sont invalides et ne sont pas enregistrés (le reste des fiches l'est). Corrigez-les, ou quittez en abandonnant ces seuls champs :";
pub const CLOSE_FIX: &str = "Corriger";
pub const CLOSE_DISCARD: &str = "Quitter sans ces modifications";

pub const SECTION_IDENTITY: &str = "Identité";
pub const SECTION_CONTACT: &str = "Coordonnées";
pub const SECTION_ADMIN: &str = "Situation administrative";
pub const SECTION_FAMILY: &str = "Famille";
pub const SECTION_PATHWAY: &str = "Parcours";
pub const SECTION_FOLLOW_UP: &str = "Suivi";

pub const FIRST_NAME: &str = "Prénom";
pub const LAST_NAME: &str = "Nom *";
pub const BIRTH_NAME: &str = "Nom de naissance";
pub const BIRTH_DATE: &str = "Date de naissance";
pub const SEX: &str = "Sexe";
pub const NATIONALITY: &str = "Nationalité";
pub const COUNTRY: &str = "Pays d'origine";
pub const ARRIVAL_DATE: &str = "Arrivée en France";
pub const PHONE: &str = "Téléphone";
pub const EMAIL: &str = "E-mail";
pub const STREET: &str = "Adresse";
pub const POSTCODE: &str = "Code postal";
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
pub const CHILD_FIRST_NAME: &str = "Prénom de l'enfant";
pub const CHILD_BIRTH_DATE: &str = "Né·e le";
pub const ADD_CHILD: &str = "Ajouter un enfant";
pub const REMOVE_CHILD: &str = "Retirer";
pub const FRENCH_LEVEL: &str = "Niveau de français (CECRL)";
pub const ENTRY_ROUTE: &str = "Parcours d'entrée";
pub const ROUTE_OVERRIDE: &str = "Choisir un autre parcours que celui du niveau";
pub const ROUTE_OVERRIDE_REASON: &str = "Motif *";
pub const OUTCOME: &str = "Sortie du parcours";
pub const OUTCOME_NONE: &str = "Parcours en cours";
pub const OUTCOME_DATE: &str = "Date de sortie";
pub const REFERENT: &str = "Conseiller·ère référent·e";
pub const PRIVATE_NOTES: &str = "Notes privées du conseiller";
pub const DATE_HINT: &str = "JJ/MM/AAAA";
pub const NOT_PROVIDED: &str = "non renseigné";

/// Heading of the section ticks of the "Synthèse" tab.
pub const SUMMARY_SECTIONS: &str = "Sections à imprimer";
/// Heading of the confidential ticks.
pub const SUMMARY_CONFIDENTIAL: &str = "Informations confidentielles";
/// Below it.
pub const SUMMARY_CONFIDENTIAL_HINT: &str = "Imprimées seulement si elles sont cochées, pour une seule impression : les cases se décochent après chaque impression.";
/// Hover text of a confidential tick the record has nothing for.
pub const SUMMARY_NOT_IN_RECORD: &str = "Non renseigné dans la fiche";
/// Heading of the preview.
pub const SUMMARY_PREVIEW: &str = "Aperçu de l'impression";
/// Sends the summary to the printer.
pub const PRINT: &str = "Imprimer";
/// Saves the summary as a PDF file.
pub const SAVE_PDF: &str = "Enregistrer en PDF…";
/// Title of the save dialog.
pub const SAVE_PDF_TITLE: &str = "Enregistrer la synthèse en PDF";
/// File-type filter of the save dialog.
pub const PDF_FILTER: &str = "Document PDF";
/// Status after saving, followed by the path.
pub const PDF_SAVED: &str = "Synthèse enregistrée dans";
/// Status while the printer is being reached.
pub const PRINTING: &str = "Envoi à l'imprimante…";
/// Status while the viewer is being opened.
pub const OPENING_VIEWER: &str = "Ouverture de la visionneuse PDF…";
/// Status when a document with a missing character was opened for checking (followed by the
/// print shortcut).
pub const OPENED_FOR_CHECK: &str =
    "Le PDF est ouvert dans la visionneuse : vérifiez-le avant de l'imprimer avec";
/// Above the signature boxes of the preview.
pub const SIGNATURE: &str = "Date et signature";
/// Beside the title of the confidential block of the preview.
pub const CONFIDENTIAL_TAG: &str = "CONFIDENTIEL";
/// In the preview's header when the structure has no name yet (not printed).
pub const STRUCTURE_NAME_MISSING: &str =
    "Nom de la structure à renseigner (bouton « Paramètres », en bas à droite)";

/// Opens the restore window.
pub const RESTORE: &str = "Restaurer une sauvegarde…";
/// Title of the restore window.
pub const RESTORE_TITLE: &str = "Restaurer une sauvegarde";
/// When there is no backup yet.
pub const RESTORE_NONE: &str = "Aucune sauvegarde pour l'instant : Parcours en fait une avant la première modification de chaque jour.";
/// What a restore does.
pub const RESTORE_CONFIRM: &str = "Toutes les fiches, les partenaires et les paramètres seront remplacés par ceux de cette sauvegarde. Les données actuelles seront d'abord copiées dans backups/…-avant-restauration-…/.";
/// Confirms the restore.
pub const RESTORE_GO: &str = "Restaurer";
/// Number of daily backups kept, in the settings window.
pub const BACKUPS_KEPT: &str = "Sauvegardes quotidiennes conservées";

// "Préparation à l'emploi" (phase 2) and the workshops' catalogue.
pub const WORKSHOPS_OPEN: &str = "Ateliers collectifs…";
pub const WORKSHOPS_TITLE: &str = "Ateliers collectifs";
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
pub const OVERDUE_OPEN: &str = "Actions en retard";
pub const OVERDUE_NONE: &str = "Aucune action en retard.";
pub const CV_ASSEMBLE: &str = "Préparer le CV à partir de la fiche";
pub const CV_REASSEMBLE: &str = "Reprendre le CV depuis la fiche";
pub const CV_SAVE_PDF: &str = "Enregistrer le CV en PDF…";
pub const CV_SAVED: &str = "CV enregistré dans";
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

/// The permit's expiry alert, in one sentence (Préparation tab).
#[must_use]
pub fn permit_alert(alert: crate::model::PermitAlert) -> String {
    use crate::model::{PermitAlert, format_date};
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

/// Beside "Proposer" when the permit does not plainly allow the work.
#[must_use]
pub fn propose_despite(warning: &str) -> String {
    format!("Attention, droit au travail à vérifier avant de proposer : {warning}")
}

pub const FRENCH_ORAL_COMPREHENSION: &str = "Français : compréhension orale";
pub const FRENCH_ORAL_EXPRESSION: &str = "Français : expression orale";
pub const FRENCH_WRITTEN_COMPREHENSION: &str = "Français : compréhension écrite";
pub const FRENCH_WRITTEN_EXPRESSION: &str = "Français : expression écrite";
pub const LITERACY_ROUTE: &str = "Ne lit ni n'écrit dans aucune langue : orientation vers un cours d'alphabétisation, pas de FLE.";

/// The summary level when it is derived from the abilities.
#[must_use]
pub fn french_summary(level: &str) -> String {
    format!("{level} (la plus basse des compétences évaluées)")
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
pub const COURSE_KIND: &str = "Type de cours";
pub const END_REASON: &str = "Motif de fin";
pub const END_DATE: &str = "Dernier jour travaillé";
pub const OUTCOME_MONTHS: &str = "Durée du contrat (mois)";
pub const EXIT_CLASS: &str = "Type de sortie (financeurs)";
pub const SIAE: &str = "Structure d'insertion (SIAE)";
pub const NOT_SIAE: &str = "Non";
pub const NEW_PMSMP: &str = "Nouvelle PMSMP (immersion en entreprise)";
pub const PMSMP_COMPANY: &str = "Entreprise d'accueil";
pub const PMSMP_NO_COMPANY: &str = "Choisissez l'entreprise d'accueil.";
pub const PMSMP_FROM: &str = "Premier jour (PMSMP)";
pub const PMSMP_TO: &str = "Dernier jour (PMSMP)";
pub const PMSMP_TUTOR: &str = "Tuteur dans l'entreprise";
pub const PMSMP_RESULT: &str = "Résultat de la PMSMP";
pub const ADD_PMSMP: &str = "Ajouter la PMSMP";

/// "Tuteur : M. Roux", beside a PMSMP.
#[must_use]
pub fn pmsmp_tutor(tutor: &str) -> String {
    format!("Tuteur : {tutor}")
}

/// Beside a name holding characters the fonts cannot draw (shown as boxes): which ones.
pub fn undrawable(chars: &[char]) -> String {
    let codes: Vec<String> = chars
        .iter()
        .map(|c| format!("U+{:04X}", u32::from(*c)))
        .collect();
    format!(
        "\u{26a0} {} caractère(s) non affichable(s) ici (affichés \u{25fb}) : {}",
        chars.len(),
        codes.join(", ")
    )
}

/// When the save dialog gave no file: cancelled, or no dialog could be shown at all.
pub fn no_file_chosen(what: &str, folder: Option<&std::path::Path>) -> String {
    match folder {
        Some(folder) => format!(
            "Aucun fichier choisi : {what} n'a pas été enregistré(e). Si aucune fenêtre \
             d'enregistrement ne s'est ouverte, « {} » l'écrit dans {}.",
            SAVE_IN_FALLBACK,
            folder.display()
        ),
        None => format!("Aucun fichier choisi : {what} n'a pas été enregistré(e)."),
    }
}
/// The button that saves a document in the Documents folder when no dialog could be shown.
pub const SAVE_IN_FALLBACK: &str = "Enregistrer dans Documents";
/// What the summary tab saves, for [`no_file_chosen`].
pub const THE_SUMMARY: &str = "la synthèse";
/// What the CV section saves, for [`no_file_chosen`].
pub const THE_CV: &str = "le CV";
/// What the crèche's planning saves, for [`no_file_chosen`].
pub const THE_WEEK_PLANNING: &str = "le planning";
