//! The "Crèche" tab driven as a counsellor would: care information typed and autosaved; a
//! booking refused because the crèche is full at that time, with the nearest free slot booked
//! in one click or the request put on the waiting list; a conflict left by two laptops shown in
//! red in the weekly planning; the crèche's settings saved to `creche.ron`; a booking prepared
//! from a workshop enrolment. And the committed
//! snapshot of the weekly planning.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveTime, TimeZone, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::creche::{Booking, BookingReason, Schedule, WaitingRequest};
use parcours::model::preparation::Workshop;
use parcours::model::{Beneficiary, BeneficiaryId, BookingId, Child, ChildId};
use parcours::store::{Access, CRECHE_FILE, Store};
use parcours::ui::ParcoursApp;
use parcours::ui::text::{app as app_text, common, creche, identity, preparation};

use crate::common::{app, fixture, let_autosave_run, today, type_into, write_fixture};

use crate::common::d;

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// Another family, with a toddler booked on Tuesday 24/11/2026 from `start` to `end`.
fn family(n: u8, start: NaiveTime, end: NaiveTime) -> Beneficiary {
    let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 9, 1, 10, 0, 0).unwrap());
    // Fixed identifiers: the snapshot lists families in a stable order.
    b.id = BeneficiaryId::from_uuid(uuid::Uuid::from_u128(
        0x0195_0000_0000_7000_8000_0000_0000_0000 + u128::from(n),
    ));
    b.identity.last_name = format!("Famille {n:02}");
    b.identity.first_name = "Mariam".into();
    let child = ChildId::from_uuid(uuid::Uuid::from_u128(
        0x0195_0000_0000_7000_8000_0001_0000_0000 + u128::from(n),
    ));
    b.family.children.push(Child {
        id: child,
        first_name: format!("Bébé{n:02}"),
        birth_date: Some(d(2025, 2, 14)),
    });
    b.creche.bookings.push(Booking {
        id: BookingId::from_uuid(uuid::Uuid::from_u128(
            0x0195_0000_0000_7000_8000_0002_0000_0000 + u128::from(n),
        )),
        child,
        schedule: Schedule::Once(d(2026, 11, 24)),
        start,
        end,
        reason: BookingReason::Workshop(None),
        note: "atelier CV".into(),
    });
    b
}

/// The fixture (Fatoumata Diallo, whose Awa is 19 months old) and twelve families filling the
/// crèche on Tuesday 24/11 from 9:00 to 12:30; `extra` more booked for 9:00–10:00 (a conflict
/// merged from another laptop).
fn write_full_tuesday(dir: &std::path::Path, extra: u8) {
    write_fixture(dir);
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    for n in 0..12 {
        store
            .save_beneficiary(&family(n, t(9, 0), t(12, 30)), today())
            .unwrap();
    }
    for n in 12..12 + extra {
        store
            .save_beneficiary(&family(n, t(9, 0), t(10, 0)), today())
            .unwrap();
    }
    // Someone on Thursday afternoon, so that the planning has more than one busy day.
    for n in 20..29 {
        let mut b = family(n, t(14, 0), t(17, 0));
        b.creche.bookings[0].schedule = Schedule::Once(d(2026, 11, 26));
        b.creche.bookings[0].reason = BookingReason::Training;
        b.creche.bookings[0].note = "cours de français".into();
        store.save_beneficiary(&b, today()).unwrap();
    }
}

fn open_creche_tab(dir: &std::path::Path) -> Harness<'static, ParcoursApp> {
    let mut harness = app(dir);
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    harness.get_by_label(creche::TAB_CRECHE).click();
    harness.run();
    harness
}

fn click(harness: &mut Harness<'_, ParcoursApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn saved_fixture(dir: &std::path::Path) -> Beneficiary {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    let id = fixture().id;
    store
        .load()
        .beneficiaries
        .into_iter()
        .find(|b| b.id == id)
        .unwrap()
}

