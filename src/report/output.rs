//! Handing a finished PDF over: saving it where the counsellor chose, sending it to the default
//! printer, or opening it in the system's PDF viewer so the person can press Ctrl+P (⌘P).
//!
//! The path per platform:
//! - **Linux and macOS**: `lp` (CUPS, present on every macOS and on most Linux desktops) sends
//!   the file to the default printer. When `lp` is missing, no default printer is set, the
//!   scheduler is not running or nothing answers within [`PRINT_TIMEOUT`], the PDF opens in the
//!   viewer instead (`xdg-open` / `open`, through the `open` crate) and the reason is given.
//! - **Windows**: there is no `lp`, and the shell's "print" verb depends on which PDF viewer is
//!   installed (and prints silently, or not at all, with some): the PDF opens in the default
//!   viewer, whose Ctrl+P shows the printer the person knows.
//!
//! Files handed to the printer or the viewer are private temporary files (mode 0600 on Unix)
//! named without any personal data; those left for a viewer are removed a day later.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The viewer's print shortcut, as the person's keyboard shows it.
pub const PRINT_SHORTCUT: &str = if cfg!(target_os = "macos") {
    "⌘P"
} else {
    "Ctrl+P"
};
/// How long `lp` may take to accept a job before the viewer is opened instead.
pub const PRINT_TIMEOUT: Duration = Duration::from_secs(20);
/// Prefix of the temporary files this module writes.
const TEMP_PREFIX: &str = "parcours-impression-";
/// Age after which a temporary file left for a viewer is removed.
const STALE_AFTER: Duration = Duration::from_hours(24);

/// What became of a document sent to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// The default printer accepted it.
    Printed {
        /// The print system's job identifier (`HP-LaserJet-42`), when it gave one.
        job: Option<String>,
    },
    /// It opened in the PDF viewer instead.
    Opened {
        /// Why it could not go to the printer directly, in French.
        reason: String,
    },
}

impl fmt::Display for Delivery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Printed { job: Some(job) } => write!(
                f,
                "Document envoyé à l'imprimante par défaut (travail {job})."
            ),
            Self::Printed { job: None } => {
                write!(f, "Document envoyé à l'imprimante par défaut.")
            }
            Self::Opened { reason } => write!(
                f,
                "Impression directe impossible ({reason}) : le PDF est ouvert dans la visionneuse, imprimez-le avec {PRINT_SHORTCUT}."
            ),
        }
    }
}

/// Why a PDF could not be saved, printed or shown. Messages in French.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The file could not be written.
    #[error("Écriture de {} impossible : {source}", .path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// The temporary file for the printer or the viewer could not be written.
    #[error("Fichier temporaire impossible à écrire : {0}")]
    TempFile(io::Error),
    /// No printer took the document, and no viewer could be opened. The system's error stays
    /// the error's `source` (for a developer), never in the counsellor's message: it is the
    /// launcher's own text (`Launcher "gio" … ExitStatus(…)`).
    #[error(
        "Impression impossible ({reason}) et aucune visionneuse PDF n'a pu s'ouvrir sur ce poste : utilisez « Enregistrer en PDF… » puis ouvrez le fichier enregistré."
    )]
    NoViewer {
        /// Why the printer did not take it.
        reason: String,
        /// Why the viewer did not open.
        source: io::Error,
    },
}

/// The folder a document goes to when no save dialog could be shown (a Linux desktop without
/// a file-chooser portal, a locked-down session): the user's Documents folder, else their home.
#[must_use]
pub fn fallback_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    Some(
        dirs.document_dir()
            .map_or_else(|| dirs.home_dir().to_owned(), Path::to_owned),
    )
}

