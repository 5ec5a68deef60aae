//! A file chosen to be imported (a companies' CSV export), read with the same limits from the
//! window and the command line: a regular file, small enough to be a list of companies.

use std::path::{Path, PathBuf};

/// Largest CSV file imported: a directory of several thousand companies is far smaller.
const MAX_IMPORT_BYTES: u64 = 4 * 1024 * 1024;

/// A file to import that cannot be read, and why (in French).
#[derive(Debug, thiserror::Error)]
#[error("fichier {} illisible : {reason}", .path.display())]
pub struct ImportFileError {
    /// The file.
    pub path: PathBuf,
    /// Why.
    pub reason: String,
}

/// Reads a CSV file to import, refusing what is not a regular file or is too large.
pub fn read_import_file(path: &Path) -> Result<Vec<u8>, ImportFileError> {
    let error = |reason: String| ImportFileError {
        path: path.to_owned(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| error(e.to_string()))?;
    if !meta.is_file() {
        return Err(error("ce n'est pas un fichier ordinaire".to_owned()));
    }
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(error(format!(
            "plus de {} Mo : ce n'est pas une liste d'entreprises",
            MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    std::fs::read(path).map_err(|e| error(e.to_string()))
}
