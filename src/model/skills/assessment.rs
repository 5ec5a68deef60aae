//! Phase 1, identification and valorisation of skills: what a person brings from their country
//! of origin — experiences, skills, diplomas, languages, transversal skills, strengths and needs
//! by life area, orientation to French courses — and the valorisation profile built from them.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::record::cefr::CefrLevel;
use crate::model::record::dates::parse_date;
use crate::model::record::ids::PartnerId;

/// A month of a year, or a whole year when the month is not known ("2015").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct YearMonth {
    /// Year.
    pub year: i32,
    /// Month 1–12, when known.
    #[serde(default)]
    pub month: Option<u32>,
}

impl YearMonth {
    /// Parses "03/2019", "3/2019", "2019-03" or "2019"; empty is `Ok(None)`.
    pub fn parse(text: &str) -> Result<Option<Self>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let invalid = || "Date invalide : MM/AAAA ou AAAA.".to_owned();
        let parts: Vec<&str> = text
            .split(['/', '-', '.', ' '])
            .filter(|p| !p.is_empty())
            .collect();
        if !parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
            return Err(invalid());
        }
        let (year, month) = match parts.as_slice() {
            // A whole date typed where a month is enough: its month, or the message every date
            // field gives ("Cette date n'existe pas : 31/02/2025.").
            [_, _, _] => {
                let month = parse_date(text)?.map(Self::of);
                return match month {
                    Some(m) if !(1900..=2100).contains(&m.year) => {
                        Err("Année invalide.".to_owned())
                    }
                    _ => Ok(month),
                };
            }
            [year] if year.len() == 4 => (*year, None),
            [month, year] | [year, month] if year.len() == 4 && month.len() <= 2 => {
                (*year, Some(*month))
            }
            _ => return Err(invalid()),
        };
        let year: i32 = year.parse().map_err(|_| invalid())?;
        let month = match month {
            None => None,
            Some(m) => match m.parse::<u32>() {
                Ok(m @ 1..=12) => Some(m),
                _ => return Err("Le mois va de 01 à 12.".to_owned()),
            },
        };
        if !(1900..=2100).contains(&year) {
            return Err("Année invalide.".to_owned());
        }
        Ok(Some(Self { year, month }))
    }

    /// Month index from year 0, the month defaulting to `default_month` when unknown.
    fn index(self, default_month: u32) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month.unwrap_or(default_month)) - 1
    }

    /// The month containing `date`.
    #[must_use]
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: Some(date.month()),
        }
    }
}

impl fmt::Display for YearMonth {
    /// "03/2019", or "2019" when the month is unknown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(month) => write!(f, "{month:02}/{}", self.year),
            None => write!(f, "{}", self.year),
        }
    }
}

/// What kind of experience.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ExperienceKind {
    /// Paid work.
    #[default]
    Professional,
    /// Family or personal activity (caring for relatives, farming for the household…).
    Personal,
    /// Volunteering.
    Volunteering,
}

impl ExperienceKind {
    /// Every kind, for pickers.
    pub const ALL: [Self; 3] = [Self::Professional, Self::Personal, Self::Volunteering];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Professional => "Professionnelle",
            Self::Personal => "Personnelle",
            Self::Volunteering => "Bénévolat",
        }
    }
}

/// One experience, in France or before arrival.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Experience {
    /// Kind.
    pub kind: ExperienceKind,
    /// Job title or activity.
    pub title: String,
    /// Country where it took place.
    pub country: String,
    /// Employer, or context (family business, association…).
    pub employer: String,
    /// Start.
    pub started: Option<YearMonth>,
    /// End (none while ongoing).
    pub ended: Option<YearMonth>,
    /// Still under way.
    pub ongoing: bool,
    /// What the person did.
    pub description: String,
    /// The ROME occupation it corresponds to, when one fits.
    pub rome_code: Option<String>,
}

