//! The audit journal: who did what to which record, and when (CNIL recommendation 2021-122).
//!
//! One file per month, `journal/AAAA-MM.log`, one line per event, fields separated by tabs:
//!
//! ```text
//! 2026-11-27T10:42:05Z<TAB>Claire Martin<TAB><installation id><TAB>modify:names,contact<TAB><record id or -><TAB><hash>
//! ```
//!
//! The last field is the SHA-256 (hex) of the previous line as written, the previous month's
//! last line for a month's first line: a chain, so that an edited or removed line breaks it at
//! the next line. Lines name the counsellor and the record's id, never the person's name nor
//! any value of the record. Appending writes one line (in the system's cache at once: a
//! crash of Parcours loses nothing) and a thread of the journal syncs it to disk right after,
//! so that a slow disk never holds the window (≤ 1 ms per event: `benches/journal.rs`); a
//! line cut by a crash (no end of line) is reported by [`verify`] as incomplete and the next append starts a
//! new line after it, chaining on it as written. Months older than the settings'
//! `journal_months` are deleted.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sha2::{Digest, Sha256};

use super::{SETTINGS_FILE, Store};
use crate::model::record::{
    Beneficiary, BeneficiaryId, ConsentState, Protection, Purpose, RecordPart, Settings,
};

/// Folder of the journal's monthly files, inside the data directory.
pub const JOURNAL_DIR: &str = "journal";

/// The previous hash of the very first line.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who writes the events: the counsellor's profile on this computer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Author {
    /// The counsellor's name.
    pub name: String,
    /// The installation's id (a random UUID made at first start).
    pub installation: String,
}

/// What a document printed or saved for a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The pathway's summary ("Synthèse").
    Summary,
    /// The CV.
    Cv,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operation {
    /// A record was created.
    Create,
    /// A record was changed, in these parts.
    Modify(Vec<RecordPart>),
    /// A document of the record was printed or saved as PDF.
    Print(Document),
    /// The person's copy of their data was made.
    Export,
    /// The record was erased (anonymised).
    Erase,
    /// The data directory was restored from the backup of a day.
    Restore(NaiveDate),
    /// The person's answer about a purpose changed.
    Consent(Purpose, ConsentState),
    /// Data was shared for a purpose without consent, on the counsellor's decision.
    Override(Purpose),
    /// Companies were imported (how many).
    Import(usize),
    /// A record was kept past the retention period.
    RetentionExtended,
    /// The data directory was encrypted.
    Encrypt,
    /// A clear copy of the encrypted directory was written.
    DecryptCopy,
}

fn part_token(part: RecordPart) -> &'static str {
    match part {
        RecordPart::Names => "names",
        RecordPart::Birth => "birth",
        RecordPart::Origin => "origin",
        RecordPart::Languages => "languages",
        RecordPart::Arrival => "arrival",
        RecordPart::Contact => "contact",
        RecordPart::Administrative => "administrative",
        RecordPart::Family => "family",
        RecordPart::FrenchLevel => "french-level",
        RecordPart::Pathway => "pathway",
        RecordPart::Skills => "skills",
        RecordPart::Referent => "referent",
        RecordPart::PrivateNotes => "private-notes",
        RecordPart::Preparation => "preparation",
        RecordPart::Creche => "creche",
        RecordPart::Applications => "applications",
    }
}

fn purpose_token(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::FollowUp => "follow-up",
        Purpose::ShareWithCompanies => "companies",
        Purpose::ShareWithCreche => "creche",
        Purpose::ShareWithLanguagePartners => "language-partners",
        Purpose::Statistics => "statistics",
    }
}

fn state_token(state: ConsentState) -> &'static str {
    match state {
        ConsentState::Given => "given",
        ConsentState::Refused => "refused",
        ConsentState::Withdrawn => "withdrawn",
    }
}

impl Operation {
    /// The operation as written in the journal (`modify:names,contact`).
    #[must_use]
    pub fn token(&self) -> String {
        match self {
            Self::Create => "create".to_owned(),
            Self::Modify(parts) => {
                let parts: Vec<&str> = parts.iter().map(|p| part_token(*p)).collect();
                format!("modify:{}", parts.join(","))
            }
            Self::Print(Document::Summary) => "print:summary".to_owned(),
            Self::Print(Document::Cv) => "print:cv".to_owned(),
            Self::Export => "export".to_owned(),
            Self::Erase => "erase".to_owned(),
            Self::Restore(date) => format!("restore:{}", date.format("%Y-%m-%d")),
            Self::Consent(purpose, state) => {
                format!(
                    "consent:{}:{}",
                    purpose_token(*purpose),
                    state_token(*state)
                )
            }
            Self::Override(purpose) => format!("override:{}", purpose_token(*purpose)),
            Self::Import(count) => format!("import:{count}"),
            Self::RetentionExtended => "retention:extend".to_owned(),
            Self::Encrypt => "encrypt".to_owned(),
            Self::DecryptCopy => "decrypt-copy".to_owned(),
        }
    }

