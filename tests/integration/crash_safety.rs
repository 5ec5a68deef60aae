//! A writer killed at any moment never costs a record: the real binary runs `demo --force`
//! (every record saved through the store's atomic write) and is killed with SIGKILL at
//! pseudo-random moments, more than 200 times on the same data directory. After every kill each
//! `.ron` file parses, every record saved before is still there unchanged, a temporary file left
//! by the killed writer is never loaded and is removed by the next writer, and the killed
//! writer's lock does not keep the next one out. Half the kills wait for the run's first file
//! to appear, so that they land among the writes whatever the machine's load.
//!
//! The same for the other files written through the store: the settings (`settings.ron`,
//! `creche.ron`) and the shared directories' files (partners, workshops, companies). A child
//! process rewrites them in a loop and is killed 200 times; each file then holds a whole
//! version, never an older one.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use parcours::model::creche::CrecheSettings;
use parcours::model::demo::{demo_companies, demo_partners};
use parcours::model::preparation::Workshop;
use parcours::model::record::{Beneficiary, BeneficiaryId, Settings};
use parcours::store::{
    Access, BENEFICIARIES_DIR, COMPANIES_DIR, PARTNERS_DIR, Store, WORKSHOPS_DIR,
};

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
/// After a run's first file appears, kills land within this many microseconds: about the time
/// a run takes to write its records (each with two `fsync`s).
const WRITE_WINDOW_MICROS: u64 = 4_000;

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
        let mut child = demo_command(dir).spawn().unwrap();
        if attempt % 2 == 0 {
            // Anywhere from the spawn to a little past the usual end of a run: start-up,
            // reading the folder, taking the lock, writing.
            let run_micros = u64::try_from(run_length.as_micros()).unwrap();
            std::thread::sleep(Duration::from_micros(rng.below(run_micros * 11 / 10)));
        } else {
            // The writes are a few milliseconds at the end of a run whose start-up length
            // varies with the machine's load more than that: wait for the first file of this
            // run to appear, then kill within the next few milliseconds.
            let count_before = records.len();
            while child.try_wait().unwrap().is_none() {
                let files = listing(dir);
                if files.records.len() > count_before || !files.temporaries.is_empty() {
                    break;
                }
                std::thread::sleep(Duration::from_micros(200));
            }
            std::thread::sleep(Duration::from_micros(rng.below(WRITE_WINDOW_MICROS)));
        }
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

/// Set in the child process of [`killing_a_writer_of_settings_and_directory_files_never_tears_them`]:
/// the data directory it writes into.
const WRITER_DIR_VAR: &str = "PARCOURS_CRASH_WRITER_DIR";
const WRITER_TEST: &str = "crash_safety::settings_and_directory_writer";

/// The settings files (`settings.ron`, `creche.ron`) and the files of the shared directories
/// (the French-course partners, the workshops, the companies) are written by the same atomic
/// write as records: this writer rewrites them in a loop, each pass with a higher version
/// number, until it is killed. Run only as a child process (it does
/// nothing without [`WRITER_DIR_VAR`]).
#[test]
#[ignore = "child process of killing_a_writer_of_settings_and_directory_files_never_tears_them"]
fn settings_and_directory_writer() {
    let Some(dir) = std::env::var_os(WRITER_DIR_VAR) else {
        return;
    };
    let mut store = Store::open(PathBuf::from(dir), Access::ReadWrite).unwrap();
    let (mut settings, problem) = store.load_settings();
    assert!(problem.is_none());
    let (partners, problems) = store.load_partners();
    assert!(problems.is_empty());
    let mut partner = partners.into_iter().next().unwrap();
    let (mut creche, problem) = store.load_creche_settings();
    assert!(problem.is_none());
    let (workshops, problems) = store.load_workshops();
    assert!(problems.is_empty());
    let mut workshop = workshops.into_iter().next().unwrap();
    let (companies, problems) = store.load_companies();
    assert!(problems.is_empty());
    let mut company = companies.into_iter().next().unwrap();
    let mut version = settings_version(&settings.structure_name);
    loop {
        version += 1;
        settings.structure_name = format!("Structure {version}");
        store.save_settings(&settings).unwrap();
        partner.name = format!("Partenaire {version}");
        partner.places_available = Some(version);
        store.save_partner(&partner).unwrap();
        creche.name = format!("Crèche {version}");
        store.save_creche_settings(&creche).unwrap();
        workshop.title = format!("Atelier {version}");
        store.save_workshop(&workshop).unwrap();
        company.notes = format!("Version {version}");
        store.save_company(&company).unwrap();
    }
}

fn settings_version(name: &str) -> u32 {
    name.strip_prefix("Structure ").unwrap().parse().unwrap()
}

fn partner_version(name: &str) -> u32 {
    name.strip_prefix("Partenaire ").unwrap().parse().unwrap()
}

fn creche_version(name: &str) -> u32 {
    name.strip_prefix("Crèche ").unwrap().parse().unwrap()
}

fn workshop_version(title: &str) -> u32 {
    title.strip_prefix("Atelier ").unwrap().parse().unwrap()
}

fn company_version(notes: &str) -> u32 {
    notes.strip_prefix("Version ").unwrap().parse().unwrap()
}

