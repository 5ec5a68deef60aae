//! The command line: argument parsing and the headless commands (`check`, `list`, `demo`,
//! `print`, `backups`, `restore`, `import-companies`, `companies`, `match`, `export`,
//! `journal`, `retention`, `erase`, `convocation`, `agenda`).
//!
//! Exit codes follow grep's convention: 0 success, 1 `check` found problems or `print --all`
//! could not write every summary, 2 an error (bad arguments, unusable data directory, refused
//! demo, restore not confirmed).

mod agenda;
mod backups;
mod companies;
mod convocation;
mod creche;
mod encryption;
mod export;
mod journal;
mod print;
mod records;
mod retention;
mod stats;
#[cfg(test)]
mod tests;
mod workshops;

pub use backups::{Confirmation, restore};

use agenda::AgendaRequest;
use backups::backups;
use companies::{companies, import_companies, match_offers};
use convocation::{ConvocationTarget, convocation};
use creche::creche_week;
use export::export;
use print::{PrintTarget, print};
use records::{check, demo, list};
use retention::{erase, retention};

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand};

use crate::report::{OutputError, RenderError};
use crate::store::{Access, Store, StoreError, default_data_dir};

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
    /// Remet à la personne ses données : un PDF avec tout ce que contient sa fiche (informations
    /// confidentielles comprises) et le même contenu en JSON, dans un dossier (créé au besoin).
    Export {
        /// Identifiant du bénéficiaire (voir `parcours list`).
        #[arg(long, value_name = "ID")]
        beneficiary: String,
        /// Dossier où écrire les deux fichiers.
        #[arg(long, value_name = "DOSSIER")]
        out: PathBuf,
    },
    /// Liste les événements du journal des accès (qui a fait quoi, sur quelle fiche, quand) ;
    /// `parcours journal verify` vérifie que rien n'y a été modifié ni supprimé.
    Journal {
        /// `verify` : vérifie la chaîne du journal (code de sortie 1 à la première ligne rompue).
        #[command(subcommand)]
        action: Option<JournalCommand>,
        /// Seulement les événements de ce bénéficiaire (voir `parcours list`).
        #[arg(long, value_name = "ID")]
        beneficiary: Option<String>,
        /// À partir de ce jour (inclus).
        #[arg(long, value_name = "AAAA-MM-JJ")]
        from: Option<NaiveDate>,
        /// Jusqu'à ce jour (inclus).
        #[arg(long, value_name = "AAAA-MM-JJ")]
        to: Option<NaiveDate>,
    },
    /// Liste les fiches dont le dernier contact dépasse la durée de conservation (Paramètres,
    /// 24 mois par défaut) : identifiant, nom, date et nature du dernier contact.
    Retention {
        /// Effacer (anonymiser) toutes les fiches listées, sans confirmation.
        #[arg(long)]
        apply: bool,
    },
    /// Efface une fiche (droit à l'effacement) : les données personnelles sont retirées de la
    /// fiche, de ses copies et des sauvegardes ; seules des valeurs statistiques anonymes restent.
    Erase {
        /// Identifiant du bénéficiaire (voir `parcours list`).
        #[arg(long, value_name = "ID")]
        beneficiary: String,
        /// Confirmer l'effacement (sans cette option, rien n'est effacé).
        #[arg(long)]
        yes: bool,
    },
    /// Écrit une lettre de convocation en PDF (une page A4, adresse placée pour une enveloppe
    /// DL à fenêtre) : pour un rendez-vous (--rdv ID --out FICHIER.pdf), ou une par personne
    /// inscrite à un atelier (--atelier ID --out-dir DOSSIER).
    Convocation {
        /// Identifiant du rendez-vous (voir `parcours agenda --ids`).
        #[arg(long, value_name = "ID", requires = "out", conflicts_with = "atelier")]
        rdv: Option<String>,
        /// Fichier PDF à écrire.
        #[arg(long, value_name = "FICHIER.pdf", conflicts_with = "out_dir")]
        out: Option<PathBuf>,
        /// Identifiant de l'atelier : une lettre par personne inscrite.
        #[arg(long, value_name = "ID", requires = "out_dir")]
        atelier: Option<String>,
        /// Dossier où écrire les lettres de l'atelier (créé au besoin).
        #[arg(long, value_name = "DOSSIER")]
        out_dir: Option<PathBuf>,
        /// Gros caractères (toujours une seule page).
        #[arg(long)]
        gros_caracteres: bool,
    },
    /// Affiche l'agenda (une ligne par élément : date, heure, nature, personne, lieu) : rendez-vous,
    /// ateliers, entretiens d'embauche et PMSMP ; sans --day ni --week, les sept jours à partir
    /// d'aujourd'hui. Avec --ics, écrit le calendrier (rendez-vous et ateliers ; sans --day ni
    /// --week, tout ce qui vient à partir d'aujourd'hui).
    Agenda {
        /// Un jour.
        #[arg(long, value_name = "AAAA-MM-JJ", conflicts_with = "week")]
        day: Option<NaiveDate>,
        /// Une semaine ISO, comme 2026-W48.
        #[arg(long, value_name = "AAAA-Wss")]
        week: Option<String>,
        /// Seulement ce conseiller ou cette conseillère (rendez-vous, référent·e, animation).
        #[arg(long, value_name = "NOM")]
        counsellor: Option<String>,
        /// Écrit un calendrier .ics (RFC 5545) au lieu d'afficher l'agenda.
        #[arg(long, value_name = "FICHIER.ics")]
        ics: Option<PathBuf>,
        /// Avec --ics : ce seul rendez-vous.
        #[arg(long, value_name = "ID", requires = "ics", conflicts_with_all = ["day", "week"])]
        rdv: Option<String>,
        /// Écrit la feuille du jour en PDF (les rendez-vous du jour avec les téléphones, pour
        /// appeler la veille) : le jour de --day, sinon demain.
        #[arg(long, value_name = "FICHIER.pdf", conflicts_with_all = ["week", "ics"])]
        feuille_du_jour: Option<PathBuf>,
        /// Ajoute l'identifiant de chaque élément (rendez-vous, atelier, candidature).
        #[arg(long)]
        ids: bool,
    },
    /// Ateliers collectifs du catalogue.
    Workshop {
        /// Ce qu'il faut faire.
        #[command(subcommand)]
        action: WorkshopCommand,
    },
    /// Bilan pour les financeurs sur une période : personnes suivies, activité, emploi,
    /// micro-crèche, anonymisés (un nombre de personnes sous le seuil des Paramètres s'affiche
    /// « < 5 »). Tableaux en texte, ou fichier CSV (Excel) ou XLSX.
    Stats {
        /// Premier jour de la période (inclus).
        #[arg(long, value_name = "AAAA-MM-JJ")]
        from: NaiveDate,
        /// Dernier jour de la période (inclus).
        #[arg(long, value_name = "AAAA-MM-JJ")]
        to: NaiveDate,
        /// Seulement les personnes dont ce conseiller ou cette conseillère est référent·e
        /// (majuscules et accents ignorés).
        #[arg(long, value_name = "NOM")]
        counsellor: Option<String>,
        /// Écrire le bilan en CSV pour Excel (séparateur « ; », virgule décimale).
        #[arg(long, value_name = "FICHIER.csv", conflicts_with = "xlsx")]
        csv: Option<PathBuf>,
        /// Écrire le bilan en classeur XLSX (une feuille de présentation, puis une par tableau).
        #[arg(long, value_name = "FICHIER.xlsx")]
        xlsx: Option<PathBuf>,
        /// Écrire le bilan imprimable en PDF A4 (tableaux et graphiques).
        #[arg(long, value_name = "FICHIER.pdf", conflicts_with_all = ["csv", "xlsx"])]
        pdf: Option<PathBuf>,
    },
    /// Chiffre le dossier de données sur place (tous les fichiers, sauvegardes comprises) avec
    /// une phrase de passe, puis affiche une fois la clé de secours à imprimer ; relancée après
    /// une interruption, termine le chiffrement. Phrase de passe tapée au terminal, ou lue dans
    /// le fichier nommé par `PARCOURS_PASSPHRASE_FILE`.
    Encrypt {
        /// Écrire aussi la page de la clé de secours en PDF (A4, code lisible et QR code), à
        /// imprimer aussitôt puis à supprimer.
        #[arg(long, value_name = "FICHIER.pdf")]
        recovery_pdf: Option<PathBuf>,
    },
    /// Écrit une copie en clair (RON lisible) du dossier chiffré dans un dossier nouveau ou
    /// vide.
    Decrypt {
        /// Dossier où écrire la copie en clair.
        #[arg(long, value_name = "DOSSIER")]
        out: PathBuf,
    },
    /// Change la phrase de passe du dossier chiffré (aucun fichier de données n'est réécrit ;
    /// la clé de secours reste valable). Nouvelle phrase tapée deux fois, ou lue dans le fichier
    /// nommé par `PARCOURS_NEW_PASSPHRASE_FILE`.
    Passphrase,
    /// Phrase de passe oubliée : la clé de secours imprimée ouvre le dossier et une nouvelle
    /// phrase de passe remplace l'ancienne. Clé tapée au terminal, ou lue dans le fichier nommé
    /// par `PARCOURS_RECOVERY_KEY_FILE`.
    Recover,
}

