//! At most one focus-moving key per frame, so that fast typing never lands in the wrong field.
//!
//! egui reads Tab (and Shift+Tab, Escape) once at the start of a frame, before any widget runs:
//! the focus moves only at the end of that frame, and if two Tabs arrive in one frame only one
//! of them counts. A counsellor who types "Diallo⇥Awa" faster than a frame (a slow laptop, a
//! software renderer, or simply key rollover) would see `DialloAwa` in the last-name field and
//! a Tab lost. Enter behaves alike: it leaves a field, and what follows it belongs to the next
//! frame. A shortcut gets a frame of its own: what was typed before it belongs to the field
//! that had the focus (Ctrl+F moves the focus as soon as it is read), and what follows it to
//! the field it opens (Ctrl+N: the new record's last name). So the events after such a key are
//! held back and handed to egui at the next frame, in their order: nothing is dropped, nothing
//! reordered, only spread over frames.
//!
//! eframe may call the raw-input hook without running a pass (the window not shown yet, or
//! occluded: it runs the app's logic only), and then hands the same input again, first, at the
//! next call, followed by what came since. What was handed and not read is handed again, and
//! what the pacer holds still comes after it: never before (that put the letters typed after
//! Ctrl+N before it, where no field could take them).

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

/// Whether this event is a shortcut (Ctrl+…): it starts a frame of its own.
fn is_shortcut(event: &Event) -> bool {
    matches!(event, Event::Key { pressed: true, modifiers, .. } if modifiers.command)
}

/// How many of `events` go to this frame: up to their first focus-moving key included, or up
/// to a shortcut excluded when something comes before it.
fn frame_end(events: &[Event]) -> usize {
    match events.iter().position(moves_focus) {
        None => events.len(),
        Some(at) if at > 0 && is_shortcut(&events[at]) => at,
        Some(at) => at + 1,
    }
}

/// The input the raw-input hook holds back between frames.
#[derive(Debug, Default)]
pub struct Pacer {
    /// Events waiting for a later frame, in their order.
    held: Vec<Event>,
    /// How many events the last call handed over that no pass has read yet.
    unread: usize,
}

impl Pacer {
    /// Called by the raw-input hook with the frame's `events`: leaves in them what egui is to
    /// read now and holds the rest. With `hold_all`, nothing new is handed (a new record's
    /// field is taking the focus). Events handed before and not read (no pass ran) are
    /// handed again, first.
    pub fn pace(&mut self, events: &mut Vec<Event>, hold_all: bool) {
        let again = std::mem::take(&mut self.unread).min(events.len());
        self.held.extend(events.drain(again..));
        if !hold_all {
            let mut all = std::mem::take(events);
            all.append(&mut self.held);
            let end = frame_end(&all).max(again);
            self.held = all.split_off(end);
            *events = all;
        }
        self.unread = events.len();
    }

    /// A pass read what was handed over (call at each pass).
    pub fn read(&mut self) {
        self.unread = 0;
    }

    /// Whether events wait for a later frame.
    pub fn is_holding(&self) -> bool {
        !self.held.is_empty()
    }
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
        let mut pacer = Pacer::default();
        let mut events = input;
        let mut out = Vec::new();
        loop {
            pacer.pace(&mut events, false);
            pacer.read();
            out.push(std::mem::take(&mut events));
            if !pacer.is_holding() {
                return out;
            }
        }
    }

    fn ctrl(key: Key) -> Event {
        Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::COMMAND,
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
        let out = frames(vec![ctrl(Key::N), text("Ngom")]);
        assert_eq!(out, vec![vec![ctrl(Key::N)], vec![text("Ngom")]]);
    }

    #[test]
    fn what_precedes_a_shortcut_is_read_in_a_frame_before_it() {
        let out = frames(vec![text("-Awa"), ctrl(Key::F), text("Sy")]);
        assert_eq!(
            out,
            vec![vec![text("-Awa")], vec![ctrl(Key::F)], vec![text("Sy")]]
        );
    }

    /// eframe's logic-only call (no pass) hands the same events again, first, with what came
    /// since: what was held stays after them, between them and the new events.
    #[test]
    fn input_handed_and_not_read_is_handed_again_before_what_was_held() {
        let mut pacer = Pacer::default();
        let mut events = vec![ctrl(Key::N), text("Nkem")];
        pacer.pace(&mut events, false);
        assert_eq!(events, vec![ctrl(Key::N)]);
        // No pass ran: eframe gives the same input again, followed by new keys.
        events.push(text("bé"));
        pacer.pace(&mut events, false);
        assert_eq!(events, vec![ctrl(Key::N)]);
        pacer.read();
        let mut next = Vec::new();
        pacer.pace(&mut next, false);
        assert_eq!(next, vec![text("Nkem"), text("bé")]);
    }

    #[test]
    fn holding_all_hands_nothing_new_and_loses_nothing() {
        let mut pacer = Pacer::default();
        let mut events = vec![text("Nk")];
        pacer.pace(&mut events, true);
        assert!(events.is_empty());
        pacer.read();
        let mut events = vec![text("em")];
        pacer.pace(&mut events, true);
        assert!(events.is_empty());
        pacer.read();
        let mut events = vec![text("bé")];
        pacer.pace(&mut events, false);
        assert_eq!(events, vec![text("Nk"), text("em"), text("bé")]);
    }

    #[test]
    fn a_frame_without_focus_keys_passes_whole() {
        let input = vec![text("a"), key(Key::A), text("b")];
        assert_eq!(frames(input.clone()), vec![input]);
    }
}
