//! The French level's dated history: each assessment (date, level, source), so that funders'
//! reports can say the level at entry and whether the person gained a CEFR level during a
//! period (AMIF). `Beneficiary::french_level` stays the latest level, read everywhere else.
//!
//! Files written before format 7 hold no history: such a record reads as one assessment, its
//! current level, dated at the record's creation ([`Beneficiary::french_assessments`]).

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::record::beneficiary::Beneficiary;
use crate::model::record::cefr::CefrLevel;

/// Where an assessment of the French level comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum AssessmentSource {
    /// A positioning test (by the structure or a language partner).
    Test,
    /// A certificate or diploma (DELF, TCF, DILF…).
    Certificate,
    /// The counsellor's own appraisal.
    #[default]
    Counsellor,
}

impl AssessmentSource {
    /// Every source, for pickers.
    pub const ALL: [Self; 3] = [Self::Test, Self::Certificate, Self::Counsellor];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Test => "Test de positionnement",
            Self::Certificate => "Certificat ou diplôme",
            Self::Counsellor => "Appréciation du conseiller",
        }
    }
}

/// One assessment of the French level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrenchAssessment {
    /// When.
    pub date: NaiveDate,
    /// The level found.
    pub level: CefrLevel,
    /// Where it comes from.
    #[serde(default)]
    pub source: AssessmentSource,
}

/// The level that holds on `day`: the latest assessment dated on or before it (by date, then
/// by order of entry); `None` when none is.
#[must_use]
pub fn level_on(assessments: &[FrenchAssessment], day: NaiveDate) -> Option<CefrLevel> {
    assessments
        .iter()
        .enumerate()
        .filter(|(_, a)| a.date <= day && a.level.is_assessed())
        .max_by_key(|(index, a)| (a.date, *index))
        .map(|(_, a)| a.level)
}

/// The latest assessed level of the history (by date, then by order of entry).
#[must_use]
pub fn latest_level(assessments: &[FrenchAssessment]) -> Option<CefrLevel> {
    assessments
        .iter()
        .enumerate()
        .filter(|(_, a)| a.level.is_assessed())
        .max_by_key(|(index, a)| (a.date, *index))
        .map(|(_, a)| a.level)
}

/// Adds an assessment and returns the level that now holds (the latest one): the caller sets
/// `french_level` to it. Nothing is overwritten: an earlier assessment stays in the history.
pub fn add_assessment(
    assessments: &mut Vec<FrenchAssessment>,
    assessment: FrenchAssessment,
) -> Option<CefrLevel> {
    assessments.push(assessment);
    latest_level(assessments)
}

