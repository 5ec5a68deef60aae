//! The add/remove rows of every list the person edits (children, experiences, sessions,
//! contacts…): each row is drawn with its own "Retirer" button, and the entry asked for is
//! taken out once the loop is over, never while the rows are being drawn (the indices of
//! the rows below it, and their widget ids, stay right for this frame).

use egui::Ui;

use crate::ui::theme;

/// Draws every row of `items` with `row(index, item)`, which returns `true` when its
/// "Retirer" was clicked; removes that entry (the first one asked, if several) and returns
/// it with its index. The form's "changed" and any clean-up are the caller's.
pub fn rows<T>(
    items: &mut Vec<T>,
    mut row: impl FnMut(usize, &mut T) -> bool,
) -> Option<(usize, T)> {
    let mut remove = None;
    for (index, item) in items.iter_mut().enumerate() {
        if row(index, item) && remove.is_none() {
            remove = Some(index);
        }
    }
    remove.map(|index| (index, items.remove(index)))
}

/// The list's "Ajouter…" button, a small gap below its rows; `true` when clicked.
pub fn add_button(ui: &mut Ui, enabled: bool, label: &str) -> bool {
    ui.add_space(theme::SPACE_S);
    ui.add_enabled(enabled, egui::Button::new(label)).clicked()
}

#[cfg(test)]
mod tests {
    use super::rows;

    #[test]
    fn every_row_is_drawn_and_only_the_entry_asked_for_goes() {
        let mut items = vec!["a", "b", "c"];
        let mut drawn = Vec::new();
        let removed = rows(&mut items, |index, item| {
            drawn.push((index, *item));
            *item == "b"
        });
        assert_eq!(drawn, [(0, "a"), (1, "b"), (2, "c")]);
        assert_eq!(removed, Some((1, "b")));
        assert_eq!(items, ["a", "c"]);
    }

    #[test]
    fn two_clicks_in_one_frame_remove_the_first_only() {
        let mut items = vec![1, 2, 3];
        let removed = rows(&mut items, |_, item| *item != 1);
        assert_eq!(removed, Some((1, 2)));
        assert_eq!(items, [1, 3]);
        assert_eq!(rows(&mut items, |_, _| false), None);
        assert_eq!(items, [1, 3]);
    }
}