impl Experience {
    /// Length in months, both ends included (a year without month counts from January to
    /// December); `None` when the start is unknown or the end is missing on a finished one.
    #[must_use]
    pub fn duration_months(&self, today: NaiveDate) -> Option<u32> {
        let start = self.started?.index(1);
        let end = if self.ongoing {
            YearMonth::of(today).index(12)
        } else {
            self.ended?.index(12)
        };
        u32::try_from(end - start + 1).ok()
    }
}

/// Years of experience per ROME occupation, longest first.
#[must_use]
pub fn years_by_occupation(experiences: &[Experience], today: NaiveDate) -> Vec<(String, f32)> {
    let mut months: BTreeMap<&str, u32> = BTreeMap::new();
    for experience in experiences {
        if let (Some(code), Some(duration)) =
            (&experience.rome_code, experience.duration_months(today))
        {
            *months.entry(code.as_str()).or_default() += duration;
        }
    }
    let mut years: Vec<(String, f32)> = months
        .into_iter()
        .map(|(code, m)| {
            (
                code.to_owned(),
                f32::from(u16::try_from(m).unwrap_or(u16::MAX)) / 12.0,
            )
        })
        .collect();
    years.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    years
}

/// How well a skill is mastered.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum SkillLevel {
    /// Basic notions.
    #[default]
    Notions,
    /// Practised.
    Practised,
    /// Confirmed.
    Confirmed,
    /// Expert.
    Expert,
}

impl SkillLevel {
    /// Every level, ascending.
    pub const ALL: [Self; 4] = [
        Self::Notions,
        Self::Practised,
        Self::Confirmed,
        Self::Expert,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Notions => "Notions",
            Self::Practised => "Pratiqué",
            Self::Confirmed => "Confirmé",
            Self::Expert => "Expert",
        }
    }
}

/// Whether a skill can be used as is on the French labour market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Transferability {
    /// Usable as is.
    #[default]
    AsIs,
    /// Needs adapting (standards, vocabulary, tools).
    ToAdapt,
    /// A regulated profession: recognition needed before practising.
    Regulated,
}

impl Transferability {
    /// Every value.
    pub const ALL: [Self; 3] = [Self::AsIs, Self::ToAdapt, Self::Regulated];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::AsIs => "Transférable tel quel",
            Self::ToAdapt => "À adapter",
            Self::Regulated => "Profession réglementée (reconnaissance nécessaire)",
        }
    }
}

/// One skill.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Skill {
    /// What the person can do.
    pub label: String,
    /// How well.
    pub level: SkillLevel,
    /// Where it was acquired (job, training, family…).
    pub acquired_in: String,
    /// Use on the French labour market.
    pub transferability: Transferability,
}

/// Where the recognition of a foreign diploma stands (ENIC-NARIC comparability certificate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Recognition {
    /// Nothing requested.
    #[default]
    None,
    /// Certificate requested.
    Requested,
    /// Certificate obtained.
    Obtained,
    /// Judged not comparable.
    NotComparable,
}

impl Recognition {
    /// Every state.
    pub const ALL: [Self; 4] = [
        Self::None,
        Self::Requested,
        Self::Obtained,
        Self::NotComparable,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::None => "Aucune démarche",
            Self::Requested => "Attestation de comparabilité ENIC-NARIC demandée",
            Self::Obtained => "Attestation de comparabilité obtenue",
            Self::NotComparable => "Non comparable",
        }
    }
}

/// The French equivalent of a level of the European Qualifications Framework.
#[must_use]
pub const fn eqf_french_equivalent(level: u8) -> &'static str {
    match level {
        1 => "niveau 1 (savoirs de base)",
        2 => "niveau 2 (socle CléA)",
        3 => "niveau 3 (CAP, BEP)",
        4 => "niveau 4 (baccalauréat)",
        5 => "niveau 5 (bac + 2 : BTS, DEUST)",
        6 => "niveau 6 (bac + 3 : licence, BUT)",
        7 => "niveau 7 (bac + 5 : master, ingénieur)",
        8 => "niveau 8 (doctorat)",
        _ => "niveau inconnu",
    }
}

