//! The "Préparation à l'emploi" form: phase-2 data as edited, with dates, durations and
//! minutes kept as text until they parse (a half-typed date is never lost nor saved).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::preparation::cv::CvDraft;
use crate::model::preparation::plan::{
    Action, ActionStatus, Actor, AdminStep, AdminStepKind, CirTraining, Objective, Preparation,
    Project, Session, SessionKind, StepStatus, Theme, format_minutes, parse_duration,
};
use crate::model::record::cefr::CefrLevel;
use crate::model::record::dates::{format_date, parse_date};
use crate::model::record::integration::{
    CertificateKind, CivicExam, CivicExamResult, Integration, LanguageCertificate, PermitTarget,
};
use crate::model::record::validation::{Field, FieldError};

/// A project as edited: the typed fields as text, the rest as in the record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProjectDraft {
    /// Every field but the typed ones (`earliest_start`, `mobility.max_commute_minutes`).
    pub project: Project,
    /// Earliest start as typed (JJ/MM/AAAA).
    pub earliest_start: String,
    /// Longest commute as typed, in minutes.
    pub max_commute: String,
}

/// An action as edited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)] // Mirrors `Action`.
pub struct ActionDraft {
    pub label: String,
    pub actor: Actor,
    /// Due date as typed.
    pub due_on: String,
    pub status: ActionStatus,
}

/// An objective as edited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)] // Mirrors `Objective`.
pub struct ObjectiveDraft {
    pub theme: Theme,
    pub label: String,
    pub actions: Vec<ActionDraft>,
}

/// A logged session as edited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)] // Mirrors `Session`.
pub struct SessionDraft {
    /// Date as typed.
    pub date: String,
    /// Duration as typed ("90", "1h30").
    pub duration: String,
    pub kind: SessionKind,
    pub note: String,
}

impl SessionDraft {
    /// A session of `today`, ready to be completed.
    #[must_use]
    pub fn new(today: NaiveDate, duration: &str, kind: SessionKind) -> Self {
        Self {
            date: format_date(today),
            duration: duration.to_owned(),
            kind,
            note: String::new(),
        }
    }
}

/// An administrative step as edited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)] // Mirrors `AdminStep`.
pub struct AdminStepDraft {
    pub status: StepStatus,
    /// Date as typed.
    pub date: String,
    pub note: String,
}

/// The examen civique as edited.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // Mirrors `CivicExam`.
pub struct CivicExamDraft {
    pub mention: PermitTarget,
    /// Date as typed.
    pub date: String,
    pub result: CivicExamResult,
    pub attempts: u8,
}

/// A language certificate as edited.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // Mirrors `LanguageCertificate`.
pub struct CertificateDraft {
    pub kind: CertificateKind,
    pub level: CefrLevel,
    /// Date as typed.
    pub obtained_on: String,
}

/// The 2026 conditions as edited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)] // Mirrors `Integration`.
pub struct IntegrationDraft {
    pub target: Option<PermitTarget>,
    pub civic_exam: Option<CivicExamDraft>,
    pub certificates: Vec<CertificateDraft>,
}

impl IntegrationDraft {
    fn from_integration(i: &Integration) -> Self {
        Self {
            target: i.target,
            civic_exam: i.civic_exam.map(|e| CivicExamDraft {
                mention: e.mention,
                date: date_text(e.date),
                result: e.result,
                attempts: e.attempts,
            }),
            certificates: i
                .certificates
                .iter()
                .map(|c| CertificateDraft {
                    kind: c.kind,
                    level: c.level,
                    obtained_on: date_text(c.obtained_on),
                })
                .collect(),
        }
    }

    /// Parses the form, pushing date errors into `errors`.
    pub fn to_integration(&self, errors: &mut Vec<FieldError>) -> Integration {
        Integration {
            target: self.target,
            civic_exam: self.civic_exam.as_ref().map(|e| CivicExam {
                mention: e.mention,
                date: date(&e.date, Field::CivicExamDate, errors),
                result: e.result,
                attempts: e.attempts,
            }),
            certificates: self
                .certificates
                .iter()
                .enumerate()
                .map(|(i, c)| LanguageCertificate {
                    kind: c.kind,
                    level: c.level,
                    obtained_on: date(&c.obtained_on, Field::CertificateDate(i), errors),
                })
                .collect(),
        }
    }
}

/// Phase-2 data as edited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)] // Mirrors `Preparation`.
pub struct PreparationDraft {
    pub projects: Vec<ProjectDraft>,
    pub objectives: Vec<ObjectiveDraft>,
    pub sessions: Vec<SessionDraft>,
    pub admin_steps: BTreeMap<AdminStepKind, AdminStepDraft>,
    pub cir: CirTraining,
    /// The 2026 conditions: target, examen civique, certificates.
    pub integration: IntegrationDraft,
    /// The CV's text.
    pub cv: Option<CvDraft>,
    /// Appointments, edited through pickers (no free text to parse): kept as they are.
    pub appointments: Vec<crate::model::preparation::appointment::Appointment>,
}

