//! The view's exports: "Exporter CSV…", "Exporter Excel…", "Imprimer / PDF…". A save dialog
//! asks where (the Documents folder is offered when no dialog could be shown), then a worker
//! thread renders and writes the file: the frame never waits on Typst or the disk.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use egui::{RichText, Ui};

use crate::model::stats::Report;
use crate::report::{StatsPdfMeta, save_pdf, stats_file_name, stats_files, stats_pdf};
use crate::ui::context::ViewContext;
use crate::ui::{text, theme};

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A CSV file that French Excel opens by double-click.
    Csv,
    /// An Excel workbook.
    Xlsx,
    /// The printed A4 report.
    Pdf,
}

impl Format {
    const ALL: [Self; 3] = [Self::Csv, Self::Xlsx, Self::Pdf];

    const fn button(self) -> &'static str {
        match self {
            Self::Csv => text::stats::EXPORT_CSV,
            Self::Xlsx => text::stats::EXPORT_XLSX,
            Self::Pdf => text::stats::EXPORT_PDF,
        }
    }

    const fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Pdf => "pdf",
        }
    }

    const fn filter(self) -> &'static str {
        match self {
            Self::Csv => text::stats::CSV_FILTER,
            Self::Xlsx => text::stats::XLSX_FILTER,
            Self::Pdf => text::common::PDF_FILTER,
        }
    }

    /// "le tableau CSV", for the message when nothing was saved.
    const fn what(self) -> &'static str {
        match self {
            Self::Csv => text::stats::THE_CSV,
            Self::Xlsx => text::stats::THE_XLSX,
            Self::Pdf => text::stats::THE_PDF,
        }
    }
}

/// The file's bytes for `report` (on the worker thread), through the report module's writers.
fn render(format: Format, report: &Report, meta: &StatsPdfMeta) -> Result<Vec<u8>, String> {
    match format {
        Format::Csv => Ok(stats_files::csv(report).into_bytes()),
        Format::Xlsx => stats_files::xlsx(
            report,
            &stats_files::ReportMeta {
                structure: meta.structure.clone(),
                extracted_on: meta.extracted_on,
            },
        )
        .map_err(|e| e.to_string()),
        Format::Pdf => stats_pdf(report, meta).map_err(|e| e.to_string()),
    }
}

/// The exports' state.
#[derive(Default)]
pub struct Exports {
    /// Where to write at the next frame: chosen in the dialog (or by a test).
    save_to: Option<(Format, PathBuf)>,
    /// Offered when the dialog gave nothing: a free name in the Documents folder.
    fallback: Option<(Format, PathBuf)>,
    /// The writing under way.
    writing: Option<Receiver<Result<PathBuf, String>>>,
    /// The last outcome, and whether it failed.
    status: Option<(String, bool)>,
}

impl Exports {
    /// The buttons, the Documents fallback, and what the last export became.
    pub fn ui(&mut self, ui: &mut Ui, report: Option<&Report>, cx: &ViewContext<'_>) {
        self.poll();
        let ready = report.is_some() && self.writing.is_none();
        ui.horizontal_wrapped(|ui| {
            for format in Format::ALL {
                if ui
                    .add_enabled(ready, egui::Button::new(format.button()))
                    .clicked()
                    && let Some(report) = report
                {
                    self.choose_file(format, report);
                }
            }
            if let Some((_, path)) = &self.fallback
                && ui
                    .add_enabled(ready, egui::Button::new(text::common::SAVE_IN_FALLBACK))
                    .on_hover_text(path.display().to_string())
                    .clicked()
            {
                self.save_to = self.fallback.take();
            }
        });
        if let Some(report) = report
            && self.writing.is_none()
            && let Some((format, path)) = self.save_to.take()
        {
            let meta = StatsPdfMeta {
                structure: cx.settings.structure_name.clone(),
                extracted_on: cx.today,
            };
            self.write(ui.ctx(), format, path, report.clone(), meta);
        }
        if self.writing.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(text::stats::WRITING);
            });
        } else if let Some((message, failed)) = &self.status {
            let colour = if *failed { theme::ERROR } else { theme::OK };
            ui.label(RichText::new(message).color(colour));
        }
    }

    /// Asks where to save; written at the next frame once chosen.
    fn choose_file(&mut self, format: Format, report: &Report) {
        let name = stats_file_name(report.period, format.extension());
        if let Some(path) = rfd::FileDialog::new()
            .set_title(format.button())
            .set_file_name(&name)
            .add_filter(format.filter(), &[format.extension()])
            .save_file()
        {
            self.save_to = Some((format, path));
        } else {
            // Cancelled, or no dialog could be shown (rfd cannot tell which): nothing saved,
            // and the Documents folder offered.
            self.dialog_gave_nothing(format, crate::report::fallback_folder().as_deref(), &name);
        }
    }

    /// The dialog gave no file: nothing written, and one click to write in `folder` offered.
    fn dialog_gave_nothing(&mut self, format: Format, folder: Option<&Path>, name: &str) {
        self.status = Some((text::common::no_file_chosen(format.what(), folder), true));
        self.fallback = folder.map(|folder| (format, crate::report::free_path(folder, name)));
    }

    /// Renders and writes on a worker thread.
    fn write(
        &mut self,
        ctx: &egui::Context,
        format: Format,
        path: PathBuf,
        report: Report,
        meta: StatsPdfMeta,
    ) {
        self.fallback = None;
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("stats-export".to_owned())
            .spawn(move || {
                let outcome = render(format, &report, &meta).and_then(|bytes| {
                    save_pdf(&path, &bytes)
                        .map(|()| path)
                        .map_err(|e| e.to_string())
                });
                let _ = sender.send(outcome);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.writing = Some(receiver),
            Err(error) => self.status = Some((error.to_string(), true)),
        }
    }

    /// Takes the outcome of the writing under way when it has arrived.
    fn poll(&mut self) {
        let Some(receiver) = &self.writing else {
            return;
        };
        let outcome = match receiver.try_recv() {
            Err(TryRecvError::Empty) => return,
            Ok(outcome) => outcome,
            Err(TryRecvError::Disconnected) => Err(text::stats::WRITE_FAILED.to_owned()),
        };
        self.writing = None;
        self.status = Some(match outcome {
            Ok(path) => (text::stats::exported(&path), false),
            Err(message) => (message, true),
        });
    }
}

