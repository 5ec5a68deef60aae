//! Indicators about the people followed: how many, who they are (sex, age, nationality, time
//! since arrival, CIR, protection, family, French level, literacy), how they entered and how
//! far they went.
//!
//! Most tables have two columns: the people followed during the period, and among them those
//! who entered during it. Ages and the time since arrival are measured on the day of entry
//! (as ESF+ asks); the family and the French level at the period's last day.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::record::{
    Beneficiary, CefrLevel, EntryRoute, PermitKind, Phase, PhaseStatus, Sex, age_in_months, fold,
};
use crate::model::stats::Subject;
use crate::model::stats::anonymity::PeopleTable;
use crate::model::stats::table::Period;

/// The two columns of the tables about who the people are.
const FOLLOWED_AND_ENTERED: [&str; 2] = ["Personnes suivies", "dont entrées sur la période"];

/// Sources, as funders name them.
const STATE: &str = "État — BOP 104 (intégration des primo-arrivants)";
const ESF: &str = "FSE+ — indicateurs communs de réalisation";
const AMIF: &str = "FAMI (AMIF) — indicateur de résultat";

/// The tables of this family, before the anonymity rules.
pub(crate) fn tables(subjects: &[Subject<'_>], period: Period, threshold: u32) -> Vec<PeopleTable> {
    vec![
        overview(subjects, period),
        by(subjects, period, Breakdown::Sex),
        by(subjects, period, Breakdown::Age),
        by(subjects, period, Breakdown::AgeEsf),
        nationality(subjects, period, threshold),
        by(subjects, period, Breakdown::Arrival),
        by(subjects, period, Breakdown::Cir),
        by(subjects, period, Breakdown::Protection),
        family(subjects, period),
        french_levels(subjects, period),
        by(subjects, period, Breakdown::Gained),
        by(subjects, period, Breakdown::Literacy),
        by(subjects, period, Breakdown::Route),
        by(subjects, period, Breakdown::Phase),
    ]
}

/// People followed, entered, left.
fn overview(subjects: &[Subject<'_>], period: Period) -> PeopleTable {
    let mut t = PeopleTable::new(
        "people_overview",
        "Personnes suivies, entrées et sorties",
        STATE,
        &["Personnes"],
    )
    .overlapping();
    let count = |keep: &dyn Fn(&Subject<'_>) -> bool| {
        u32::try_from(subjects.iter().filter(|s| keep(s)).count()).unwrap_or(u32::MAX)
    };
    t.row("Personnes suivies sur la période", vec![count(&|_| true)]);
    t.row(
        "Entrées sur la période",
        vec![count(&|s| s.entered(period))],
    );
    t.row("Sorties sur la période", vec![count(&|s| s.left(period))]);
    t
}

/// The entry routes' rows.
const ROUTES: [&str; 3] = [
    EntryRoute::FrenchFirst.label(),
    EntryRoute::Valorisation.label(),
    "À déterminer",
];

/// A breakdown where each person falls in exactly one category.
#[derive(Debug, Clone, Copy)]
enum Breakdown {
    Sex,
    Age,
    AgeEsf,
    Arrival,
    Cir,
    Protection,
    Gained,
    Literacy,
    Route,
    Phase,
}

impl Breakdown {
    fn key(self) -> &'static str {
        match self {
            Self::Sex => "people_by_sex",
            Self::Age => "people_by_age",
            Self::AgeEsf => "people_by_age_esf",
            Self::Arrival => "people_by_arrival",
            Self::Cir => "people_by_cir",
            Self::Protection => "people_by_protection",
            Self::Gained => "people_french_gain",
            Self::Literacy => "people_literacy",
            Self::Route => "people_by_route",
            Self::Phase => "people_by_phase",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Self::Sex => "Répartition par sexe",
            Self::Age => "Répartition par âge à l'entrée",
            Self::AgeEsf => "Âge à l'entrée (tranches FSE+)",
            Self::Arrival => "Ancienneté de l'arrivée en France à l'entrée",
            Self::Cir => "Contrat d'intégration républicaine (CIR)",
            Self::Protection => "Protection internationale",
            Self::Gained => "Progression d'au moins un niveau du CECRL sur la période",
            Self::Literacy => "Besoin d'alphabétisation",
            Self::Route => "Parcours d'entrée",
            Self::Phase => "Phase atteinte",
        }
    }

    fn source(self) -> &'static str {
        match self {
            Self::Sex | Self::AgeEsf => ESF,
            Self::Age | Self::Route | Self::Phase | Self::Literacy => "",
            Self::Arrival | Self::Cir | Self::Protection => STATE,
            Self::Gained => AMIF,
        }
    }

    fn categories(self) -> &'static [&'static str] {
        match self {
            Self::Sex => &["Femmes", "Hommes", "Autre ou non renseigné"],
            Self::Age => &[
                "Moins de 18 ans",
                "18–25 ans",
                "26–29 ans",
                "30–44 ans",
                "45–54 ans",
                "55 ans et plus",
                "Âge non renseigné",
            ],
            Self::AgeEsf => &[
                "Moins de 18 ans",
                "18–29 ans",
                "30–54 ans",
                "55 ans et plus",
                "Âge non renseigné",
            ],
            Self::Arrival => &[
                "Moins de 5 ans (primo-arrivant)",
                "5 ans ou plus",
                "Date d'arrivée non renseignée",
            ],
            Self::Cir => &["CIR signé", "CIR non signé ou non renseigné"],
            Self::Protection => &[
                "Réfugié",
                "Protection subsidiaire",
                "Réfugié ou protection subsidiaire (à préciser)",
                "Protection temporaire",
                "Demandeur d'asile",
                "Autre situation ou non renseignée",
            ],
            Self::Gained => &[
                "A progressé d'au moins un niveau",
                "N'a pas progressé",
                "Niveau non évalué",
            ],
            Self::Literacy => &[
                "Besoin d'alphabétisation",
                "Pas de besoin d'alphabétisation ou non évalué",
            ],
            Self::Route => &ROUTES,
            Self::Phase => &[
                "Aucune phase commencée",
                "Phase 1 · Compétences",
                "Phase 2 · Préparation",
                "Phase 3 · Entreprises",
            ],
        }
    }

    /// The index, in [`Self::categories`], of the person's category.
    fn category(self, s: &Subject<'_>, period: Period) -> usize {
        let r = s.record;
        match self {
            Self::Sex => match r.identity.sex {
                Sex::Female => 0,
                Sex::Male => 1,
                Sex::Unspecified => 2,
            },
            Self::Age => match age_on(r, s.entry) {
                None => 6,
                Some(age) => match age {
                    ..18 => 0,
                    18..=25 => 1,
                    26..=29 => 2,
                    30..=44 => 3,
                    45..=54 => 4,
                    _ => 5,
                },
            },
            Self::AgeEsf => match age_on(r, s.entry) {
                None => 4,
                Some(age) => match age {
                    ..18 => 0,
                    18..=29 => 1,
                    30..=54 => 2,
                    _ => 3,
                },
            },
            Self::Arrival => match r.identity.arrival_date {
                None => 2,
                Some(arrival) if years_between(arrival, s.entry) < 5 => 0,
                Some(_) => 1,
            },
            Self::Cir => match r.administrative.cir_signed_on {
                Some(day) if day <= period.to => 0,
                _ => 1,
            },
            Self::Protection => protection_category(r),
            Self::Gained => match r.french_level_at_entry(s.entry) {
                None => 2,
                Some(_) => usize::from(!r.gained_french_level(s.entry, period.from, period.to)),
            },
            Self::Literacy => usize::from(!r.needs_literacy()),
            Self::Route => match r.entry_route() {
                Some(EntryRoute::FrenchFirst) => 0,
                Some(EntryRoute::Valorisation) => 1,
                None => 2,
            },
            Self::Phase => Phase::ALL
                .iter()
                .rposition(|&p| r.pathway.phases.get(p).status != PhaseStatus::NotStarted)
                .map_or(0, |index| index + 1),
        }
    }
}

