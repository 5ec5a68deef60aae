//! Phase 3: which offers suit a person, and why — a score made of points per criterion
//! (occupation, French, skills and diplomas, place, hours), each with its reason in French, so
//! that the counsellor can see and explain the ranking rather than trust a number.
//!
//! The person's target occupations come first from phase 2 (the main project when validated,
//! then the other projects not abandoned), then from phase 1 (the valorisation profile's targets
//! and the ROME codes of their experiences); a target from a project weighs more, and the reason
//! says where it comes from. The leading project's mobility (towns and départements within
//! reach) and constraints (childcare, no nights or weekends, part time) refine the place and
//! hours criteria. Companies without an open offer come after the offers, as spontaneous
//! applications, when their NAF sector hires for one of those targets. The reverse view ranks
//! the people for one offer with the same rules.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::fmt;

use chrono::NaiveDate;

use crate::model::companies::application::{Application, StateKind};
use crate::model::companies::company::{Company, Offer, Schedule, departement};
use crate::model::creche::CrecheSettings;
use crate::model::preparation::plan::{Preparation, Project, ProjectStatus, WorkingTime};
use crate::model::record::beneficiary::{Beneficiary, CrecheAge};
use crate::model::record::cefr::CefrLevel;
use crate::model::record::dates::format_date;
use crate::model::record::ids::{BeneficiaryId, CompanyId, OfferId};
use crate::model::record::search::fold;
use crate::model::record::work_right::WorkRight;
use crate::model::skills::assessment::{AreaStatus, LifeArea};
use crate::model::skills::rome::catalog;

/// Points an insertion structure's offer gains for a person far from employment.
const INSERTION_FIRST_STEP_POINTS: i32 = 20;
/// Points it loses for a person who is not.
const INSERTION_DETOUR_POINTS: i32 = 10;

/// `format!` into a reason's text.
macro_rules! owned {
    ($($arg:tt)*) => {
        Cow::Owned(format!($($arg)*))
    };
}

/// What a reason is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Criterion {
    /// The occupation of the offer against the person's targets.
    Occupation,
    /// French level against the level required.
    French,
    /// Skills and diplomas held against those required.
    Skills,
    /// Where the job is against where the person lives and can go.
    Place,
    /// Hours and schedule against childcare constraints.
    Hours,
    /// An insertion structure's offer against how far the person is from employment (only
    /// for the offers of an SIAE).
    Insertion,
}

impl Criterion {
    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Occupation => "Métier",
            Self::French => "Français",
            Self::Skills => "Compétences",
            Self::Place => "Lieu",
            Self::Hours => "Horaires",
            Self::Insertion => "Insertion",
        }
    }
}

/// One criterion's contribution to a score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// Which criterion.
    pub criterion: Criterion,
    /// Points added (negative: taken away).
    pub points: i32,
    /// Why, in French ("même métier (G1602)"); most reasons are fixed texts, not copied.
    pub text: Cow<'static, str>,
}

impl fmt::Display for Reason {
    /// "Métier +40 : même métier (G1602)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {:+} : {}",
            self.criterion.label(),
            self.points,
            self.text
        )
    }
}

/// What a ranked line proposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// An open offer.
    Offer {
        /// Its company.
        company: CompanyId,
        /// The offer.
        offer: OfferId,
    },
    /// A spontaneous application to a company without an open offer.
    Spontaneous {
        /// The company.
        company: CompanyId,
    },
}

/// One line of the ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Offer or company.
    pub target: Target,
    /// "Title — Company", or "Company (candidature spontanée)".
    pub label: String,
    /// Sum of the reasons' points.
    pub score: i32,
    /// One reason per criterion, in the order of [`Criterion`] (`Insertion` only for the
    /// offers of an insertion structure).
    pub reasons: Vec<Reason>,
    /// Set when the person may not work, or only under conditions, on the offer's start date
    /// (today for a spontaneous application or a start already past): what the permit says.
    pub work_warning: Option<String>,
}

impl Match {
    /// The reasons as one line: "Métier +40 : même métier (G1602) ; Français +15 : …".
    #[must_use]
    pub fn reasons_text(&self) -> String {
        self.reasons
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ; ")
    }
}

/// Where a target occupation comes from, most weighty first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TargetSource {
    /// The main professional project, validated (phase 2).
    MainProject,
    /// Another professional project not abandoned, or the main one still to build (phase 2).
    Project,
    /// The valorisation profile or an experience (phase 1).
    Phase1,
}

impl TargetSource {
    /// Points for the same ROME code: a validated main project weighs most.
    const fn same_code_points(self) -> i32 {
        match self {
            Self::MainProject => 50,
            Self::Project => 45,
            Self::Phase1 => 40,
        }
    }

    /// Points for the same ROME domain.
    const fn same_domain_points(self) -> i32 {
        match self {
            Self::MainProject => 30,
            Self::Project => 28,
            Self::Phase1 => 25,
        }
    }

    /// The words appended to an occupation reason ("" for phase 1, as before projects existed).
    const fn suffix(self) -> &'static str {
        match self {
            Self::MainProject => ", projet principal",
            Self::Project => ", projet en cours",
            Self::Phase1 => "",
        }
    }
}

/// What the leading project (the main one, else the first not abandoned) says about place and
/// hours, read once per person.
#[derive(Debug, Clone, Default)]
struct ProjectLimits {
    /// "projet principal" or "projet en cours", for the reasons.
    source: &'static str,
    /// Towns written as within reach, folded.
    towns: Vec<String>,
    /// Départements written as within reach ("94", "2A"), or derived from a postcode written.
    departements: Vec<String>,
    /// The places within reach as written ("Nanterre, Puteaux"), on one line, for the reasons.
    reachable: String,
    /// "pas de nuit" or the like in the hours constraints (or school hours).
    no_nights: bool,
    /// "pas le week-end", "samedi", "dimanche" in the hours constraints (or school hours).
    no_weekends: bool,
    /// Part time sought.
    part_time: bool,
}

impl ProjectLimits {
    fn of(project: &Project) -> Self {
        let source = if project.main && project.status == ProjectStatus::Validated {
            "projet principal"
        } else {
            "projet en cours"
        };
        let mut towns = Vec::new();
        let mut departements = Vec::new();
        for part in project
            .mobility
            .reachable
            .split([',', ';', '/', '\n', '+'])
            .flat_map(|p| p.split(" et "))
        {
            let part = fold(part.trim());
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let digits = part.chars().filter(char::is_ascii_digit).count();
            if part.chars().all(|c| c.is_ascii_digit()) && digits == 5 {
                if let Some(d) = departement(part) {
                    departements.push(d.to_owned());
                }
            } else if (digits == 2 || digits == 3) && part.len() <= 3
                || part == "2a"
                || part == "2b"
            {
                departements.push(part.to_uppercase());
            } else {
                towns.push(part.to_owned());
            }
        }
        let hours = fold(&project.hours_constraints);
        let school = hours.contains("scolaire") || hours.contains("ecole");
        let reachable = project
            .mobility
            .reachable
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        Self {
            source,
            towns,
            departements,
            reachable,
            no_nights: school || hours.contains("nuit"),
            no_weekends: school
                || hours.contains("week")
                || hours.contains("samedi")
                || hours.contains("dimanche"),
            part_time: project.working_time == WorkingTime::PartTime,
        }
    }
}

