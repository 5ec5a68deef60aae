//! Each indicator's definition, in French, as the spreadsheet's first sheet and README give
//! them to funders.

/// The words every table uses, defined once.
pub const GENERAL: [(&str, &str); 6] = [
    (
        "Personne suivie sur la période",
        "Personne entrée au plus tard le dernier jour de la période et non sortie avant son premier jour.",
    ),
    (
        "Date d'entrée",
        "Le début le plus ancien d'une phase du parcours ; à défaut, la date de création de la fiche.",
    ),
    (
        "Date de sortie",
        "La date de la sortie enregistrée (fin du parcours).",
    ),
    (
        "Périmètre",
        "Toute la structure, ou les personnes dont la conseillère ou le conseiller référent porte ce nom (sans tenir compte des majuscules ni des accents). Une fiche anonymisée n'a plus de référent : elle ne compte que pour toute la structure.",
    ),
    (
        "Personnes exclues",
        "Les personnes qui ont refusé ou retiré leur accord à l'usage de leurs données pour des statistiques ne sont comptées dans aucun tableau ; le bilan en donne le nombre.",
    ),
    (
        "Secret statistique",
        "Un nombre de personnes compris entre 1 et le seuil moins un (4 par défaut) s'affiche « < 5 ». Si une seule case d'une colonne est masquée à côté d'un total affiché, la plus petite autre case l'est aussi (ou, à défaut, le total), pour qu'aucune case masquée ne se retrouve par soustraction. Aucun nom, identifiant ni texte libre n'apparaît ; une nationalité n'est nommée que si elle compte au moins le seuil de personnes.",
    ),
];

/// The definition of the table keyed `key` (empty for an unknown key).
#[must_use]
pub fn definition(key: &str) -> &'static str {
    match key {
        "people_overview" => {
            "Personnes suivies, entrées (date d'entrée dans la période) et sorties (date de sortie dans la période)."
        }
        "people_by_sex" => {
            "Sexe indiqué sur la fiche ; « Autre ou non renseigné » quand il n'est pas précisé (FSE+ : femmes, hommes, non-binaires/autres)."
        }
        "people_by_age" => {
            "Âge révolu à la date d'entrée dans l'accompagnement (FSE+ compte l'âge à l'entrée)."
        }
        "people_by_age_esf" => {
            "Les tranches des indicateurs communs FSE+ : moins de 18 ans, 18–29 ans, 55 ans et plus (30–54 ans pour compléter)."
        }
        "people_by_nationality" => {
            "Nationalité saisie, regroupée sans tenir compte des majuscules ni des accents ; les huit groupes les plus nombreux qui comptent au moins le seuil de personnes sont nommés, les autres sont réunis dans « Autres nationalités »."
        }
        "people_by_arrival" => {
            "Années révolues entre l'arrivée en France et l'entrée : moins de 5 ans, primo-arrivant au sens de l'État (BOP 104)."
        }
        "people_by_cir" => {
            "Contrat d'intégration républicaine signé avec l'OFII au plus tard le dernier jour de la période."
        }
        "people_by_protection" => {
            "Titre de séjour enregistré (pour un récépissé ou une attestation de prolongation, le titre demandé) : réfugié, protection subsidiaire, protection temporaire, demande d'asile."
        }
        "people_family" => {
            "Parent isolé : célibataire, séparé·e, divorcé·e ou veuf·ve avec au moins un enfant. Enfant de moins de 3 ans au dernier jour de la période. Une personne peut compter dans les deux lignes."
        }
        "people_french_level" => {
            "Niveau à l'entrée : la dernière évaluation datée au plus tard du jour d'entrée (à défaut, la première évaluation). Niveau le plus récent : la dernière évaluation datée au plus tard du dernier jour de la période."
        }
        "people_french_gain" => {
            "FAMI (AMIF) : le niveau le plus récent à la fin de la période dépasse d'au moins un niveau du CECRL celui de la veille du début de la période (ou le niveau à l'entrée pour une personne entrée pendant la période)."
        }
        "people_literacy" => {
            "Ne lit ni n'écrit le français (A0, ou compréhension ou expression écrites à A0) et n'écrit aucune autre langue au-delà de A0."
        }
        "people_by_route" => {
            "Parcours d'entrée : choisi par la conseillère ou le conseiller, sinon celui du niveau de français (FLE d'abord sous B1, programme de valorisation à partir de B1)."
        }
        "people_by_phase" => {
            "La phase la plus avancée commencée (en cours ou terminée) ; état à la date du bilan."
        }
        "people_by_month" => "Entrées et sorties selon le mois de leur date.",
        "activity_hours" => {
            "Durée des entretiens individuels (face-à-face, téléphone, visio) et des temps collectifs (ateliers hors catalogue et ateliers du catalogue où la personne était présente) de la période, comparée à la cible 70 % / 30 %."
        }
        "activity_sessions" => {
            "Nombre d'entretiens enregistrés dans les fiches et de présences aux ateliers du catalogue pendant la période."
        }
        "activity_workshops" => {
            "Ateliers du catalogue datés dans la période (pour un conseiller : ceux où l'une de ses personnes était inscrite). Remplissage : inscriptions / places. Présence : présents / présences pointées."
        }
        "activity_referrals" => {
            "Orientations vers un partenaire de cours de français ou d'alphabétisation datées dans la période."
        }
        "activity_appointments" => {
            "Rendez-vous de l'agenda datés dans la période : honorés, absences non prévenues, absences excusées. Taux d'absence : absents / (honorés + absents + excusés) ; les rendez-vous prévus ou annulés ne comptent pas."
        }
        "employment_steps" => {
            "Candidatures passées à l'état « Envoyée », entretiens d'embauche datés, embauches (premier jour de travail) et immersions (PMSMP, premier jour) dans la période."
        }
        "employment_exits" => {
            "Sorties de la période selon la typologie de l'IAE : emploi durable (CDI, contrat de 6 mois ou plus, création d'activité), emploi de transition, sortie positive (formation, autre structure), autre sortie."
        }
        "employment_after_exit" => {
            "FSE+ EECR04 : parmi les sorties de la période, personnes en emploi dans les 28 jours suivant la sortie (sortie vers l'emploi, ou embauche commencée au plus tard le 28e jour et non terminée avant la sortie)."
        }
        "employment_first_job" => {
            "Médiane du nombre de jours entre l'entrée et le premier emploi (première embauche ou sortie vers l'emploi), pour les personnes dont le premier emploi commence dans la période ; masquée sous le seuil."
        }
        "creche_weeks" | "creche_months" => {
            "Heures-enfants réservées les jours d'ouverture / heures-places offertes (capacité × heures d'ouverture × jours d'ouverture)."
        }
        "creche_reasons" => "Heures-enfants réservées dans la période, selon le motif du parent.",
        "creche_served" => "Enfants et familles ayant au moins une réservation dans la période.",
        _ => "",
    }
}