    /// Reads a token written by [`Self::token`].
    #[must_use]
    pub fn parse(token: &str) -> Option<Self> {
        let (kind, rest) = token.split_once(':').unwrap_or((token, ""));
        let purpose = |t: &str| Purpose::ALL.into_iter().find(|p| purpose_token(*p) == t);
        Some(match kind {
            "create" => Self::Create,
            "modify" => Self::Modify(
                rest.split(',')
                    .filter(|t| !t.is_empty())
                    .map(|t| RecordPart::ALL.into_iter().find(|p| part_token(*p) == t))
                    .collect::<Option<Vec<_>>>()?,
            ),
            "print" => match rest {
                "summary" => Self::Print(Document::Summary),
                "cv" => Self::Print(Document::Cv),
                _ => return None,
            },
            "export" => Self::Export,
            "erase" => Self::Erase,
            "restore" => Self::Restore(NaiveDate::parse_from_str(rest, "%Y-%m-%d").ok()?),
            "consent" => {
                let (p, s) = rest.split_once(':')?;
                let state = ConsentState::ALL
                    .into_iter()
                    .find(|st| state_token(*st) == s)?;
                Self::Consent(purpose(p)?, state)
            }
            "override" => Self::Override(purpose(rest)?),
            "import" => Self::Import(rest.parse().ok()?),
            "retention" if rest == "extend" => Self::RetentionExtended,
            "encrypt" => Self::Encrypt,
            "decrypt-copy" => Self::DecryptCopy,
            _ => return None,
        })
    }

    /// The operation in French, as the record's history and `parcours journal` show it
    /// ("modifié : Noms, Coordonnées").
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Self::Create => "créé".to_owned(),
            Self::Modify(parts) => {
                let parts: Vec<&str> = parts.iter().map(|p| p.label()).collect();
                format!("modifié : {}", parts.join(", "))
            }
            Self::Print(Document::Summary) => "synthèse imprimée ou enregistrée".to_owned(),
            Self::Print(Document::Cv) => "CV imprimé ou enregistré".to_owned(),
            Self::Export => "copie des données remise à la personne".to_owned(),
            Self::Erase => "effacé".to_owned(),
            Self::Restore(date) => format!(
                "données restaurées depuis la sauvegarde du {}",
                date.format("%d/%m/%Y")
            ),
            Self::Consent(purpose, state) => format!(
                "consentement « {} » : {}",
                purpose.label(),
                state.label().to_lowercase()
            ),
            Self::Override(purpose) => {
                format!("transmission sans consentement : {}", purpose.label())
            }
            Self::Import(count) => format!("import de {count} entreprise(s)"),
            Self::RetentionExtended => "conservation prolongée".to_owned(),
            Self::Encrypt => "dossier de données chiffré".to_owned(),
            Self::DecryptCopy => "copie en clair du dossier chiffré".to_owned(),
        }
    }
}

/// One line of the journal, read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When (UTC).
    pub time: DateTime<Utc>,
    /// The counsellor's name.
    pub author: String,
    /// The installation's id.
    pub installation: String,
    /// What happened.
    pub operation: Operation,
    /// The record it is about, if any.
    pub record: Option<BeneficiaryId>,
}

