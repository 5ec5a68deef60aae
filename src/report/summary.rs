//! The pathway summary as plain data: what the "Synthèse" tab previews and the PDF prints, built
//! from a record, the structure's settings, the counsellor's ticks and the date.
//!
//! Every text is final French wording, so that the preview and the template show exactly the
//! same thing; sections and rows also carry stable `key`s, so that a structure's template can
//! pick, reorder or restyle them without touching Rust.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::{
    Action, ActionStatus, AdminStepKind, Application, ApplicationState, Beneficiary, Booking,
    BookingReason, CIR_CIVIC_DAYS, ChildId, CirTraining, Company, CrecheAge, CrecheSettings,
    Diploma, INDIVIDUAL_TARGET_PERCENT, Phase, PhaseProgress, PhaseStatus, Project, ProjectStatus,
    Settings, StepStatus, WorkingTime, Workshop, attended_sessions, eqf_french_equivalent,
    format_date, format_minutes, rome,
};

/// Shown for a value the record does not hold.
pub const NOT_PROVIDED: &str = "non renseigné";

/// A part of the summary the counsellor can tick in or out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// Birth date and nationality (the name heads every page anyway).
    Identity,
    /// French level, entry route and where the person stands.
    Pathway,
    /// Phase 1: skills identification and valorisation.
    Identification,
    /// Phase 2: employment preparation, administrative steps.
    Preparation,
    /// Phase 3: matching with companies, outcome.
    Matching,
    /// Children of micro-crèche age.
    Creche,
}

impl Section {
    /// Every section, in print order.
    pub const ALL: [Self; 6] = [
        Self::Identity,
        Self::Pathway,
        Self::Identification,
        Self::Preparation,
        Self::Matching,
        Self::Creche,
    ];

    /// The French title, as printed.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Identity => "Identité",
            Self::Pathway => "Parcours",
            Self::Identification => "Phase 1 · Identification et valorisation des compétences",
            Self::Preparation => "Phase 2 · Préparation à l'emploi",
            Self::Matching => "Phase 3 · Mise en relation avec les entreprises",
            Self::Creche => "Micro-crèche",
        }
    }

    /// The stable key templates refer to.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::Identity => "identite",
            Self::Pathway => "parcours",
            Self::Identification => "phase1",
            Self::Preparation => "phase2",
            Self::Matching => "phase3",
            Self::Creche => "creche",
        }
    }
}

/// An item left out of the summary unless ticked for this print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Confidential {
    /// The counsellor's private notes.
    PrivateNotes,
    /// The residence permit's number.
    PermitNumber,
    /// The social-security number.
    SocialSecurityNumber,
    /// The children's allergies and health notes (the crèche's care information).
    ChildHealth,
}

impl Confidential {
    /// Every confidential item, in print order.
    pub const ALL: [Self; 4] = [
        Self::PermitNumber,
        Self::SocialSecurityNumber,
        Self::ChildHealth,
        Self::PrivateNotes,
    ];

    /// The French label, as printed.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::PrivateNotes => "Notes privées du conseiller",
            Self::PermitNumber => "N° du titre de séjour",
            Self::SocialSecurityNumber => "N° de sécurité sociale",
            Self::ChildHealth => "Allergies et santé des enfants",
        }
    }

    /// The stable key of its row, for templates (the private notes are the block's text).
    const fn key(self) -> &'static str {
        match self {
            Self::PrivateNotes => "notes_privees",
            Self::PermitNumber => "numero_titre_sejour",
            Self::SocialSecurityNumber => "numero_securite_sociale",
            Self::ChildHealth => "sante_enfants",
        }
    }

    /// The record's value for this item, when it holds one.
    #[must_use]
    pub fn value(self, record: &Beneficiary) -> Option<String> {
        let value = match self {
            Self::PrivateNotes => record.private_notes.clone(),
            Self::PermitNumber => record
                .administrative
                .residence_permit
                .as_ref()
                .and_then(|p| p.number.clone())
                .unwrap_or_default(),
            Self::SocialSecurityNumber => record
                .administrative
                .social_security_number
                .clone()
                .unwrap_or_default(),
            Self::ChildHealth => child_health(record),
        };
        let value = value.trim();
        (!value.is_empty()).then(|| value.to_owned())
    }
}