/// A single-line field as stored: trimmed, with tabs and line breaks (pasted from a
/// spreadsheet or an e-mail) turned into spaces, as the identity form does.
fn single_line(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_default()
}

/// The parsed date, or `None` with the message pushed into `errors`.
fn date(text: &str, field: Field, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    parse_date(text).unwrap_or_else(|message| {
        errors.push(FieldError::new(field, message));
        None
    })
}

impl PreparationDraft {
    /// The form filled from the record's phase-2 data.
    #[must_use]
    pub fn from_preparation(p: &Preparation) -> Self {
        Self {
            projects: p
                .projects
                .iter()
                .map(|project| ProjectDraft {
                    earliest_start: date_text(project.earliest_start),
                    max_commute: project
                        .mobility
                        .max_commute_minutes
                        .map(|m| m.to_string())
                        .unwrap_or_default(),
                    project: project.clone(),
                })
                .collect(),
            objectives: p
                .objectives
                .iter()
                .map(|o| ObjectiveDraft {
                    theme: o.theme,
                    label: o.label.clone(),
                    actions: o
                        .actions
                        .iter()
                        .map(|a| ActionDraft {
                            label: a.label.clone(),
                            actor: a.actor,
                            due_on: date_text(a.due_on),
                            status: a.status,
                        })
                        .collect(),
                })
                .collect(),
            sessions: p
                .sessions
                .iter()
                .map(|s| SessionDraft {
                    date: format_date(s.date),
                    duration: format_minutes(s.duration_minutes),
                    kind: s.kind,
                    note: s.note.clone(),
                })
                .collect(),
            admin_steps: p
                .admin_steps
                .iter()
                .map(|(kind, step)| {
                    (
                        *kind,
                        AdminStepDraft {
                            status: step.status,
                            date: date_text(step.date),
                            note: step.note.clone(),
                        },
                    )
                })
                .collect(),
            cir: p.cir,
            integration: IntegrationDraft::from_integration(&p.integration),
            cv: p.cv.as_ref().map(CvDraft::from_cv),
            appointments: p.appointments.clone(),
        }
    }

    /// Parses the form into phase-2 data, pushing every typing error (tied to its field) into
    /// `errors`. A session without a valid date or duration is left out of the result.
    pub fn to_preparation(&self, errors: &mut Vec<FieldError>) -> Preparation {
        let projects = self
            .projects
            .iter()
            .enumerate()
            .map(|(i, draft)| {
                let mut project = draft.project.clone();
                project.label = single_line(&project.label);
                project.mobility.reachable = single_line(&project.mobility.reachable);
                project.health_constraints = single_line(&project.health_constraints);
                project.hours_constraints = single_line(&project.hours_constraints);
                project.earliest_start =
                    date(&draft.earliest_start, Field::ProjectStart(i), errors);
                let commute = draft.max_commute.trim();
                // The same parser as a session's duration: "45", "1h", "1 h 30", "1,5".
                project.mobility.max_commute_minutes = if commute.is_empty() {
                    None
                } else {
                    match parse_duration(commute).map(u16::try_from) {
                        Ok(Ok(minutes)) => Some(minutes),
                        Ok(Err(_)) => None, // at most 24 h: always fits
                        Err(message) => {
                            errors.push(FieldError::new(Field::ProjectCommute(i), message));
                            None
                        }
                    }
                };
                project
            })
            .collect();
        let objectives = self
            .objectives
            .iter()
            .enumerate()
            .map(|(o, draft)| Objective {
                theme: draft.theme,
                label: single_line(&draft.label),
                actions: draft
                    .actions
                    .iter()
                    .enumerate()
                    .map(|(a, action)| Action {
                        label: single_line(&action.label),
                        actor: action.actor,
                        due_on: date(&action.due_on, Field::ActionDue(o, a), errors),
                        status: action.status,
                    })
                    .collect(),
            })
            .collect();
        let mut sessions = Vec::with_capacity(self.sessions.len());
        for (i, draft) in self.sessions.iter().enumerate() {
            let day = date(&draft.date, Field::SessionDate(i), errors);
            if day.is_none() && draft.date.trim().is_empty() {
                errors.push(FieldError::new(
                    Field::SessionDate(i),
                    "La date de la séance est obligatoire.",
                ));
            }
            let duration = parse_duration(&draft.duration)
                .map_err(|message| errors.push(FieldError::new(Field::SessionDuration(i), message)))
                .ok();
            if let (Some(date), Some(duration_minutes)) = (day, duration) {
                sessions.push(Session {
                    date,
                    duration_minutes,
                    kind: draft.kind,
                    note: single_line(&draft.note),
                });
            }
        }
        let admin_steps = self
            .admin_steps
            .iter()
            .map(|(kind, draft)| {
                (
                    *kind,
                    AdminStep {
                        status: draft.status,
                        date: date(&draft.date, Field::AdminStepDate(*kind), errors),
                        note: single_line(&draft.note),
                    },
                )
            })
            // An untouched step is the default: not stored, so the file stays short.
            .filter(|(_, step)| *step != AdminStep::default())
            .collect();
        let mut preparation = Preparation {
            projects,
            objectives,
            sessions,
            admin_steps,
            cir: self.cir,
            integration: self.integration.to_integration(errors),
            cv: self.cv.as_ref().map(CvDraft::to_cv),
            appointments: self.appointments.clone(),
        };
        preparation.normalize_main_project();
        preparation
    }

