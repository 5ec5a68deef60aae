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
//!
//! The folder follows the steps: [`Profile`] reads the person once (`profile`), the criteria
//! score an offer as points and verdicts without words (`criteria`), only the lines kept are
//! put into words (`reasons`); `reverse` ranks people for one offer, `work` says when the
//! permit does not plainly allow the work. Ranking itself is here.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::fmt;

use chrono::NaiveDate;

use crate::model::companies::application::{Application, StateKind};
use crate::model::companies::company::{Company, Offer};
use crate::model::creche::CrecheSettings;
use crate::model::record::beneficiary::Beneficiary;
use crate::model::record::ids::{CompanyId, OfferId};
use crate::model::skills::rome::catalog;

/// `format!` into a reason's text.
macro_rules! owned {
    ($($arg:tt)*) => {
        ::std::borrow::Cow::Owned(format!($($arg)*))
    };
}

mod criteria;
mod profile;
mod reasons;
mod reverse;
#[cfg(test)]
mod tests;
mod work;

use criteria::{Folds, Judged, total};
pub use profile::{Profile, TargetSource};
pub use reverse::rank_beneficiaries;
pub use work::work_warning;

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
