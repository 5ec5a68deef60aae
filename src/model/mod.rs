//! The domain: a beneficiary's record and individualised pathway, as plain data plus the rules
//! that govern it (validation, entry route, current stage, search folding, demo data).
//!
//! This module knows nothing of egui nor of the file system: the store reads and writes these
//! types, the UI draws them, and both can be tested without the other.

mod beneficiary;
mod dates;
mod demo;
mod draft;
mod ids;
mod level;
mod pathway;
pub mod rome;
mod search;
mod settings;
mod validation;

pub use beneficiary::{
    Administrative, Beneficiary, Child, Contact, CrecheAge, Family, FamilySituation, Identity,
    PermitKind, ResidencePermit, Sex,
};
pub use dates::{age_in_months, format_date, parse_date};
pub use demo::demo_beneficiaries;
pub use draft::{BeneficiaryDraft, ChildDraft, OutcomeDraft, PhaseDraft};
pub use ids::{BeneficiaryId, ChildId};
pub use level::FrenchLevel;
pub use pathway::{
    ContractKind, EntryRoute, Outcome, OutcomeKind, Pathway, Phase, PhaseProgress, PhaseStatus,
    Phases, RouteOverride, Stage,
};
pub use search::{SearchQuery, fold};
pub use settings::Settings;
pub use validation::{Field, FieldError, validate};
