//! Settings of a structure (an EDS office or an association), shared by everyone who uses the
//! same data directory.

use serde::{Deserialize, Serialize};

/// What a structure sets once: its name on printed documents, and the like.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The structure's name, printed in document headers (e.g. "EDS de Vitry-sur-Seine").
    pub structure_name: String,
}
