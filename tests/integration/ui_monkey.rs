//! A "monkey" test: random Unicode typed into every text field of every tab and window, as a
//! French keyboard, a copy-paste from another script or a cat on the keyboard would. It found
//! that a NIR holding an `é` (AZERTY's 2 without Shift) killed the window: validation sliced it
//! by bytes. The fields are found through the accessibility tree (role `TextInput`), never
//! listed by hand, so a field added tomorrow is typed into too.
//!
//! The run is seeded: a failure prints the seed, and `PARCOURS_MONKEY_SEED=<seed>` replays it.
//! It asserts no panic and that every frame settles (kittest's `run` fails past its step limit).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use parcours::model::Beneficiary;
use parcours::model::demo::{
    add_demo_applications, demo_beneficiaries, demo_companies_for, demo_partners, demo_workshops,
};
use parcours::store::{Access, Store};
use parcours::ui::ParcoursApp;

use super::common::{app_drawing_boxes as app, today};

/// What the monkey types: accented letters, the digit row of a French keyboard without Shift, `AltGr` symbols,
/// combining marks, right-to-left text, emoji and joiners, odd code points.
const PIECES: &[&str] = &[
    "é",
    "è",
    "ç",
    "à",
    "ù",
    "ô",
    "Œ",
    "ß",
    "&",
    "\"",
    "'",
    "(",
    "-",
    "_",
    ")",
    "=",
    "~",
    "#",
    "{",
    "[",
    "|",
    "`",
    "\\",
    "^",
    "@",
    "]",
    "}",
    "€",
    "²",
    "0",
    "7",
    "42",
    "/",
    ":",
    ",",
    ".",
    " ",
    "\u{a0}",
    "e\u{301}",
    "\u{327}",
    "\u{308}\u{308}",
    "مرحبا",
    "שלום",
    "\u{200f}",
    "\u{202e}",
    "١٢٣",
    "😀",
    "👩‍👧‍👦",
    "🇫🇷",
    "\u{200d}",
    "\u{fe0f}",
    "中文",
    "Nguyễn",
    "\u{feff}",
    "\u{fffd}",
    "𝟙",
];

/// What the digit keys 0–9 type on AZERTY without Shift.
const AZERTY_DIGITS: [char; 10] = ['à', '&', 'é', '"', '\'', '(', '-', 'è', '_', 'ç'];

/// A seeded xorshift generator: reproducible, no dependency.
struct Monkey(u64);

impl Monkey {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).unwrap()).unwrap()
    }

    /// Empty, a short random string, a number typed on AZERTY with a key missed and another
    /// typed without Shift, or (once in a while) a 10,000-character paste.
    fn text(&mut self) -> String {
        match self.below(16) {
            0 => String::new(),
            2..=4 => {
                let keys = 10 + self.below(6);
                let unshifted = self.below(keys);
                (0..keys)
                    .map(|i| {
                        let key = self.below(10);
                        if i == unshifted {
                            AZERTY_DIGITS[key]
                        } else {
                            char::from_digit(u32::try_from(key).unwrap(), 10).unwrap()
                        }
                    })
                    .collect()
            }
            1 => {
                let piece = PIECES[self.below(PIECES.len())];
                let mut paste: String = piece.repeat(10_000 / piece.chars().count());
                paste.extend(std::iter::repeat_n('x', 10_000 - paste.chars().count()));
                paste
            }
            _ => (0..=self.below(12))
                .map(|_| PIECES[self.below(PIECES.len())])
                .collect(),
        }
    }
}

fn seed() -> u64 {
    std::env::var("PARCOURS_MONKEY_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x6d6f_6e6b_6579)
}

/// A data directory as the demo button leaves it: records with children, bookings and a
/// waiting list, companies with offers and applications, workshops, partners.
fn demo_dir() -> (tempfile::TempDir, Vec<Beneficiary>) {
    let dir = tempfile::tempdir().unwrap();
    let mut records = demo_beneficiaries(8, today(), 13);
    let companies = demo_companies_for(records.len(), today());
    add_demo_applications(&mut records, &companies, today());
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    for partner in demo_partners() {
        store.save_partner(&partner).unwrap();
    }
    for record in &records {
        store.save_beneficiary(record, today()).unwrap();
    }
    for company in &companies {
        store.save_company(company).unwrap();
    }
    for workshop in demo_workshops(&records, today()) {
        store.save_workshop(&workshop).unwrap();
    }
    (dir, records)
}

/// Clicks the first widget labelled `label`, if there is one on screen.
fn click(harness: &mut Harness<'_, ParcoursApp>, label: &str) -> bool {
    let Some(node) = harness.query_all_by_label(label).next() else {
        return false;
    };
    node.scroll_to_me();
    harness.run();
    let Some(node) = harness.query_all_by_label(label).next() else {
        return false;
    };
    node.click();
    harness.run();
    true
}

/// The list's search field: typed into last, since its text hides the records it does not match.
const SEARCH: &str = "Rechercher";

/// Which text fields to type into.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fields {
    /// Every one on screen but the list's search field.
    ButSearch,
    /// Every one on screen.
    All,
}

