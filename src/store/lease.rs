//! Leases: several Parcours on one shared folder (a network share), each record edited by one
//! of them at a time.
//!
//! A lease is a small file, `.parcours/baux/<id>.ron`, naming who holds it (the counsellor, the
//! machine, the process, the installation), since when, and when it was last refreshed. It is
//! made by an exclusive creation (a complete file linked in place, which fails when one exists),
//! refreshed by an atomic replacement every [`LEASE_REFRESH_SECONDS`] by a thread of its own
//! while held, and removed when let go. OS file locks are not used: over SMB they are not
//! reliable.
//!
//! A lease nobody refreshed for [`LEASE_STALE_SECONDS`] is stale (its holder crashed, or lost
//! the network); so is one whose process is dead on this very machine. A stale lease is taken
//! over. A holder that finds, when refreshing, that its lease is no longer its own has lost it
//! ([`Lease::lost`]): it must stop writing that record.
//!
//! Whole-directory operations (a restore, an erasure that rewrites every backup) hold the
//! directory's lease, `.parcours/baux/dossier.ron`, with what they do: every other store then
//! refuses to write ([`StoreError::Locked`]) until it is let go.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::{DateTime, Local, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::journal::Author;
use super::{Store, StoreError, atomic};
use crate::model::record::BeneficiaryId;

/// The folder of Parcours' own coordination files, inside the data directory: leases and
/// short-lived locks. Not data: sync tools must ignore it.
pub const COORDINATION_DIR: &str = ".parcours";
/// The leases' folder, inside [`COORDINATION_DIR`].
pub const LEASES_DIR: &str = "baux";
/// The directory's lease's file name (whole-directory operations), inside the leases' folder.
pub const DIRECTORY_LEASE: &str = "dossier.ron";
/// Seconds without a refresh after which a lease is stale and may be taken over.
pub const LEASE_STALE_SECONDS: i64 = 120;
/// Seconds between two refreshes of a lease held.
pub const LEASE_REFRESH_SECONDS: u64 = 20;
/// What a restore says it does, in the directory's lease.
pub(crate) const RESTORE_PURPOSE: &str = "restauration d'une sauvegarde";
/// What an erasure says it does, in the directory's lease.
pub(crate) const ERASE_PURPOSE: &str = "effacement d'une fiche dans les sauvegardes";

/// Who holds a lease, as its file says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaseHolder {
    /// The counsellor (the profile's name), or "Parcours" without a profile.
    pub name: String,
    /// The machine's name.
    pub machine: String,
    /// The holder's process id, on its machine.
    pub pid: u32,
    /// The holder's installation id (the profile's).
    #[serde(default)]
    pub installation: String,
    /// The holding store's own random id: two windows of one process are two holders.
    #[serde(default)]
    pub session: String,
    /// When the lease was taken.
    pub taken_at: DateTime<Utc>,
    /// When it was last refreshed.
    pub refreshed_at: DateTime<Utc>,
    /// What the holder is doing, for the directory's lease ("restauration d'une sauvegarde").
    #[serde(default)]
    pub purpose: String,
}

impl LeaseHolder {
    /// The store of session `session`, as `author`, now.
    pub(crate) fn me(author: &Author, session: &str, purpose: &str) -> Self {
        let now = Utc::now();
        let name = if author.name.trim().is_empty() {
            "Parcours".to_owned()
        } else {
            author.name.trim().to_owned()
        };
        Self {
            name,
            machine: machine_name(),
            pid: std::process::id(),
            installation: author.installation.clone(),
            session: session.to_owned(),
            taken_at: now,
            refreshed_at: now,
            purpose: purpose.to_owned(),
        }
    }

    /// Whether `self` and `other` are the same taking of the lease (the refresh time aside).
    fn same_taking(&self, other: &Self) -> bool {
        self.session == other.session
            && self.machine == other.machine
            && self.pid == other.pid
            && self.taken_at == other.taken_at
    }

