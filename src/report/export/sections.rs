//! The person's copy, section by section: every field of the record in plain French, in the
//! window's order. A field left empty says so ("Non renseigné"): the person sees what is held
//! and what is not.

use chrono::NaiveDate;

use super::{
    ExportBlock, ExportRow, ExportSection, NOT_GIVEN, NOT_GIVEN_F, booking_line, child_name,
    date_or_none,
};
use crate::model::companies::Application;
use crate::model::preparation::{AdminStepKind, Preparation};
use crate::model::record::{Beneficiary, PermitTarget, Phase, format_date};
use crate::model::skills::SkillsAssessment;

fn row(label: impl Into<String>, value: impl Into<String>) -> ExportRow {
    let value = value.into();
    let value = value.trim();
    ExportRow {
        label: label.into(),
        value: if value.is_empty() {
            NOT_GIVEN.to_owned()
        } else {
            value.to_owned()
        },
    }
}

fn date_row(label: &str, date: Option<NaiveDate>) -> ExportRow {
    ExportRow {
        label: label.to_owned(),
        value: date_or_none(date),
    }
}

const fn yes_no(value: bool) -> &'static str {
    if value { "Oui" } else { "Non" }
}

fn block(heading: impl Into<String>, rows: Vec<ExportRow>) -> ExportBlock {
    ExportBlock {
        heading: heading.into(),
        rows,
    }
}

/// "Prefix : text", or the prefix alone when the text is empty.
fn titled(prefix: &str, text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        prefix.to_owned()
    } else {
        format!("{prefix} : {text}")
    }
}

fn section(title: &'static str, empty: &'static str, blocks: Vec<ExportBlock>) -> ExportSection {
    ExportSection {
        title,
        blocks,
        empty,
    }
}

/// Every section of the copy.
pub(super) fn all(record: &Beneficiary) -> Vec<ExportSection> {
    vec![
        identity(record),
        contact(record),
        administrative(record),
        family(record),
        french(record),
        pathway(record),
        skills(&record.skills),
        preparation(&record.preparation),
        applications(&record.applications),
        creche(record),
        protection(record),
        // The journal's events about the person ("Historique") belong here, as a section
        // built from the journal's lines for this record once the journal exists; until
        // then the copy has no such section (an empty one would claim there is no event).
        notes(record),
    ]
}

fn identity(record: &Beneficiary) -> ExportSection {
    let i = &record.identity;
    let mut blocks = vec![block(
        "",
        vec![
            row("Nom", &i.last_name),
            row("Prénom(s)", &i.first_name),
            row("Nom de naissance", &i.birth_name),
            date_row("Date de naissance", i.birth_date),
            row("Sexe", i.sex.label()),
            row("Nationalité", &i.nationality),
            row("Pays d'origine", &i.country_of_origin),
            date_row("Date d'arrivée en France", i.arrival_date),
            row("Référent·e", &record.referent),
            row("Identifiant de la fiche", record.id.to_string()),
            row(
                "Fiche créée le",
                format_date(record.created_at.date_naive()),
            ),
            row(
                "Dernière modification le",
                format_date(record.updated_at.date_naive()),
            ),
        ],
    )];
    for language in &i.languages {
        blocks.push(block(
            titled("Langue parlée", &language.name),
            vec![
                row("Compréhension", language.understanding.label()),
                row("Expression orale", language.speaking.label()),
                row("Écrit", language.writing.label()),
            ],
        ));
    }
    section("Identité", "", blocks)
}

fn contact(record: &Beneficiary) -> ExportSection {
    let c = &record.contact;
    section(
        "Coordonnées",
        "",
        vec![block(
            "",
            vec![
                row("Téléphone", &c.phone),
                row("Courriel", &c.email),
                row("Adresse", &c.street),
                row("Code postal", &c.postcode),
                row("Commune", &c.town),
            ],
        )],
    )
}

