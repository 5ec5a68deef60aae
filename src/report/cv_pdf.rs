//! The CV's PDF: the document handed to its Typst template (`assets/typst/cv.typ`, embedded in
//! the binary): the person's name and contact as the record holds them now, and the CV's text
//! as the counsellor edited it.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use super::engine::{Engine, RenderError, Rendered, Template};
use crate::model::preparation::Cv;
use crate::model::record::Beneficiary;

/// The template's file name.
pub const CV_TEMPLATE_FILE: &str = "cv.typ";

/// The CV template embedded in the binary.
#[must_use]
pub fn cv_template() -> Template {
    Template {
        file: CV_TEMPLATE_FILE,
        source: Cow::Borrowed(include_str!("../../assets/typst/cv.typ")),
    }
}

/// One titled list of the CV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CvSection {
    /// Title ("Expérience professionnelle"…).
    pub title: &'static str,
    /// Items, one per line of the edited text.
    pub lines: Vec<String>,
}

/// What the CV template prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CvDocument {
    /// "First Last".
    pub name: String,
    /// Phone, e-mail, town.
    pub contact: Vec<String>,
    /// The job sought.
    pub headline: String,
    /// A short presentation.
    pub profile: String,
    /// The lists that have something in them, in CV order.
    pub sections: Vec<CvSection>,
}

impl CvDocument {
    /// The document for `record` with the CV's edited text.
    #[must_use]
    pub fn new(record: &Beneficiary, cv: &Cv) -> Self {
        let c = &record.contact;
        let town = [c.postcode.trim(), c.town.trim()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let contact = [c.phone.trim(), c.email.trim(), town.as_str()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect();
        let sections = [
            ("Expérience professionnelle", &cv.experiences),
            ("Compétences", &cv.skills),
            ("Diplômes et formations", &cv.diplomas),
            ("Langues", &cv.languages),
            ("Informations complémentaires", &cv.more),
        ]
        .into_iter()
        .map(|(title, lines)| CvSection {
            title,
            lines: lines.clone(),
        })
        .filter(|s| !s.lines.is_empty())
        .collect();
        Self {
            name: record.display_name(),
            contact,
            headline: cv.headline.trim().to_owned(),
            profile: cv.profile.join("\n\n"),
            sections,
        }
    }
}

/// Renders a CV with an engine that holds the CV template.
pub fn render_cv(engine: &Engine, document: &CvDocument) -> Result<Rendered, RenderError> {
    engine.render(CV_TEMPLATE_FILE, document)
}

/// `cv_Diallo_Fatoumata_2026-11-22.pdf`, after the summary's naming.
#[must_use]
pub fn cv_file_name(record: &Beneficiary, today: NaiveDate) -> String {
    super::summary_pdf::summary_file_name(record, today).replacen("synthese", "cv", 1)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;

    #[test]
    fn the_cv_renders_to_a_pdf_with_only_its_filled_sections() {
        let mut record = Beneficiary::new(Utc::now());
        record.identity.first_name = "Fatoumata".into();
        record.identity.last_name = "Diallo".into();
        record.contact.phone = "06 12 34 56 78".into();
        record.contact.town = "Vitry-sur-Seine".into();
        let cv = Cv {
            headline: "Aide-soignante".into(),
            experiences: vec!["2012 – 2019 · Aide-soignante · Hôpital de Bamako".into()],
            languages: vec!["Français : B1".into(), "Bambara".into()],
            ..Cv::default()
        };
        let document = CvDocument::new(&record, &cv);
        let titles: Vec<&str> = document.sections.iter().map(|s| s.title).collect();
        assert_eq!(titles, ["Expérience professionnelle", "Langues"]);
        assert_eq!(document.contact, ["06 12 34 56 78", "Vitry-sur-Seine"]);
        let engine = Engine::new([cv_template()]);
        let rendered = render_cv(&engine, &document).unwrap();
        assert!(rendered.pdf.starts_with(b"%PDF"));
        assert!(rendered.missing_chars.is_empty());
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            cv_file_name(&record, today),
            "cv_Diallo_Fatoumata_2026-11-22.pdf"
        );
    }
}
