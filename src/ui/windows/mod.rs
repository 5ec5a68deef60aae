//! The windows opened over the main screen. Each implements [`Window`]: it keeps its own
//! state (open or not, a form in progress), reads the [`ViewContext`] and pushes
//! [`Command`]s.

pub(crate) mod companies;
pub(crate) mod conflict;
pub(crate) mod creche_settings;
pub(crate) mod protection;
pub(crate) mod settings;
pub(crate) mod workshops;

use super::command::Command;
use super::context::ViewContext;

/// A window over the main screen.
pub trait Window {
    /// Whether it is showing.
    fn is_open(&self) -> bool;
    /// Draws it when open; pushes what it asks for into `out`.
    fn show(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, out: &mut Vec<Command>);
}
