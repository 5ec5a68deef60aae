//! Atomic replacement of a file: a crash or power cut at any moment leaves either the old or the
//! new content, never a torn file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Suffix of the temporary files written next to their target. They never end in `.ron`, so
/// the loader never mistakes one for a record.
pub(crate) const TEMP_SUFFIX: &str = ".tmp";

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(
        ".{name}.{}-{unique}{TEMP_SUFFIX}",
        std::process::id()
    ))
}

/// Writes `bytes` to `path` through a temporary file in the same folder: write, fsync, rename
/// over the target, then fsync the folder so that the rename itself is durable.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_flushed(path, bytes)?;
    sync_dir(path.parent().unwrap_or_else(|| Path::new(".")))
}

/// [`write_atomic`] without the folder's flush, which the caller makes once for a batch of
/// files of one folder: until then, a power cut may bring back the file's previous content
/// (whole, never torn).
pub(crate) fn write_flushed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = temp_path(path);
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        // Best effort: a leftover temp file is harmless (never loaded, cleaned at next start).
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Makes a rename durable. On Unix the folder itself must be fsynced.
#[cfg(unix)]
pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// On Windows, `std::fs::rename` is `MoveFileExW(MOVEFILE_REPLACE_EXISTING)`; NTFS journals the
/// rename as metadata, and std offers no way to open a folder handle to flush. The data itself
/// was flushed by `sync_all` before the rename, which is what guarantees no torn file.
#[cfg(not(unix))]
pub(crate) fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// The process id in one of our temporary files' names, `.<name>.ron.<pid>-<n>.tmp`; `None`
/// for any other name (other tools' temporary files, a sync client's partial download…, are
/// not ours to delete).
fn temp_file_pid(name: &str) -> Option<u32> {
    let inner = name.strip_prefix('.')?.strip_suffix(TEMP_SUFFIX)?;
    let (target, unique) = inner.rsplit_once('.')?;
    let (pid, counter) = unique.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let is_record = std::path::Path::new(target)
        .extension()
        .is_some_and(|ext| ext == "ron");
    if is_record && digits(pid) && digits(counter) {
        pid.parse().ok()
    } else {
        None
    }
}

/// Whether a temporary file or folder of process `pid` may be in use: its process is alive on
/// this machine (another Parcours writing the same folder). A process of another machine
/// sharing the folder cannot be told: its temporary file lives for the few milliseconds of a
/// write, and a removal at that instant makes that one save fail, and be tried again.
pub(crate) fn may_be_in_use(pid: u32) -> bool {
    pid != std::process::id() && !super::lease::process_is_dead(pid)
}

/// Removes temporary files a killed writer may have left in `dir`; never one of a writer still
/// alive on this machine (several Parcours may write one folder).
pub(crate) fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // Only our own pattern, `.<name>.ron.<pid>-<n>.tmp`: other tools' temporary files
        // (a sync client's partial download…) are not ours to delete.
        if temp_file_pid(&name).is_some_and(|pid| !may_be_in_use(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.ron"]);
    }

    #[test]
    fn stale_temp_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(".a.ron.123-0.tmp"), b"half").unwrap();
        fs::write(dir.path().join("b.ron"), b"keep").unwrap();
        // A sync client's partial download is not ours to delete.
        fs::write(dir.path().join(".syncthing.b.ron.tmp"), b"not ours").unwrap();
        remove_stale_temp_files(dir.path());
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, [".syncthing.b.ron.tmp", "b.ron"]);
    }
}
