//! Every user-facing string of the window's chrome, in French, in one place. (Domain labels —
//! levels, routes, phases — live with their types in `model`, shared with the CLI.)
//!
//! One module per screen; `common` holds the words used everywhere. Strings with parameters
//! are functions. Domain labels (levels, routes, phases) live with their types in `model`.

pub mod agenda;
pub mod app;
pub mod common;
pub mod companies;
pub mod conflict;
pub mod creche;
pub mod home;
pub mod identity;
pub mod list;
pub mod lock;
pub mod overdue;
pub mod preparation;
pub mod protection;
pub mod settings;
pub mod skills;
pub mod stats;
pub mod summary;
pub mod widgets;
pub mod workshops;
