//! The pathway summary as plain data: what the "Synthèse" tab previews and the PDF prints, built
//! from a record, the structure's settings, the counsellor's ticks and the date.
//!
//! Every text is final French wording, so that the preview and the template show exactly the
//! same thing; sections and rows also carry stable `key`s, so that a structure's template can
//! pick, reorder or restyle them without touching Rust.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::{
    Beneficiary, CrecheAge, Diploma, Phase, PhaseProgress, PhaseStatus, Settings,
    eqf_french_equivalent, format_date, rome,
};

/// Shown for a value the record does not hold.
pub const NOT_PROVIDED: &str = "non renseigné";

/// A part of the summary the counsellor can tick in or out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// Birth date and nationality (the name heads every page anyway).
    Identity,
    /// French level, entry route and where the person stands.
    Pathway,
    /// Phase 1: skills identification and valorisation.
    Identification,
    /// Phase 2: employment preparation, administrative steps.
    Preparation,
    /// Phase 3: matching with companies, outcome.
    Matching,
    /// Children of micro-crèche age.
    Creche,
}

impl Section {
    /// Every section, in print order.
    pub const ALL: [Self; 6] = [
        Self::Identity,
        Self::Pathway,
        Self::Identification,
        Self::Preparation,
        Self::Matching,
        Self::Creche,
    ];

    /// The French title, as printed.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Identity => "Identité",
            Self::Pathway => "Parcours",
            Self::Identification => "Phase 1 · Identification et valorisation des compétences",
            Self::Preparation => "Phase 2 · Préparation à l'emploi",
            Self::Matching => "Phase 3 · Mise en relation avec les entreprises",
            Self::Creche => "Micro-crèche",
        }
    }

    /// The stable key templates refer to.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::Identity => "identite",
            Self::Pathway => "parcours",
            Self::Identification => "phase1",
            Self::Preparation => "phase2",
            Self::Matching => "phase3",
            Self::Creche => "creche",
        }
    }
}

/// An item left out of the summary unless ticked for this print. (The crèche's health notes
/// join this list when the crèche issue adds them to the record.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Confidential {
    /// The counsellor's private notes.
    PrivateNotes,
    /// The residence permit's number.
    PermitNumber,
    /// The social-security number.
    SocialSecurityNumber,
}

impl Confidential {
    /// Every confidential item, in print order.
    pub const ALL: [Self; 3] = [
        Self::PermitNumber,
        Self::SocialSecurityNumber,
        Self::PrivateNotes,
    ];

    /// The French label, as printed.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::PrivateNotes => "Notes privées du conseiller",
            Self::PermitNumber => "N° du titre de séjour",
            Self::SocialSecurityNumber => "N° de sécurité sociale",
        }
    }

    /// The record's value for this item, when it holds one.
    #[must_use]
    pub fn value(self, record: &Beneficiary) -> Option<&str> {
        let value = match self {
            Self::PrivateNotes => Some(record.private_notes.as_str()),
            Self::PermitNumber => record
                .administrative
                .residence_permit
                .as_ref()
                .and_then(|p| p.number.as_deref()),
            Self::SocialSecurityNumber => record.administrative.social_security_number.as_deref(),
        };
        value.map(str::trim).filter(|v| !v.is_empty())
    }
}

/// What the counsellor ticked: sections in (all by default) and confidential items revealed
/// (none by default, and forgotten after each print).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryOptions {
    sections: BTreeSet<Section>,
    revealed: BTreeSet<Confidential>,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        Self {
            sections: Section::ALL.into_iter().collect(),
            revealed: BTreeSet::new(),
        }
    }
}

impl SummaryOptions {
    /// Whether a section is ticked in.
    #[must_use]
    pub fn includes(&self, section: Section) -> bool {
        self.sections.contains(&section)
    }

    /// Ticks a section in or out.
    pub fn set_included(&mut self, section: Section, included: bool) {
        if included {
            self.sections.insert(section);
        } else {
            self.sections.remove(&section);
        }
    }

    /// Whether a confidential item is ticked in.
    #[must_use]
    pub fn reveals(&self, item: Confidential) -> bool {
        self.revealed.contains(&item)
    }

    /// Ticks a confidential item in or out.
    pub fn set_revealed(&mut self, item: Confidential, revealed: bool) {
        if revealed {
            self.revealed.insert(item);
        } else {
            self.revealed.remove(&item);
        }
    }

