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
        ".{name}.{}-{unique}-{}{TEMP_SUFFIX}",
        std::process::id(),
        machine_tag()
    ))
}

/// This machine in our temporary files' names (8 hexadecimal digits of a digest of its
/// name): a folder shared by several machines holds temporary files whose process ids mean
/// nothing here.
fn machine_tag() -> &'static str {
    static TAG: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TAG.get_or_init(|| {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(super::lease::machine_name().as_bytes());
        digest.iter().take(4).fold(String::new(), |mut tag, b| {
            use std::fmt::Write as _;
            let _ = write!(tag, "{b:02x}");
            tag
        })
    })
}

/// Age after which a temporary file of another machine is left over: a write lives for
/// milliseconds, so that machine's writer is dead or long done with it.
const OTHER_MACHINE_STALE: std::time::Duration = std::time::Duration::from_mins(10);

/// Whether the file at `path` was last modified more than `age` ago (`false` when unknown).
fn older_than(path: &Path, age: std::time::Duration) -> bool {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|elapsed| elapsed > age)
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

/// Who wrote one of our temporary files, from its name `.<name>.ron.<pid>-<n>-<machine>.tmp`
/// (or `.<name>.ron.<pid>-<n>.tmp`, written before the machine was named: taken as this
/// machine's); `None` for any other name (other tools' temporary files, a sync client's partial
/// download…, are not ours to delete).
fn temp_file_writer(name: &str) -> Option<(u32, Option<&str>)> {
    let inner = name.strip_prefix('.')?.strip_suffix(TEMP_SUFFIX)?;
    let (target, unique) = inner.rsplit_once('.')?;
    let mut parts = unique.split('-');
    let (pid, counter, machine) = (parts.next()?, parts.next()?, parts.next());
    if parts.next().is_some() {
        return None;
    }
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let is_record = std::path::Path::new(target)
        .extension()
        .is_some_and(|ext| ext == "ron");
    let machine_ok =
        machine.is_none_or(|m| !m.is_empty() && m.chars().all(|c| c.is_ascii_hexdigit()));
    if is_record && digits(pid) && digits(counter) && machine_ok {
        Some((pid.parse().ok()?, machine))
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
/// alive on this machine (several Parcours may write one folder), nor one of another machine
/// sharing the folder younger than ten minutes.
pub(crate) fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // Only our own pattern, `.<name>.ron.<pid>-<n>-<machine>.tmp`: other tools' temporary files
        // (a sync client's partial download…) are not ours to delete.
        let left_over = match temp_file_writer(&name) {
            None => false,
            // This machine's: left over when its process is gone.
            Some((pid, None)) => !may_be_in_use(pid),
            Some((pid, Some(machine))) if machine == machine_tag() => !may_be_in_use(pid),
            // Another machine's (a shared folder): its pid means nothing here; its age does.
            Some((_, Some(_))) => older_than(&entry.path(), OTHER_MACHINE_STALE),
        };
        if left_over {
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
        // This machine's, of a dead process: left over.
        let mine = format!(".c.ron.{}-0-{}.tmp", u32::MAX - 1, machine_tag());
        fs::write(dir.path().join(&mine), b"half").unwrap();
        // Another machine's on a shared folder, being written now (its pid may be free here):
        // kept; the same, old: left over.
        fs::write(
            dir.path().join(".d.ron.123-0-0badcafe.tmp"),
            b"being written",
        )
        .unwrap();
        let old = dir.path().join(".e.ron.123-0-0badcafe.tmp");
        fs::write(&old, b"left").unwrap();
        File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(std::time::SystemTime::now() - std::time::Duration::from_mins(20))
            .unwrap();
        remove_stale_temp_files(dir.path());
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [".d.ron.123-0-0badcafe.tmp", ".syncthing.b.ron.tmp", "b.ron"]
        );
    }
}
