//! The command line: argument parsing and the headless commands (`check`, `list`, `demo`,
//! `print`, `backups`, `restore`, `import-companies`, `companies`, `match`).
//!
//! Exit codes follow grep's convention: 0 success, 1 `check` found problems or `print --all`
//! could not write every summary, 2 an error (bad arguments, unusable data directory, refused
//! demo, restore not confirmed).

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand};

use crate::model::{
    Beneficiary, BeneficiaryId, Settings, add_demo_applications, demo_beneficiaries,
    demo_companies_for, demo_partners, fresh_seed, name_order_key, validate,
};
use crate::model::{csv_import, matching};
use crate::report::{
    Engine, OutputError, RenderError, Summary, SummaryOptions, render_summary, save_pdf,
    summary_file_name, summary_template, summary_template_from,
};
use crate::store::{Access, Problem, Store, StoreError, default_data_dir};

/// Parcours : accompagnement des primo-arrivants vers l'emploi.
#[derive(Debug, Parser)]
#[command(name = "parcours", version)]
pub struct Cli {
    /// Dossier de données (par défaut : variable `PARCOURS_DATA_DIR`, sinon le dossier de données
    /// de l'utilisateur).
    #[arg(long, global = true, env = "PARCOURS_DATA_DIR", value_name = "DOSSIER")]
    pub data_dir: Option<PathBuf>,

    /// The date to take for today instead of the system's, in the window and every command:
    /// for tests, so that a run across midnight or a fixture's dates give the same results.
    /// Hidden from `--help`; also `PARCOURS_TODAY`.
    #[arg(
        long,
        global = true,
        hide = true,
        env = "PARCOURS_TODAY",
        value_name = "AAAA-MM-JJ"
    )]
    pub today: Option<NaiveDate>,

    /// Commande ; sans commande, ouvre la fenêtre.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Environment variable standing in for the hidden `--today AAAA-MM-JJ` option.
pub const TODAY_ENV_VAR: &str = "PARCOURS_TODAY";

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Vérifie chaque fichier du dossier de données et les règles de chaque fiche et entreprise
    /// (NIR, dates, SIRET…) ; code de sortie 1 en cas de problème.
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
    /// Écrit la synthèse du parcours en PDF, d'un bénéficiaire ou de tous (sans les
    /// informations confidentielles).
    #[command(group(clap::ArgGroup::new("target").required(true).args(["beneficiary", "all"])))]
    Print {
        /// Identifiant du bénéficiaire (voir `parcours list`).
        #[arg(long, value_name = "ID", requires = "out")]
        beneficiary: Option<String>,
        /// Fichier PDF à écrire.
        #[arg(long, value_name = "FICHIER.pdf", conflicts_with = "all")]
        out: Option<PathBuf>,
        /// Une synthèse par bénéficiaire, dans le dossier de --out-dir.
        #[arg(long, requires = "out_dir")]
        all: bool,
        /// Dossier où écrire les synthèses (créé au besoin).
        #[arg(long, value_name = "DOSSIER")]
        out_dir: Option<PathBuf>,
        /// Modèle Typst à utiliser à la place du modèle intégré, pour essayer une mise en page.
        #[arg(long, value_name = "MODELE.typ")]
        template: Option<PathBuf>,
    },
    /// Liste les sauvegardes quotidiennes du dossier de données, la plus récente d'abord.
    Backups,
    /// Remplace les données par une sauvegarde quotidienne, après avoir sauvegardé les données
    /// actuelles (dans backups/AAAA-MM-JJ-avant-restauration-HHMMSS/).
    Restore {
        /// Date de la sauvegarde à restaurer (voir `parcours backups`).
        #[arg(long, value_name = "AAAA-MM-JJ")]
        from: NaiveDate,
        /// Ne pas demander de confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Importe des entreprises depuis un fichier CSV exporté d'un tableur ; une entreprise déjà
    /// présente (même SIRET) est mise à jour. Code de sortie 1, sans rien importer, si une ligne
    /// est invalide.
    ImportCompanies {
        /// Fichier CSV : séparateur « ; » ou « , », UTF-8 ou Windows-1252.
        #[arg(value_name = "FICHIER.csv")]
        file: PathBuf,
        /// Importer les lignes valides et signaler les autres (code de sortie 0).
        #[arg(long)]
        skip_invalid: bool,
    },
    /// Liste les entreprises : identifiant, raison sociale, SIRET, code APE, ville.
    Companies,
    /// Classe les offres ouvertes (puis les candidatures spontanées) pour un bénéficiaire :
    /// score, offre ou entreprise, raisons.
    Match {
        /// Identifiant du bénéficiaire (voir `parcours list`).
        #[arg(long, value_name = "ID")]
        beneficiary: String,
    },
    /// Micro-crèche.
    Creche {
        /// Ce qu'il faut faire.
        #[command(subcommand)]
        action: CrecheCommand,
    },
}

