//! Names mixing scripts in display order: egui lays every line out left to right, so a name
//! holding Arabic or Hebrew ("محمد Haddad") is reordered first, each part as its own run — the
//! Latin part reads left to right, the Arabic part right to left, in the order typed.

use std::borrow::Cow;

use unicode_bidi::{Level, ParagraphBidiInfo};

/// `text` in the order its characters are to be drawn, on a left-to-right line (the window's
/// direction); unchanged, without allocating, when it holds no right-to-left letter.
#[must_use]
pub fn display_order(text: &str) -> Cow<'_, str> {
    let info = ParagraphBidiInfo::new(text, Some(Level::ltr()));
    if !info.has_rtl() {
        return Cow::Borrowed(text);
    }
    info.reorder_line(0..text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_name_part_keeps_its_own_direction() {
        // Typed: the Arabic first name, then the Latin last name.
        let shown = display_order("محمد Haddad");
        assert!(shown.ends_with(" Haddad"), "{shown}");
        assert!(shown.starts_with("دمحم"), "{shown}");
        assert_eq!(display_order("Nguyễn Thị Hoa"), "Nguyễn Thị Hoa");
        assert!(matches!(display_order("Diallo"), Cow::Borrowed(_)));
    }
}
