//! The family's waiting requests with their rank in the crèche's waiting list, and the
//! request a freed place can take (booked here, or its family's record opened).

use egui::{RichText, Ui};

use super::{CrecheContext, child_name};
use crate::model::creche::{first_fitting_request, waiting_list};
use crate::model::record::format_date;
use crate::model::{Beneficiary, BeneficiaryDraft};
use crate::ui::command::Command;
use crate::ui::widgets::list_editor;
use crate::ui::{text, theme};

/// The family's waiting requests with their rank, and the request a freed place can take;
/// returns whether the draft changed.
pub(super) fn waiting_ui(
    ui: &mut Ui,
    draft: &mut BeneficiaryDraft,
    parent: &Beneficiary,
    all: &[&Beneficiary],
    context: &CrecheContext<'_>,
    out: &mut Vec<Command>,
) -> bool {
    let writable = context.cx.writable;
    let queue = waiting_list(all, context.cx.today);
    ui.add_space(theme::SECTION_GAP);
    ui.heading(text::creche::CRECHE_WAITING);
    ui.separator();
    ui.label(RichText::new(text::creche::creche_waiting_count(queue.len())).weak());
    ui.label(RichText::new(text::creche::CRECHE_WAITING_ORDER).weak());
    let removed = list_editor::rows(&mut draft.creche.waiting, |index, request| {
        let queued = queue
            .iter()
            .position(|q| q.parent == parent.id && q.index == index);
        ui.horizontal(|ui| {
            if request.is_expired(context.cx.today) {
                ui.label(
                    RichText::new(text::creche::CRECHE_REQUEST_EXPIRED)
                        .strong()
                        .color(theme::WARNING),
                );
            } else if let Some((rank, priority)) =
                queued.and_then(|p| Some((p + 1, queue.get(p)?.priority)))
            {
                ui.label(RichText::new(text::creche::rank(rank)).strong())
                    .on_hover_text(priority.label());
            }
            ui.label(text::creche::waiting_request(
                &child_name(parent, request.booking.child),
                &request.booking.label(),
                &request.booking.reason_text(),
                &format_date(request.requested_on),
            ));
            ui.add_enabled(
                writable,
                egui::Button::new(text::creche::CRECHE_REMOVE_REQUEST),
            )
            .clicked()
        })
        .inner
    });
    if removed.is_some() {
        return true;
    }
    if queue.is_empty() {
        return false;
    }
    let mut changed = false;
    if let Some((queued, planned)) = first_fitting_request(all, context.cx.creche, context.cx.today)
    {
        let owner = all.iter().find(|r| r.id == queued.parent);
        let who = owner.map(|r| r.display_name()).unwrap_or_default();
        let what = owner.map_or_else(String::new, |r| {
            format!(
                "{} : {}",
                child_name(r, planned.booking.child),
                planned.booking.label()
            )
        });
        ui.label(
            RichText::new(text::creche::place_free_for(
                queue.iter().position(|q| *q == queued).map_or(0, |p| p + 1),
                &who,
                &what,
            ))
            .color(theme::OK),
        );
        if queued.parent == parent.id {
            if ui
                .add_enabled(
                    writable,
                    egui::Button::new(text::creche::CRECHE_PLACE_REQUEST),
                )
                .clicked()
                && queued.index < draft.creche.waiting.len()
            {
                draft.creche.waiting.remove(queued.index);
                draft.creche.bookings.push(planned.booking);
                changed = true;
            }
        } else if ui.button(text::creche::open_record(&who)).clicked() {
            out.push(Command::Select(queued.parent));
        }
    }
    changed
}