#[cfg(test)]
mod tests {
    //! "Imprimer / PDF…" when the save dialog gives nothing: nothing written, the Documents
    //! folder offered, and one click writes the report there, off the frame, beside (never
    //! over) a file of the same name.

    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::{Exports, Format};
    use crate::model::creche::CrecheSettings;
    use crate::model::record::Settings;
    use crate::model::record::dates::test_support::d;
    use crate::model::stats::{Cell, Period, Report, Row, Scope, Table};
    use crate::report::stats_file_name;
    use crate::ui::context::ViewContext;
    use crate::ui::text;

    fn report() -> Report {
        Report {
            period: Period {
                from: d(2026, 1, 1),
                to: d(2026, 12, 31),
            },
            scope: Scope::All,
            threshold: 5,
            refused_statistics: 0,
            tables: vec![Table {
                key: "people_by_sex",
                title: "Répartition par sexe".into(),
                source: String::new(),
                columns: vec!["Personnes suivies".into()],
                rows: vec![
                    Row {
                        label: "Femmes".into(),
                        cells: vec![Cell::People(12)],
                    },
                    Row {
                        label: "Hommes".into(),
                        cells: vec![Cell::Hidden],
                    },
                ],
            }],
            series: Vec::new(),
        }
    }

    fn exports() -> Harness<'static, Exports> {
        let settings = Settings::default();
        let creche = CrecheSettings::default();
        let report = report();
        let records = crate::ui::context::Records::default();
        Harness::builder()
            .with_size(egui::vec2(1000.0, 300.0))
            .build_ui_state(
                move |ui, exports: &mut Exports| {
                    let cx = ViewContext {
                        records: &records,
                        companies: &[],
                        workshops: &[],
                        partners: &[],
                        settings: &settings,
                        creche: &creche,
                        revision: 0,
                        conflicts: &[],
                        today: d(2026, 11, 27),
                        writable: true,
                        shown: None,
                        counsellor: None,
                    };
                    exports.ui(ui, Some(&report), &cx);
                },
                Exports::default(),
            )
    }

    #[test]
    fn the_documents_folder_receives_the_pdf_beside_a_file_of_the_same_name() {
        let folder = tempfile::tempdir().unwrap();
        let name = stats_file_name(report().period, "pdf");
        std::fs::write(folder.path().join(&name), b"earlier").unwrap();
        let mut harness = exports();
        harness.run();
        harness
            .state_mut()
            .dialog_gave_nothing(Format::Pdf, Some(folder.path()), &name);
        harness.run();
        harness.get_by_label(&text::common::no_file_chosen(
            text::stats::THE_PDF,
            Some(folder.path()),
        ));
        harness.get_by_label(text::common::SAVE_IN_FALLBACK).click();
        let written = folder.path().join("bilan_2026-01-01_2026-12-31 (2).pdf");
        let done = text::stats::exported(&written);
        for _ in 0..1000 {
            harness.step();
            if harness.query_by_label(&done).is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        harness.get_by_label(&done);
        assert!(std::fs::read(&written).unwrap().starts_with(b"%PDF-"));
        assert_eq!(
            std::fs::read(folder.path().join(&name)).unwrap(),
            b"earlier"
        );
        assert!(
            harness
                .query_by_label(text::common::SAVE_IN_FALLBACK)
                .is_none()
        );
    }

    #[test]
    fn the_csv_and_the_workbook_are_written_through_the_report_writers() {
        for (format, start) in [
            (Format::Csv, "\u{feff}".as_bytes()),
            (Format::Xlsx, b"PK".as_slice()),
        ] {
            let folder = tempfile::tempdir().unwrap();
            let name = stats_file_name(report().period, format.extension());
            let mut harness = exports();
            harness.run();
            harness
                .state_mut()
                .dialog_gave_nothing(format, Some(folder.path()), &name);
            harness.run();
            harness.get_by_label(text::common::SAVE_IN_FALLBACK).click();
            let written = folder.path().join(&name);
            let done = text::stats::exported(&written);
            for _ in 0..1000 {
                harness.step();
                if harness.query_by_label(&done).is_some() {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            harness.get_by_label(&done);
            let bytes = std::fs::read(&written).unwrap();
            assert!(bytes.starts_with(start), "{format:?}");
        }
    }
}
