//! The beneficiary's record: identity, family, residence permit and right to work, the
//! pathway's phases and outcome, and what goes with the record as a whole (ids, dates, CEFR
//! levels, validation, search, the form's draft, merging two copies, the structure's settings).

pub(crate) mod beneficiary;
pub(crate) mod cefr;
pub(crate) mod dates;
pub(crate) mod draft;
pub(crate) mod french_history;
pub(crate) mod ids;
pub(crate) mod integration;
pub(crate) mod merge;
pub(crate) mod pathway;
pub(crate) mod protection;
pub(crate) mod rescue;
pub(crate) mod retention;
pub(crate) mod search;
pub(crate) mod settings;
pub(crate) mod validation;
pub(crate) mod work_right;

pub use beneficiary::{
    Administrative, Beneficiary, Child, Contact, CrecheAge, Family, FamilySituation, Identity,
    PermitKind, ResidencePermit, Sex,
};
pub use cefr::CefrLevel;
pub use dates::{age_in_months, format_date, parse_date};
pub use draft::{BeneficiaryDraft, ChildDraft, OutcomeDraft, PhaseDraft};
pub use french_history::{
    AssessmentSource, FrenchAssessment, add_assessment, latest_level, level_on,
};
pub use ids::{
    ApplicationId, AppointmentId, BeneficiaryId, BookingId, ChildId, CompanyId, OfferId, PartnerId,
    WorkshopId, fresh_seed,
};
pub use integration::{
    CertificateKind, CivicExam, CivicExamResult, FrenchAbilities, Gap, Integration,
    LanguageCertificate, PermitTarget,
};
pub use merge::{RecordPart, Side, merge};
pub use pathway::{
    ContractKind, DURABLE_MONTHS, EntryRoute, ExitClass, Outcome, OutcomeKind, Pathway, Phase,
    PhaseProgress, PhaseStatus, Phases, RouteOverride, Stage,
};
pub use protection::{
    ConsentEntry, ConsentMethod, ConsentOverride, ConsentState, Protection, Purpose,
    RetentionExtension,
};
pub use rescue::{Removal, RemovedKind, find_removal};
pub use retention::{
    ContactKind, LastContact, WorkshopContacts, anonymise, due_for_erasure, due_indexed,
    is_anonymised, is_extended, last_contact, last_contact_indexed, retention_cutoff,
};
pub use search::{SearchQuery, fold, lowercase_first, name_order_key};
pub use settings::{DEFAULT_JOURNAL_MONTHS, DEFAULT_RETENTION_MONTHS, Settings};
pub use validation::{Field, FieldError, validate};
pub use work_right::{ASYLUM_WAIT_MONTHS, WorkRight};