#[test]
fn care_information_is_typed_and_autosaved() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = open_creche_tab(dir.path());
    type_into(&mut harness, &creche::allergies_of("Awa"), "Arachide");
    type_into(&mut harness, &creche::care_starts_of("Awa"), "31/11/2026");
    let_autosave_run(&mut harness);
    // An impossible date: explained, and the care information waits while it stands.
    assert!(
        harness
            .query_by_label(app_text::STATUS_INVALID_KEPT)
            .is_some()
    );
    assert!(
        saved_fixture(dir.path())
            .creche
            .care
            .iter()
            .all(|c| c.care_starts_on.is_none())
    );
    for _ in 0..10 {
        harness.key_press(egui::Key::Backspace);
    }
    harness.run();
    harness
        .get_by_label(&creche::care_starts_of("Awa"))
        .type_text("01/12/2026");
    harness.run();
    type_into(
        &mut harness,
        &creche::pickups_of("Awa"),
        "Tante Kadiatou, 06 11 22 33 44",
    );
    let_autosave_run(&mut harness);
    let record = saved_fixture(dir.path());
    let care = &record.creche.care[0];
    assert_eq!(care.child, record.family.children[0].id);
    assert_eq!(care.allergies, "Arachide");
    assert_eq!(care.care_starts_on, Some(d(2026, 12, 1)));
    assert_eq!(care.authorised_pickups, ["Tante Kadiatou, 06 11 22 33 44"]);
}

#[test]
fn a_full_slot_is_refused_and_the_nearest_free_one_booked_in_one_click() {
    let dir = tempfile::tempdir().unwrap();
    write_full_tuesday(dir.path(), 0);
    let mut harness = open_creche_tab(dir.path());
    type_into(&mut harness, creche::CRECHE_DATE, "24/11/2026");
    // The form's default hours, 9:00–12:00, overlap the twelve bookings.
    click(&mut harness, creche::CRECHE_BOOK);
    assert!(
        harness
            .query_by_label_contains("Complet : mardi 24/11/2026 à 9 h (12 enfants)")
            .is_some()
    );
    let_autosave_run(&mut harness);
    assert!(saved_fixture(dir.path()).creche.bookings.is_empty());
    // The nearest free three hours: from 12:30, just after the twelve leave.
    click(
        &mut harness,
        &creche::book_suggestion("le mardi 24/11/2026, 12 h 30 – 15 h 30"),
    );
    assert!(
        harness
            .query_by_label_contains(&creche::booked("Awa"))
            .is_some()
    );
    let_autosave_run(&mut harness);
    let booking = saved_fixture(dir.path()).creche.bookings.remove(0);
    assert_eq!(booking.schedule, Schedule::Once(d(2026, 11, 24)));
    assert_eq!((booking.start, booking.end), (t(12, 30), t(15, 30)));
    assert_eq!(booking.reason, BookingReason::Workshop(None));
}

#[test]
fn a_refused_request_goes_on_the_waiting_list() {
    let dir = tempfile::tempdir().unwrap();
    write_full_tuesday(dir.path(), 0);
    let mut harness = open_creche_tab(dir.path());
    type_into(&mut harness, creche::CRECHE_DATE, "24/11/2026");
    type_into(&mut harness, creche::CRECHE_NOTE, "entretien chez Elior");
    click(&mut harness, creche::CRECHE_BOOK);
    click(&mut harness, creche::CRECHE_TO_WAITING_LIST);
    let_autosave_run(&mut harness);
    let record = saved_fixture(dir.path());
    assert!(record.creche.bookings.is_empty());
    let request = &record.creche.waiting[0];
    assert_eq!(request.requested_on, today());
    assert_eq!(request.booking.note, "entretien chez Elior");
    assert!(harness.query_by_label(&creche::rank(1)).is_some());
}