/// A diploma or qualification.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Diploma {
    /// Title, as on the document.
    pub title: String,
    /// Country that issued it.
    pub country: String,
    /// Year obtained.
    pub year: Option<i32>,
    /// Level on the European Qualifications Framework (1–8).
    pub eqf_level: Option<u8>,
    /// Field of study.
    pub field: String,
    /// Recognition in France.
    pub recognition: Recognition,
    /// When the comparability certificate was requested.
    pub requested_on: Option<NaiveDate>,
    /// When the answer came.
    pub decided_on: Option<NaiveDate>,
    /// The person holds the original.
    pub has_original: bool,
    /// The person holds a certified translation.
    pub has_certified_translation: bool,
}

/// A language spoken, with a level for each ability.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Language {
    /// Name, in French ("arabe", "peul"…).
    pub name: String,
    /// Understanding.
    pub understanding: CefrLevel,
    /// Speaking.
    pub speaking: CefrLevel,
    /// Writing.
    pub writing: CefrLevel,
}

impl Language {
    /// A language with no level assessed yet.
    #[must_use]
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }
}

/// Reads a language as written by this version (a struct) or by format 1 (a bare name).
impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Name(String),
            Full {
                name: String,
                #[serde(default)]
                understanding: CefrLevel,
                #[serde(default)]
                speaking: CefrLevel,
                #[serde(default)]
                writing: CefrLevel,
            },
        }
        Ok(match Stored::deserialize(deserializer)? {
            Stored::Name(name) => Self::named(name),
            Stored::Full {
                name,
                understanding,
                speaking,
                writing,
            } => Self {
                name,
                understanding,
                speaking,
                writing,
            },
        })
    }
}

/// The transversal skills rated on a fixed grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TransversalSkill {
    /// Communication.
    Communication,
    /// Teamwork.
    Teamwork,
    /// Organisation.
    Organisation,
    /// Adaptability.
    Adaptability,
    /// Autonomy.
    Autonomy,
    /// Learning to learn.
    LearningToLearn,
    /// Customer relations.
    CustomerRelations,
    /// Following instructions.
    FollowingInstructions,
}

impl TransversalSkill {
    /// The grid, in order.
    pub const ALL: [Self; 8] = [
        Self::Communication,
        Self::Teamwork,
        Self::Organisation,
        Self::Adaptability,
        Self::Autonomy,
        Self::LearningToLearn,
        Self::CustomerRelations,
        Self::FollowingInstructions,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Communication => "Communication",
            Self::Teamwork => "Travail en équipe",
            Self::Organisation => "Organisation",
            Self::Adaptability => "Adaptabilité",
            Self::Autonomy => "Autonomie",
            Self::LearningToLearn => "Apprendre à apprendre",
            Self::CustomerRelations => "Relation client",
            Self::FollowingInstructions => "Respect des consignes",
        }
    }
}

/// A rating from 1 to 4 with a comment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TransversalRating {
    /// 1 (à développer) to 4 (point fort); `None` while not rated.
    pub rating: Option<u8>,
    /// Short comment.
    pub comment: String,
}

/// Life areas where a person has strengths or needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LifeArea {
    /// Getting around.
    Mobility,
    /// Childcare.
    Childcare,
    /// Health.
    Health,
    /// Housing.
    Housing,
    /// Digital skills and equipment.
    Digital,
    /// Administrative procedures.
    Administrative,
    /// Language.
    Language,
}

impl LifeArea {
    /// Every area, in order.
    pub const ALL: [Self; 7] = [
        Self::Mobility,
        Self::Childcare,
        Self::Health,
        Self::Housing,
        Self::Digital,
        Self::Administrative,
        Self::Language,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Mobility => "Mobilité",
            Self::Childcare => "Garde d'enfants",
            Self::Health => "Santé",
            Self::Housing => "Logement",
            Self::Digital => "Numérique",
            Self::Administrative => "Démarches administratives",
            Self::Language => "Langue",
        }
    }
}

/// Whether a life area is a strength, a need, or not explored yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum AreaStatus {
    /// Not explored yet.
    #[default]
    NotExplored,
    /// A strength.
    Strength,
    /// A need (offered as an objective in phase 2).
    Need,
}