    /// Whether the lease may be taken over at `now`: not refreshed for
    /// [`LEASE_STALE_SECONDS`], or its process is dead on this machine.
    #[must_use]
    pub fn is_stale(&self, now: DateTime<Utc>) -> bool {
        (now - self.refreshed_at).num_seconds() > LEASE_STALE_SECONDS
            || (self.machine == machine_name() && process_is_dead(self.pid))
    }

    /// When the lease was taken, in local time (the banner's "depuis 10:42").
    #[must_use]
    pub fn since(&self) -> NaiveDateTime {
        self.taken_at.with_timezone(&Local).naive_local()
    }
}

/// This machine's name: what a banner names ("PC-EDS-12").
#[must_use]
pub fn machine_name() -> String {
    for variable in ["COMPUTERNAME", "HOSTNAME"] {
        if let Some(name) = std::env::var_os(variable)
            .map(|n| n.to_string_lossy().trim().to_owned())
            .filter(|n| !n.is_empty())
        {
            return name;
        }
    }
    for file in ["/proc/sys/kernel/hostname", "/etc/hostname"] {
        if let Ok(name) = fs::read_to_string(file) {
            let name = name.trim();
            if !name.is_empty() {
                return name.to_owned();
            }
        }
    }
    "?".to_owned()
}

/// Whether process `pid` is known to be dead on this machine (Linux: no `/proc/<pid>`);
/// `false` when it cannot be told.
pub(crate) fn process_is_dead(pid: u32) -> bool {
    Path::new("/proc/self").exists() && !Path::new(&format!("/proc/{pid}")).exists()
}

/// "Claire Martin (PC-EDS-12) depuis 10:42", as messages name a lease's holder.
#[must_use]
pub fn describe(holder: &LeaseHolder) -> String {
    format!(
        "{} ({}) depuis {}",
        holder.name,
        holder.machine,
        holder.since().format("%H:%M")
    )
}

/// [`describe`], and what the holder of the directory's lease does.
pub(crate) fn describe_directory(holder: &LeaseHolder) -> String {
    if holder.purpose.is_empty() {
        describe(holder)
    } else {
        format!("{} ({})", describe(holder), holder.purpose)
    }
}

/// The lease's file of record `id` in the data directory `root`.
pub(crate) fn record_lease_path(root: &Path, id: BeneficiaryId) -> PathBuf {
    leases_dir(root).join(format!("{id}.ron"))
}

/// The directory's lease's file in `root`.
pub(crate) fn directory_lease_path(root: &Path) -> PathBuf {
    leases_dir(root).join(DIRECTORY_LEASE)
}

fn leases_dir(root: &Path) -> PathBuf {
    root.join(COORDINATION_DIR).join(LEASES_DIR)
}

/// The holder a lease file names; `None` when there is no file, or it cannot be read (being
/// written by a system that cannot link files, or damaged).
pub(crate) fn read_holder(path: &Path) -> Option<LeaseHolder> {
    let text = fs::read_to_string(path).ok()?;
    ron::from_str(&text).ok()
}

/// Who holds the lease at `path`, when it is held by another store than session `session`
/// and not stale.
pub(crate) fn held_by_other(path: &Path, session: &str) -> Option<LeaseHolder> {
    let holder = read_holder(path)?;
    (holder.session != session && !holder.is_stale(Utc::now())).then_some(holder)
}

/// Why a lease could not be taken.
#[derive(Debug)]
pub enum LeaseError {
    /// Another Parcours holds it (and keeps refreshing it).
    Held(Box<LeaseHolder>),
    /// Its file could not be made.
    Io(PathBuf, io::Error),
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Creates `path` holding `bytes`, complete, or fails with `AlreadyExists` when it exists: the
/// bytes go to a temporary file first, then linked in place (a link never replaces a file).
/// Where links are not to be had, an exclusive creation then the write.
fn create_new_complete(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = dir.join(format!(".bail.{}-{n}.tmp", std::process::id()));
    fs::write(&temp, bytes)?;
    let linked = fs::hard_link(&temp, path);
    let _ = fs::remove_file(&temp);
    match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let mut file = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)?;
            file.write_all(bytes)?;
            file.sync_all()
        }
    }
}

