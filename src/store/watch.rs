//! Seeing what other Parcours write in a shared folder: a thread of its own lists the data
//! directory every second (names, sizes, modification times: no file is read) and reports
//! what changed since the last look. Polling works everywhere, network shares included, where
//! file-system notifications do not.
//!
//! The window's own writes are reported too: the store knows its last write of each record
//! file by its digest, and does not read it back (`Store::reload_record`).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

use super::companies::COMPANIES_DIR;
use super::creche::CRECHE_FILE;
use super::workshops::WORKSHOPS_DIR;
use super::{BENEFICIARIES_DIR, PARTNERS_DIR, SETTINGS_FILE, Store, load};
use crate::model::record::{Beneficiary, BeneficiaryId};

/// Seconds between two looks at the data directory.
pub const WATCH_INTERVAL_SECONDS: f64 = 1.0;

/// What one look found of a file: its size and modification time.
type Stamp = (u64, Option<SystemTime>);

/// Seconds within which a folder's own modification time is too recent to vouch for its
/// files (coarse clocks of network shares): the folder is listed whole.
const FOLDER_STAMP_MARGIN_SECONDS: u64 = 3;

/// One folder as a look found it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Folder {
    /// The folder's own modification time: every save replaces a file by renaming (Parcours,
    /// sync tools), which changes it.
    stamp: Option<SystemTime>,
    /// Its `.ron` files, by name.
    files: HashMap<String, Stamp>,
    /// Taken over from the previous look unlisted (the folder's time had not moved).
    reused: bool,
}

/// The data directory's files as one look found them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Snapshot {
    folders: HashMap<&'static str, Folder>,
    /// The root's crèche and settings files.
    root_files: HashMap<&'static str, Stamp>,
}

/// What changed between two looks: one flag per kind of shared file, each read again whole.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "one independent flag per kind of file"
)]
pub struct Changes {
    /// Records written (or made) since.
    pub records: Vec<BeneficiaryId>,
    /// A workshop of the catalogue changed, came or went.
    pub workshops: bool,
    /// A company changed, came or went.
    pub companies: bool,
    /// A French-course partner changed, came or went.
    pub partners: bool,
    /// `creche.ron` changed.
    pub creche: bool,
    /// `settings.ron` changed.
    pub settings: bool,
}

impl Changes {
    /// Whether nothing changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

const FOLDERS: [&str; 4] = [
    BENEFICIARIES_DIR,
    WORKSHOPS_DIR,
    COMPANIES_DIR,
    PARTNERS_DIR,
];

/// Lists the files the window shows: every `.ron` of the records', workshops', companies' and
/// partners' folders, and the root's crèche and settings files.
#[must_use]
pub fn scan(root: &Path) -> Snapshot {
    scan_since(root, Snapshot::default())
}

/// [`scan`], taking over from `previous` each folder whose own modification time has not
/// moved (and is not too recent to vouch for it): a look at an unchanged folder of 10,000
/// records is one `stat`.
#[must_use]
pub fn scan_since(root: &Path, mut previous: Snapshot) -> Snapshot {
    let now = SystemTime::now();
    let mut folders = HashMap::new();
    for folder in FOLDERS {
        let dir = root.join(folder);
        let stamp = fs::metadata(&dir).and_then(|m| m.modified()).ok();
        let settled = stamp
            .and_then(|at| now.duration_since(at).ok())
            .is_some_and(|age| age.as_secs() >= FOLDER_STAMP_MARGIN_SECONDS);
        if let Some(mut before) = previous.folders.remove(folder)
            && settled
            && before.stamp == stamp
        {
            before.reused = true;
            folders.insert(folder, before);
            continue;
        }
        let mut files = HashMap::new();
        if let Ok(entries) = fs::read_dir(&dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                // Parcours writes `.ron` in lower case, and loads nothing else.
                if Path::new(&name).extension().is_none_or(|e| e != "ron") {
                    continue;
                }
                if let Ok(meta) = entry.metadata() {
                    files.insert(name, (meta.len(), meta.modified().ok()));
                }
            }
        }
        folders.insert(
            folder,
            Folder {
                stamp,
                files,
                reused: false,
            },
        );
    }
    let mut root_files = HashMap::new();
    for file in [CRECHE_FILE, SETTINGS_FILE] {
        if let Ok(meta) = fs::metadata(root.join(file)) {
            root_files.insert(file, (meta.len(), meta.modified().ok()));
        }
    }
    Snapshot {
        folders,
        root_files,
    }
}

/// What changed from `before` to `after`.
#[must_use]
pub fn changes(before: &Snapshot, after: &Snapshot) -> Changes {
    let mut changes = Changes::default();
    let empty = Folder::default();
    for folder in FOLDERS {
        let Some(now) = after.folders.get(folder).filter(|f| !f.reused) else {
            continue;
        };
        let was = before.folders.get(folder).unwrap_or(&empty);
        let touched: Vec<&String> = now
            .files
            .iter()
            .filter(|(name, stamp)| was.files.get(*name) != Some(stamp))
            .map(|(name, _)| name)
            .collect();
        let removed = was.files.keys().any(|name| !now.files.contains_key(name));
        if touched.is_empty() && !removed {
            continue;
        }
        match folder {
            BENEFICIARIES_DIR => changes.records.extend(
                touched
                    .iter()
                    .filter_map(|name| name.strip_suffix(".ron")?.parse::<BeneficiaryId>().ok()),
            ),
            WORKSHOPS_DIR => changes.workshops = true,
            COMPANIES_DIR => changes.companies = true,
            _ => changes.partners = true,
        }
    }
    changes.creche = before.root_files.get(CRECHE_FILE) != after.root_files.get(CRECHE_FILE);
    changes.settings = before.root_files.get(SETTINGS_FILE) != after.root_files.get(SETTINGS_FILE);
    changes.records.sort_unstable();
    changes
}

