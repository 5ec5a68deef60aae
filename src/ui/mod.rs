//! The egui window: `app` runs the frame loop; `tabs` and `windows` draw from a read-only
//! `ViewContext` and push `Command`s; `widgets` holds the shared form pieces, `theme` every
//! colour, size and spacing, `text` every string (ARCHITECTURE.md: "The window's shape").

mod app;
mod command;
mod context;
mod list;
mod tabs;
/// Every user-facing string of the window, by screen; public so that the tests find widgets
/// by the same words the window shows.
pub mod text;
mod theme;
mod views;
mod widgets;
mod windows;

use std::path::PathBuf;

use chrono::NaiveDate;

pub use app::{AppConfig, ParcoursApp};
pub use tabs::Tab;
pub use widgets::rome_picker;

use crate::model::{Beneficiary, Phase, format_date};

/// Opens the window on `data_dir` and runs until it is closed. `today` fixes the date the
/// window works with (the hidden `--today`, for tests); `None` follows the system's clock.
pub fn run(data_dir: PathBuf, today: Option<NaiveDate>) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(text::common::APP_TITLE)
            .with_inner_size([1200.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    eframe::run_native(
        text::common::APP_TITLE,
        options,
        Box::new(move |cc| {
            let app =
                ParcoursApp::new_loading_in_background(&cc.egui_ctx, AppConfig { data_dir, today });
            // The counsellor profile, asked at first start (`PARCOURS_CONFIG_DIR` overrides the
            // folder).
            Ok(Box::new(
                match crate::store::profile::default_config_dir() {
                    Some(config_dir) => app.with_profile_dir(config_dir),
                    None => app,
                },
            ))
        }),
    )
}

/// Status and dates of one phase, as read-only grid rows (shared by several tabs).
fn phase_rows(ui: &mut egui::Ui, record: &Beneficiary, phase: Phase) {
    let progress = record.pathway.phases.get(phase);
    widgets::info_row(ui, text::common::STATUS, progress.status.label());
    widgets::info_row(
        ui,
        text::common::START,
        &progress.started_on.map(format_date).unwrap_or_default(),
    );
    widgets::info_row(
        ui,
        text::common::END,
        &progress.ended_on.map(format_date).unwrap_or_default(),
    );
}
