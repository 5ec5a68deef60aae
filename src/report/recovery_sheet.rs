//! The recovery key's sheet (#15): one A4 page printed once, when a data directory is
//! encrypted, to keep in the structure's safe. It carries the key twice — as text in large
//! fixed-width type, in groups of four, and as a QR code of the same text — and says in plain
//! French what the key opens, where to keep it, and that the data is lost for good if both the
//! passphrase and this key are lost. Besides the key, it names only the structure, the data
//! folder and the day the key was made.
//!
//! The QR code is computed here ([`qr_modules`], crate `qrcode`) and drawn by the template
//! itself, one black rectangle per run of dark modules: no image, no font. The window can draw
//! the same modules on screen.
//!
//! Parcours never stores the key nor this PDF: the caller renders it in memory and hands it to
//! the printer.

use std::borrow::Cow;

use chrono::NaiveDate;
use qrcode::{Color, EcLevel, QrCode, types::QrError};
use serde::Serialize;

use super::engine::{Engine, RenderError, Template};
use super::summary::long_date;

/// The template's file name.
pub const RECOVERY_SHEET_TEMPLATE_FILE: &str = "recovery_sheet.typ";

/// The command the sheet names for using the key without the window.
pub const RECOVERY_COMMAND: &str = "parcours recover";

/// The light modules around the code that a reader needs to find it (the standard's four).
pub const QR_QUIET_ZONE: usize = 4;

/// The recovery sheet's template embedded in the binary.
#[must_use]
pub fn recovery_sheet_template() -> Template {
    Template {
        file: RECOVERY_SHEET_TEMPLATE_FILE,
        source: Cow::Borrowed(include_str!("../../assets/typst/recovery_sheet.typ")),
    }
}

/// What the recovery sheet prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoverySheet {
    /// The structure's name (the settings'); a line to fill in by hand when empty.
    pub structure: String,
    /// The encrypted data folder's path, as the counsellor knows it.
    pub data_dir: String,
    /// The day the key was made.
    pub created: NaiveDate,
    /// The key as `RecoveryKey::to_text` writes it: `ABCD-EFGH-…`.
    pub key_text: String,
}

/// The template's data (see `assets/typst/recovery_sheet.typ`).
#[derive(Serialize)]
struct SheetData<'a> {
    structure: &'a str,
    data_dir: &'a str,
    created: String,
    /// The key's groups, in order ("ABCD", "EFGH"…), each printed in its own cells.
    groups: Vec<String>,
    /// The QR code's width in modules, quiet zone included.
    qr_size: usize,
    /// Each run of dark modules: row, first column, length.
    qr_runs: Vec<[usize; 3]>,
    command: &'static str,
}

/// Error correction Q (a quarter of the code may be stained or torn): the key still fits a
/// 29-module code.
const EC_LEVEL: EcLevel = EcLevel::Q;

/// The QR code of `text` as rows of modules, `true` for dark, **quiet zone included**
/// ([`QR_QUIET_ZONE`] light modules on every side): draw every module, light ones light, and
/// any reader finds it on any background. The same code as the printed sheet's.
///
/// # Errors
/// [`RenderError::Pdf`] when the text does not fit a QR code (thousands of characters; a
/// recovery key takes 39).
pub fn qr_modules(text: &str) -> Result<Vec<Vec<bool>>, RenderError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EC_LEVEL).map_err(|e| {
        RenderError::Pdf(vec![match e {
            QrError::DataTooLong => format!(
                "ce texte est trop long pour un code QR ({} caractères)",
                text.chars().count()
            ),
            _ => "ce texte ne peut pas être mis en code QR".to_owned(),
        }])
    })?;
    let width = code.width();
    let side = width + 2 * QR_QUIET_ZONE;
    let mut rows = vec![vec![false; side]; side];
    for (index, color) in code.to_colors().into_iter().enumerate() {
        let (y, x) = (index / width, index % width);
        if let Some(module) = rows
            .get_mut(y + QR_QUIET_ZONE)
            .and_then(|row| row.get_mut(x + QR_QUIET_ZONE))
        {
            *module = color == Color::Dark;
        }
    }
    Ok(rows)
}

/// Each horizontal run of dark modules as `[row, first column, length]`.
fn dark_runs(rows: &[Vec<bool>]) -> Vec<[usize; 3]> {
    let mut runs = Vec::new();
    for (y, row) in rows.iter().enumerate() {
        let mut start = None;
        for (x, &dark) in row.iter().chain(std::iter::once(&false)).enumerate() {
            match (dark, start) {
                (true, None) => start = Some(x),
                (false, Some(from)) => {
                    runs.push([y, from, x - from]);
                    start = None;
                }
                _ => {}
            }
        }
    }
    runs
}