fn encode(holder: &LeaseHolder) -> io::Result<String> {
    ron::ser::to_string_pretty(holder, ron::ser::PrettyConfig::default()).map_err(io::Error::other)
}

/// Takes the lease at `path` for `me`: created when absent, taken over when stale.
fn take(path: &Path, me: &LeaseHolder) -> Result<(), LeaseError> {
    let io_error = |e| LeaseError::Io(path.to_owned(), e);
    let bytes = encode(me).map_err(io_error)?;
    for _ in 0..3 {
        match create_new_complete(path, bytes.as_bytes()) {
            Ok(()) => return Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(io_error(e)),
        }
        match read_holder(path) {
            Some(holder) if holder.session == me.session => return Ok(()),
            Some(holder) if !holder.is_stale(Utc::now()) => {
                return Err(LeaseError::Held(Box::new(holder)));
            }
            Some(stale) => set_aside_if_still(path, &stale),
            // Being written where links cannot be made, or damaged: stale once old enough.
            None => {
                let old = fs::metadata(path)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age.as_secs() > LEASE_STALE_SECONDS.unsigned_abs());
                if !old {
                    return Err(LeaseError::Held(Box::new(LeaseHolder {
                        name: "?".to_owned(),
                        machine: "?".to_owned(),
                        pid: 0,
                        installation: String::new(),
                        session: String::new(),
                        taken_at: Utc::now(),
                        refreshed_at: Utc::now(),
                        purpose: String::new(),
                    })));
                }
                let _ = fs::remove_file(path);
            }
        }
    }
    match read_holder(path) {
        Some(holder) => Err(LeaseError::Held(Box::new(holder))),
        None => Err(io_error(io::Error::other("bail disputé"))),
    }
}

/// Moves the stale lease at `path` aside, unless another Parcours took it over meanwhile (then
/// it is put back).
fn set_aside_if_still(path: &Path, stale: &LeaseHolder) {
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let aside = path.with_extension(format!("{}-{n}.perime", std::process::id()));
    if fs::rename(path, &aside).is_err() {
        return;
    }
    if read_holder(&aside).as_ref() != Some(stale) {
        // Someone took it over between our read and our move: theirs goes back.
        let _ = fs::hard_link(&aside, path);
    }
    let _ = fs::remove_file(&aside);
}

/// Refreshes the lease at `path` held by `me`; `false` when it is no longer `me`'s.
fn refresh(path: &Path, me: &LeaseHolder) -> bool {
    match read_holder(path) {
        Some(holder) if holder.same_taking(me) => {
            let refreshed = LeaseHolder {
                refreshed_at: Utc::now(),
                ..me.clone()
            };
            // A failed write is tried again at the next refresh: the lease stays ours until
            // another takes it.
            if let Ok(text) = encode(&refreshed) {
                let _ = atomic::write_atomic(path, text.as_bytes());
            }
            true
        }
        _ => false,
    }
}

/// Removes the lease at `path` if it is still `me`'s.
fn release(path: &Path, me: &LeaseHolder) {
    if read_holder(path).is_some_and(|holder| holder.same_taking(me)) {
        let _ = fs::remove_file(path);
    }
}

/// A lease held by this process: refreshed by a thread of its own, let go on drop.
#[derive(Debug)]
pub struct Lease {
    path: PathBuf,
    me: LeaseHolder,
    lost: Arc<AtomicBool>,
    /// Dropped to stop the refreshing thread.
    stop: Option<mpsc::Sender<()>>,
    refresher: Option<JoinHandle<()>>,
}