/// Temporary files anywhere in the data directory's top level and the shared folders.
fn temporaries(dir: &Path) -> Vec<PathBuf> {
    [
        dir.to_owned(),
        dir.join(PARTNERS_DIR),
        dir.join(WORKSHOPS_DIR),
        dir.join(COMPANIES_DIR),
    ]
    .iter()
    .flat_map(|d| fs::read_dir(d).unwrap())
    .map(|e| e.unwrap().path())
    .filter(|p| p.extension().is_some_and(|ext| ext == "tmp"))
    .collect()
}

#[test]
fn killing_a_writer_of_settings_and_directory_files_never_tears_them() {
    let started = Instant::now();
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    {
        let store = Store::open(dir, Access::ReadWrite).unwrap();
        let settings = Settings {
            structure_name: "Structure 0".to_owned(),
            ..Settings::default()
        };
        store.save_settings(&settings).unwrap();
        let mut partner = demo_partners().remove(0);
        partner.name = "Partenaire 0".to_owned();
        // Version 0 throughout: a kill before the first rewrite finds it as written here.
        partner.places_available = Some(0);
        store.save_partner(&partner).unwrap();
        let creche = CrecheSettings {
            name: "Crèche 0".to_owned(),
            ..CrecheSettings::default()
        };
        store.save_creche_settings(&creche).unwrap();
        let mut workshop = Workshop::new(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        workshop.title = "Atelier 0".to_owned();
        workshop.capacity = 8;
        store.save_workshop(&workshop).unwrap();
        let mut company = demo_companies(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).remove(0);
        company.notes = "Version 0".to_owned();
        store.save_company(&company).unwrap();
    }
    let spawn = || {
        Command::new(std::env::current_exe().unwrap())
            .args([WRITER_TEST, "--exact", "--ignored", "--test-threads=1"])
            .env(WRITER_DIR_VAR, dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut rng = Rng(0x5345_5454_494E_4753); // "SETTINGS"
    let (mut last_settings, mut last_partner, mut last_creche, mut last_workshop, mut last_company) =
        (0, 0, 0, 0, 0);
    let (mut kills, mut kills_among_writes, mut window_micros) = (0, 0, 150_000_u64);
    while kills < KILLS {
        let mut child = spawn();
        std::thread::sleep(Duration::from_micros(rng.below(window_micros)));
        assert!(
            child.try_wait().unwrap().is_none(),
            "the writer stopped on its own"
        );
        child.kill().unwrap();
        assert_eq!(child.wait().unwrap().signal(), Some(SIGKILL));
        kills += 1;
        let in_flight = temporaries(dir);

        let mut store = Store::open(dir, Access::ReadWrite)
            .unwrap_or_else(|e| panic!("after kill {kills}, the next writer is refused: {e}"));
        // README: a stray temporary file is removed at the next start, wherever it was left.
        let left = temporaries(dir);
        assert!(
            left.is_empty(),
            "after kill {kills}, the next writer left temporary files: {left:?}"
        );
        let (settings, problem) = store.load_settings();
        assert!(problem.is_none(), "after kill {kills}: {problem:?}");
        let (partners, problems) = store.load_partners();
        assert!(problems.is_empty(), "after kill {kills}: {problems:?}");
        assert_eq!(partners.len(), 1, "after kill {kills}: {partners:?}");
        let (creche, problem) = store.load_creche_settings();
        assert!(problem.is_none(), "after kill {kills}: {problem:?}");
        let settings_now = settings_version(&settings.structure_name);
        let partner_now = partner_version(&partners[0].name);
        let creche_now = creche_version(&creche.name);
        let (workshops, problems) = store.load_workshops();
        assert!(problems.is_empty(), "after kill {kills}: {problems:?}");
        assert_eq!(workshops.len(), 1, "after kill {kills}: {workshops:?}");
        let workshop_now = workshop_version(&workshops[0].title);
        let (companies, problems) = store.load_companies();
        assert!(problems.is_empty(), "after kill {kills}: {problems:?}");
        assert_eq!(companies.len(), 1, "after kill {kills}: {companies:?}");
        let company_now = company_version(&companies[0].notes);
        assert_eq!(partners[0].places_available, Some(partner_now));
        // Each file holds a whole version, never older than before the kill; the partner is
        // written after the settings of the same version, so it is never ahead of them.
        assert!(
            settings_now >= last_settings && partner_now >= last_partner,
            "after kill {kills}: a file went back from ({last_settings}, {last_partner}) to \
             ({settings_now}, {partner_now})"
        );
        assert!(
            company_now <= workshop_now
                && company_now >= last_company
                && workshop_now <= creche_now
                && creche_now <= partner_now
                && partner_now <= settings_now
                && creche_now >= last_creche
                && workshop_now >= last_workshop,
            "after kill {kills}: settings {settings_now}, partner {partner_now}, crèche \
             {creche_now}, workshop {workshop_now}, company {company_now} (before: {last_creche}, \
             {last_workshop}, {last_company})"
        );
        if settings_now > last_settings || !in_flight.is_empty() {
            kills_among_writes += 1;
        } else if kills % 10 == 0 {
            // Kills keep landing before the first write: the start-up is slower than thought.
            window_micros += 50_000;
        }
        (
            last_settings,
            last_partner,
            last_creche,
            last_workshop,
            last_company,
        ) = (
            settings_now,
            partner_now,
            creche_now,
            workshop_now,
            company_now,
        );
    }
    eprintln!(
        "{KILLS} kills in {:.1} s, {kills_among_writes} among writes, last version {last_settings}",
        started.elapsed().as_secs_f64()
    );
    assert!(
        kills_among_writes >= KILLS / 2,
        "only {kills_among_writes} of {KILLS} kills landed among the writes"
    );
}
