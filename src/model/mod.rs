//! The domain: a beneficiary's record and individualised pathway, as plain data plus the rules
//! that govern it (validation, entry route, current stage, search folding, demo data).
//!
//! This module knows nothing of egui nor of the file system: the store reads and writes these
//! types, the UI draws them, and both can be tested without the other.

pub mod companies;
pub mod creche;
pub mod demo;
pub mod preparation;
pub mod record;
pub mod skills;
#[cfg(test)]
mod unicode_props;

pub use companies::{
    Application, ApplicationState, EndReason, HistoryEntry, Immersion, ImmersionResult, MoveError,
    PMSMP_MAX_DAYS, RefusalReason, StateKind,
};
pub use companies::{
    Company, CompanyContact, CompanyError, CompanyField, Offer, OfferStatus,
    Schedule as OfferSchedule, SiaeKind, check_email, check_postcode, check_siret, departement,
    normalize_ape,
};
pub use companies::{csv_import, matching};
pub use creche::{
    Booking, BookingReason, Cell, CellEntry, ChildCare, Closure, CrecheFamily, CrecheProblem,
    CrecheSettings, DEFAULT_CAPACITY, DayPlan, Fill, FullSlot, MAX_CAPACITY, Occupancy, Planned,
    Priority, QueuedRequest, RECENT_EXIT_MONTHS, Refusal, Schedule, SlotEntry, Suggestion,
    UpperAgeRule, WaitingRequest, WeekPlan, add_half_hours, creche_problems, day_label,
    first_fitting_request, format_time, half_hours_between, is_single_parent, iso_week_label,
    monday_of, on_grid, parse_iso_week, plan_booking, plan_booking_on, planning_monday, priority,
    waiting_list, week_lines, weekday_label,
};
pub use creche::{CareDraft, CrecheDraft};
pub use demo::demo_workshops;
pub use demo::rebook_demo_creche;
pub use demo::{add_demo_applications, demo_companies, demo_companies_for};
pub use demo::{demo_beneficiaries, demo_partners};
pub use preparation::{
    Action, ActionStatus, Actor, AdminStep, AdminStepKind, CIR_CIVIC_DAYS, CirTraining, Hours,
    INDIVIDUAL_TARGET_PERCENT, Mobility, Objective, OverdueAction, PERMIT_FILING_DEADLINE_DAYS,
    PERMIT_WARNING_DAYS, PROVISIONAL_WARNING_DAYS, PermitAlert, Preparation, Project,
    ProjectStatus, Session, SessionKind, StepStatus, Theme, Transport, WorkingTime, format_minutes,
    parse_duration,
};
pub use preparation::{
    ActionDraft, AdminStepDraft, CertificateDraft, CivicExamDraft, IntegrationDraft,
    ObjectiveDraft, PreparationDraft, ProjectDraft, SessionDraft,
};
pub use preparation::{
    Attendance, Enrolment, Workshop, WorkshopError, WorkshopTheme, attended_sessions,
    sort_catalogue,
};
pub use preparation::{Cv, CvDraft, cv_lines};
pub use record::CefrLevel;
pub use record::Settings;
pub use record::{ASYLUM_WAIT_MONTHS, WorkRight};
pub use record::{
    Administrative, Beneficiary, Child, Contact, CrecheAge, Family, FamilySituation, Identity,
    PermitKind, ResidencePermit, Sex,
};
pub use record::{
    ApplicationId, BeneficiaryId, BookingId, ChildId, CompanyId, OfferId, PartnerId, WorkshopId,
    fresh_seed,
};
pub use record::{BeneficiaryDraft, ChildDraft, OutcomeDraft, PhaseDraft};
pub use record::{
    CertificateKind, CivicExam, CivicExamResult, FrenchAbilities, Gap, Integration,
    LanguageCertificate, PermitTarget,
};
pub use record::{
    ContractKind, DURABLE_MONTHS, EntryRoute, ExitClass, Outcome, OutcomeKind, Pathway, Phase,
    PhaseProgress, PhaseStatus, Phases, RouteOverride, Stage,
};
pub use record::{Field, FieldError, validate};
pub use record::{RecordPart, Side, merge};
pub use record::{Removal, RemovedKind, find_removal};
pub use record::{SearchQuery, fold, name_order_key};
pub use record::{age_in_months, format_date, parse_date};
pub use skills::rome;
pub use skills::{
    AreaAssessment, AreaStatus, CourseKind, Diploma, Experience, ExperienceKind, FlePartner,
    FleReferral, Language, LifeArea, Recognition, ReferralOutcome, Skill, SkillLevel,
    SkillsAssessment, Transferability, TransversalRating, TransversalSkill, YearMonth,
    eqf_french_equivalent, years_by_occupation,
};
pub use skills::{DiplomaDraft, ExperienceDraft, ReferralDraft, SkillsDraft, new_referral};