/// "Awa — allergies : arachide — santé : Ventoline en cas de crise", one line per child with
/// something noted.
fn child_health(record: &Beneficiary) -> String {
    lines(record.creche.care.iter().filter_map(|care| {
        let parts: Vec<String> = [
            ("allergies", care.allergies.trim()),
            ("santé", care.health_notes.trim()),
        ]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(label, text)| format!("{label} : {}", text.replace('\n', " ; ")))
        .collect();
        (!parts.is_empty())
            .then(|| format!("{} — {}", child_name(record, care.child), parts.join(" — ")))
    }))
}

/// A child's first name, or "Enfant" when the record holds none.
fn child_name(record: &Beneficiary, child: ChildId) -> String {
    record
        .family
        .children
        .iter()
        .find(|c| c.id == child)
        .map(|c| c.first_name.trim())
        .filter(|name| !name.is_empty())
        .unwrap_or("Enfant")
        .to_owned()
}

/// What the counsellor ticked: sections in (all by default) and confidential items revealed
/// (none by default, and forgotten after each print).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryOptions {
    sections: BTreeSet<Section>,
    revealed: BTreeSet<Confidential>,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        Self {
            sections: Section::ALL.into_iter().collect(),
            revealed: BTreeSet::new(),
        }
    }
}

impl SummaryOptions {
    /// Whether a section is ticked in.
    #[must_use]
    pub fn includes(&self, section: Section) -> bool {
        self.sections.contains(&section)
    }

    /// Ticks a section in or out.
    pub fn set_included(&mut self, section: Section, included: bool) {
        if included {
            self.sections.insert(section);
        } else {
            self.sections.remove(&section);
        }
    }

    /// Whether a confidential item is ticked in.
    #[must_use]
    pub fn reveals(&self, item: Confidential) -> bool {
        self.revealed.contains(&item)
    }

    /// Ticks a confidential item in or out.
    pub fn set_revealed(&mut self, item: Confidential, revealed: bool) {
        if revealed {
            self.revealed.insert(item);
        } else {
            self.revealed.remove(&item);
        }
    }

    /// Unticks every confidential item: called after each print, and when another record is
    /// shown, so that a tick never outlives the document it was meant for.
    pub fn forget_confidential(&mut self) {
        self.revealed.clear();
    }
}

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

fn identity_rows(record: &Beneficiary) -> Vec<SummaryRow> {
    vec![
        row(
            "date_naissance",
            "Date de naissance",
            date_or_empty(record.identity.birth_date),
        ),
        row("nationalite", "Nationalité", &record.identity.nationality),
    ]
}

fn pathway_rows(record: &Beneficiary) -> Vec<SummaryRow> {
    let mut rows = vec![
        row(
            "niveau_francais",
            "Niveau de français (CECRL)",
            record.french_level.label(),
        ),
        row(
            "parcours_entree",
            "Parcours d'entrée",
            record.entry_route_label(),
        ),
    ];
    if let Some(route_override) = &record.pathway.route_override {
        rows.push(row(
            "motif_parcours",
            "Motif du choix de parcours",
            &route_override.reason,
        ));
    }
    if let Some(gap) = record.preparation.integration.gap(record.french_level) {
        rows.push(row(
            "titre_vise",
            "Titre visé (conditions 2026)",
            gap.sentence(),
        ));
    }
    rows.push(row("etape", "Étape actuelle", record.stage().label()));
    rows
}

/// How many of the strongest skills the summary lists.
const STRONGEST_SKILLS: usize = 5;

/// "Aide-soignant / Aide-soignante (J1501)", or the bare code when the catalogue lacks it.
fn occupation_name(code: &str) -> String {
    rome::catalog()
        .occupation(code)
        .map_or_else(|| code.to_owned(), |o| format!("{} ({})", o.label, o.code))
}

