//! Phase 2's section: projects, objectives and actions, hours of support, administrative steps
//! and the integration contract.

use chrono::NaiveDate;

use super::identification::occupation_name;
use super::{Sources, SummaryRow, lines, plural, row, status_row};
use crate::model::preparation::{
    Action, ActionStatus, AdminStepKind, CIR_CIVIC_DAYS, CirTraining, INDIVIDUAL_TARGET_PERCENT,
    Project, ProjectStatus, StepStatus, WorkingTime, attended_sessions, format_minutes,
};
use crate::model::record::{Beneficiary, Phase, PhaseStatus, format_date, lowercase_first};

/// How far (in points) the individual share may stray from its target and still be on target,
/// as the "Préparation à l'emploi" tab colours it.
const SPLIT_TOLERANCE_POINTS: i64 = 10;

/// "Agent / Agente de propreté (K2204)", the free label, or a placeholder.
pub(super) fn project_title(project: &Project) -> String {
    match project.rome_code.as_deref().map(str::trim) {
        Some(code) if !code.is_empty() => occupation_name(code),
        _ if !project.label.trim().is_empty() => project.label.trim().to_owned(),
        _ => "Métier à préciser".to_owned(),
    }
}

/// "Aide-soignant / Aide-soignante (J1501)\nCDI ou Intérim · Temps plein · projet validé".
pub(super) fn project_line(project: &Project) -> String {
    let mut details = Vec::new();
    if !project.contracts.is_empty() {
        let contracts: Vec<&str> = project.contracts.iter().map(|c| c.label()).collect();
        details.push(contracts.join(" ou "));
    }
    if project.working_time != WorkingTime::Undecided {
        details.push(project.working_time.label().to_owned());
    }
    if let Some(start) = project.earliest_start {
        details.push(format!("disponible à partir du {}", format_date(start)));
    }
    details.push(
        match project.status {
            ProjectStatus::ToBuild => "projet à construire",
            ProjectStatus::Validated => "projet validé",
            ProjectStatus::Abandoned => "projet abandonné",
        }
        .to_owned(),
    );
    format!("{}\n{}", project_title(project), details.join(" · "))
}

pub(super) fn project_rows(record: &Beneficiary) -> Vec<SummaryRow> {
    let projects = &record.preparation.projects;
    // The main one first, the others in their order.
    let mut rows: Vec<SummaryRow> = projects
        .iter()
        .filter(|p| p.main)
        .map(|p| row("projet_principal", "Projet principal", project_line(p)))
        .collect();
    let others: Vec<String> = projects
        .iter()
        .filter(|p| !p.main)
        .map(project_line)
        .collect();
    if !others.is_empty() {
        let label = if others.len() > 1 {
            "Autres projets"
        } else {
            "Autre projet"
        };
        rows.push(row("autres_projets", label, others.join("\n")));
    }
    rows
}

/// "Préparer son CV (CV) — Bénéficiaire, EN RETARD de 12 j (prévue le 10/11/2026)".
pub(super) fn action_line(objective: &str, action: &Action, today: NaiveDate) -> String {
    let what = if objective.trim().is_empty() {
        action.label.trim().to_owned()
    } else {
        format!("{} ({})", action.label.trim(), objective.trim())
    };
    let when = match action.due_on {
        Some(due) if action.is_overdue(today) => format!(
            "EN RETARD de {} j (prévue le {})",
            (today - due).num_days(),
            format_date(due)
        ),
        Some(due) if action.status.is_open() => format!(
            "{}, pour le {}",
            lowercase_first(action.status.label()),
            format_date(due)
        ),
        _ => lowercase_first(action.status.label()),
    };
    format!("{what} — {}, {when}", action.actor.label())
}