#[test]
fn a_thirteenth_child_merged_from_another_laptop_shows_in_red() {
    let dir = tempfile::tempdir().unwrap();
    write_full_tuesday(dir.path(), 1);
    let mut harness = open_creche_tab(dir.path());
    assert!(harness.query_by_label(&creche::overbooked(2)).is_some());
    click(&mut harness, "mardi 24/11/2026 09:30 : 13/12");
    assert!(
        harness
            .query_by_label(&creche::cell_heading("mardi 24/11/2026", "9 h 30", 13, 12))
            .is_some()
    );
    // Each family can be opened from the cell, to cancel or move a booking.
    click(&mut harness, &creche::open_record("Mariam Famille 12"));
    assert_eq!(
        harness.state().selected(),
        Some(family(12, t(9, 0), t(10, 0)).id)
    );
    // Hers is the newest booking of that morning: her counsellor is told to move it.
    harness.get_by_label(creche::TAB_CRECHE).click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Réservation à déplacer : Bébé12, mardi 24/11/2026")
            .is_some()
    );
    // A family whose older booking keeps its place is told nothing.
    click(&mut harness, "mardi 24/11/2026 09:30 : 13/12");
    click(&mut harness, &creche::open_record("Mariam Famille 03"));
    harness.get_by_label(creche::TAB_CRECHE).click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Réservation à déplacer")
            .is_none()
    );
}

#[test]
fn creche_settings_are_saved_in_their_own_file() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = open_creche_tab(dir.path());
    click(&mut harness, creche::CRECHE_SETTINGS);
    type_into(&mut harness, creche::CRECHE_NAME, " La Passerelle");
    click(&mut harness, creche::CRECHE_ADD_CLOSURE);
    type_into(&mut harness, &creche::closure_from(1), "21/12/2026");
    click(&mut harness, common::SAVE);
    let text = std::fs::read_to_string(dir.path().join(CRECHE_FILE)).unwrap();
    assert!(text.contains("Micro-crèche La Passerelle"), "{text}");
    assert!(text.contains("2026-12-21"), "{text}");
    assert!(
        harness
            .query_by_label(creche::CRECHE_SETTINGS_TITLE)
            .is_none()
    );
}

/// Closures are rows added and removed in the settings window: a closure whose date does not
/// exist is explained by its number and nothing is saved; once its row is removed, the row
/// below takes its place (with its own dates) and the settings are saved.
#[test]
fn creche_closures_are_added_removed_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = open_creche_tab(dir.path());
    click(&mut harness, creche::CRECHE_SETTINGS);
    click(&mut harness, creche::CRECHE_ADD_CLOSURE);
    click(&mut harness, creche::CRECHE_ADD_CLOSURE);
    type_into(&mut harness, &creche::closure_from(1), "31/02/2027");
    type_into(&mut harness, &creche::closure_from(2), "21/12/2026");
    click(&mut harness, common::SAVE);
    let bad = creche::closure_problem(&creche::closure_name(1, ""), "");
    assert!(harness.query_by_label_contains(&bad).is_some());
    assert!(!dir.path().join(CRECHE_FILE).exists());

    harness
        .get_all_by_label(common::REMOVE)
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        harness
            .get_by_label(&creche::closure_from(1))
            .value()
            .as_deref(),
        Some("21/12/2026")
    );
    assert!(harness.query_by_label(&creche::closure_from(2)).is_none());
    click(&mut harness, common::SAVE);
    let text = std::fs::read_to_string(dir.path().join(CRECHE_FILE)).unwrap();
    assert!(text.contains("2026-12-21"), "{text}");
    assert!(!text.contains("2027"), "{text}");
    assert!(
        harness
            .query_by_label(creche::CRECHE_SETTINGS_TITLE)
            .is_none()
    );
}

#[test]
fn snapshot_creche_week() {
    let dir = tempfile::tempdir().unwrap();
    write_full_tuesday(dir.path(), 1);
    let mut harness = open_creche_tab(dir.path());
    harness.set_size(egui::vec2(1100.0, 1000.0));
    harness.run();
    harness
        .get_by_label("mardi 24/11/2026 18:00 : 0/12")
        .scroll_to_me();
    harness.run();
    harness.remove_cursor();
    harness.run();
    crate::image_snapshot::snapshot(&mut harness, "creche_week");
}