impl AreaStatus {
    /// Every value.
    pub const ALL: [Self; 3] = [Self::NotExplored, Self::Strength, Self::Need];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::NotExplored => "Non exploré",
            Self::Strength => "Atout",
            Self::Need => "Besoin",
        }
    }
}

/// A life area's assessment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AreaAssessment {
    /// Strength, need or not explored.
    pub status: AreaStatus,
    /// Note.
    pub note: String,
}

/// The kind of course a partner gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum CourseKind {
    /// French as a foreign language, for people who read and write another language.
    #[default]
    Fle,
    /// Literacy (alphabétisation): learning to read and write, for people who never learnt in
    /// any language.
    Literacy,
}

impl CourseKind {
    /// Every kind, for pickers.
    pub const ALL: [Self; 2] = [Self::Fle, Self::Literacy];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Fle => "FLE (français langue étrangère)",
            Self::Literacy => "Alphabétisation",
        }
    }
}

/// A partner giving French (FLE) courses, in the structure's directory.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FlePartner {
    /// Identifier; also the file name.
    pub id: PartnerId,
    /// Name.
    pub name: String,
    /// Address.
    pub address: String,
    /// Days and hours of the courses.
    pub schedule: String,
    /// Levels taught.
    pub levels_taught: Vec<CefrLevel>,
    /// Contact person, phone, e-mail.
    pub contact: String,
    /// Places available, when known.
    pub places_available: Option<u32>,
    /// FLE or literacy (absent from files before format 5: FLE).
    pub course: CourseKind,
}

/// What came of a referral to a French-course partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ReferralOutcome {
    /// Waiting for an answer or a start date.
    #[default]
    Pending,
    /// The person started the course.
    Started,
    /// The person completed the course.
    Completed,
    /// Refused, or no place.
    Declined,
    /// The person did not go.
    NoShow,
}

impl ReferralOutcome {
    /// Every outcome.
    pub const ALL: [Self; 5] = [
        Self::Pending,
        Self::Started,
        Self::Completed,
        Self::Declined,
        Self::NoShow,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Pending => "En attente",
            Self::Started => "Entré·e en formation",
            Self::Completed => "Formation terminée",
            Self::Declined => "Refusé / pas de place",
            Self::NoShow => "Ne s'est pas présenté·e",
        }
    }
}

/// A referral of the person to a French-course partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FleReferral {
    /// The partner.
    pub partner: PartnerId,
    /// The partner's name when referred (kept if the partner leaves the directory).
    #[serde(default)]
    pub partner_name: String,
    /// When.
    pub referred_on: NaiveDate,
    /// What came of it.
    #[serde(default)]
    pub outcome: ReferralOutcome,
    /// Note.
    #[serde(default)]
    pub note: String,
}

/// Everything phase 1 records about a person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SkillsAssessment {
    /// Experiences.
    pub experiences: Vec<Experience>,
    /// Skills.
    pub skills: Vec<Skill>,
    /// Diplomas and qualifications.
    pub diplomas: Vec<Diploma>,
    /// Transversal skills, rated.
    pub transversal: BTreeMap<TransversalSkill, TransversalRating>,
    /// Strengths and needs by life area.
    pub life_areas: BTreeMap<LifeArea, AreaAssessment>,
    /// Referrals to French-course partners.
    pub fle_referrals: Vec<FleReferral>,
    /// Target occupations (ROME codes) of the valorisation profile.
    pub target_occupations: Vec<String>,
}

impl SkillsAssessment {
    /// The strongest skills: confirmed or expert, expert first, at most `limit`.
    #[must_use]
    pub fn strongest_skills(&self, limit: usize) -> Vec<&Skill> {
        let mut strong: Vec<&Skill> = self
            .skills
            .iter()
            .filter(|s| s.level >= SkillLevel::Confirmed && !s.label.trim().is_empty())
            .collect();
        strong.sort_by_key(|s| std::cmp::Reverse(s.level));
        strong.truncate(limit);
        strong
    }

