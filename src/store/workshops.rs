//! The shared catalogue of collective workshops: one file per workshop in `workshops/<id>.ron`,
//! so that saving a workshop writes only that file and never a beneficiary's record (and the
//! other way round): enrolling someone while their record is being edited loses neither edit.

use std::fs;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::stored::{InFolder, Stored};
use super::{Problem, Store, StoreError, atomic, io_error, local_now};
use crate::model::preparation::{Workshop, sort_catalogue};
use crate::model::record::WorkshopId;

/// Folder of the workshops' catalogue, inside the data directory.
pub const WORKSHOPS_DIR: &str = "workshops";
/// Where a deleted workshop's file goes, inside the data directory: kept, never loaded (its
/// name no longer ends in `.ron`); moving it back into `workshops/` as `<id>.ron` restores it.
pub const DELETED_WORKSHOPS_DIR: &str = "ateliers-supprimes";

impl Store {
    /// Loads the catalogue, by date then start time. Bad files are reported and never
    /// overwritten.
    pub fn load_workshops(&mut self) -> (Vec<Workshop>, Vec<Problem>) {
        let (mut workshops, problems) = self.load_merged::<Workshop>();
        sort_catalogue(&mut workshops);
        (workshops, problems)
    }

    /// The file a workshop is saved in.
    #[must_use]
    pub fn workshop_path(&self, workshop: &Workshop) -> PathBuf {
        self.item_path(workshop)
    }

    /// Saves one workshop atomically, in its own file, after checking it (title, capacity, no
    /// more enrolled than places).
    pub fn save_workshop(&self, workshop: &Workshop) -> Result<PathBuf, StoreError> {
        self.save_workshop_as_written(workshop)
            .map(|_| self.workshop_path(workshop))
    }

    /// Saves one workshop as [`Self::save_workshop`] does, and returns what was written: the
    /// workshop merged with what another Parcours saved of it since this store read it (both
    /// sides' enrolments kept; refused, "Atelier complet", when they no longer fit its places).
    pub fn save_workshop_as_written(&self, workshop: &Workshop) -> Result<Workshop, StoreError> {
        self.save_item(workshop, local_now().date())
            .map(|(_, written)| written)
    }

    /// Reads one workshop again from its file (what another Parcours saved since the load);
    /// `None` when it cannot be read.
    #[must_use]
    pub fn read_workshop(&self, workshop: &Workshop) -> Option<Workshop> {
        let path = self.workshop_path(workshop);
        let read = super::load::load_file::<Workshop>(&self.codec, &path).ok()?;
        self.remember_base(path, &read);
        Some(read)
    }

    /// Takes a workshop out of the catalogue: its file is moved to `ateliers-supprimes/`
    /// (kept, not loaded). Refused while anyone is enrolled: their collective hours come from
    /// this file, and would vanish with it. Returns where the file went.
    pub fn delete_workshop(&mut self, workshop: &Workshop) -> Result<PathBuf, StoreError> {
        self.check_writable()?;
        if !workshop.enrolments.is_empty() {
            return Err(StoreError::Invalid(format!(
                "« {} » a encore {} inscrit(s) : désinscrivez-les d'abord (leurs heures d'atelier \
                 viennent de cet atelier).",
                workshop.title,
                workshop.enrolments.len()
            )));
        }
        let path = self.workshop_path(workshop);
        let aside_dir = self.root.join(DELETED_WORKSHOPS_DIR);
        fs::create_dir_all(&aside_dir).map_err(io_error(&aside_dir))?;
        let stamp = local_now().format("%Y%m%d-%H%M%S");
        let aside = aside_dir.join(format!("{}.ron.{stamp}.supprime", workshop.id));
        self.before_write(local_now().date());
        fs::rename(&path, &aside).map_err(io_error(&path))?;
        atomic::sync_dir(&self.root.join(WORKSHOPS_DIR)).map_err(io_error(&path))?;
        atomic::sync_dir(&aside_dir).map_err(io_error(&aside_dir))?;
        self.unreadable.remove(&path);
        Ok(aside)
    }
}

/// A workshop: refused without a title or a capacity, or with more enrolled than places.
impl Stored for Workshop {
    fn units(&self) -> crate::model::sync::Units {
        crate::model::sync::Shared::units(self)
    }

    fn validate(&self, _today: NaiveDate) -> Result<(), String> {
        let problems = self.problems();
        if problems.is_empty() {
            return Ok(());
        }
        Err(problems.join(" "))
    }
}

