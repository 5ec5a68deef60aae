//! Demo data for phase 2: projects, action plans (some actions overdue), sessions of both
//! kinds, administrative steps in various states, and a workshops' catalogue (some full) with
//! enrolments and attendance. Deterministic: derived from each record's identifier.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, NaiveTime};

use crate::model::demo::records::Rng;
use crate::model::preparation::cv::Cv;
use crate::model::preparation::plan::{
    Action, ActionStatus, Actor, AdminStep, AdminStepKind, CirTraining, Mobility, Objective,
    Preparation, Project, ProjectStatus, Session, SessionKind, StepStatus, Theme, Transport,
    WorkingTime,
};
use crate::model::preparation::workshop::{Attendance, Enrolment, Workshop, WorkshopTheme};
use crate::model::record::beneficiary::{Beneficiary, PermitKind};
use crate::model::record::cefr::CefrLevel;
use crate::model::record::integration::{
    CertificateKind, CivicExam, CivicExamResult, LanguageCertificate, PermitTarget,
};
use crate::model::record::pathway::{ContractKind, PhaseStatus};

/// The demo generator, seeded from a record's identifier.
impl Rng {
    pub(super) fn for_record(record: &Beneficiary) -> Self {
        // FNV-1a over the identifier's text: stable across runs and platforms.
        let seed = record
            .id
            .to_string()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
        Self(seed)
    }

    fn pick_or<T: Copy>(&mut self, items: &[T], fallback: T) -> T {
        let index = usize::try_from(self.below(items.len() as u64)).unwrap_or(0);
        items.get(index).copied().unwrap_or(fallback)
    }
}

fn plus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

fn minus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

const NOTES: &[&str] = &[
    "Point sur le projet et le CV",
    "Préparation de l'entretien d'embauche",
    "Démarches CAF et sécurité sociale",
    "Recherche d'offres sur le site de France Travail",
    "Bilan de la semaine, prochaines étapes",
    "Accompagnement à la banque",
];

const ACTIONS: &[(Theme, &str, &str)] = &[
    (Theme::Cv, "CV à jour", "Rédiger le CV en français"),
    (
        Theme::Interview,
        "Réussir un entretien",
        "Préparer une présentation de soi",
    ),
    (
        Theme::Administrative,
        "Ouvrir un compte bancaire",
        "Prendre rendez-vous à la banque",
    ),
    (
        Theme::Mobility,
        "Se déplacer vers l'emploi",
        "Demander la carte Navigo solidarité",
    ),
    (
        Theme::Childcare,
        "Faire garder les enfants",
        "Visiter la micro-crèche",
    ),
    (
        Theme::Digital,
        "Utiliser les services en ligne",
        "Créer l'espace France Travail",
    ),
    (
        Theme::Language,
        "Français professionnel",
        "S'inscrire au FLE à visée professionnelle",
    ),
    (
        Theme::Health,
        "Bilan de santé",
        "Prendre rendez-vous chez le médecin traitant",
    ),
];