/// The person's target ROME codes, most weighty first, without duplicates: the validated main
/// project, the other projects not abandoned (the main one first), then phase 1.
fn targets_of(person: &Beneficiary) -> Vec<(String, TargetSource)> {
    let projects = &person.preparation.projects;
    let live = |p: &&Project| p.status != ProjectStatus::Abandoned;
    let main_validated = projects
        .iter()
        .filter(|p| p.main && p.status == ProjectStatus::Validated)
        .map(|p| (p, TargetSource::MainProject));
    let others = projects
        .iter()
        .filter(live)
        .filter(|p| p.main && p.status != ProjectStatus::Validated)
        .chain(projects.iter().filter(live).filter(|p| !p.main))
        .map(|p| (p, TargetSource::Project));
    let from_projects = main_validated
        .chain(others)
        .filter_map(|(p, source)| p.rome_code.as_deref().map(|c| (c, source)));
    let skills = &person.skills;
    let from_phase1 = skills
        .target_occupations
        .iter()
        .map(String::as_str)
        .chain(
            skills
                .experiences
                .iter()
                .filter_map(|e| e.rome_code.as_deref()),
        )
        .map(|c| (c, TargetSource::Phase1));
    let mut targets: Vec<(String, TargetSource)> = Vec::new();
    for (code, source) in from_projects.chain(from_phase1) {
        let code = code.trim().to_uppercase();
        if !code.is_empty() && !targets.iter().any(|(t, _)| *t == code) {
            targets.push((code, source));
        }
    }
    targets
}

/// The occupations of projects written without a ROME code, folded, most weighty first: matched
/// against the offers' titles.
fn project_labels(person: &Beneficiary) -> Vec<LabelTarget> {
    let mut labels: Vec<LabelTarget> = Vec::new();
    for project in &person.preparation.projects {
        if project.status == ProjectStatus::Abandoned
            || project
                .rome_code
                .as_deref()
                .is_some_and(|c| !c.trim().is_empty())
        {
            continue;
        }
        let folded = fold(project.label.trim());
        // Too short to say anything ("BTP" is fine, "a" is not).
        if folded.chars().count() < 3 || labels.iter().any(|l| l.folded == folded) {
            continue;
        }
        let source = if project.main && project.status == ProjectStatus::Validated {
            TargetSource::MainProject
        } else {
            TargetSource::Project
        };
        labels.push(LabelTarget {
            folded,
            written: project.label.trim().to_owned(),
            source,
        });
    }
    labels.sort_by_key(|l| l.source);
    labels
}

/// A project's occupation written without a ROME code.
#[derive(Debug, Clone)]
struct LabelTarget {
    /// Folded, to be looked for in the offers' titles.
    folded: String,
    /// As the counsellor wrote it, for the reason.
    written: String,
    source: TargetSource,
}

/// The project whose mobility and constraints matching uses: the main one unless abandoned,
/// else the first not abandoned.
fn leading_project(preparation: &Preparation) -> Option<&Project> {
    preparation
        .main_project()
        .filter(|p| p.status != ProjectStatus::Abandoned)
        .or_else(|| {
            preparation
                .projects
                .iter()
                .find(|p| p.status != ProjectStatus::Abandoned)
        })
}

/// What matching needs to know about a person, computed once per person.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Target ROME codes, most weighty first, without duplicates.
    targets: Vec<String>,
    /// Where each target comes from (same order as `targets`).
    sources: Vec<TargetSource>,
    /// Occupations of projects without a ROME code, folded, with their source.
    labels: Vec<LabelTarget>,
    /// NAF divisions where the targets are commonly found.
    target_divisions: [bool; 100],
    french: CefrLevel,
    /// Skills, diploma titles and fields, folded.
    held: Vec<String>,
    town: String,
    departement: Option<String>,
    /// Mobility noted as a strength: another département is within reach.
    mobile: bool,
    /// A young child to have looked after (crèche age, childcare noted as a need, or childcare
    /// to arrange for the leading project).
    childcare: bool,
    /// The leading project's mobility and constraints, if there is a project.
    project: Option<ProjectLimits>,
    /// Far from employment: no experience recorded, French at A1 or below, or three needs or
    /// more in the life areas. An insertion structure is then a first step.
    far_from_employment: bool,
}

impl Profile {
    /// The person as matching sees them on `today`; a child's crèche age follows the crèche's
    /// settings (its ages and upper age rule).
    #[must_use]
    pub fn of(person: &Beneficiary, creche: &CrecheSettings, today: NaiveDate) -> Self {
        let skills = &person.skills;
        let (targets, sources): (Vec<String>, Vec<TargetSource>) =
            targets_of(person).into_iter().unzip();
        let leading = leading_project(&person.preparation);
        let project = leading.map(ProjectLimits::of);
        let mut target_divisions = [false; 100];
        for code in &targets {
            if let Some(occupation) = catalog().occupation(code) {
                for &division in &occupation.naf_divisions {
                    // Division 0 means "every sector": it relates nothing in particular.
                    if division != 0
                        && let Some(slot) = target_divisions.get_mut(usize::from(division))
                    {
                        *slot = true;
                    }
                }
            }
        }
        let held = skills
            .skills
            .iter()
            .map(|s| fold(&s.label))
            .chain(skills.diplomas.iter().map(|d| fold(&d.title)))
            .chain(skills.diplomas.iter().map(|d| fold(&d.field)))
            .filter(|s| !s.trim().is_empty())
            .collect();
        let area = |area| skills.life_areas.get(&area).map(|a| a.status);
        let young_child = person.family.children.iter().any(|c| {
            matches!(
                c.creche_age(creche, today),
                CrecheAge::Eligible { .. } | CrecheAge::TooYoung { .. }
            )
        });
        let project_childcare = leading.is_some_and(|p| p.childcare_needed);
        Self {
            targets,
            sources,
            labels: project_labels(person),
            target_divisions,
            french: person.french_level,
            held,
            town: fold(person.contact.town.trim()),
            departement: departement(&person.contact.postcode).map(str::to_owned),
            mobile: area(LifeArea::Mobility) == Some(AreaStatus::Strength),
            childcare: young_child
                || project_childcare
                || area(LifeArea::Childcare) == Some(AreaStatus::Need),
            project,
            far_from_employment: skills.experiences.is_empty()
                || (person.french_level.is_assessed() && person.french_level <= CefrLevel::A1)
                || skills.needs().len() >= 3,
        }
    }

    /// Points for an insertion structure's offer (SIAE): a first step for a person far from
    /// employment, a detour for one who is not (the IAE is kept for the former). `None` for
    /// an ordinary company.
    fn insertion(&self, company: &Company) -> Option<Reason> {
        let kind = company.siae?;
        Some(if self.far_from_employment {
            Reason {
                criterion: Criterion::Insertion,
                points: INSERTION_FIRST_STEP_POINTS,
                text: owned!(
                    "structure d'insertion ({}) : une première étape adaptée, avec un accompagnement",
                    kind.label()
                ),
            }
        } else {
            Reason {
                criterion: Criterion::Insertion,
                points: -INSERTION_DETOUR_POINTS,
                text: owned!(
                    "structure d'insertion ({}) : réservée aux personnes éloignées de l'emploi",
                    kind.label()
                ),
            }
        })
    }

    /// The person's target occupations (ROME codes), most weighty first: the validated main
    /// project, the other projects, then phase 1.
    #[must_use]
    pub fn targets(&self) -> &[String] {
        &self.targets
    }

    /// Where the target at `index` comes from (phase 1 when out of range).
    fn source(&self, index: usize) -> TargetSource {
        self.sources
            .get(index)
            .copied()
            .unwrap_or(TargetSource::Phase1)
    }

    fn hires_for_targets(&self, division: Option<u8>) -> bool {
        division
            .and_then(|d| self.target_divisions.get(usize::from(d)))
            .copied()
            .unwrap_or(false)
    }