impl Lease {
    /// Takes the lease at `path` for `me` (see [`LeaseHolder::me`]).
    pub(crate) fn take(path: PathBuf, me: LeaseHolder) -> Result<Self, LeaseError> {
        take(&path, &me)?;
        let lost = Arc::new(AtomicBool::new(false));
        let (stop, stopped) = mpsc::channel::<()>();
        let refresher = {
            let (path, me, lost) = (path.clone(), me.clone(), Arc::clone(&lost));
            std::thread::Builder::new()
                .name("parcours-bail".to_owned())
                .spawn(move || {
                    while let Err(mpsc::RecvTimeoutError::Timeout) =
                        stopped.recv_timeout(Duration::from_secs(LEASE_REFRESH_SECONDS))
                    {
                        if !refresh(&path, &me) {
                            lost.store(true, Ordering::Relaxed);
                            return;
                        }
                    }
                })
                .ok()
        };
        Ok(Self {
            path,
            me,
            lost,
            stop: Some(stop),
            refresher,
        })
    }

    /// Whether another Parcours took the lease over (this one stopped refreshing in time, its
    /// machine asleep or cut from the network): its holder must stop writing.
    #[must_use]
    pub fn lost(&self) -> bool {
        self.lost.load(Ordering::Relaxed)
    }

    /// Who holds it: this process.
    #[must_use]
    pub fn holder(&self) -> &LeaseHolder {
        &self.me
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        self.stop = None;
        if let Some(thread) = self.refresher.take() {
            let _ = thread.join();
        }
        release(&self.path, &self.me);
    }
}

/// Leases, as the window and the saves use them.
impl Store {
    /// This store's session: the random id its leases carry (empty when read-only).
    fn session(&self) -> &str {
        self.lock.as_ref().map_or("", |l| l.session.as_str())
    }

    /// Takes record `id`'s lease, to edit it: refused when another Parcours holds it, or when
    /// this store cannot write. Let go when the [`Lease`] is dropped.
    pub fn lease_record(&self, id: BeneficiaryId) -> Result<Lease, LeaseError> {
        let path = record_lease_path(&self.root, id);
        if self.lock.is_none() {
            return Err(LeaseError::Io(
                path,
                io::Error::new(io::ErrorKind::PermissionDenied, "lecture seule"),
            ));
        }
        let me = LeaseHolder::me(&self.author, self.session(), "");
        Lease::take(path, me)
    }

    /// Who edits record `id` in another Parcours (holds its lease, not stale), if anyone.
    #[must_use]
    pub fn record_lease_holder(&self, id: BeneficiaryId) -> Option<LeaseHolder> {
        held_by_other(&record_lease_path(&self.root, id), self.session())
    }

    /// Who runs a whole-directory operation in another Parcours, if anyone: meanwhile this
    /// store cannot write.
    #[must_use]
    pub fn directory_holder(&self) -> Option<LeaseHolder> {
        if self.lock.as_ref().is_some_and(|l| l.exclusive.is_some()) {
            return None;
        }
        held_by_other(&directory_lease_path(&self.root), self.session())
    }

    /// Refuses the save of record `id` when another Parcours holds its lease.
    pub(crate) fn check_record_lease(&self, id: BeneficiaryId) -> Result<(), StoreError> {
        match self.record_lease_holder(id) {
            Some(holder) => Err(StoreError::Leased(describe(&holder))),
            None => Ok(()),
        }
    }

    /// Takes the directory's lease for a whole-directory operation doing `purpose`; `true`
    /// when taken now, `false` when this store already held it (the caller then lets it go
    /// only if it took it).
    pub(crate) fn hold_directory(&mut self, purpose: &str) -> Result<bool, StoreError> {
        self.check_writable()?;
        let me = LeaseHolder::me(&self.author, self.session(), purpose);
        let Some(lock) = self.lock.as_mut() else {
            return Err(StoreError::ReadOnly);
        };
        if lock.exclusive.is_some() {
            return Ok(false);
        }
        let path = directory_lease_path(&self.root);
        match Lease::take(path, me) {
            Ok(lease) => {
                lock.exclusive = Some(lease);
                Ok(true)
            }
            Err(LeaseError::Held(holder)) => Err(StoreError::Locked(describe_directory(&holder))),
            Err(LeaseError::Io(path, source)) => Err(StoreError::Io { path, source }),
        }
    }