/// The thread that looks at a data directory every second; stopped on drop.
#[derive(Debug)]
pub struct Watcher {
    changes: mpsc::Receiver<Changes>,
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Watcher {
    /// Starts looking at `root`; `wake` is called after each look that found a change (the
    /// window asks for a new frame). `None` when no thread can be had.
    pub fn start(root: PathBuf, wake: impl Fn() + Send + 'static) -> Option<Self> {
        let (send, received) = mpsc::channel();
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("parcours-veille".to_owned())
            .spawn(move || {
                let mut last = scan(&root);
                while let Err(mpsc::RecvTimeoutError::Timeout) =
                    stopped.recv_timeout(Duration::from_secs_f64(WATCH_INTERVAL_SECONDS))
                {
                    let now = scan_since(&root, last.clone());
                    let found = changes(&last, &now);
                    last = now;
                    if !found.is_empty() {
                        if send.send(found).is_err() {
                            return;
                        }
                        wake();
                    }
                }
            })
            .ok()?;
        Some(Self {
            changes: received,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Every change reported since the last call, merged.
    #[must_use]
    pub fn take(&self) -> Changes {
        let mut all = Changes::default();
        for found in self.changes.try_iter() {
            all.records.extend(found.records);
            all.workshops |= found.workshops;
            all.companies |= found.companies;
            all.partners |= found.partners;
            all.creche |= found.creche;
            all.settings |= found.settings;
        }
        all.records.sort_unstable();
        all.records.dedup();
        all
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Store {
    /// Reads record `id` from its own file, `beneficiaries/<id>.ron`, as another Parcours
    /// wrote it: `None` when it cannot be read, or when it holds exactly `known` as this store
    /// writes it (its own save, read back). A record new to this store is now its own to save
    /// (its file is known).
    pub fn reload_record(
        &mut self,
        id: BeneficiaryId,
        known: Option<&Beneficiary>,
    ) -> Option<Beneficiary> {
        let path = self.beneficiary_path(id);
        let bytes = fs::read(&path).ok()?;
        let plain = self.codec.plain(&bytes).ok()?;
        // This store's own last write, still what the file holds.
        let digest: [u8; 32] = Sha256::digest(&*plain).into();
        if self.written.borrow().get(&path) == Some(&digest) {
            return None;
        }
        if let Some(known) = known
            && super::envelope::encode(known).is_ok_and(|text| text.as_bytes() == &*plain)
        {
            return None;
        }
        let record: Beneficiary = load::load_file(&self.codec, &path).ok()?;
        if record.id != id {
            return None;
        }
        self.unreadable.remove(&path);
        self.paths.insert(id, path);
        Some(record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_look_reports_records_written_and_each_shared_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for folder in [BENEFICIARIES_DIR, WORKSHOPS_DIR] {
            fs::create_dir_all(root.join(folder)).unwrap();
        }
        let id = BeneficiaryId::new();
        let record = root.join(BENEFICIARIES_DIR).join(format!("{id}.ron"));
        fs::write(&record, "a").unwrap();
        let before = scan(root);
        assert!(changes(&before, &scan_since(root, before.clone())).is_empty());
        fs::write(&record, "ab").unwrap();
        fs::write(root.join(WORKSHOPS_DIR).join("w.ron"), "w").unwrap();
        fs::write(root.join(BENEFICIARIES_DIR).join("notes.txt"), "x").unwrap();
        let found = changes(&before, &scan_since(root, before.clone()));
        assert_eq!(found.records, [id]);
        assert!(found.workshops && !found.companies && !found.creche);
    }

    #[test]
    fn this_stores_own_write_is_known_without_reading_it_and_another_writers_is_read_back() {
        use crate::store::Access;
        let dir = tempfile::tempdir().unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut record = Beneficiary::new(chrono::Utc::now());
        record.identity.last_name = "Diallo".into();
        let mut ours = Store::open(dir.path(), Access::ReadWrite).unwrap();
        ours.save_beneficiary(&record, today).unwrap();
        // The window's own save, reported by the watcher: nothing to read back, even against
        // a version the window holds that differs from the file's stamps.
        assert_eq!(ours.reload_record(record.id, Some(&record)), None);
        assert_eq!(ours.reload_record(record.id, None), None);
        // Another Parcours writes the same record: it is read back.
        let mut other = Store::open(dir.path(), Access::ReadWrite).unwrap();
        other.load();
        let mut changed = record.clone();
        changed.identity.first_name = "Awa".into();
        other.save_beneficiary(&changed, today).unwrap();
        let read = ours.reload_record(record.id, Some(&record)).unwrap();
        assert_eq!(read.identity.first_name, "Awa");
    }
}