/// The 2026 conditions and the French abilities of a demo record, drawn from a generator of
/// their own (so that the rest of the demo stays what it was): the abilities around the
/// level (the lowest equal to it), and for people holding a temporary or multi-year card, a
/// target — the resident card most often — with, for some, the examen civique and a
/// certificate.
pub fn add_integration(record: &mut Beneficiary, today: NaiveDate) {
    let mut rng = Rng::for_record(record);
    rng.0 ^= 0x2026_0101;
    let level = record.french_level;
    if level.is_assessed() && rng.chance(60) {
        let above = |rng: &mut Rng| {
            let steps = usize::try_from(rng.below(2)).unwrap_or(0);
            let index = CefrLevel::ALL.iter().position(|l| *l == level).unwrap_or(0);
            CefrLevel::ALL.get(index + steps).copied().unwrap_or(level)
        };
        let abilities = &mut record.french_abilities;
        abilities.oral_comprehension = above(&mut rng);
        abilities.oral_expression = above(&mut rng);
        abilities.written_comprehension = above(&mut rng);
        // Writing is the weakest ability of most learners: it carries the summary level.
        abilities.written_expression = level;
    }
    let holds = record
        .administrative
        .residence_permit
        .as_ref()
        .map(|p| p.kind);
    let target = match holds {
        Some(PermitKind::Temporary | PermitKind::TemporaryProtection) => {
            Some(PermitTarget::MultiYearCard)
        }
        Some(PermitKind::MultiYear | PermitKind::SubsidiaryProtection) => {
            Some(PermitTarget::ResidentCard)
        }
        Some(PermitKind::Resident | PermitKind::Refugee) if rng.chance(40) => {
            Some(PermitTarget::Naturalisation)
        }
        _ => None,
    };
    let Some(target) = target else {
        return;
    };
    let integration = &mut record.preparation.integration;
    integration.target = Some(target);
    if rng.chance(60) {
        let passed = rng.chance(60);
        integration.civic_exam = Some(CivicExam {
            mention: target,
            date: Some(minus(today, 20 + rng.below(200))),
            result: if passed {
                CivicExamResult::Passed
            } else {
                CivicExamResult::Failed
            },
            attempts: if passed {
                1
            } else {
                1 + u8::try_from(rng.below(2)).unwrap_or(0)
            },
        });
    }
    if level >= CefrLevel::A2 && rng.chance(50) {
        integration.certificates.push(LanguageCertificate {
            kind: rng.pick_or(
                &[
                    CertificateKind::Delf,
                    CertificateKind::Tcf,
                    CertificateKind::Tef,
                ],
                CertificateKind::Tcf,
            ),
            level,
            obtained_on: Some(minus(today, 30 + rng.below(600))),
        });
    }
}

/// Phase-2 data for a demo record: filled when phase 2 has started, empty otherwise.
#[must_use]
pub fn preparation(record: &Beneficiary, today: NaiveDate) -> Preparation {
    let phase = &record.pathway.phases.preparation;
    let Some(started) = phase.started_on else {
        return Preparation::default();
    };
    if phase.status == PhaseStatus::NotStarted {
        return Preparation::default();
    }
    let mut rng = Rng::for_record(record);
    let span = (today - started).num_days().max(1).unsigned_abs();
    let mut preparation = Preparation {
        projects: projects(&mut rng, record, today),
        objectives: objectives(&mut rng, started, span),
        sessions: sessions(&mut rng, started, span),
        admin_steps: admin_steps(&mut rng, started, record),
        cir: CirTraining {
            civic_days_done: u8::try_from(rng.below(5)).unwrap_or(0),
            language_hours_done: u16::try_from(rng.below(5) * 50).unwrap_or(0),
            language_hours_prescribed: *[0_u16, 100, 200, 400]
                .get(usize::try_from(rng.below(4)).unwrap_or(0))
                .unwrap_or(&0),
        },
        integration: crate::model::record::integration::Integration::default(),
        cv: None,
        appointments: Vec::new(),
    };
    // Half of them have had their CV prepared (assembled from the record, as the tab does).
    if rng.chance(50) {
        let mut with = record.clone();
        with.preparation = preparation.clone();
        preparation.cv = Some(Cv::assemble(&with, today));
    }
    preparation
}

