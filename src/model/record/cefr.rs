//! Language levels on the CEFR scale; the French one decides the entry route into the programme.

use serde::{Deserialize, Serialize};

/// A level in a language on the Common European Framework of Reference scale (the French
/// level decides the entry route).
///
/// `A0` is not a CEFR level: counsellors use it for a person who cannot yet read or write.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum CefrLevel {
    /// Not assessed yet.
    #[default]
    NotAssessed,
    /// Cannot read or write yet.
    A0,
    /// Breakthrough.
    A1,
    /// Waystage.
    A2,
    /// Threshold: the level from which the valorisation programme is open.
    B1,
    /// Vantage.
    B2,
    /// Effective operational proficiency.
    C1,
    /// Mastery.
    C2,
}

impl CefrLevel {
    /// Every level, in ascending order, for pickers.
    pub const ALL: [Self; 8] = [
        Self::NotAssessed,
        Self::A0,
        Self::A1,
        Self::A2,
        Self::B1,
        Self::B2,
        Self::C1,
        Self::C2,
    ];

    /// The French label shown to counsellors.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::NotAssessed => "Non évalué",
            Self::A0 => "A0 (ne lit ni n'écrit)",
            Self::A1 => "A1",
            Self::A2 => "A2",
            Self::B1 => "B1",
            Self::B2 => "B2",
            Self::C1 => "C1",
            Self::C2 => "C2",
        }
    }

    /// The bare level ("A2"; "A0" for a person who cannot read or write; "non évalué"), for
    /// sentences where the picker's explanation would be noise.
    #[must_use]
    pub const fn short_label(self) -> &'static str {
        match self {
            Self::NotAssessed => "non évalué",
            Self::A0 => "A0",
            Self::A1 => "A1",
            Self::A2 => "A2",
            Self::B1 => "B1",
            Self::B2 => "B2",
            Self::C1 => "C1",
            Self::C2 => "C2",
        }
    }

    /// Whether the level has been assessed at all.
    #[must_use]
    pub const fn is_assessed(self) -> bool {
        !matches!(self, Self::NotAssessed)
    }

    /// Whether the level reaches B1, the threshold of the valorisation programme.
    #[must_use]
    pub fn reaches_b1(self) -> bool {
        self >= Self::B1
    }
}