/// The person's protection, as the residence permit (or the title a récépissé stands for)
/// tells it.
fn protection_category(r: &Beneficiary) -> usize {
    let Some(permit) = &r.administrative.residence_permit else {
        return 5;
    };
    let kind = if permit.kind.stands_for_another() {
        permit.renews.unwrap_or(permit.kind)
    } else {
        permit.kind
    };
    match kind {
        PermitKind::Refugee => 0,
        PermitKind::SubsidiaryProtection => 1,
        PermitKind::Protection => 2,
        PermitKind::TemporaryProtection => 3,
        PermitKind::AsylumSeeker => 4,
        _ => 5,
    }
}

/// Age in whole years on `day`, when the birth date is known.
fn age_on(r: &Beneficiary, day: NaiveDate) -> Option<i32> {
    r.identity
        .birth_date
        .map(|birth| age_in_months(birth, day).div_euclid(12))
}

/// Whole years from `from` to `to`.
fn years_between(from: NaiveDate, to: NaiveDate) -> i32 {
    age_in_months(from, to).div_euclid(12)
}

/// Followed and entered, per category.
fn by(subjects: &[Subject<'_>], period: Period, breakdown: Breakdown) -> PeopleTable {
    let categories = breakdown.categories();
    let mut counts = vec![[0_u32; 2]; categories.len()];
    for s in subjects {
        let index = breakdown.category(s, period);
        if let Some(row) = counts.get_mut(index) {
            row[0] += 1;
            row[1] += u32::from(s.entered(period));
        }
    }
    let mut t = PeopleTable::new(
        breakdown.key(),
        breakdown.title(),
        breakdown.source(),
        &FOLLOWED_AND_ENTERED,
    );
    for (label, row) in categories.iter().zip(counts) {
        t.row(*label, row.to_vec());
    }
    t
}

/// How many nationality groups are named at most; the others are counted as "Autres".
pub const NATIONALITY_GROUPS: usize = 8;

/// By nationality: a group is named when it is among the [`NATIONALITY_GROUPS`] largest *and*
/// counts at least `threshold` people followed, so that a rare nationality (or a spelling
/// typed once) never shows by name; the others are added up as "Autres nationalités".
fn nationality(subjects: &[Subject<'_>], period: Period, threshold: u32) -> PeopleTable {
    // Folded name → (a spelling seen, followed, entered).
    let mut groups: HashMap<String, (String, u32, u32)> = HashMap::new();
    let mut unknown = [0_u32; 2];
    for s in subjects {
        let name = s.record.identity.nationality.trim();
        let entered = u32::from(s.entered(period));
        if name.is_empty() {
            unknown[0] += 1;
            unknown[1] += entered;
            continue;
        }
        let group = groups
            .entry(fold(name))
            .or_insert_with(|| (capitalised(name), 0, 0));
        group.1 += 1;
        group.2 += entered;
    }
    let mut groups: Vec<(String, u32, u32)> = groups.into_values().collect();
    groups.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| fold(&a.0).cmp(&fold(&b.0))));
    let mut t = PeopleTable::new(
        "people_by_nationality",
        "Répartition par nationalité",
        "Centres de ressources régionaux — profil des publics",
        &FOLLOWED_AND_ENTERED,
    );
    let mut others = [0_u32; 2];
    for (index, (label, followed, entered)) in groups.into_iter().enumerate() {
        if index < NATIONALITY_GROUPS && followed >= threshold.max(1) {
            t.row(label, vec![followed, entered]);
        } else {
            others[0] += followed;
            others[1] += entered;
        }
    }
    t.row("Autres nationalités", others.to_vec());
    t.row("Nationalité non renseignée", unknown.to_vec());
    t
}

