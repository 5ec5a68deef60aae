//! The shape of a funders' report: what the indicators produce and every output reads.

use chrono::NaiveDate;

/// The period a report covers, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day (included).
    pub to: NaiveDate,
}

impl Period {
    /// Whether `date` falls within the period.
    #[must_use]
    pub fn contains(self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// Whose people a report counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    /// Every record of the directory.
    #[default]
    All,
    /// The records whose referent is this counsellor (compared folded: case and accents
    /// ignored).
    Counsellor(String),
}

/// One cell of a table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    /// A number of people: subject to the small-count rule (see [`Cell::Hidden`]).
    People(u32),
    /// A count of things, not of people (sessions, workshops held, child-hours' bookings).
    Count(u32),
    /// A duration, in minutes (shown as hours).
    Minutes(u64),
    /// A share, in percent; `None` when the denominator is zero.
    Percent(Option<f64>),
    /// A number of days (a median duration); `None` when nothing was measured.
    Days(Option<f64>),
    /// A count of people hidden by the small-count rule: between 1 and the threshold minus one
    /// (shown "< 5" with the default threshold).
    Hidden,
    /// A count hidden only so that a small one beside it cannot be recomputed from a total and
    /// the other cells (secondary suppression): it may be any size, so it is shown "masqué",
    /// never "< 5".
    Masked,
}

/// A row: a label (a category, never a person) and one cell per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The category, in French ("Femmes", "18–25 ans", "Total").
    pub label: String,
    /// One cell per column of the table.
    pub cells: Vec<Cell>,
}

/// A table of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// A stable key, in English, for file and sheet names (`people_by_sex`).
    pub key: &'static str,
    /// The title, in French.
    pub title: String,
    /// The funder's name for the indicator and where it comes from ("ESF+ — indicateur
    /// commun de réalisation"); empty when none.
    pub source: String,
    /// The column headings, in French (the first column, the rows' labels, has none).
    pub columns: Vec<String>,
    /// The rows, in the order shown.
    pub rows: Vec<Row>,
}

/// A monthly series for a chart: one value per month of the period.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// A stable key, in English.
    pub key: &'static str,
    /// The title, in French ("Entrées par mois").
    pub title: String,
    /// The unit, in French ("personnes", "heures").
    pub unit: String,
    /// (first day of the month, value), in month order.
    pub points: Vec<(NaiveDate, f64)>,
}

/// A funders' report: the period and scope it covers, who was left out, the tables and the
/// series.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The period covered.
    pub period: Period,
    /// Whose people are counted.
    pub scope: Scope,
    /// The small-count threshold applied: a count of people below it (and above zero) is
    /// hidden.
    pub threshold: u32,
    /// People of the scope left out because they refused the use of their data for
    /// statistics.
    pub refused_statistics: u32,
    /// The tables, in the order shown.
    pub tables: Vec<Table>,
    /// The monthly series, for the charts.
    pub series: Vec<Series>,
}
