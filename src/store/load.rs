//! Reading a folder of records: every good file loads, every bad one is reported with its path
//! (and `line:column` where it applies) and is never touched.

use std::collections::HashMap;
use std::fmt;
use std::fs::{self, File};
use std::hash::Hash;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::codec::Codec;
use super::envelope::decode_with;
use crate::model::sync::Versions;

/// Largest record file read. A real record is a few kilobytes; anything far larger is damage
/// (or not ours), and reading it whole would stall start-up.
pub(crate) const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// One problem found while loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file concerned.
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a place in the text.
    pub location: Option<(usize, usize)>,
    /// What is wrong, in French.
    pub message: String,
}

impl fmt::Display for Problem {
    /// `path:line:column: message`, or `path: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some((line, column)) => {
                write!(
                    f,
                    "{}:{line}:{column}: {}",
                    self.path.display(),
                    self.message
                )
            }
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// What a folder held: the records that loaded, each with the file it came from, and the
/// problems.
pub(crate) struct Loaded<T> {
    pub records: Vec<(PathBuf, T)>,
    pub problems: Vec<Problem>,
    /// Files that exist but could not be read as records: never to be overwritten.
    pub unreadable: Vec<PathBuf>,
    /// Records found twice: (the file loaded, the other file, the other file's record).
    pub duplicates: Vec<(PathBuf, PathBuf, T)>,
    /// The stamps each loaded file carried (see `model::sync`): what this store read, the base
    /// of a record's compare-and-swap.
    pub stamps: HashMap<PathBuf, Versions>,
}

fn read_limited(path: &Path) -> Result<Vec<u8>, Problem> {
    let problem = |message: String| Problem {
        path: path.to_owned(),
        location: None,
        message,
    };
    let mut file = File::open(path).map_err(|e| problem(format!("lecture impossible : {e}")))?;
    let mut bytes = Vec::new();
    file.by_ref()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| problem(format!("lecture impossible : {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(problem(format!(
            "fichier trop volumineux (plus de {} Mo) : ce n'est pas une fiche, il est ignoré",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// Loads one file that must be a regular file holding a `T` (settings and the like).
pub(crate) fn load_file<T: DeserializeOwned>(codec: &Codec, path: &Path) -> Result<T, Problem> {
    load_file_with_stamps(codec, path).map(|(value, _)| value)
}

/// [`load_file`], with the stamps the file carries (see `model::sync`), from the same read.
pub(crate) fn load_file_with_stamps<T: DeserializeOwned>(
    codec: &Codec,
    path: &Path,
) -> Result<(T, Versions), Problem> {
    let problem = |message: String, location| Problem {
        path: path.to_owned(),
        location,
        message,
    };
    match fs::metadata(path) {
        Err(e) => return Err(problem(format!("inaccessible : {e}"), None)),
        Ok(meta) if !meta.is_file() => {
            return Err(problem("n'est pas un fichier ordinaire".to_owned(), None));
        }
        Ok(_) => {}
    }
    let bytes = read_limited(path)?;
    let plain = codec
        .plain(&bytes)
        .map_err(|message| problem(message, None))?;
    decode_with::<T>(&plain).map_err(|e| problem(e.message, e.location))
}

/// Reads one `*.ron` entry of a folder as a record. Folders or special files named `*.ron`, and
/// links that lead nowhere, are refused without being opened, so a FIFO or `/dev/zero` cannot
/// hang the load.
fn read_record<T: DeserializeOwned>(codec: &Codec, path: &Path) -> Result<(T, Versions), Problem> {
    let refuse = |message: String, location| Problem {
        path: path.to_owned(),
        location,
        message,
    };
    match fs::metadata(path) {
        Err(e) => {
            return Err(refuse(
                format!("inaccessible (lien cassé ou en boucle ?) : {e}"),
                None,
            ));
        }
        Ok(meta) if !meta.is_file() => {
            return Err(refuse(
                "n'est pas un fichier ordinaire : ignoré".to_owned(),
                None,
            ));
        }
        Ok(_) => {}
    }
    let bytes = read_limited(path).map_err(|problem| refuse(problem.message, None))?;
    let plain = codec
        .plain(&bytes)
        .map_err(|message| refuse(message, None))?;
    decode_with::<T>(&plain).map_err(|error| refuse(error.message, error.location))
}

/// Loads every `*.ron` file of `dir`. Other names (temporary files, notes, backups) are
/// skipped silently; folders or special files named `*.ron`, and links that lead nowhere, are
/// reported and skipped without being opened, so a FIFO or `/dev/zero` cannot hang the load.
pub(crate) fn load_folder<T, K>(codec: &Codec, dir: &Path, id_of: impl Fn(&T) -> K) -> Loaded<T>
where
    T: DeserializeOwned + Send,
    K: Eq + Hash + fmt::Display,
{
    load_folder_with_progress(codec, dir, id_of, &|_, _| {})
}

/// [`load_folder`], calling `progress(files_done, files_total)` after each file (from any
/// thread, in any order).
pub(crate) fn load_folder_with_progress<T, K>(
    codec: &Codec,
    dir: &Path,
    id_of: impl Fn(&T) -> K,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Loaded<T>
where
    T: DeserializeOwned + Send,
    K: Eq + Hash + fmt::Display,
{
    let mut loaded = Loaded {
        records: Vec::new(),
        problems: Vec::new(),
        unreadable: Vec::new(),
        duplicates: Vec::new(),
        stamps: HashMap::new(),
    };
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return loaded,
        Err(e) => {
            loaded.problems.push(Problem {
                path: dir.to_owned(),
                location: None,
                message: format!("dossier illisible : {e}"),
            });
            return loaded;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    paths.sort();

    // Reading and parsing are independent per file: spread over the cores (order kept, so the
    // outcome is the same as one file after the other).
    let total = paths.len();
    let done = AtomicUsize::new(0);
    let outcomes: Vec<Result<(PathBuf, T, Versions), Problem>> = paths
        .into_par_iter()
        .map(|path| {
            let outcome = read_record::<T>(codec, &path)
                .map(|(record, stamps)| (path.clone(), record, stamps));
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            outcome
        })
        .collect();
    let mut decoded: Vec<(PathBuf, T)> = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        match outcome {
            Ok((path, record, stamps)) => {
                loaded.stamps.insert(path.clone(), stamps);
                decoded.push((path, record));
            }
            Err(problem) => {
                loaded.unreadable.push(problem.path.clone());
                loaded.problems.push(problem);
            }
        }
    }

    // Two files holding the same record: what a sync tool leaves as a conflict copy. The file
    // named after the record (`<id>.ron`) is the one loaded; the other is reported, naming both.
    let canonical = |path: &Path, id: &K| {
        path.file_name()
            .is_some_and(|name| name.to_string_lossy() == format!("{id}.ron"))
    };
    decoded.sort_by_key(|(path, record)| !canonical(path, &id_of(record)));
    let mut seen: HashMap<K, PathBuf> = HashMap::new();
    for (path, record) in decoded {
        let id = id_of(&record);
        if let Some(kept) = seen.get(&id) {
            loaded.problems.push(Problem {
                path: path.clone(),
                location: None,
                message: format!(
                    "même fiche ({id}) que {} : copie en conflit ? Seule {} est chargée ; comparez les deux fichiers, puis déplacez ou supprimez celui-ci",
                    kept.display(),
                    kept.display()
                ),
            });
            loaded.unreadable.push(path.clone());
            loaded.duplicates.push((kept.clone(), path, record));
        } else {
            seen.insert(id, path.clone());
            loaded.records.push((path, record));
        }
    }
    loaded
}
