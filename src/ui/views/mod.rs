//! The top-level views beside the list: "Accueil" (the day and what needs doing), "Agenda"
//! (day and week), "Bilans" (funders' indicators), and the record shown ("Fiche"). One is on
//! screen at a time, chosen in the bar above the central area (or by keyboard: Ctrl+Maj+A,
//! Ctrl+Maj+G, Ctrl+Maj+B); selecting a record shows the "Fiche".
//!
//! A view draws from the frame's [`ViewContext`] and pushes [`Command`]s, as tabs and windows
//! do; what it computes over every record it computes off the frame.

pub mod agenda;
pub mod home;
mod long_lines;
mod stats;

use egui::Ui;

use super::command::Command;
use super::context::ViewContext;

/// Which view the central area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MainView {
    /// The day: today's appointments and workshops, then what needs doing (at start).
    #[default]
    Home,
    /// Day and week views of appointments, workshops, interviews.
    Agenda,
    /// Funders' indicators.
    Stats,
    /// The record selected in the list.
    Record,
}

impl MainView {
    /// Every view, in the bar's order.
    pub const ALL: [Self; 4] = [Self::Home, Self::Agenda, Self::Stats, Self::Record];

    /// The bar's label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        use super::text::common as t;
        match self {
            Self::Home => t::VIEW_HOME,
            Self::Agenda => t::VIEW_AGENDA,
            Self::Stats => t::VIEW_STATS,
            Self::Record => t::VIEW_RECORD,
        }
    }

    /// The keyboard shortcut's letter (with Ctrl+Maj), `None` for the record.
    #[must_use]
    pub const fn key(self) -> Option<egui::Key> {
        match self {
            Self::Home => Some(egui::Key::A),
            Self::Agenda => Some(egui::Key::G),
            Self::Stats => Some(egui::Key::B),
            Self::Record => None,
        }
    }
}

/// A top-level view.
pub trait View {
    /// Draws the view in the central area.
    fn ui(&mut self, ui: &mut Ui, cx: &ViewContext<'_>, out: &mut Vec<Command>);
}

/// Every top-level view's state. A view is added here with its field and its arm in
/// [`Views::get_mut`]; the bar shows the views this returns.
#[derive(Default)]
pub struct Views {
    home: home::HomeView,
    agenda: agenda::AgendaView,
    /// "Bilans".
    stats: stats::StatsView,
}

impl Views {
    /// The view drawn for `view`; `None` for the record (drawn by the app's tabs).
    pub fn get_mut(&mut self, view: MainView) -> Option<&mut dyn View> {
        match view {
            MainView::Home => Some(&mut self.home),
            MainView::Agenda => Some(&mut self.agenda),
            MainView::Stats => Some(&mut self.stats),
            MainView::Record => None,
        }
    }
}
