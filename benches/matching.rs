//! Matching one person against 10,000 open offers (1,000 companies of 10 offers, varied
//! occupations, places, levels and required skills; every title different, as the title is
//! searched for a project written without a ROME code). Target: under 10 ms.
//!
//! Two measures: every offer scored and ranked with the 50 best put into words (what the
//! "Entreprises" tab shows), and every offer put into words (what `parcours match` prints).
//! Then the same on the scale data set, the directory `parcours demo --count 10000` writes
//! (2,000 companies, 10,000 offers copied from the demo directory: far fewer distinct
//! occupations and titles than the synthetic set), for demo people of that set in turn.
//!
//! Run with `cargo bench --bench matching`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use parcours::model::CefrLevel;
use parcours::model::companies::matching::{rank_offers, rank_offers_top};
use parcours::model::companies::{Company, Offer, Schedule as OfferSchedule};
use parcours::model::creche::CrecheSettings;
use parcours::model::demo::{add_demo_applications, demo_beneficiaries, demo_companies_for};
use parcours::model::preparation::{Mobility, Project, ProjectStatus, WorkingTime};
use parcours::model::skills::rome::catalog;

fn companies() -> Vec<Company> {
    let occupations = catalog().occupations();
    let levels = [
        CefrLevel::NotAssessed,
        CefrLevel::A1,
        CefrLevel::A2,
        CefrLevel::B1,
    ];
    let towns = [
        ("Créteil", "94000"),
        ("Vitry-sur-Seine", "94400"),
        ("Paris", "75011"),
        ("Orly", "94310"),
    ];
    (0..1_000_usize)
        .map(|n| {
            let (town, postcode) = towns[n % towns.len()];
            let mut company = Company {
                name: format!("Entreprise {n}"),
                ape: format!("{:02}.10A", 10 + n % 88),
                town: town.into(),
                postcode: postcode.into(),
                ..Company::new()
            };
            for k in 0..10 {
                let occupation = &occupations[(n * 10 + k) * 7 % occupations.len()];
                company.offers.push(Offer {
                    title: format!("{} (site {n})", occupation.label),
                    rome_code: Some(occupation.code.clone()),
                    french_level: levels[k % levels.len()],
                    schedule: OfferSchedule::ALL[k % 3],
                    required_skills: if k % 2 == 0 {
                        vec!["Hygiène HACCP".into(), "Travail en équipe".into()]
                    } else {
                        Vec::new()
                    },
                    ..Offer::new()
                });
            }
            company
        })
        .collect()
}

fn matching(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut person = demo_beneficiaries(5, today, 7)
        .into_iter()
        .max_by_key(|b| b.skills.skills.len() + b.skills.experiences.len())
        .unwrap();
    // Phase 2 as well: a validated main project whose mobility and constraints are read, a
    // second one still to build and a third without a ROME code, so that every criterion
    // takes its longest path.
    let occupations = catalog().occupations();
    person.preparation.projects = vec![
        Project {
            rome_code: Some(occupations[7].code.clone()),
            main: true,
            status: ProjectStatus::Validated,
            working_time: WorkingTime::PartTime,
            mobility: Mobility {
                reachable: "Créteil, Vitry-sur-Seine ; 93, 75".into(),
                ..Mobility::default()
            },
            hours_constraints: "pas de travail de nuit ni le week-end".into(),
            childcare_needed: true,
            ..Project::default()
        },
        Project {
            rome_code: Some(occupations[70].code.clone()),
            ..Project::default()
        },
        // In words only: every offer's title is folded and searched.
        Project {
            label: "Agent de propreté".into(),
            ..Project::default()
        },
    ];
    let companies = companies();
    let creche = CrecheSettings::default();
    assert_eq!(
        companies.iter().flat_map(Company::open_offers).count(),
        10_000
    );
    c.bench_function("match_10000_offers_best_50_explained", |b| {
        b.iter(|| {
            rank_offers_top(
                black_box(&person),
                black_box(&companies),
                &creche,
                today,
                50,
            )
        });
    });
    c.bench_function("match_10000_offers_all_explained", |b| {
        b.iter(|| rank_offers(black_box(&person), black_box(&companies), &creche, today));
    });

    // The scale data set: the companies `parcours demo --count 10000` writes, and people of
    // that demo (their applications included), each in turn.
    let scale = demo_companies_for(10_000, today);
    let offers = scale.iter().flat_map(Company::open_offers).count();
    assert!(offers >= 9_000, "{offers} open offers in the scale set");
    eprintln!(
        "scale data set: {} companies, {offers} open offers",
        scale.len()
    );
    let mut people = demo_beneficiaries(20, today, 11);
    add_demo_applications(&mut people, &scale, today);
    let mut next = people.iter().cycle();
    c.bench_function("match_scale_set_10000_offers_best_50_explained", |b| {
        b.iter(|| {
            rank_offers_top(
                black_box(next.next().unwrap()),
                black_box(&scale),
                &creche,
                today,
                50,
            )
        });
    });
    c.bench_function("match_scale_set_10000_offers_all_explained", |b| {
        b.iter(|| {
            rank_offers(
                black_box(next.next().unwrap()),
                black_box(&scale),
                &creche,
                today,
            )
        });
    });
}

/// One search of the ROME picker over the whole table (a keystroke in the picker), for the
/// queries a counsellor types. Was a unit test with a time bound: tests never assert timings.
fn rome_search(c: &mut Criterion) {
    let catalog = catalog();
    for query in [
        "aide soignant",
        "j15",
        "a",
        "cuisinier",
        "conducteur engins",
    ] {
        c.bench_function(&format!("rome_search_{}", query.replace(' ', "_")), |b| {
            b.iter(|| catalog.search(black_box(query), 8));
        });
    }
}

criterion_group!(benches, matching, rome_search);
criterion_main!(benches);