#[test]
fn a_weekly_booking_past_school_entry_is_cut_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = open_creche_tab(dir.path());
    click(&mut harness, creche::CRECHE_WEEKLY);
    click(&mut harness, "mardi");
    click(&mut harness, "jeudi");
    type_into(&mut harness, creche::CRECHE_FROM, "01/12/2026");
    // Awa turns 3 on 20/04/2028 and starts school on 01/09/2028: she stays until the summer.
    type_into(&mut harness, creche::CRECHE_UNTIL, "30/06/2029");
    click(&mut harness, creche::CRECHE_BOOK);
    assert!(
        harness
            .query_by_label_contains("Réservation arrêtée au 31/08/2028")
            .is_some()
    );
    let_autosave_run(&mut harness);
    let booking = saved_fixture(dir.path()).creche.bookings.remove(0);
    assert_eq!(
        booking.schedule,
        Schedule::Weekly {
            days: vec![chrono::Weekday::Tue, chrono::Weekday::Thu],
            from: d(2026, 12, 1),
            until: d(2028, 8, 31),
        }
    );
}

#[test]
fn a_freed_place_is_offered_to_the_first_request_of_the_waiting_list() {
    let dir = tempfile::tempdir().unwrap();
    write_full_tuesday(dir.path(), 0);
    // Fatoumata (phase 1 under way: priority) waits for Tuesday 9:00–12:00.
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.load();
    let mut fatoumata = fixture();
    let awa = fatoumata.family.children[0].id;
    fatoumata.creche.waiting.push(WaitingRequest {
        booking: Booking {
            id: BookingId::new(),
            child: awa,
            schedule: Schedule::Once(d(2026, 11, 24)),
            start: t(9, 0),
            end: t(12, 0),
            reason: BookingReason::Interview(None),
            note: "entretien chez Elior".into(),
        },
        requested_on: d(2026, 11, 18),
    });
    store.save_beneficiary(&fatoumata, today()).unwrap();
    drop(store);

    let mut harness = open_creche_tab(dir.path());
    let place_free = creche::place_free_for(
        1,
        "Fatoumata Diallo",
        "Awa : le mardi 24/11/2026, 9 h – 12 h",
    );
    assert!(harness.query_by_label(&place_free).is_none());
    // Another family cancels its booking…
    harness.get_by_label_contains("Mariam Famille 00").click();
    harness.run();
    click(&mut harness, creche::CRECHE_CANCEL_BOOKING);
    assert!(harness.query_by_label(&place_free).is_some());
    // …and the counsellor goes to the waiting family's record to book it.
    click(&mut harness, &creche::open_record("Fatoumata Diallo"));
    click(&mut harness, creche::CRECHE_PLACE_REQUEST);
    let_autosave_run(&mut harness);
    let record = saved_fixture(dir.path());
    assert!(record.creche.waiting.is_empty());
    assert_eq!(record.creche.bookings[0].note, "entretien chez Elior");
}

#[test]
fn opening_a_cell_proposes_its_day_and_time_to_the_booking_form() {
    let dir = tempfile::tempdir().unwrap();
    write_full_tuesday(dir.path(), 0);
    let mut harness = open_creche_tab(dir.path());
    click(&mut harness, creche::CRECHE_NEXT_WEEK);
    click(&mut harness, "mercredi 02/12/2026 14:00 : 0/12");
    click(&mut harness, creche::CRECHE_BOOK);
    let_autosave_run(&mut harness);
    let booking = saved_fixture(dir.path()).creche.bookings.remove(0);
    assert_eq!(booking.schedule, Schedule::Once(d(2026, 12, 2)));
    // The form's three hours, from the cell's time.
    assert_eq!((booking.start, booking.end), (t(14, 0), t(17, 0)));
}

