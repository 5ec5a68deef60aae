//! Loading the records off the UI thread: with thousands of files the window would otherwise
//! stay blank for a second or two. The store moves into a loading thread, reports how many
//! files it has read, and comes back with the load report; meanwhile the window draws a
//! progress bar and stays responsive (it can be moved, resized or closed).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use egui::{ProgressBar, RichText, Ui};

use crate::store::{LoadReport, Store};
use crate::ui::{text, theme};

/// Repaint the window every so many files read: often enough for a smooth bar, rarely
/// enough not to cost anything.
const REPAINT_EVERY_FILES: usize = 50;

/// A load in progress.
pub struct Loading {
    thread: Option<JoinHandle<(Store, LoadReport)>>,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
}

impl Loading {
    /// Starts loading `store`'s records on a thread of its own.
    pub fn start(mut store: Store, ctx: &egui::Context) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let (thread_done, thread_total, ctx) = (done.clone(), total.clone(), ctx.clone());
        let thread = std::thread::spawn(move || {
            let report = store.load_with_progress(&|files_done, files_total| {
                thread_total.store(files_total, Ordering::Relaxed);
                thread_done.fetch_max(files_done, Ordering::Relaxed);
                if files_done % REPAINT_EVERY_FILES == 0 {
                    ctx.request_repaint();
                }
            });
            ctx.request_repaint();
            (store, report)
        });
        Self {
            thread: Some(thread),
            done,
            total,
        }
    }

    /// The store and its report once the load is over (`None` while it runs). A load thread
    /// that panicked gives `Err` (the caller loads again on its own thread, which reports).
    pub fn finished(&mut self) -> Option<Result<(Store, LoadReport), ()>> {
        if !self.thread.as_ref()?.is_finished() {
            return None;
        }
        let thread = self.thread.take()?;
        Some(thread.join().map_err(|_| ()))
    }

    /// The progress bar shown instead of the list while loading.
    pub fn ui(&self, ui: &mut Ui) {
        progress_screen(
            ui,
            text::app::LOADING,
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        );
    }
}

/// A long piece of work's screen, shown instead of the window's content: its title and a bar
/// of `done / total` files, drawn again while a thread works (even between its repaint
/// requests).
pub(super) fn progress_screen(ui: &mut Ui, title: &str, done: usize, total: usize) {
    ui.add_space(theme::SECTION_GAP * 4.0);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new(title).heading());
        ui.add_space(theme::SECTION_GAP);
        #[allow(clippy::cast_precision_loss)] // counts of files: far below 2^52
        let fraction = if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        };
        ui.add(
            ProgressBar::new(fraction)
                .desired_width(360.0)
                .text(format!("{done} / {total}")),
        );
    });
    ui.ctx()
        .request_repaint_after(std::time::Duration::from_millis(100));
}
