//! Printed documents: the pathway summary as plain data, its PDF made with Typst embedded as a
//! library, and the hand-over of a PDF to a file, the printer or the system's viewer.
//!
//! - `summary`: the summary model, built from a record, the settings, the counsellor's ticks
//!   and the date (no egui, no file system): the "Synthèse" tab previews it, the PDF prints it.
//! - `engine`: Typst with the embedded fonts; template + JSON data → PDF bytes, and the report
//!   of characters no font can draw. It knows no document in particular, so the CV and the
//!   crèche week will use it as the summary does.
//! - `summary_pdf`: the summary's template (`assets/typst/summary.typ`) and file names.
//! - `creche_week`: the micro-crèche's week planning (grid, occupancy, children per day) and its
//!   template (`assets/typst/creche_week.typ`).
//! - `output`: save, print (`lp` where a print system exists) or open in the viewer.
//! - `cv_pdf`: the CV (phase 2) as a document and its template (`assets/typst/cv.typ`).
//! - `notice_pdf`: the information notice and consent form (`assets/typst/notice.typ`).
//! - `convocation`: the convocation letter for an appointment or a workshop, placed for a DL
//!   window envelope (`assets/typst/convocation.typ`).
//! - `ics`: the calendar export (RFC 5545) of appointments and workshops, written by hand.
//! - `day_sheet`: a day's appointments with the people's phone numbers, to call them the day
//!   before (`assets/typst/day_sheet.typ`).
//! - `stats_pdf`: the funders' report on A4, charts included (`assets/typst/stats.typ`).
//! - `stats_files`: a funders' report (`model::stats`) as CSV and XLSX.
//! - `recovery_sheet`: the encryption's recovery key on one A4 page, as text and QR code
//!   (`assets/typst/recovery_sheet.typ`), printed once at set-up (#15).

mod convocation;
mod creche_week;
mod cv_pdf;
mod day_sheet;
mod engine;
pub mod export;
mod ics;
mod notice_pdf;
mod output;
mod recovery_sheet;
pub mod stats_files;
mod stats_pdf;
mod summary;
mod summary_pdf;

pub use convocation::{
    CONVOCATION_TEMPLATE_FILE, ConvocationDocument, WINDOW_MM, convocation_file_name,
    convocation_pdf, convocation_template, letter_date, letter_duration, letter_time,
    render_convocation, workshop_convocation_pdf,
};
pub use creche_week::{
    CRECHE_WEEK_TEMPLATE_FILE, CrecheWeek, DayChildren, WeekCell, WeekDay, WeekRow,
    creche_week_template, render_creche_week,
};
pub use cv_pdf::{CV_TEMPLATE_FILE, CvDocument, CvSection, cv_file_name, cv_template, render_cv};
pub use day_sheet::{
    DAY_SHEET_TEMPLATE_FILE, DaySheet, DaySheetRow, day_sheet_pdf, day_sheet_template,
    render_day_sheet,
};
pub use engine::{Engine, RenderError, Rendered, Template};
pub use ics::{
    CalendarEvent, TIME_ZONE, appointment_event, calendar_events, calendar_ics, escape_text,
    initials, workshop_event,
};
pub use notice_pdf::{
    NOTICE_TEMPLATE_FILE, NoticeDocument, NoticePurpose, notice_file_name, notice_template,
    render_notice,
};
pub use output::{
    Delivery, OutputError, PRINT_SHORTCUT, PRINT_TIMEOUT, fallback_folder, free_path, open_pdf,
    print_pdf, save_pdf,
};
pub use recovery_sheet::{
    QR_QUIET_ZONE, RECOVERY_COMMAND, RECOVERY_SHEET_TEMPLATE_FILE, RecoverySheet, qr_modules,
    recovery_sheet_template, render_recovery_sheet,
};
pub use stats_pdf::{
    STATS_TEMPLATE_FILE, StatsPdfMeta, cell_text, distribution_rows, french_number,
    is_distribution, month_name, month_text, period_text, refused_text, scope_text,
    stats_file_name, stats_pdf, stats_template, threshold_text,
};
pub use summary::{
    Confidential, NOT_PROVIDED, Section, Signature, Summary, SummaryOptions, SummaryRow,
    SummarySection, long_date,
};
pub use summary_pdf::{
    SUMMARY_TEMPLATE_FILE, render_summary, summary_file_name, summary_template,
    summary_template_from,
};
