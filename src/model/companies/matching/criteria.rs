//! The criteria, scored without words: for one offer, the points and the verdict of each
//! criterion (occupation, French, skills, place, hours, and insertion for an SIAE). Cheap
//! enough for thousands of offers; only the lines kept are put into words (`reasons`).

use std::collections::HashMap;

use crate::model::companies::company::{Company, Offer, Schedule, departement};
use crate::model::record::cefr::CefrLevel;
use crate::model::record::search::fold;

use super::{Criterion, Profile, Reason};

/// Points an insertion structure's offer gains for a person far from employment.
pub(super) const INSERTION_FIRST_STEP_POINTS: i32 = 20;
/// Points it loses for a person who is not.
pub(super) const INSERTION_DETOUR_POINTS: i32 = 10;

impl Profile {
    /// Points for an insertion structure's offer (SIAE): a first step for a person far from
    /// employment, a detour for one who is not (the IAE is kept for the former). `None` for
    /// an ordinary company.
    pub(super) fn insertion(&self, company: &Company) -> Option<Reason> {
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

    /// The occupation criterion, without words.
    pub(super) fn occupation<'c>(
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
    pub(super) fn occupation_by_code(&self, offer: &Offer, division: Option<u8>) -> (i32, Verdict) {
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
    pub(super) fn french(&self, required: CefrLevel) -> (i32, Verdict) {
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
    pub(super) fn holds(&self, required: &str) -> bool {
        !required.trim().is_empty()
            && self
                .held
                .iter()
                .any(|h| h.contains(required) || required.contains(h.as_str()))
    }

    /// The skills criterion: 5 points per requirement held, minus 5 per one missing.
    pub(super) fn skills<'c>(&self, offer: &'c Offer, folds: &mut Folds<'c>) -> (i32, Verdict) {
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
    pub(super) fn place<'c>(
        &self,
        town: &'c str,
        postcode: &str,
        folds: &mut Folds<'c>,
    ) -> (i32, Verdict) {
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
    pub(super) fn hours(&self, offer: &Offer) -> (i32, Verdict) {
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
    pub(super) fn judge<'c>(
        &self,
        company: &'c Company,
        offer: &'c Offer,
        folds: &mut Folds<'c>,
    ) -> Judged {
        let (town, postcode) = place_of(company, offer);
        [
            self.occupation(offer, company.naf_division(), folds),
            self.french(offer.french_level),
            self.skills(offer, folds),
            self.place(town, postcode, folds),
            self.hours(offer),
        ]
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
pub(super) enum Verdict {
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
pub(super) type Judged = [(i32, Verdict); 5];

/// Folded texts, each folded once per ranking: companies repeat the same towns and skills.
#[derive(Default)]
pub(super) struct Folds<'c> {
    pub(super) folded: HashMap<&'c str, String>,
    /// An offer's title, folded without keeping it: titles rarely repeat.
    pub(super) title: String,
}

impl<'c> Folds<'c> {
    /// `title` folded like [`fold`] (trimmed), into a buffer reused from offer to offer.
    pub(super) fn title(&mut self, title: &str) -> &str {
        fold_into(title, &mut self.title);
        &self.title
    }

    pub(super) fn fold(&mut self, text: &'c str) -> &str {
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
pub(super) fn fold_into(text: &str, out: &mut String) {
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
pub(super) fn place_of<'c>(company: &'c Company, offer: &'c Offer) -> (&'c str, &'c str) {
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

pub(super) fn total(judged: &Judged) -> i32 {
    judged.iter().map(|(points, _)| points).sum()
}