fn administrative(record: &Beneficiary) -> ExportSection {
    let a = &record.administrative;
    let mut rows = Vec::new();
    match &a.residence_permit {
        None => rows.push(row("Titre de séjour", "Aucun titre enregistré")),
        Some(permit) => {
            rows.push(row("Titre de séjour", permit.kind.label()));
            rows.push(row(
                "Numéro du titre",
                permit.number.as_deref().unwrap_or(""),
            ));
            rows.push(date_row("Délivré le", permit.issued_on));
            rows.push(date_row("Valable jusqu'au", permit.expires_on));
            if let Some(renews) = permit.renews {
                rows.push(row("Renouvelle le titre", renews.label()));
            }
            rows.push(row(
                "Autorisation de travail",
                yes_no(permit.work_authorisation),
            ));
        }
    }
    rows.push(date_row(
        "Contrat d'intégration républicaine (CIR) signé le",
        a.cir_signed_on,
    ));
    rows.push(row("Numéro CAF", a.caf_number.as_deref().unwrap_or("")));
    rows.push(row(
        "Numéro de sécurité sociale (NIR)",
        a.social_security_number.as_deref().unwrap_or(""),
    ));
    section("Situation administrative", "", vec![block("", rows)])
}

fn family(record: &Beneficiary) -> ExportSection {
    let mut blocks = vec![block(
        "",
        vec![row("Situation familiale", record.family.situation.label())],
    )];
    for (index, child) in record.family.children.iter().enumerate() {
        let mut rows = vec![
            row("Prénom", &child.first_name),
            date_row("Date de naissance", child.birth_date),
        ];
        for care in record.creche.care.iter().filter(|c| c.child == child.id) {
            rows.extend(care_rows(care));
        }
        blocks.push(block(format!("Enfant {}", index + 1), rows));
    }
    // Care information whose child is no longer in the family list is held all the same.
    for care in &record.creche.care {
        if !record.family.children.iter().any(|c| c.id == care.child) {
            blocks.push(block(child_name(record, care.child), care_rows(care)));
        }
    }
    section("Famille", "", blocks)
}

fn care_rows(care: &crate::model::creche::ChildCare) -> Vec<ExportRow> {
    vec![
        row("Allergies (confidentiel)", &care.allergies),
        row("Informations de santé (confidentiel)", &care.health_notes),
        row(
            "Personnes autorisées à venir chercher l'enfant",
            care.authorised_pickups.join(", "),
        ),
        row("Contact en cas d'urgence", &care.emergency_contact),
        date_row("Accueil à la micro-crèche depuis le", care.care_starts_on),
    ]
}

fn french(record: &Beneficiary) -> ExportSection {
    let a = &record.french_abilities;
    let mut rows = vec![
        row("Niveau de français", record.french_level.label()),
        row("Parcours d'entrée", record.entry_route_label()),
    ];
    if let Some(o) = &record.pathway.route_override {
        rows.push(row(
            "Parcours d'entrée choisi par le conseiller",
            o.route.label(),
        ));
        rows.push(row("Motif de ce choix", &o.reason));
    }
    rows.extend([
        row("Compréhension orale", a.oral_comprehension.label()),
        row("Expression orale", a.oral_expression.label()),
        row("Compréhension écrite", a.written_comprehension.label()),
        row("Expression écrite", a.written_expression.label()),
    ]);
    section("Français", "", vec![block("", rows)])
}

fn pathway(record: &Beneficiary) -> ExportSection {
    let p = &record.pathway;
    let mut blocks = vec![block("", vec![row("Étape", record.stage().label())])];
    for phase in Phase::ALL {
        let progress = p.phases.get(phase);
        blocks.push(block(
            format!("Phase {} : {}", phase.number(), phase.title()),
            vec![
                row("État", progress.status.label()),
                date_row("Commencée le", progress.started_on),
                date_row("Terminée le", progress.ended_on),
            ],
        ));
    }
    if let Some(outcome) = &p.outcome {
        let mut rows = vec![
            row("Sortie", outcome.kind.label()),
            row("Date", format_date(outcome.date)),
        ];
        if let Some(months) = outcome.contract_months {
            rows.push(row("Durée du contrat", format!("{months} mois")));
        }
        blocks.push(block("Sortie du parcours", rows));
    }
    section("Parcours", "", blocks)
}

