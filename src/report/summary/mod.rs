//! The pathway summary as plain data: what the "Synthèse" tab previews and the PDF prints, built
//! from a record, the structure's settings, the counsellor's ticks and the date.
//!
//! Every text is final French wording, so that the preview and the template show exactly the
//! same thing; sections and rows also carry stable `key`s, so that a structure's template can
//! pick, reorder or restyle them without touching Rust.

mod creche;
mod identification;
mod matching;
mod options;
mod preparation;
#[cfg(test)]
mod tests;

pub use options::{Confidential, Section, SummaryOptions};

use creche::creche_rows;
use identification::{identification_rows, identity_rows, pathway_rows};
use matching::matching_rows;
use options::confidential_section;
use preparation::preparation_rows;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::companies::Company;
use crate::model::creche::CrecheSettings;
use crate::model::preparation::Workshop;
use crate::model::record::{Beneficiary, Phase, PhaseProgress, PhaseStatus, Settings, format_date};

/// Shown for a value the record does not hold.
pub const NOT_PROVIDED: &str = "non renseigné";

/// One "label: value" line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SummaryRow {
    /// Stable key, for templates.
    pub key: &'static str,
    /// French label.
    pub label: String,
    /// The value, or [`NOT_PROVIDED`].
    pub value: String,
}

/// One titled block of the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SummarySection {
    /// Stable key, for templates: a [`Section::key`], or `confidentiel`.
    pub key: &'static str,
    /// French title.
    pub title: String,
    /// Whether the block holds confidential items (printed only when ticked).
    pub confidential: bool,
    /// Its lines.
    pub rows: Vec<SummaryRow>,
    /// Free text below the lines (private notes), possibly several paragraphs.
    pub text: String,
}

/// Someone who signs the summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signature {
    /// "Le ou la bénéficiaire", "Le ou la conseiller·ère".
    pub role: &'static str,
    /// The person's name (may be empty).
    pub name: String,
}

/// The pathway summary, ready to preview or print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The document's title.
    pub title: &'static str,
    /// The structure's name (may be empty), for the header.
    pub structure: String,
    /// The date of the document, `22/11/2026`.
    pub date: String,
    /// The same, in words: `22 novembre 2026`.
    pub date_long: String,
    /// The person's name, on every page.
    pub person: String,
    /// The referent counsellor (may be empty).
    pub referent: String,
    /// The ticked sections that have something to say, then the revealed confidential items.
    pub sections: Vec<SummarySection>,
    /// Signature blocks: the beneficiary, then the counsellor.
    pub signatures: Vec<Signature>,
}

fn row(key: &'static str, label: &str, value: impl Into<String>) -> SummaryRow {
    let value = value.into();
    SummaryRow {
        key,
        label: label.to_owned(),
        value: if value.trim().is_empty() {
            NOT_PROVIDED.to_owned()
        } else {
            value
        },
    }
}

fn date_or_empty(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_default()
}

/// A date in French words: `1er mars 2026`, `22 novembre 2026`.
#[must_use]
pub fn long_date(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
    let day = if date.day() == 1 {
        "1er".to_owned()
    } else {
        date.day().to_string()
    };
    format!("{day} {month} {}", date.year())
}

/// Status and dates of a phase in one phrase: "En cours depuis le 02/03/2026".
fn phase_status(progress: &PhaseProgress) -> String {
    let start = progress.started_on.map(format_date);
    let end = progress.ended_on.map(format_date);
    match (progress.status, start, end) {
        (PhaseStatus::NotStarted, _, _) => PhaseStatus::NotStarted.label().to_owned(),
        (PhaseStatus::InProgress, Some(start), _) => format!("En cours depuis le {start}"),
        (PhaseStatus::InProgress, None, _) => PhaseStatus::InProgress.label().to_owned(),
        (PhaseStatus::Done, Some(start), Some(end)) => format!("Terminée (du {start} au {end})"),
        (PhaseStatus::Done, None, Some(end)) => format!("Terminée le {end}"),
        (PhaseStatus::Done, Some(start), None) => format!("Terminée (commencée le {start})"),
        (PhaseStatus::Done, None, None) => PhaseStatus::Done.label().to_owned(),
    }
}

fn status_row(record: &Beneficiary, phase: Phase) -> SummaryRow {
    row(
        "statut",
        "Statut",
        phase_status(record.pathway.phases.get(phase)),
    )
}

/// Several values in one row, one per line.
fn lines<I: IntoIterator<Item = String>>(values: I) -> String {
    values.into_iter().collect::<Vec<_>>().join("\n")
}

/// What the summary draws from outside the record: the workshops' catalogue (attendance is kept
/// in the workshops' files, never copied into the record) and the companies' directory (their
/// current names).
struct Sources<'a> {
    workshops: &'a [Workshop],
    companies: &'a [Company],
    /// The crèche's settings: a child's crèche age follows its ages and upper age rule.
    creche: &'a CrecheSettings,
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count > 1 { many } else { one })
}

impl Summary {
    /// The summary of `record` as of `today`, with the counsellor's ticks. `workshops` is the
    /// catalogue (the person's attendance there counts as collective sessions, computed, never
    /// copied into the record) and `companies` the directory (current company and offer names
    /// for the applications; an application still reads right without them).
    #[must_use]
    pub fn build(
        record: &Beneficiary,
        settings: &Settings,
        workshops: &[Workshop],
        companies: &[Company],
        creche: &CrecheSettings,
        options: &SummaryOptions,
        today: NaiveDate,
    ) -> Self {
        let sources = Sources {
            workshops,
            companies,
            creche,
        };
        let mut sections: Vec<SummarySection> = Section::ALL
            .into_iter()
            .filter(|&s| options.includes(s))
            .filter_map(|section| {
                let rows = match section {
                    Section::Identity => identity_rows(record),
                    Section::Pathway => pathway_rows(record),
                    Section::Identification => identification_rows(record),
                    Section::Preparation => preparation_rows(record, &sources, today),
                    Section::Matching => matching_rows(record, &sources),
                    Section::Creche => creche_rows(record, &sources, today),
                };
                (!rows.is_empty()).then(|| SummarySection {
                    key: section.key(),
                    title: section.title().to_owned(),
                    confidential: false,
                    rows,
                    text: String::new(),
                })
            })
            .collect();
        sections.extend(confidential_section(record, options));
        let person = record.display_name();
        let referent = record.referent.trim().to_owned();
        Self {
            title: "Synthèse du parcours",
            structure: settings.structure_name.trim().to_owned(),
            date: format_date(today),
            date_long: long_date(today),
            signatures: vec![
                Signature {
                    role: "Le ou la bénéficiaire",
                    name: person.clone(),
                },
                Signature {
                    role: "Le ou la conseiller·ère",
                    name: referent.clone(),
                },
            ],
            person,
            referent,
            sections,
        }
    }
}
