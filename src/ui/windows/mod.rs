//! The windows opened over the main screen.

pub(crate) mod companies;
pub(crate) mod conflict;
pub(crate) mod creche_settings;
pub(crate) mod overdue;
pub(crate) mod workshops;
