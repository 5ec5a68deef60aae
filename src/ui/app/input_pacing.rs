//! At most one focus-moving key per frame, so that fast typing never lands in the wrong field.
//!
//! egui reads Tab (and Shift+Tab, Escape) once at the start of a frame, before any widget runs:
//! the focus moves only at the end of that frame, and if two Tabs arrive in one frame only one
//! of them counts. A counsellor who types "Diallo⇥Awa" faster than a frame (a slow laptop, a
//! software renderer, or simply key rollover) would see `DialloAwa` in the last-name field and
//! a Tab lost. Enter behaves alike: it leaves a field, and what follows it belongs to the next
//! frame, and so does a shortcut (Ctrl+N: what follows belongs to the new record's field). So
//! the events after the first such key are held back and handed to egui at the next frame, in
//! their order: nothing is dropped, nothing reordered, only spread over frames.

use egui::{Event, Key};

/// Whether this event moves the keyboard focus (or leaves a field) when egui reads it, or is a
/// shortcut (Ctrl+N opens a new record whose field is to take what follows).
fn moves_focus(event: &Event) -> bool {
    match event {
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => matches!(key, Key::Tab | Key::Enter | Key::Escape) || modifiers.command,
        _ => false,
    }
}

/// Splits this frame's `events` after their first focus-moving key: what follows joins `held`,
/// to be handed over at the next frame (call this once per frame, before egui reads the
/// input). Events held from the previous frame come first.
pub fn pace(held: &mut Vec<Event>, events: &mut Vec<Event>) {
    let mut all = std::mem::take(held);
    all.append(events);
    let end = all
        .iter()
        .position(moves_focus)
        .map_or(all.len(), |at| at + 1);
    *held = all.split_off(end);
    *events = all;
}

#[cfg(test)]
mod tests {
    use egui::Modifiers;

    use super::*;

    fn key(key: Key) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        }
    }

    fn text(s: &str) -> Event {
        Event::Text(s.to_owned())
    }

    /// Runs frames until nothing is held, returning each frame's events.
    fn frames(input: Vec<Event>) -> Vec<Vec<Event>> {
        let mut held = Vec::new();
        let mut events = input;
        let mut out = Vec::new();
        loop {
            pace(&mut held, &mut events);
            out.push(std::mem::take(&mut events));
            if held.is_empty() {
                return out;
            }
        }
    }

    #[test]
    fn text_typed_after_a_tab_waits_for_the_next_frame() {
        let out = frames(vec![text("Diallo"), key(Key::Tab), text("Awa")]);
        assert_eq!(
            out,
            vec![vec![text("Diallo"), key(Key::Tab)], vec![text("Awa")]]
        );
    }

    #[test]
    fn two_tabs_in_one_frame_become_two_frames_and_nothing_is_lost() {
        let input = vec![
            key(Key::Tab),
            key(Key::Tab),
            text("&"),
            key(Key::Enter),
            text("é"),
        ];
        let out = frames(input.clone());
        assert_eq!(out.len(), 4);
        assert!(
            out.iter()
                .all(|frame| frame.iter().filter(|e| moves_focus(e)).count() <= 1)
        );
        assert_eq!(out.concat(), input);
    }

    #[test]
    fn what_follows_a_shortcut_waits_for_the_next_frame() {
        let ctrl_n = Event::Key {
            key: Key::N,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::COMMAND,
        };
        let out = frames(vec![ctrl_n.clone(), text("Ngom")]);
        assert_eq!(out, vec![vec![ctrl_n], vec![text("Ngom")]]);
    }

    #[test]
    fn a_frame_without_focus_keys_passes_whole() {
        let input = vec![text("a"), key(Key::A), text("b")];
        assert_eq!(frames(input.clone()), vec![input]);
    }
}
