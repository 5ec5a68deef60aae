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
pub mod stats;
pub mod sync;
#[cfg(test)]
mod unicode_props;

pub use record::{
    ASYLUM_WAIT_MONTHS, Administrative, ApplicationId, Beneficiary, BeneficiaryDraft,
    BeneficiaryId, BookingId, CefrLevel, CertificateKind, Child, ChildDraft, ChildId, CivicExam,
    CivicExamResult, CompanyId, Contact, ContractKind, CrecheAge, DURABLE_MONTHS, EntryRoute,
    ExitClass, Family, FamilySituation, Field, FieldError, FrenchAbilities, Gap, Identity,
    Integration, LanguageCertificate, OfferId, Outcome, OutcomeDraft, OutcomeKind, PartnerId,
    Pathway, PermitKind, PermitTarget, Phase, PhaseDraft, PhaseProgress, PhaseStatus, Phases,
    RecordPart, Removal, RemovedKind, ResidencePermit, RouteOverride, SearchQuery, Settings, Sex,
    Side, Stage, WorkRight, WorkshopId, age_in_months, find_removal, fold, format_date, fresh_seed,
    lowercase_first, merge, name_order_key, parse_date, validate,
};
