//! What a parent's record keeps of the crèche: each child's care information, the family's
//! bookings and its waiting requests.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::booking::Booking;
use super::waiting::WaitingRequest;
use crate::model::ChildId;

/// What the Crèche tab adds to a child: care information (allergies and health notes are
/// confidential: printed only when the counsellor ticks it for one print).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildCare {
    /// The child (one of the record's `family.children`).
    pub child: ChildId,
    /// Allergies (confidential).
    #[serde(default)]
    pub allergies: String,
    /// Health notes: treatments, diet… (confidential).
    #[serde(default)]
    pub health_notes: String,
    /// People allowed to pick the child up, one per entry ("Nom, lien, téléphone").
    #[serde(default)]
    pub authorised_pickups: Vec<String>,
    /// Who to call in an emergency.
    #[serde(default)]
    pub emergency_contact: String,
    /// First day of care.
    #[serde(default)]
    pub care_starts_on: Option<NaiveDate>,
}

impl ChildCare {
    /// Empty care information for a child.
    #[must_use]
    pub const fn new(child: ChildId) -> Self {
        Self {
            child,
            allergies: String::new(),
            health_notes: String::new(),
            authorised_pickups: Vec::new(),
            emergency_contact: String::new(),
            care_starts_on: None,
        }
    }

    /// Whether nothing is filled in.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::new(self.child)
    }
}
/// A family's side of the crèche, kept in the parent's record.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CrecheFamily {
    /// Care information, per child.
    pub care: Vec<ChildCare>,
    /// Bookings.
    pub bookings: Vec<Booking>,
    /// Requests on the waiting list.
    pub waiting: Vec<WaitingRequest>,
}

impl CrecheFamily {
    /// The care information of a child, if any was entered.
    #[must_use]
    pub fn care_of(&self, child: ChildId) -> Option<&ChildCare> {
        self.care.iter().find(|c| c.child == child)
    }
}