pub(super) fn action_rows(record: &Beneficiary, today: NaiveDate) -> Vec<SummaryRow> {
    // Once the pathway is closed, its open actions are judged on the closing day: "late by
    // 200 days" on a pathway that ended in a job would only be noise.
    let today = record
        .pathway
        .outcome
        .as_ref()
        .map_or(today, |outcome| outcome.date.min(today));
    let mut open = Vec::new();
    let mut done = Vec::new();
    for objective in &record.preparation.objectives {
        for action in objective
            .actions
            .iter()
            .filter(|a| !a.label.trim().is_empty())
        {
            let line = action_line(&objective.label, action, today);
            if action.status.is_open() {
                open.push((!action.is_overdue(today), action.due_on, line));
            } else if action.status == ActionStatus::Done {
                done.push(line);
            }
        }
    }
    if open.is_empty() && done.is_empty() {
        return Vec::new();
    }
    // Overdue first, then by due date (undated last).
    open.sort_by_key(|(on_time, due, _)| (*on_time, due.unwrap_or(NaiveDate::MAX)));
    let or_none = |lines: String| {
        if lines.is_empty() {
            "aucune".to_owned()
        } else {
            lines
        }
    };
    vec![
        row(
            "actions_en_cours",
            "Actions en cours",
            or_none(self::lines(open.into_iter().map(|(_, _, line)| line))),
        ),
        row(
            "actions_realisees",
            "Actions réalisées",
            or_none(self::lines(done)),
        ),
    ]
}

pub(super) fn hours_rows(record: &Beneficiary, sources: &Sources<'_>) -> Vec<SummaryRow> {
    let preparation = &record.preparation;
    let attended = attended_sessions(sources.workshops, record.id);
    let hours = preparation.hours(&attended);
    let started = record.pathway.phases.preparation.status != PhaseStatus::NotStarted;
    if hours.total_minutes() == 0 && !started {
        return Vec::new();
    }
    let logged = preparation.logged_sessions();
    let individual = logged.iter().filter(|s| s.kind.is_individual()).count();
    let collective = logged.len() - individual + attended.len();
    let target = format!(
        "objectif {INDIVIDUAL_TARGET_PERCENT} % / {} %",
        100 - INDIVIDUAL_TARGET_PERCENT
    );
    let split = match (hours.split_percent(), hours.gap_to_target()) {
        (Some((individual, collective)), Some(gap)) => {
            let advice = if gap.abs() <= SPLIT_TOLERANCE_POINTS {
                "conforme"
            } else if gap > 0 {
                "ateliers collectifs à prévoir"
            } else {
                "entretiens individuels à prévoir"
            };
            format!("{individual} % individuel / {collective} % collectif ({target} : {advice})")
        }
        _ => format!("aucune heure enregistrée ({target})"),
    };
    let mut rows = vec![
        row(
            "heures_individuelles",
            "Heures individuelles",
            format!(
                "{} ({})",
                format_minutes(hours.individual_minutes),
                plural(individual, "entretien", "entretiens")
            ),
        ),
        row(
            "heures_collectives",
            "Heures collectives",
            format!(
                "{} ({})",
                format_minutes(hours.collective_minutes),
                plural(collective, "atelier", "ateliers")
            ),
        ),
        row("repartition", "Répartition des heures", split),
    ];
    if !attended.is_empty() {
        rows.push(row(
            "ateliers_suivis",
            "Ateliers collectifs suivis",
            lines(attended.iter().map(|s| {
                let title = s.note.strip_prefix("Atelier : ").unwrap_or(&s.note);
                format!(
                    "{} — {} ({})",
                    format_date(s.date),
                    title.trim(),
                    format_minutes(s.duration_minutes)
                )
            })),
        ));
    }
    rows
}

/// "demandé le 12/07/2026 (en attente de réponse)".
pub(super) fn step_text(record: &Beneficiary, kind: AdminStepKind) -> Option<String> {
    let step = record.preparation.admin_steps.get(&kind)?;
    let mut text = match (step.status, step.date) {
        (StepStatus::Requested, Some(d)) => format!("demandé le {}", format_date(d)),
        (StepStatus::Obtained, Some(d)) => format!("obtenu le {}", format_date(d)),
        (status, _) => lowercase_first(status.label()),
    };
    if !step.note.trim().is_empty() {
        text = format!("{text} ({})", step.note.trim());
    }
    Some(text)
}

