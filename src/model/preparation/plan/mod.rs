//! Phase 2, preparation for employment: the person's professional projects, the action plan
//! (objectives by theme, actions with who acts and when), the log of contacts with the hours
//! it adds up to against the programme's 70 % individual / 30 % collective target, and the
//! administrative steps that make a job possible.
//!
//! Collective workshops live in their own shared files (see `workshop`): a present attendance
//! counts here as a collective session computed from the workshop, never copied into the record.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::model::preparation::cv::Cv;
use crate::model::record::beneficiary::Administrative;
use crate::model::record::integration::Integration;
use crate::model::record::pathway::ContractKind;
use crate::model::skills::assessment::LifeArea;

/// Where a professional project stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ProjectStatus {
    /// Still being worked out.
    #[default]
    ToBuild,
    /// Validated with the counsellor.
    Validated,
    /// Given up.
    Abandoned,
}

impl ProjectStatus {
    /// Every status, for pickers.
    pub const ALL: [Self; 3] = [Self::ToBuild, Self::Validated, Self::Abandoned];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::ToBuild => "À construire",
            Self::Validated => "Validé",
            Self::Abandoned => "Abandonné",
        }
    }
}

/// Working time sought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum WorkingTime {
    /// Not decided yet.
    #[default]
    Undecided,
    /// Full time.
    FullTime,
    /// Part time.
    PartTime,
    /// Either.
    Either,
}

impl WorkingTime {
    /// Every value, for pickers.
    pub const ALL: [Self; 4] = [
        Self::Undecided,
        Self::FullTime,
        Self::PartTime,
        Self::Either,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Undecided => "Non précisé",
            Self::FullTime => "Temps plein",
            Self::PartTime => "Temps partiel",
            Self::Either => "Temps plein ou partiel",
        }
    }
}

/// A means of getting to work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Transport {
    /// Public transport.
    PublicTransport,
    /// Car.
    Car,
    /// Bicycle.
    Bicycle,
    /// On foot.
    OnFoot,
}

impl Transport {
    /// Every means, in order.
    pub const ALL: [Self; 4] = [
        Self::PublicTransport,
        Self::Car,
        Self::Bicycle,
        Self::OnFoot,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::PublicTransport => "Transports en commun",
            Self::Car => "Voiture",
            Self::Bicycle => "Vélo",
            Self::OnFoot => "À pied",
        }
    }
}

/// How far the person can go to work.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Mobility {
    /// Means available.
    pub means: Vec<Transport>,
    /// Longest acceptable commute, one way, in minutes.
    pub max_commute_minutes: Option<u16>,
    /// Towns or départements within reach, as the counsellor writes them.
    pub reachable: String,
}

/// A professional project.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    /// Target occupation (ROME code), when chosen in the catalogue.
    pub rome_code: Option<String>,
    /// Target occupation in the counsellor's words (used when no ROME code fits).
    pub label: String,
    /// The main project (exactly one when there are projects).
    pub main: bool,
    /// Contract types sought.
    pub contracts: Vec<ContractKind>,
    /// Working time sought.
    pub working_time: WorkingTime,
    /// Earliest start.
    pub earliest_start: Option<NaiveDate>,
    /// Mobility.
    pub mobility: Mobility,
    /// Childcare to arrange before starting (see the "Crèche" tab).
    pub childcare_needed: bool,
    /// Health constraints.
    pub health_constraints: String,
    /// Constraints on hours (no nights, school hours…).
    pub hours_constraints: String,
    /// Where the project stands.
    pub status: ProjectStatus,
}

/// The theme of an objective of the action plan.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum Theme {
    /// French language.
    #[default]
    Language,
    /// Administrative procedures.
    Administrative,
    /// Getting around.
    Mobility,
    /// Childcare.
    Childcare,
    /// The CV.
    Cv,
    /// Job interviews.
    Interview,
    /// Digital skills.
    Digital,
    /// Training.
    Training,
    /// Health.
    Health,
    /// Housing.
    Housing,
}

