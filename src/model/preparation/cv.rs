//! The French CV: assembled from phase 1 (experiences, skills, diplomas, languages) and the
//! main professional project, then edited by the counsellor as plain text (one item per line)
//! before it is printed. The edited CV is kept in the record (as lists) so that nothing typed
//! is lost.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::record::beneficiary::Beneficiary;
use crate::model::record::cefr::CefrLevel;
use crate::model::record::dates::format_date;
use crate::model::skills::rome::catalog;

/// How many of the strongest skills the assembled CV lists.
const CV_SKILLS: usize = 8;

/// A CV as stored: each list one item per entry, so that a sync tool rewriting line ends can
/// never change the text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Cv {
    /// The job sought, under the name.
    pub headline: String,
    /// A short presentation, by paragraph.
    pub profile: Vec<String>,
    /// Experiences.
    pub experiences: Vec<String>,
    /// Skills.
    pub skills: Vec<String>,
    /// Diplomas and training.
    pub diplomas: Vec<String>,
    /// Languages.
    pub languages: Vec<String>,
    /// Mobility, availability and the like.
    pub more: Vec<String>,
}

/// A CV as the counsellor edits it: each list as text, one item per line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)] // Mirrors `Cv`.
pub struct CvDraft {
    pub headline: String,
    pub profile: String,
    pub experiences: String,
    pub skills: String,
    pub diplomas: String,
    pub languages: String,
    pub more: String,
}

/// The non-empty lines of a list, trimmed.
#[must_use]
pub fn cv_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

impl CvDraft {
    /// The text form of a stored CV.
    #[must_use]
    pub fn from_cv(cv: &Cv) -> Self {
        Self {
            headline: cv.headline.clone(),
            profile: cv.profile.join("\n"),
            experiences: cv.experiences.join("\n"),
            skills: cv.skills.join("\n"),
            diplomas: cv.diplomas.join("\n"),
            languages: cv.languages.join("\n"),
            more: cv.more.join("\n"),
        }
    }

    /// The CV as stored: blank lines dropped, every item trimmed.
    #[must_use]
    pub fn to_cv(&self) -> Cv {
        Cv {
            headline: self.headline.trim().to_owned(),
            profile: cv_lines(&self.profile),
            experiences: cv_lines(&self.experiences),
            skills: cv_lines(&self.skills),
            diplomas: cv_lines(&self.diplomas),
            languages: cv_lines(&self.languages),
            more: cv_lines(&self.more),
        }
    }
}

impl Cv {
    /// The CV assembled from the record as it stands on `today`.
    #[must_use]
    pub fn assemble(record: &Beneficiary, today: NaiveDate) -> Self {
        let project = record.preparation.main_project();
        let headline = project
            .map(|p| match &p.rome_code {
                Some(code) => catalog()
                    .occupation(code)
                    .map_or_else(|| p.label.clone(), |o| o.label.clone()),
                None => p.label.clone(),
            })
            .unwrap_or_default();
        let skills = &record.skills;
        let experiences = skills
            .experiences
            .iter()
            .map(|e| {
                let period = match (e.started, e.ended, e.ongoing) {
                    (Some(s), _, true) => format!("depuis {s}"),
                    (Some(s), Some(end), false) => format!("{s} – {end}"),
                    (Some(s), None, false) => s.to_string(),
                    (None, Some(end), _) => format!("jusqu'en {end}"),
                    (None, None, _) => String::new(),
                };
                let place = [e.employer.trim(), e.country.trim()]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                [period.as_str(), e.title.trim(), place.as_str()]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ")
            })
            .collect::<Vec<_>>();
        let skill_lines = skills
            .strongest_skills(CV_SKILLS)
            .into_iter()
            .map(|s| s.label.trim().to_owned())
            .collect::<Vec<_>>();
        let diplomas = skills
            .diplomas
            .iter()
            .map(|d| {
                let year = d.year.map(|y| format!("{y} · ")).unwrap_or_default();
                let country = if d.country.trim().is_empty() {
                    String::new()
                } else {
                    format!(" ({})", d.country.trim())
                };
                format!("{year}{}{country}", d.title.trim())
            })
            .collect::<Vec<_>>();
        let mut languages = Vec::new();
        // A CV never says that its author cannot read: a person learning to read and write
        // shows their spoken French, or nothing.
        let abilities = &record.french_abilities;
        if abilities.needs_literacy() || record.french_level == CefrLevel::A0 {
            if let Some(oral) = abilities.oral().filter(|l| *l > CefrLevel::A0) {
                languages.push(format!("Français oral : {}", oral.short_label()));
            }
        } else if record.french_level.is_assessed() {
            languages.push(format!("Français : {}", record.french_level.short_label()));
        }
        for language in &record.identity.languages {
            let level = if language.speaking > CefrLevel::A0 {
                format!(" : {}", language.speaking.short_label())
            } else {
                String::new()
            };
            languages.push(format!("{}{level}", capitalised(&language.name)));
        }
        let mut more = Vec::new();
        if let Some(p) = project {
            if !p.mobility.means.is_empty() {
                let means: Vec<&str> = p.mobility.means.iter().map(|m| m.label()).collect();
                more.push(format!("Mobilité : {}", means.join(", ").to_lowercase()));
            }
            if let Some(start) = p.earliest_start {
                let start = start.max(today);
                more.push(format!("Disponible à partir du {}", format_date(start)));
            }
        }
        Self {
            headline,
            profile: Vec::new(),
            experiences,
            skills: skill_lines,
            diplomas,
            languages,
            more,
        }
    }
}