/// `parcours creche …`.
#[derive(Debug, Subcommand)]
pub enum CrecheCommand {
    /// Occupation de chaque demi-heure d'ouverture de la semaine : `AAAA-MM-JJ HH:MM<TAB>réservés/places`.
    Week {
        /// Semaine ISO (par défaut : la semaine en cours).
        #[arg(long, value_name = "AAAA-Wss")]
        week: Option<String>,
        /// Écrit aussi le planning de la semaine en PDF (A4 paysage).
        #[arg(long, value_name = "FICHIER.pdf")]
        pdf: Option<PathBuf>,
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
    /// `print --beneficiary` with an identifier that is not one, or not in the directory.
    #[error("aucun bénéficiaire n'a l'identifiant « {0} » (voir `parcours list`)")]
    UnknownBeneficiary(String),
    /// `print` without a complete target (clap prevents it on the command line).
    #[error("indiquez --beneficiary ID --out FICHIER.pdf, ou --all --out-dir DOSSIER")]
    PrintUsage,
    /// `print --template` with a file that cannot be read.
    #[error("modèle {} illisible : {source}", .path.display())]
    Template {
        /// The template file.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// A document could not be made.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// A PDF could not be written.
    #[error(transparent)]
    Pdf(#[from] OutputError),
    /// The store refused.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// `restore` without `--yes`, and the answer was not yes (or there was no answer).
    #[error(
        "restauration annulée : rien n'a été modifié (répondez « o », ou ajoutez --yes pour ne pas être interrogé)"
    )]
    NotConfirmed,
    /// Writing the output failed (closed pipe…).
    #[error("écriture impossible : {0}")]
    Output(#[from] io::Error),
    /// `creche week --week` with something that is not an ISO week.
    #[error(
        "semaine « {0} » non comprise : écrivez-la comme 2026-W48 (année, -W, numéro de semaine)"
    )]
    BadWeek(String),
    /// The CSV file to import cannot be read.
    #[error("fichier {} illisible : {reason}", .path.display())]
    ImportFile {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
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

/// Today: the date given with `--today` (tests), else the system's local date.
#[must_use]
pub fn resolve_today(flag: Option<NaiveDate>) -> NaiveDate {
    flag.unwrap_or_else(|| Local::now().date_naive())
}

/// Runs one headless command as of `today`, writing its output to `out`.
pub fn run(
    command: &Command,
    data_dir: &Path,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    match command {
        Command::Check => check(data_dir, today, out),
        Command::List => list(data_dir, out),
        Command::Demo { count, force } => demo(data_dir, *count, *force, today, out),
        Command::Print {
            beneficiary,
            out: file,
            all: _,
            out_dir,
            template,
        } => {
            let target = match (beneficiary, file, out_dir) {
                (Some(id), Some(file), _) => PrintTarget::One { id, file },
                (None, _, Some(dir)) => PrintTarget::All { dir },
                _ => return Err(CliError::PrintUsage),
            };
            print(data_dir, &target, template.as_deref(), today, out)
        }
        Command::Backups => backups(data_dir, out),
        Command::Restore { from, yes } => {
            let confirmation = if *yes {
                Confirmation::Given
            } else {
                Confirmation::Ask(&mut io::stdin().lock())
            };
            restore(data_dir, *from, confirmation, out)
        }
        Command::Creche {
            action: CrecheCommand::Week { week, pdf },
        } => creche_week(data_dir, week.as_deref(), pdf.as_deref(), today, out),
        Command::ImportCompanies { file, skip_invalid } => {
            import_companies(data_dir, file, *skip_invalid, out)
        }
        Command::Companies => companies(data_dir, out),
        Command::Match { beneficiary } => match_offers(data_dir, beneficiary, today, out),
    }
}

fn open_read_only(data_dir: &Path) -> Result<Store, CliError> {
    if !data_dir.is_dir() {
        return Err(CliError::MissingDataDir(data_dir.to_owned()));
    }
    Ok(Store::open(data_dir, Access::ReadOnly)?)
}

/// "titre de séjour : expiration" from "Titre de séjour : expiration": a field's name as it
/// reads after a path, in the middle of a line.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn check(data_dir: &Path, today: NaiveDate, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let mut store = open_read_only(data_dir)?;
    let mut report = store.load();
    if let (_, Some(problem)) = store.load_settings() {
        report.problems.insert(0, problem);
    }
    report.problems.extend(store.load_partners().1);
    report.problems.extend(store.load_workshops().1);
    let (companies, problems) = store.load_companies();
    report.problems.extend(problems);
    // A record edited by hand, or written by an older version, can load and still break a rule
    // the form enforces (a NIR key, a birth date in the future…): `path: field: message`.
    for record in &report.beneficiaries {
        let path = store.beneficiary_path(record.id);
        report
            .problems
            .extend(validate(record, today).into_iter().map(|error| Problem {
                path: path.clone(),
                location: None,
                message: format!(
                    "{}: {}",
                    lower_first(&error.field.form_name()),
                    error.message
                ),
            }));
    }
    // A hand-edited company file can load and still break a rule (a SIRET key, a code).
    for company in &companies {
        let path = store.company_path(company);
        report
            .problems
            .extend(company.validate().into_iter().map(|error| Problem {
                path: path.clone(),
                location: None,
                message: error.message,
            }));
    }
    for problem in &report.problems {
        writeln!(out, "{problem}")?;
    }
    let creche_found = check_creche(&mut store, &report.beneficiaries, out)?;
    Ok(if report.problems.is_empty() && !creche_found {
        Outcome::Success
    } else {
        Outcome::ProblemsFound
    })
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

fn demo(
    data_dir: &Path,
    count: usize,
    force: bool,
    today: NaiveDate,
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
    // The demo records refer to the demo directory of French-course partners.
    let (partners, _) = store.load_partners();
    for partner in demo_partners() {
        if !partners.iter().any(|p| p.id == partner.id) {
            store.save_partner(&partner)?;
        }
    }
    // Phase 3: partner companies (fixed identifiers: kept if already there) and
    // applications in every state.
    let (known, _) = store.load_companies();
    let companies = demo_companies_for(count, today);
    for company in &companies {
        if !known.iter().any(|c| c.id == company.id) {
            store.save_company(company)?;
        }
    }
    let mut records = demo_beneficiaries(count, today, fresh_seed());
    add_demo_applications(&mut records, &companies, today);
    // Added beside other records (`--force`), the demo's crèche bookings leave their places.
    crate::model::rebook_demo_creche(&mut records, &report.beneficiaries, today);
    for record in &records {
        store.save_beneficiary(record, today)?;
    }
    for workshop in crate::model::demo_workshops(&records, today) {
        store.save_workshop(&workshop)?;
    }
    writeln!(
        out,
        "{count} fiche(s) de démonstration écrite(s) dans {}",
        data_dir.display()
    )?;
    Ok(Outcome::Success)
}

/// What `print` writes.
enum PrintTarget<'a> {
    /// One beneficiary's summary, in one file.
    One { id: &'a str, file: &'a Path },
    /// Every beneficiary's, in one folder.
    All { dir: &'a Path },
}

fn print(
    data_dir: &Path,
    target: &PrintTarget<'_>,
    template: Option<&Path>,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let template = match template {
        None => summary_template(),
        Some(path) => summary_template_from(std::fs::read_to_string(path).map_err(|source| {
            CliError::Template {
                path: path.to_owned(),
                source,
            }
        })?),
    };
    let mut store = open_read_only(data_dir)?;
    let report = store.load();
    // A damaged settings file only loses the structure's name; `check` reports it.
    let (settings, _): (Settings, _) = store.load_settings();
    // The summary counts attended workshops and names the companies applied to; files that
    // cannot be read are `check`'s to report.
    let (workshops, _) = store.load_workshops();
    let (companies, _) = store.load_companies();
    // A child's crèche age follows the crèche's settings (a damaged file: the defaults).
    let (creche, _) = store.load_creche_settings();
    let build = |record: &Beneficiary| {
        Summary::build(
            record,
            &settings,
            &workshops,
            &companies,
            &creche,
            &SummaryOptions::default(),
            today,
        )
    };
    let engine = Engine::new([template]);
    match *target {
        PrintTarget::One { id, file } => {
            let record = id
                .parse::<BeneficiaryId>()
                .ok()
                .and_then(|id| report.beneficiaries.iter().find(|b| b.id == id))
                .ok_or_else(|| CliError::UnknownBeneficiary(id.to_owned()))?;
            let pages = write_summary(&engine, &build(record), file, out)?;
            writeln!(
                out,
                "Synthèse de {} écrite dans {} ({pages} page(s))",
                tsv_field(&record.display_name()),
                file.display()
            )?;
            Ok(Outcome::Success)
        }
        PrintTarget::All { dir } => {
            let mut records = report.beneficiaries;
            records.sort_by_cached_key(|b| (name_order_key(b), b.id));
            let mut failures: Vec<String> = report
                .problems
                .iter()
                .map(|problem| format!("fiche illisible, {problem}"))
                .collect();
            std::fs::create_dir_all(dir).map_err(|source| OutputError::Write {
                path: dir.to_owned(),
                source,
            })?;
            let total = records.len();
            let mut used = std::collections::HashSet::new();
            let mut written = 0_usize;
            for (index, record) in records.iter().enumerate() {
                let mut name = summary_file_name(record, today);
                if !used.insert(name.clone()) {
                    // Namesakes: the identifier tells their files apart.
                    name = format!("{}_{}.pdf", name.trim_end_matches(".pdf"), record.id);
                    used.insert(name.clone());
                }
                let file = dir.join(&name);
                let who = tsv_field(&record.display_name());
                match write_summary(&engine, &build(record), &file, out) {
                    Ok(_) => {
                        written += 1;
                        writeln!(out, "[{}/{total}] {who} → {}", index + 1, file.display())?;
                    }
                    Err(error) => {
                        writeln!(out, "[{}/{total}] {who} : échec", index + 1)?;
                        failures.push(format!("{who} ({}) : {error}", record.id));
                    }
                }
            }
            writeln!(
                out,
                "{written} synthèse(s) écrite(s) dans {}",
                dir.display()
            )?;
            if failures.is_empty() {
                return Ok(Outcome::Success);
            }
            writeln!(out, "{} échec(s) :", failures.len())?;
            for failure in &failures {
                writeln!(out, "  {failure}")?;
            }
            Ok(Outcome::ProblemsFound)
        }
    }
}

/// Renders and writes one summary; returns its page count. A character no font can draw is
/// reported on `out`, and the file is written all the same.
fn write_summary(
    engine: &Engine,
    summary: &Summary,
    file: &Path,
    out: &mut dyn Write,
) -> Result<usize, CliError> {
    let rendered = render_summary(engine, summary)?;
    save_pdf(file, &rendered.pdf)?;
    if let Some(warning) = rendered.warning_message() {
        writeln!(out, "{} : {warning}", file.display())?;
    }
    Ok(rendered.page_count)
}

fn backups(data_dir: &Path, out: &mut dyn Write) -> Result<Outcome, CliError> {
    for date in open_read_only(data_dir)?.backups() {
        writeln!(out, "{}", date.format("%Y-%m-%d"))?;
    }
    Ok(Outcome::Success)
}

/// Whether `restore` may go ahead.
pub enum Confirmation<'a> {
    /// `--yes`.
    Given,
    /// Ask, and read the answer from this input.
    Ask(&'a mut dyn BufRead),
}

/// Restores a daily backup, after asking unless confirmed. No answer (no terminal, end of
/// input) is a no: a script must say `--yes`.
pub fn restore(
    data_dir: &Path,
    date: NaiveDate,
    confirmation: Confirmation<'_>,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    if !data_dir.is_dir() {
        return Err(CliError::MissingDataDir(data_dir.to_owned()));
    }
    let mut store = Store::open(data_dir, Access::ReadWrite)?;
    let available = store.backups();
    if !available.contains(&date) {
        return Err(StoreError::NoSuchBackup { date, available }.into());
    }
    if let Confirmation::Ask(input) = confirmation {
        write!(
            out,
            "Remplacer les données actuelles par la sauvegarde du {} ? Les données actuelles seront d'abord sauvegardées. [o/N] ",
            date.format("%d/%m/%Y")
        )?;
        out.flush()?;
        let mut answer = String::new();
        // An unreadable input counts as no answer.
        let _ = input.read_line(&mut answer);
        writeln!(out)?;
        let answer = answer.trim().to_lowercase();
        if !matches!(answer.as_str(), "o" | "oui" | "y" | "yes") {
            return Err(CliError::NotConfirmed);
        }
    }
    let report = store.restore(date)?;
    writeln!(
        out,
        "Sauvegarde du {} restaurée. Les données remplacées sont dans {}",
        date.format("%d/%m/%Y"),
        report.safety_backup.display()
    )?;
    Ok(Outcome::Success)
}

/// `check`, for the micro-crèche: its settings file, then every over-capacity time and every
/// booking outside the age range across the records (what two laptops that each booked the last
/// place leave once their files are merged). Returns whether anything was found.
fn check_creche(
    store: &mut Store,
    records: &[Beneficiary],
    out: &mut dyn Write,
) -> Result<bool, CliError> {
    let (settings, problem) = store.load_creche_settings();
    let mut found = false;
    if let Some(problem) = problem {
        writeln!(out, "{problem}")?;
        found = true;
    }
    // A hand-edited file can load and still break a rule (more than 12 places…).
    for message in settings.problems() {
        let path = store.root().join(crate::store::CRECHE_FILE);
        writeln!(out, "{}: {message}", path.display())?;
        found = true;
    }
    let records: Vec<&Beneficiary> = records.iter().collect();
    for problem in crate::model::creche_problems(&records, &settings) {
        writeln!(out, "{problem}")?;
        found = true;
    }
    Ok(found)
}

/// `creche week`: one line per opening half-hour of the week, `<date> <HH:MM>\t<booked>/<places>`
/// (closed days left out), and the week's planning as a PDF with `--pdf`.
fn creche_week(
    data_dir: &Path,
    week: Option<&str>,
    pdf: Option<&Path>,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let monday = match week {
        None => crate::model::monday_of(today),
        Some(text) => {
            crate::model::parse_iso_week(text).ok_or_else(|| CliError::BadWeek(text.to_owned()))?
        }
    };
    let mut store = open_read_only(data_dir)?;
    let report = store.load();
    // A damaged crèche file falls back to the defaults; `check` reports it.
    let (settings, _) = store.load_creche_settings();
    let records: Vec<&Beneficiary> = report.beneficiaries.iter().collect();
    let plan = crate::model::WeekPlan::build(&records, &settings, monday);
    for (date, start, booked) in crate::model::week_lines(&plan) {
        writeln!(
            out,
            "{} {}\t{booked}/{}",
            date.format("%Y-%m-%d"),
            start.format("%H:%M"),
            plan.capacity
        )?;
    }
    if let Some(file) = pdf {
        let (structure, _) = store.load_settings();
        let week = crate::report::CrecheWeek::build(
            &records,
            &settings,
            &structure.structure_name,
            monday,
            today,
        );
        let engine = Engine::new([crate::report::creche_week_template()]);
        let rendered = crate::report::render_creche_week(&engine, &week)?;
        save_pdf(file, &rendered.pdf)?;
        if let Some(warning) = rendered.warning_message() {
            writeln!(out, "{} : {warning}", file.display())?;
        }
    }
    Ok(Outcome::Success)
}

fn import_companies(
    data_dir: &Path,
    file: &Path,
    skip_invalid: bool,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let bytes = crate::store::read_import_file(file).map_err(|e| CliError::ImportFile {
        path: e.path,
        reason: e.reason,
    })?;
    let preview = csv_import::preview(&bytes);
    let unknown = preview.unknown_columns();
    if !unknown.is_empty() {
        writeln!(out, "Colonnes ignorées : {}", unknown.join(", "))?;
    }
    for error in &preview.errors {
        writeln!(out, "{error}")?;
    }
    // A file without its key columns has no valid row to import.
    let unusable = preview
        .errors
        .iter()
        .any(|e| e.record == preview.header_record);
    if unusable || (!preview.errors.is_empty() && !skip_invalid) {
        writeln!(
            out,
            "Aucune entreprise importée : {} problème(s){}.",
            preview.errors.len(),
            if unusable {
                ""
            } else {
                " (--skip-invalid importe les lignes valides)"
            }
        )?;
        return Ok(Outcome::ProblemsFound);
    }
    if !data_dir.is_dir() {
        return Err(CliError::MissingDataDir(data_dir.to_owned()));
    }
    let mut store = Store::open(data_dir, Access::ReadWrite)?;
    let (existing, _) = store.load_companies();
    let planned = csv_import::plan(&preview.rows, &existing);
    let (mut created, mut updated) = (0_usize, 0_usize);
    for item in &planned {
        store.save_company(&item.company)?;
        match item.action {
            csv_import::Action::New => created += 1,
            csv_import::Action::Update(_) => updated += 1,
        }
    }
    writeln!(
        out,
        "{} entreprise(s) importée(s) : {created} nouvelle(s), {updated} mise(s) à jour{}.",
        planned.len(),
        if preview.errors.is_empty() {
            String::new()
        } else {
            format!(", {} ligne(s) invalide(s) ignorée(s)", preview.errors.len())
        }
    )?;
    Ok(Outcome::Success)
}

fn companies(data_dir: &Path, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let (companies, _) = open_read_only(data_dir)?.load_companies();
    for c in &companies {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            c.id,
            tsv_field(&c.name),
            c.siret,
            c.ape,
            tsv_field(&c.town)
        )?;
    }
    Ok(Outcome::Success)
}