impl Theme {
    /// Every theme, in order.
    pub const ALL: [Self; 10] = [
        Self::Language,
        Self::Administrative,
        Self::Mobility,
        Self::Childcare,
        Self::Cv,
        Self::Interview,
        Self::Digital,
        Self::Training,
        Self::Health,
        Self::Housing,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Language => "Langue",
            Self::Administrative => "Démarches administratives",
            Self::Mobility => "Mobilité",
            Self::Childcare => "Garde d'enfants",
            Self::Cv => "CV",
            Self::Interview => "Entretien",
            Self::Digital => "Numérique",
            Self::Training => "Formation",
            Self::Health => "Santé",
            Self::Housing => "Logement",
        }
    }

    /// The theme that works on a need found in phase 1.
    #[must_use]
    pub const fn for_need(area: LifeArea) -> Self {
        match area {
            LifeArea::Mobility => Self::Mobility,
            LifeArea::Childcare => Self::Childcare,
            LifeArea::Health => Self::Health,
            LifeArea::Housing => Self::Housing,
            LifeArea::Digital => Self::Digital,
            LifeArea::Administrative => Self::Administrative,
            LifeArea::Language => Self::Language,
        }
    }
}

/// Who carries out an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Actor {
    /// The person.
    #[default]
    Beneficiary,
    /// The counsellor.
    Counsellor,
    /// A partner organisation.
    Partner,
}

impl Actor {
    /// Every actor, for pickers.
    pub const ALL: [Self; 3] = [Self::Beneficiary, Self::Counsellor, Self::Partner];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Beneficiary => "Bénéficiaire",
            Self::Counsellor => "Conseiller",
            Self::Partner => "Partenaire",
        }
    }
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ActionStatus {
    /// Not started.
    #[default]
    ToDo,
    /// Under way.
    InProgress,
    /// Done.
    Done,
    /// Given up.
    Abandoned,
}

impl ActionStatus {
    /// Every status, for pickers.
    pub const ALL: [Self; 4] = [Self::ToDo, Self::InProgress, Self::Done, Self::Abandoned];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::ToDo => "À faire",
            Self::InProgress => "En cours",
            Self::Done => "Fait",
            Self::Abandoned => "Abandonné",
        }
    }

    /// Whether the action still has to be carried out.
    #[must_use]
    pub const fn is_open(self) -> bool {
        matches!(self, Self::ToDo | Self::InProgress)
    }
}

/// One action of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    /// What is to be done.
    pub label: String,
    /// Who does it.
    pub actor: Actor,
    /// By when.
    pub due_on: Option<NaiveDate>,
    /// Where it stands.
    pub status: ActionStatus,
}

impl Action {
    /// Whether the action is past its due date (`today` excluded) and still open.
    #[must_use]
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due_on.is_some_and(|due| due < today)
    }
}

/// An objective of the plan: a theme and the actions that serve it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Objective {
    /// Theme.
    pub theme: Theme,
    /// The objective in the counsellor's words.
    pub label: String,
    /// Actions.
    pub actions: Vec<Action>,
}

/// An overdue action, located in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueAction<'a> {
    /// The objective it serves.
    pub objective: &'a Objective,
    /// The action.
    pub action: &'a Action,
    /// Days past the due date.
    pub days_late: i64,
}

/// The kind of a contact with the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum SessionKind {
    /// Individual, face to face.
    #[default]
    FaceToFace,
    /// Individual, by phone or video.
    Remote,
    /// Collective workshop (one outside the catalogue; catalogue workshops count by themselves).
    Collective,
}

impl SessionKind {
    /// Every kind, for pickers.
    pub const ALL: [Self; 3] = [Self::FaceToFace, Self::Remote, Self::Collective];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::FaceToFace => "Entretien individuel en face-à-face",
            Self::Remote => "Individuel par téléphone / visio",
            Self::Collective => "Atelier collectif",
        }
    }

    /// Whether the session counts as individual time.
    #[must_use]
    pub const fn is_individual(self) -> bool {
        matches!(self, Self::FaceToFace | Self::Remote)
    }
}

/// One contact with the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// When.
    pub date: NaiveDate,
    /// How long, in minutes.
    pub duration_minutes: u32,
    /// Individual or collective.
    #[serde(default)]
    pub kind: SessionKind,
    /// A short note.
    #[serde(default)]
    pub note: String,
}

/// The programme's target share of individual time, in percent (the rest is collective).
pub const INDIVIDUAL_TARGET_PERCENT: u32 = 70;

