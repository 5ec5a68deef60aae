//! The partner companies' directory: one file per company, `companies/<id>.ron`, its offers
//! inside. Loaded like the records (every bad file reported with its place, and protected from
//! overwriting); saved atomically, only when the company passes its rules.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::stored::{InFolder, Stored};
use super::{Store, StoreError, load, local_now};
use crate::model::companies::Company;
use crate::model::record::{CompanyId, fold};

/// Folder of the companies' directory, inside the data directory.
pub const COMPANIES_DIR: &str = "companies";

impl Store {
    /// Loads the companies' directory, sorted by name; files that cannot be read are reported
    /// and will not be overwritten.
    pub fn load_companies(&mut self) -> (Vec<Company>, Vec<load::Problem>) {
        let (mut companies, problems) = self.load_merged::<Company>();
        companies.sort_by_cached_key(|c| (fold(&c.name), c.id));
        (companies, problems)
    }

    /// The file a company is saved in.
    #[must_use]
    pub fn company_path(&self, company: &Company) -> PathBuf {
        self.item_path(company)
    }

    /// Saves one company atomically, after checking it against its rules (SIRET key, codes,
    /// offers). Returns the file written.
    pub fn save_company(&self, company: &Company) -> Result<PathBuf, StoreError> {
        self.save_item(company, local_now().date())
            .map(|(path, _)| path)
    }
}

/// A company: refused when it breaks its rules, the message naming it.
impl Stored for Company {
    fn units(&self) -> crate::model::sync::Units {
        crate::model::sync::Shared::units(self)
    }

    fn validate(&self, _today: NaiveDate) -> Result<(), String> {
        let errors = Company::validate(self);
        if errors.is_empty() {
            return Ok(());
        }
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        Err(format!("{} : {}", self.name.trim(), messages.join(" ")))
    }
}

impl InFolder for Company {
    const FOLDER: &'static str = COMPANIES_DIR;
    type Id = CompanyId;
    fn id(&self) -> CompanyId {
        self.id
    }
    fn merge(base: &Self, ours: &Self, theirs: &Self) -> Result<Option<Self>, String> {
        Ok(Some(super::cas::merge_company(base, ours, theirs)))
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::model::companies::{Offer, OfferStatus, check_siret};
    use crate::store::Access;

    fn siret(prefix: &str) -> String {
        (0..10)
            .map(|d| format!("{prefix}{d}"))
            .find(|s| check_siret(s).is_ok())
            .unwrap()
    }

    #[test]
    fn companies_roundtrip_sorted_and_invalid_ones_are_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let mut saved = Vec::new();
        for (name, prefix) in [
            ("Zénith Propreté", "4430618410004"),
            ("Atelier Bois", "7328293200007"),
        ] {
            let mut company = Company {
                name: name.into(),
                siret: siret(prefix),
                ape: "81.21Z".into(),
                ..Company::new()
            };
            company.offers.push(Offer {
                title: "Agent d'entretien".into(),
                rome_code: Some("K2204".into()),
                status: OfferStatus::Open,
                ..Offer::new()
            });
            store.save_company(&company).unwrap();
            saved.push(company);
        }
        let bad = Company {
            name: "Sans SIRET".into(),
            ..Company::new()
        };
        let error = store.save_company(&bad).unwrap_err();
        assert!(
            error.to_string().contains("Le SIRET est obligatoire."),
            "{error}"
        );
        assert!(!store.company_path(&bad).exists());

        let (loaded, problems) = store.load_companies();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(loaded, [saved[1].clone(), saved[0].clone()]);
    }

    #[test]
    fn a_damaged_company_file_is_reported_with_its_place_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let company = Company {
            name: "Boulangerie".into(),
            siret: siret("4430618410004"),
            ..Company::new()
        };
        let path = store.save_company(&company).unwrap();
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("name:", "name: 3,\n    nom:");
        fs::write(&path, &text).unwrap();
        let (loaded, problems) = store.load_companies();
        assert!(loaded.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, path);
        assert!(problems[0].location.is_some());
        assert!(matches!(
            store.save_company(&company),
            Err(StoreError::WouldOverwriteUnreadable(_))
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
    }
}
