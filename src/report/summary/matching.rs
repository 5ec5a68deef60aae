//! Phase 3's section: applications and immersions with companies, and the outcome.

use super::{Sources, SummaryRow, lines, row, status_row};
use crate::model::companies::{Application, ApplicationState};
use crate::model::record::{Beneficiary, Phase, format_date, lowercase_first};

/// "Agent de propreté — Onet Services : entretien prévu le 28/11/2026 à 10:30, Créteil",
/// with the company's and the offer's current names when the directory still holds them.
pub(super) fn application_line(application: &Application, sources: &Sources<'_>) -> String {
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
                crate::model::companies::ImmersionResult::Pending => String::new(),
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

pub(super) fn matching_rows(record: &Beneficiary, sources: &Sources<'_>) -> Vec<SummaryRow> {
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
