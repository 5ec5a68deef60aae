//! A writer killed at any moment never costs a record: the real binary runs `demo --force`
//! (every record saved through the store's atomic write) and is killed with SIGKILL at
//! pseudo-random moments, more than 200 times on the same data directory. After every kill each
//! `.ron` file parses, every record saved before is still there unchanged, a temporary file left
//! by the killed writer is never loaded and is removed by the next writer, and the killed
//! writer's lock does not keep the next one out.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use parcours::model::{Beneficiary, BeneficiaryId};
use parcours::store::{Access, BENEFICIARIES_DIR, Store};

/// Writers actually killed (runs that finished before their kill do not count), as the issue
/// requires.
const KILLS: usize = 200;
/// Attempts allowed to reach [`KILLS`]: a machine so slow or so fast that most kills miss
/// fails the test rather than looping on.
const MAX_ATTEMPTS: usize = 3 * KILLS;
/// Records each `demo` run writes: enough for a run to spend most of its time writing, few
/// enough for the folder (read whole after every kill) to stay small.
const RECORDS_PER_RUN: usize = 4;
/// An uninterrupted run every so many attempts measures how long a run lasts now (it grows with
/// the folder, which every run reads first), so that kills keep landing inside runs.
const CALIBRATE_EVERY: usize = 25;
const SIGKILL: i32 = 9;

/// `splitmix64`: a fixed seed gives the same sequence of delays on every run of the test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound`.
    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }
}

