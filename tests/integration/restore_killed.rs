//! A restore killed half-way loses nothing: `parcours restore --from … --yes` is killed with
//! SIGKILL at random moments; after each kill the next writer gets in, and every record of the
//! data as it was before the restore is either still in the data directory or in the safety
//! copy (`backups/<date>-avant-restauration-…/`), which loads cleanly as a data directory and
//! holds exactly that data.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use chrono::NaiveDate;
use parcours::model::Beneficiary;
use parcours::model::demo::demo_beneficiaries;
use parcours::store::{Access, BACKUPS_DIR, Store};

use crate::kill_support::{Rng, copy_tree};

/// Kills made at least; more, up to [`MAX_KILLS`], until [`HALFWAY`] of them landed inside
/// the swap (on a loaded machine the restore's pace varies, and the aim takes longer).
const KILLS: usize = 40;
const MAX_KILLS: usize = 120;
/// Kills that must land between the safety copy and the end of the swap.
const HALFWAY: usize = 3;
const SIGKILL: i32 = 9;

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, n).unwrap()
}

fn sorted(mut records: Vec<Beneficiary>) -> Vec<Beneficiary> {
    records.sort_by_key(|b| b.id);
    records
}

/// The records of a data directory, which must load without a problem.
fn records_in(root: &Path) -> Vec<Beneficiary> {
    let report = Store::read_only(root).load();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    sorted(report.beneficiaries)
}

/// The safety copies a restore made, if any.
fn safety_copies(root: &Path) -> Vec<PathBuf> {
    fs::read_dir(root.join(BACKUPS_DIR))
        .map(|entries| {
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| {
                    let name = p.file_name().unwrap().to_string_lossy();
                    name.contains("-avant-restauration-") && !name.starts_with('.')
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A data directory whose backup of the 21st holds `old` and whose data now is `new`.
fn directory(old: &[Beneficiary], new: &[Beneficiary]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    for record in old {
        store.save_beneficiary(record, day(20)).unwrap();
    }
    // The first write of the 21st backs up `old`.
    for record in new {
        store.save_beneficiary(record, day(21)).unwrap();
    }
    dir
}

#[test]
fn a_restore_killed_at_any_moment_loses_nothing() {
    let old = sorted(demo_beneficiaries(300, day(20), 31));
    let mut new = old[..250].to_vec();
    for record in &mut new {
        record.private_notes = "Modifié après la sauvegarde.".into();
    }
    new.extend(demo_beneficiaries(100, day(21), 32));
    let template = directory(&old, &new);
    // The data now: the 250 edited, the 100 added, and the 50 old ones left as they were
    // (enough files for the restore to take a while, so that kills land inside it).
    let new = records_in(template.path());
    assert_eq!(new.len(), 400);

    let mut rng = Rng(0x5245_5354_4F52_4521); // "RESTORE!"
    let (mut halfway, mut window_micros) = (0, 60_000_u64);
    let mut kills = 0;
    for kill in 1..=MAX_KILLS {
        if kill > KILLS && halfway >= HALFWAY {
            break;
        }
        kills = kill;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        copy_tree(template.path(), root);
        let mut child = Command::new(env!("CARGO_BIN_EXE_parcours"))
            .arg("--data-dir")
            .arg(root)
            .args(["restore", "--from", "2026-11-21", "--yes"])
            .env_remove("PARCOURS_DATA_DIR")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(window_micros)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let killed = status.signal() == Some(SIGKILL);

        // The next writer gets in (the dead one's lock is gone) and tidies its working folders.
        drop(
            Store::open(root, Access::ReadWrite)
                .unwrap_or_else(|e| panic!("after kill {kill}, the next writer is refused: {e}")),
        );
        let now = records_in(root);
        let copies = safety_copies(root);
        assert!(copies.len() <= 1, "after kill {kill}: {copies:?}");
        if let Some(copy) = copies.first() {
            // The safety copy is whole: it loads as a data directory and holds the data as it
            // was before the restore, byte for byte the records.
            assert_eq!(
                records_in(copy),
                new,
                "after kill {kill}: {}",
                copy.display()
            );
        } else {
            assert_eq!(
                now, new,
                "after kill {kill}: data changed with no safety copy"
            );
        }
        if now == old {
            assert!(
                !copies.is_empty(),
                "after kill {kill}: restored without a copy"
            );
        } else if now != new {
            // Killed during the swap: the data directory holds part of either side; all of
            // what it replaced is in the safety copy (checked above).
            assert!(!copies.is_empty());
        }
        // Aim the kills at the restore: later when they land before it, earlier when after.
        if killed && !copies.is_empty() && now != old {
            halfway += 1;
        } else if copies.is_empty() {
            window_micros += window_micros / 4;
        } else {
            window_micros -= window_micros / 5;
        }
    }
    eprintln!("{kills} kills, {halfway} after the safety copy and before the end of the swap");
    assert!(
        halfway >= HALFWAY,
        "only {halfway} of {kills} kills landed between the safety copy and the end of the swap"
    );
}