    /// The occupation criterion, without words.
    fn occupation<'c>(
        &self,
        offer: &'c Offer,
        division: Option<u8>,
        folds: &mut Folds<'c>,
    ) -> (i32, Verdict) {
        let by_code = self.occupation_by_code(offer, division);
        if self.labels.is_empty() {
            return by_code;
        }
        let title = folds.title(&offer.title);
        let by_label = self
            .labels
            .iter()
            .enumerate()
            .find(|(_, l)| title.contains(l.folded.as_str()))
            // Below the same ROME code: a title says less than a code.
            .map(|(index, l)| (l.source.same_code_points() - 5, Verdict::SameLabel(index)));
        match (by_label, by_code) {
            (Some(label), _) if label.0 > by_code.0 => label,
            // Targets written in words only, none in this title: unrelated, not "no target".
            (_, (_, Verdict::NoTargets)) => (0, Verdict::Unrelated),
            _ => by_code,
        }
    }

    /// The occupation criterion through ROME codes and NAF sectors.
    fn occupation_by_code(&self, offer: &Offer, division: Option<u8>) -> (i32, Verdict) {
        if self.targets.is_empty() {
            return (0, Verdict::NoTargets);
        }
        if let Some(code) = &offer.rome_code {
            if let Some(index) = self.targets.iter().position(|t| t == code) {
                return (
                    self.source(index).same_code_points(),
                    Verdict::SameCode(index),
                );
            }
            if let Some(index) = self
                .targets
                .iter()
                .position(|t| t.get(..3).is_some_and(|d| code.starts_with(d)))
            {
                return (
                    self.source(index).same_domain_points(),
                    Verdict::SameDomain(index),
                );
            }
        }
        if self.hires_for_targets(division) {
            return (10, Verdict::Sector);
        }
        (0, Verdict::Unrelated)
    }

    /// The French criterion.
    fn french(&self, required: CefrLevel) -> (i32, Verdict) {
        if !required.is_assessed() {
            return (10, Verdict::NoLevel);
        }
        if !self.french.is_assessed() {
            return (-10, Verdict::NotAssessed);
        }
        match (required as i32) - (self.french as i32) {
            i32::MIN..=0 => (15, Verdict::Reaches),
            1 => (-5, Verdict::OneBelow),
            _ => (-20, Verdict::FarBelow),
        }
    }

    /// Whether a required skill or diploma (folded) is among those held.
    fn holds(&self, required: &str) -> bool {
        !required.trim().is_empty()
            && self
                .held
                .iter()
                .any(|h| h.contains(required) || required.contains(h.as_str()))
    }

    /// The skills criterion: 5 points per requirement held, minus 5 per one missing.
    fn skills<'c>(&self, offer: &'c Offer, folds: &mut Folds<'c>) -> (i32, Verdict) {
        let (mut held, mut required) = (0_i32, 0_i32);
        for wanted in offer.required_skills.iter().chain(&offer.required_diplomas) {
            if wanted.trim().is_empty() {
                continue;
            }
            required += 1;
            if self.holds(folds.fold(wanted)) {
                held += 1;
            }
        }
        if required == 0 {
            return (0, Verdict::NothingRequired);
        }
        (
            5 * held - 5 * (required - held),
            Verdict::Skills { held, required },
        )
    }

    /// The place criterion, for a job in `town` (`postcode`).
    fn place<'c>(&self, town: &'c str, postcode: &str, folds: &mut Folds<'c>) -> (i32, Verdict) {
        let folded = folds.fold(town);
        if !self.town.is_empty() && folded == self.town {
            return (15, Verdict::SameTown);
        }
        let project = self.project.as_ref();
        if !folded.is_empty() && project.is_some_and(|p| p.towns.iter().any(|t| t == folded)) {
            return (12, Verdict::ProjectTown);
        }
        let there = departement(postcode);
        let home = self.departement.as_deref();
        if there.is_some() && home == there {
            return (8, Verdict::SameDepartement);
        }
        if let Some(there) = there
            && project.is_some_and(|p| p.departements.iter().any(|d| d == there))
        {
            return (6, Verdict::ProjectDepartement);
        }
        if home.is_none() || there.is_none() {
            return (0, Verdict::NoPlace);
        }
        if self.mobile {
            (0, Verdict::OtherDepartementMobile)
        } else {
            (-15, Verdict::OutsideMobility)
        }
    }

    /// The hours criterion.
    fn hours(&self, offer: &Offer) -> (i32, Verdict) {
        if let Some(project) = &self.project {
            match offer.schedule {
                Schedule::Night if project.no_nights => return (-25, Verdict::ProjectNoNights),
                Schedule::Weekend if project.no_weekends => {
                    return (-25, Verdict::ProjectNoWeekends);
                }
                _ => {}
            }
            if project.part_time && offer.weekly_hours.is_some_and(|h| h >= 35) {
                return (-10, Verdict::ProjectPartTime);
            }
        }
        if !self.childcare {
            return (5, Verdict::NoChildcare);
        }
        match offer.schedule {
            Schedule::Night => (-20, Verdict::Night),
            Schedule::Weekend => (-20, Verdict::Weekend),
            Schedule::Day if offer.weekly_hours.is_some_and(|h| h > 35) => (-5, Verdict::LongHours),
            Schedule::Day => (5, Verdict::DayOk),
        }
    }

    /// The five criteria for one offer, as points and verdicts (no text: cheap enough for
    /// thousands of offers).
    fn judge<'c>(&self, company: &'c Company, offer: &'c Offer, folds: &mut Folds<'c>) -> Judged {
        let (town, postcode) = place_of(company, offer);
        [
            self.occupation(offer, company.naf_division(), folds),
            self.french(offer.french_level),
            self.skills(offer, folds),
            self.place(town, postcode, folds),
            self.hours(offer),
        ]
    }

    /// The words of one verdict.
    fn explain<'c>(
        &self,
        company: &Company,
        offer: &'c Offer,
        (points, verdict): (i32, Verdict),
        folds: &mut Folds<'c>,
    ) -> Reason {
        let level = |l: CefrLevel| l.label().split(' ').next().unwrap_or_default();
        let code = offer.rome_code.as_deref().unwrap_or_default();
        let (town, postcode) = place_of(company, offer);
        let there = departement(postcode).unwrap_or_default();
        let (criterion, text) = match verdict {
            Verdict::NoTargets => (
                Criterion::Occupation,
                Cow::Borrowed("aucun métier visé renseigné (projet ou phase 1)"),
            ),
            Verdict::SameCode(index) => (
                Criterion::Occupation,
                owned!("même métier ({code}){}", self.source(index).suffix()),
            ),
            Verdict::SameLabel(index) => (
                Criterion::Occupation,
                self.labels.get(index).map_or(Cow::Borrowed(""), |l| {
                    owned!(
                        "l'intitulé reprend le métier visé « {} »{}",
                        l.written,
                        l.source.suffix()
                    )
                }),
            ),
            Verdict::SameDomain(index) => (
                Criterion::Occupation,
                owned!(
                    "même domaine ({code} et {}){}",
                    self.targets.get(index).map_or("", String::as_str),
                    self.source(index).suffix()
                ),
            ),
            Verdict::Sector => (
                Criterion::Occupation,
                owned!(
                    "le secteur de l'entreprise (NAF {:02}) recrute les métiers visés",
                    company.naf_division().unwrap_or_default()
                ),
            ),
            Verdict::Unrelated if code.is_empty() => (
                Criterion::Occupation,
                Cow::Borrowed("métier de l'offre non précisé"),
            ),
            Verdict::Unrelated => (
                Criterion::Occupation,
                owned!("métier sans lien avec les métiers visés ({code})"),
            ),
            Verdict::NoLevel => (Criterion::French, Cow::Borrowed("aucun niveau exigé")),
            Verdict::NotAssessed => (
                Criterion::French,
                owned!("niveau non évalué ({} exigé)", level(offer.french_level)),
            ),
            Verdict::Reaches => (
                Criterion::French,
                owned!(
                    "{} pour {} exigé",
                    level(self.french),
                    level(offer.french_level)
                ),
            ),
            Verdict::OneBelow => (
                Criterion::French,
                owned!(
                    "{}, un niveau sous le {} exigé",
                    level(self.french),
                    level(offer.french_level)
                ),
            ),
            Verdict::FarBelow => (
                Criterion::French,
                owned!(
                    "{}, loin du {} exigé",
                    level(self.french),
                    level(offer.french_level)
                ),
            ),
            Verdict::NothingRequired => (Criterion::Skills, Cow::Borrowed("rien d'exigé")),
            Verdict::Skills { held, required } => {
                let missing: Vec<&str> = offer
                    .required_skills
                    .iter()
                    .chain(&offer.required_diplomas)
                    .filter(|s| !s.trim().is_empty() && !self.holds(folds.fold(s)))
                    .map(|s| s.trim())
                    .collect();
                let mut text = owned!("{held} sur {required} exigé(s)");
                if !missing.is_empty() {
                    text = owned!("{text}, manque : {}", missing.join(", "));
                }
                (Criterion::Skills, text)
            }
            Verdict::SameTown => (Criterion::Place, owned!("même commune ({})", town.trim())),
            Verdict::SameDepartement => (Criterion::Place, owned!("même département ({there})")),
            Verdict::ProjectTown => (
                Criterion::Place,
                owned!("{} accessible ({})", town.trim(), self.project_source()),
            ),
            Verdict::ProjectDepartement => (
                Criterion::Place,
                owned!("département {there} accessible ({})", self.project_source()),
            ),
            Verdict::OtherDepartementMobile => (
                Criterion::Place,
                owned!("autre département ({there}), mobilité déclarée"),
            ),
            // Where the offer is, then what the person declared: the département in the
            // brackets must never read as the declared one.
            Verdict::OutsideMobility => {
                let home = self.departement.as_deref().unwrap_or_default();
                let declared = match self.project.as_ref().map(|p| p.reachable.as_str()) {
                    Some(reachable) if !reachable.is_empty() => {
                        format!("domicile dans le {home} ; {reachable}")
                    }
                    _ => format!("domicile dans le {home}"),
                };
                (
                    Criterion::Place,
                    owned!("offre dans le {there}, hors de la mobilité déclarée ({declared})"),
                )
            }
            Verdict::NoPlace => (
                Criterion::Place,
                Cow::Borrowed("lieu non comparable (code postal manquant)"),
            ),
            Verdict::ProjectNoNights => (
                Criterion::Hours,
                owned!("travail de nuit, exclu par le {}", self.project_source()),
            ),
            Verdict::ProjectNoWeekends => (
                Criterion::Hours,
                owned!(
                    "travail le week-end, exclu par le {}",
                    self.project_source()
                ),
            ),
            Verdict::ProjectPartTime => (
                Criterion::Hours,
                owned!(
                    "{} h par semaine, temps partiel recherché ({})",
                    offer.weekly_hours.unwrap_or_default(),
                    self.project_source()
                ),
            ),
            Verdict::NoChildcare => (
                Criterion::Hours,
                Cow::Borrowed("pas de contrainte de garde d'enfant"),
            ),
            Verdict::Night => (
                Criterion::Hours,
                Cow::Borrowed("travail de nuit, incompatible avec la garde d'enfant"),
            ),
            Verdict::Weekend => (
                Criterion::Hours,
                Cow::Borrowed("travail le week-end, sans mode de garde"),
            ),
            Verdict::LongHours => (
                Criterion::Hours,
                Cow::Borrowed("plus de 35 h par semaine avec un enfant à faire garder"),
            ),
            Verdict::DayOk => (
                Criterion::Hours,
                Cow::Borrowed("horaires de journée, compatibles avec la garde d'enfant"),
            ),
        };
        Reason {
            criterion,
            points,
            text,
        }
    }

    /// "projet principal" or "projet en cours": the project whose limits matching applied.
    fn project_source(&self) -> &'static str {
        self.project.as_ref().map_or("projet", |p| p.source)
    }

    /// The reasons (one per criterion) for one offer of a company.
    #[must_use]
    pub fn score_offer(&self, company: &Company, offer: &Offer) -> Vec<Reason> {
        let mut folds = Folds::default();
        self.judge(company, offer, &mut folds)
            .into_iter()
            .map(|judged| self.explain(company, offer, judged, &mut folds))
            .chain(self.insertion(company))
            .collect()
    }
}

