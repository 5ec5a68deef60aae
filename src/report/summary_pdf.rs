//! The summary's PDF: its Typst template (`assets/typst/summary.typ`, embedded in the binary)
//! and the names its files are given.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::engine::{Engine, RenderError, Rendered, Template};
use super::summary::Summary;
use crate::model::record::Beneficiary;

/// The template's file name.
pub const SUMMARY_TEMPLATE_FILE: &str = "summary.typ";

/// The summary template embedded in the binary.
#[must_use]
pub fn summary_template() -> Template {
    Template {
        file: SUMMARY_TEMPLATE_FILE,
        source: Cow::Borrowed(include_str!("../../assets/typst/summary.typ")),
    }
}

/// The summary template with another source (a structure trying its own layout).
#[must_use]
pub fn summary_template_from(source: String) -> Template {
    Template {
        file: SUMMARY_TEMPLATE_FILE,
        source: Cow::Owned(source),
    }
}

/// Renders a summary with an engine that holds the summary template.
pub fn render_summary(engine: &Engine, summary: &Summary) -> Result<Rendered, RenderError> {
    engine.render(SUMMARY_TEMPLATE_FILE, summary)
}

/// A piece of a file name: letters and digits of any script kept, everything else a hyphen.
fn file_name_part(text: &str) -> String {
    let mut part = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            part.push(c);
        } else if !part.ends_with('-') && !part.is_empty() {
            part.push('-');
        }
    }
    part.trim_end_matches('-').to_owned()
}

/// `synthese_Nguyễn_Thị-Hoa_2026-11-22.pdf`: the last name first, so that a folder of
/// summaries sorts like the list.
#[must_use]
pub fn summary_file_name(record: &Beneficiary, today: NaiveDate) -> String {
    let mut name = String::from("synthese");
    for part in [&record.identity.last_name, &record.identity.first_name] {
        let part = file_name_part(part);
        if !part.is_empty() {
            name.push('_');
            name.push_str(&part);
        }
    }
    format!("{name}_{}.pdf", today.format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;

    #[test]
    fn file_names_keep_letters_of_any_script_and_nothing_a_file_system_refuses() {
        let mut b = Beneficiary::new(Utc::now());
        b.identity.last_name = "Al-Khatib / Đorđević".into();
        b.identity.first_name = " Thị Hoa ".into();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            summary_file_name(&b, today),
            "synthese_Al-Khatib-Đorđević_Thị-Hoa_2026-11-22.pdf"
        );
        b.identity = crate::model::record::Identity::default();
        assert_eq!(summary_file_name(&b, today), "synthese_2026-11-22.pdf");
    }
}