/// From the workshops window, a parent enrolled in a workshop gets the crèche booked for it:
/// the Crèche tab opens with the day, the hours widened to the half-hour grid (9:15–11:45
/// becomes 9:00–12:00), the only child of crèche age and the link to the workshop; the
/// booking is made when the counsellor clicks "Réserver", and the record keeps the link.
#[test]
fn a_workshop_enrolment_books_the_creche_for_its_hours() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut workshop = Workshop::new(d(2026, 11, 26));
    workshop.title = "Codes de l'entreprise".into();
    workshop.start = t(9, 15);
    workshop.duration_minutes = 150;
    workshop.capacity = 10;
    workshop.enrol(fixture().id).unwrap();
    Store::open(dir.path(), Access::ReadWrite)
        .unwrap()
        .save_workshop(&workshop)
        .unwrap();

    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    harness.get_by_label(preparation::TAB_PREPARATION).click();
    harness.run();
    click(&mut harness, preparation::WORKSHOPS_OPEN);
    click(
        &mut harness,
        "Réserver la crèche pour « Codes de l'entreprise »",
    );
    // Nothing is booked before the counsellor confirms in the Crèche tab.
    let_autosave_run(&mut harness);
    assert!(saved_fixture(dir.path()).creche.bookings.is_empty());
    click(&mut harness, creche::CRECHE_BOOK);
    assert!(
        harness
            .query_by_label_contains(&creche::booked("Awa"))
            .is_some()
    );
    let_autosave_run(&mut harness);

    let booking = saved_fixture(dir.path()).creche.bookings.remove(0);
    assert_eq!(booking.schedule, Schedule::Once(d(2026, 11, 26)));
    assert_eq!((booking.start, booking.end), (t(9, 0), t(12, 0)));
    assert_eq!(booking.reason, BookingReason::Workshop(Some(workshop.id)));
    assert_eq!(booking.child, fixture().family.children[0].id);
}

/// A second click on "Réserver" (or a double click) does not book the same hours twice.
#[test]
fn clicking_book_twice_makes_one_booking() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = open_creche_tab(dir.path());
    type_into(&mut harness, creche::CRECHE_DATE, "25/11/2026");
    click(&mut harness, creche::CRECHE_BOOK);
    // Two clicks in two frames.
    click(&mut harness, creche::CRECHE_BOOK);
    // A double click.
    harness.get_by_label(creche::CRECHE_BOOK).click();
    harness.get_by_label(creche::CRECHE_BOOK).click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains(&creche::booked("Awa"))
            .is_some()
    );
    let_autosave_run(&mut harness);
    assert_eq!(saved_fixture(dir.path()).creche.bookings.len(), 1);
}

/// A day already gone is refused beside the date, and nothing is booked.
#[test]
fn a_booking_in_the_past_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write_full_tuesday(dir.path(), 0);
    let mut harness = open_creche_tab(dir.path());
    // Today is Sunday 22/11/2026.
    type_into(&mut harness, creche::CRECHE_DATE, "20/11/2026");
    click(&mut harness, creche::CRECHE_BOOK);
    assert!(
        harness
            .query_by_label(
                "Cette date est passée : une réservation commence au plus tôt aujourd'hui \
                 (22/11/2026)."
            )
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains(&creche::booked("Awa"))
            .is_none()
    );
    let_autosave_run(&mut harness);
    assert!(saved_fixture(dir.path()).creche.bookings.is_empty());
}

/// The family's bookings read in date order, whatever order they were made in.
#[test]
fn the_bookings_list_is_sorted_by_date() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut fatoumata = fixture();
    let awa = fatoumata.family.children[0].id;
    for (day, hour) in [(3, 14), (1, 9), (3, 8), (2, 9)] {
        fatoumata.creche.bookings.push(Booking {
            id: BookingId::new(),
            child: awa,
            schedule: Schedule::Once(d(2026, 12, day)),
            start: t(hour, 0),
            end: t(hour + 1, 0),
            reason: BookingReason::Training,
            note: String::new(),
        });
    }
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.load();
    store.save_beneficiary(&fatoumata, today()).unwrap();
    drop(store);
    let harness = open_creche_tab(dir.path());
    let top = |label: &str| harness.get_by_label(label).rect().min.y;
    let order = [
        "le mardi 01/12/2026, 9 h – 10 h",
        "le mercredi 02/12/2026, 9 h – 10 h",
        "le jeudi 03/12/2026, 8 h – 9 h",
        "le jeudi 03/12/2026, 14 h – 15 h",
    ];
    for pair in order.windows(2) {
        assert!(
            top(pair[0]) < top(pair[1]),
            "{} before {}",
            pair[0],
            pair[1]
        );
    }
}

