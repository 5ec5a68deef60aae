//! Accent- and case-insensitive search: "jerome" finds "Jérôme" and "Jérôme" finds "Jerome".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::record::beneficiary::Beneficiary;

/// Folds a text for comparison: decomposed, combining marks removed, lower-cased, and the
/// letters that do not decompose (ø, đ, ł, æ, œ, ß…) replaced by their plain Latin form.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ł' | 'Ł' => out.push('l'),
            'ı' => out.push('i'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'þ' | 'Þ' => out.push_str("th"),
            '’' | 'ʼ' => out.push('\''),
            '-' | '‐' | '–' => out.push(' '),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A search typed in the list: every word must appear, in any order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    words: Vec<String>,
}

impl SearchQuery {
    /// Parses what the person typed.
    #[must_use]
    pub fn new(text: &str) -> Self {
        Self {
            words: fold(text).split_whitespace().map(str::to_owned).collect(),
        }
    }

    /// True when nothing was typed: everything matches.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether an already [`fold`]ed text matches.
    #[must_use]
    pub fn matches(&self, folded: &str) -> bool {
        self.words.iter().all(|w| folded.contains(w.as_str()))
    }
}

/// A phrase's first letter lowered, whatever the letter ("En cours" → "en cours",
/// "Échéance" → "échéance"): a label or a field's name set inside a sentence.
#[must_use]
pub fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// Sort key for lists (the window's and `parcours list`): last name, then first name, accent- and
/// case-insensitively.
#[must_use]
pub fn name_order_key(b: &Beneficiary) -> (String, String) {
    (fold(&b.identity.last_name), fold(&b.identity.first_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_do_not_matter_either_way() {
        assert!(SearchQuery::new("jerome").matches(&fold("Jérôme Dupont")));
        assert!(SearchQuery::new("Jérôme").matches(&fold("Jerome Dupont")));
        // Decomposed input (as some keyboards produce) folds the same way.
        assert!(SearchQuery::new("je\u{301}ro\u{302}me").matches(&fold("JÉRÔME")));
    }

    #[test]
    fn every_word_must_match_in_any_order() {
        let folded = fold("Nguyễn Thị Hoa");
        assert!(SearchQuery::new("hoa nguyen").matches(&folded));
        assert!(!SearchQuery::new("hoa tran").matches(&folded));
        assert!(SearchQuery::new("  ").is_empty());
    }

    #[test]
    fn letters_without_decomposition_are_folded() {
        assert_eq!(fold("Øyvind Đorđević"), "oyvind dordevic");
        assert_eq!(fold("Œuvre Straße"), "oeuvre strasse");
        assert!(SearchQuery::new("aicha ben-ali").matches(&fold("Aïcha Ben Ali")));
    }
}
