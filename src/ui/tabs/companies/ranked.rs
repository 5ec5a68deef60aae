//! The open offers (and spontaneous applications) ranked for the person, each with its score,
//! its details, its reasons criterion by criterion, the work-permit warning, and "Proposer".

use egui::{RichText, Ui};

use crate::model::companies::matching::{Match, Target, rank_offers_top, standing_application};
use crate::model::companies::{Application, Company, StateKind};
use crate::model::record::Purpose;
use crate::ui::command::Command;
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::text::companies as words;
use crate::ui::theme;
use crate::ui::widgets::consent_gate::ConsentGate;

/// How many ranked lines the tab shows.
const SHOWN_MATCHES: usize = 30;
/// Width of the score's cell (the details and reasons are indented by it, and a gap).
const SCORE_WIDTH: f32 = 44.0;
/// Height of the score's cell.
const SCORE_HEIGHT: f32 = 20.0;

/// "Offres et entreprises proposées": the best lines for the person, each proposed in one
/// click once the person agreed to their CV and profile going to companies (else the
/// consent gate shows beside the line).
pub(super) fn ranked_ui(
    ui: &mut Ui,
    edit: &mut RecordEdit<'_>,
    cx: &ViewContext<'_>,
    out: &mut Vec<Command>,
) {
    ui.add_space(theme::SECTION_GAP);
    ui.heading(words::RANKED);
    ui.separator();
    let ranked = rank_offers_top(edit.shown, cx.companies, cx.creche, cx.today, SHOWN_MATCHES);
    if ranked.is_empty() {
        ui.label(RichText::new(words::NO_MATCH).weak());
        return;
    }
    for line in &ranked {
        ui.push_id(line.target, |ui| match_row_ui(ui, edit, cx, line, out));
    }
}

/// The gate on "Proposer" for the record `edit` shows.
fn gate(edit: &RecordEdit<'_>) -> ConsentGate {
    ConsentGate::new(("propose", edit.id), Purpose::ShareWithCompanies)
}

/// Adds the application for `target` to the record's (saved at once).
fn propose(edit: &RecordEdit<'_>, cx: &ViewContext<'_>, target: Target, out: &mut Vec<Command>) {
    let (company_id, offer_id) = match target {
        Target::Offer { company, offer } => (company, Some(offer)),
        Target::Spontaneous { company } => (company, None),
    };
    if let Some(company) = cx.companies.iter().find(|c| c.id == company_id) {
        let offer = offer_id
            .and_then(|id| company.offers.iter().find(|o| o.id == id))
            .map(|o| (o.id, o.title.as_str()));
        let mut applications = edit.shown.applications.clone();
        applications.push(Application::propose(
            company.id,
            &company.name,
            offer,
            cx.today,
        ));
        out.push(Command::SetApplications(edit.id, applications));
    }
}

fn match_row_ui(
    ui: &mut Ui,
    edit: &mut RecordEdit<'_>,
    cx: &ViewContext<'_>,
    line: &Match,
    out: &mut Vec<Command>,
) {
    let record = edit.shown;
    let gate = gate(edit);
    ui.horizontal(|ui| {
        let colour = if line.score >= 50 {
            theme::OK
        } else if line.score >= 20 {
            theme::ROUTE_FLE
        } else {
            theme::ROUTE_UNKNOWN
        };
        ui.add_sized(
            [SCORE_WIDTH, SCORE_HEIGHT],
            egui::Label::new(RichText::new(line.score.to_string()).strong().color(colour)),
        );
        ui.label(RichText::new(&line.label).strong());
        if matches!(line.target, Target::Spontaneous { .. }) {
            ui.label(
                RichText::new(words::SPONTANEOUS)
                    .italics()
                    .color(theme::WARNING),
            );
        }

        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(application) = standing_application(record, line.target) {
                ui.label(RichText::new(standing_label(application.state.kind())).weak());
            } else if proposal_button(ui, cx.writable, &line.label, line.work_warning.as_deref())
                .clicked()
                && let Some(target) = gate.ask(ui.ctx(), &edit.draft.protection, line.target)
            {
                propose(edit, cx, target, out);
            }
        });
    });
    if gate.pending::<Target>(ui.ctx()) == Some(line.target) {
        let by = edit.draft.referent.clone();
        if let Some(target) =
            gate.ui::<Target>(ui, &mut edit.draft.protection, &by, cx.today, cx.writable)
        {
            edit.changed = true;
            propose(edit, cx, target, out);
        }
    }
    // Indented under the title, and kept there when the reasons wrap.
    ui.horizontal(|ui| {
        // Under the title: past the score's cell and the gap after it.
        ui.add_space(SCORE_WIDTH + ui.spacing().item_spacing.x);
        ui.vertical(|ui| {
            if let Some(details) = details(cx.companies, line.target) {
                ui.label(RichText::new(details).weak());
            }
            ui.horizontal_wrapped(|ui| reasons_ui(ui, line));
            if let Some(warning) = &line.work_warning {
                ui.label(RichText::new(warning).small().strong().color(theme::ERROR));
            }
        });
    });
    ui.add_space(theme::SPACE_XS);
}

/// What stands instead of "Proposer" when the person already holds an application for the
/// line: "Déjà proposée", or its state ("Candidature : Embauché").
fn standing_label(kind: StateKind) -> String {
    if kind == StateKind::Proposed {
        words::ALREADY_PROPOSED.to_owned()
    } else {
        words::application_state(kind.label())
    }
}

/// One coloured label per criterion: green adds points, red takes some away.
fn reasons_ui(ui: &mut Ui, line: &Match) {
    for reason in &line.reasons {
        let colour = match reason.points {
            p if p > 0 => theme::OK,
            0 => theme::ROUTE_UNKNOWN,
            _ => theme::ERROR,
        };
        ui.label(RichText::new(reason.to_string()).small().color(colour));
    }
}

/// "CDI · 35 h · Journée · Créteil" for an offer, the town for a company.
fn details(companies: &[Company], target: Target) -> Option<String> {
    let (company_id, offer_id) = match target {
        Target::Offer { company, offer } => (company, Some(offer)),
        Target::Spontaneous { company } => (company, None),
    };
    let company = companies.iter().find(|c| c.id == company_id)?;
    let Some(offer) = offer_id.and_then(|id| company.offers.iter().find(|o| o.id == id)) else {
        return Some(company.town.clone());
    };
    let mut parts = vec![offer.contract.label().to_owned()];
    if let Some(hours) = offer.weekly_hours {
        parts.push(format!("{hours} h"));
    }
    parts.push(offer.schedule.label().to_owned());
    let town = if offer.town.trim().is_empty() {
        &company.town
    } else {
        &offer.town
    };
    if !town.trim().is_empty() {
        parts.push(town.trim().to_owned());
    }
    Some(parts.join(" · "))
}

/// "Proposer", named "Proposer « offer — company »" for screen readers (and tests): a list of
/// identical "Proposer" buttons says nothing to someone who cannot see the rows.
/// When the person may not work on the start date, the button says so on hover.
fn proposal_button(
    ui: &mut Ui,
    enabled: bool,
    target: &str,
    work_warning: Option<&str>,
) -> egui::Response {
    let name = words::propose_target(target);
    let label = if work_warning.is_some() {
        RichText::new(words::PROPOSE).color(theme::ERROR)
    } else {
        RichText::new(words::PROPOSE)
    };
    let hover = work_warning.map_or_else(|| name.clone(), words::propose_despite);
    let response = ui
        .add_enabled(enabled, egui::Button::new(label))
        .on_hover_text(hover);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
    response
}
