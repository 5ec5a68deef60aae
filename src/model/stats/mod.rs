//! Funders' reporting (issue #18): anonymised indicators over a period and a scope, computed
//! from the records, the workshops' catalogue and the crèche, as tables of counts that the
//! "Bilans" view, the CLI and the exports (CSV, XLSX, PDF) all draw the same way.
//!
//! [`table`] is the shape every output reads: a [`Report`] of [`Table`]s of [`Cell`]s, plus
//! monthly [`Series`] for the charts. No cell ever holds a name, an identifier or free text.

pub mod table;

pub use table::{Cell, Period, Report, Row, Scope, Series, Table};
