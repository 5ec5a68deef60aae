//! What importing will do: each company read is new, or updates the company of the same SIRET
//! (which keeps its identifier, offers and notes).

use crate::model::companies::company::Company;
use crate::model::record::ids::CompanyId;

use super::ImportedRow;

/// What importing a row will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A company not in the directory yet.
    New,
    /// Updates the company of the same SIRET (this identifier): its offers and notes are kept.
    Update(CompanyId),
}

/// One company to save, and whether it is new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// The company as it will be saved.
    pub company: Company,
    /// New or updated.
    pub action: Action,
}

/// Matches the rows with the directory by SIRET: a company already present keeps its
/// identifier, offers, notes and any value the file leaves empty, and takes the file's others.
#[must_use]
pub fn plan(rows: &[ImportedRow], existing: &[Company]) -> Vec<Planned> {
    rows.iter()
        .map(|row| {
            let new = &row.company;
            match existing.iter().find(|c| c.siret == new.siret) {
                None => Planned {
                    company: new.clone(),
                    action: Action::New,
                },
                Some(old) => {
                    let mut company = old.clone();
                    let take = |to: &mut String, from: &String| {
                        if !from.is_empty() {
                            to.clone_from(from);
                        }
                    };
                    take(&mut company.name, &new.name);
                    take(&mut company.ape, &new.ape);
                    take(&mut company.address, &new.address);
                    take(&mut company.postcode, &new.postcode);
                    take(&mut company.town, &new.town);
                    company.insertion_clauses = new.insertion_clauses;
                    for contact in &new.contacts {
                        match company.contacts.iter_mut().find(|c| c.name == contact.name) {
                            Some(known) => {
                                take(&mut known.phone, &contact.phone);
                                take(&mut known.email, &contact.email);
                            }
                            None => company.contacts.push(contact.clone()),
                        }
                    }
                    Planned {
                        action: Action::Update(old.id),
                        company,
                    }
                }
            }
        })
        .collect()
}