/// Hours spent with the person, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Hours {
    /// Individual minutes (face to face, phone, video).
    pub individual_minutes: u32,
    /// Collective minutes (workshops).
    pub collective_minutes: u32,
}

impl Hours {
    /// Adds up sessions.
    #[must_use]
    pub fn of<'a>(sessions: impl IntoIterator<Item = &'a Session>) -> Self {
        let mut hours = Self::default();
        for s in sessions {
            if s.kind.is_individual() {
                hours.individual_minutes =
                    hours.individual_minutes.saturating_add(s.duration_minutes);
            } else {
                hours.collective_minutes =
                    hours.collective_minutes.saturating_add(s.duration_minutes);
            }
        }
        hours
    }

    /// Total minutes.
    #[must_use]
    pub const fn total_minutes(self) -> u32 {
        self.individual_minutes
            .saturating_add(self.collective_minutes)
    }

    /// (individual %, collective %), rounded so that they add up to 100; `None` with no time
    /// logged yet.
    #[must_use]
    pub fn split_percent(self) -> Option<(u32, u32)> {
        let total = u64::from(self.total_minutes());
        if total == 0 {
            return None;
        }
        let individual = (u64::from(self.individual_minutes) * 100 + total / 2) / total;
        let individual = u32::try_from(individual).unwrap_or(100).min(100);
        Some((individual, 100 - individual))
    }

    /// How far the split is from the 70/30 target, in percentage points of individual time
    /// (positive: more individual than the target); `None` with no time logged yet.
    #[must_use]
    pub fn gap_to_target(self) -> Option<i64> {
        self.split_percent()
            .map(|(individual, _)| i64::from(individual) - i64::from(INDIVIDUAL_TARGET_PERCENT))
    }
}

/// Formats minutes as French hours: "1 h 30", "2 h", "45 min".
#[must_use]
pub fn format_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, 0) => "0 h".to_owned(),
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

/// Minutes in a decimal number of hours ("1,5" or "1.5"), at most 24 h.
fn decimal_hours(text: &str) -> Option<u32> {
    let hours: f64 = text.replace(',', ".").parse().ok()?;
    if !(0.0..=24.0).contains(&hours) {
        return None;
    }
    // At most 24 h: the product fits, and rounding to the minute is intended.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let minutes = (hours * 60.0).round() as u32;
    Some(minutes)
}

/// Parses a duration as typed: "90" (minutes), "1h30", "1 h 30", "2h", "45 min", "1,5 h",
/// "1,5" and "1.5" (hours): the one parser of every duration the window asks for (a session,
/// a longest commute), with the same messages.
pub fn parse_duration(text: &str) -> Result<u32, String> {
    let invalid = || "Durée invalide : en minutes (90) ou en heures (1h30).".to_owned();
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    if compact.is_empty() {
        return Err("La durée est obligatoire.".to_owned());
    }
    let minutes = if let Some(m) = compact.strip_suffix("min") {
        m.parse::<u32>().map_err(|_| invalid())?
    } else if let Some((h, m)) = compact.split_once('h') {
        if m.is_empty() {
            decimal_hours(h).ok_or_else(invalid)?
        } else {
            let h: u32 = h.parse().map_err(|_| invalid())?;
            let m: u32 = m.parse().map_err(|_| invalid())?;
            if m >= 60 {
                return Err(invalid());
            }
            h.saturating_mul(60).saturating_add(m)
        }
    } else if compact.contains([',', '.']) {
        // A decimal number is hours: nobody types "1,5" for a minute and a half.
        decimal_hours(&compact).ok_or_else(invalid)?
    } else {
        compact.parse::<u32>().map_err(|_| invalid())?
    };
    if minutes == 0 {
        Err("La durée doit être d'au moins une minute.".to_owned())
    } else if minutes > 24 * 60 {
        Err("Une séance dure au plus 24 h.".to_owned())
    } else {
        Ok(minutes)
    }
}

/// An administrative step of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AdminStepKind {
    /// Civil-status documents.
    CivilStatus,
    /// Residence permit.
    ResidencePermit,
    /// Republican integration contract.
    Cir,
    /// CAF.
    Caf,
    /// Social security and carte Vitale.
    SocialSecurity,
    /// Bank account.
    BankAccount,
    /// Registration with France Travail.
    FranceTravail,
    /// Children's schooling.
    Schooling,
}