impl Beneficiary {
    /// The French level's history: the stored assessments, or, for a record written before
    /// format 7 (none stored), its current level dated at the record's creation (nothing when
    /// the level was never assessed).
    #[must_use]
    pub fn french_assessments(&self) -> Cow<'_, [FrenchAssessment]> {
        if self.french_history.is_empty() {
            if self.french_level.is_assessed() {
                Cow::Owned(vec![FrenchAssessment {
                    date: self.created_at.date_naive(),
                    level: self.french_level,
                    source: AssessmentSource::Counsellor,
                }])
            } else {
                Cow::Borrowed(&[])
            }
        } else {
            Cow::Borrowed(&self.french_history)
        }
    }

    /// The level at entry into the pathway (`entry`): the latest assessment on or before that
    /// day; when none is that early, the first assessment after it (the positioning made in
    /// the first weeks); `None` when the level was never assessed.
    #[must_use]
    pub fn french_level_at_entry(&self, entry: NaiveDate) -> Option<CefrLevel> {
        let history = self.french_assessments();
        level_on(&history, entry).or_else(|| {
            history
                .iter()
                .enumerate()
                .filter(|(_, a)| a.level.is_assessed())
                .min_by_key(|(index, a)| (a.date, *index))
                .map(|(_, a)| a.level)
        })
    }

    /// Whether the person gained at least one CEFR level during `from..=to`: the level that
    /// holds at `to` is higher than the one that held the day before `from` (or, when the
    /// person entered during the period or had no assessment before it, the level at entry).
    #[must_use]
    pub fn gained_french_level(&self, entry: NaiveDate, from: NaiveDate, to: NaiveDate) -> bool {
        let history = self.french_assessments();
        let Some(end) = level_on(&history, to) else {
            return false;
        };
        let before = from
            .pred_opt()
            .filter(|day| *day >= entry)
            .and_then(|day| level_on(&history, day));
        let start = before.or_else(|| self.french_level_at_entry(entry));
        start.is_some_and(|start| end > start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::dates::test_support::d;
    use chrono::{TimeZone, Utc};

    fn assessed(date: NaiveDate, level: CefrLevel) -> FrenchAssessment {
        FrenchAssessment {
            date,
            level,
            source: AssessmentSource::Test,
        }
    }

    fn person() -> Beneficiary {
        Beneficiary::new(Utc.with_ymd_and_hms(2025, 1, 10, 9, 0, 0).unwrap())
    }

    #[test]
    fn an_older_record_reads_as_its_current_level_dated_at_creation() {
        let mut b = person();
        assert!(b.french_assessments().is_empty());
        assert_eq!(b.french_level_at_entry(d(2025, 1, 10)), None);
        b.french_level = CefrLevel::A2;
        assert_eq!(
            b.french_assessments().as_ref(),
            [FrenchAssessment {
                date: d(2025, 1, 10),
                level: CefrLevel::A2,
                source: AssessmentSource::Counsellor,
            }]
        );
        assert_eq!(b.french_level_at_entry(d(2025, 2, 1)), Some(CefrLevel::A2));
        assert!(!b.gained_french_level(d(2025, 2, 1), d(2025, 1, 1), d(2025, 12, 31)));
    }

    #[test]
    fn a_change_adds_an_entry_and_the_latest_holds() {
        let mut history = vec![assessed(d(2025, 1, 10), CefrLevel::A1)];
        let latest = add_assessment(&mut history, assessed(d(2025, 6, 3), CefrLevel::A2));
        assert_eq!(latest, Some(CefrLevel::A2));
        // Typed later but dated earlier: it does not become the latest.
        let latest = add_assessment(&mut history, assessed(d(2025, 3, 1), CefrLevel::A0));
        assert_eq!(latest, Some(CefrLevel::A2));
        assert_eq!(history.len(), 3);
        assert_eq!(level_on(&history, d(2025, 3, 15)), Some(CefrLevel::A0));
        assert_eq!(level_on(&history, d(2025, 1, 9)), None);
    }

    #[test]
    fn level_at_entry_and_gain_over_a_period() {
        let mut b = person();
        b.french_history = vec![
            assessed(d(2025, 1, 10), CefrLevel::A1),
            assessed(d(2025, 9, 1), CefrLevel::A2),
            assessed(d(2026, 3, 1), CefrLevel::B1),
        ];
        b.french_level = CefrLevel::B1;
        let entry = d(2025, 2, 1);
        assert_eq!(b.french_level_at_entry(entry), Some(CefrLevel::A1));
        // The first assessment after entry stands for the level at entry when none is earlier.
        assert_eq!(b.french_level_at_entry(d(2024, 12, 1)), Some(CefrLevel::A1));
        // 2025: A1 at entry, A2 at the end.
        assert!(b.gained_french_level(entry, d(2025, 1, 1), d(2025, 12, 31)));
        // October 2025 – February 2026: A2 before, A2 at the end.
        assert!(!b.gained_french_level(entry, d(2025, 10, 1), d(2026, 2, 28)));
        // 2026: A2 before, B1 at the end.
        assert!(b.gained_french_level(entry, d(2026, 1, 1), d(2026, 12, 31)));
        // A fall is no gain.
        b.french_history
            .push(assessed(d(2026, 6, 1), CefrLevel::A2));
        assert!(!b.gained_french_level(entry, d(2026, 1, 1), d(2026, 12, 31)));
    }
}
