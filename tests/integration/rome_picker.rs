//! The occupation picker, driven as a counsellor would: typing without accents, the arrow
//! keys, Enter, clicks; then checking the ROME code the caller's model holds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use parcours::ui::rome_picker::RomePicker;
use parcours::ui::text;

const LABEL: &str = "Métier (ROME)";

/// What a panel would hold: the picker, the chosen code, and how often the picker said the
/// choice changed.
#[derive(Default)]
struct Form {
    picker: RomePicker,
    occupation: Option<String>,
    changes: usize,
    enabled: bool,
}

fn harness(occupation: Option<&str>, enabled: bool) -> Harness<'static, Form> {
    Harness::builder()
        .with_size(egui::vec2(700.0, 520.0))
        .with_theme(egui::Theme::Light)
        .build_ui_state(
            |ui, form: &mut Form| {
                if form
                    .picker
                    .ui(ui, LABEL, &mut form.occupation, form.enabled)
                {
                    form.changes += 1;
                }
            },
            Form {
                occupation: occupation.map(str::to_owned),
                enabled,
                ..Form::default()
            },
        )
}

fn type_into<State>(harness: &mut Harness<'_, State>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn typing_without_accents_offers_the_occupation_and_a_click_picks_it() {
    let mut harness = harness(None, true);
    harness.run();
    type_into(&mut harness, LABEL, "aide soignant");
    harness
        .get_by_label("J1501 · Aide-soignant / Aide-soignante")
        .click();
    harness.run();

    assert_eq!(harness.state().occupation.as_deref(), Some("J1501"));
    assert_eq!(harness.state().changes, 1);
    assert!(
        harness
            .get_by_label(LABEL)
            .value()
            .unwrap_or_default()
            .is_empty(),
        "picking clears the search"
    );
    assert!(
        harness
            .query_by_label(&text::common::remove_named(LABEL))
            .is_some(),
        "the choice is shown with its remove button"
    );
}

#[test]
fn arrow_keys_and_enter_pick_a_result_without_the_mouse() {
    let mut harness = harness(None, true);
    harness.run();
    type_into(&mut harness, LABEL, "j15");
    assert!(
        harness
            .query_by_label("J1508 · Infirmier / Infirmière en Pratique Avancée (IPA)")
            .is_some(),
        "eight results listed"
    );
    assert!(
        harness.query_by_label_contains("J1509").is_none(),
        "no more than eight"
    );
    assert!(
        harness
            .query_by_label_contains(text::widgets::ROME_MORE_RESULTS)
            .is_some()
    );

    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::ArrowUp);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();

    assert_eq!(
        harness.state().occupation.as_deref(),
        Some("J1502"),
        "the second result"
    );
    assert_eq!(
        harness.get_by_label(LABEL).value().unwrap_or_default(),
        "",
        "the arrows and Enter did not reach the text"
    );
    assert!(
        harness.query_by_label_contains("J1503").is_none(),
        "list closed"
    );
}

#[test]
fn enter_picks_the_first_result_and_the_field_keeps_the_focus() {
    let mut harness = harness(Some("J1501"), true);
    harness.run();
    type_into(&mut harness, LABEL, "bucheron");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().occupation.as_deref(), Some("A1201"));
    assert!(
        harness
            .query_by_label("A1201 · Bûcheron / Bûcheronne")
            .is_some()
    );

    // Still in the field: typing again searches again.
    harness.get_by_label(LABEL).type_text("j1501");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().occupation.as_deref(), Some("J1501"));
    assert_eq!(harness.state().changes, 2);
}

#[test]
fn retirer_clears_the_choice() {
    let mut harness = harness(Some("J1501"), true);
    harness.run();
    assert!(
        harness
            .query_by_label("J1501 · Aide-soignant / Aide-soignante")
            .is_some()
    );
    harness
        .get_by_label(&text::common::remove_named(LABEL))
        .click();
    harness.run();
    assert_eq!(harness.state().occupation, None);
    assert_eq!(harness.state().changes, 1);
    assert!(
        harness
            .query_by_label(&text::common::remove_named(LABEL))
            .is_none()
    );
    assert!(harness.query_by_label_contains("Aide-soignant").is_none());
}

#[test]
fn a_search_without_result_says_so_and_escape_clears_the_search() {
    let mut harness = harness(None, true);
    harness.run();
    type_into(&mut harness, LABEL, "astronaute");
    assert!(
        harness
            .query_by_label(text::widgets::ROME_NO_MATCH)
            .is_some()
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().occupation, None, "Enter picks nothing");

    harness.get_by_label(LABEL).click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label(text::widgets::ROME_NO_MATCH)
            .is_none()
    );
    assert_eq!(harness.get_by_label(LABEL).value().unwrap_or_default(), "");

    type_into(&mut harness, LABEL, "cuisinier");
    assert!(
        harness
            .query_by_label("G1609 · Cuisinier / Cuisinière")
            .is_some()
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_label("G1609 · Cuisinier / Cuisinière")
            .is_none()
    );
    assert_eq!(harness.state().occupation, None);
}

#[test]
fn an_unknown_stored_code_is_shown_and_can_be_removed() {
    let mut harness = harness(Some("Z9999"), true);
    harness.run();
    assert!(
        harness
            .query_by_label(&text::widgets::rome_unknown_code("Z9999"))
            .is_some()
    );
    harness
        .get_by_label(&text::common::remove_named(LABEL))
        .click();
    harness.run();
    assert_eq!(harness.state().occupation, None);
}

#[test]
fn a_read_only_picker_changes_nothing() {
    let mut harness = harness(Some("J1501"), false);
    harness.run();
    assert!(harness.get_by_label(LABEL).accesskit_node().is_disabled());
    assert!(
        harness
            .get_by_label(&text::common::remove_named(LABEL))
            .accesskit_node()
            .is_disabled()
    );
    harness
        .get_by_label(&text::common::remove_named(LABEL))
        .click();
    harness.run();
    assert_eq!(harness.state().occupation.as_deref(), Some("J1501"));
    assert_eq!(harness.state().changes, 0);
}

/// Two pickers on one screen, as in a list of experiences: each keeps its own search and its
/// own choice.
#[test]
fn two_pickers_on_one_screen_stay_independent() {
    #[derive(Default)]
    struct Two {
        pickers: [RomePicker; 2],
        occupations: [Option<String>; 2],
    }
    let mut harness = Harness::builder()
        .with_size(egui::vec2(700.0, 700.0))
        .with_theme(egui::Theme::Light)
        .build_ui_state(
            |ui, two: &mut Two| {
                for (index, (picker, occupation)) in
                    two.pickers.iter_mut().zip(&mut two.occupations).enumerate()
                {
                    let label = format!("Métier de l'expérience {}", index + 1);
                    picker.ui_with_id_salt(ui, ("experience", index), &label, occupation, true);
                }
            },
            Two::default(),
        );
    harness.run();
    type_into(&mut harness, "Métier de l'expérience 2", "j1501");
    assert_eq!(
        harness
            .get_by_label("Métier de l'expérience 1")
            .value()
            .unwrap_or_default(),
        "",
        "the first field is untouched"
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().occupations,
        [None, Some("J1501".to_owned())]
    );
}