/// `parcours --data-dir <dir> demo --count N --force`, output discarded.
fn demo_command(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parcours"));
    command
        .env_remove("PARCOURS_DATA_DIR")
        .arg("--data-dir")
        .arg(dir)
        .args(["demo", "--count", &RECORDS_PER_RUN.to_string(), "--force"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// What the records folder holds: record files and temporary files, by name.
struct Listing {
    records: Vec<PathBuf>,
    temporaries: Vec<PathBuf>,
}

fn listing(dir: &Path) -> Listing {
    let mut records = Vec::new();
    let mut temporaries = Vec::new();
    for entry in fs::read_dir(dir.join(BENEFICIARIES_DIR)).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') && path.extension().is_some_and(|ext| ext == "tmp") {
            temporaries.push(path);
        } else if path.extension().is_some_and(|ext| ext == "ron") {
            records.push(path);
        } else {
            panic!("unexpected file in the records folder: {name}");
        }
    }
    Listing {
        records,
        temporaries,
    }
}

/// Where a kill landed, judged from what the folder holds afterwards.
#[derive(Debug, Default)]
struct Tally {
    /// The run had already finished: nothing to interrupt (not counted as a kill).
    finished_before_the_kill: usize,
    /// Writers killed.
    killed: usize,
    /// Killed before its first record was in place (start-up, reading the folder).
    before_any_write: usize,
    /// Killed with some of its records written, or with a temporary file in flight.
    during_writes: usize,
    /// Killed after its last record, before exiting.
    after_last_write: usize,
    /// Kills that left a temporary file behind.
    left_a_temporary_file: usize,
}

/// Everything the store promises about the folder after a writer died (or finished):
/// returns the records now there.
fn assert_folder_is_sound(
    dir: &Path,
    before: &HashMap<BeneficiaryId, Beneficiary>,
    attempt: usize,
) -> (HashMap<BeneficiaryId, Beneficiary>, Listing) {
    let files = listing(dir);
    let report = Store::open(dir, Access::ReadOnly).unwrap().load();
    assert!(
        report.problems.is_empty(),
        "after attempt {attempt}, files do not parse: {:#?}",
        report.problems
    );
    // Temporary files are never loaded: one record per `.ron` file, whatever else is there.
    assert_eq!(
        report.beneficiaries.len(),
        files.records.len(),
        "after attempt {attempt}: records loaded ≠ .ron files (temporary files: {:?})",
        files.temporaries
    );
    let now: HashMap<BeneficiaryId, Beneficiary> = report
        .beneficiaries
        .into_iter()
        .map(|b| (b.id, b))
        .collect();
    assert_eq!(
        now.len(),
        files.records.len(),
        "after attempt {attempt}: same id twice"
    );
    for (id, record) in before {
        assert_eq!(
            now.get(id),
            Some(record),
            "after attempt {attempt}: record {id} lost or changed"
        );
    }
    (now, files)
}

/// A writer may take the lock at once after the previous one was killed, and removes the
/// temporary files it left.
fn assert_next_writer_gets_in_and_cleans_up(dir: &Path, attempt: usize) {
    let store = Store::open(dir, Access::ReadWrite)
        .unwrap_or_else(|e| panic!("after attempt {attempt}, the next writer is refused: {e}"));
    assert!(store.is_writable());
    let left = listing(dir).temporaries;
    assert!(
        left.is_empty(),
        "after attempt {attempt}, opening for writing left {left:?}"
    );
}

/// Runs one uninterrupted `demo` and returns how long it took.
fn timed_full_run(dir: &Path) -> Duration {
    let start = Instant::now();
    let status = demo_command(dir).status().unwrap();
    let elapsed = start.elapsed();
    assert!(status.success(), "uninterrupted demo failed: {status}");
    elapsed
}

#[test]
fn killing_a_writer_at_random_moments_never_loses_or_tears_a_record() {
    let started = Instant::now();
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    let mut rng = Rng(0x5041_5243_4F55_5253); // "PARCOURS"
    let mut tally = Tally::default();

    let first = timed_full_run(dir);
    let (mut records, _) = assert_folder_is_sound(dir, &HashMap::new(), 0);
    assert_eq!(records.len(), RECORDS_PER_RUN);
    let mut run_length = first;

    let mut attempt = 0;
    while tally.killed < KILLS {
        attempt += 1;
        assert!(
            attempt <= MAX_ATTEMPTS,
            "{attempt} attempts for {KILLS} kills: {tally:?}"
        );
        if attempt % CALIBRATE_EVERY == 0 {
            run_length = timed_full_run(dir);
            let (now, _) = assert_folder_is_sound(dir, &records, attempt);
            assert_eq!(now.len(), records.len() + RECORDS_PER_RUN);
            records = now;
        }
        // Anywhere from the spawn to a little past the usual end of a run.
        let delay_micros = rng.below(u64::try_from(run_length.as_micros()).unwrap() * 11 / 10);
        let mut child = demo_command(dir).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(delay_micros));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
        }
        let status = child.wait().unwrap();
        assert!(
            status.success() || status.signal() == Some(SIGKILL),
            "attempt {attempt}: the writer ended with {status}, neither success nor SIGKILL"
        );

        let (now, files) = assert_folder_is_sound(dir, &records, attempt);
        let written = now.len() - records.len();
        assert!(
            written <= RECORDS_PER_RUN,
            "attempt {attempt}: {written} records"
        );
        if !files.temporaries.is_empty() {
            tally.left_a_temporary_file += 1;
        }
        if status.signal() == Some(SIGKILL) {
            tally.killed += 1;
            if written == 0 && files.temporaries.is_empty() {
                tally.before_any_write += 1;
            } else if written < RECORDS_PER_RUN || !files.temporaries.is_empty() {
                tally.during_writes += 1;
            } else {
                tally.after_last_write += 1;
            }
        } else {
            assert_eq!(
                written, RECORDS_PER_RUN,
                "attempt {attempt}: a finished run"
            );
            tally.finished_before_the_kill += 1;
        }
        assert_next_writer_gets_in_and_cleans_up(dir, attempt);
        records = now;
    }

    eprintln!(
        "{KILLS} kills in {attempt} attempts, {:.1} s, {} records at the end, last run {} ms: \
         {tally:?}",
        started.elapsed().as_secs_f64(),
        records.len(),
        run_length.as_millis()
    );
    // Without kills that land among the writes, this test would prove nothing.
    assert!(
        tally.during_writes >= KILLS / 10,
        "only {} of {KILLS} kills landed while records were being written: {tally:?}",
        tally.during_writes
    );

    let check = Command::new(env!("CARGO_BIN_EXE_parcours"))
        .env_remove("PARCOURS_DATA_DIR")
        .arg("--data-dir")
        .arg(dir)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "check after the kills: {}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(check.stdout.is_empty(), "{check:?}");
}