/// `parcours workshop …`.
#[derive(Debug, Subcommand)]
pub enum WorkshopCommand {
    /// Inscrit des bénéficiaires à un atelier, un enregistrement chacun (comme la fenêtre) :
    /// `inscrit<TAB>ID` par personne ; refusé, « Atelier complet », quand il n'y a plus de place.
    Enrol {
        /// Identifiant de l'atelier (le nom de son fichier dans `workshops/`).
        #[arg(long, value_name = "ID")]
        workshop: String,
        /// Identifiant d'un bénéficiaire (répétable).
        #[arg(long, value_name = "ID", required = true)]
        beneficiary: Vec<String>,
    },
}

/// `parcours journal …`.
#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Vérifie la chaîne du journal : code de sortie 1 en nommant la première ligne modifiée
    /// ou suivant une ligne supprimée ; une ligne coupée par un arrêt brutal est signalée.
    Verify,
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
    /// `erase` without `--yes`.
    #[error(
        "effacement non fait : rien n'a été modifié. Pour effacer définitivement la fiche de {name}, ajoutez --yes"
    )]
    EraseNotConfirmed {
        /// The person's name.
        name: String,
    },
    /// `convocation --rdv` or `agenda --rdv` with an identifier that is not an appointment's.
    #[error("aucun rendez-vous n'a l'identifiant « {0} » (voir `parcours agenda --ids`)")]
    UnknownAppointment(String),
    /// `convocation --atelier` with an identifier that is not a workshop's.
    #[error("aucun atelier n'a l'identifiant « {0} »")]
    UnknownWorkshop(String),
    /// `convocation` without a complete target (clap prevents it on the command line).
    #[error("indiquez --rdv ID --out FICHIER.pdf, ou --atelier ID --out-dir DOSSIER")]
    ConvocationUsage,
    /// `stats` with a period that ends before it starts.
    #[error("période vide : le {} (--to) précède le {} (--from)", .to.format("%d/%m/%Y"), .from.format("%d/%m/%Y"))]
    BadPeriod {
        /// First day asked.
        from: NaiveDate,
        /// Last day asked.
        to: NaiveDate,
    },
    /// The spreadsheet could not be laid out.
    #[error("classeur XLSX impossible à produire : {0}")]
    Spreadsheet(String),
    /// The passphrase could not be had, or does not suit.
    #[error("{0}")]
    Passphrase(String),
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
        Command::Export {
            beneficiary,
            out: dir,
        } => export(data_dir, beneficiary, dir, today, out),
        Command::Journal {
            action: Some(JournalCommand::Verify),
            ..
        } => journal::verify(data_dir, out),
        Command::Journal {
            action: None,
            beneficiary,
            from,
            to,
        } => journal::list(data_dir, beneficiary.as_deref(), *from, *to, out),
        Command::Retention { apply } => retention(data_dir, *apply, today, out),
        Command::Erase { beneficiary, yes } => erase(data_dir, beneficiary, *yes, today, out),
        Command::Convocation {
            rdv,
            out: file,
            atelier,
            out_dir,
            gros_caracteres,
        } => {
            let target = match (rdv, file, atelier, out_dir) {
                (Some(id), Some(file), None, _) => ConvocationTarget::Appointment { id, file },
                (None, _, Some(id), Some(dir)) => ConvocationTarget::Workshop { id, dir },
                _ => return Err(CliError::ConvocationUsage),
            };
            convocation(data_dir, &target, *gros_caracteres, today, out)
        }
        Command::Agenda {
            day,
            week,
            counsellor,
            ics,
            rdv,
            feuille_du_jour,
            ids,
        } => agenda::agenda(
            data_dir,
            &AgendaRequest {
                day: *day,
                week: week.as_deref(),
                counsellor: counsellor.as_deref(),
                ics: ics.as_deref(),
                appointment: rdv.as_deref(),
                day_sheet: feuille_du_jour.as_deref(),
                ids: *ids,
            },
            today,
            out,
        ),
        Command::Workshop {
            action:
                WorkshopCommand::Enrol {
                    workshop,
                    beneficiary,
                },
        } => workshops::enrol(data_dir, workshop, beneficiary, out),
        Command::Stats {
            from,
            to,
            counsellor,
            csv,
            xlsx,
            pdf,
        } => {
            let output = match (csv, xlsx, pdf) {
                (Some(path), _, _) => stats::StatsOutput::Csv(path),
                (None, Some(path), _) => stats::StatsOutput::Xlsx(path),
                (None, None, Some(path)) => stats::StatsOutput::Pdf(path),
                (None, None, None) => stats::StatsOutput::Text,
            };
            let period = crate::model::stats::Period {
                from: *from,
                to: *to,
            };
            stats::stats(data_dir, period, counsellor.as_deref(), output, today, out)
        }
        Command::Encrypt { recovery_pdf } => {
            encryption::encrypt(data_dir, recovery_pdf.as_deref(), today, out)
        }
        Command::Decrypt { out: target } => encryption::decrypt(data_dir, target, out),
        Command::Passphrase => encryption::change(data_dir, out),
        Command::Recover => encryption::recover(data_dir, out),
    }
}