fn projects(rng: &mut Rng, record: &Beneficiary, today: NaiveDate) -> Vec<Project> {
    let mut codes: Vec<String> = record
        .skills
        .target_occupations
        .iter()
        .chain(
            record
                .skills
                .experiences
                .iter()
                .filter_map(|e| e.rome_code.as_ref()),
        )
        .cloned()
        .collect();
    codes.dedup();
    codes.truncate(1 + usize::from(rng.chance(40)));
    if codes.is_empty() {
        codes.push("K2204".to_owned());
    }
    codes
        .into_iter()
        .enumerate()
        .map(|(i, code)| Project {
            rome_code: Some(code),
            label: String::new(),
            main: i == 0,
            contracts: vec![
                rng.pick_or(&[ContractKind::Cdi, ContractKind::Cdd], ContractKind::Cdi),
                ContractKind::Interim,
            ],
            working_time: rng.pick_or(&WorkingTime::ALL[1..], WorkingTime::FullTime),
            earliest_start: Some(plus(today, 14 + rng.below(60))),
            mobility: Mobility {
                means: vec![
                    Transport::PublicTransport,
                    rng.pick_or(&[Transport::OnFoot, Transport::Bicycle], Transport::OnFoot),
                ],
                max_commute_minutes: Some(rng.pick_or(&[30, 45, 60], 45)),
                reachable: record.contact.town.clone(),
            },
            childcare_needed: !record.family.children.is_empty() && rng.chance(50),
            health_constraints: String::new(),
            hours_constraints: if rng.chance(30) {
                "pas de travail de nuit".to_owned()
            } else {
                String::new()
            },
            status: if i == 0 {
                rng.pick_or(
                    &[ProjectStatus::ToBuild, ProjectStatus::Validated],
                    ProjectStatus::ToBuild,
                )
            } else {
                ProjectStatus::ToBuild
            },
        })
        .collect()
}

fn objectives(rng: &mut Rng, started: NaiveDate, span: u64) -> Vec<Objective> {
    let count = 2 + rng.below(3);
    let first = rng.below(ACTIONS.len() as u64);
    (0..count)
        .filter_map(|k| {
            let index = usize::try_from((first + k) % ACTIONS.len() as u64).ok()?;
            let &(theme, objective, action) = ACTIONS.get(index)?;
            // Due dates from the start of phase 2 to a month ahead: some pass while still open.
            let due = plus(started, rng.below(span + 30));
            let status = rng.pick_or(
                &[
                    ActionStatus::ToDo,
                    ActionStatus::InProgress,
                    ActionStatus::Done,
                    ActionStatus::Done,
                ],
                ActionStatus::ToDo,
            );
            Some(Objective {
                theme,
                label: objective.to_owned(),
                actions: vec![
                    Action {
                        label: action.to_owned(),
                        actor: rng.pick_or(&Actor::ALL, Actor::Beneficiary),
                        due_on: Some(due),
                        status,
                    },
                    Action {
                        label: "Faire le point avec le conseiller".to_owned(),
                        actor: Actor::Counsellor,
                        due_on: Some(plus(due, 14)),
                        status: ActionStatus::ToDo,
                    },
                ],
            })
        })
        .collect()
}

fn sessions(rng: &mut Rng, started: NaiveDate, span: u64) -> Vec<Session> {
    let count = 2 + rng.below(6);
    let mut sessions: Vec<Session> = (0..count)
        .map(|_| Session {
            date: plus(started, rng.below(span)),
            duration_minutes: rng.pick_or(&[30, 45, 60, 90], 60),
            kind: rng.pick_or(
                &[
                    SessionKind::FaceToFace,
                    SessionKind::FaceToFace,
                    SessionKind::Remote,
                ],
                SessionKind::FaceToFace,
            ),
            note: rng.pick_or(NOTES, "").to_owned(),
        })
        .collect();
    sessions.sort_by_key(|s| s.date);
    sessions
}

fn admin_steps(
    rng: &mut Rng,
    started: NaiveDate,
    record: &Beneficiary,
) -> BTreeMap<AdminStepKind, AdminStep> {
    AdminStepKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let status = if kind == AdminStepKind::Schooling && record.family.children.is_empty() {
                StepStatus::NotApplicable
            } else {
                rng.pick_or(
                    &[
                        StepStatus::ToDo,
                        StepStatus::Requested,
                        StepStatus::Obtained,
                        StepStatus::Obtained,
                    ],
                    StepStatus::ToDo,
                )
            };
            let step = AdminStep {
                status,
                date: (status != StepStatus::ToDo && status != StepStatus::NotApplicable)
                    .then(|| plus(started, rng.below(20))),
                note: if status == StepStatus::Requested {
                    "en attente de réponse".to_owned()
                } else {
                    String::new()
                },
            };
            (step != AdminStep::default()).then_some((kind, step))
        })
        .collect()
}

