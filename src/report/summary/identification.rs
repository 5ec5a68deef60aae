//! The identity and pathway sections, and phase 1's (skills identification and valorisation).

use super::{SummaryRow, date_or_empty, lines, row, status_row};
use crate::model::record::{Beneficiary, Phase};
use crate::model::skills::{Diploma, eqf_french_equivalent, rome};

pub(super) fn identity_rows(record: &Beneficiary) -> Vec<SummaryRow> {
    vec![
        row(
            "date_naissance",
            "Date de naissance",
            date_or_empty(record.identity.birth_date),
        ),
        row("nationalite", "Nationalité", &record.identity.nationality),
    ]
}

pub(super) fn pathway_rows(record: &Beneficiary) -> Vec<SummaryRow> {
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
pub(super) fn occupation_name(code: &str) -> String {
    rome::catalog()
        .occupation(code)
        .map_or_else(|| code.to_owned(), |o| format!("{} ({})", o.label, o.code))
}

/// "Licence d'infirmière (Syrie, 2012) — niveau 6 (bac + 3 : licence, BUT) — Attestation de
/// comparabilité obtenue".
pub(super) fn diploma_line(diploma: &Diploma) -> String {
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

pub(super) fn identification_rows(record: &Beneficiary) -> Vec<SummaryRow> {
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