/// Opens the data directory to write, the journal naming the counsellor profile of this
/// computer when there is one (the same profile as the window's), else "-".
/// An encrypted directory asks for its passphrase first (see `encryption`).
fn open_writer(data_dir: &Path) -> Result<Store, CliError> {
    if !data_dir.is_dir() {
        return Err(CliError::MissingDataDir(data_dir.to_owned()));
    }
    let key = encryption::key_for(data_dir)?;
    Ok(with_profile(Store::open_with_key(
        data_dir,
        Access::ReadWrite,
        key,
    )?))
}

/// The store, the journal naming this computer's counsellor profile when there is one.
fn with_profile(mut store: Store) -> Store {
    if let Some(profile) = crate::store::profile::default_config_dir()
        .as_deref()
        .and_then(crate::store::profile::load)
    {
        store.set_author(profile.author());
    }
    store
}

/// An encrypted directory asks for its passphrase first (see `encryption`).
fn open_read_only(data_dir: &Path) -> Result<Store, CliError> {
    if !data_dir.is_dir() {
        return Err(CliError::MissingDataDir(data_dir.to_owned()));
    }
    let key = encryption::key_for(data_dir)?;
    Ok(Store::open_with_key(data_dir, Access::ReadOnly, key)?)
}

/// A value fit for one tab-separated field: a hand-edited file may hold tabs or line breaks.
fn tsv_field(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}
