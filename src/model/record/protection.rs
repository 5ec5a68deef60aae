//! Data protection on a record: what the person was told and agreed to, per purpose (GDPR
//! articles 6, 7 and 13), and a decision to keep the record past the retention period (CNIL
//! délibération 2023-095: an active file is kept two years after the last contact).
//!
//! The follow-up itself rests on the structure's mission: the person is *informed*, not asked.
//! Every other purpose shares data beyond the counsellor and needs a consent, which can be
//! refused or withdrawn at any time; the latest entry for a purpose is the one that holds, and
//! the earlier ones stay as its history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the person's data is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Purpose {
    /// The pathway's follow-up by the structure (its mission: information, not consent).
    FollowUp,
    /// Sending the CV and profile to companies (proposing an offer, a CV for an employer).
    ShareWithCompanies,
    /// Sharing the children's and family's data with the micro-crèche.
    ShareWithCreche,
    /// Sharing the language profile with French-course (FLE) or literacy partners.
    ShareWithLanguagePartners,
    /// Counting the person in anonymised statistics for funders.
    Statistics,
}

impl Purpose {
    /// Every purpose, in the order the record and the notice list them.
    pub const ALL: [Self; 5] = [
        Self::FollowUp,
        Self::ShareWithCompanies,
        Self::ShareWithCreche,
        Self::ShareWithLanguagePartners,
        Self::Statistics,
    ];

    /// The purpose in French, as the record and the notice name it.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::FollowUp => "Suivi du parcours par la structure",
            Self::ShareWithCompanies => "Transmission du CV et du profil aux entreprises",
            Self::ShareWithCreche => "Transmission à la micro-crèche",
            Self::ShareWithLanguagePartners => {
                "Transmission aux partenaires de cours de français ou d'alphabétisation"
            }
            Self::Statistics => "Statistiques anonymes pour les financeurs",
        }
    }

    /// Whether the purpose needs the person's consent (every one but the follow-up, which is
    /// the structure's mission and needs the person to be informed).
    #[must_use]
    pub const fn needs_consent(self) -> bool {
        !matches!(self, Self::FollowUp)
    }
}

/// What the person said about a purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentState {
    /// Agreed (for the follow-up: informed).
    Given,
    /// Declined.
    Refused,
    /// Agreed, then took it back.
    Withdrawn,
}

impl ConsentState {
    /// Every state, in the order the record offers them.
    pub const ALL: [Self; 3] = [Self::Given, Self::Refused, Self::Withdrawn];

    /// The state in French.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Given => "Accordé",
            Self::Refused => "Refusé",
            Self::Withdrawn => "Retiré",
        }
    }
}

/// How the person's answer was collected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentMethod {
    /// Said aloud to the counsellor.
    #[default]
    Oral,
    /// The printed form, signed.
    SignedForm,
}

impl ConsentMethod {
    /// Every method, in the order the record offers them.
    pub const ALL: [Self; 2] = [Self::Oral, Self::SignedForm];

    /// The method in French.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Oral => "À l'oral",
            Self::SignedForm => "Formulaire signé",
        }
    }
}

/// One answer of the person about one purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentEntry {
    /// The purpose it is about.
    pub purpose: Purpose,
    /// What the person said.
    pub state: ConsentState,
    /// When.
    pub date: NaiveDate,
    /// How it was collected.
    #[serde(default)]
    pub method: ConsentMethod,
    /// The counsellor who collected it.
    #[serde(default)]
    pub by: String,
}

/// A decision to keep a record past the retention period, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionExtension {
    /// Kept until this day (then proposed for erasure again).
    pub until: NaiveDate,
    /// Why (a legal obligation, a dispute, a pathway resumed…).
    pub reason: String,
}

/// Data shared although the person had not agreed to it (or had withdrawn), on the counsellor's
/// decision, with the reason written down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentOverride {
    /// The purpose the data was used for.
    pub purpose: Purpose,
    /// When.
    pub date: NaiveDate,
    /// Why, in the counsellor's words (required: never empty).
    pub reason: String,
    /// The counsellor who decided.
    #[serde(default)]
    pub by: String,
}

/// The record's data-protection part.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Protection {
    /// Every answer, oldest first: the latest per purpose holds.
    pub consents: Vec<ConsentEntry>,
    /// Kept past the retention period, when so decided.
    pub extension: Option<RetentionExtension>,
    /// Data shared without a consent, each with its written reason.
    pub overrides: Vec<ConsentOverride>,
    /// When the record was anonymised (erasure): every personal field removed, only
    /// non-identifying values kept for statistics; no list, search or print shows it by name.
    pub anonymised_on: Option<NaiveDate>,
}

impl Protection {
    /// The answer that holds for `purpose`: its latest entry (by date, then by order).
    #[must_use]
    pub fn current(&self, purpose: Purpose) -> Option<&ConsentEntry> {
        self.consents
            .iter()
            .enumerate()
            .filter(|(_, e)| e.purpose == purpose)
            .max_by_key(|(index, e)| (e.date, *index))
            .map(|(_, e)| e)
    }

    /// Whether `purpose` may be used now: for the follow-up, the person was informed; for
    /// every other purpose, the latest answer is a consent given.
    #[must_use]
    pub fn allows(&self, purpose: Purpose) -> bool {
        self.current(purpose)
            .is_some_and(|e| e.state == ConsentState::Given)
    }

    /// Records an answer (appended: the history is kept).
    pub fn record(&mut self, entry: ConsentEntry) {
        self.consents.push(entry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::dates::test_support::d;

    fn entry(purpose: Purpose, state: ConsentState, date: NaiveDate) -> ConsentEntry {
        ConsentEntry {
            purpose,
            state,
            date,
            method: ConsentMethod::Oral,
            by: "Claire Martin".into(),
        }
    }

    #[test]
    fn the_latest_answer_holds_and_the_history_stays() {
        let mut protection = Protection::default();
        assert!(!protection.allows(Purpose::ShareWithCompanies));
        protection.record(entry(
            Purpose::ShareWithCompanies,
            ConsentState::Given,
            d(2026, 3, 2),
        ));
        assert!(protection.allows(Purpose::ShareWithCompanies));
        assert!(!protection.allows(Purpose::ShareWithCreche));
        protection.record(entry(
            Purpose::ShareWithCompanies,
            ConsentState::Withdrawn,
            d(2026, 11, 2),
        ));
        assert!(!protection.allows(Purpose::ShareWithCompanies));
        assert_eq!(protection.consents.len(), 2);
        // An answer typed later but dated earlier does not override a newer one.
        protection.record(entry(
            Purpose::ShareWithCompanies,
            ConsentState::Given,
            d(2026, 6, 1),
        ));
        assert_eq!(
            protection
                .current(Purpose::ShareWithCompanies)
                .map(|e| e.state),
            Some(ConsentState::Withdrawn)
        );
    }

    #[test]
    fn only_the_follow_up_needs_no_consent() {
        assert!(!Purpose::FollowUp.needs_consent());
        assert!(
            Purpose::ALL
                .iter()
                .filter(|p| **p != Purpose::FollowUp)
                .all(|p| p.needs_consent())
        );
    }
}
