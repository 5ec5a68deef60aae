//! The "Ateliers collectifs" window.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

/// The heading of the workshops already held, under the upcoming ones.
pub const WORKSHOPS_PAST: &str = "Ateliers passés";

/// Beside the confirmation asked before enrolling someone in a workshop already held.
pub const ENROL_PAST_WARNING: &str = "Cet atelier a déjà eu lieu.";

/// Confirms the enrolment in a workshop already held.
#[must_use]
pub fn confirm_past_enrol(title: &str) -> String {
    format!("Inscrire quand même à « {title} »")
}

/// Leaves the person out of a workshop already held.
pub const KEEP_UNENROLLED: &str = "Ne pas inscrire";

pub const WORKSHOPS_TITLE: &str = "Ateliers collectifs";
