//! The "Actions en retard" window.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const OVERDUE_NONE: &str = "Aucune action en retard.";