/// A birth date corrected in Identité changes the Crèche tab's age message at once, before
/// anything is saved or reloaded.
#[test]
fn the_age_message_follows_a_corrected_birth_date() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = open_creche_tab(dir.path());
    // Awa, born 20/04/2025: of crèche age.
    assert!(
        harness
            .query_by_label(&creche::eligible_until("31/08/2028"))
            .is_some()
    );
    click(&mut harness, identity::TAB_IDENTITY);
    // Even while another field of the record waits for a correction.
    type_into(&mut harness, identity::BIRTH_DATE, "x");
    assert!(
        harness
            .get_by_label(identity::BIRTH_DATE)
            .value()
            .unwrap()
            .contains('x')
    );
    let field = &format!("{} (enfant 1)", identity::CHILD_BIRTH_DATE);
    harness.get_by_label(field).scroll_to_me();
    harness.run();
    harness.get_by_label(field).click();
    harness.run();
    harness.key_press(egui::Key::End);
    for _ in 0..10 {
        harness.key_press(egui::Key::Backspace);
    }
    harness.get_by_label(field).type_text("20/04/2020");
    harness.run();
    click(&mut harness, creche::TAB_CRECHE);
    assert!(harness.query_by_label(creche::TOO_OLD).is_some());
    // Corrected back, before any save: eligible again.
    click(&mut harness, identity::TAB_IDENTITY);
    harness.get_by_label(field).click();
    harness.run();
    harness.key_press(egui::Key::End);
    for _ in 0..10 {
        harness.key_press(egui::Key::Backspace);
    }
    harness.get_by_label(field).type_text("20/04/2025");
    harness.run();
    click(&mut harness, creche::TAB_CRECHE);
    assert!(
        harness
            .query_by_label(&creche::eligible_until("31/08/2028"))
            .is_some()
    );
}

/// A parent whose only child is past the crèche's age on the workshop's day is not offered
/// "Réserver la crèche" in the workshops window (the crèche would refuse the child).
#[test]
fn a_child_over_the_age_limit_is_not_offered_the_creche_from_a_workshop() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut workshop = Workshop::new(d(2026, 11, 26));
    workshop.title = "Codes de l'entreprise".into();
    workshop.enrol(fixture().id).unwrap();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.load();
    store.save_workshop(&workshop).unwrap();
    // Awa born in 2022: she entered nursery school on 01/09/2025.
    let mut fatoumata = fixture();
    fatoumata.family.children[0].birth_date = Some(d(2022, 4, 20));
    store.save_beneficiary(&fatoumata, today()).unwrap();
    drop(store);

    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    harness.get_by_label(preparation::TAB_PREPARATION).click();
    harness.run();
    click(&mut harness, preparation::WORKSHOPS_OPEN);
    assert!(
        harness
            .query_by_label("Désinscrire de « Codes de l'entreprise »")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Réserver la crèche")
            .is_none()
    );
}

