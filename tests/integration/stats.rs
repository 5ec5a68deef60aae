//! Funders' reports (#18): every indicator on a small data set built here, whose answers are
//! counted by hand in the comments; the small-count rule, secondary suppression, the people
//! who refused statistics, and the French level's history.
//!
//! The data set is in `stats_data.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveTime, Weekday};
use parcours::model::creche::{Booking, BookingReason, CrecheSettings, Schedule};
use parcours::model::record::{AssessmentSource, FrenchAssessment};
use parcours::model::stats::{Cell, Period, Report, Scope, StatsInput, report};
use parcours::model::{BookingId, CefrLevel};

use crate::common::d;
use crate::stats_data::{YEAR, cells, compute, data_set};

/// Followed and entered, as people cells.
fn both(followed: u32, entered: u32) -> Vec<Cell> {
    vec![Cell::People(followed), Cell::People(entered)]
}

fn people(n: u32) -> Vec<Cell> {
    vec![Cell::People(n)]
}

/// With a threshold of 1 nothing is hidden: every count can be checked against the hand count.
fn all_shown() -> Report {
    compute(YEAR, &Scope::All, 1)
}

#[test]
fn people_followed_entered_and_left_and_who_refused() {
    let r = all_shown();
    assert_eq!(r.refused_statistics, 1, "D refused");
    let t = "people_overview";
    assert_eq!(cells(&r, t, "Personnes suivies sur la période"), people(10));
    assert_eq!(cells(&r, t, "Entrées sur la période"), people(7));
    assert_eq!(cells(&r, t, "Sorties sur la période"), people(4));
}

#[test]
fn people_by_sex_and_age_at_entry() {
    let r = all_shown();
    let t = "people_by_sex";
    // Women A C G H J L (entered A G H J); men B I K (B K); F unknown.
    assert_eq!(cells(&r, t, "Femmes"), both(6, 4));
    assert_eq!(cells(&r, t, "Hommes"), both(3, 2));
    assert_eq!(cells(&r, t, "Autre ou non renseigné"), both(1, 1));
    assert_eq!(cells(&r, t, "Total"), both(10, 7));
    let t = "people_by_age";
    assert_eq!(cells(&r, t, "Moins de 18 ans"), both(1, 1)); // G
    assert_eq!(cells(&r, t, "18–25 ans"), both(1, 1)); // B
    assert_eq!(cells(&r, t, "26–29 ans"), both(1, 0)); // I
    assert_eq!(cells(&r, t, "30–44 ans"), both(3, 2)); // A J L
    assert_eq!(cells(&r, t, "45–54 ans"), both(1, 1)); // H
    assert_eq!(cells(&r, t, "55 ans et plus"), both(2, 1)); // C K
    assert_eq!(cells(&r, t, "Âge non renseigné"), both(1, 1)); // F
    let t = "people_by_age_esf";
    assert_eq!(cells(&r, t, "18–29 ans"), both(2, 1)); // B I
    assert_eq!(cells(&r, t, "30–54 ans"), both(4, 3)); // A J L H
}

#[test]
fn people_by_nationality_arrival_cir_and_protection() {
    let r = all_shown();
    let t = "people_by_nationality";
    // "malienne" and "Malienne" are one group.
    assert_eq!(cells(&r, t, "Malienne"), both(3, 3)); // A B H
    assert_eq!(cells(&r, t, "Syrienne"), both(2, 0)); // C I
    assert_eq!(cells(&r, t, "Afghane"), both(1, 1)); // K, anonymised, keeps it
    assert_eq!(cells(&r, t, "Nationalité non renseignée"), both(1, 1)); // F
    assert_eq!(cells(&r, t, "Total"), both(10, 7));
    // With the default threshold no group of fewer than 5 is named.
    let hidden = compute(YEAR, &Scope::All, 5);
    let labels: Vec<String> = hidden
        .tables
        .iter()
        .find(|t| t.key == "people_by_nationality")
        .unwrap()
        .rows
        .iter()
        .map(|r| r.label.clone())
        .collect();
    assert_eq!(
        labels,
        ["Autres nationalités", "Nationalité non renseignée", "Total"]
    );
    let t = "people_by_arrival";
    assert_eq!(
        cells(&r, t, "Moins de 5 ans (primo-arrivant)"),
        both(5, 3) // A C G I J; entered A G J
    );
    assert_eq!(cells(&r, t, "5 ans ou plus"), both(3, 2)); // B H L
    assert_eq!(cells(&r, t, "Date d'arrivée non renseignée"), both(2, 2)); // F K
    let t = "people_by_cir";
    assert_eq!(cells(&r, t, "CIR signé"), both(5, 2)); // A C H I L
    let t = "people_by_protection";
    assert_eq!(cells(&r, t, "Réfugié"), both(3, 1)); // A C I (récépissé)
    assert_eq!(cells(&r, t, "Protection subsidiaire"), both(1, 1)); // B
    assert_eq!(cells(&r, t, "Protection temporaire"), both(1, 1)); // G
    assert_eq!(cells(&r, t, "Demandeur d'asile"), both(1, 1)); // J
    assert_eq!(
        cells(&r, t, "Autre situation ou non renseignée"),
        both(4, 3) // F H K L
    );
}

