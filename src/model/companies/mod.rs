//! Phase 3, towards employment: partner companies and their job offers, each beneficiary's
//! applications and immersions (PMSMP), matching offers to people, and the companies' CSV import.

pub(crate) mod application;
pub(crate) mod company;
pub mod csv_import;
pub mod matching;

pub use application::{
    Application, ApplicationState, EndReason, HistoryEntry, Immersion, ImmersionResult, MoveError,
    PMSMP_MAX_DAYS, RefusalReason, StateKind,
};
pub use company::{
    Company, CompanyContact, CompanyError, CompanyField, Offer, OfferStatus, Schedule, SiaeKind,
    check_email, check_postcode, check_siret, departement, normalize_ape,
};
