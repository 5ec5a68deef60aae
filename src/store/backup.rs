//! Daily backups of the data directory, and restoring one.
//!
//! Before its first write of a day, the store copies the data directory into
//! `backups/AAAA-MM-JJ/`: a counsellor who deletes or garbles a record by mistake, or a laptop
//! whose files were damaged, can go back to the state of any of the last days. Layout:
//!
//! ```text
//! <data dir>/backups/
//!   2026-11-21/                              a daily backup: settings.ron, beneficiaries/, partners/…
//!   2026-11-22/
//!   2026-11-22-avant-restauration-101500/    what a restore replaced (never pruned)
//!   .2026-11-23.tmp-4242/                    a backup being made (or left by a crash: removed)
//! ```
//!
//! A backup is copied into a hidden temporary folder, then renamed to its date: a crash never
//! leaves a half backup under a date's name. Only regular files and folders are copied: a
//! symbolic link, a FIFO or a device is skipped, never followed nor opened (a link to
//! `/dev/zero` would fill the disk). Everything in the data directory is copied except
//! `backups/` itself, the lock file and temporary files.
//!
//! Only folders named exactly `AAAA-MM-JJ` count as daily backups: those alone are listed,
//! restored from and pruned. Anything else in `backups/` (a restore's safety copy, a folder the
//! counsellor made) is never deleted.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use super::atomic::{self, TEMP_SUFFIX};
use super::lock::LOCK_FILE;

/// Folder of the backups, inside the data directory.
pub const BACKUPS_DIR: &str = "backups";

/// Format of a daily backup's folder name.
const DATE_FORMAT: &str = "%Y-%m-%d";

/// Marker in the name of the temporary folders of backups being made: `.<name>.tmp-<pid>`.
const TEMP_DIR_MARKER: &str = ".tmp-";

/// Prefix of the temporary folders a restore makes in the data directory itself.
const RESTORE_TEMP_PREFIX: &str = ".parcours-";

/// Whether a top-level entry of the data directory is data worth backing up.
fn is_data_entry(name: &str) -> bool {
    name != BACKUPS_DIR
        && name != LOCK_FILE
        && name != super::lease::COORDINATION_DIR
        && !is_temporary(name)
}

/// Our temporary files (`.<name>.ron.<pid>-<n>-<machine>.tmp`) and folders (`.parcours-….tmp-<pid>`),
/// and other tools' hidden temporary files: none of them is data.
fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && (name.ends_with(TEMP_SUFFIX) || name.contains(TEMP_DIR_MARKER))
}

/// The daily backup a folder name stands for, if it is exactly `AAAA-MM-JJ`.
fn backup_date(name: &str) -> Option<NaiveDate> {
    // `parse_from_str` accepts unpadded numbers ("2026-1-5"): the round trip keeps only the
    // names the store writes.
    NaiveDate::parse_from_str(name, DATE_FORMAT)
        .ok()
        .filter(|date| date.format(DATE_FORMAT).to_string() == name)
}

/// The folder of the daily backup of `date`.
pub(crate) fn daily_dir(root: &Path, date: NaiveDate) -> PathBuf {
    root.join(BACKUPS_DIR)
        .join(date.format(DATE_FORMAT).to_string())
}

/// The daily backups present, newest first.
pub(crate) fn list(root: &Path) -> Vec<NaiveDate> {
    let Ok(entries) = fs::read_dir(root.join(BACKUPS_DIR)) else {
        return Vec::new();
    };
    let mut dates: Vec<NaiveDate> = entries
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|entry| backup_date(&entry.file_name().to_string_lossy()))
        .collect();
    dates.sort_unstable_by(|a, b| b.cmp(a));
    dates
}

/// Copies the regular files and folders of `from` into `to` (created), recursively. Links and
/// special files are skipped without being followed; `keep` filters the top-level names.
fn copy_tree(from: &Path, to: &Path, keep: &dyn Fn(&str) -> bool) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if !keep(&name.to_string_lossy()) {
            continue;
        }
        // `DirEntry::file_type` does not follow symbolic links: a link is neither a file nor
        // a folder here, and is skipped.
        let kind = entry.file_type()?;
        let target = to.join(&name);
        if kind.is_dir() {
            copy_tree(&entry.path(), &target, &|name| !is_temporary(name))?;
        } else if kind.is_file() {
            fs::copy(entry.path(), &target)?;
            // The copy must be on disk before the folder is renamed to its final name.
            File::open(&target)?.sync_all()?;
        }
    }
    atomic::sync_dir(to)
}