#[test]
fn family_french_level_literacy_route_and_phase() {
    let r = all_shown();
    let t = "people_family";
    assert_eq!(cells(&r, t, "Parent isolé"), both(2, 2)); // A H (B has no child)
    assert_eq!(
        cells(
            &r,
            t,
            "Au moins un enfant de moins de 3 ans (au dernier jour de la période)"
        ),
        both(3, 2) // A H L
    );
    let t = "people_french_level";
    let levels = |at_entry, latest| vec![Cell::People(at_entry), Cell::People(latest)];
    assert_eq!(cells(&r, t, "A0"), levels(1, 1)); // C
    assert_eq!(cells(&r, t, "A1"), levels(2, 1)); // A J; J
    assert_eq!(cells(&r, t, "A2"), levels(3, 2)); // H I L; A L
    assert_eq!(cells(&r, t, "B1"), levels(2, 4)); // B K; B H I K
    assert_eq!(cells(&r, t, "B2"), levels(1, 1)); // G
    assert_eq!(cells(&r, t, "Non évalué"), levels(1, 1)); // F
    let t = "people_french_gain";
    assert_eq!(cells(&r, t, "A progressé d'au moins un niveau"), both(3, 2)); // A H I
    assert_eq!(cells(&r, t, "N'a pas progressé"), both(6, 4)); // B C G J K L
    assert_eq!(cells(&r, t, "Niveau non évalué"), both(1, 1)); // F
    let t = "people_literacy";
    assert_eq!(cells(&r, t, "Besoin d'alphabétisation"), both(1, 0)); // C
    let t = "people_by_route";
    assert_eq!(cells(&r, t, "FLE d'abord"), both(4, 2)); // A C J L
    assert_eq!(cells(&r, t, "Programme de valorisation"), both(5, 4)); // B G H I K
    assert_eq!(cells(&r, t, "À déterminer"), both(1, 1)); // F
    let t = "people_by_phase";
    assert_eq!(cells(&r, t, "Aucune phase commencée"), both(1, 1)); // F
    assert_eq!(cells(&r, t, "Phase 1 · Compétences"), both(5, 5)); // A G H J K
    assert_eq!(cells(&r, t, "Phase 2 · Préparation"), both(2, 0)); // C L
    assert_eq!(cells(&r, t, "Phase 3 · Entreprises"), both(2, 1)); // B I
}