    /// Unticks every confidential item: called after each print, and when another record is
    /// shown, so that a tick never outlives the document it was meant for.
    pub fn forget_confidential(&mut self) {
        self.revealed.clear();
    }
}

/// One "label: value" line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SummaryRow {
    /// Stable key, for templates.
    pub key: &'static str,
    /// French label.
    pub label: String,
    /// The value, or [`NOT_PROVIDED`].
    pub value: String,
}

/// One titled block of the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SummarySection {
    /// Stable key, for templates: a [`Section::key`], or `confidentiel`.
    pub key: &'static str,
    /// French title.
    pub title: String,
    /// Whether the block holds confidential items (printed only when ticked).
    pub confidential: bool,
    /// Its lines.
    pub rows: Vec<SummaryRow>,
    /// Free text below the lines (private notes), possibly several paragraphs.
    pub text: String,
}

/// Someone who signs the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signature {
    /// "Le ou la bénéficiaire", "Le ou la conseiller·ère".
    pub role: &'static str,
    /// The person's name (may be empty).
    pub name: String,
}

/// The pathway summary, ready to preview or print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The document's title.
    pub title: &'static str,
    /// The structure's name (may be empty), for the header.
    pub structure: String,
    /// The date of the document, `22/11/2026`.
    pub date: String,
    /// The same, in words: `22 novembre 2026`.
    pub date_long: String,
    /// The person's name, on every page.
    pub person: String,
    /// The referent counsellor (may be empty).
    pub referent: String,
    /// The ticked sections that have something to say, then the revealed confidential items.
    pub sections: Vec<SummarySection>,
    /// Signature blocks: the beneficiary, then the counsellor.
    pub signatures: Vec<Signature>,
}

fn row(key: &'static str, label: &str, value: impl Into<String>) -> SummaryRow {
    let value = value.into();
    SummaryRow {
        key,
        label: label.to_owned(),
        value: if value.trim().is_empty() {
            NOT_PROVIDED.to_owned()
        } else {
            value
        },
    }
}

fn date_or_empty(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_default()
}

/// A date in French words: `1er mars 2026`, `22 novembre 2026`.
#[must_use]
pub fn long_date(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
    let day = if date.day() == 1 {
        "1er".to_owned()
    } else {
        date.day().to_string()
    };
    format!("{day} {month} {}", date.year())
}

/// Status and dates of a phase in one phrase: "En cours depuis le 02/03/2026".
fn phase_status(progress: &PhaseProgress) -> String {
    let start = progress.started_on.map(format_date);
    let end = progress.ended_on.map(format_date);
    match (progress.status, start, end) {
        (PhaseStatus::NotStarted, _, _) => PhaseStatus::NotStarted.label().to_owned(),
        (PhaseStatus::InProgress, Some(start), _) => format!("En cours depuis le {start}"),
        (PhaseStatus::InProgress, None, _) => PhaseStatus::InProgress.label().to_owned(),
        (PhaseStatus::Done, Some(start), Some(end)) => format!("Terminée (du {start} au {end})"),
        (PhaseStatus::Done, None, Some(end)) => format!("Terminée le {end}"),
        (PhaseStatus::Done, Some(start), None) => format!("Terminée (commencée le {start})"),
        (PhaseStatus::Done, None, None) => PhaseStatus::Done.label().to_owned(),
    }
}

fn status_row(record: &Beneficiary, phase: Phase) -> SummaryRow {
    row(
        "statut",
        "Statut",
        phase_status(record.pathway.phases.get(phase)),
    )
}

fn identity_rows(record: &Beneficiary) -> Vec<SummaryRow> {
    vec![
        row(
            "date_naissance",
            "Date de naissance",
            date_or_empty(record.identity.birth_date),
        ),
        row("nationalite", "Nationalité", &record.identity.nationality),
    ]
}

fn pathway_rows(record: &Beneficiary) -> Vec<SummaryRow> {
    let mut rows = vec![
        row(
            "niveau_francais",
            "Niveau de français (CECRL)",
            record.french_level.label(),
        ),
        row(
            "parcours_entree",
            "Parcours d'entrée",
            record.entry_route_label(),
        ),
    ];
    if let Some(route_override) = &record.pathway.route_override {
        rows.push(row(
            "motif_parcours",
            "Motif du choix de parcours",
            &route_override.reason,
        ));
    }
    rows.push(row("etape", "Étape actuelle", record.stage().label()));
    rows
}