/// Copies the data of `root` into `backups/<name>/`, through a temporary folder renamed once
/// complete.
fn copy_data_to(root: &Path, name: &str) -> io::Result<PathBuf> {
    let backups = root.join(BACKUPS_DIR);
    fs::create_dir_all(&backups)?;
    let temp = backups.join(format!(".{name}{TEMP_DIR_MARKER}{}", std::process::id()));
    let target = backups.join(name);
    let result = (|| {
        if temp.exists() {
            fs::remove_dir_all(&temp)?;
        }
        copy_tree(root, &temp, &is_data_entry)?;
        // The target did not exist when the callers checked: a plain rename works on every
        // platform. Another Parcours writing the same folder may have made it meanwhile: then
        // theirs stands, and ours goes.
        if let Err(e) = fs::rename(&temp, &target) {
            if !target.is_dir() {
                return Err(e);
            }
            fs::remove_dir_all(&temp)?;
        }
        atomic::sync_dir(&backups)
    })();
    if result.is_err() {
        // Best effort: a leftover temporary folder is never taken for a backup, and is removed
        // by the next writer.
        let _ = fs::remove_dir_all(&temp);
    }
    result.map(|()| target)
}

/// Makes the daily backup of `today` unless it exists, then keeps only the newest `kept`
/// daily backups (at least one). Returns the backup made, if any.
pub(crate) fn make_daily(root: &Path, today: NaiveDate, kept: u32) -> io::Result<Option<PathBuf>> {
    remove_stale_temp_dirs(root);
    let dir = daily_dir(root, today);
    if dir.exists() {
        return Ok(None);
    }
    let made = copy_data_to(root, &today.format(DATE_FORMAT).to_string())?;
    prune(root, kept)?;
    Ok(Some(made))
}

/// Deletes the oldest daily backups beyond the newest `kept` (at least one is kept). Folders
/// whose names are not dates are never touched.
pub(crate) fn prune(root: &Path, kept: u32) -> io::Result<()> {
    let kept = usize::try_from(kept.max(1)).unwrap_or(usize::MAX);
    for date in list(root).into_iter().skip(kept) {
        fs::remove_dir_all(daily_dir(root, date))?;
    }
    Ok(())
}