/// "Arabe" from "arabe": list items start with a capital on a CV.
fn capitalised(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::model::preparation::{Project, Transport};
    use crate::model::record::CefrLevel;
    use crate::model::skills::{Diploma, Experience, Language, Skill, SkillLevel, YearMonth};

    #[test]
    fn the_cv_never_says_its_author_cannot_read() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut b = Beneficiary::new(Utc::now());
        b.french_level = CefrLevel::A0;
        b.identity.languages = vec![Language {
            speaking: CefrLevel::A0,
            ..Language::named("soninké")
        }];
        let cv = Cv::assemble(&b, today);
        assert_eq!(cv.languages, ["Soninké"]);
        b.french_abilities.oral_comprehension = CefrLevel::A2;
        b.french_abilities.oral_expression = CefrLevel::A1;
        b.french_abilities.written_comprehension = CefrLevel::A0;
        b.french_abilities.written_expression = CefrLevel::A0;
        let cv = Cv::assemble(&b, today);
        assert_eq!(cv.languages, ["Français oral : A1", "Soninké"]);
        assert!(!cv.languages.iter().any(|l| l.contains("ne lit")));
    }

    #[test]
    fn the_cv_is_assembled_from_phase_one_and_the_main_project() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut b = Beneficiary::new(Utc::now());
        b.french_level = CefrLevel::B1;
        b.identity.languages = vec![Language {
            speaking: CefrLevel::C2,
            ..Language::named("arabe")
        }];
        b.skills.experiences = vec![Experience {
            title: "Aide-soignante".into(),
            employer: "Hôpital de Bamako".into(),
            country: "Mali".into(),
            started: Some(YearMonth {
                year: 2012,
                month: Some(3),
            }),
            ended: Some(YearMonth {
                year: 2019,
                month: None,
            }),
            ..Experience::default()
        }];
        b.skills.skills = vec![
            Skill {
                label: "Toilette et confort du patient".into(),
                level: SkillLevel::Expert,
                ..Skill::default()
            },
            Skill {
                label: "Tricot".into(),
                level: SkillLevel::Notions,
                ..Skill::default()
            },
        ];
        b.skills.diplomas = vec![Diploma {
            title: "Diplôme d'aide-soignante".into(),
            country: "Mali".into(),
            year: Some(2011),
            ..Diploma::default()
        }];
        b.preparation.projects = vec![
            Project {
                label: "Agent de service".into(),
                ..Project::default()
            },
            Project {
                rome_code: Some("J1501".into()),
                main: true,
                mobility: crate::model::preparation::Mobility {
                    means: vec![Transport::PublicTransport],
                    ..crate::model::preparation::Mobility::default()
                },
                earliest_start: Some(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()),
                ..Project::default()
            },
        ];
        let cv = Cv::assemble(&b, today);
        assert_eq!(cv.headline, "Aide-soignant / Aide-soignante");
        assert_eq!(
            cv.experiences,
            ["03/2012 – 2019 · Aide-soignante · Hôpital de Bamako, Mali"]
        );
        assert_eq!(cv.skills, ["Toilette et confort du patient"]);
        assert_eq!(cv.diplomas, ["2011 · Diplôme d'aide-soignante (Mali)"]);
        assert_eq!(cv.languages, ["Français : B1", "Arabe : C2"]);
        assert_eq!(
            cv.more,
            [
                "Mobilité : transports en commun",
                "Disponible à partir du 04/01/2027"
            ]
        );
        let text = ron::to_string(&cv).unwrap();
        assert_eq!(ron::from_str::<Cv>(&text).unwrap(), cv);
        assert_eq!(CvDraft::from_cv(&cv).to_cv(), cv);
    }

    #[test]
    fn lines_are_trimmed_and_blank_ones_dropped() {
        assert_eq!(cv_lines(" a \r\n\n  b\n"), ["a", "b"]);
        let draft = CvDraft {
            skills: "Accueil\n\n  Caisse \n".into(),
            ..CvDraft::default()
        };
        assert_eq!(draft.to_cv().skills, ["Accueil", "Caisse"]);
        assert_eq!(capitalised(" éwé"), "Éwé");
    }
}
