//! How a cell reads in French, the same in the window, the command line and the CSV file:
//! decimal comma, hours for minutes, "< 5" for a hidden count, nothing for a share or a
//! median that could not be computed.

use crate::model::stats::table::{Cell, Period, Scope};

/// `value` with `decimals` decimals at most (trailing zeros dropped) and a decimal comma.
#[must_use]
pub fn decimal(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    text.replace('.', ",")
}

/// Minutes as hours (with two decimals at most): 90 → "1,5".
#[must_use]
#[expect(clippy::cast_precision_loss, reason = "minutes stay far below 2^52")]
pub fn hours(minutes: u64) -> String {
    decimal(minutes as f64 / 60.0, 2)
}

/// A count hidden by secondary suppression: any size, so not "< 5".
pub const MASKED: &str = "masqué";

/// What a hidden cell shows: "< 5" with the default threshold.
#[must_use]
pub fn hidden(threshold: u32) -> String {
    format!("< {threshold}")
}

impl Cell {
    /// The cell in French: "12", "1,5" (hours), "35,3 %", "201,5" (days), "< 5", or empty
    /// when nothing could be computed.
    #[must_use]
    pub fn text(self, threshold: u32) -> String {
        match self {
            Self::People(n) | Self::Count(n) => n.to_string(),
            Self::Minutes(m) => hours(m),
            Self::Percent(Some(p)) => format!("{} %", decimal(p, 1)),
            Self::Days(Some(d)) => decimal(d, 1),
            Self::Percent(None) | Self::Days(None) => String::new(),
            Self::Hidden => hidden(threshold),
            Self::Masked => MASKED.to_owned(),
        }
    }
}

impl Period {
    /// "du 01/01/2026 au 31/12/2026".
    #[must_use]
    pub fn label(self) -> String {
        format!(
            "du {} au {}",
            self.from.format("%d/%m/%Y"),
            self.to.format("%d/%m/%Y")
        )
    }
}

impl Scope {
    /// "Toute la structure", or "Personnes suivies par Claire Dupont".
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Self::All => "Toute la structure".to_owned(),
            Self::Counsellor(name) => format!("Personnes suivies par {}", name.trim()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_in_french() {
        assert_eq!(Cell::Minutes(90).text(5), "1,5");
        assert_eq!(Cell::Minutes(120).text(5), "2");
        assert_eq!(Cell::Minutes(20).text(5), "0,33");
        assert_eq!(Cell::Percent(Some(35.294)).text(5), "35,3 %");
        assert_eq!(Cell::Percent(None).text(5), "");
        assert_eq!(Cell::Days(Some(201.5)).text(5), "201,5");
        assert_eq!(Cell::Hidden.text(5), "< 5");
        // Hidden only so that a small count cannot be recomputed: any size, never "< 5".
        assert_eq!(Cell::Masked.text(5), "masqué");
        assert_eq!(Cell::People(10).text(5), "10");
    }
}