    /// Adds the objective suggested by the gap to the 2026 conditions (theme "Langue"), unless
    /// an objective with that label is already in the plan; returns whether it was added.
    pub fn add_integration_objective(
        &mut self,
        gap: &crate::model::record::integration::Gap,
    ) -> bool {
        let Some((label, actions)) = gap.suggested_objective() else {
            return false;
        };
        if self
            .objectives
            .iter()
            .any(|o| single_line(&o.label) == label)
        {
            return false;
        }
        self.objectives.push(ObjectiveDraft {
            theme: Theme::Language,
            label,
            actions: actions
                .into_iter()
                .map(|label| ActionDraft {
                    label,
                    ..ActionDraft::default()
                })
                .collect(),
        });
        true
    }

    /// Adds an empty project (the main one when it is the first).
    pub fn add_project(&mut self) {
        let main = self.projects.is_empty();
        self.projects.push(ProjectDraft {
            project: Project {
                main,
                ..Project::default()
            },
            ..ProjectDraft::default()
        });
    }

    /// Makes project `index` the main one.
    pub fn set_main_project(&mut self, index: usize) {
        for (i, draft) in self.projects.iter_mut().enumerate() {
            draft.project.main = i == index;
        }
    }

    /// Adds an objective of `theme` with one empty action, unless one of that theme exists.
    /// Returns whether one was added.
    pub fn add_objective(&mut self, theme: Theme, label: &str) -> bool {
        if self.objectives.iter().any(|o| o.theme == theme) {
            return false;
        }
        self.objectives.push(ObjectiveDraft {
            theme,
            label: label.to_owned(),
            actions: vec![ActionDraft::default()],
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::record::dates::test_support::d;

    #[test]
    fn a_session_is_logged_from_text() {
        let mut draft = PreparationDraft::default();
        draft.sessions.push(SessionDraft {
            note: " Point CV ".into(),
            ..SessionDraft::new(d(2026, 11, 22), "1h30", SessionKind::FaceToFace)
        });
        let mut errors = Vec::new();
        let prep = draft.to_preparation(&mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            prep.sessions,
            [Session {
                date: d(2026, 11, 22),
                duration_minutes: 90,
                kind: SessionKind::FaceToFace,
                note: "Point CV".into()
            }]
        );
        // And back to the same text.
        assert_eq!(
            PreparationDraft::from_preparation(&prep).sessions[0].duration,
            "1 h 30"
        );
    }

    #[test]
    fn a_commute_is_typed_like_any_duration() {
        let mut draft = PreparationDraft::default();
        draft.add_project();
        for (typed, minutes) in [("45", 45), ("1h", 60), ("1 h 30", 90), ("1,5", 90)] {
            draft.projects[0].max_commute = typed.into();
            let mut errors = Vec::new();
            let preparation = draft.to_preparation(&mut errors);
            assert!(errors.is_empty(), "{typed}: {errors:?}");
            assert_eq!(
                preparation.projects[0].mobility.max_commute_minutes,
                Some(minutes),
                "{typed}"
            );
        }
    }

    #[test]
    fn typing_errors_name_their_field() {
        let mut draft = PreparationDraft::default();
        draft.add_project();
        draft.projects[0].earliest_start = "janvier".into();
        draft.projects[0].max_commute = "3/4 h".into();
        draft.add_objective(Theme::Cv, "CV");
        draft.objectives[0].actions[0].due_on = "31/02/2027".into();
        draft.sessions.push(SessionDraft::default());
        draft.admin_steps.insert(
            AdminStepKind::Caf,
            AdminStepDraft {
                date: "hier".into(),
                ..AdminStepDraft::default()
            },
        );
        let mut errors = Vec::new();
        let prep = draft.to_preparation(&mut errors);
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                Field::ProjectStart(0),
                Field::ProjectCommute(0),
                Field::ActionDue(0, 0),
                Field::SessionDate(0),
                Field::SessionDuration(0),
                Field::AdminStepDate(AdminStepKind::Caf),
            ]
        );
        assert!(
            prep.sessions.is_empty(),
            "an incomplete session is not counted"
        );
        assert!(prep.projects[0].main);
    }

    #[test]
    fn objectives_are_not_duplicated_by_theme() {
        let mut draft = PreparationDraft::default();
        assert!(draft.add_objective(Theme::Mobility, "Mobilité"));
        assert!(!draft.add_objective(Theme::Mobility, "Mobilité"));
        assert_eq!(draft.objectives.len(), 1);
    }
}
