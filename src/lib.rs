//! Parcours: individualised pathways towards employment for newly-arrived migrants, kept
//! offline in human-readable RON files.
//!
//! Data flows one way, store → model → ui; edits flow back as commands that ask the store to
//! save a model value. See `ARCHITECTURE.md`.

//!
//! The `app` feature (on by default) adds the window, the command line and printing; without
//! it the crate is the model and the store alone, which is what the fuzz targets build.

#[cfg(feature = "app")]
pub mod cli;
pub mod model;
#[cfg(feature = "app")]
pub mod report;
pub mod store;
#[cfg(feature = "app")]
pub mod ui;
