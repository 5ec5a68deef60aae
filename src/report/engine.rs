//! The document engine: Typst embedded as a library, with fonts compiled into the binary, turning
//! a template (`assets/typst/*.typ`) and a document's data (JSON) into PDF bytes.
//!
//! It knows nothing of summaries: the pathway summary, and later the CV and the crèche week,
//! each bring a [`Template`] and a serialisable value. The data reaches the template as a JSON
//! string in `sys.inputs.data` (the template decodes it with `json(bytes(sys.inputs.data))`),
//! so a structure can rework the layout in the `.typ` file alone.
//!
//! Fonts are never looked up on the machine: the same PDF comes out of every laptop. A
//! character that none of the embedded fonts can draw would print as an empty box; it is
//! reported in [`Rendered::missing_chars`] instead of passing unnoticed.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;
use typst::World;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Dict, IntoValue, Smart};
use typst::layout::{Frame, FrameItem};
use typst::text::Font;
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;

/// Compilations a memoised result survives without being used: enough to keep a warm
/// re-render of the same document fast, small enough to keep memory flat in a long session.
const CACHE_MAX_AGE: usize = 8;

/// The fonts every document can use, embedded in the binary. `DejaVu` Sans covers every Latin
/// script (Vietnamese, Turkish, Nordic, Serbian Latin…), Greek and Cyrillic.
fn embedded_fonts() -> Vec<Font> {
    [
        dejavu::sans::regular(),
        dejavu::sans::bold(),
        dejavu::sans::oblique(),
        dejavu::sans::bold_oblique(),
    ]
    .into_iter()
    .flat_map(|data| Font::iter(Bytes::new(data)))
    .collect()
}

/// A Typst template: its file name (how diagnostics name it) and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// File name, such as `summary.typ`.
    pub file: &'static str,
    /// The Typst source.
    pub source: Cow<'static, str>,
}

/// Why a document could not be made. Messages are in French, for the counsellor.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The engine was asked for a template it was not built with (a bug).
    #[error("Modèle de document inconnu : {0}.")]
    UnknownTemplate(String),
    /// The document's data could not be turned into JSON (a bug, never expected).
    #[error("Mise en forme des données du document impossible : {0}")]
    Data(#[from] serde_json::Error),
    /// The template does not compile with these data.
    #[error("Le modèle {file} contient une erreur : {}", .messages.join(" ; "))]
    Template {
        /// The template's file name.
        file: &'static str,
        /// Each error, with its line and column.
        messages: Vec<String>,
    },
    /// Typst could not write the PDF.
    #[error("Écriture du PDF impossible : {}", .0.join(" ; "))]
    Pdf(Vec<String>),
}

/// A finished PDF, with what the counsellor should know about it.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub page_count: usize,
    /// Characters that no embedded font can draw (printed as empty boxes), in code-point order.
    pub missing_chars: Vec<char>,
    /// Typst's warnings about the template (unknown font, …), with line and column.
    pub warnings: Vec<String>,
}

impl Rendered {
    /// A French warning to show beside the result, when there is something to say.
    #[must_use]
    pub fn warning_message(&self) -> Option<String> {
        let mut parts = Vec::new();
        if !self.missing_chars.is_empty() {
            let chars: Vec<String> = self
                .missing_chars
                .iter()
                .map(|&c| format!("« {c} » (U+{:04X})", u32::from(c)))
                .collect();
            parts.push(format!(
                "caractère(s) absent(s) des polices, imprimé(s) comme un carré vide : {}",
                chars.join(", ")
            ));
        }
        if !self.warnings.is_empty() {
            parts.push(format!(
                "avertissement(s) du modèle : {}",
                self.warnings.join(" ; ")
            ));
        }
        (!parts.is_empty()).then(|| format!("Attention : {}.", parts.join(" ; ")))
    }
}

/// Typst with the embedded fonts and a set of templates: build it once, render many times
/// (fonts are parsed once; Typst memoises layout between renders).
pub struct Engine {
    typst: TypstEngine,
    files: Vec<&'static str>,
    /// What each embedded font can draw, to report characters none of them has.
    coverage: Vec<Font>,
}