#[test]
fn activity_hours_sessions_workshops_referrals_and_no_shows() {
    let r = all_shown();
    // Individual: A 60 + 30, C 90 = 180 min. Collective: A's own 90, the workshop of April
    // for A and L (120 each; D refused, J absent) = 330 min. 180 / 510 = 35.3 %.
    let hours = cells(&r, "activity_hours", "Individuel");
    assert_eq!(hours[0], Cell::Minutes(180));
    let Cell::Percent(Some(share)) = hours[1] else {
        panic!("{hours:?}")
    };
    assert!((share - 180.0 * 100.0 / 510.0).abs() < 1e-9);
    assert_eq!(hours[2], Cell::Percent(Some(70.0)));
    assert_eq!(
        cells(&r, "activity_hours", "Collectif")[0],
        Cell::Minutes(330)
    );
    let t = "activity_sessions";
    assert_eq!(
        cells(&r, t, "Entretiens individuels en face-à-face"),
        [Cell::Count(2)]
    );
    assert_eq!(
        cells(&r, t, "Présences aux ateliers du catalogue"),
        [Cell::Count(2)]
    );
    assert_eq!(cells(&r, t, "Total"), [Cell::Count(6)]);
    // Two workshops in 2026, 18 places, 6 enrolments (33.3 %); 5 attendances marked, 3
    // present (60 %).
    let t = "activity_workshops";
    assert_eq!(cells(&r, t, "Ateliers tenus"), [Cell::Count(2)]);
    assert_eq!(cells(&r, t, "Inscriptions"), [Cell::Count(6)]);
    let Cell::Percent(Some(fill)) = cells(&r, t, "Taux de remplissage")[0] else {
        panic!()
    };
    assert!((fill - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        cells(&r, t, "Taux de présence"),
        [Cell::Percent(Some(60.0))]
    );
    let t = "activity_referrals";
    assert_eq!(
        cells(&r, t, "Toutes orientations"),
        [Cell::Count(2), Cell::People(2)]
    );
    assert_eq!(
        cells(&r, t, "dont personnes ayant un besoin d'alphabétisation"),
        [Cell::Count(1), Cell::People(1)]
    );
    // A's appointments of 2026: honoured, absent, excused (the planned one and the one of
    // 2025 do not count): 1 / 3.
    let t = "activity_appointments";
    assert_eq!(cells(&r, t, "Absences non prévenues"), [Cell::Count(1)]);
    let Cell::Percent(Some(rate)) = cells(&r, t, "Taux d'absence non prévenue")[0] else {
        panic!()
    };
    assert!((rate - 100.0 / 3.0).abs() < 1e-9);
}

#[test]
fn employment_steps_exits_after_exit_and_time_to_first_job() {
    let r = all_shown();
    let t = "employment_steps";
    // Sent: B 1, H 1, I 2; interviews B H I; hires B H; H's PMSMP.
    let pair = |n, p| vec![Cell::Count(n), Cell::People(p)];
    assert_eq!(cells(&r, t, "Candidatures envoyées"), pair(4, 3));
    assert_eq!(cells(&r, t, "Entretiens d'embauche"), pair(3, 3));
    assert_eq!(cells(&r, t, "Embauches"), pair(2, 2));
    assert_eq!(
        cells(&r, t, "Immersions en entreprise (PMSMP) commencées"),
        pair(1, 1)
    );
    let t = "employment_exits";
    assert_eq!(cells(&r, t, "Emploi durable"), people(1)); // B
    assert_eq!(cells(&r, t, "Emploi de transition"), people(0));
    assert_eq!(cells(&r, t, "Sortie positive"), people(1)); // G
    assert_eq!(cells(&r, t, "Autre sortie"), people(2)); // H K
    assert_eq!(cells(&r, t, "Total"), people(4));
    let t = "employment_after_exit";
    assert_eq!(cells(&r, t, "En emploi dans les 28 jours"), people(2)); // B H
    assert_eq!(
        cells(&r, t, "Sans emploi connu dans les 28 jours"),
        people(2)
    ); // G K
    // B: 212 days, H: 191 days: the median is 201.5.
    let t = "employment_first_job";
    assert_eq!(
        cells(
            &r,
            t,
            "Personnes ayant commencé un premier emploi sur la période"
        ),
        people(2)
    );
    assert_eq!(
        cells(&r, t, "Délai médian (jours)"),
        [Cell::Days(Some(201.5))]
    );
}

#[test]
fn monthly_entries_exits_and_hours() {
    let r = all_shown();
    let t = "people_by_month";
    assert_eq!(
        cells(&r, t, "janvier 2026"),
        [Cell::People(2), Cell::People(0)]
    ); // A H
    assert_eq!(
        cells(&r, t, "février 2026"),
        [Cell::People(2), Cell::People(0)]
    ); // B K
    assert_eq!(
        cells(&r, t, "juin 2026"),
        [Cell::People(0), Cell::People(1)]
    ); // H left
    assert_eq!(cells(&r, t, "Total"), [Cell::People(7), Cell::People(4)]);
    let series = |key: &str| {
        r.series
            .iter()
            .find(|s| s.key == key)
            .unwrap()
            .points
            .clone()
    };
    assert_eq!(series("entries").len(), 12);
    assert_eq!(series("entries")[9], (d(2026, 10, 1), 1.0)); // J
    // March: A's 30 min remote + 90 min collective = 2 h; April: the workshop, A and L = 4 h.
    assert_eq!(series("hours")[2], (d(2026, 3, 1), 2.0));
    assert_eq!(series("hours")[3], (d(2026, 4, 1), 4.0));
}

#[test]
fn a_counsellor_scope_compares_names_folded() {
    let r = compute(YEAR, &Scope::Counsellor("Claire Dupont".into()), 1);
    // A B C F ("  claire DUPONT ").
    assert_eq!(
        cells(&r, "people_overview", "Personnes suivies sur la période"),
        people(4)
    );
    assert_eq!(r.refused_statistics, 0, "D follows Marc Petit");
    // Only the workshops where one of them was enrolled: April (A) and June (B).
    assert_eq!(
        cells(&r, "activity_workshops", "Ateliers tenus"),
        [Cell::Count(2)]
    );
    let marc = compute(YEAR, &Scope::Counsellor("marc petit".into()), 1);
    assert_eq!(marc.refused_statistics, 1);
    // G H I J L: K, erased, no longer names a referent and counts only for the structure.
    assert_eq!(
        cells(&marc, "people_overview", "Personnes suivies sur la période"),
        people(5)
    );
}

#[test]
fn counts_under_five_are_hidden_and_cannot_be_recomputed_from_the_total() {
    let r = compute(YEAR, &Scope::All, 5);
    let t = "people_by_sex";
    // Women 6 shown; men 3 hidden; "other" 1 hidden; total 10 shown: 10 − 6 = 4 = men + other,
    // but not which is which.
    assert_eq!(cells(&r, t, "Femmes")[0], Cell::People(6));
    assert_eq!(cells(&r, t, "Hommes")[0], Cell::Hidden);
    assert_eq!(cells(&r, t, "Autre ou non renseigné")[0], Cell::Hidden);
    assert_eq!(cells(&r, t, "Total")[0], Cell::People(10));
    // Entered: women 4, men 2, other 1 — all hidden; total 7 shown.
    assert_eq!(cells(&r, t, "Total")[1], Cell::People(7));
    // Routes: FLE 4 hidden, valorisation 5 shown, undetermined 1 hidden: two hidden already.
    let t = "people_by_route";
    assert_eq!(cells(&r, t, "FLE d'abord")[0], Cell::Hidden);
    assert_eq!(
        cells(&r, t, "Programme de valorisation")[0],
        Cell::People(5)
    );
    assert_eq!(cells(&r, t, "À déterminer")[0], Cell::Hidden);
    // Exits: durable 1, transition 0, positive 1, other 2, total 4: every non-zero count
    // hidden, the total too.
    let t = "employment_exits";
    assert_eq!(cells(&r, t, "Emploi de transition"), people(0));
    assert_eq!(cells(&r, t, "Total"), [Cell::Hidden]);
    // Two hires by two people: the people hidden, and the count of hires with them (it would
    // tell how many people), shown "masqué" since it is not a count of people.
    assert_eq!(
        cells(&r, "employment_steps", "Embauches"),
        [Cell::Masked, Cell::Hidden]
    );
    // CIR: signed 5 shown, not signed 5 shown.
    assert_eq!(cells(&r, "people_by_cir", "CIR signé")[0], Cell::People(5));
    // No table leaves exactly one hidden cell in a column beside a shown total.
    for table in &r.tables {
        let Some(total) = table.rows.iter().position(|row| row.label == "Total") else {
            continue;
        };
        for col in 0..table.columns.len() {
            let hidden = table.rows[..total]
                .iter()
                .filter(|row| row.cells[col] == Cell::Hidden)
                .count();
            let total_shown = table.rows[total].cells[col] != Cell::Hidden;
            let people_column = table
                .rows
                .iter()
                .all(|row| matches!(row.cells[col], Cell::People(_) | Cell::Hidden));
            assert!(
                !(people_column && total_shown && hidden == 1),
                "{}: column {col} leaves one hidden cell",
                table.key
            );
        }
    }
}

#[test]
fn crèche_occupancy_child_hours_by_reason_and_families() {
    let (mut records, workshops) = data_set();
    // A: her child Mondays and Tuesdays 9:00–12:00 from 02/03 to 13/03/2026 (training): 4
    // days × 3 h = 12 h. H: her child on Wednesday 04/03/2026, 14:00–16:00 (interview): 2 h.
    let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    let a_child = records[0].family.children[0].id;
    records[0].creche.bookings.push(Booking {
        id: BookingId::new(),
        child: a_child,
        schedule: Schedule::Weekly {
            days: vec![Weekday::Mon, Weekday::Tue],
            from: d(2026, 3, 2),
            until: d(2026, 3, 13),
        },
        start: t(9),
        end: t(12),
        reason: BookingReason::Training,
        note: "Note".into(),
    });
    let h_child = records[7].family.children[0].id;
    records[7].creche.bookings.push(Booking {
        id: BookingId::new(),
        child: h_child,
        schedule: Schedule::Once(d(2026, 3, 4)),
        start: t(14),
        end: t(16),
        reason: BookingReason::Interview(None),
        note: String::new(),
    });
    // Two places, 9:00–17:00 (16 half-hours), Monday to Friday: 22 open days in March 2026.
    let creche = CrecheSettings {
        capacity: 2,
        opens_at: t(9),
        closes_at: t(17),
        ..CrecheSettings::default()
    };
    let input = StatsInput {
        records: &records,
        workshops: &workshops,
        creche: &creche,
    };
    let march = Period {
        from: d(2026, 3, 1),
        to: d(2026, 3, 31),
    };
    let r = report(&input, march, &Scope::All, 1);
    // 14 h booked over 22 × 8 h × 2 places = 352 h.
    let month = cells(&r, "creche_months", "mars 2026");
    assert_eq!(month[0], Cell::Minutes(14 * 60));
    assert_eq!(month[1], Cell::Minutes(352 * 60));
    let Cell::Percent(Some(rate)) = month[2] else {
        panic!("{month:?}")
    };
    assert!((rate - 14.0 * 100.0 / 352.0).abs() < 1e-9);
    // The week of 02/03: 3 h + 3 h + 2 h over 5 days × 8 h × 2 places = 80 h: 10 %.
    let week = cells(&r, "creche_weeks", "Semaine du 02/03/2026");
    assert_eq!(week[0], Cell::Minutes(8 * 60));
    assert_eq!(week[2], Cell::Percent(Some(10.0)));
    let t = "creche_reasons";
    assert_eq!(cells(&r, t, "Formation"), [Cell::Minutes(12 * 60)]);
    assert_eq!(
        cells(&r, t, "Entretien d'embauche"),
        [Cell::Minutes(2 * 60)]
    );
    assert_eq!(cells(&r, t, "Total"), [Cell::Minutes(14 * 60)]);
    let t = "creche_served";
    assert_eq!(cells(&r, t, "Enfants accueillis"), people(2));
    assert_eq!(cells(&r, t, "Familles"), people(2));
}

#[test]
fn no_output_holds_a_name_an_identifier_or_free_text() {
    let (records, _) = data_set();
    let r = compute(YEAR, &Scope::All, 1);
    let text = format!("{r:?}");
    for b in &records {
        assert!(!text.contains(&b.id.to_string()));
    }
    for word in [
        "Kowalczyk",
        "Note privée",
        "Boulangerie Dupain",
        "Tuteur Martin",
        "Partenaire Xyz",
        "Atelier CV",
        "Marc Petit",
        "Dupont",
    ] {
        assert!(!text.contains(word), "{word}");
    }
}

/// A record written in format 5 (no French history) loads with its current level as the only
/// assessment, dated at the record's creation; a report counts it as its level at entry.
#[test]
fn an_older_record_reads_its_level_as_the_only_assessment() {
    use parcours::store::{Access, BENEFICIARIES_DIR, Store};
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join(BENEFICIARIES_DIR);
    std::fs::create_dir_all(&records).unwrap();
    let fixture = include_str!("../fixtures/schema_v5_beneficiary.ron");
    assert!(!fixture.contains("french_history"));
    std::fs::write(
        records.join("019e5221-b000-7ddc-bc1a-1d288c3d53aa.ron"),
        fixture,
    )
    .unwrap();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let loaded = store.load();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let record = &loaded.beneficiaries[0];
    assert_eq!(record.french_level, CefrLevel::B1);
    assert_eq!(
        record.french_assessments().as_ref(),
        [FrenchAssessment {
            date: d(2026, 5, 23),
            level: CefrLevel::B1,
            source: AssessmentSource::Counsellor,
        }]
    );
    assert_eq!(
        record.french_level_at_entry(d(2026, 6, 1)),
        Some(CefrLevel::B1)
    );
    // Saved again, it still reads the same.
    store.save_beneficiary(record, d(2026, 11, 22)).unwrap();
    assert_eq!(store.load().beneficiaries[0], *record);
}
