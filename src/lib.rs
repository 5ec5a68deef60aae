//! Parcours: individualised pathways towards employment for newly-arrived migrants, kept
//! offline in human-readable RON files.
//!
//! Data flows one way, store → model → ui; edits flow back as commands that ask the store to
//! save a model value. See `ARCHITECTURE.md`.

pub mod cli;
pub mod model;
pub mod report;
pub mod store;
pub mod ui;