/// The first letter upper-case, the rest as typed ("malienne" → "Malienne").
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Single parents and parents of a child under 3, among the people followed (a person may
/// count in both rows, or none).
fn family(subjects: &[Subject<'_>], period: Period) -> PeopleTable {
    let mut single = [0_u32; 2];
    let mut young = [0_u32; 2];
    for s in subjects {
        let entered = u32::from(s.entered(period));
        let family = &s.record.family;
        let has_children = !family.children.is_empty();
        if has_children && crate::model::creche::is_single_parent(family.situation) {
            single[0] += 1;
            single[1] += entered;
        }
        let under_three = family.children.iter().any(|c| {
            c.birth_date
                .is_some_and(|birth| birth <= period.to && age_in_months(birth, period.to) < 36)
        });
        if under_three {
            young[0] += 1;
            young[1] += entered;
        }
    }
    let mut t = PeopleTable::new(
        "people_family",
        "Situation familiale",
        ESF,
        &FOLLOWED_AND_ENTERED,
    )
    .overlapping();
    t.row("Parent isolé", single.to_vec());
    t.row(
        "Au moins un enfant de moins de 3 ans (au dernier jour de la période)",
        young.to_vec(),
    );
    t
}

/// The French level at entry and the latest one (at the period's last day).
fn french_levels(subjects: &[Subject<'_>], period: Period) -> PeopleTable {
    let levels = &CefrLevel::ALL[1..];
    let index = |level: Option<CefrLevel>| {
        level
            .and_then(|l| levels.iter().position(|x| *x == l))
            .unwrap_or(levels.len())
    };
    let mut counts = vec![[0_u32; 2]; levels.len() + 1];
    for s in subjects {
        let r = s.record;
        let at_entry = r.french_level_at_entry(s.entry);
        let latest = crate::model::record::level_on(&r.french_assessments(), period.to);
        if let Some(row) = counts.get_mut(index(at_entry)) {
            row[0] += 1;
        }
        if let Some(row) = counts.get_mut(index(latest)) {
            row[1] += 1;
        }
    }
    let mut t = PeopleTable::new(
        "people_french_level",
        "Niveau de français (CECRL) à l'entrée et le plus récent",
        AMIF,
        &["Niveau à l'entrée", "Niveau le plus récent"],
    );
    for (level, row) in levels.iter().zip(&counts) {
        t.row(level.short_label(), row.to_vec());
    }
    if let Some(row) = counts.last() {
        t.row("Non évalué", row.to_vec());
    }
    t
}
