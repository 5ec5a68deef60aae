//! Printed documents: the pathway summary as plain data, its PDF made with Typst embedded as a
//! library, and the hand-over of a PDF to a file, the printer or the system's viewer.
//!
//! - `engine`: Typst with the embedded fonts; template + JSON data → PDF bytes, and the report
//!   of characters no font can draw. It knows no document in particular, so the CV and the
//!   crèche week will use it as the summary does.

mod engine;

pub use engine::{Engine, RenderError, Rendered, Template};