    /// Takes the directory's lease for a restore to come (asked first, then
    /// [`Store::restore`]): every other Parcours stops writing until this store is dropped.
    pub fn reserve_for_restore(&mut self) -> Result<(), StoreError> {
        self.hold_directory(RESTORE_PURPOSE).map(|_| ())
    }

    /// Reads record `id` again from its file (what another Parcours saved since the load);
    /// `None` when it cannot be read, or when it holds exactly `known` as this store writes
    /// it (nothing saved elsewhere since).
    #[must_use]
    pub fn read_record(
        &self,
        id: BeneficiaryId,
        known: Option<&crate::model::record::Beneficiary>,
    ) -> Option<crate::model::record::Beneficiary> {
        let path = self.beneficiary_path(id);
        let bytes = fs::read(&path).ok()?;
        let plain = self.codec.plain(&bytes).ok()?;
        if let Some(known) = known
            && super::envelope::encode(known).is_ok_and(|text| text.as_bytes() == &*plain)
        {
            return None;
        }
        super::envelope::decode(&plain).ok()
    }

    /// Lets the directory's lease go.
    pub(crate) fn let_go_directory(&mut self) {
        if let Some(lock) = self.lock.as_mut() {
            lock.exclusive = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn me(name: &str) -> LeaseHolder {
        let author = Author {
            name: name.into(),
            installation: format!("inst-{name}"),
        };
        LeaseHolder::me(&author, &format!("session-{name}"), "")
    }

    fn other_machine(minutes_ago: i64) -> LeaseHolder {
        let at = Utc::now() - chrono::Duration::minutes(minutes_ago);
        LeaseHolder {
            name: "Claire Martin".into(),
            machine: "PC-EDS-12".into(),
            pid: 4242,
            installation: "inst-claire".into(),
            session: "session-claire".into(),
            taken_at: at,
            refreshed_at: at,
            purpose: String::new(),
        }
    }

    #[test]
    fn a_lease_is_one_holders_until_let_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baux").join("a.ron");
        let lease = Lease::take(path.clone(), me("Paul")).unwrap();
        assert_eq!(read_holder(&path).unwrap().name, "Paul");
        assert!(!lease.lost());
        // Another window, even of this very process, cannot take it.
        let stranger = me("Ines");
        assert_eq!(
            held_by_other(&path, &stranger.session).unwrap().name,
            "Paul"
        );
        assert_eq!(held_by_other(&path, &lease.holder().session), None);
        assert!(matches!(take(&path, &stranger), Err(LeaseError::Held(h)) if h.name == "Paul"));
        drop(lease);
        assert!(!path.exists());
        take(&path, &stranger).unwrap();
        assert_eq!(read_holder(&path).unwrap().name, "Ines");
    }

    #[test]
    fn a_lease_not_refreshed_for_two_minutes_is_taken_over_and_its_holder_sees_it_lost() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.ron");
        let fresh = other_machine(1);
        fs::write(&path, encode(&fresh).unwrap()).unwrap();
        assert!(matches!(take(&path, &me("Paul")), Err(LeaseError::Held(_))));
        assert_eq!(held_by_other(&path, "session-paul"), Some(fresh));

        let stale = other_machine(3);
        fs::write(&path, encode(&stale).unwrap()).unwrap();
        assert_eq!(held_by_other(&path, "session-paul"), None);
        let paul = me("Paul");
        take(&path, &paul).unwrap();
        assert_eq!(read_holder(&path), Some(paul));
        // The old holder, waking up, finds it is no longer theirs.
        assert!(!refresh(&path, &stale));
    }

    #[test]
    fn a_lease_of_a_dead_process_on_this_machine_is_stale() {
        let dead = LeaseHolder {
            machine: machine_name(),
            pid: u32::MAX - 1,
            ..other_machine(0)
        };
        if Path::new("/proc/self").exists() {
            assert!(dead.is_stale(Utc::now()));
        }
        let alive = LeaseHolder {
            machine: machine_name(),
            pid: std::process::id(),
            ..other_machine(0)
        };
        assert!(!alive.is_stale(Utc::now()));
    }
}