/// Removes temporary folders a killed writer may have left: half-made backups in `backups/`,
/// and a restore's working folders in the data directory; never one of a writer alive on this machine.
pub(crate) fn remove_stale_temp_dirs(root: &Path) {
    let stale = |dir: &Path, is_ours: &dyn Fn(&str) -> bool| {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            // A folder of a writer alive on this machine is in the making: not stale.
            let in_use = name
                .to_string_lossy()
                .rsplit_once(TEMP_DIR_MARKER)
                .and_then(|(_, pid)| pid.parse().ok())
                .is_some_and(atomic::may_be_in_use);
            if is_dir && !in_use && is_ours(&name.to_string_lossy()) {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    };
    stale(&root.join(BACKUPS_DIR), &|name| {
        name.starts_with('.') && name.contains(TEMP_DIR_MARKER)
    });
    // A restore interrupted half-way: what it was replacing is also in its safety backup.
    stale(root, &|name| {
        name.starts_with(RESTORE_TEMP_PREFIX) && name.contains(TEMP_DIR_MARKER)
    });
}

/// Whether a top-level entry is put back by a restore: all the data but the audit journal,
/// which is the folder's history (a restore is one more event of it, never a rewind), and the
/// erasures' tombstones (a restore never undoes an erasure: without its tombstone, a sync
/// peer's old copy could bring the person back).
fn is_restored_entry(name: &str) -> bool {
    is_data_entry(name)
        && name != super::journal::JOURNAL_DIR
        && name != super::erase::ERASURES_DIR
        // The key file of an encrypted directory is never replaced by an older one (a backup
        // made before the encryption has none: the data key would be lost).
        && name != super::vault::KEY_FILE
        && name != super::vault::PENDING_KEY_FILE
}

/// Why a restore stopped.
#[derive(Debug)]
pub(crate) enum RestoreFailure {
    /// The safety backup could not be made: nothing was changed.
    SafetyBackup(io::Error),
    /// Copying or swapping failed after the safety backup was made (its folder is given).
    Swap(PathBuf, io::Error),
}

/// Replaces the data of `root` with the daily backup of `date` (which must exist), after
/// copying the current data into `backups/<date>-avant-restauration-<HHMMSS>/`. Returns that
/// safety backup's folder.
pub(crate) fn restore(
    root: &Path,
    date: NaiveDate,
    now: NaiveDateTime,
) -> Result<PathBuf, RestoreFailure> {
    remove_stale_temp_dirs(root);
    let safety = safety_backup(root, now).map_err(RestoreFailure::SafetyBackup)?;
    swap_in(root, &daily_dir(root, date)).map_err(|e| RestoreFailure::Swap(safety.clone(), e))?;
    Ok(safety)
}

/// Copies the current data into a new `backups/<today>-avant-restauration-<HHMMSS>[-n]/`.
fn safety_backup(root: &Path, now: NaiveDateTime) -> io::Result<PathBuf> {
    let base = now.format("%Y-%m-%d-avant-restauration-%H%M%S").to_string();
    let mut name = base.clone();
    let mut n = 1;
    while root.join(BACKUPS_DIR).join(&name).exists() {
        n += 1;
        name = format!("{base}-{n}");
    }
    copy_data_to(root, &name)
}

/// Copies `source` into a working folder of the data directory, moves the current data away,
/// then moves the copy in. Every step is a rename inside the data directory, and the old
/// entries are moved away before the new ones arrive, so no rename ever lands on an existing
/// folder (which Windows refuses).
fn swap_in(root: &Path, source: &Path) -> io::Result<()> {
    let pid = std::process::id();
    let incoming = root.join(format!(
        "{RESTORE_TEMP_PREFIX}restauration{TEMP_DIR_MARKER}{pid}"
    ));
    let outgoing = root.join(format!("{RESTORE_TEMP_PREFIX}ancien{TEMP_DIR_MARKER}{pid}"));
    copy_tree(source, &incoming, &is_restored_entry)?;
    fs::create_dir_all(&outgoing)?;
    for entry in fs::read_dir(root)? {
        let entry = entry?;
        let name = entry.file_name();
        if is_restored_entry(&name.to_string_lossy()) {
            fs::rename(entry.path(), outgoing.join(&name))?;
        }
    }
    for entry in fs::read_dir(&incoming)? {
        let entry = entry?;
        fs::rename(entry.path(), root.join(entry.file_name()))?;
    }
    atomic::sync_dir(root)?;
    fs::remove_dir_all(&incoming)?;
    fs::remove_dir_all(&outgoing)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn data_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("beneficiaries")).unwrap();
        fs::write(dir.path().join("beneficiaries/a.ron"), "a").unwrap();
        fs::write(dir.path().join("settings.ron"), "s").unwrap();
        fs::write(dir.path().join(LOCK_FILE), "").unwrap();
        fs::write(dir.path().join(".settings.ron.1-0.tmp"), "half").unwrap();
        fs::write(dir.path().join("beneficiaries/.b.ron.1-0.tmp"), "half").unwrap();
        dir
    }

    #[test]
    fn only_exact_dates_are_backups() {
        assert_eq!(backup_date("2026-11-22"), Some(date(22)));
        assert_eq!(backup_date("2026-11-2"), None);
        assert_eq!(backup_date("2026-11-22-avant-restauration-101500"), None);
        assert_eq!(backup_date(".2026-11-22.tmp-12"), None);
        assert_eq!(backup_date("photos"), None);
    }

    #[test]
    fn a_backup_copies_the_data_but_not_the_lock_temp_files_nor_backups() {
        let dir = data_dir();
        let made = make_daily(dir.path(), date(22), 14).unwrap().unwrap();
        assert_eq!(made, daily_dir(dir.path(), date(22)));
        assert_eq!(names(&made), ["beneficiaries", "settings.ron"]);
        assert_eq!(names(&made.join("beneficiaries")), ["a.ron"]);
        // The same day again: nothing new, no nested backup.
        assert_eq!(make_daily(dir.path(), date(22), 14).unwrap(), None);
        assert_eq!(names(&dir.path().join(BACKUPS_DIR)), ["2026-11-22"]);
    }

    #[cfg(unix)]
    #[test]
    fn links_and_fifos_are_skipped_never_followed() {
        let dir = data_dir();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("beneficiaries/zero.ron")).unwrap();
        std::os::unix::fs::symlink("/etc", dir.path().join("etc")).unwrap();
        let fifo = dir.path().join("beneficiaries/fifo.ron");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        let made = make_daily(dir.path(), date(22), 14).unwrap().unwrap();
        assert_eq!(names(&made), ["beneficiaries", "settings.ron"]);
        assert_eq!(names(&made.join("beneficiaries")), ["a.ron"]);
    }

    #[test]
    fn pruning_keeps_the_newest_and_never_foreign_folders() {
        let dir = data_dir();
        for day in 1..=6 {
            make_daily(dir.path(), date(day), 3).unwrap();
        }
        fs::create_dir_all(dir.path().join("backups/mes-copies")).unwrap();
        fs::create_dir_all(
            dir.path()
                .join("backups/2026-11-01-avant-restauration-090000"),
        )
        .unwrap();
        prune(dir.path(), 2).unwrap();
        assert_eq!(list(dir.path()), [date(6), date(5)]);
        assert_eq!(
            names(&dir.path().join(BACKUPS_DIR)),
            [
                "2026-11-01-avant-restauration-090000",
                "2026-11-05",
                "2026-11-06",
                "mes-copies"
            ]
        );
        // Zero still keeps one.
        prune(dir.path(), 0).unwrap();
        assert_eq!(list(dir.path()), [date(6)]);
    }

    #[test]
    fn a_half_made_backup_is_not_a_backup_and_is_removed() {
        let dir = data_dir();
        let half = dir.path().join("backups/.2026-11-22.tmp-123");
        fs::create_dir_all(half.join("beneficiaries")).unwrap();
        assert!(list(dir.path()).is_empty());
        make_daily(dir.path(), date(22), 14).unwrap();
        assert!(!half.exists());
        assert_eq!(names(&dir.path().join(BACKUPS_DIR)), ["2026-11-22"]);
    }

    #[test]
    fn restore_swaps_the_data_and_keeps_what_it_replaced() {
        let dir = data_dir();
        make_daily(dir.path(), date(21), 14).unwrap();
        fs::write(dir.path().join("beneficiaries/a.ron"), "a changed").unwrap();
        fs::write(dir.path().join("beneficiaries/new.ron"), "new").unwrap();
        fs::create_dir_all(dir.path().join("partners")).unwrap();
        let now = date(22).and_hms_opt(10, 15, 0).unwrap();
        let safety = restore(dir.path(), date(21), now).unwrap();
        assert!(safety.ends_with("2026-11-22-avant-restauration-101500"));
        assert_eq!(
            names(&safety),
            ["beneficiaries", "partners", "settings.ron"]
        );
        assert_eq!(
            fs::read_to_string(safety.join("beneficiaries/a.ron")).unwrap(),
            "a changed"
        );
        assert_eq!(
            names(dir.path()),
            [
                ".parcours.lock",
                ".settings.ron.1-0.tmp",
                "backups",
                "beneficiaries",
                "settings.ron"
            ]
        );
        assert_eq!(names(&dir.path().join("beneficiaries")), ["a.ron"]);
        assert_eq!(
            fs::read_to_string(dir.path().join("beneficiaries/a.ron")).unwrap(),
            "a"
        );
        // A second restore in the same second gets its own safety folder.
        let again = restore(dir.path(), date(21), now).unwrap();
        assert!(again.ends_with("2026-11-22-avant-restauration-101500-2"));
    }
}
