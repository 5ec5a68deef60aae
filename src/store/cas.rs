//! Compare-and-swap for the shared files (workshops, companies, partners, `creche.ron`,
//! `settings.ron`): several Parcours on one folder write them, and no one's change is lost.
//!
//! The store remembers each shared file as it read or last wrote it (its *base*). A save takes
//! the file's short-lived lock ([`ShortLock`]: an exclusive creation in `.parcours/verrous/`,
//! waited for with backoff, stale after [`SHORT_LOCK_STALE_SECONDS`]), reads the file again, and:
//! - when it is still the base, writes the new value;
//! - when another Parcours changed it since, merges the three (base, ours, theirs: a field
//!   changed on one side only is taken from that side, ours when both changed it; list items
//!   by id — enrolments by beneficiary, offers by id — both sides' additions kept, a removal
//!   winning only over an item the other side left unchanged) and writes the merge;
//!
//! then lets the lock go. The merges are the `merge_*` functions below, kept apart so that a
//! general three-way merge can replace them.

use std::collections::HashMap;
use std::fs;
use std::hash::Hash;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::model::companies::Company;
use crate::model::creche::CrecheSettings;
use crate::model::preparation::{Workshop, WorkshopError};
use crate::model::skills::FlePartner;

use super::lease::{COORDINATION_DIR, machine_name};

/// The short-lived locks' folder, inside [`COORDINATION_DIR`].
pub const SHORT_LOCKS_DIR: &str = "verrous";
/// Seconds after which a short-lived lock nobody let go (its holder died mid-write) is stale.
pub const SHORT_LOCK_STALE_SECONDS: u64 = 10;
/// The longest a save waits for a shared file's lock before giving up.
const SHORT_LOCK_PATIENCE: Duration = Duration::from_secs(30);

/// A shared file's lock, held while it is read, compared and written; let go on drop.
#[derive(Debug)]
pub(crate) struct ShortLock {
    path: PathBuf,
}

impl ShortLock {
    /// Takes the lock of the file `name` (a file name, unique per shared file) in the data
    /// directory `root`, waiting with backoff while another writer holds it.
    pub(crate) fn take(root: &Path, name: &str) -> io::Result<Self> {
        let dir = root.join(COORDINATION_DIR).join(SHORT_LOCKS_DIR);
        fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.lock"));
        let started = Instant::now();
        let mut pause = Duration::from_millis(1);
        loop {
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut file) => {
                    // Who holds it, for a person looking: the lock works without it.
                    let _ = writeln!(file, "{} {}", machine_name(), std::process::id());
                    return Ok(Self { path });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
            if is_stale(&path) {
                let _ = fs::remove_file(&path);
                continue;
            }
            if started.elapsed() > SHORT_LOCK_PATIENCE {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "un autre poste écrit ce fichier depuis trop longtemps",
                ));
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(50));
        }
    }
}

/// Whether the lock at `path` was left by a writer that died: its process is dead on this
/// machine, or it is older than [`SHORT_LOCK_STALE_SECONDS`] (a writer of another machine), or
/// it still names no one a second after its creation (killed between the two).
fn is_stale(path: &Path) -> bool {
    let Some(age) = fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|at| SystemTime::now().duration_since(at).ok())
    else {
        return false;
    };
    if age.as_secs() > SHORT_LOCK_STALE_SECONDS {
        return true;
    }
    let holder = fs::read_to_string(path).unwrap_or_default();
    match holder.trim().rsplit_once(' ') {
        Some((machine, pid)) => {
            machine == machine_name() && pid.parse().is_ok_and(super::lease::process_is_dead)
        }
        None => age.as_secs() >= 1,
    }
}