#[test]
fn an_expired_waiting_request_is_shown_as_expired_without_a_rank() {
    let dir = tempfile::tempdir().unwrap();
    write_full_tuesday(dir.path(), 0);
    // Fatoumata asked for a day already past (today is 22/11/2026), and for Tuesday 24/11.
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.load();
    let mut fatoumata = fixture();
    let awa = fatoumata.family.children[0].id;
    for (day, note) in [
        (d(2026, 11, 17), "atelier passé"),
        (d(2026, 11, 24), "à venir"),
    ] {
        fatoumata.creche.waiting.push(WaitingRequest {
            booking: Booking {
                id: BookingId::new(),
                child: awa,
                schedule: Schedule::Once(day),
                start: t(9, 0),
                end: t(12, 0),
                reason: BookingReason::Workshop(None),
                note: note.into(),
            },
            requested_on: d(2026, 11, 10),
        });
    }
    store.save_beneficiary(&fatoumata, today()).unwrap();
    drop(store);

    let harness = open_creche_tab(dir.path());
    // The past one is marked, without a rank; the other keeps the first rank.
    assert!(
        harness
            .query_by_label(creche::CRECHE_REQUEST_EXPIRED)
            .is_some()
    );
    assert!(harness.query_by_label(&creche::rank(1)).is_some());
    assert!(harness.query_by_label(&creche::rank(2)).is_none());
    assert!(
        harness
            .query_by_label(&creche::creche_waiting_count(1))
            .is_some()
    );
}

/// "Retirer de la liste" takes out the request of its own row, and the record is saved without
/// it.
#[test]
fn a_waiting_request_is_removed_from_its_row() {
    let dir = tempfile::tempdir().unwrap();
    write_full_tuesday(dir.path(), 0);
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.load();
    let mut fatoumata = fixture();
    let awa = fatoumata.family.children[0].id;
    for note in ["premier entretien", "second entretien"] {
        fatoumata.creche.waiting.push(WaitingRequest {
            booking: Booking {
                id: BookingId::new(),
                child: awa,
                schedule: Schedule::Once(d(2026, 11, 24)),
                start: t(9, 0),
                end: t(12, 0),
                reason: BookingReason::Interview(None),
                note: note.into(),
            },
            requested_on: d(2026, 11, 10),
        });
    }
    store.save_beneficiary(&fatoumata, today()).unwrap();
    drop(store);

    let mut harness = open_creche_tab(dir.path());
    harness
        .get_all_by_label(creche::CRECHE_REMOVE_REQUEST)
        .next()
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label(creche::CRECHE_REMOVE_REQUEST)
        .next()
        .unwrap()
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label(&creche::creche_waiting_count(1))
            .is_some()
    );
    let_autosave_run(&mut harness);
    let waiting = saved_fixture(dir.path()).creche.waiting;
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].booking.note, "second entretien");
}

/// A booking with a long reason keeps its "Annuler la réservation" button inside the window:
/// the row wraps instead of running off the right edge.
#[test]
fn a_long_booking_line_keeps_its_cancel_button_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut fatoumata = fixture();
    let awa = fatoumata.family.children[0].id;
    fatoumata.creche.bookings.push(Booking {
        id: BookingId::new(),
        child: awa,
        schedule: Schedule::Once(d(2026, 12, 1)),
        start: t(9, 0),
        end: t(12, 30),
        reason: BookingReason::Training,
        note: "formation d'agent de propreté et d'hygiène au centre de Vitry-sur-Seine, \
               module sécurité puis module machines, avec la conseillère de la Mission locale"
            .into(),
    });
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.load();
    store.save_beneficiary(&fatoumata, today()).unwrap();
    drop(store);
    let mut harness = open_creche_tab(dir.path());
    harness.set_size(egui::vec2(1024.0, 640.0));
    harness.run();
    harness
        .get_by_label(creche::CRECHE_CANCEL_BOOKING)
        .scroll_to_me();
    harness.run();
    let width = harness.ctx.content_rect().width();
    let button = harness.get_by_label(creche::CRECHE_CANCEL_BOOKING).rect();
    assert!(
        button.right() <= width,
        "the button ends at {} in a window {width} wide",
        button.right()
    );
    // Reaching the button scrolled nothing sideways: the row's start is still in view, right
    // of the list.
    let day = harness
        .get_by_label("le mardi 01/12/2026, 9 h – 12 h 30")
        .rect();
    let list = harness
        .get_by_label(parcours::ui::text::common::NEW_BENEFICIARY)
        .rect();
    assert!(
        day.left() > list.right(),
        "the booking's day starts at {} under the list (which ends at {})",
        day.left(),
        list.right()
    );
}