impl InFolder for Workshop {
    const FOLDER: &'static str = WORKSHOPS_DIR;
    type Id = WorkshopId;
    fn id(&self) -> WorkshopId {
        self.id
    }
    fn merge(base: &Self, ours: &Self, theirs: &Self) -> Result<Option<Self>, String> {
        super::cas::merge_workshop(base, ours, theirs).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_beneficiaries;
    use crate::model::preparation::Attendance;
    use crate::model::record::BeneficiaryId;
    use crate::store::{Access, BENEFICIARIES_DIR};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn workshop(title: &str, day: u32) -> Workshop {
        Workshop {
            title: title.into(),
            capacity: 2,
            ..Workshop::new(NaiveDate::from_ymd_opt(2026, 11, day).unwrap())
        }
    }

    #[test]
    fn a_deleted_workshop_leaves_the_catalogue_but_its_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let mut kept = workshop("Codes de l'entreprise", 24);
        let mistake = workshop("Atelier créé par erreur", 25);
        kept.enrol(BeneficiaryId::new()).unwrap();
        store.save_workshop(&kept).unwrap();
        store.save_workshop(&mistake).unwrap();

        // Someone is enrolled: refused, nothing moves.
        let refused = store.delete_workshop(&kept).unwrap_err().to_string();
        assert!(refused.contains("désinscrivez-les d'abord"), "{refused}");
        let aside = store.delete_workshop(&mistake).unwrap();
        assert!(aside.exists());
        let (left, problems) = store.load_workshops();
        assert!(problems.is_empty());
        assert_eq!(left, vec![kept]);
        // Moved back, it is in the catalogue again.
        fs::rename(&aside, store.workshop_path(&mistake)).unwrap();
        assert_eq!(store.load_workshops().0.len(), 2);
    }

    #[test]
    fn workshops_roundtrip_one_file_each_sorted_by_date() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let mut late = workshop("Droits du travail", 28);
        late.enrol(BeneficiaryId::new()).unwrap();
        let mut early = workshop("Simulation d'entretien", 3);
        let person = BeneficiaryId::new();
        early.enrol(person).unwrap();
        early.mark(person, Attendance::Present, today()).unwrap();
        let path = store.save_workshop(&late).unwrap();
        assert_eq!(
            path,
            dir.path()
                .join("workshops")
                .join(format!("{}.ron", late.id))
        );
        store.save_workshop(&early).unwrap();
        let (loaded, problems) = store.load_workshops();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(loaded, [early, late]);
    }

    #[test]
    fn an_invalid_workshop_is_refused_and_a_bad_file_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let untitled = workshop(" ", 3);
        let error = store.save_workshop(&untitled).unwrap_err();
        assert!(error.to_string().contains("titre de l'atelier"), "{error}");

        let w = workshop("CV", 3);
        let path = store.save_workshop(&w).unwrap();
        fs::write(&path, "(schema_version: 1, record: (id: 3))").unwrap();
        let (loaded, problems) = store.load_workshops();
        assert!(loaded.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().contains(&w.id.to_string()));
        assert!(matches!(
            store.save_workshop(&w),
            Err(StoreError::WouldOverwriteUnreadable(_))
        ));
    }

    #[test]
    fn saving_a_workshop_touches_no_record() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let record = demo_beneficiaries(1, today(), 3).remove(0);
        let record_path = store.save_beneficiary(&record, today()).unwrap();
        let before = fs::read(&record_path).unwrap();
        let mut w = workshop("Numérique", 20);
        w.enrol(record.id).unwrap();
        store.save_workshop(&w).unwrap();
        assert_eq!(fs::read(&record_path).unwrap(), before);
        let records = fs::read_dir(dir.path().join(BENEFICIARIES_DIR))
            .unwrap()
            .count();
        assert_eq!(records, 1);
    }

    #[test]
    fn a_workshop_write_cut_short_leaves_no_temp_file_behind() {
        let dir = tempfile::tempdir().unwrap();
        let workshops = dir.path().join(WORKSHOPS_DIR);
        fs::create_dir_all(&workshops).unwrap();
        let stale = workshops.join(".0195a1b2.ron.4242-1.tmp");
        fs::write(&stale, "(schema_version: 3, record: (").unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        assert!(!stale.exists());
        assert!(store.load_workshops().1.is_empty());
    }
}