impl Drop for ShortLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// The lock's name of the shared file `path`, inside `root`: its path with `-` for the
/// separators ("workshops-<id>.ron").
pub(crate) fn lock_name(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// One side's value of a field: ours when we changed it, else theirs.
fn pick<T: Clone + PartialEq>(base: &T, ours: &T, theirs: &T) -> T {
    if ours == base {
        theirs.clone()
    } else {
        ours.clone()
    }
}

/// Merges three versions of a list whose items have a key: theirs in their order, then our
/// additions; an item changed by us is ours; one removed by us goes unless they changed it;
/// one removed by them goes unless we changed it.
pub(crate) fn merge_by_key<T, K>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    key: impl Fn(&T) -> K,
) -> Vec<T>
where
    T: Clone + PartialEq,
    K: Eq + Hash,
{
    let index = |items: &[T]| -> HashMap<K, usize> {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| (key(item), i))
            .collect()
    };
    let (in_base, in_ours, in_theirs) = (index(base), index(ours), index(theirs));
    let mut merged = Vec::with_capacity(theirs.len().max(ours.len()));
    for item in theirs {
        let k = key(item);
        let was = in_base.get(&k).map(|&i| &base[i]);
        let our = in_ours.get(&k).map(|&i| &ours[i]);
        match (was, our) {
            // Removed by us, unchanged by them: gone.
            (Some(was), None) if was == item => {}
            (Some(was), Some(our)) if our != was => merged.push(our.clone()),
            _ => merged.push(item.clone()),
        }
    }
    for item in ours {
        let k = key(item);
        if in_theirs.contains_key(&k) {
            continue;
        }
        match in_base.get(&k).map(|&i| &base[i]) {
            // Added by us.
            None => merged.push(item.clone()),
            // Removed by them: kept only when we changed it.
            Some(was) if was != item => merged.push(item.clone()),
            Some(_) => {}
        }
    }
    merged
}

/// A workshop changed on two sides: enrolments by beneficiary; refused, "Atelier complet",
/// when both sides' enrolments no longer fit its places.
pub(crate) fn merge_workshop(
    base: &Workshop,
    ours: &Workshop,
    theirs: &Workshop,
) -> Result<Workshop, String> {
    let merged = Workshop {
        id: theirs.id,
        title: pick(&base.title, &ours.title, &theirs.title),
        theme: pick(&base.theme, &ours.theme, &theirs.theme),
        date: pick(&base.date, &ours.date, &theirs.date),
        start: pick(&base.start, &ours.start, &theirs.start),
        duration_minutes: pick(
            &base.duration_minutes,
            &ours.duration_minutes,
            &theirs.duration_minutes,
        ),
        place: pick(&base.place, &ours.place, &theirs.place),
        facilitator: pick(&base.facilitator, &ours.facilitator, &theirs.facilitator),
        capacity: pick(&base.capacity, &ours.capacity, &theirs.capacity),
        enrolments: merge_by_key(
            &base.enrolments,
            &ours.enrolments,
            &theirs.enrolments,
            |e| e.beneficiary,
        ),
    };
    let places = usize::try_from(merged.capacity).unwrap_or(usize::MAX);
    if merged.enrolments.len() > places && theirs.enrolments.len() <= places {
        let full = WorkshopError::Full {
            enrolled: theirs.enrolments.len(),
            capacity: theirs.capacity,
        };
        return Err(format!(
            "{full} — « {} » : les dernières places viennent d'être prises sur un autre poste, \
             l'inscription n'est pas enregistrée.",
            theirs.title
        ));
    }
    Ok(merged)
}

/// A company changed on two sides: offers by id, contacts as a whole.
pub(crate) fn merge_company(base: &Company, ours: &Company, theirs: &Company) -> Company {
    Company {
        id: theirs.id,
        name: pick(&base.name, &ours.name, &theirs.name),
        siret: pick(&base.siret, &ours.siret, &theirs.siret),
        ape: pick(&base.ape, &ours.ape, &theirs.ape),
        address: pick(&base.address, &ours.address, &theirs.address),
        postcode: pick(&base.postcode, &ours.postcode, &theirs.postcode),
        town: pick(&base.town, &ours.town, &theirs.town),
        contacts: pick(&base.contacts, &ours.contacts, &theirs.contacts),
        insertion_clauses: pick(
            &base.insertion_clauses,
            &ours.insertion_clauses,
            &theirs.insertion_clauses,
        ),
        notes: pick(&base.notes, &ours.notes, &theirs.notes),
        offers: merge_by_key(&base.offers, &ours.offers, &theirs.offers, |o| o.id),
        siae: pick(&base.siae, &ours.siae, &theirs.siae),
    }
}