impl AdminStepKind {
    /// Every step, in checklist order.
    pub const ALL: [Self; 8] = [
        Self::CivilStatus,
        Self::ResidencePermit,
        Self::Cir,
        Self::Caf,
        Self::SocialSecurity,
        Self::BankAccount,
        Self::FranceTravail,
        Self::Schooling,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::CivilStatus => "Actes d'état civil",
            Self::ResidencePermit => "Titre de séjour",
            Self::Cir => "Contrat d'intégration républicaine (CIR)",
            Self::Caf => "CAF",
            Self::SocialSecurity => "Sécurité sociale / carte Vitale",
            Self::BankAccount => "Compte bancaire",
            Self::FranceTravail => "Inscription France Travail",
            Self::Schooling => "Scolarisation des enfants",
        }
    }
}

/// Where an administrative step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum StepStatus {
    /// To do.
    #[default]
    ToDo,
    /// Requested, waiting for an answer.
    Requested,
    /// Obtained.
    Obtained,
    /// Does not apply to this person.
    NotApplicable,
}

impl StepStatus {
    /// Every status, for pickers.
    pub const ALL: [Self; 4] = [
        Self::ToDo,
        Self::Requested,
        Self::Obtained,
        Self::NotApplicable,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::ToDo => "À faire",
            Self::Requested => "Demandé",
            Self::Obtained => "Obtenu",
            Self::NotApplicable => "Non concerné",
        }
    }
}

/// One step of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AdminStep {
    /// Where it stands.
    pub status: StepStatus,
    /// Date of the last change (request, answer).
    pub date: Option<NaiveDate>,
    /// A short note.
    pub note: String,
}

/// Civic training days of the CIR.
pub const CIR_CIVIC_DAYS: u8 = 4;

/// Progress of the CIR's training: the signature date itself is `Administrative::cir_signed_on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CirTraining {
    /// Civic training days done, out of [`CIR_CIVIC_DAYS`].
    pub civic_days_done: u8,
    /// Language training hours done.
    pub language_hours_done: u16,
    /// Language training hours prescribed by OFII (0: none prescribed).
    pub language_hours_prescribed: u16,
}

/// Days before a permit's expiry from which its renewal is flagged: the ANEF filing window
/// opens on the 120th day before expiry (R.431-5 CESEDA).
pub const PERMIT_WARNING_DAYS: i64 = 120;

/// Days before a permit's expiry by which its renewal must be filed: the window closes on the
/// 60th day before expiry (R.431-5 CESEDA). Filed later, the person may be left without a
/// title between the expiry and the decision.
pub const PERMIT_FILING_DEADLINE_DAYS: i64 = 60;

/// Days before the expiry of a provisional document (récépissé, API, asylum seeker's
/// certificate) from which its extension is flagged: not a legal window, a reminder.
pub const PROVISIONAL_WARNING_DAYS: i64 = 30;

/// What the residence permit's expiry calls for on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PermitAlert {
    /// Expired on that date.
    Expired(NaiveDate),
    /// Inside the ANEF filing window: the renewal is to be filed between `opens` and `closes`.
    RenewalWindow {
        /// Expiry date.
        on: NaiveDate,
        /// First day of the window (120 days before expiry).
        opens: NaiveDate,
        /// Last day of the window (60 days before expiry).
        closes: NaiveDate,
        /// Days left before expiry.
        days_left: i64,
    },
    /// Past the window's last day and not expired yet: filing now is late, rights may break.
    LateFiling {
        /// Expiry date.
        on: NaiveDate,
        /// The window's last day, gone.
        closed: NaiveDate,
        /// Days left before expiry.
        days_left: i64,
    },
    /// A provisional document (récépissé, API, asylum seeker's certificate) expiring within
    /// [`PROVISIONAL_WARNING_DAYS`]: to have extended.
    ProvisionalExpiresSoon {
        /// Expiry date.
        on: NaiveDate,
        /// Days left.
        days_left: i64,
    },
}