fn match_offers(
    data_dir: &Path,
    id: &str,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let mut store = open_read_only(data_dir)?;
    let report = store.load();
    let person = id
        .parse::<BeneficiaryId>()
        .ok()
        .and_then(|id| report.beneficiaries.iter().find(|b| b.id == id))
        .ok_or_else(|| CliError::UnknownBeneficiary(id.to_owned()))?;
    let (companies, _) = store.load_companies();
    let (creche, _) = store.load_creche_settings();
    for line in matching::rank_offers(person, &companies, &creche, today) {
        writeln!(
            out,
            "{}\t{}\t{}",
            line.score,
            tsv_field(&line.label),
            tsv_field(&line.reasons_text())
        )?;
    }
    Ok(Outcome::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A data directory with a backup of 2026-11-21 holding no record, and one record now.
    fn directory() -> (tempfile::TempDir, NaiveDate) {
        let dir = tempfile::tempdir().unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let record = demo_beneficiaries(1, day, 1).remove(0);
        store.save_beneficiary(&record, day).unwrap();
        (dir, day)
    }

    fn record_count(dir: &Path) -> usize {
        Store::read_only(dir).load().beneficiaries.len()
    }

    #[test]
    fn restore_asks_and_only_a_yes_goes_ahead() {
        let (dir, day) = directory();
        for refusal in ["", "n\n", "non\n", "peut-être\n"] {
            let mut out = Vec::new();
            let result = restore(
                dir.path(),
                day,
                Confirmation::Ask(&mut refusal.as_bytes()),
                &mut out,
            );
            assert!(matches!(result, Err(CliError::NotConfirmed)), "{refusal:?}");
            assert!(String::from_utf8(out).unwrap().contains("21/11/2026 ? "));
            assert_eq!(record_count(dir.path()), 1);
        }
        let mut out = Vec::new();
        let result = restore(
            dir.path(),
            day,
            Confirmation::Ask(&mut &b"O\n"[..]),
            &mut out,
        );
        assert!(matches!(result, Ok(Outcome::Success)));
        assert_eq!(record_count(dir.path()), 0);
    }

    #[test]
    fn restore_checks_the_date_before_asking() {
        let (dir, _) = directory();
        let other = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let mut out = Vec::new();
        let result = restore(
            dir.path(),
            other,
            Confirmation::Ask(&mut &b"o\n"[..]),
            &mut out,
        );
        assert!(matches!(
            result,
            Err(CliError::Store(StoreError::NoSuchBackup { .. }))
        ));
        assert!(out.is_empty());
    }
}
