//! `parcours encrypt`, `parcours decrypt --out DIR`, `parcours passphrase`, and the passphrase
//! every command asks for when the data directory is encrypted.
//!
//! The passphrase is read from the file named by `PARCOURS_PASSPHRASE_FILE` (scripts; its
//! first line, the end of line removed), else typed at a terminal prompt that does not echo;
//! never from an argument (it would show in the shell's history and the process list).

use std::io::{IsTerminal, Write};
use std::path::Path;

use zeroize::Zeroizing;

use super::{CliError, Outcome};
use crate::store::crypto::{DataKey, MIN_PASSPHRASE_CHARS, passphrase_problem};
use crate::store::vault::{self, Attempts, Costs, VaultState};
use crate::store::{Access, Store};

/// Environment variable naming a file that holds the passphrase (first line).
pub const PASSPHRASE_FILE_ENV: &str = "PARCOURS_PASSPHRASE_FILE";

/// Attempts at a terminal before the command gives up.
const TERMINAL_ATTEMPTS: u32 = 3;

/// Where the passphrase comes from.
enum Source {
    /// The first line of a file.
    File(std::path::PathBuf),
    /// Typed at the terminal.
    Terminal,
}

fn source() -> Result<Source, CliError> {
    if let Some(path) = std::env::var_os(PASSPHRASE_FILE_ENV) {
        return Ok(Source::File(path.into()));
    }
    if std::io::stdin().is_terminal() {
        Ok(Source::Terminal)
    } else {
        Err(CliError::Passphrase(format!(
            "ce dossier de données est chiffré : tapez la phrase de passe dans un terminal, ou \
             donnez un fichier qui la contient dans la variable {PASSPHRASE_FILE_ENV}"
        )))
    }
}

fn from_file(path: &Path) -> Result<Zeroizing<String>, CliError> {
    let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
        CliError::Passphrase(format!(
            "fichier de phrase de passe {} illisible : {e}",
            path.display()
        ))
    })?);
    let line = text.lines().next().unwrap_or_default();
    Ok(Zeroizing::new(line.to_owned()))
}

fn prompt(question: &str) -> Result<Zeroizing<String>, CliError> {
    rpassword::prompt_password(question)
        .map(Zeroizing::new)
        .map_err(|e| {
            CliError::Passphrase(format!("lecture de la phrase de passe impossible : {e}"))
        })
}

/// The data key of `data_dir`, asking for its passphrase; `None` when it is not encrypted.
pub(super) fn key_for(data_dir: &Path) -> Result<Option<DataKey>, CliError> {
    if vault::state(data_dir) == VaultState::Clear {
        return Ok(None);
    }
    unlock(data_dir).map(|(key, _)| Some(key))
}