impl fmt::Debug for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Engine")
            .field("templates", &self.files)
            .field("fonts", &self.coverage.len())
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// An engine that can render the given templates.
    #[must_use]
    pub fn new(templates: impl IntoIterator<Item = Template>) -> Self {
        let templates: Vec<Template> = templates.into_iter().collect();
        let files = templates.iter().map(|t| t.file).collect();
        let fonts = embedded_fonts();
        let typst = TypstEngine::builder()
            .fonts(fonts.clone())
            .with_static_source_file_resolver(
                templates
                    .into_iter()
                    .map(|t| (t.file, t.source.into_owned())),
            )
            .build();
        Self {
            typst,
            files,
            coverage: fonts,
        }
    }

    /// Renders the template `file` with `data`, handed to it as JSON in `sys.inputs.data`.
    pub fn render<T: Serialize>(&self, file: &str, data: &T) -> Result<Rendered, RenderError> {
        let Some(&file) = self.files.iter().find(|&&f| f == file) else {
            return Err(RenderError::UnknownTemplate(file.to_owned()));
        };
        let json = serde_json::to_string(data)?;
        let mut inputs = Dict::new();
        inputs.insert("data".into(), json.as_str().into_value());

        let world = self
            .typst
            .world_builder(file)
            .with_inputs(inputs)
            .build()
            .map_err(|e| RenderError::Template {
                file,
                messages: vec![e.to_string()],
            })?;
        let compiled = typst::compile::<PagedDocument>(&world);
        let warnings = compiled
            .warnings
            .iter()
            .map(|d| located(&world, d))
            .collect();
        let document = compiled.output.map_err(|errors| RenderError::Template {
            file,
            messages: errors.iter().map(|d| located(&world, d)).collect(),
        })?;
        let options = typst_pdf::PdfOptions {
            creator: Smart::Custom(Some("Parcours".to_owned())),
            ..typst_pdf::PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| {
            RenderError::Pdf(errors.iter().map(|d| located(&world, d)).collect())
        })?;
        // Memoised results unused for a while are dropped (the engine may live for the
        // whole session).
        typst::comemo::evict(CACHE_MAX_AGE);

        let mut missing: BTreeSet<char> = json
            .chars()
            .filter(|&c| !c.is_control() && !self.covers(c))
            .collect();
        for page in document.pages() {
            collect_tofus(&page.frame, &mut missing);
        }
        Ok(Rendered {
            pdf,
            page_count: document.pages().len(),
            missing_chars: missing.into_iter().collect(),
            warnings,
        })
    }

    /// Whether one of the embedded fonts has a glyph for `c`.
    fn covers(&self, c: char) -> bool {
        self.coverage
            .iter()
            .any(|font| font.info().coverage.contains(u32::from(c)))
    }
}

/// A diagnostic as `file:line:column : message` (positions counted from 1).
fn located(world: &dyn World, diagnostic: &SourceDiagnostic) -> String {
    let kind = match diagnostic.severity {
        Severity::Error => "",
        Severity::Warning => "avertissement, ",
    };
    let position = diagnostic.span.id().and_then(|id| {
        let source = world.source(id).ok()?;
        let start = world.range(diagnostic.span)?.start;
        let (line, column) = source.lines().byte_to_line_column(start)?;
        Some(format!(
            "{}:{}:{}",
            id.vpath().get_without_slash(),
            line + 1,
            column + 1
        ))
    });
    match position {
        Some(position) => format!("{position} : {kind}{}", diagnostic.message),
        None => format!("{kind}{}", diagnostic.message),
    }
}

/// Characters Typst drew as "tofu" (glyph 0 of the last font tried): none of the fonts has them.
fn collect_tofus(frame: &Frame, missing: &mut BTreeSet<char>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => collect_tofus(&group.frame, missing),
            FrameItem::Text(text) => {
                for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                    if let Some(chars) = text.text.get(glyph.range()) {
                        missing.extend(chars.chars().filter(|c| !c.is_whitespace()));
                    }
                }
            }
            FrameItem::Shape(..)
            | FrameItem::Image(..)
            | FrameItem::Link(..)
            | FrameItem::Tag(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine(source: &'static str) -> Engine {
        Engine::new([Template {
            file: "test.typ",
            source: Cow::Borrowed(source),
        }])
    }

    #[derive(Serialize)]
    struct Data {
        name: &'static str,
    }

    const TEMPLATE: &str = "#let data = json(bytes(sys.inputs.data))\n#set text(font: \"DejaVu Sans\")\nBonjour #data.name";

    #[test]
    fn data_reach_the_template_and_a_pdf_comes_out() {
        let rendered = engine(TEMPLATE)
            .render(
                "test.typ",
                &Data {
                    name: "Đorđević"
                },
            )
            .unwrap();
        assert!(rendered.pdf.starts_with(b"%PDF-"));
        assert_eq!(rendered.page_count, 1);
        assert!(rendered.missing_chars.is_empty(), "{rendered:?}");
        assert_eq!(rendered.warning_message(), None);
    }

    #[test]
    fn characters_no_font_has_are_reported() {
        let rendered = engine(TEMPLATE)
            .render(
                "test.typ",
                &Data {
                    name: "李 Nguyễn"
                },
            )
            .unwrap();
        assert_eq!(rendered.missing_chars, vec!['李']);
        let message = rendered.warning_message().unwrap();
        assert!(message.contains("« 李 » (U+674E)"), "{message}");
    }

    #[test]
    fn characters_of_the_template_itself_are_checked_too() {
        let rendered = engine("#set text(font: \"DejaVu Sans\")\nClé 鍵")
            .render("test.typ", &Data { name: "" })
            .unwrap();
        assert_eq!(rendered.missing_chars, vec!['鍵']);
    }

    #[test]
    fn template_errors_name_the_line_and_column() {
        let error = engine("Bonjour\n#let x = (")
            .render("test.typ", &Data { name: "" })
            .unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("Le modèle test.typ contient une erreur : test.typ:2:"),
            "{message}"
        );
    }

    #[test]
    fn an_unknown_template_is_an_error() {
        let error = engine(TEMPLATE)
            .render("cv.typ", &Data { name: "" })
            .unwrap_err();
        assert!(matches!(error, RenderError::UnknownTemplate(_)));
    }
}