/// A field as written: no tab nor line break can enter a line.
fn clean(field: &str) -> String {
    field
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn sha256_hex(line: &str) -> String {
    let digest = Sha256::digest(line.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// The month files, oldest first (`AAAA-MM.log`).
fn month_files(dir: &Path) -> Vec<(NaiveDate, PathBuf)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(NaiveDate, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let month = name.strip_suffix(".log")?;
            let first = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").ok()?;
            Some((first, e.path()))
        })
        .collect();
    files.sort();
    files
}

/// The journal of one data directory (the writer's side).
#[derive(Debug)]
pub(crate) struct Journal {
    dir: PathBuf,
    /// The hash of the last line written, once read.
    last_hash: Option<String>,
    /// The file and its length as this writer left them: another Parcours on the same folder
    /// (a team on a shared folder) may have appended since, then the last line is read again.
    left_at: Option<(PathBuf, u64)>,
    /// The last day whose old months were pruned.
    pruned_on: Option<NaiveDate>,
    /// How many events this process wrote (the window reads the history again when it moves).
    written: u64,
    /// The thread that syncs each written line to disk, started at the first append.
    syncer: Option<Syncer>,
}

/// Syncs the journal's files to disk off the caller's thread: an append writes its line (in
/// the system's cache at once: a crash of Parcours loses nothing) and hands the file over, so
/// that the disk's sync (milliseconds on a slow disk) never holds the window. Files waiting
/// together are synced once. Dropping it waits for the last sync.
#[derive(Debug)]
struct Syncer {
    files: Option<mpsc::SyncSender<(PathBuf, fs::File)>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// How many written files may wait for their sync; beyond, the caller syncs its own (a burst
/// faster than the disk, never seen in a counsellor's day). Keeps open handles bounded.
const SYNC_BACKLOG: usize = 64;

impl Syncer {
    fn start() -> io::Result<Self> {
        let (sender, receiver) = mpsc::sync_channel::<(PathBuf, fs::File)>(SYNC_BACKLOG);
        let thread = std::thread::Builder::new()
            .name("journal-sync".to_owned())
            .spawn(move || {
                while let Ok(first) = receiver.recv() {
                    // Every handle waiting, one per file: a sync of the newest handle of a
                    // file writes all that was written to it, so the older ones are closed
                    // without a sync of their own.
                    let mut waiting = vec![first];
                    while let Ok((path, file)) = receiver.try_recv() {
                        waiting.retain(|(p, _)| *p != path);
                        waiting.push((path, file));
                    }
                    for (_, file) in waiting {
                        let _ = file.sync_data();
                    }
                }
            })?;
        Ok(Self {
            files: Some(sender),
            thread: Some(thread),
        })
    }

    /// Hands a written file over; synced here and now when the thread is gone or too many
    /// files wait.
    fn sync(&mut self, path: PathBuf, file: fs::File) -> io::Result<()> {
        match &self.files {
            Some(sender) => match sender.try_send((path, file)) {
                Ok(()) => Ok(()),
                Err(
                    mpsc::TrySendError::Full((_, file))
                    | mpsc::TrySendError::Disconnected((_, file)),
                ) => file.sync_data(),
            },
            None => file.sync_data(),
        }
    }
}

impl Drop for Syncer {
    fn drop(&mut self) {
        self.files = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Journal {
    pub(crate) fn new(root: &Path) -> Self {
        Self {
            dir: root.join(JOURNAL_DIR),
            last_hash: None,
            left_at: None,
            pruned_on: None,
            written: 0,
            syncer: None,
        }
    }

    /// Reads the last line again at the next append (the folder was replaced by a restore).
    pub(crate) fn forget_last_line(&mut self) {
        self.last_hash = None;
        self.left_at = None;
    }

    /// The hash of the journal's last line as on disk (the newest month's last line).
    fn read_last_hash(&self) -> io::Result<String> {
        let Some((_, path)) = month_files(&self.dir).pop() else {
            return Ok(GENESIS.to_owned());
        };
        let bytes = fs::read(&path)?;
        let text = String::from_utf8_lossy(&bytes);
        Ok(text
            .split('\n')
            .rfind(|l| !l.is_empty())
            .map_or_else(|| GENESIS.to_owned(), sha256_hex))
    }

    /// Deletes the month files older than `months()` months before `now`'s month, once a day.
    pub(crate) fn prune(&mut self, now: DateTime<Utc>, months: impl FnOnce() -> u32) {
        let today = now.date_naive();
        if self.pruned_on == Some(today) {
            return;
        }
        self.pruned_on = Some(today);
        let months = months();
        let this_month = today.with_day(1).unwrap_or(today);
        let Some(oldest_kept) =
            this_month.checked_sub_months(chrono::Months::new(months.saturating_sub(1)))
        else {
            return;
        };
        for (month, path) in month_files(&self.dir) {
            if month < oldest_kept {
                let _ = fs::remove_file(path);
            }
        }
    }

    /// Appends one event, chained on the last line, and syncs it to disk.
    pub(crate) fn append(
        &mut self,
        now: DateTime<Utc>,
        author: &Author,
        operation: &Operation,
        record: Option<BeneficiaryId>,
        months_kept: impl FnOnce() -> u32,
    ) -> io::Result<()> {
        self.prune(now, months_kept);
        fs::create_dir_all(&self.dir)?;
        // One writer at a time across the Parcours of a shared folder, each chaining on the
        // line really last: read again when another one appended since this one's last line.
        let root = self.dir.parent().unwrap_or(&self.dir).to_owned();
        let _lock = crate::store::cas::ShortLock::take(&root, "journal")?;
        let path = self.dir.join(format!("{}.log", now.format("%Y-%m")));
        let unchanged = self.left_at.as_ref().is_some_and(|(left, len)| {
            *left == path && fs::metadata(&path).is_ok_and(|m| m.len() == *len)
        });
        let previous = match self.last_hash.take() {
            Some(hash) if unchanged => hash,
            _ => self.read_last_hash()?,
        };
        let record = record.map_or_else(|| "-".to_owned(), |id| id.to_string());
        let name = if author.name.trim().is_empty() {
            "-".to_owned()
        } else {
            clean(&author.name)
        };
        let installation = if author.installation.is_empty() {
            "-".to_owned()
        } else {
            clean(&author.installation)
        };
        let line = format!(
            "{}\t{name}\t{installation}\t{}\t{record}\t{previous}",
            now.format("%Y-%m-%dT%H:%M:%SZ"),
            operation.token(),
        );
        let mut file = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)?;
        // A line cut by a crash has no end of line: this one starts on a line of its own.
        let torn = file.metadata()?.len() > 0 && !ends_with_newline(&path)?;
        let mut bytes = Vec::with_capacity(line.len() + 2);
        if torn {
            bytes.push(b'\n');
        }
        bytes.extend_from_slice(line.as_bytes());
        bytes.push(b'\n');
        file.write_all(&bytes)?;
        match &mut self.syncer {
            Some(syncer) => syncer.sync(path.clone(), file)?,
            None => match Syncer::start() {
                Ok(mut syncer) => {
                    syncer.sync(path.clone(), file)?;
                    self.syncer = Some(syncer);
                }
                // No thread to be had: synced here.
                Err(_) => file.sync_data()?,
            },
        }
        self.left_at = fs::metadata(&path).ok().map(|m| (path.clone(), m.len()));
        self.last_hash = Some(sha256_hex(&line));
        self.written += 1;
        Ok(())
    }
}

fn ends_with_newline(path: &Path) -> io::Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = fs::File::open(path)?;
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// A line that could not be read as an event.
fn parse_line(line: &str) -> Option<(Event, &str)> {
    let fields: Vec<&str> = line.split('\t').collect();
    let [time, author, installation, operation, record, previous] = fields.as_slice() else {
        return None;
    };
    let time = DateTime::parse_from_rfc3339(time).ok()?.with_timezone(&Utc);
    let record = if *record == "-" {
        None
    } else {
        Some(record.parse::<BeneficiaryId>().ok()?)
    };
    if previous.len() != 64 {
        return None;
    }
    Some((
        Event {
            time,
            author: (*author).to_owned(),
            installation: (*installation).to_owned(),
            operation: Operation::parse(operation)?,
            record,
        },
        previous,
    ))
}

/// What [`verify`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verification {
    /// How many lines were checked.
    pub lines: usize,
    /// The first line that breaks the chain (edited, or a line before it removed), as
    /// `file:line`, with why, in French.
    pub broken: Option<String>,
    /// Lines cut by a crash (`file:line`): reported, not a break of the chain.
    pub torn: Vec<String>,
}

/// Checks the chain of every month file in the data directory `root`, oldest first. The
/// oldest file's first line may follow a month deleted by the retention setting.
#[must_use]
pub fn verify(root: &Path) -> Verification {
    let mut report = Verification::default();
    let mut previous: Option<String> = None;
    for (_, path) in month_files(&root.join(JOURNAL_DIR)) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                report.broken = Some(format!("{name} : illisible ({e})"));
                return report;
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        let ends_cleanly = text.ends_with('\n');
        let lines: Vec<&str> = text.split('\n').collect();
        let count = lines.len();
        for (index, line) in lines.into_iter().enumerate() {
            let at = format!("{name}:{}", index + 1);
            let is_last = index + 1 == count;
            if line.is_empty() {
                if !is_last {
                    report.broken.get_or_insert(format!("{at} : ligne vide"));
                    return report;
                }
                continue;
            }
            report.lines += 1;
            match parse_line(line) {
                Some((_, hash)) => {
                    if previous.as_deref().is_some_and(|p| p != hash) {
                        report.broken = Some(format!(
                            "{at} : la chaîne est rompue (cette ligne ou celle d'avant a été modifiée ou supprimée)"
                        ));
                        return report;
                    }
                }
                // A crash cut this line: it has no end of line (the file's last), or the next
                // append started after it.
                None if (is_last && !ends_cleanly) || looks_torn(line) => report.torn.push(at),
                None => {
                    report.broken = Some(format!("{at} : ligne illisible"));
                    return report;
                }
            }
            previous = Some(sha256_hex(line));
        }
    }
    report
}

/// A prefix of a well-formed line: fewer fields than a full one.
fn looks_torn(line: &str) -> bool {
    line.split('\t').count() < 6
}

/// Which events [`events`] returns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this record's.
    pub record: Option<BeneficiaryId>,
    /// From this day (UTC), included.
    pub from: Option<NaiveDate>,
    /// To this day (UTC), included.
    pub to: Option<NaiveDate>,
}