/// A criterion's outcome, without its words: what [`Profile::explain`] turns into a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    NoTargets,
    /// Same code as the target at this index.
    SameCode(usize),
    /// The offer's title contains the project label at this index (projects without a code).
    SameLabel(usize),
    /// Same domain as the target at this index.
    SameDomain(usize),
    Sector,
    Unrelated,
    NoLevel,
    NotAssessed,
    Reaches,
    OneBelow,
    FarBelow,
    NothingRequired,
    Skills {
        held: i32,
        required: i32,
    },
    SameTown,
    SameDepartement,
    /// A town written as within reach in the leading project.
    ProjectTown,
    /// A département written as within reach in the leading project.
    ProjectDepartement,
    OtherDepartementMobile,
    OutsideMobility,
    NoPlace,
    ProjectNoNights,
    ProjectNoWeekends,
    ProjectPartTime,
    NoChildcare,
    Night,
    Weekend,
    LongHours,
    DayOk,
}

/// Points and verdict of each criterion, in the order of [`Criterion`].
type Judged = [(i32, Verdict); 5];

/// Folded texts, each folded once per ranking: companies repeat the same towns and skills.
#[derive(Default)]
struct Folds<'c> {
    folded: HashMap<&'c str, String>,
    /// An offer's title, folded without keeping it: titles rarely repeat.
    title: String,
}

impl<'c> Folds<'c> {
    /// `title` folded like [`fold`] (trimmed), into a buffer reused from offer to offer.
    fn title(&mut self, title: &str) -> &str {
        fold_into(title, &mut self.title);
        &self.title
    }

    fn fold(&mut self, text: &'c str) -> &str {
        self.folded
            .entry(text)
            .or_insert_with(|| fold(text.trim()))
            .as_str()
    }
}

/// [`fold`] of `text` trimmed, into `out` (cleared first): ASCII characters are lowered in
/// place and only the others go through Unicode decomposition, which makes folding the titles
/// of 10,000 offers several times cheaper. Same result as `fold`: combining marks are dropped
/// whatever their order, so characters can be decomposed one by one.
fn fold_into(text: &str, out: &mut String) {
    out.clear();
    let mut buffer = [0_u8; 4];
    for c in text.trim().chars() {
        if c == '-' {
            out.push(' ');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push_str(&fold(c.encode_utf8(&mut buffer)));
        }
    }
}

/// Where an offer's job is: its own town and postcode, else the company's.
fn place_of<'c>(company: &'c Company, offer: &'c Offer) -> (&'c str, &'c str) {
    let town = if offer.town.trim().is_empty() {
        company.town.as_str()
    } else {
        offer.town.as_str()
    };
    let postcode = if offer.postcode.trim().is_empty() {
        company.postcode.as_str()
    } else {
        offer.postcode.as_str()
    };
    (town, postcode)
}

fn total(judged: &Judged) -> i32 {
    judged.iter().map(|(points, _)| points).sum()
}

