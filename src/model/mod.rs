//! The domain: a beneficiary's record and individualised pathway, as plain data plus the rules
//! that govern it (validation, entry route, current stage, search folding, demo data).
//!
//! This module knows nothing of egui nor of the file system: the store reads and writes these
//! types, the UI draws them, and both can be tested without the other.

mod application;
mod beneficiary;
mod cefr;
mod company;
pub mod csv_import;
mod dates;
mod demo;
mod demo_companies;
mod draft;
mod ids;
pub mod matching;
mod merge;
mod pathway;
pub mod rome;
mod search;
mod settings;
mod skills;
mod skills_draft;
mod validation;

pub use application::{
    Application, ApplicationState, HistoryEntry, MoveError, RefusalReason, StateKind,
};
pub use beneficiary::{
    Administrative, Beneficiary, Child, Contact, CrecheAge, Family, FamilySituation, Identity,
    PermitKind, ResidencePermit, Sex,
};
pub use cefr::CefrLevel;
pub use company::{
    Company, CompanyContact, CompanyError, CompanyField, Offer, OfferStatus, Schedule, check_email,
    check_postcode, check_siret, departement, normalize_ape,
};
pub use dates::{age_in_months, format_date, parse_date};
pub use demo::{demo_beneficiaries, demo_partners};
pub use demo_companies::{add_demo_applications, demo_companies};
pub use draft::{BeneficiaryDraft, ChildDraft, OutcomeDraft, PhaseDraft};
pub use ids::{
    ApplicationId, BeneficiaryId, BookingId, ChildId, CompanyId, OfferId, PartnerId, WorkshopId,
};
pub use merge::{RecordPart, Side, merge};
pub use pathway::{
    ContractKind, EntryRoute, Outcome, OutcomeKind, Pathway, Phase, PhaseProgress, PhaseStatus,
    Phases, RouteOverride, Stage,
};
pub use search::{SearchQuery, fold};
pub use settings::Settings;
pub use skills::{
    AreaAssessment, AreaStatus, Diploma, Experience, ExperienceKind, FlePartner, FleReferral,
    Language, LifeArea, Recognition, ReferralOutcome, Skill, SkillLevel, SkillsAssessment,
    Transferability, TransversalRating, TransversalSkill, YearMonth, eqf_french_equivalent,
    years_by_occupation,
};
pub use skills_draft::{DiplomaDraft, ExperienceDraft, ReferralDraft, SkillsDraft, new_referral};
pub use validation::{Field, FieldError, validate};