fn skills(s: &SkillsAssessment) -> ExportSection {
    let mut blocks = Vec::new();
    for e in &s.experiences {
        let period = |m: Option<crate::model::skills::YearMonth>| {
            m.map_or_else(|| NOT_GIVEN_F.to_owned(), |m| m.to_string())
        };
        blocks.push(block(
            titled(e.kind.label(), &e.title),
            vec![
                row("Employeur ou lieu", &e.employer),
                row("Pays", &e.country),
                row("Début", period(e.started)),
                row(
                    "Fin",
                    if e.ongoing {
                        "En cours".to_owned()
                    } else {
                        period(e.ended)
                    },
                ),
                row("Description", &e.description),
                row("Code métier (ROME)", e.rome_code.as_deref().unwrap_or("")),
            ],
        ));
    }
    for skill in &s.skills {
        blocks.push(block(
            titled("Compétence", &skill.label),
            vec![
                row("Niveau", skill.level.label()),
                row("Acquise", &skill.acquired_in),
                row("Transférabilité", skill.transferability.label()),
            ],
        ));
    }
    for d in &s.diplomas {
        blocks.push(block(
            titled("Diplôme", &d.title),
            vec![
                row("Pays", &d.country),
                row("Année", d.year.map(|y| y.to_string()).unwrap_or_default()),
                row(
                    "Niveau (cadre européen)",
                    d.eqf_level.map(|l| l.to_string()).unwrap_or_default(),
                ),
                row("Domaine", &d.field),
                row("Reconnaissance en France", d.recognition.label()),
                date_row("Demandée le", d.requested_on),
                date_row("Décision le", d.decided_on),
                row("Original présent", yes_no(d.has_original)),
                row("Traduction certifiée", yes_no(d.has_certified_translation)),
            ],
        ));
    }
    let transversal: Vec<ExportRow> = s
        .transversal
        .iter()
        .map(|(skill, r)| {
            let rating = r.rating.map(|n| format!("{n} sur 4")).unwrap_or_default();
            let value = [rating.as_str(), r.comment.trim()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            row(skill.label(), value)
        })
        .collect();
    if !transversal.is_empty() {
        blocks.push(block("Compétences transversales", transversal));
    }
    let areas: Vec<ExportRow> = s
        .life_areas
        .iter()
        .map(|(area, a)| {
            let note = a.note.trim();
            let value = if note.is_empty() {
                a.status.label().to_owned()
            } else {
                format!("{} · {note}", a.status.label())
            };
            row(area.label(), value)
        })
        .collect();
    if !areas.is_empty() {
        blocks.push(block("Points forts et besoins", areas));
    }
    for r in &s.fle_referrals {
        blocks.push(block(
            titled("Orientation vers un cours de français", &r.partner_name),
            vec![
                row("Orienté·e le", format_date(r.referred_on)),
                row("Suite", r.outcome.label()),
                row("Note", &r.note),
            ],
        ));
    }
    if !s.target_occupations.is_empty() {
        blocks.push(block(
            "",
            vec![row(
                "Métiers visés (codes ROME)",
                s.target_occupations.join(", "),
            )],
        ));
    }
    section("Bilan de compétences", "Aucun élément enregistré.", blocks)
}

fn preparation(p: &Preparation) -> ExportSection {
    let mut blocks = Vec::new();
    for project in &p.projects {
        let m = &project.mobility;
        let contracts: Vec<&str> = project.contracts.iter().map(|c| c.label()).collect();
        let means: Vec<&str> = m.means.iter().map(|t| t.label()).collect();
        blocks.push(block(
            titled(
                if project.main {
                    "Projet professionnel principal"
                } else {
                    "Projet professionnel"
                },
                &project.label,
            ),
            vec![
                row(
                    "Code métier (ROME)",
                    project.rome_code.as_deref().unwrap_or(""),
                ),
                row("État", project.status.label()),
                row("Contrats envisagés", contracts.join(", ")),
                row("Temps de travail", project.working_time.label()),
                date_row("Disponible à partir du", project.earliest_start),
                row("Moyens de transport", means.join(", ")),
                row(
                    "Trajet maximum",
                    m.max_commute_minutes
                        .map(|n| format!("{n} minutes"))
                        .unwrap_or_default(),
                ),
                row("Lieux accessibles", &m.reachable),
                row(
                    "Garde d'enfant nécessaire",
                    yes_no(project.childcare_needed),
                ),
                row("Contraintes de santé", &project.health_constraints),
                row("Contraintes d'horaires", &project.hours_constraints),
            ],
        ));
    }
    for objective in &p.objectives {
        let mut rows = Vec::new();
        for action in &objective.actions {
            rows.push(row(
                format!("Action : {}", action.label.trim()),
                format!(
                    "{} · {} · échéance : {}",
                    action.actor.label(),
                    action.status.label(),
                    date_or_none(action.due_on)
                ),
            ));
        }
        blocks.push(block(
            titled(
                &format!("Objectif ({})", objective.theme.label()),
                &objective.label,
            ),
            rows,
        ));
    }
    let sessions: Vec<ExportRow> = p
        .sessions
        .iter()
        .map(|s| {
            let note = s.note.trim();
            let mut value = format!("{}, {} minutes", s.kind.label(), s.duration_minutes);
            if !note.is_empty() {
                value = format!("{value} · {note}");
            }
            row(format_date(s.date), value)
        })
        .collect();
    if !sessions.is_empty() {
        blocks.push(block("Rendez-vous", sessions));
    }
    for a in &p.appointments {
        blocks.push(block(
            titled("Rendez-vous planifié", &format_date(a.date)),
            vec![
                row("Heure", a.start.format("%H:%M").to_string()),
                row("Durée", format!("{} minutes", a.duration_minutes)),
                row("Mode", a.mode.label()),
                row("Lieu", a.place.as_str()),
                row("Conseiller·ère", a.counsellor.as_str()),
                row("Objet", a.purpose.label()),
                row("Suite", a.status.label()),
                row("Note", a.note.as_str()),
            ],
        ));
    }
    let steps: Vec<ExportRow> = AdminStepKind::ALL
        .into_iter()
        .filter_map(|kind| p.admin_steps.get(&kind).map(|step| (kind, step)))
        .map(|(kind, step)| {
            let mut value = step.status.label().to_owned();
            if let Some(date) = step.date {
                value = format!("{value} le {}", format_date(date));
            }
            if !step.note.trim().is_empty() {
                value = format!("{value} · {}", step.note.trim());
            }
            row(kind.label(), value)
        })
        .collect();
    if !steps.is_empty() {
        blocks.push(block("Démarches administratives", steps));
    }
    blocks.push(block(
        "Formation du contrat d'intégration républicaine (CIR)",
        vec![
            row(
                "Journées de formation civique suivies",
                p.cir.civic_days_done.to_string(),
            ),
            row(
                "Heures de français prescrites",
                p.cir.language_hours_prescribed.to_string(),
            ),
            row(
                "Heures de français suivies",
                p.cir.language_hours_done.to_string(),
            ),
        ],
    ));
    let i = &p.integration;
    let mut rows = vec![row(
        "Objectif de séjour",
        i.target.map(PermitTarget::label).unwrap_or_default(),
    )];
    if let Some(exam) = &i.civic_exam {
        rows.push(row("Examen civique", exam.mention.label()));
        rows.push(date_row("Date de l'examen", exam.date));
        rows.push(row("Résultat", exam.result.label()));
        rows.push(row("Tentatives", exam.attempts.to_string()));
    }
    for c in &i.certificates {
        rows.push(row(
            format!("Certificat {}", c.kind.label()),
            format!(
                "{} · obtenu le {}",
                c.level.label(),
                date_or_none(c.obtained_on)
            ),
        ));
    }
    blocks.push(block("Séjour durable", rows));
    if let Some(cv) = &p.cv {
        let mut rows = vec![
            row("Intitulé", &cv.headline),
            row("Présentation", cv.profile.join("\n")),
        ];
        for (label, lines) in [
            ("Expérience professionnelle", &cv.experiences),
            ("Compétences", &cv.skills),
            ("Diplômes et formations", &cv.diplomas),
            ("Langues", &cv.languages),
            ("Informations complémentaires", &cv.more),
        ] {
            rows.push(row(label, lines.join("\n")));
        }
        blocks.push(block("CV", rows));
    }
    section("Préparation à l'emploi", "", blocks)
}

fn applications(applications: &[Application]) -> ExportSection {
    let blocks = applications
        .iter()
        .map(|a| {
            let title = if a.offer_title.trim().is_empty() {
                format!("{} (candidature spontanée)", a.company_name.trim())
            } else {
                format!("{} : {}", a.company_name.trim(), a.offer_title.trim())
            };
            let mut rows = vec![row("Où en est la candidature", a.state.describe())];
            for entry in &a.history {
                rows.push(row(
                    format!("Historique, {}", format_date(entry.on)),
                    entry.state.describe(),
                ));
            }
            if let Some(im) = &a.immersion {
                rows.push(row(
                    "Immersion (PMSMP)",
                    format!(
                        "du {} au {} · tuteur : {} · {}",
                        format_date(im.from),
                        format_date(im.to),
                        if im.tutor.trim().is_empty() {
                            NOT_GIVEN
                        } else {
                            im.tutor.trim()
                        },
                        im.result.label()
                    ),
                ));
            }
            block(title, rows)
        })
        .collect();
    section("Candidatures", "Aucune candidature enregistrée.", blocks)
}

fn creche(record: &Beneficiary) -> ExportSection {
    let c = &record.creche;
    let mut blocks = Vec::new();
    let bookings: Vec<ExportRow> = c
        .bookings
        .iter()
        .map(|b| row(child_name(record, b.child), booking_line(b)))
        .collect();
    if !bookings.is_empty() {
        blocks.push(block("Réservations", bookings));
    }
    let waiting: Vec<ExportRow> = c
        .waiting
        .iter()
        .map(|w| {
            row(
                child_name(record, w.booking.child),
                format!(
                    "demandé le {} · {}",
                    format_date(w.requested_on),
                    booking_line(&w.booking)
                ),
            )
        })
        .collect();
    if !waiting.is_empty() {
        blocks.push(block("Demandes en attente", waiting));
    }
    section(
        "Micro-crèche",
        "Aucune réservation ni demande (les informations sur les enfants sont dans « Famille »).",
        blocks,
    )
}

fn protection(record: &Beneficiary) -> ExportSection {
    let p = &record.protection;
    let mut blocks = Vec::new();
    let consents: Vec<ExportRow> = p
        .consents
        .iter()
        .map(|c| {
            let by = c.by.trim();
            let mut value = format!(
                "{} le {} ({})",
                c.state.label(),
                format_date(c.date),
                c.method.label()
            );
            if !by.is_empty() {
                value = format!("{value}, recueilli par {by}");
            }
            row(c.purpose.label(), value)
        })
        .collect();
    if !consents.is_empty() {
        blocks.push(block("Réponses de la personne, par usage", consents));
    }
    let overrides: Vec<ExportRow> = p
        .overrides
        .iter()
        .map(|o| {
            let by = o.by.trim();
            let mut value = format!("le {} · motif : {}", format_date(o.date), o.reason.trim());
            if !by.is_empty() {
                value = format!("{value} · par {by}");
            }
            row(o.purpose.label(), value)
        })
        .collect();
    if !overrides.is_empty() {
        blocks.push(block("Passages outre une absence d'accord", overrides));
    }
    if let Some(ext) = &p.extension {
        blocks.push(block(
            "Conservation prolongée",
            vec![
                row("Jusqu'au", format_date(ext.until)),
                row("Motif", &ext.reason),
            ],
        ));
    }
    if let Some(on) = p.anonymised_on {
        blocks.push(block("", vec![row("Fiche anonymisée le", format_date(on))]));
    }
    section(
        "Protection des données",
        "Aucune réponse enregistrée.",
        blocks,
    )
}

fn notes(record: &Beneficiary) -> ExportSection {
    let blocks = if record.private_notes.trim().is_empty() {
        Vec::new()
    } else {
        vec![block("", vec![row("Notes", &record.private_notes)])]
    };
    section("Notes du conseiller", "Aucune note.", blocks)
}
