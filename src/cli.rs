//! The command line: argument parsing and the headless commands (`check`, `list`, `demo`).
//!
//! Exit codes follow grep's convention: 0 success, 1 `check` found problems, 2 an error
//! (bad arguments, unusable data directory, refused demo).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand};

use crate::model::{Beneficiary, demo_beneficiaries, fold};
use crate::store::{Access, Store, StoreError, default_data_dir};

/// Parcours : accompagnement des primo-arrivants vers l'emploi.
#[derive(Debug, Parser)]
#[command(name = "parcours", version)]
pub struct Cli {
    /// Dossier de données (par défaut : variable `PARCOURS_DATA_DIR`, sinon le dossier de données
    /// de l'utilisateur).
    #[arg(long, global = true, env = "PARCOURS_DATA_DIR", value_name = "DOSSIER")]
    pub data_dir: Option<PathBuf>,

    /// Commande ; sans commande, ouvre la fenêtre.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Vérifie chaque fichier du dossier de données ; code de sortie 1 en cas de problème.
    Check,
    /// Liste les bénéficiaires : identifiant, nom, parcours d'entrée, étape.
    List,
    /// Écrit des bénéficiaires de démonstration.
    Demo {
        /// Nombre de fiches à écrire.
        #[arg(long, default_value_t = 40)]
        count: usize,
        /// Écrire même si le dossier contient déjà des fiches.
        #[arg(long)]
        force: bool,
    },
}

/// Why a command could not run.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// No data directory could be determined.
    #[error(
        "aucun dossier de données : indiquez --data-dir DOSSIER ou la variable PARCOURS_DATA_DIR"
    )]
    NoDataDir,
    /// The data directory given does not exist.
    #[error("le dossier de données {} n'existe pas", .0.display())]
    MissingDataDir(PathBuf),
    /// `demo` on a directory that holds records, without `--force`.
    #[error(
        "le dossier {} contient déjà {count} fiche(s) : ajoutez --force pour y ajouter les fiches de démonstration",
        .dir.display()
    )]
    NotEmpty {
        /// The data directory.
        dir: PathBuf,
        /// How many records (or unreadable files) it holds.
        count: usize,
    },
    /// The store refused.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the output failed (closed pipe…).
    #[error("écriture impossible : {0}")]
    Output(#[from] io::Error),
}

/// What a command that ran concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// All good.
    Success,
    /// `check` found problems.
    ProblemsFound,
}

/// The data directory: `--data-dir`, else `PARCOURS_DATA_DIR` (both handled by clap), else the
/// platform's per-user data folder.
pub fn resolve_data_dir(flag: Option<PathBuf>) -> Result<PathBuf, CliError> {
    flag.or_else(default_data_dir).ok_or(CliError::NoDataDir)
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Runs one headless command, writing its output to `out`.
pub fn run(command: &Command, data_dir: &Path, out: &mut dyn Write) -> Result<Outcome, CliError> {
    match command {
        Command::Check => check(data_dir, out),
        Command::List => list(data_dir, out),
        Command::Demo { count, force } => demo(data_dir, *count, *force, out),
    }
}

fn open_read_only(data_dir: &Path) -> Result<Store, CliError> {
    if !data_dir.is_dir() {
        return Err(CliError::MissingDataDir(data_dir.to_owned()));
    }
    Ok(Store::open(data_dir, Access::ReadOnly)?)
}

fn check(data_dir: &Path, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let mut store = open_read_only(data_dir)?;
    let mut report = store.load();
    if let (_, Some(problem)) = store.load_settings() {
        report.problems.insert(0, problem);
    }
    for problem in &report.problems {
        writeln!(out, "{problem}")?;
    }
    Ok(if report.problems.is_empty() {
        Outcome::Success
    } else {
        Outcome::ProblemsFound
    })
}

/// Sort key for lists: last name, then first name, accent- and case-insensitively.
#[must_use]
pub fn name_order_key(b: &Beneficiary) -> (String, String) {
    (fold(&b.identity.last_name), fold(&b.identity.first_name))
}

/// A value fit for one tab-separated field: a hand-edited file may hold tabs or line breaks.
fn tsv_field(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn list(data_dir: &Path, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let mut records = open_read_only(data_dir)?.load().beneficiaries;
    records.sort_by_cached_key(|b| (name_order_key(b), b.id));
    for b in &records {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            b.id,
            tsv_field(&b.display_name()),
            b.entry_route_label(),
            b.stage().label()
        )?;
    }
    Ok(Outcome::Success)
}

/// A seed that differs at every call, so that demo identifiers are never reused.
#[must_use]
pub fn fresh_seed() -> u64 {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    // Seconds, nanoseconds and the process id, mixed into 64 bits.
    since_epoch.as_secs().wrapping_mul(1_000_000_007)
        ^ u64::from(since_epoch.subsec_nanos())
        ^ u64::from(std::process::id()).rotate_left(32)
}

fn demo(
    data_dir: &Path,
    count: usize,
    force: bool,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let mut store = Store::open(data_dir, Access::ReadWrite)?;
    let report = store.load();
    let existing = report.beneficiaries.len() + report.problems.len();
    if existing > 0 && !force {
        return Err(CliError::NotEmpty {
            dir: data_dir.to_owned(),
            count: existing,
        });
    }
    let today = today();
    for record in demo_beneficiaries(count, today, fresh_seed()) {
        store.save_beneficiary(&record, today)?;
    }
    writeln!(
        out,
        "{count} fiche(s) de démonstration écrite(s) dans {}",
        data_dir.display()
    )?;
    Ok(Outcome::Success)
}