/// The events of the journal that pass `filter`, oldest first. Lines that cannot be read are
/// skipped (`verify` reports them).
#[must_use]
pub fn events(root: &Path, filter: Filter) -> Vec<Event> {
    let mut found = Vec::new();
    for (month, path) in month_files(&root.join(JOURNAL_DIR)) {
        let last_day = month
            .checked_add_months(chrono::Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(month);
        if filter.from.is_some_and(|from| last_day < from) || filter.to.is_some_and(|to| month > to)
        {
            continue;
        }
        let Ok(bytes) = fs::read(&path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        for line in text.lines() {
            let Some((event, _)) = parse_line(line) else {
                continue;
            };
            let day = event.time.date_naive();
            if filter.record.is_some_and(|r| event.record != Some(r))
                || filter.from.is_some_and(|from| day < from)
                || filter.to.is_some_and(|to| day > to)
            {
                continue;
            }
            found.push(event);
        }
    }
    found
}

/// The store's side of the journal: who writes, and what each save writes.
impl Store {
    /// Sets who the journal names as the author of the next events (the window's counsellor
    /// profile).
    pub fn set_author(&mut self, author: Author) {
        self.author = author;
    }

    /// How many months of journal to keep, from the settings file (the default when it is
    /// absent or unreadable).
    pub(super) fn journal_months(&self) -> u32 {
        super::load::load_file::<Settings>(&self.codec, &self.root.join(SETTINGS_FILE))
            .unwrap_or_default()
            .journal_months
    }

    /// Writes one event to the journal (writer only: a reader writes nothing). A failure does
    /// not undo what was done: it is kept for [`Self::take_backup_error`].
    pub fn journal_event(&self, operation: &Operation, record: Option<BeneficiaryId>) {
        if !self.is_writable() {
            return;
        }
        let written = self.journal.borrow_mut().append(
            chrono::Utc::now(),
            &self.author,
            operation,
            record,
            || self.journal_months(),
        );
        if let Err(source) = written {
            self.backup_error.replace(Some(super::StoreError::Journal {
                path: self.root.join(JOURNAL_DIR),
                source,
            }));
        }
    }

    /// Journals a saved record: a creation, or the parts that changed, then each consent
    /// answer that changed and each new override, as events of their own.
    pub(super) fn journal_save(&self, before: Option<&Beneficiary>, after: &Beneficiary) {
        use Operation;
        let id = Some(after.id);
        let Some(before) = before else {
            self.journal_event(&Operation::Create, id);
            return;
        };
        let parts: Vec<RecordPart> = RecordPart::ALL
            .into_iter()
            .filter(|p| p.differs(before, after))
            .collect();
        if !parts.is_empty() {
            self.journal_event(&Operation::Modify(parts), id);
        }
        let (old, new) = (&before.protection, &after.protection);
        for purpose in Purpose::ALL {
            let state = |p: &Protection| p.current(purpose).map(|e| e.state);
            if state(old) != state(new)
                && let Some(now) = state(new)
            {
                self.journal_event(&Operation::Consent(purpose, now), id);
            }
        }
        for added in new.overrides.iter().filter(|o| !old.overrides.contains(o)) {
            self.journal_event(&Operation::Override(added.purpose), id);
        }
        if new.extension.is_some() && new.extension != old.extension {
            self.journal_event(&Operation::RetentionExtended, id);
        }
    }

    /// How many events this store wrote: the window reads a record's history again when it
    /// moves.
    #[must_use]
    pub fn journal_writes(&self) -> u64 {
        self.journal.borrow().written
    }

    /// Journals a document of a record printed or saved as PDF.
    pub fn journal_print(&self, record: BeneficiaryId, document: Document) {
        self.journal_event(&Operation::Print(document), Some(record));
    }

    /// Journals an import of companies.
    pub fn journal_import(&self, count: usize) {
        self.journal_event(&Operation::Import(count), None);
    }

    /// The journal's events that pass `filter`, oldest first.
    #[must_use]
    pub fn journal_events(&self, filter: Filter) -> Vec<Event> {
        events(&self.root, filter)
    }

    /// Checks the journal's chain.
    #[must_use]
    pub fn verify_journal(&self) -> Verification {
        verify(&self.root)
    }
}

#[cfg(test)]
mod tests;