/// What the "Identité" tab holds about a step, in words.
pub(super) fn admin_fact(
    record: &Beneficiary,
    kind: AdminStepKind,
    today: NaiveDate,
) -> Option<String> {
    let admin = &record.administrative;
    match kind {
        AdminStepKind::ResidencePermit => {
            admin.residence_permit.as_ref().map(|p| match p.expires_on {
                Some(end) if end < today => format!(
                    "{} (fin de validité le {} : à renouveler)",
                    p.kind.label(),
                    format_date(end)
                ),
                Some(end) => {
                    format!("{} (valable jusqu'au {})", p.kind.label(), format_date(end))
                }
                None => p.kind.label().to_owned(),
            })
        }
        AdminStepKind::Cir => admin
            .cir_signed_on
            .map(|d| format!("signé le {}", format_date(d))),
        AdminStepKind::Caf => admin.caf_number.as_ref().map(|_| "allocataire".to_owned()),
        AdminStepKind::SocialSecurity => admin
            .social_security_number
            .as_ref()
            .map(|_| "numéro attribué".to_owned()),
        _ => None,
    }
}

/// The stable key of a step's row.
pub(super) const fn step_key(kind: AdminStepKind) -> &'static str {
    match kind {
        AdminStepKind::CivilStatus => "etat_civil",
        AdminStepKind::ResidencePermit => "titre_sejour",
        AdminStepKind::Cir => "cir",
        AdminStepKind::Caf => "caf",
        AdminStepKind::SocialSecurity => "securite_sociale",
        AdminStepKind::BankAccount => "compte_bancaire",
        AdminStepKind::FranceTravail => "france_travail",
        AdminStepKind::Schooling => "scolarisation",
    }
}

/// The administrative checklist, each step with what the record holds ("Identité") and where
/// the step stands (the checklist); then the CIR's training.
pub(super) fn admin_rows(record: &Beneficiary, today: NaiveDate) -> Vec<SummaryRow> {
    let mut rows: Vec<SummaryRow> = AdminStepKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let value = match (admin_fact(record, kind, today), step_text(record, kind)) {
                (Some(fact), Some(step)) => format!("{fact} ; démarche : {step}"),
                (Some(fact), None) => fact,
                (None, Some(step)) => step,
                // Untouched: the checklist counts it as to do, unless it cannot apply.
                (None, None)
                    if kind == AdminStepKind::Schooling && record.family.children.is_empty() =>
                {
                    return None;
                }
                (None, None) => lowercase_first(StepStatus::ToDo.label()),
            };
            Some(row(step_key(kind), kind.label(), value))
        })
        .collect();
    let cir = record.preparation.cir;
    if cir != CirTraining::default() {
        let language = if cir.language_hours_prescribed == 0 {
            format!("{} h de français faites", cir.language_hours_done)
        } else {
            format!(
                "{} h de français faites sur {} prescrites",
                cir.language_hours_done, cir.language_hours_prescribed
            )
        };
        rows.push(row(
            "formation_cir",
            "Formation du CIR",
            format!(
                "formation civique : {} / {CIR_CIVIC_DAYS} journées ; {language}",
                cir.civic_days_done
            ),
        ));
    }
    rows
}

pub(super) fn preparation_rows(
    record: &Beneficiary,
    sources: &Sources<'_>,
    today: NaiveDate,
) -> Vec<SummaryRow> {
    let mut rows = vec![status_row(record, Phase::Preparation)];
    rows.extend(project_rows(record));
    rows.extend(action_rows(record, today));
    rows.extend(hours_rows(record, sources));
    rows.extend(admin_rows(record, today));
    rows
}