/// `name` in `folder`, or `name (2)`, `name (3)`… when taken: a fallback save never replaces a
/// document the counsellor did not choose to replace.
#[must_use]
pub fn free_path(folder: &Path, name: &str) -> PathBuf {
    let candidate = folder.join(name);
    if !candidate.exists() {
        return candidate;
    }
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    (2..10_000)
        .map(|n| {
            if extension.is_empty() {
                folder.join(format!("{stem} ({n})"))
            } else {
                folder.join(format!("{stem} ({n}).{extension}"))
            }
        })
        .find(|path| !path.exists())
        .unwrap_or(candidate)
}

/// Writes a PDF at `path`, atomically: a temporary file in the same folder renamed over it, so
/// that an interrupted export never leaves half a document under the expected name.
pub fn save_pdf(path: &Path, pdf: &[u8]) -> Result<(), OutputError> {
    let error = |source| OutputError::Write {
        path: path.to_owned(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".parcours-")
        .suffix(".pdf.tmp")
        .tempfile_in(folder)
        .map_err(error)?;
    file.write_all(pdf).map_err(error)?;
    file.as_file().sync_all().map_err(error)?;
    file.persist(path).map_err(|e| error(e.error))?;
    Ok(())
}

/// Sends a PDF to the default printer, or opens it in the viewer where that is impossible.
pub fn print_pdf(pdf: &[u8]) -> Result<Delivery, OutputError> {
    remove_stale_temp_files();
    let file = temp_pdf(pdf)?;
    let reason = match send_to_printer(file.path()) {
        Ok(job) => return Ok(Delivery::Printed { job }),
        Err(reason) => reason,
    };
    match show(file) {
        Ok(_) => Ok(Delivery::Opened { reason }),
        Err(source) => Err(OutputError::NoViewer { reason, source }),
    }
}

/// Opens a PDF in the system's viewer (to check it before printing); returns the file shown.
pub fn open_pdf(pdf: &[u8]) -> Result<PathBuf, OutputError> {
    remove_stale_temp_files();
    let file = temp_pdf(pdf)?;
    show(file).map_err(|source| OutputError::NoViewer {
        reason: "vérification demandée".to_owned(),
        source,
    })
}

fn temp_pdf(pdf: &[u8]) -> Result<tempfile::NamedTempFile, OutputError> {
    let mut file = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".pdf")
        .tempfile()
        .map_err(OutputError::TempFile)?;
    file.write_all(pdf).map_err(OutputError::TempFile)?;
    file.flush().map_err(OutputError::TempFile)?;
    Ok(file)
}

/// Opens the file in the viewer, without waiting for it; the file is kept for the viewer to
/// read (removed a day later by [`remove_stale_temp_files`]).
fn show(file: tempfile::NamedTempFile) -> io::Result<PathBuf> {
    let path = file.into_temp_path().keep().map_err(|e| e.error)?;
    match open::that_detached(&path) {
        Ok(()) => Ok(path),
        Err(error) => {
            // Nobody will read it: do not leave personal data behind.
            let _ = std::fs::remove_file(&path);
            Err(error)
        }
    }
}

/// Removes temporary PDFs older than a day (best effort: another session may be using them).
fn remove_stale_temp_files() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let is_pdf = Path::new(name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
        if !name.starts_with(TEMP_PREFIX) || !is_pdf {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Hands the file to `lp`; `Ok` with the job id, or `Err` with the reason in French.
#[cfg(unix)]
fn send_to_printer(path: &Path) -> Result<Option<String>, String> {
    run_lp("lp", path, PRINT_TIMEOUT)
}

/// Windows has no `lp`: the viewer's own print dialog is the reliable path.
#[cfg(not(unix))]
fn send_to_printer(_path: &Path) -> Result<Option<String>, String> {
    Err("pas d'impression directe sous Windows".to_owned())
}

/// Runs `program -- path` (an `lp`), waiting at most `timeout`.
#[cfg(unix)]
fn run_lp(program: &str, path: &Path, timeout: Duration) -> Result<Option<String>, String> {
    use std::io::Read;
    use std::process::{Command, Stdio};

    let mut child = Command::new(program)
        .arg("--")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => {
                "aucun système d'impression installé (commande lp introuvable)".to_owned()
            }
            _ => format!("lp n'a pas pu être lancé : {e}"),
        })?;
    let started = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() < timeout => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err("le système d'impression ne répond pas".to_owned());
            }
            Err(e) => return Err(format!("lp : {e}")),
        }
    };
    let mut stdout = String::new();
    let mut stderr = String::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_string(&mut stdout);
    }
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    if status.success() {
        Ok(job_id(&stdout))
    } else {
        let message = stderr.trim();
        Err(if message.is_empty() {
            format!("lp a échoué ({status})")
        } else {
            message.to_owned()
        })
    }
}