/// "Licence d'infirmière (Syrie, 2012) — niveau 6 (bac + 3 : licence, BUT) — Attestation de
/// comparabilité obtenue".
fn diploma_line(diploma: &Diploma) -> String {
    let origin: Vec<String> = [
        diploma.country.trim().to_owned(),
        diploma.year.map(|y| y.to_string()).unwrap_or_default(),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect();
    let mut line = diploma.title.trim().to_owned();
    if !origin.is_empty() {
        line = format!("{line} ({})", origin.join(", "));
    }
    if let Some(level) = diploma.eqf_level {
        line.push_str(" — ");
        line.push_str(eqf_french_equivalent(level));
    }
    line.push_str(" — ");
    line.push_str(diploma.recognition.label());
    line
}

/// Several values in one row, one per line.
fn lines<I: IntoIterator<Item = String>>(values: I) -> String {
    values.into_iter().collect::<Vec<_>>().join("\n")
}

fn identification_rows(record: &Beneficiary) -> Vec<SummaryRow> {
    let skills = &record.skills;
    vec![
        status_row(record, Phase::Identification),
        row(
            "metiers_vises",
            "Métiers visés",
            lines(skills.target_occupations.iter().map(|c| occupation_name(c))),
        ),
        row(
            "points_forts",
            "Points forts",
            lines(
                skills
                    .strongest_skills(STRONGEST_SKILLS)
                    .into_iter()
                    .map(|s| format!("{} — {}", s.label.trim(), s.level.label())),
            ),
        ),
        row(
            "diplomes",
            "Diplômes et reconnaissance",
            lines(
                skills
                    .diplomas
                    .iter()
                    .filter(|d| !d.title.trim().is_empty())
                    .map(diploma_line),
            ),
        ),
        row(
            "langues",
            "Langues parlées",
            record
                .identity
                .languages
                .iter()
                .map(|l| l.name.trim())
                .filter(|name| !name.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ]
}

/// How far (in points) the individual share may stray from its target and still be on target,
/// as the "Préparation à l'emploi" tab colours it.
const SPLIT_TOLERANCE_POINTS: i64 = 10;

/// What the summary draws from outside the record: the workshops' catalogue (attendance is kept
/// in the workshops' files, never copied into the record) and the companies' directory (their
/// current names).
struct Sources<'a> {
    workshops: &'a [Workshop],
    companies: &'a [Company],
    /// The crèche's settings: a child's crèche age follows its ages and upper age rule.
    creche: &'a CrecheSettings,
}

/// "Agent / Agente de propreté (K2204)", the free label, or a placeholder.
fn project_title(project: &Project) -> String {
    match project.rome_code.as_deref().map(str::trim) {
        Some(code) if !code.is_empty() => occupation_name(code),
        _ if !project.label.trim().is_empty() => project.label.trim().to_owned(),
        _ => "Métier à préciser".to_owned(),
    }
}

/// "Aide-soignant / Aide-soignante (J1501)\nCDI ou Intérim · Temps plein · projet validé".
fn project_line(project: &Project) -> String {
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

fn project_rows(record: &Beneficiary) -> Vec<SummaryRow> {
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

/// A phrase's first letter lowered ("En cours" → "en cours").
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// "Préparer son CV (CV) — Bénéficiaire, EN RETARD de 12 j (prévue le 10/11/2026)".
fn action_line(objective: &str, action: &Action, today: NaiveDate) -> String {
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

fn action_rows(record: &Beneficiary, today: NaiveDate) -> Vec<SummaryRow> {
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

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count > 1 { many } else { one })
}

fn hours_rows(record: &Beneficiary, sources: &Sources<'_>) -> Vec<SummaryRow> {
    let preparation = &record.preparation;
    let attended = attended_sessions(sources.workshops, record.id);
    let hours = preparation.hours(&attended);
    let started = record.pathway.phases.preparation.status != PhaseStatus::NotStarted;
    if hours.total_minutes() == 0 && !started {
        return Vec::new();
    }
    let individual = preparation
        .sessions
        .iter()
        .filter(|s| s.kind.is_individual())
        .count();
    let collective = preparation.sessions.len() - individual + attended.len();
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
fn step_text(record: &Beneficiary, kind: AdminStepKind) -> Option<String> {
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
fn admin_fact(record: &Beneficiary, kind: AdminStepKind, today: NaiveDate) -> Option<String> {
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
const fn step_key(kind: AdminStepKind) -> &'static str {
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
fn admin_rows(record: &Beneficiary, today: NaiveDate) -> Vec<SummaryRow> {
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

fn preparation_rows(
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

/// "Agent de propreté — Onet Services : entretien prévu le 28/11/2026 à 10:30, Créteil",
/// with the company's and the offer's current names when the directory still holds them.
fn application_line(application: &Application, sources: &Sources<'_>) -> String {
    let company = sources
        .companies
        .iter()
        .find(|c| c.id == application.company);
    let company_name = company
        .map(|c| c.name.trim())
        .filter(|name| !name.is_empty())
        .unwrap_or(application.company_name.trim());
    let offer_title = application.offer.map(|offer| {
        company
            .and_then(|c| c.offers.iter().find(|o| o.id == offer))
            .map(|o| o.title.trim())
            .filter(|title| !title.is_empty())
            .unwrap_or(application.offer_title.trim())
    });
    let target = match (offer_title, &application.immersion) {
        (_, Some(immersion)) => {
            let result = match immersion.result {
                crate::model::ImmersionResult::Pending => String::new(),
                result => format!(" ({})", lowercase_first(result.label())),
            };
            format!(
                "PMSMP du {} au {} — {company_name}{result}",
                format_date(immersion.from),
                format_date(immersion.to)
            )
        }
        (Some(title), None) if !title.is_empty() => format!("{title} — {company_name}"),
        _ => format!("{company_name} (candidature spontanée)"),
    };
    let since = application
        .history
        .last()
        .map(|entry| format!(" le {}", format_date(entry.on)))
        .unwrap_or_default();
    let state = match &application.state {
        ApplicationState::Proposed => format!("proposée{since}"),
        ApplicationState::Sent => format!("envoyée{since}"),
        ApplicationState::Withdrawn => format!("retirée{since}"),
        ApplicationState::Refused { reason, note } => {
            let reason = lowercase_first(reason.label());
            match note.trim() {
                "" => format!("refusée{since} (motif : {reason})"),
                note => format!("refusée{since} (motif : {reason}, {note})"),
            }
        }
        state @ (ApplicationState::Interview { .. }
        | ApplicationState::Hired { .. }
        | ApplicationState::Ended { .. }) => lowercase_first(&state.describe()),
    };
    format!("{target} : {state}")
}

fn matching_rows(record: &Beneficiary, sources: &Sources<'_>) -> Vec<SummaryRow> {
    let outcome = record
        .pathway
        .outcome
        .as_ref()
        .map_or("parcours en cours".to_owned(), |o| {
            format!(
                "{} le {} ({})",
                o.kind.label(),
                format_date(o.date),
                o.describe_class()
            )
        });
    let mut rows = vec![status_row(record, Phase::Matching)];
    // Those under way first, then the closed ones, each in the order they were made.
    let (active, closed): (Vec<&Application>, Vec<&Application>) =
        record.applications.iter().partition(|a| a.is_active());
    if !active.is_empty() {
        rows.push(row(
            "candidatures_en_cours",
            "Candidatures en cours",
            lines(active.into_iter().map(|a| application_line(a, sources))),
        ));
    }
    if !closed.is_empty() {
        rows.push(row(
            "candidatures_closes",
            "Candidatures closes",
            lines(closed.into_iter().map(|a| application_line(a, sources))),
        ));
    }
    rows.push(row("sortie", "Sortie du parcours", outcome));
    rows
}

/// Why a child is booked, with the workshop or the application it is for when known.
fn booking_reason(record: &Beneficiary, booking: &Booking, sources: &Sources<'_>) -> String {
    let linked = match booking.reason {
        BookingReason::Workshop(Some(id)) => sources
            .workshops
            .iter()
            .find(|w| w.id == id)
            .map(|w| w.title.trim().to_owned()),
        BookingReason::Interview(Some(id)) => record
            .applications
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.company_name.trim().to_owned()),
        _ => None,
    };
    let details: Vec<String> = [linked.unwrap_or_default(), booking.note.trim().to_owned()]
        .into_iter()
        // A note that only repeats the reason ("entretien d'embauche") says nothing more.
        .filter(|d| !d.is_empty() && d.to_lowercase() != booking.reason.label().to_lowercase())
        .collect();
    if details.is_empty() {
        booking.reason.label().to_owned()
    } else {
        format!("{} : {}", booking.reason.label(), details.join(", "))
    }
}

/// "Awa : les mardi et jeudi du 23/11/2026 au 04/12/2026, 9 h – 12 h 30 (Formation : cours de
/// français)", in date order.
fn booking_lines<'b>(
    record: &Beneficiary,
    bookings: impl Iterator<Item = &'b Booking>,
    sources: &Sources<'_>,
) -> String {
    let mut bookings: Vec<&Booking> = bookings.collect();
    bookings.sort_by_key(|b| (b.schedule.span(), b.start));
    lines(bookings.into_iter().map(|b| {
        format!(
            "{} : {} ({})",
            child_name(record, b.child),
            b.label(),
            booking_reason(record, b, sources)
        )
    }))
}

/// Children of micro-crèche age (or about to be), with what the crèche can offer; then the
/// family's bookings and its requests on the waiting list.
fn creche_rows(record: &Beneficiary, sources: &Sources<'_>, today: NaiveDate) -> Vec<SummaryRow> {
    let mut rows: Vec<SummaryRow> = record
        .family
        .children
        .iter()
        .filter_map(|child| {
            let born = child
                .birth_date
                .map(|b| format!("né·e le {}", format_date(b)));
            let status = match child.creche_age(sources.creche, today) {
                CrecheAge::TooOld => return None,
                CrecheAge::Unknown => "date de naissance à renseigner".to_owned(),
                CrecheAge::TooYoung { from } => {
                    format!("accueil possible à partir du {}", format_date(from))
                }
                CrecheAge::Eligible { until } => format!(
                    "peut être accueilli·e à la micro-crèche jusqu'au {}",
                    format_date(until)
                ),
            };
            let value = born.map_or(status.clone(), |born| format!("{born} ; {status}"));
            let name = if child.first_name.trim().is_empty() {
                "Enfant"
            } else {
                child.first_name.trim()
            };
            Some(row("enfant", name, value))
        })
        .collect();
    let creche = &record.creche;
    if !creche.bookings.is_empty() {
        rows.push(row(
            "reservations",
            "Réservations",
            booking_lines(record, creche.bookings.iter(), sources),
        ));
    }
    if !creche.waiting.is_empty() {
        rows.push(row(
            "liste_attente",
            "En liste d'attente",
            booking_lines(record, creche.waiting.iter().map(|w| &w.booking), sources),
        ));
    }
    rows
}

fn confidential_section(record: &Beneficiary, options: &SummaryOptions) -> Option<SummarySection> {
    let revealed = |item: Confidential| options.reveals(item).then(|| item.value(record)).flatten();
    let rows: Vec<SummaryRow> = Confidential::ALL
        .into_iter()
        .filter(|&item| item != Confidential::PrivateNotes)
        .filter_map(|item| revealed(item).map(|value| row(item.key(), item.label(), value)))
        .collect();
    let text = revealed(Confidential::PrivateNotes).unwrap_or_default();
    (!rows.is_empty() || !text.is_empty()).then(|| SummarySection {
        key: "confidentiel",
        title: "Informations confidentielles".to_owned(),
        confidential: true,
        rows,
        text,
    })
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

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::model::{
        Child, ChildId, Diploma, PermitKind, Recognition, ResidencePermit, Skill, SkillLevel,
    };

    use crate::model::record::dates::test_support::d;

    fn record() -> Beneficiary {
        let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap());
        b.identity.first_name = "Thị Hoa".into();
        b.identity.last_name = "Nguyễn".into();
        b.private_notes = "Hébergée chez sa sœur.".into();
        b.administrative.social_security_number = Some("288029912345678".into());
        b.administrative.residence_permit = Some(ResidencePermit {
            kind: PermitKind::Temporary,
            number: Some("9912345678".into()),
            issued_on: None,
            expires_on: Some(d(2026, 10, 1)),
            ..ResidencePermit::new(PermitKind::Temporary)
        });
        b
    }

    /// Everything the summary would print, as one text to search.
    fn texts(summary: &Summary) -> String {
        serde_json::to_string(summary).unwrap()
    }

    #[test]
    fn confidential_items_print_only_when_ticked() {
        let b = record();
        let mut options = SummaryOptions::default();
        let plain = texts(&Summary::build(
            &b,
            &Settings::default(),
            &[],
            &[],
            &CrecheSettings::default(),
            &options,
            d(2026, 11, 22),
        ));
        for secret in ["Hébergée", "288029912345678", "9912345678"] {
            assert!(!plain.contains(secret), "{secret} leaked:\n{plain}");
        }
        options.set_revealed(Confidential::PrivateNotes, true);
        let with_notes = Summary::build(
            &b,
            &Settings::default(),
            &[],
            &[],
            &CrecheSettings::default(),
            &options,
            d(2026, 11, 22),
        );
        let last = with_notes.sections.last().unwrap();
        assert_eq!(last.key, "confidentiel");
        assert_eq!(last.text, "Hébergée chez sa sœur.");
        assert!(!texts(&with_notes).contains("288029912345678"));

        options.forget_confidential();
        assert!(!options.reveals(Confidential::PrivateNotes));
        assert!(options.includes(Section::Identity), "sections stay ticked");
    }

    #[test]
    fn an_unticked_section_is_left_out() {
        let b = record();
        let mut options = SummaryOptions::default();
        options.set_included(Section::Preparation, false);
        let summary = Summary::build(
            &b,
            &Settings::default(),
            &[],
            &[],
            &CrecheSettings::default(),
            &options,
            d(2026, 11, 22),
        );
        assert!(summary.sections.iter().all(|s| s.key != "phase2"));
        assert!(!texts(&summary).contains("Titre de séjour"));
    }

    #[test]
    fn expired_permits_and_toddlers_are_worded_for_the_person() {
        let mut b = record();
        b.family.children = vec![
            Child {
                id: ChildId::new(),
                first_name: "Awa".into(),
                birth_date: Some(d(2025, 4, 20)),
            },
            Child {
                id: ChildId::new(),
                first_name: "Adam".into(),
                birth_date: Some(d(2015, 1, 2)),
            },
        ];
        let summary = Summary::build(
            &b,
            &Settings::default(),
            &[],
            &[],
            &CrecheSettings::default(),
            &SummaryOptions::default(),
            d(2026, 11, 22),
        );
        let all = texts(&summary);
        assert!(
            all.contains(
                "Carte de séjour temporaire (fin de validité le 01/10/2026 : à renouveler)"
            ),
            "{all}"
        );
        assert!(all.contains(
            "né·e le 20/04/2025 ; peut être accueilli·e à la micro-crèche jusqu'au 31/08/2028"
        ));
        // Under the crèche's settings: with the third birthday as the limit, the date follows.
        let birthday = CrecheSettings {
            upper_age_rule: crate::model::UpperAgeRule::Birthday,
            ..CrecheSettings::default()
        };
        let summary = Summary::build(
            &b,
            &Settings::default(),
            &[],
            &[],
            &birthday,
            &SummaryOptions::default(),
            d(2026, 11, 22),
        );
        assert!(texts(&summary).contains(
            "né·e le 20/04/2025 ; peut être accueilli·e à la micro-crèche jusqu'au 20/04/2028"
        ));
        assert!(
            !all.contains("Adam"),
            "older children are not crèche matters"
        );
    }

    #[test]
    fn phase_one_lists_target_occupations_strengths_and_diplomas() {
        let mut b = record();
        b.skills.target_occupations = vec!["J1501".into(), "Z9999".into()];
        b.skills.skills = vec![
            Skill {
                label: "Soins d'hygiène".into(),
                level: SkillLevel::Expert,
                ..Skill::default()
            },
            Skill {
                label: "Informatique".into(),
                level: SkillLevel::Notions,
                ..Skill::default()
            },
        ];
        b.skills.diplomas = vec![Diploma {
            title: "Diplôme d'infirmière".into(),
            country: "Syrie".into(),
            year: Some(2012),
            eqf_level: Some(6),
            recognition: Recognition::Requested,
            ..Diploma::default()
        }];
        let summary = Summary::build(
            &b,
            &Settings::default(),
            &[],
            &[],
            &CrecheSettings::default(),
            &SummaryOptions::default(),
            d(2026, 11, 22),
        );
        let phase1 = summary.sections.iter().find(|s| s.key == "phase1").unwrap();
        let value = |key: &str| {
            phase1
                .rows
                .iter()
                .find(|r| r.key == key)
                .map(|r| r.value.as_str())
                .unwrap()
        };
        assert_eq!(
            value("metiers_vises"),
            "Aide-soignant / Aide-soignante (J1501)\nZ9999"
        );
        assert_eq!(value("points_forts"), "Soins d'hygiène — Expert");
        assert_eq!(
            value("diplomes"),
            "Diplôme d'infirmière (Syrie, 2012) — niveau 6 (bac + 3 : licence, BUT) — Attestation de comparabilité ENIC-NARIC demandée"
        );
        assert_eq!(value("langues"), NOT_PROVIDED);
    }

    /// The value of a row of a section, by keys.
    fn value_of(summary: &Summary, section: &str, key: &str) -> String {
        summary
            .sections
            .iter()
            .find(|s| s.key == section)
            .and_then(|s| s.rows.iter().find(|r| r.key == key))
            .map_or_else(|| panic!("no {section}/{key}"), |r| r.value.clone())
    }

    #[test]
    fn phase_two_shows_the_main_project_first_overdue_actions_and_workshop_hours() {
        use crate::model::{
            Action, ActionStatus, Attendance, Objective, Project, Session, SessionKind,
        };
        let today = d(2026, 11, 22);
        let mut b = record();
        b.pathway.phases.preparation.status = PhaseStatus::InProgress;
        b.preparation.projects = vec![
            Project {
                label: "Cuisine collective".into(),
                ..Project::default()
            },
            Project {
                rome_code: Some("J1501".into()),
                main: true,
                status: ProjectStatus::Validated,
                ..Project::default()
            },
        ];
        b.preparation.objectives = vec![Objective {
            label: "CV à jour".into(),
            actions: vec![
                Action {
                    label: "Rédiger le CV".into(),
                    due_on: Some(d(2026, 11, 17)),
                    ..Action::default()
                },
                Action {
                    label: "Photo d'identité".into(),
                    status: ActionStatus::Done,
                    ..Action::default()
                },
            ],
            ..Objective::default()
        }];
        b.preparation.sessions = vec![Session {
            date: d(2026, 11, 2),
            duration_minutes: 120,
            kind: SessionKind::FaceToFace,
            note: String::new(),
        }];
        let mut workshop = Workshop::new(d(2026, 11, 10));
        workshop.title = "Simulation d'entretien".into();
        workshop.duration_minutes = 120;
        workshop.enrol(b.id).unwrap();
        workshop.mark(b.id, Attendance::Present, today).unwrap();

        let summary = Summary::build(
            &b,
            &Settings::default(),
            &[workshop],
            &[],
            &CrecheSettings::default(),
            &SummaryOptions::default(),
            today,
        );
        let phase2 = summary.sections.iter().find(|s| s.key == "phase2").unwrap();
        let keys: Vec<&str> = phase2.rows.iter().map(|r| r.key).take(3).collect();
        assert_eq!(keys, ["statut", "projet_principal", "autres_projets"]);
        assert_eq!(
            value_of(&summary, "phase2", "projet_principal"),
            "Aide-soignant / Aide-soignante (J1501)\nprojet validé"
        );
        assert_eq!(
            value_of(&summary, "phase2", "actions_en_cours"),
            "Rédiger le CV (CV à jour) — Bénéficiaire, EN RETARD de 5 j (prévue le 17/11/2026)"
        );
        assert_eq!(
            value_of(&summary, "phase2", "actions_realisees"),
            "Photo d'identité (CV à jour) — Bénéficiaire, fait"
        );
        // Closed on 15/11 (entry into training), the pathway's open action was not late yet on that day.
        let mut closed = b.clone();
        closed.pathway.outcome = Some(crate::model::Outcome {
            kind: crate::model::OutcomeKind::Training,
            date: d(2026, 11, 15),
            contract_months: None,
        });
        let summary_closed = Summary::build(
            &closed,
            &Settings::default(),
            &[],
            &[],
            &CrecheSettings::default(),
            &SummaryOptions::default(),
            today,
        );
        assert_eq!(
            value_of(&summary_closed, "phase2", "actions_en_cours"),
            "Rédiger le CV (CV à jour) — Bénéficiaire, à faire, pour le 17/11/2026"
        );
        assert_eq!(
            value_of(&summary, "phase2", "heures_collectives"),
            "2 h (1 atelier)",
            "the workshop attended counts, computed from its file"
        );
        assert_eq!(
            value_of(&summary, "phase2", "repartition"),
            "50 % individuel / 50 % collectif (objectif 70 % / 30 % : entretiens individuels à prévoir)"
        );
        // The permit held (Identité) and the checklist say the same thing in one row.
        assert_eq!(
            value_of(&summary, "phase2", "titre_sejour"),
            "Carte de séjour temporaire (fin de validité le 01/10/2026 : à renouveler)"
        );
    }

    #[test]
    fn applications_use_the_directory_s_current_names() {
        use crate::model::{ApplicationState, Company, Offer};
        let today = d(2026, 11, 22);
        let mut company = Company::new();
        company.name = "Onet Services".into();
        let mut offer = Offer::new();
        offer.title = "Agent de propreté".into();
        company.offers = vec![offer.clone()];
        let mut b = record();
        let mut application = Application::propose(
            company.id,
            "Onet",
            Some((offer.id, "Agent")),
            d(2026, 10, 1),
        );
        application
            .move_to(ApplicationState::Sent, d(2026, 10, 3))
            .unwrap();
        b.applications = vec![application];
        let summary = Summary::build(
            &b,
            &Settings::default(),
            &[],
            std::slice::from_ref(&company),
            &CrecheSettings::default(),
            &SummaryOptions::default(),
            today,
        );
        assert_eq!(
            value_of(&summary, "phase3", "candidatures_en_cours"),
            "Agent de propreté — Onet Services : envoyée le 03/10/2026"
        );
        // Without the directory, the names copied into the application.
        let alone = Summary::build(
            &b,
            &Settings::default(),
            &[],
            &[],
            &CrecheSettings::default(),
            &SummaryOptions::default(),
            today,
        );
        assert_eq!(
            value_of(&alone, "phase3", "candidatures_en_cours"),
            "Agent — Onet : envoyée le 03/10/2026"
        );
    }

    #[test]
    fn dates_read_the_french_way() {
        assert_eq!(long_date(d(2026, 11, 22)), "22 novembre 2026");
        assert_eq!(long_date(d(2026, 3, 1)), "1er mars 2026");
        assert_eq!(long_date(d(2026, 8, 15)), "15 août 2026");
    }
}
