//! The Crèche tab's part of the record as edited: care information kept as typed text (a
//! half-typed start date is never lost nor saved), and the family's bookings and waiting
//! requests, which the tab changes only through the capacity and age checks of
//! [`crate::model::creche::plan_booking`].

use crate::model::creche::{Booking, ChildCare, CrecheFamily, WaitingRequest};
use crate::model::record::dates::{format_date, parse_date};
use crate::model::record::ids::ChildId;
use crate::model::record::validation::{Field, FieldError};

/// A child's care information as edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CareDraft {
    /// The child.
    pub child: ChildId,
    /// Allergies (confidential).
    pub allergies: String,
    /// Health notes (confidential).
    pub health_notes: String,
    /// People allowed to pick the child up, one per line.
    pub pickups: String,
    /// Emergency contact.
    pub emergency_contact: String,
    /// First day of care, as typed (`JJ/MM/AAAA`).
    pub care_starts_on: String,
}

impl CareDraft {
    /// The form of a child's care information.
    #[must_use]
    pub fn from_care(care: &ChildCare) -> Self {
        Self {
            child: care.child,
            allergies: care.allergies.clone(),
            health_notes: care.health_notes.clone(),
            pickups: care.authorised_pickups.join("\n"),
            emergency_contact: care.emergency_contact.clone(),
            care_starts_on: care.care_starts_on.map(format_date).unwrap_or_default(),
        }
    }
}

/// The family's crèche data as edited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CrecheDraft {
    /// Care information, per child (a child without any has no entry until typed into).
    pub care: Vec<CareDraft>,
    /// Bookings (added only once the capacity and age checks accepted them).
    pub bookings: Vec<Booking>,
    /// Waiting requests.
    pub waiting: Vec<WaitingRequest>,
}

impl CrecheDraft {
    /// The form of a family's crèche data.
    #[must_use]
    pub fn from_family(family: &CrecheFamily) -> Self {
        Self {
            care: family.care.iter().map(CareDraft::from_care).collect(),
            bookings: family.bookings.clone(),
            waiting: family.waiting.clone(),
        }
    }

    /// The care form of a child (created empty when there is none yet), with its position,
    /// which errors name.
    pub fn care_mut(&mut self, child: ChildId) -> Option<(usize, &mut CareDraft)> {
        if !self.care.iter().any(|c| c.child == child) {
            self.care.push(CareDraft::from_care(&ChildCare::new(child)));
        }
        self.care
            .iter_mut()
            .enumerate()
            .find(|(_, c)| c.child == child)
    }

    /// Rebuilds the family's data; a start date that does not parse is reported on
    /// `Field::CareStartsOn(position)`. Care forms left empty are not kept.
    pub fn to_family(&self, errors: &mut Vec<FieldError>) -> CrecheFamily {
        let care = self
            .care
            .iter()
            .enumerate()
            .map(|(index, draft)| {
                let care_starts_on = match parse_date(&draft.care_starts_on) {
                    Ok(date) => date,
                    Err(message) => {
                        errors.push(FieldError::new(Field::CareStartsOn(index), message));
                        None
                    }
                };
                ChildCare {
                    child: draft.child,
                    allergies: draft.allergies.trim().to_owned(),
                    health_notes: draft.health_notes.trim_end().to_owned(),
                    authorised_pickups: draft
                        .pickups
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    emergency_contact: draft.emergency_contact.trim().to_owned(),
                    care_starts_on,
                }
            })
            .filter(|care| !care.is_empty())
            .collect();
        CrecheFamily {
            care,
            bookings: self.bookings.clone(),
            waiting: self.waiting.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn care_information_survives_the_form_and_a_bad_date_is_reported() {
        let child = ChildId::new();
        let mut draft = CrecheDraft::default();
        let (index, care) = draft.care_mut(child).unwrap();
        assert_eq!(index, 0);
        care.allergies = " Arachide ".into();
        care.pickups = "Tante Awa, 06 12 34 56 78\n\n  Voisine  ".into();
        care.care_starts_on = "01/09/2026".into();
        let mut errors = Vec::new();
        let family = draft.to_family(&mut errors);
        assert!(errors.is_empty());
        let care = family.care_of(child).unwrap();
        assert_eq!(care.allergies, "Arachide");
        assert_eq!(
            care.authorised_pickups,
            ["Tante Awa, 06 12 34 56 78", "Voisine"]
        );
        assert_eq!(
            care.care_starts_on,
            chrono::NaiveDate::from_ymd_opt(2026, 9, 1)
        );
        assert_eq!(
            CrecheDraft::from_family(&family).to_family(&mut errors),
            family
        );

        let (_, care) = draft.care_mut(child).unwrap();
        care.care_starts_on = "31/02/2026".into();
        draft.to_family(&mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, Field::CareStartsOn(0));

        // A form opened and left empty keeps nothing.
        let mut empty = CrecheDraft::default();
        empty.care_mut(ChildId::new());
        assert!(empty.to_family(&mut Vec::new()).care.is_empty());
    }
}
