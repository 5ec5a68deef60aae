//! Phase 3, the companies area: the partner companies' directory and their offers
//! (`company`), a person's applications and their moves, PMSMP included (`application`), the
//! ranking of offers for a person and of people for an offer, with reasons in words
//! (`matching`), and the import of companies from a CSV export (`csv_import`). Plain data and
//! rules: the store saves companies, the "Entreprises" tab draws them.

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