/// The job id in `lp`'s answer: "request id is HP-LaserJet-42 (1 file(s))".
fn job_id(lp_stdout: &str) -> Option<String> {
    let rest = lp_stdout.trim().strip_prefix("request id is ")?;
    let id = rest.split_whitespace().next()?;
    Some(id.to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_fallback_save_never_takes_an_existing_name() {
        let dir = tempfile::tempdir().unwrap();
        let first = super::free_path(dir.path(), "synthese_Diallo.pdf");
        assert_eq!(first, dir.path().join("synthese_Diallo.pdf"));
        std::fs::write(&first, b"x").unwrap();
        let second = super::free_path(dir.path(), "synthese_Diallo.pdf");
        assert_eq!(second, dir.path().join("synthese_Diallo (2).pdf"));
    }

    use super::*;

    #[test]
    fn a_missing_viewer_is_told_without_the_launcher_s_text() {
        let error = OutputError::NoViewer {
            reason: "aucune imprimante par défaut".to_owned(),
            source: io::Error::other(
                "Launcher \"gio\" \"open\" \"/tmp/x.pdf\" failed with ExitStatus(unix_wait_status(512))",
            ),
        };
        let message = error.to_string();
        assert!(!message.contains("Launcher"), "{message}");
        assert!(!message.contains("ExitStatus"), "{message}");
        assert!(message.contains("Enregistrer en PDF"), "{message}");
    }

    #[test]
    fn the_job_id_is_read_from_lp() {
        assert_eq!(
            job_id("request id is HP-LaserJet-42 (1 file(s))\n").as_deref(),
            Some("HP-LaserJet-42")
        );
        assert_eq!(job_id(""), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_missing_print_system_is_a_reason_not_a_failure() {
        let reason = run_lp(
            "parcours-no-such-lp",
            Path::new("x.pdf"),
            Duration::from_secs(1),
        )
        .unwrap_err();
        assert_eq!(
            reason,
            "aucun système d'impression installé (commande lp introuvable)"
        );
        // `false` stands for an lp that refuses the job (no default printer…).
        let reason = run_lp("false", Path::new("x.pdf"), Duration::from_secs(5)).unwrap_err();
        assert!(reason.starts_with("lp a échoué"), "{reason}");
        // `true` for one that accepts it without saying which job it became.
        assert_eq!(
            run_lp("true", Path::new("x.pdf"), Duration::from_secs(5)),
            Ok(None)
        );
    }

    #[test]
    fn saving_replaces_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("synthèse.pdf");
        std::fs::write(&path, b"old").unwrap();
        save_pdf(&path, b"%PDF-new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-new");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file left behind");
        let error = save_pdf(&dir.path().join("absent/x.pdf"), b"%PDF").unwrap_err();
        assert!(error.to_string().starts_with("Écriture de "), "{error}");
    }

    #[test]
    fn deliveries_say_what_happened_in_french() {
        let opened = Delivery::Opened {
            reason: "aucune imprimante par défaut".into(),
        };
        assert_eq!(
            opened.to_string(),
            format!(
                "Impression directe impossible (aucune imprimante par défaut) : le PDF est ouvert dans la visionneuse, imprimez-le avec {PRINT_SHORTCUT}."
            )
        );
    }
}