/// How many of the strongest skills the summary lists.
const STRONGEST_SKILLS: usize = 5;

/// "Aide-soignant / Aide-soignante (J1501)", or the bare code when the catalogue lacks it.
fn occupation_name(code: &str) -> String {
    rome::catalog()
        .occupation(code)
        .map_or_else(|| code.to_owned(), |o| format!("{} ({})", o.label, o.code))
}

/// "Licence d'infirmière (Syrie, 2012) — niveau 6 (bac + 3 : licence, BUT) — Attestation de
/// comparabilité obtenue".
fn diploma_line(diploma: &Diploma) -> String {
    let origin: Vec<String> = [
        diploma.country.trim().to_owned(),
        diploma.year.map(|y| y.to_string()).unwrap_or_default(),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect();
    let mut line = diploma.title.trim().to_owned();
    if !origin.is_empty() {
        line = format!("{line} ({})", origin.join(", "));
    }
    if let Some(level) = diploma.eqf_level {
        line.push_str(" — ");
        line.push_str(eqf_french_equivalent(level));
    }
    line.push_str(" — ");
    line.push_str(diploma.recognition.label());
    line
}

/// Several values in one row, one per line.
fn lines<I: IntoIterator<Item = String>>(values: I) -> String {
    values.into_iter().collect::<Vec<_>>().join("\n")
}

fn identification_rows(record: &Beneficiary) -> Vec<SummaryRow> {
    let skills = &record.skills;
    vec![
        status_row(record, Phase::Identification),
        row(
            "metiers_vises",
            "Métiers visés",
            lines(skills.target_occupations.iter().map(|c| occupation_name(c))),
        ),
        row(
            "points_forts",
            "Points forts",
            lines(
                skills
                    .strongest_skills(STRONGEST_SKILLS)
                    .into_iter()
                    .map(|s| format!("{} — {}", s.label.trim(), s.level.label())),
            ),
        ),
        row(
            "diplomes",
            "Diplômes et reconnaissance",
            lines(
                skills
                    .diplomas
                    .iter()
                    .filter(|d| !d.title.trim().is_empty())
                    .map(diploma_line),
            ),
        ),
        row(
            "langues",
            "Langues parlées",
            record
                .identity
                .languages
                .iter()
                .map(|l| l.name.trim())
                .filter(|name| !name.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ]
}

fn preparation_rows(record: &Beneficiary, today: NaiveDate) -> Vec<SummaryRow> {
    let admin = &record.administrative;
    let permit = admin
        .residence_permit
        .as_ref()
        .map_or_else(String::new, |p| match p.expires_on {
            Some(end) if end < today => format!(
                "{} (fin de validité le {} : à renouveler)",
                p.kind.label(),
                format_date(end)
            ),
            Some(end) => format!("{} (valable jusqu'au {})", p.kind.label(), format_date(end)),
            None => p.kind.label().to_owned(),
        });
    vec![
        status_row(record, Phase::Preparation),
        row("titre_sejour", "Titre de séjour", permit),
        row(
            "cir",
            "Contrat d'intégration républicaine (OFII)",
            admin
                .cir_signed_on
                .map_or_else(String::new, |d| format!("signé le {}", format_date(d))),
        ),
        row(
            "caf",
            "CAF",
            if admin.caf_number.is_some() {
                "allocataire"
            } else {
                ""
            },
        ),
        row(
            "securite_sociale",
            "Sécurité sociale",
            if admin.social_security_number.is_some() {
                "numéro attribué"
            } else {
                ""
            },
        ),
    ]
}

fn matching_rows(record: &Beneficiary) -> Vec<SummaryRow> {
    let outcome = record
        .pathway
        .outcome
        .as_ref()
        .map_or("parcours en cours".to_owned(), |o| {
            format!("{} le {}", o.kind.label(), format_date(o.date))
        });
    vec![
        status_row(record, Phase::Matching),
        row("sortie", "Sortie du parcours", outcome),
    ]
}

/// Children of micro-crèche age (or about to be), with what the crèche can offer.
fn creche_rows(record: &Beneficiary, today: NaiveDate) -> Vec<SummaryRow> {
    record
        .family
        .children
        .iter()
        .filter_map(|child| {
            let born = child
                .birth_date
                .map(|b| format!("né·e le {}", format_date(b)));
            let status = match child.creche_age(today) {
                CrecheAge::TooOld => return None,
                CrecheAge::Unknown => "date de naissance à renseigner".to_owned(),
                CrecheAge::TooYoung { from } => {
                    format!("accueil possible à partir du {}", format_date(from))
                }
                CrecheAge::Eligible { until } => format!(
                    "peut être accueilli·e à la micro-crèche jusqu'au {}",
                    format_date(until)
                ),
            };
            let value = born.map_or(status.clone(), |born| format!("{born} ; {status}"));
            let name = if child.first_name.trim().is_empty() {
                "Enfant"
            } else {
                child.first_name.trim()
            };
            Some(row("enfant", name, value))
        })
        .collect()
}

fn confidential_section(record: &Beneficiary, options: &SummaryOptions) -> Option<SummarySection> {
    let revealed = |item: Confidential| options.reveals(item).then(|| item.value(record)).flatten();
    let rows: Vec<SummaryRow> = [
        Confidential::PermitNumber,
        Confidential::SocialSecurityNumber,
    ]
    .into_iter()
    .filter_map(|item| {
        let key = match item {
            Confidential::PermitNumber => "numero_titre_sejour",
            _ => "numero_securite_sociale",
        };
        revealed(item).map(|value| row(key, item.label(), value))
    })
    .collect();
    let text = revealed(Confidential::PrivateNotes)
        .unwrap_or_default()
        .to_owned();
    (!rows.is_empty() || !text.is_empty()).then(|| SummarySection {
        key: "confidentiel",
        title: "Informations confidentielles".to_owned(),
        confidential: true,
        rows,
        text,
    })
}

impl Summary {
    /// The summary of `record` as of `today`, with the counsellor's ticks.
    #[must_use]
    pub fn build(
        record: &Beneficiary,
        settings: &Settings,
        options: &SummaryOptions,
        today: NaiveDate,
    ) -> Self {
        let mut sections: Vec<SummarySection> = Section::ALL
            .into_iter()
            .filter(|&s| options.includes(s))
            .filter_map(|section| {
                let rows = match section {
                    Section::Identity => identity_rows(record),
                    Section::Pathway => pathway_rows(record),
                    Section::Identification => identification_rows(record),
                    Section::Preparation => preparation_rows(record, today),
                    Section::Matching => matching_rows(record),
                    Section::Creche => creche_rows(record, today),
                };
                (!rows.is_empty()).then(|| SummarySection {
                    key: section.key(),
                    title: section.title().to_owned(),
                    confidential: false,
                    rows,
                    text: String::new(),
                })
            })
            .collect();
        sections.extend(confidential_section(record, options));
        let person = record.display_name();
        let referent = record.referent.trim().to_owned();
        Self {
            title: "Synthèse du parcours",
            structure: settings.structure_name.trim().to_owned(),
            date: format_date(today),
            date_long: long_date(today),
            signatures: vec![
                Signature {
                    role: "Le ou la bénéficiaire",
                    name: person.clone(),
                },
                Signature {
                    role: "Le ou la conseiller·ère",
                    name: referent.clone(),
                },
            ],
            person,
            referent,
            sections,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::model::{
        Child, ChildId, Diploma, PermitKind, Recognition, ResidencePermit, Skill, SkillLevel,
    };

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn record() -> Beneficiary {
        let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap());
        b.identity.first_name = "Thị Hoa".into();
        b.identity.last_name = "Nguyễn".into();
        b.private_notes = "Hébergée chez sa sœur.".into();
        b.administrative.social_security_number = Some("288029912345678".into());
        b.administrative.residence_permit = Some(ResidencePermit {
            kind: PermitKind::Temporary,
            number: Some("9912345678".into()),
            issued_on: None,
            expires_on: Some(d(2026, 10, 1)),
        });
        b
    }

    /// Everything the summary would print, as one text to search.
    fn texts(summary: &Summary) -> String {
        serde_json::to_string(summary).unwrap()
    }

    #[test]
    fn confidential_items_print_only_when_ticked() {
        let b = record();
        let mut options = SummaryOptions::default();
        let plain = texts(&Summary::build(
            &b,
            &Settings::default(),
            &options,
            d(2026, 11, 22),
        ));
        for secret in ["Hébergée", "288029912345678", "9912345678"] {
            assert!(!plain.contains(secret), "{secret} leaked:\n{plain}");
        }
        options.set_revealed(Confidential::PrivateNotes, true);
        let with_notes = Summary::build(&b, &Settings::default(), &options, d(2026, 11, 22));
        let last = with_notes.sections.last().unwrap();
        assert_eq!(last.key, "confidentiel");
        assert_eq!(last.text, "Hébergée chez sa sœur.");
        assert!(!texts(&with_notes).contains("288029912345678"));

        options.forget_confidential();
        assert!(!options.reveals(Confidential::PrivateNotes));
        assert!(options.includes(Section::Identity), "sections stay ticked");
    }

    #[test]
    fn an_unticked_section_is_left_out() {
        let b = record();
        let mut options = SummaryOptions::default();
        options.set_included(Section::Preparation, false);
        let summary = Summary::build(&b, &Settings::default(), &options, d(2026, 11, 22));
        assert!(summary.sections.iter().all(|s| s.key != "phase2"));
        assert!(!texts(&summary).contains("Titre de séjour"));
    }

    #[test]
    fn expired_permits_and_toddlers_are_worded_for_the_person() {
        let mut b = record();
        b.family.children = vec![
            Child {
                id: ChildId::new(),
                first_name: "Awa".into(),
                birth_date: Some(d(2025, 4, 20)),
            },
            Child {
                id: ChildId::new(),
                first_name: "Adam".into(),
                birth_date: Some(d(2015, 1, 2)),
            },
        ];
        let summary = Summary::build(
            &b,
            &Settings::default(),
            &SummaryOptions::default(),
            d(2026, 11, 22),
        );
        let all = texts(&summary);
        assert!(
            all.contains(
                "Carte de séjour temporaire (fin de validité le 01/10/2026 : à renouveler)"
            ),
            "{all}"
        );
        assert!(all.contains(
            "né·e le 20/04/2025 ; peut être accueilli·e à la micro-crèche jusqu'au 20/04/2028"
        ));
        assert!(
            !all.contains("Adam"),
            "older children are not crèche matters"
        );
    }

    #[test]
    fn phase_one_lists_target_occupations_strengths_and_diplomas() {
        let mut b = record();
        b.skills.target_occupations = vec!["J1501".into(), "Z9999".into()];
        b.skills.skills = vec![
            Skill {
                label: "Soins d'hygiène".into(),
                level: SkillLevel::Expert,
                ..Skill::default()
            },
            Skill {
                label: "Informatique".into(),
                level: SkillLevel::Notions,
                ..Skill::default()
            },
        ];
        b.skills.diplomas = vec![Diploma {
            title: "Diplôme d'infirmière".into(),
            country: "Syrie".into(),
            year: Some(2012),
            eqf_level: Some(6),
            recognition: Recognition::Requested,
            ..Diploma::default()
        }];
        let summary = Summary::build(
            &b,
            &Settings::default(),
            &SummaryOptions::default(),
            d(2026, 11, 22),
        );
        let phase1 = summary.sections.iter().find(|s| s.key == "phase1").unwrap();
        let value = |key: &str| {
            phase1
                .rows
                .iter()
                .find(|r| r.key == key)
                .map(|r| r.value.as_str())
                .unwrap()
        };
        assert_eq!(
            value("metiers_vises"),
            "Aide-soignant / Aide-soignante (J1501)\nZ9999"
        );
        assert_eq!(value("points_forts"), "Soins d'hygiène — Expert");
        assert_eq!(
            value("diplomes"),
            "Diplôme d'infirmière (Syrie, 2012) — niveau 6 (bac + 3 : licence, BUT) — Attestation de comparabilité ENIC-NARIC demandée"
        );
        assert_eq!(value("langues"), NOT_PROVIDED);
    }

    #[test]
    fn dates_read_the_french_way() {
        assert_eq!(long_date(d(2026, 11, 22)), "22 novembre 2026");
        assert_eq!(long_date(d(2026, 3, 1)), "1er mars 2026");
        assert_eq!(long_date(d(2026, 8, 15)), "15 août 2026");
    }
}