/// The key's characters in groups of four, whatever dashes and spaces it was given with: the
/// printed text and the QR code are both these groups joined by dashes.
fn key_groups(key_text: &str) -> Vec<String> {
    let chars: Vec<char> = key_text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    chars
        .chunks(4)
        .map(|group| group.iter().collect())
        .collect()
}

/// The recovery sheet as PDF bytes: one A4 page, in French (see the module's documentation).
///
/// # Errors
/// [`RenderError`] when the key does not fit a QR code or the template fails (a bug).
pub fn render_recovery_sheet(sheet: &RecoverySheet) -> Result<Vec<u8>, RenderError> {
    let groups = key_groups(&sheet.key_text);
    let modules = qr_modules(&groups.join("-"))?;
    let data = SheetData {
        structure: sheet.structure.trim(),
        data_dir: sheet.data_dir.trim(),
        created: long_date(sheet.created),
        groups,
        qr_size: modules.len(),
        qr_runs: dark_runs(&modules),
        command: RECOVERY_COMMAND,
    };
    let engine = Engine::new([recovery_sheet_template()]);
    Ok(engine.render(RECOVERY_SHEET_TEMPLATE_FILE, &data)?.pdf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::dates::test_support::d;

    const KEY: &str = "K7QM-XW3P-ZT5A-RB2N-HC6D-VJ4E-GF7S-LU2Y";

    #[test]
    fn the_code_has_its_quiet_zone_and_finder_patterns() {
        let rows = qr_modules(KEY).unwrap();
        // Error correction Q: 39 alphanumeric characters take version 3, 29 modules.
        assert_eq!(rows.len(), 29 + 2 * QR_QUIET_ZONE);
        assert!(rows.iter().all(|row| row.len() == rows.len()));
        let q = QR_QUIET_ZONE;
        // Light all around.
        let inside = q..rows.len() - q;
        for (y, row) in rows.iter().enumerate() {
            for (x, &dark) in row.iter().enumerate() {
                if !inside.contains(&y) || !inside.contains(&x) {
                    assert!(!dark, "module {x}, {y} of the quiet zone");
                }
            }
        }
        // The top-left finder: a dark 7 × 7 ring around a light ring around a dark 3 × 3.
        let finder: Vec<bool> = (0..7).map(|x| rows[q + 1][q + x]).collect();
        assert_eq!(finder, [true, false, false, false, false, false, true]);
        assert!(rows[q + 3][q + 3]);
    }

    #[test]
    fn runs_cover_exactly_the_dark_modules() {
        let rows = qr_modules(KEY).unwrap();
        let mut redrawn = vec![vec![false; rows.len()]; rows.len()];
        for [y, x, len] in dark_runs(&rows) {
            for cell in &mut redrawn[y][x..x + len] {
                *cell = true;
            }
        }
        assert_eq!(redrawn, rows);
    }

    #[test]
    fn the_key_is_grouped_by_four_however_it_was_given() {
        let groups = [
            "K7QM", "XW3P", "ZT5A", "RB2N", "HC6D", "VJ4E", "GF7S", "LU2Y",
        ];
        assert_eq!(key_groups(KEY), groups);
        assert_eq!(key_groups(&KEY.replace('-', "")), groups);
        assert_eq!(
            key_groups(&format!(" {} ", KEY.replace('-', " - "))),
            groups
        );
    }

    #[test]
    fn too_long_a_text_is_an_error_in_french_not_a_panic() {
        let error = qr_modules(&"é".repeat(4000)).unwrap_err();
        assert!(error.to_string().contains("trop long pour un code QR"));
    }

    #[test]
    fn the_sheet_is_one_page_with_every_character_drawn() {
        let engine = Engine::new([recovery_sheet_template()]);
        let modules = qr_modules(KEY).unwrap();
        let data = SheetData {
            structure: "Association Élan – Vitry",
            data_dir: "/home/claire/Nextcloud/Parcours/données-de-l'association-avec-un-très-long-nom",
            created: long_date(d(2026, 11, 27)),
            groups: key_groups(KEY),
            qr_size: modules.len(),
            qr_runs: dark_runs(&modules),
            command: RECOVERY_COMMAND,
        };
        let rendered = engine.render(RECOVERY_SHEET_TEMPLATE_FILE, &data).unwrap();
        assert_eq!(rendered.page_count, 1);
        assert!(rendered.missing_chars.is_empty());
        assert!(rendered.warnings.is_empty(), "{:?}", rendered.warnings);
    }
}