/// Types random text into the text fields on screen; returns how many were typed into.
fn type_everywhere(
    harness: &mut Harness<'_, ParcoursApp>,
    monkey: &mut Monkey,
    fields: Fields,
) -> usize {
    let inputs: Vec<u128> = harness
        .query_all_by(|node| {
            matches!(
                node.role(),
                Role::TextInput | Role::MultilineTextInput | Role::SearchInput
            ) && !node.is_disabled()
                && (fields == Fields::All || node.label().as_deref() != Some(SEARCH))
        })
        .map(|node| u128::from(node.accesskit_node().id()))
        .collect();
    let mut typed = 0;
    for id in inputs {
        // A field typed into before may have made this one disappear (a row removed, a form
        // closed): that is allowed.
        let Some(node) = harness.query_by(|node| u128::from(node.id()) == id) else {
            continue;
        };
        node.scroll_to_me();
        harness.run();
        let Some(node) = harness.query_by(|node| u128::from(node.id()) == id) else {
            continue;
        };
        node.focus();
        harness.run();
        // Twice, each time over what the field holds (select all, then type).
        for _ in 0..2 {
            let text = monkey.text();
            harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
            harness.run();
            if let Some(node) = harness.query_by(|node| u128::from(node.id()) == id) {
                node.type_text(&text);
                typed += 1;
            }
            harness.run();
        }
    }
    typed
}

#[test]
fn random_unicode_in_every_text_field_of_every_tab_and_window_never_panics() {
    let seed = seed();
    let outcome = std::panic::catch_unwind(|| monkey_run(seed));
    assert!(
        outcome.is_ok(),
        "the monkey test failed: replay with PARCOURS_MONKEY_SEED={seed}"
    );
    let typed = outcome.unwrap();
    // Every tab has fields to type into, and the windows add theirs.
    assert!(typed >= 300, "only {typed} fields were typed into");
}

fn monkey_run(seed: u64) -> usize {
    let mut monkey = Monkey(seed);
    let (dir, records) = demo_dir();
    let mut harness = app(dir.path());
    harness.run();
    let mut typed = 0;
    // A parent with children, so that the Crèche tab has its care forms.
    let parent = records
        .iter()
        .find(|r| !r.family.children.is_empty())
        .unwrap();
    harness
        .query_all_by_label_contains(&parent.display_name())
        .next()
        .unwrap()
        .click();
    harness.run();
    for tab in [
        "Identité",
        "Compétences",
        "Préparation à l'emploi",
        "Entreprises",
        "Crèche",
        "Synthèse",
    ] {
        assert!(click(&mut harness, tab), "no tab {tab}");
        typed += type_everywhere(&mut harness, &mut monkey, Fields::ButSearch);
    }
    // The windows, each from the tab that opens it.
    for (tab, opener, inside) in [
        ("Identité", "Paramètres", None),
        (
            "Préparation à l'emploi",
            "Ateliers collectifs…",
            Some("Nouvel atelier"),
        ),
        (
            "Entreprises",
            "Annuaire des entreprises…",
            Some("Nouvelle entreprise"),
        ),
        ("Crèche", "Paramètres de la crèche…", None),
    ] {
        // The window typed into before is closed first, as a counsellor would.
        for _ in 0..4 {
            if !click(&mut harness, "Close window") {
                break;
            }
        }
        click(&mut harness, tab);
        assert!(click(&mut harness, opener), "no {opener}");
        if let Some(button) = inside {
            click(&mut harness, button);
        }
        typed += type_everywhere(&mut harness, &mut monkey, Fields::ButSearch);
    }
    // Last, everything on screen, the list's search field included.
    typed += type_everywhere(&mut harness, &mut monkey, Fields::All);
    harness.run();
    typed
}