/// A partner changed on two sides: field by field.
pub(crate) fn merge_partner(
    base: &FlePartner,
    ours: &FlePartner,
    theirs: &FlePartner,
) -> FlePartner {
    FlePartner {
        id: theirs.id,
        name: pick(&base.name, &ours.name, &theirs.name),
        address: pick(&base.address, &ours.address, &theirs.address),
        schedule: pick(&base.schedule, &ours.schedule, &theirs.schedule),
        levels_taught: pick(
            &base.levels_taught,
            &ours.levels_taught,
            &theirs.levels_taught,
        ),
        contact: pick(&base.contact, &ours.contact, &theirs.contact),
        places_available: pick(
            &base.places_available,
            &ours.places_available,
            &theirs.places_available,
        ),
        course: pick(&base.course, &ours.course, &theirs.course),
    }
}

/// The crèche's settings changed on two sides: field by field (its bookings are in the
/// records, not here).
pub(crate) fn merge_creche(
    base: &CrecheSettings,
    ours: &CrecheSettings,
    theirs: &CrecheSettings,
) -> CrecheSettings {
    CrecheSettings {
        name: pick(&base.name, &ours.name, &theirs.name),
        capacity: pick(&base.capacity, &ours.capacity, &theirs.capacity),
        open_days: pick(&base.open_days, &ours.open_days, &theirs.open_days),
        opens_at: pick(&base.opens_at, &ours.opens_at, &theirs.opens_at),
        closes_at: pick(&base.closes_at, &ours.closes_at, &theirs.closes_at),
        closures: pick(&base.closures, &ours.closures, &theirs.closures),
        min_age_months: pick(
            &base.min_age_months,
            &ours.min_age_months,
            &theirs.min_age_months,
        ),
        max_age_months: pick(
            &base.max_age_months,
            &ours.max_age_months,
            &theirs.max_age_months,
        ),
        upper_age_rule: pick(
            &base.upper_age_rule,
            &ours.upper_age_rule,
            &theirs.upper_age_rule,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::BeneficiaryId;
    use chrono::NaiveDate;

    fn workshop(capacity: u32) -> Workshop {
        Workshop {
            title: "CV".into(),
            capacity,
            ..Workshop::new(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
        }
    }

    #[test]
    fn both_sides_enrolments_are_kept_and_a_removal_wins_only_over_an_unchanged_one() {
        let (a, b, c, d) = (
            BeneficiaryId::new(),
            BeneficiaryId::new(),
            BeneficiaryId::new(),
            BeneficiaryId::new(),
        );
        let mut base = workshop(10);
        base.enrol(a).unwrap();
        base.enrol(b).unwrap();
        let mut ours = base.clone();
        ours.enrol(c).unwrap();
        ours.unenrol(a);
        ours.title = "CV et lettre".into();
        let mut theirs = base.clone();
        theirs.enrol(d).unwrap();
        theirs.place = "Salle 2".into();
        let merged = merge_workshop(&base, &ours, &theirs).unwrap();
        let people: Vec<_> = merged.enrolments.iter().map(|e| e.beneficiary).collect();
        assert_eq!(people, [b, d, c]);
        assert_eq!(
            (merged.title.as_str(), merged.place.as_str()),
            ("CV et lettre", "Salle 2")
        );
    }

    #[test]
    fn the_last_place_taken_elsewhere_refuses_ours_as_full() {
        let mut base = workshop(2);
        base.enrol(BeneficiaryId::new()).unwrap();
        let mut ours = base.clone();
        ours.enrol(BeneficiaryId::new()).unwrap();
        let mut theirs = base.clone();
        theirs.enrol(BeneficiaryId::new()).unwrap();
        let refused = merge_workshop(&base, &ours, &theirs).unwrap_err();
        assert!(
            refused.starts_with("Atelier complet : 2 / 2 inscrits"),
            "{refused}"
        );
    }

    #[test]
    fn a_lock_is_exclusive_until_dropped_and_a_stale_one_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let first = ShortLock::take(dir.path(), "a").unwrap();
        let path = first.path.clone();
        assert!(
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .is_err()
        );
        drop(first);
        assert!(!path.exists());
        fs::write(&path, "PC 1").unwrap();
        let old = SystemTime::now() - Duration::from_secs(SHORT_LOCK_STALE_SECONDS + 5);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let taken = ShortLock::take(dir.path(), "a").unwrap();
        drop(taken);
        // Left by a process that died on this machine: taken over at once.
        fs::write(&path, format!("{} {}", machine_name(), u32::MAX - 1)).unwrap();
        if Path::new("/proc/self").exists() {
            assert!(is_stale(&path));
        }
        fs::write(&path, format!("{} {}", machine_name(), std::process::id())).unwrap();
        assert!(!is_stale(&path));
    }
}
