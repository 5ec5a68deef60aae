//! What matching knows of a person, read once per ranking: the target occupations and where
//! they come from (projects, then phase 1), the leading project's mobility and constraints,
//! French level, skills held, home, childcare, and how far from employment they are.

use chrono::NaiveDate;

use crate::model::companies::company::departement;
use crate::model::creche::CrecheSettings;
use crate::model::preparation::plan::{Preparation, Project, ProjectStatus, WorkingTime};
use crate::model::record::beneficiary::{Beneficiary, CrecheAge};
use crate::model::record::cefr::CefrLevel;
use crate::model::record::search::fold;
use crate::model::skills::assessment::{AreaStatus, LifeArea};
use crate::model::skills::rome::catalog;

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
    pub(super) const fn same_code_points(self) -> i32 {
        match self {
            Self::MainProject => 50,
            Self::Project => 45,
            Self::Phase1 => 40,
        }
    }

    /// Points for the same ROME domain.
    pub(super) const fn same_domain_points(self) -> i32 {
        match self {
            Self::MainProject => 30,
            Self::Project => 28,
            Self::Phase1 => 25,
        }
    }

    /// The words appended to an occupation reason ("" for phase 1, as before projects existed).
    pub(super) const fn suffix(self) -> &'static str {
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
pub(super) struct ProjectLimits {
    /// "projet principal" or "projet en cours", for the reasons.
    pub(super) source: &'static str,
    /// Towns written as within reach, folded.
    pub(super) towns: Vec<String>,
    /// Départements written as within reach ("94", "2A"), or derived from a postcode written.
    pub(super) departements: Vec<String>,
    /// The places within reach as written ("Nanterre, Puteaux"), on one line, for the reasons.
    pub(super) reachable: String,
    /// "pas de nuit" or the like in the hours constraints (or school hours).
    pub(super) no_nights: bool,
    /// "pas le week-end", "samedi", "dimanche" in the hours constraints (or school hours).
    pub(super) no_weekends: bool,
    /// Part time sought.
    pub(super) part_time: bool,
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
pub(super) struct LabelTarget {
    /// Folded, to be looked for in the offers' titles.
    pub(super) folded: String,
    /// As the counsellor wrote it, for the reason.
    pub(super) written: String,
    pub(super) source: TargetSource,
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
    pub(super) targets: Vec<String>,
    /// Where each target comes from (same order as `targets`).
    pub(super) sources: Vec<TargetSource>,
    /// Occupations of projects without a ROME code, folded, with their source.
    pub(super) labels: Vec<LabelTarget>,
    /// NAF divisions where the targets are commonly found.
    pub(super) target_divisions: [bool; 100],
    pub(super) french: CefrLevel,
    /// Skills, diploma titles and fields, folded.
    pub(super) held: Vec<String>,
    pub(super) town: String,
    pub(super) departement: Option<String>,
    /// Mobility noted as a strength: another département is within reach.
    pub(super) mobile: bool,
    /// A young child to have looked after (crèche age, childcare noted as a need, or childcare
    /// to arrange for the leading project).
    pub(super) childcare: bool,
    /// The leading project's mobility and constraints, if there is a project.
    pub(super) project: Option<ProjectLimits>,
    /// Far from employment: no experience recorded, French at A1 or below, or three needs or
    /// more in the life areas. An insertion structure is then a first step.
    pub(super) far_from_employment: bool,
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

    /// The person's target occupations (ROME codes), most weighty first: the validated main
    /// project, the other projects, then phase 1.
    #[must_use]
    pub fn targets(&self) -> &[String] {
        &self.targets
    }

    /// Where the target at `index` comes from (phase 1 when out of range).
    pub(super) fn source(&self, index: usize) -> TargetSource {
        self.sources
            .get(index)
            .copied()
            .unwrap_or(TargetSource::Phase1)
    }

    pub(super) fn hires_for_targets(&self, division: Option<u8>) -> bool {
        division
            .and_then(|d| self.target_divisions.get(usize::from(d)))
            .copied()
            .unwrap_or(false)
    }
}
