//! Identifiers that stay unique across laptops: UUID v7 (time-ordered, random tail), never reused.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Declares a newtype identifier over a UUID v7, serialised as its hyphenated text.
macro_rules! uuid_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A fresh identifier (UUID v7: creation time plus 74 random bits).
            #[must_use]
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            /// Wraps an existing UUID (demo data, tests, fixtures).
            #[must_use]
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s.trim()).map(Self)
            }
        }
    };
}

uuid_id!(
    /// Identifies one beneficiary's record, on every laptop that ever holds it.
    BeneficiaryId
);

uuid_id!(
    /// Identifies one child within a family, so that later bookings can point at the child even
    /// when the counsellor corrects a first name.
    ChildId
);

uuid_id!(
    /// Identifies a French-course partner of the structure's directory.
    PartnerId
);

uuid_id!(
    /// Identifies a collective workshop of the shared catalogue (`workshops/<id>.ron`).
    WorkshopId
);

uuid_id!(
    /// Identifies a partner company (`companies/<id>.ron`).
    CompanyId
);

uuid_id!(
    /// Identifies a job offer within a company.
    OfferId
);

uuid_id!(
    /// Identifies one application of a beneficiary to an offer or a company.
    ApplicationId
);

uuid_id!(
    /// Identifies a micro-crèche booking (recurring or one-off).
    BookingId
);

/// A seed for demonstration data that differs from one run to the next: the random bits of a new
/// UUID v7, drawn here where identifiers read the clock, so that the model reads it nowhere else.
#[must_use]
pub fn fresh_seed() -> u64 {
    Uuid::now_v7().as_u64_pair().1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_parse_back() {
        let a = BeneficiaryId::new();
        let b = BeneficiaryId::new();
        assert_ne!(a, b);
        let text = a.to_string();
        assert_eq!(text.len(), 36);
        assert_eq!(text.parse::<BeneficiaryId>().ok(), Some(a));
        assert!("not-an-id".parse::<BeneficiaryId>().is_err());
    }
}

uuid_id!(
    /// Identifies an appointment with a beneficiary (stable: a calendar's UID is made from it).
    AppointmentId
);