impl PermitAlert {
    /// The alert, if any, for a person's permit on `today`.
    #[must_use]
    pub fn of(administrative: &Administrative, today: NaiveDate) -> Option<Self> {
        let permit = administrative.residence_permit.as_ref()?;
        let on = permit.expires_on?;
        let days_left = (on - today).num_days();
        let before = |days: i64| on.checked_sub_signed(TimeDelta::days(days)).unwrap_or(on);
        if days_left < 0 {
            Some(Self::Expired(on))
        } else if permit.kind.is_provisional() {
            (days_left <= PROVISIONAL_WARNING_DAYS)
                .then_some(Self::ProvisionalExpiresSoon { on, days_left })
        } else if days_left < PERMIT_FILING_DEADLINE_DAYS {
            Some(Self::LateFiling {
                on,
                closed: before(PERMIT_FILING_DEADLINE_DAYS),
                days_left,
            })
        } else if days_left <= PERMIT_WARNING_DAYS {
            Some(Self::RenewalWindow {
                on,
                opens: before(PERMIT_WARNING_DAYS),
                closes: before(PERMIT_FILING_DEADLINE_DAYS),
                days_left,
            })
        } else {
            None
        }
    }

    /// Whether the alert calls for action now (red): expired, or filing late.
    #[must_use]
    pub const fn is_urgent(self) -> bool {
        matches!(self, Self::Expired(_) | Self::LateFiling { .. })
    }
}

/// Everything phase 2 records about one person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Preparation {
    /// Professional projects (one main).
    pub projects: Vec<Project>,
    /// The action plan.
    pub objectives: Vec<Objective>,
    /// Contacts logged by hand (catalogue workshops are counted from their own files).
    pub sessions: Vec<Session>,
    /// The administrative checklist; a step absent is "à faire".
    pub admin_steps: BTreeMap<AdminStepKind, AdminStep>,
    /// CIR training progress.
    pub cir: CirTraining,
    /// The 2026 conditions of a lasting stay: target, examen civique, certificates (absent
    /// from files before format 5: none).
    pub integration: Integration,
    /// The CV as edited by the counsellor (`None`: not prepared yet).
    pub cv: Option<Cv>,
    /// Appointments, planned and settled (absent from files before format 7: none).
    pub appointments: Vec<crate::model::preparation::appointment::Appointment>,
}

impl Preparation {
    /// The main project, if any.
    #[must_use]
    pub fn main_project(&self) -> Option<&Project> {
        self.projects.iter().find(|p| p.main)
    }

    /// Makes project `index` the main one, and every other not.
    pub fn set_main_project(&mut self, index: usize) {
        if index >= self.projects.len() {
            return;
        }
        for (i, project) in self.projects.iter_mut().enumerate() {
            project.main = i == index;
        }
    }

    /// Keeps exactly one main project when there are any: the first marked, else the first.
    pub fn normalize_main_project(&mut self) {
        let main = self.projects.iter().position(|p| p.main).unwrap_or(0);
        self.set_main_project(main);
    }

    /// Every open action past its due date, most late first.
    #[must_use]
    pub fn overdue(&self, today: NaiveDate) -> Vec<OverdueAction<'_>> {
        let mut overdue: Vec<OverdueAction<'_>> = self
            .objectives
            .iter()
            .flat_map(|objective| {
                objective
                    .actions
                    .iter()
                    .filter(|a| a.is_overdue(today))
                    .map(move |action| OverdueAction {
                        objective,
                        action,
                        days_late: action.due_on.map_or(0, |due| (today - due).num_days()),
                    })
            })
            .collect();
        overdue.sort_by_key(|o| std::cmp::Reverse(o.days_late));
        overdue
    }

    /// Hours of the log (typed sessions and honoured appointments, see
    /// [`Preparation::logged_sessions`]) plus `from_workshops` (the person's present
    /// attendances, computed from the workshop files).
    #[must_use]
    pub fn hours(&self, from_workshops: &[Session]) -> Hours {
        Hours::of(self.logged_sessions().iter().chain(from_workshops))
    }

    /// A step of the checklist (absent: "à faire").
    #[must_use]
    pub fn step(&self, kind: AdminStepKind) -> AdminStep {
        self.admin_steps.get(&kind).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