/// The demo catalogue: workshops before and after `today`, the past ones with attendance, some
/// full, enrolling the demo records whose phase 2 has started.
#[must_use]
pub fn demo_workshops(records: &[Beneficiary], today: NaiveDate) -> Vec<Workshop> {
    let people: Vec<&Beneficiary> = records
        .iter()
        .filter(|b| b.pathway.phases.preparation.status != PhaseStatus::NotStarted)
        .collect();
    let plan: [(&str, WorkshopTheme, i64, u32, u32); 6] = [
        ("Rédiger son CV en français", WorkshopTheme::Cv, -21, 8, 150),
        (
            "Codes de l'entreprise en France",
            WorkshopTheme::WorkplaceCodes,
            -10,
            6,
            180,
        ),
        (
            "Simulation d'entretien",
            WorkshopTheme::MockInterview,
            -3,
            4,
            120,
        ),
        (
            "Droits et devoirs du salarié",
            WorkshopTheme::EmploymentRights,
            4,
            3,
            120,
        ),
        (
            "Démarches en ligne : France Travail",
            WorkshopTheme::Digital,
            11,
            10,
            90,
        ),
        (
            "Simulation d'entretien (2e session)",
            WorkshopTheme::MockInterview,
            18,
            4,
            120,
        ),
    ];
    plan.iter()
        .enumerate()
        .map(|(k, &(title, theme, offset, capacity, minutes))| {
            let date = if offset < 0 {
                minus(today, offset.unsigned_abs())
            } else {
                plus(today, offset.unsigned_abs())
            };
            // Every other workshop fills up; the rest keep a place or two.
            let wanted = if k % 2 == 1 {
                capacity
            } else {
                capacity.saturating_sub(2)
            };
            let enrolments = people
                .iter()
                .cycle()
                .skip(k * 3)
                .take(usize::try_from(wanted).unwrap_or(0).min(people.len()))
                .enumerate()
                .map(|(i, person)| Enrolment {
                    beneficiary: person.id,
                    attendance: if offset >= 0 {
                        Attendance::Unmarked
                    } else {
                        match i % 5 {
                            3 => Attendance::Absent,
                            4 => Attendance::Excused,
                            _ => Attendance::Present,
                        }
                    },
                })
                .collect();
            Workshop {
                title: title.to_owned(),
                theme,
                start: NaiveTime::from_hms_opt(if k % 2 == 0 { 9 } else { 14 }, 0, 0)
                    .unwrap_or(NaiveTime::MIN),
                duration_minutes: minutes,
                place: "Salle collective, 1er étage".to_owned(),
                facilitator: ["Claire Martin", "Karim Benali", "Sophie Lefèvre"][k % 3].to_owned(),
                capacity,
                enrolments,
                ..Workshop::new(date)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_beneficiaries;
    use crate::model::preparation::attended_sessions;

    #[test]
    fn demo_phase_two_has_overdue_actions_sessions_and_full_workshops() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let records = demo_beneficiaries(40, today, 11);
        let started: Vec<&Beneficiary> = records
            .iter()
            .filter(|b| !b.preparation.projects.is_empty())
            .collect();
        assert!(started.len() >= 5, "{}", started.len());
        assert!(
            started
                .iter()
                .any(|b| !b.preparation.overdue(today).is_empty())
        );
        assert!(
            started
                .iter()
                .all(|b| b.preparation.main_project().is_some())
        );
        assert!(
            started
                .iter()
                .all(|b| b.preparation.sessions.iter().all(|s| s.date <= today))
        );
        let workshops = demo_workshops(&records, today);
        assert!(workshops.iter().all(|w| w.problems().is_empty()));
        assert!(workshops.iter().any(Workshop::is_full));
        assert!(workshops.iter().any(|w| !w.is_full()));
        let attended = started
            .iter()
            .filter(|b| !attended_sessions(&workshops, b.id).is_empty())
            .count();
        assert!(attended > 0);
        assert_eq!(demo_beneficiaries(40, today, 11), records, "reproducible");
    }
}