    /// Life areas marked as needs: offered as objectives in phase 2.
    #[must_use]
    pub fn needs(&self) -> Vec<LifeArea> {
        self.life_areas
            .iter()
            .filter(|(_, a)| a.status == AreaStatus::Need)
            .map(|(&area, _)| area)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::record::dates::test_support::d;

    #[test]
    fn year_months_parse_forgivingly() {
        let ym = |year, month| Some(YearMonth { year, month });
        assert_eq!(YearMonth::parse("03/2019"), Ok(ym(2019, Some(3))));
        assert_eq!(YearMonth::parse("3/2019"), Ok(ym(2019, Some(3))));
        assert_eq!(YearMonth::parse("2019-03"), Ok(ym(2019, Some(3))));
        assert_eq!(YearMonth::parse("2015"), Ok(ym(2015, None)));
        assert_eq!(YearMonth::parse(" "), Ok(None));
        assert!(YearMonth::parse("13/2019").is_err());
        assert!(YearMonth::parse("mars 2019").is_err());
        // A whole date gives its month, or the message every date field gives.
        assert_eq!(YearMonth::parse("15/03/2019"), Ok(ym(2019, Some(3))));
        assert_eq!(
            YearMonth::parse("31/02/2025"),
            Err("Cette date n'existe pas : 31/02/2025.".to_owned())
        );
        assert_eq!(
            YearMonth::parse("03/2019").unwrap().unwrap().to_string(),
            "03/2019"
        );
    }

    #[test]
    fn experience_years_add_up_per_occupation() {
        let today = d(2026, 11, 22);
        let experience = |code: &str, started, ended, ongoing| Experience {
            rome_code: Some(code.to_owned()),
            started: YearMonth::parse(started).unwrap(),
            ended: YearMonth::parse(ended).unwrap(),
            ongoing,
            ..Experience::default()
        };
        let experiences = [
            experience("J1501", "01/2010", "12/2015", false), // 6 years
            experience("J1501", "2018", "2018", false),       // 1 year
            experience("G1602", "06/2025", "", true),         // June 2025 – Nov 2026: 18 months
            experience("K1302", "", "2020", false),           // no start: not counted
        ];
        assert_eq!(experiences[2].duration_months(today), Some(18));
        assert_eq!(
            years_by_occupation(&experiences, today),
            vec![("J1501".to_owned(), 7.0), ("G1602".to_owned(), 1.5)]
        );
    }

    #[test]
    fn strongest_skills_and_needs() {
        let mut assessment = SkillsAssessment::default();
        for (label, level) in [
            ("Soins d'hygiène", SkillLevel::Expert),
            ("Couture", SkillLevel::Notions),
            ("Accueil", SkillLevel::Confirmed),
        ] {
            assessment.skills.push(Skill {
                label: label.into(),
                level,
                ..Skill::default()
            });
        }
        let strongest: Vec<&str> = assessment
            .strongest_skills(5)
            .iter()
            .map(|s| s.label.as_str())
            .collect();
        assert_eq!(strongest, ["Soins d'hygiène", "Accueil"]);
        assessment.life_areas.insert(
            LifeArea::Childcare,
            AreaAssessment {
                status: AreaStatus::Need,
                note: String::new(),
            },
        );
        assessment
            .life_areas
            .insert(LifeArea::Digital, AreaAssessment::default());
        assert_eq!(assessment.needs(), [LifeArea::Childcare]);
    }

    #[test]
    fn languages_read_both_formats() {
        let old: Vec<Language> = ron::from_str(r#"["dari", "pachto"]"#).unwrap();
        assert_eq!(old, [Language::named("dari"), Language::named("pachto")]);
        let new = vec![Language {
            name: "arabe".into(),
            understanding: CefrLevel::C2,
            speaking: CefrLevel::C2,
            writing: CefrLevel::B2,
        }];
        let text = ron::to_string(&new).unwrap();
        assert_eq!(ron::from_str::<Vec<Language>>(&text).unwrap(), new);
    }
}