/// The warning to show before proposing work starting on `start` (today when absent or past),
/// when the permit recorded does not plainly allow it on that day.
#[must_use]
pub fn work_warning(
    person: &Beneficiary,
    start: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<String> {
    let day = start.filter(|start| *start > today).unwrap_or(today);
    let right = WorkRight::of(&person.administrative, day);
    right.needs_warning().then(|| {
        let when = if day == today {
            "Aujourd'hui".to_owned()
        } else {
            format!("Au {} (début du contrat)", format_date(day))
        };
        format!("{when} : {}", right.sentence())
    })
}

/// Open offers ranked for the person, best first (ties: company name, then title), each with
/// its reasons; then the companies without an open offer whose NAF sector hires for the
/// person's targets, as spontaneous applications.
#[must_use]
pub fn rank_offers(
    person: &Beneficiary,
    companies: &[Company],
    creche: &CrecheSettings,
    today: NaiveDate,
) -> Vec<Match> {
    rank_offers_top(person, companies, creche, today, usize::MAX)
}

/// [`rank_offers`], keeping only the best `limit` offers (spontaneous applications follow,
/// at most `limit` too): every offer is scored, only those kept are put into words.
#[must_use]
pub fn rank_offers_top(
    person: &Beneficiary,
    companies: &[Company],
    creche: &CrecheSettings,
    today: NaiveDate,
    limit: usize,
) -> Vec<Match> {
    let profile = Profile::of(person, creche, today);
    let mut folds = Folds::default();
    let mut offers: Vec<(i32, &Company, &Offer, Judged)> = Vec::new();
    let mut spontaneous: Vec<(i32, &Company, Vec<Reason>)> = Vec::new();
    for company in companies {
        let mut has_open = false;
        for offer in company.open_offers() {
            has_open = true;
            let judged = profile.judge(company, offer, &mut folds);
            let insertion = profile.insertion(company).map_or(0, |r| r.points);
            offers.push((total(&judged) + insertion, company, offer, judged));
        }
        if !has_open && profile.hires_for_targets(company.naf_division()) {
            let division = company.naf_division().unwrap_or_default();
            let sector = catalog()
                .sector(division)
                .map(|s| s.label.clone())
                .unwrap_or_default();
            let place = profile.place(&company.town, &company.postcode, &mut folds);
            let nowhere = Offer::new();
            let reasons = vec![
                Reason {
                    criterion: Criterion::Occupation,
                    points: 10,
                    text: owned!("secteur {division:02} ({sector}) : recrute les métiers visés"),
                },
                profile.explain(company, &nowhere, place, &mut Folds::default()),
            ];
            spontaneous.push((10 + place.0, company, reasons));
        }
    }
    let order = |a: &(i32, &Company, &Offer, Judged), b: &(i32, &Company, &Offer, Judged)| {
        (Reverse(a.0), &a.1.name, &a.2.title).cmp(&(Reverse(b.0), &b.1.name, &b.2.title))
    };
    if offers.len() > limit {
        offers.select_nth_unstable_by(limit, order);
        offers.truncate(limit);
    }
    offers.sort_by(order);
    spontaneous.sort_by(|a, b| (Reverse(a.0), &a.1.name).cmp(&(Reverse(b.0), &b.1.name)));
    spontaneous.truncate(limit);
    let mut ranked: Vec<Match> = offers
        .into_iter()
        .map(|(score, company, offer, judged)| Match {
            target: Target::Offer {
                company: company.id,
                offer: offer.id,
            },
            label: format!("{} — {}", offer.title, company.name),
            score,
            work_warning: work_warning(person, offer.start_date, today),
            reasons: judged
                .into_iter()
                .map(|j| profile.explain(company, offer, j, &mut folds))
                .chain(profile.insertion(company))
                .collect(),
        })
        .collect();
    ranked.extend(
        spontaneous
            .into_iter()
            .map(|(score, company, reasons)| Match {
                target: Target::Spontaneous {
                    company: company.id,
                },
                label: format!("{} (candidature spontanée)", company.name),
                score,
                reasons,
                work_warning: work_warning(person, None, today),
            }),
    );
    ranked
}

/// The person's application that stands for a ranked line, if any: one still open, or one she
/// was hired on (a job held, or held and ended). Such a line is not proposed again; a refused
/// or withdrawn application does not stand in the way of a new one.
#[must_use]
pub fn standing_application(person: &Beneficiary, target: Target) -> Option<&Application> {
    person.applications.iter().find(|a| {
        (a.is_active() || matches!(a.state.kind(), StateKind::Hired | StateKind::Ended))
            && match target {
                Target::Offer { offer, .. } => a.offer == Some(offer),
                Target::Spontaneous { company } => a.offer.is_none() && a.company == company,
            }
    })
}

/// The reverse view: people whose pathway is still open, ranked for one offer, best first.
#[must_use]
pub fn rank_beneficiaries(
    company: &Company,
    offer: &Offer,
    people: &[Beneficiary],
    creche: &CrecheSettings,
    today: NaiveDate,
) -> Vec<(BeneficiaryId, i32, Vec<Reason>)> {
    let mut ranked: Vec<(BeneficiaryId, i32, Vec<Reason>, String)> = people
        .iter()
        .filter(|p| p.pathway.outcome.is_none())
        .map(|person| {
            let reasons = Profile::of(person, creche, today).score_offer(company, offer);
            let score = reasons.iter().map(|r| r.points).sum();
            (person.id, score, reasons, fold(&person.display_name()))
        })
        .collect();
    ranked.sort_by(|a, b| (Reverse(a.1), &a.3).cmp(&(Reverse(b.1), &b.3)));
    ranked
        .into_iter()
        .map(|(id, score, reasons, _)| (id, score, reasons))
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::model::preparation::plan::{Project, ProjectStatus, WorkingTime};
    use crate::model::{AreaAssessment, Child, ChildId, ContractKind, Experience, Skill};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    use crate::model::record::dates::test_support::d;

    /// A cook (G1602) living in Créteil (94), French B1, no child, no declared mobility.
    fn cook() -> Beneficiary {
        let mut b = Beneficiary::new(Utc::now());
        b.identity.last_name = "Diallo".into();
        b.french_level = CefrLevel::B1;
        b.contact.town = "Créteil".into();
        b.contact.postcode = "94000".into();
        b.skills.experiences.push(Experience {
            rome_code: Some("G1602".into()),
            ..Experience::default()
        });
        b.skills.skills.push(Skill {
            label: "Hygiène HACCP".into(),
            ..Skill::default()
        });
        b
    }

    fn company(name: &str, ape: &str, town: &str, postcode: &str) -> Company {
        Company {
            name: name.into(),
            ape: ape.into(),
            town: town.into(),
            postcode: postcode.into(),
            ..Company::new()
        }
    }

    fn offer(title: &str, rome: &str) -> Offer {
        Offer {
            title: title.into(),
            rome_code: Some(rome.into()),
            ..Offer::new()
        }
    }

    fn criterion(m: &Match, criterion: Criterion) -> &Reason {
        m.reasons.iter().find(|r| r.criterion == criterion).unwrap()
    }

    #[test]
    fn matching_warns_when_the_person_may_not_work_on_the_offer_start_date() {
        use crate::model::{PermitKind, ResidencePermit};
        let mut restaurant = company("Brasserie", "56.10A", "Créteil", "94000");
        let mut later = offer("Cuisinier", "G1602");
        later.start_date = Some(d(2027, 1, 4));
        restaurant.offers.push(later);
        let mut person = cook();
        // An asylum application registered on 10 August: no work before 10 February.
        person.administrative.residence_permit = Some(ResidencePermit {
            issued_on: Some(d(2026, 8, 10)),
            work_authorisation: true,
            ..ResidencePermit::new(PermitKind::AsylumSeeker)
        });
        let ranked = rank_offers(
            &person,
            std::slice::from_ref(&restaurant),
            &CrecheSettings::default(),
            today(),
        );
        let warning = ranked[0].work_warning.as_deref().unwrap_or_default();
        assert!(
            warning.starts_with("Au 04/01/2027 (début du contrat)"),
            "{warning}"
        );
        assert!(warning.contains("Non autorisé à travailler"), "{warning}");
        // Starting after the six months, with the authorisation: nothing to warn about.
        restaurant.offers[0].start_date = Some(d(2027, 2, 15));
        let ranked = rank_offers(
            &person,
            std::slice::from_ref(&restaurant),
            &CrecheSettings::default(),
            today(),
        );
        assert_eq!(ranked[0].work_warning, None);
        // A multi-year card that expires before the start.
        person.administrative.residence_permit = Some(ResidencePermit {
            expires_on: Some(d(2027, 2, 1)),
            ..ResidencePermit::new(PermitKind::MultiYear)
        });
        let ranked = rank_offers(
            &person,
            std::slice::from_ref(&restaurant),
            &CrecheSettings::default(),
            today(),
        );
        let warning = ranked[0].work_warning.as_deref().unwrap_or_default();
        assert!(warning.contains("expiré le 01/02/2027"), "{warning}");
    }

    #[test]
    fn matching_treats_siae_offers_as_a_first_step_for_people_far_from_employment() {
        let mut garden = company("Jardins solidaires", "81.30Z", "Créteil", "94000");
        garden.siae = Some(crate::model::SiaeKind::Aci);
        let mut cddi = offer("Agent d'espaces verts en insertion", "A1203");
        cddi.contract = ContractKind::Cddi;
        garden.offers.push(cddi);
        let mut shop = company("Jardinerie", "47.76Z", "Créteil", "94000");
        shop.offers.push(offer("Agent d'espaces verts", "A1203"));
        let both = [garden, shop];
        // Far from employment: no experience, French A1.
        let mut newcomer = Beneficiary::new(Utc::now());
        newcomer.identity.last_name = "Tesfaye".into();
        newcomer.french_level = CefrLevel::A1;
        newcomer.contact.postcode = "94000".into();
        newcomer.contact.town = "Créteil".into();
        let ranked = rank_offers(&newcomer, &both, &CrecheSettings::default(), today());
        assert!(
            ranked[0]
                .label
                .starts_with("Agent d'espaces verts en insertion")
        );
        let insertion = criterion(&ranked[0], Criterion::Insertion);
        assert_eq!(insertion.points, 20);
        assert!(insertion.text.contains("ACI"), "{}", insertion.text);
        assert!(
            ranked[1]
                .reasons
                .iter()
                .all(|r| r.criterion != Criterion::Insertion)
        );
        // The experienced cook at B1 is not the public of the IAE: the same offer loses points.
        let cook = cook();
        let ranked = rank_offers(&cook, &both, &CrecheSettings::default(), today());
        let garden_line = ranked
            .iter()
            .find(|m| m.label.contains("en insertion"))
            .unwrap();
        assert_eq!(criterion(garden_line, Criterion::Insertion).points, -10);
        assert!(
            ranked[0]
                .label
                .starts_with("Agent d'espaces verts — Jardinerie")
        );
    }

    #[test]
    fn same_occupation_beats_same_domain_beats_sector() {
        let mut restaurant = company("Brasserie", "56.10A", "Créteil", "94000");
        restaurant.offers.push(offer("Cuisinier", "G1602"));
        restaurant.offers.push(offer("Pâtissier", "G1601"));
        // A hotel (NAF 55) hires cooks: related through its sector, even for another trade.
        let mut hotel = company("Hôtel", "55.10Z", "Créteil", "94000");
        hotel.offers.push(offer("Réceptionniste", "G1703"));
        let mut bank = company("Banque", "64.19Z", "Créteil", "94000");
        bank.offers.push(offer("Guichetier", "C1206"));
        let ranked = rank_offers(
            &cook(),
            &[bank, hotel, restaurant],
            &CrecheSettings::default(),
            today(),
        );
        let labels: Vec<&str> = ranked.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Cuisinier — Brasserie",
                "Pâtissier — Brasserie",
                "Réceptionniste — Hôtel",
                "Guichetier — Banque"
            ]
        );
        assert_eq!(
            criterion(&ranked[0], Criterion::Occupation).text,
            "même métier (G1602)"
        );
        assert_eq!(
            criterion(&ranked[1], Criterion::Occupation).text,
            "même domaine (G1601 et G1602)"
        );
        assert_eq!(criterion(&ranked[2], Criterion::Occupation).points, 10);
        assert_eq!(criterion(&ranked[3], Criterion::Occupation).points, 0);
        assert_eq!(
            ranked[0].score,
            ranked[0].reasons.iter().map(|r| r.points).sum::<i32>()
        );
    }

    #[test]
    fn french_place_and_hours_change_the_order() {
        let mut a = company("A", "56.10A", "Paris", "75011");
        a.offers.push(Offer {
            french_level: CefrLevel::A1,
            ..offer("Cuisinier Paris", "G1602")
        });
        let mut b = company("B", "56.10A", "Ivry-sur-Seine", "94200");
        b.offers.push(Offer {
            schedule: Schedule::Night,
            ..offer("Cuisinier de nuit", "G1602")
        });
        let mut c = company("C", "56.10A", "Créteil", "94000");
        c.offers.push(Offer {
            french_level: CefrLevel::A2,
            ..offer("Cuisinier Créteil", "G1602")
        });
        let companies = [a, b, c];
        let mut person = cook();
        let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
        let first = &ranked[0];
        assert_eq!(first.label, "Cuisinier Créteil — C");
        assert_eq!(criterion(first, Criterion::French).text, "B1 pour A2 exigé");
        assert_eq!(
            criterion(first, Criterion::Place).text,
            "même commune (Créteil)"
        );
        let paris = ranked
            .iter()
            .find(|m| m.label.starts_with("Cuisinier Paris"))
            .unwrap();
        let profile = Profile::of(&person, &CrecheSettings::default(), today());
        let b2 = Offer {
            french_level: CefrLevel::B2,
            ..offer("x", "G1602")
        };
        let reasons = profile.score_offer(&companies[0], &b2);
        assert_eq!(reasons[1].text, "B1, un niveau sous le B2 exigé");
        assert_eq!(reasons[1].points, -5);
        assert_eq!(profile.french(CefrLevel::C1).0, -20);
        assert_eq!(
            criterion(paris, Criterion::Place).text,
            "offre dans le 75, hors de la mobilité déclarée (domicile dans le 94)"
        );
        // Without a child, night work is no obstacle: Ivry (same département) is second.
        assert_eq!(ranked[1].label, "Cuisinier de nuit — B");

        // A baby: night work falls below Paris.
        person.family.children.push(Child {
            id: ChildId::new(),
            first_name: "Awa".into(),
            birth_date: NaiveDate::from_ymd_opt(2026, 1, 10),
        });
        let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
        let labels: Vec<&str> = ranked.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Cuisinier Créteil — C",
                "Cuisinier Paris — A",
                "Cuisinier de nuit — B"
            ]
        );
        let night = ranked.last().unwrap();
        assert_eq!(
            criterion(night, Criterion::Hours).text,
            "travail de nuit, incompatible avec la garde d'enfant"
        );

        // Declared mobility: Paris is no longer "outside".
        person.skills.life_areas.insert(
            LifeArea::Mobility,
            AreaAssessment {
                status: AreaStatus::Strength,
                note: "Permis B".into(),
            },
        );
        let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
        let paris = ranked
            .iter()
            .find(|m| m.label.starts_with("Cuisinier Paris"))
            .unwrap();
        assert_eq!(criterion(paris, Criterion::Place).points, 0);
    }

    #[test]
    fn skills_and_diplomas_held_are_counted() {
        let mut a = company("A", "56.10A", "Créteil", "94000");
        a.offers.push(Offer {
            required_skills: vec!["hygiene haccp".into(), "Cariste".into()],
            ..offer("Cuisinier", "G1602")
        });
        let ranked = rank_offers(&cook(), &[a], &CrecheSettings::default(), today());
        let skills = criterion(&ranked[0], Criterion::Skills);
        assert_eq!(skills.text, "1 sur 2 exigé(s), manque : Cariste");
        assert_eq!(skills.points, 0);
    }

    #[test]
    fn spontaneous_applications_come_after_the_offers() {
        let mut bank = company("Banque", "64.19Z", "Paris", "75011");
        bank.offers.push(offer("Guichetier", "C1206"));
        // A restaurant with only a filled offer: no open offer, its sector hires cooks.
        let mut filled = company("Bistrot", "56.10A", "Créteil", "94000");
        filled.offers.push(Offer {
            status: crate::model::OfferStatus::Filled,
            ..offer("Cuisinier", "G1602")
        });
        // A bank without offers: its sector does not hire cooks.
        let other_bank = company("Crédit", "64.19Z", "Créteil", "94000");
        let ranked = rank_offers(
            &cook(),
            &[filled, other_bank, bank],
            &CrecheSettings::default(),
            today(),
        );
        let labels: Vec<&str> = ranked.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Guichetier — Banque", "Bistrot (candidature spontanée)"]
        );
        assert!(matches!(ranked[1].target, Target::Spontaneous { .. }));
        // Even with a higher score than the offer, the spontaneous one stays after it.
        assert!(ranked[1].score > ranked[0].score);
    }

    #[test]
    fn an_offer_held_or_hired_on_is_not_proposed_again() {
        use crate::model::ApplicationState;
        let mut brasserie = company("Brasserie", "56.10A", "Créteil", "94000");
        brasserie.offers.push(offer("Cuisinier", "G1602"));
        let target = Target::Offer {
            company: brasserie.id,
            offer: brasserie.offers[0].id,
        };
        let mut person = cook();
        assert!(standing_application(&person, target).is_none());
        let mut application = Application::propose(
            brasserie.id,
            &brasserie.name,
            Some((brasserie.offers[0].id, "Cuisinier")),
            d(2026, 11, 2),
        );
        for (state, on) in [
            (ApplicationState::Sent, d(2026, 11, 3)),
            (
                ApplicationState::Interview {
                    date: d(2026, 11, 10),
                    time: None,
                    place: String::new(),
                },
                d(2026, 11, 4),
            ),
            (
                ApplicationState::Hired {
                    contract: ContractKind::Cdi,
                    start: d(2026, 11, 16),
                },
                d(2026, 11, 10),
            ),
        ] {
            application.move_to(state, on).unwrap();
        }
        person.applications.push(application.clone());
        // Hired on it: no longer live, yet it stands for the line.
        assert!(!application.is_active());
        let standing = standing_application(&person, target).unwrap();
        assert_eq!(standing.state.kind(), StateKind::Hired);
        // A withdrawn application leaves the line free for a new one.
        let mut refused = application;
        refused.state = ApplicationState::Withdrawn;
        person.applications = vec![refused];
        assert!(standing_application(&person, target).is_none());
    }

    fn project(code: &str, main: bool, status: ProjectStatus) -> Project {
        Project {
            rome_code: Some(code.into()),
            main,
            status,
            ..Project::default()
        }
    }

    /// Four offers alike but for their occupation, in one restaurant of Créteil.
    fn four_trades() -> Company {
        let mut restaurant = company("Brasserie", "56.10A", "Créteil", "94000");
        for (title, code) in [
            ("Cuisinier", "G1602"),
            ("Agent d'entretien", "K2204"),
            ("Magasinier", "N1103"),
            ("Vendeur", "D1106"),
        ] {
            restaurant.offers.push(offer(title, code));
        }
        restaurant
    }

    #[test]
    fn projects_come_before_phase_one_targets() {
        let companies = [four_trades()];
        let mut person = cook();
        let labels = |person: &Beneficiary| -> Vec<String> {
            rank_offers(person, &companies, &CrecheSettings::default(), today())
                .into_iter()
                .map(|m| m.label)
                .collect()
        };
        // Phase 1 only: the cook's experience leads.
        assert_eq!(labels(&person)[0], "Cuisinier — Brasserie");

        // Phase 2: a validated main project (cleaning), another project still to build
        // (warehouse), an abandoned one (sales).
        person.preparation.projects = vec![
            project("N1103", false, ProjectStatus::ToBuild),
            project("D1106", false, ProjectStatus::Abandoned),
            project("K2204", true, ProjectStatus::Validated),
        ];
        let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
        let order: Vec<&str> = ranked.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(
            order,
            [
                "Agent d'entretien — Brasserie",
                "Magasinier — Brasserie",
                "Cuisinier — Brasserie",
                "Vendeur — Brasserie"
            ]
        );
        let occupation = |i: usize| criterion(&ranked[i], Criterion::Occupation);
        assert_eq!(occupation(0).text, "même métier (K2204), projet principal");
        assert_eq!(occupation(0).points, 50);
        assert_eq!(occupation(1).text, "même métier (N1103), projet en cours");
        assert_eq!(occupation(1).points, 45);
        assert_eq!(occupation(2).text, "même métier (G1602)");
        assert_eq!(occupation(2).points, 40);
        // The abandoned project is no target: the sales offer is only related by sector.
        assert_eq!(occupation(3).points, 10);
        assert_eq!(
            Profile::of(&person, &CrecheSettings::default(), today()).targets(),
            ["K2204", "N1103", "G1602"]
        );

        // A main project still to build is no longer first: it ranks with the other projects,
        // in the order written, after none validated.
        person.preparation.projects[2].status = ProjectStatus::ToBuild;
        let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
        assert_eq!(ranked[0].label, "Agent d'entretien — Brasserie");
        assert_eq!(
            criterion(&ranked[0], Criterion::Occupation).text,
            "même métier (K2204), projet en cours"
        );
        assert_eq!(criterion(&ranked[1], Criterion::Occupation).points, 45);

        // Same domain through a project: named too.
        let profile = Profile::of(&person, &CrecheSettings::default(), today());
        let reasons = profile.score_offer(&companies[0], &offer("Laveur de vitres", "K2201"));
        assert_eq!(
            reasons[0].text,
            "même domaine (K2201 et K2204), projet en cours"
        );
        assert_eq!(reasons[0].points, 28);
    }

    #[test]
    fn a_project_without_a_rome_code_is_found_in_the_titles() {
        let mut restaurant = company("Brasserie", "56.10A", "Créteil", "94000");
        restaurant
            .offers
            .push(offer("Plongeur en restauration", "G1605"));
        restaurant.offers.push(offer("Commis de cuisine", "G1602"));
        let mut person = cook();
        let first = |person: &Beneficiary| {
            rank_offers(
                person,
                &[restaurant.clone()],
                &CrecheSettings::default(),
                today(),
            )
        };
        assert_eq!(first(&person)[0].label, "Commis de cuisine — Brasserie");

        person.preparation.projects = vec![Project {
            label: "Plongeur".into(),
            main: true,
            status: ProjectStatus::Validated,
            ..Project::default()
        }];
        let ranked = first(&person);
        assert_eq!(ranked[0].label, "Plongeur en restauration — Brasserie");
        let occupation = criterion(&ranked[0], Criterion::Occupation);
        assert_eq!(
            occupation.text,
            "l'intitulé reprend le métier visé « Plongeur », projet principal"
        );
        assert_eq!(occupation.points, 45);

        // Only a project in words, and an offer it does not name: unrelated, not "no target".
        person.skills.experiences.clear();
        let reasons = Profile::of(&person, &CrecheSettings::default(), today())
            .score_offer(&restaurant, &offer("Serveur", "G1803"));
        assert_eq!(reasons[0].points, 0);
        assert_eq!(
            reasons[0].text,
            "métier sans lien avec les métiers visés (G1803)"
        );
    }

    #[test]
    fn titles_fold_like_everything_else() {
        let mut out = String::new();
        for text in [
            " Agent(e) de propreté H/F ",
            "ÉLECTRICIEN – BÂTIMENT",
            "Chef-cuisinier, cœur de métier",
            "Ø Łódź ß",
            "e\u{301}clairagiste",
            "",
        ] {
            fold_into(text, &mut out);
            assert_eq!(out, fold(text.trim()), "{text}");
        }
    }

    #[test]
    fn the_project_mobility_widens_the_place() {
        let mut paris = company("A", "56.10A", "Paris", "75011");
        paris.offers.push(offer("Cuisinier Paris", "G1602"));
        let mut bobigny = company("B", "56.10A", "Bobigny", "93000");
        bobigny.offers.push(offer("Cuisinier Bobigny", "G1602"));
        let mut evry = company("C", "56.10A", "Évry", "91000");
        evry.offers.push(offer("Cuisinier Évry", "G1602"));
        let companies = [evry, bobigny, paris];
        let mut person = cook();
        let place = |person: &Beneficiary, label: &str| -> Reason {
            let ranked = rank_offers(person, &companies, &CrecheSettings::default(), today());
            let found = ranked.iter().find(|m| m.label.starts_with(label)).unwrap();
            criterion(found, Criterion::Place).clone()
        };
        assert_eq!(place(&person, "Cuisinier Paris").points, -15);
        assert_eq!(place(&person, "Cuisinier Bobigny").points, -15);

        let mut main = project("G1602", true, ProjectStatus::Validated);
        main.mobility.reachable = "Créteil, paris ; 93".into();
        person.preparation.projects = vec![main];
        let paris = place(&person, "Cuisinier Paris");
        assert_eq!(paris.text, "Paris accessible (projet principal)");
        assert_eq!(paris.points, 12);
        let bobigny = place(&person, "Cuisinier Bobigny");
        assert_eq!(bobigny.text, "département 93 accessible (projet principal)");
        assert_eq!(bobigny.points, 6);
        // Not written as within reach: still outside.
        assert_eq!(place(&person, "Cuisinier Évry").points, -15);
        let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
        let order: Vec<&str> = ranked.iter().map(|m| m.label.as_str()).collect();
        assert_eq!(
            order,
            [
                "Cuisinier Paris — A",
                "Cuisinier Bobigny — B",
                "Cuisinier Évry — C"
            ]
        );
    }

    #[test]
    fn the_project_constraints_judge_the_hours() {
        let mut a = company("A", "56.10A", "Créteil", "94000");
        a.offers.push(Offer {
            schedule: Schedule::Night,
            ..offer("Cuisinier de nuit", "G1602")
        });
        a.offers.push(Offer {
            schedule: Schedule::Weekend,
            weekly_hours: Some(20),
            ..offer("Cuisinier du week-end", "G1602")
        });
        a.offers.push(Offer {
            weekly_hours: Some(39),
            ..offer("Cuisinier 39 h", "G1602")
        });
        let companies = [a];
        let mut person = cook();
        let hours = |person: &Beneficiary, label: &str| -> Reason {
            let ranked = rank_offers(person, &companies, &CrecheSettings::default(), today());
            let found = ranked.iter().find(|m| m.label.starts_with(label)).unwrap();
            criterion(found, Criterion::Hours).clone()
        };
        // No child, no project: every schedule is fine.
        assert_eq!(hours(&person, "Cuisinier de nuit").points, 5);

        let mut main = project("G1602", true, ProjectStatus::Validated);
        main.hours_constraints = "Pas de travail de nuit".into();
        main.working_time = WorkingTime::PartTime;
        person.preparation.projects = vec![main];
        let night = hours(&person, "Cuisinier de nuit");
        assert_eq!(night.text, "travail de nuit, exclu par le projet principal");
        assert_eq!(night.points, -25);
        assert_eq!(hours(&person, "Cuisinier du week-end").points, 5);
        let long = hours(&person, "Cuisinier 39 h");
        assert_eq!(
            long.text,
            "39 h par semaine, temps partiel recherché (projet principal)"
        );
        assert_eq!(long.points, -10);

        // Childcare to arrange for the project: weekend work is now an obstacle too.
        person.preparation.projects[0].childcare_needed = true;
        person.preparation.projects[0].working_time = WorkingTime::FullTime;
        assert_eq!(
            hours(&person, "Cuisinier du week-end").text,
            "travail le week-end, sans mode de garde"
        );
        assert_eq!(hours(&person, "Cuisinier 39 h").points, -5);
        let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
        assert_eq!(ranked[0].label, "Cuisinier 39 h — A");
        assert_eq!(ranked[2].label, "Cuisinier de nuit — A");
    }

    #[test]
    fn matching_reads_the_creche_settings_ages() {
        let mut a = company("A", "56.10A", "Créteil", "94000");
        a.offers.push(Offer {
            schedule: Schedule::Weekend,
            weekly_hours: Some(20),
            ..offer("Cuisinier du week-end", "G1602")
        });
        let companies = [a];
        let mut person = cook();
        // Three years and two months old on 22/11/2026: past the third birthday (15/09/2026),
        // after the school year started, so at the crèche until the next one.
        person.family.children.push(Child {
            id: ChildId::new(),
            first_name: "Awa".into(),
            birth_date: NaiveDate::from_ymd_opt(2023, 9, 15),
        });
        let weekend = |creche: &CrecheSettings| -> Reason {
            let ranked = rank_offers(&person, &companies, creche, today());
            criterion(&ranked[0], Criterion::Hours).clone()
        };
        let school_entry = CrecheSettings::default();
        assert_eq!(
            weekend(&school_entry).text,
            "travail le week-end, sans mode de garde"
        );
        let birthday = CrecheSettings {
            upper_age_rule: crate::model::UpperAgeRule::Birthday,
            ..CrecheSettings::default()
        };
        assert_eq!(weekend(&birthday).points, 5, "past the crèche's age");
        // The crèche's own ages count, not a fixed 3–36 months: one taking children up to 48
        // months looks after this one too.
        let older = CrecheSettings {
            max_age_months: 48,
            ..birthday
        };
        assert_eq!(
            weekend(&older).text,
            "travail le week-end, sans mode de garde"
        );
    }

    #[test]
    fn the_reverse_view_ranks_people_for_an_offer() {
        let mut restaurant = company("Brasserie", "56.10A", "Créteil", "94000");
        restaurant.offers.push(offer("Cuisinier", "G1602"));
        let cook = cook();
        let mut driver = cook.clone();
        driver.id = BeneficiaryId::new();
        driver.identity.last_name = "Kone".into();
        driver.skills.experiences[0].rome_code = Some("N4101".into());
        let mut hired = cook.clone();
        hired.id = BeneficiaryId::new();
        hired.pathway.outcome = Some(crate::model::Outcome {
            kind: crate::model::OutcomeKind::Training,
            date: today(),
            contract_months: None,
        });
        let ranked = rank_beneficiaries(
            &restaurant,
            &restaurant.offers[0],
            &[driver.clone(), hired, cook.clone()],
            &CrecheSettings::default(),
            today(),
        );
        let ids: Vec<BeneficiaryId> = ranked.iter().map(|r| r.0).collect();
        assert_eq!(ids, [cook.id, driver.id]);
        assert!(ranked[0].1 > ranked[1].1);
    }
}