/// The data key and the passphrase that opened it.
fn unlock(data_dir: &Path) -> Result<(DataKey, Zeroizing<String>), CliError> {
    match source()? {
        Source::File(path) => {
            let passphrase = from_file(&path)?;
            let key = vault::unlock(data_dir, &passphrase)?;
            Ok((key, passphrase))
        }
        Source::Terminal => {
            let mut attempts = Attempts::default();
            let start = std::time::Instant::now();
            loop {
                let now = start.elapsed().as_secs();
                if let Some(wait) = attempts.wait(now) {
                    std::thread::sleep(wait);
                }
                let passphrase = prompt("Phrase de passe du dossier de données : ")?;
                match vault::unlock(data_dir, &passphrase) {
                    Ok(key) => return Ok((key, passphrase)),
                    Err(crate::store::StoreError::Crypto(e))
                        if attempts.failures() + 1 < TERMINAL_ATTEMPTS =>
                    {
                        eprintln!("{e}.");
                        attempts.failed(start.elapsed().as_secs());
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        }
    }
}

/// A new passphrase: from the file, or typed twice.
fn new_passphrase(question: &str) -> Result<Zeroizing<String>, CliError> {
    let passphrase = match source()? {
        Source::File(path) => from_file(&path)?,
        Source::Terminal => {
            eprintln!(
                "Choisissez une phrase de passe d'au moins {MIN_PASSPHRASE_CHARS} caractères : \
                 plusieurs mots faciles à retenir, que personne ne devine."
            );
            let first = prompt(question)?;
            let second = prompt("La même, une seconde fois : ")?;
            if first != second {
                return Err(CliError::Passphrase(
                    "les deux phrases de passe diffèrent : rien n'a été modifié".to_owned(),
                ));
            }
            first
        }
    };
    if let Some(problem) = passphrase_problem(&passphrase) {
        return Err(CliError::Passphrase(problem));
    }
    Ok(passphrase)
}

/// `parcours encrypt`: converts the directory in place (or finishes an interrupted
/// conversion), then prints the recovery key once.
pub(super) fn encrypt(
    data_dir: &Path,
    recovery_pdf: Option<&Path>,
    today: chrono::NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    if !data_dir.is_dir() {
        return Err(CliError::MissingDataDir(data_dir.to_owned()));
    }
    let (mut store, passphrase) = match vault::state(data_dir) {
        VaultState::Encrypted => {
            return Err(CliError::Passphrase(format!(
                "le dossier {} est déjà chiffré (pour changer la phrase de passe : parcours passphrase)",
                data_dir.display()
            )));
        }
        VaultState::Clear => {
            let passphrase = new_passphrase("Nouvelle phrase de passe : ")?;
            (super::open_writer(data_dir)?, passphrase)
        }
        VaultState::Interrupted => {
            let (key, passphrase) = unlock(data_dir)?;
            let store = Store::open_with_key(data_dir, Access::ReadWrite, Some(key))?;
            (super::with_profile(store), passphrase)
        }
    };
    let recovery = store.encrypt(&passphrase, Costs::default(), &|_, _| {})?;
    let key_text = recovery.to_text();
    if let Some(path) = recovery_pdf {
        write_sheet(&mut store, &key_text, today, path)?;
    }
    writeln!(
        out,
        "Dossier {} chiffré.\n\nClé de secours (à imprimer et à ranger au coffre de la structure, \
         jamais avec l'ordinateur ; elle n'est affichée qu'une fois) :\n\n    {}\n\nElle ouvre le \
         dossier si la phrase de passe est oubliée. Si la phrase de passe et la clé de secours \
         sont perdues toutes les deux, les données sont perdues pour toujours.",
        data_dir.display(),
        key_text.as_str()
    )?;
    Ok(Outcome::Success)
}

/// `parcours decrypt --out DIR`: a clear copy of the encrypted directory.
pub(super) fn decrypt(
    data_dir: &Path,
    target: &Path,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    if !data_dir.is_dir() {
        return Err(CliError::MissingDataDir(data_dir.to_owned()));
    }
    if vault::state(data_dir) == VaultState::Clear {
        return Err(CliError::Passphrase(format!(
            "le dossier {} n'est pas chiffré : ses fichiers se lisent déjà tels quels",
            data_dir.display()
        )));
    }
    let (key, _) = unlock(data_dir)?;
    let reader = Store::open_with_key(data_dir, Access::ReadOnly, Some(key))?;
    // A writer, when it can be, so that the copy is journaled.
    let store = reader
        .open_like(Access::ReadWrite)
        .map_or(reader, super::with_profile);
    let report = store.decrypt_copy(target, &|_, _| {})?;
    store.journal_event(&crate::store::journal::Operation::DecryptCopy, None);
    writeln!(
        out,
        "{} fichier(s) copiés en clair dans {} : ce dossier n'est plus protégé, supprimez-le dès \
         qu'il ne sert plus.",
        report.files,
        target.display()
    )?;
    for problem in &report.problems {
        writeln!(out, "non copié : {problem}")?;
    }
    Ok(if report.problems.is_empty() {
        Outcome::Success
    } else {
        Outcome::ProblemsFound
    })
}

/// The passphrase that replaces the current one: from the file named by
/// `PARCOURS_NEW_PASSPHRASE_FILE`, else as [`new_passphrase`] has it.
fn replacement_passphrase() -> Result<Zeroizing<String>, CliError> {
    let Some(path) = std::env::var_os(NEW_PASSPHRASE_FILE_ENV) else {
        return new_passphrase("Nouvelle phrase de passe : ");
    };
    let new = from_file(Path::new(&path))?;
    match passphrase_problem(&new) {
        Some(problem) => Err(CliError::Passphrase(problem)),
        None => Ok(new),
    }
}

/// `parcours passphrase`: replaces the passphrase (the data key is re-wrapped; no data file is
/// rewritten; the recovery key stays valid).
pub(super) fn change(data_dir: &Path, out: &mut dyn Write) -> Result<Outcome, CliError> {
    if vault::state(data_dir) == VaultState::Clear {
        return Err(CliError::Passphrase(format!(
            "le dossier {} n'est pas chiffré (pour le chiffrer : parcours encrypt)",
            data_dir.display()
        )));
    }
    let old = match source()? {
        Source::File(path) => from_file(&path)?,
        Source::Terminal => prompt("Phrase de passe actuelle : ")?,
    };
    let new = replacement_passphrase()?;
    vault::change_passphrase(data_dir, &old, &new, Costs::default())?;
    writeln!(out, "Phrase de passe changée.")?;
    Ok(Outcome::Success)
}

/// Environment variable naming a file that holds the new passphrase, for `parcours passphrase`
/// in a script.
pub const NEW_PASSPHRASE_FILE_ENV: &str = "PARCOURS_NEW_PASSPHRASE_FILE";

/// The recovery key's sheet, written as a PDF at `path` (to be printed at once, then deleted).
fn write_sheet(
    store: &mut Store,
    key_text: &str,
    today: chrono::NaiveDate,
    path: &Path,
) -> Result<(), CliError> {
    let (settings, _) = store.load_settings();
    let sheet = crate::report::RecoverySheet {
        structure: settings.structure_name,
        data_dir: store.root().display().to_string(),
        created: today,
        key_text: key_text.to_owned(),
    };
    let pdf = Zeroizing::new(crate::report::render_recovery_sheet(&sheet)?);
    crate::report::save_pdf(path, &pdf)?;
    Ok(())
}

/// Environment variable naming a file that holds the recovery key, for `parcours recover` in
/// a script.
pub const RECOVERY_KEY_FILE_ENV: &str = "PARCOURS_RECOVERY_KEY_FILE";

/// `parcours recover`: the recovery key (typed from the printed sheet) opens the directory and
/// a new passphrase replaces the forgotten one.
pub(super) fn recover(data_dir: &Path, out: &mut dyn Write) -> Result<Outcome, CliError> {
    if vault::state(data_dir) == VaultState::Clear {
        return Err(CliError::Passphrase(format!(
            "le dossier {} n'est pas chiffré",
            data_dir.display()
        )));
    }
    let recovery = match std::env::var_os(RECOVERY_KEY_FILE_ENV) {
        Some(path) => from_file(Path::new(&path))?,
        None if std::io::stdin().is_terminal() => {
            prompt("Clé de secours (8 groupes de 4 caractères, comme imprimée) : ")?
        }
        None => {
            return Err(CliError::Passphrase(format!(
                "tapez la clé de secours dans un terminal, ou donnez un fichier qui la contient \
                 dans la variable {RECOVERY_KEY_FILE_ENV}"
            )));
        }
    };
    let new = replacement_passphrase()?;
    vault::recover(data_dir, &recovery, &new, Costs::default())?;
    writeln!(
        out,
        "Dossier ouvert avec la clé de secours ; la nouvelle phrase de passe est en place (la clé \
         de secours reste valable)."
    )?;
    Ok(Outcome::Success)
}
