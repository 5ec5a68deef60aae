//! Matching: the ranking, criterion by criterion, as a counsellor would check it.

use chrono::Utc;

use super::criteria::fold_into;
use super::*;
use crate::model::companies::company::Schedule;
use crate::model::preparation::plan::{Project, ProjectStatus, WorkingTime};
use crate::model::record::dates::test_support::d;
use crate::model::skills::{AreaAssessment, AreaStatus, Experience, LifeArea, Skill};
use crate::model::{BeneficiaryId, CefrLevel, Child, ChildId, ContractKind, fold};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// A cook (G1602) living in Créteil (94), French B1, no child, no declared mobility.
fn cook() -> Beneficiary {
    let mut b = Beneficiary::new(Utc::now());
    b.identity.last_name = "Diallo".into();
    b.french_level = CefrLevel::B1;
    b.contact.town = "Créteil".into();
    b.contact.postcode = "94000".into();
    b.skills.experiences.push(Experience {
        rome_code: Some("G1602".into()),
        ..Experience::default()
    });
    b.skills.skills.push(Skill {
        label: "Hygiène HACCP".into(),
        ..Skill::default()
    });
    b
}

fn company(name: &str, ape: &str, town: &str, postcode: &str) -> Company {
    Company {
        name: name.into(),
        ape: ape.into(),
        town: town.into(),
        postcode: postcode.into(),
        ..Company::new()
    }
}

fn offer(title: &str, rome: &str) -> Offer {
    Offer {
        title: title.into(),
        rome_code: Some(rome.into()),
        ..Offer::new()
    }
}

fn criterion(m: &Match, criterion: Criterion) -> &Reason {
    m.reasons.iter().find(|r| r.criterion == criterion).unwrap()
}

#[test]
fn matching_warns_when_the_person_may_not_work_on_the_offer_start_date() {
    use crate::model::{PermitKind, ResidencePermit};
    let mut restaurant = company("Brasserie", "56.10A", "Créteil", "94000");
    let mut later = offer("Cuisinier", "G1602");
    later.start_date = Some(d(2027, 1, 4));
    restaurant.offers.push(later);
    let mut person = cook();
    // An asylum application registered on 10 August: no work before 10 February.
    person.administrative.residence_permit = Some(ResidencePermit {
        issued_on: Some(d(2026, 8, 10)),
        work_authorisation: true,
        ..ResidencePermit::new(PermitKind::AsylumSeeker)
    });
    let ranked = rank_offers(
        &person,
        std::slice::from_ref(&restaurant),
        &CrecheSettings::default(),
        today(),
    );
    let warning = ranked[0].work_warning.as_deref().unwrap_or_default();
    assert!(
        warning.starts_with("Au 04/01/2027 (début du contrat)"),
        "{warning}"
    );
    assert!(warning.contains("Non autorisé à travailler"), "{warning}");
    // Starting after the six months, with the authorisation: nothing to warn about.
    restaurant.offers[0].start_date = Some(d(2027, 2, 15));
    let ranked = rank_offers(
        &person,
        std::slice::from_ref(&restaurant),
        &CrecheSettings::default(),
        today(),
    );
    assert_eq!(ranked[0].work_warning, None);
    // A multi-year card that expires before the start.
    person.administrative.residence_permit = Some(ResidencePermit {
        expires_on: Some(d(2027, 2, 1)),
        ..ResidencePermit::new(PermitKind::MultiYear)
    });
    let ranked = rank_offers(
        &person,
        std::slice::from_ref(&restaurant),
        &CrecheSettings::default(),
        today(),
    );
    let warning = ranked[0].work_warning.as_deref().unwrap_or_default();
    assert!(warning.contains("expiré le 01/02/2027"), "{warning}");
}

#[test]
fn matching_treats_siae_offers_as_a_first_step_for_people_far_from_employment() {
    let mut garden = company("Jardins solidaires", "81.30Z", "Créteil", "94000");
    garden.siae = Some(crate::model::companies::SiaeKind::Aci);
    let mut cddi = offer("Agent d'espaces verts en insertion", "A1203");
    cddi.contract = ContractKind::Cddi;
    garden.offers.push(cddi);
    let mut shop = company("Jardinerie", "47.76Z", "Créteil", "94000");
    shop.offers.push(offer("Agent d'espaces verts", "A1203"));
    let both = [garden, shop];
    // Far from employment: no experience, French A1.
    let mut newcomer = Beneficiary::new(Utc::now());
    newcomer.identity.last_name = "Tesfaye".into();
    newcomer.french_level = CefrLevel::A1;
    newcomer.contact.postcode = "94000".into();
    newcomer.contact.town = "Créteil".into();
    let ranked = rank_offers(&newcomer, &both, &CrecheSettings::default(), today());
    assert!(
        ranked[0]
            .label
            .starts_with("Agent d'espaces verts en insertion")
    );
    let insertion = criterion(&ranked[0], Criterion::Insertion);
    assert_eq!(insertion.points, 20);
    assert!(insertion.text.contains("ACI"), "{}", insertion.text);
    assert!(
        ranked[1]
            .reasons
            .iter()
            .all(|r| r.criterion != Criterion::Insertion)
    );
    // The experienced cook at B1 is not the public of the IAE: the same offer loses points.
    let cook = cook();
    let ranked = rank_offers(&cook, &both, &CrecheSettings::default(), today());
    let garden_line = ranked
        .iter()
        .find(|m| m.label.contains("en insertion"))
        .unwrap();
    assert_eq!(criterion(garden_line, Criterion::Insertion).points, -10);
    assert!(
        ranked[0]
            .label
            .starts_with("Agent d'espaces verts — Jardinerie")
    );
}

#[test]
fn same_occupation_beats_same_domain_beats_sector() {
    let mut restaurant = company("Brasserie", "56.10A", "Créteil", "94000");
    restaurant.offers.push(offer("Cuisinier", "G1602"));
    restaurant.offers.push(offer("Pâtissier", "G1601"));
    // A hotel (NAF 55) hires cooks: related through its sector, even for another trade.
    let mut hotel = company("Hôtel", "55.10Z", "Créteil", "94000");
    hotel.offers.push(offer("Réceptionniste", "G1703"));
    let mut bank = company("Banque", "64.19Z", "Créteil", "94000");
    bank.offers.push(offer("Guichetier", "C1206"));
    let ranked = rank_offers(
        &cook(),
        &[bank, hotel, restaurant],
        &CrecheSettings::default(),
        today(),
    );
    let labels: Vec<&str> = ranked.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Cuisinier — Brasserie",
            "Pâtissier — Brasserie",
            "Réceptionniste — Hôtel",
            "Guichetier — Banque"
        ]
    );
    assert_eq!(
        criterion(&ranked[0], Criterion::Occupation).text,
        "même métier (G1602)"
    );
    assert_eq!(
        criterion(&ranked[1], Criterion::Occupation).text,
        "même domaine (G1601 et G1602)"
    );
    assert_eq!(criterion(&ranked[2], Criterion::Occupation).points, 10);
    assert_eq!(criterion(&ranked[3], Criterion::Occupation).points, 0);
    assert_eq!(
        ranked[0].score,
        ranked[0].reasons.iter().map(|r| r.points).sum::<i32>()
    );
}

#[test]
fn french_place_and_hours_change_the_order() {
    let mut a = company("A", "56.10A", "Paris", "75011");
    a.offers.push(Offer {
        french_level: CefrLevel::A1,
        ..offer("Cuisinier Paris", "G1602")
    });
    let mut b = company("B", "56.10A", "Ivry-sur-Seine", "94200");
    b.offers.push(Offer {
        schedule: Schedule::Night,
        ..offer("Cuisinier de nuit", "G1602")
    });
    let mut c = company("C", "56.10A", "Créteil", "94000");
    c.offers.push(Offer {
        french_level: CefrLevel::A2,
        ..offer("Cuisinier Créteil", "G1602")
    });
    let companies = [a, b, c];
    let mut person = cook();
    let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
    let first = &ranked[0];
    assert_eq!(first.label, "Cuisinier Créteil — C");
    assert_eq!(criterion(first, Criterion::French).text, "B1 pour A2 exigé");
    assert_eq!(
        criterion(first, Criterion::Place).text,
        "même commune (Créteil)"
    );
    let paris = ranked
        .iter()
        .find(|m| m.label.starts_with("Cuisinier Paris"))
        .unwrap();
    let profile = Profile::of(&person, &CrecheSettings::default(), today());
    let b2 = Offer {
        french_level: CefrLevel::B2,
        ..offer("x", "G1602")
    };
    let reasons = profile.score_offer(&companies[0], &b2);
    assert_eq!(reasons[1].text, "B1, un niveau sous le B2 exigé");
    assert_eq!(reasons[1].points, -5);
    assert_eq!(profile.french(CefrLevel::C1).0, -20);
    assert_eq!(
        criterion(paris, Criterion::Place).text,
        "offre dans le 75, hors de la mobilité déclarée (domicile dans le 94)"
    );
    // Without a child, night work is no obstacle: Ivry (same département) is second.
    assert_eq!(ranked[1].label, "Cuisinier de nuit — B");

    // A baby: night work falls below Paris.
    person.family.children.push(Child {
        id: ChildId::new(),
        first_name: "Awa".into(),
        birth_date: NaiveDate::from_ymd_opt(2026, 1, 10),
    });
    let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
    let labels: Vec<&str> = ranked.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Cuisinier Créteil — C",
            "Cuisinier Paris — A",
            "Cuisinier de nuit — B"
        ]
    );
    let night = ranked.last().unwrap();
    assert_eq!(
        criterion(night, Criterion::Hours).text,
        "travail de nuit, incompatible avec la garde d'enfant"
    );

    // Declared mobility: Paris is no longer "outside".
    person.skills.life_areas.insert(
        LifeArea::Mobility,
        AreaAssessment {
            status: AreaStatus::Strength,
            note: "Permis B".into(),
        },
    );
    let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
    let paris = ranked
        .iter()
        .find(|m| m.label.starts_with("Cuisinier Paris"))
        .unwrap();
    assert_eq!(criterion(paris, Criterion::Place).points, 0);
}

#[test]
fn skills_and_diplomas_held_are_counted() {
    let mut a = company("A", "56.10A", "Créteil", "94000");
    a.offers.push(Offer {
        required_skills: vec!["hygiene haccp".into(), "Cariste".into()],
        ..offer("Cuisinier", "G1602")
    });
    let ranked = rank_offers(&cook(), &[a], &CrecheSettings::default(), today());
    let skills = criterion(&ranked[0], Criterion::Skills);
    assert_eq!(skills.text, "1 sur 2 exigé(s), manque : Cariste");
    assert_eq!(skills.points, 0);
}

#[test]
fn spontaneous_applications_come_after_the_offers() {
    let mut bank = company("Banque", "64.19Z", "Paris", "75011");
    bank.offers.push(offer("Guichetier", "C1206"));
    // A restaurant with only a filled offer: no open offer, its sector hires cooks.
    let mut filled = company("Bistrot", "56.10A", "Créteil", "94000");
    filled.offers.push(Offer {
        status: crate::model::companies::OfferStatus::Filled,
        ..offer("Cuisinier", "G1602")
    });
    // A bank without offers: its sector does not hire cooks.
    let other_bank = company("Crédit", "64.19Z", "Créteil", "94000");
    let ranked = rank_offers(
        &cook(),
        &[filled, other_bank, bank],
        &CrecheSettings::default(),
        today(),
    );
    let labels: Vec<&str> = ranked.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Guichetier — Banque", "Bistrot (candidature spontanée)"]
    );
    assert!(matches!(ranked[1].target, Target::Spontaneous { .. }));
    // Even with a higher score than the offer, the spontaneous one stays after it.
    assert!(ranked[1].score > ranked[0].score);
}

#[test]
fn an_offer_held_or_hired_on_is_not_proposed_again() {
    use crate::model::companies::ApplicationState;
    let mut brasserie = company("Brasserie", "56.10A", "Créteil", "94000");
    brasserie.offers.push(offer("Cuisinier", "G1602"));
    let target = Target::Offer {
        company: brasserie.id,
        offer: brasserie.offers[0].id,
    };
    let mut person = cook();
    assert!(standing_application(&person, target).is_none());
    let mut application = Application::propose(
        brasserie.id,
        &brasserie.name,
        Some((brasserie.offers[0].id, "Cuisinier")),
        d(2026, 11, 2),
    );
    for (state, on) in [
        (ApplicationState::Sent, d(2026, 11, 3)),
        (
            ApplicationState::Interview {
                date: d(2026, 11, 10),
                time: None,
                place: String::new(),
            },
            d(2026, 11, 4),
        ),
        (
            ApplicationState::Hired {
                contract: ContractKind::Cdi,
                start: d(2026, 11, 16),
            },
            d(2026, 11, 10),
        ),
    ] {
        application.move_to(state, on).unwrap();
    }
    person.applications.push(application.clone());
    // Hired on it: no longer live, yet it stands for the line.
    assert!(!application.is_active());
    let standing = standing_application(&person, target).unwrap();
    assert_eq!(standing.state.kind(), StateKind::Hired);
    // A withdrawn application leaves the line free for a new one.
    let mut refused = application;
    refused.state = ApplicationState::Withdrawn;
    person.applications = vec![refused];
    assert!(standing_application(&person, target).is_none());
}

fn project(code: &str, main: bool, status: ProjectStatus) -> Project {
    Project {
        rome_code: Some(code.into()),
        main,
        status,
        ..Project::default()
    }
}

/// Four offers alike but for their occupation, in one restaurant of Créteil.
fn four_trades() -> Company {
    let mut restaurant = company("Brasserie", "56.10A", "Créteil", "94000");
    for (title, code) in [
        ("Cuisinier", "G1602"),
        ("Agent d'entretien", "K2204"),
        ("Magasinier", "N1103"),
        ("Vendeur", "D1106"),
    ] {
        restaurant.offers.push(offer(title, code));
    }
    restaurant
}

#[test]
fn projects_come_before_phase_one_targets() {
    let companies = [four_trades()];
    let mut person = cook();
    let labels = |person: &Beneficiary| -> Vec<String> {
        rank_offers(person, &companies, &CrecheSettings::default(), today())
            .into_iter()
            .map(|m| m.label)
            .collect()
    };
    // Phase 1 only: the cook's experience leads.
    assert_eq!(labels(&person)[0], "Cuisinier — Brasserie");

    // Phase 2: a validated main project (cleaning), another project still to build
    // (warehouse), an abandoned one (sales).
    person.preparation.projects = vec![
        project("N1103", false, ProjectStatus::ToBuild),
        project("D1106", false, ProjectStatus::Abandoned),
        project("K2204", true, ProjectStatus::Validated),
    ];
    let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
    let order: Vec<&str> = ranked.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        order,
        [
            "Agent d'entretien — Brasserie",
            "Magasinier — Brasserie",
            "Cuisinier — Brasserie",
            "Vendeur — Brasserie"
        ]
    );
    let occupation = |i: usize| criterion(&ranked[i], Criterion::Occupation);
    assert_eq!(occupation(0).text, "même métier (K2204), projet principal");
    assert_eq!(occupation(0).points, 50);
    assert_eq!(occupation(1).text, "même métier (N1103), projet en cours");
    assert_eq!(occupation(1).points, 45);
    assert_eq!(occupation(2).text, "même métier (G1602)");
    assert_eq!(occupation(2).points, 40);
    // The abandoned project is no target: the sales offer is only related by sector.
    assert_eq!(occupation(3).points, 10);
    assert_eq!(
        Profile::of(&person, &CrecheSettings::default(), today()).targets(),
        ["K2204", "N1103", "G1602"]
    );

    // A main project still to build is no longer first: it ranks with the other projects,
    // in the order written, after none validated.
    person.preparation.projects[2].status = ProjectStatus::ToBuild;
    let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
    assert_eq!(ranked[0].label, "Agent d'entretien — Brasserie");
    assert_eq!(
        criterion(&ranked[0], Criterion::Occupation).text,
        "même métier (K2204), projet en cours"
    );
    assert_eq!(criterion(&ranked[1], Criterion::Occupation).points, 45);

    // Same domain through a project: named too.
    let profile = Profile::of(&person, &CrecheSettings::default(), today());
    let reasons = profile.score_offer(&companies[0], &offer("Laveur de vitres", "K2201"));
    assert_eq!(
        reasons[0].text,
        "même domaine (K2201 et K2204), projet en cours"
    );
    assert_eq!(reasons[0].points, 28);
}

#[test]
fn a_project_without_a_rome_code_is_found_in_the_titles() {
    let mut restaurant = company("Brasserie", "56.10A", "Créteil", "94000");
    restaurant
        .offers
        .push(offer("Plongeur en restauration", "G1605"));
    restaurant.offers.push(offer("Commis de cuisine", "G1602"));
    let mut person = cook();
    let first = |person: &Beneficiary| {
        rank_offers(
            person,
            &[restaurant.clone()],
            &CrecheSettings::default(),
            today(),
        )
    };
    assert_eq!(first(&person)[0].label, "Commis de cuisine — Brasserie");

    person.preparation.projects = vec![Project {
        label: "Plongeur".into(),
        main: true,
        status: ProjectStatus::Validated,
        ..Project::default()
    }];
    let ranked = first(&person);
    assert_eq!(ranked[0].label, "Plongeur en restauration — Brasserie");
    let occupation = criterion(&ranked[0], Criterion::Occupation);
    assert_eq!(
        occupation.text,
        "l'intitulé reprend le métier visé « Plongeur », projet principal"
    );
    assert_eq!(occupation.points, 45);

    // Only a project in words, and an offer it does not name: unrelated, not "no target".
    person.skills.experiences.clear();
    let reasons = Profile::of(&person, &CrecheSettings::default(), today())
        .score_offer(&restaurant, &offer("Serveur", "G1803"));
    assert_eq!(reasons[0].points, 0);
    assert_eq!(
        reasons[0].text,
        "métier sans lien avec les métiers visés (G1803)"
    );
}

#[test]
fn titles_fold_like_everything_else() {
    let mut out = String::new();
    for text in [
        " Agent(e) de propreté H/F ",
        "ÉLECTRICIEN – BÂTIMENT",
        "Chef-cuisinier, cœur de métier",
        "Ø Łódź ß",
        "e\u{301}clairagiste",
        "",
    ] {
        fold_into(text, &mut out);
        assert_eq!(out, fold(text.trim()), "{text}");
    }
}

#[test]
fn the_project_mobility_widens_the_place() {
    let mut paris = company("A", "56.10A", "Paris", "75011");
    paris.offers.push(offer("Cuisinier Paris", "G1602"));
    let mut bobigny = company("B", "56.10A", "Bobigny", "93000");
    bobigny.offers.push(offer("Cuisinier Bobigny", "G1602"));
    let mut evry = company("C", "56.10A", "Évry", "91000");
    evry.offers.push(offer("Cuisinier Évry", "G1602"));
    let companies = [evry, bobigny, paris];
    let mut person = cook();
    let place = |person: &Beneficiary, label: &str| -> Reason {
        let ranked = rank_offers(person, &companies, &CrecheSettings::default(), today());
        let found = ranked.iter().find(|m| m.label.starts_with(label)).unwrap();
        criterion(found, Criterion::Place).clone()
    };
    assert_eq!(place(&person, "Cuisinier Paris").points, -15);
    assert_eq!(place(&person, "Cuisinier Bobigny").points, -15);

    let mut main = project("G1602", true, ProjectStatus::Validated);
    main.mobility.reachable = "Créteil, paris ; 93".into();
    person.preparation.projects = vec![main];
    let paris = place(&person, "Cuisinier Paris");
    assert_eq!(paris.text, "Paris accessible (projet principal)");
    assert_eq!(paris.points, 12);
    let bobigny = place(&person, "Cuisinier Bobigny");
    assert_eq!(bobigny.text, "département 93 accessible (projet principal)");
    assert_eq!(bobigny.points, 6);
    // Not written as within reach: still outside.
    assert_eq!(place(&person, "Cuisinier Évry").points, -15);
    let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
    let order: Vec<&str> = ranked.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(
        order,
        [
            "Cuisinier Paris — A",
            "Cuisinier Bobigny — B",
            "Cuisinier Évry — C"
        ]
    );
}

#[test]
fn the_project_constraints_judge_the_hours() {
    let mut a = company("A", "56.10A", "Créteil", "94000");
    a.offers.push(Offer {
        schedule: Schedule::Night,
        ..offer("Cuisinier de nuit", "G1602")
    });
    a.offers.push(Offer {
        schedule: Schedule::Weekend,
        weekly_hours: Some(20),
        ..offer("Cuisinier du week-end", "G1602")
    });
    a.offers.push(Offer {
        weekly_hours: Some(39),
        ..offer("Cuisinier 39 h", "G1602")
    });
    let companies = [a];
    let mut person = cook();
    let hours = |person: &Beneficiary, label: &str| -> Reason {
        let ranked = rank_offers(person, &companies, &CrecheSettings::default(), today());
        let found = ranked.iter().find(|m| m.label.starts_with(label)).unwrap();
        criterion(found, Criterion::Hours).clone()
    };
    // No child, no project: every schedule is fine.
    assert_eq!(hours(&person, "Cuisinier de nuit").points, 5);

    let mut main = project("G1602", true, ProjectStatus::Validated);
    main.hours_constraints = "Pas de travail de nuit".into();
    main.working_time = WorkingTime::PartTime;
    person.preparation.projects = vec![main];
    let night = hours(&person, "Cuisinier de nuit");
    assert_eq!(night.text, "travail de nuit, exclu par le projet principal");
    assert_eq!(night.points, -25);
    assert_eq!(hours(&person, "Cuisinier du week-end").points, 5);
    let long = hours(&person, "Cuisinier 39 h");
    assert_eq!(
        long.text,
        "39 h par semaine, temps partiel recherché (projet principal)"
    );
    assert_eq!(long.points, -10);

    // Childcare to arrange for the project: weekend work is now an obstacle too.
    person.preparation.projects[0].childcare_needed = true;
    person.preparation.projects[0].working_time = WorkingTime::FullTime;
    assert_eq!(
        hours(&person, "Cuisinier du week-end").text,
        "travail le week-end, sans mode de garde"
    );
    assert_eq!(hours(&person, "Cuisinier 39 h").points, -5);
    let ranked = rank_offers(&person, &companies, &CrecheSettings::default(), today());
    assert_eq!(ranked[0].label, "Cuisinier 39 h — A");
    assert_eq!(ranked[2].label, "Cuisinier de nuit — A");
}

#[test]
fn matching_reads_the_creche_settings_ages() {
    let mut a = company("A", "56.10A", "Créteil", "94000");
    a.offers.push(Offer {
        schedule: Schedule::Weekend,
        weekly_hours: Some(20),
        ..offer("Cuisinier du week-end", "G1602")
    });
    let companies = [a];
    let mut person = cook();
    // Three years and two months old on 22/11/2026: past the third birthday (15/09/2026),
    // after the school year started, so at the crèche until the next one.
    person.family.children.push(Child {
        id: ChildId::new(),
        first_name: "Awa".into(),
        birth_date: NaiveDate::from_ymd_opt(2023, 9, 15),
    });
    let weekend = |creche: &CrecheSettings| -> Reason {
        let ranked = rank_offers(&person, &companies, creche, today());
        criterion(&ranked[0], Criterion::Hours).clone()
    };
    let school_entry = CrecheSettings::default();
    assert_eq!(
        weekend(&school_entry).text,
        "travail le week-end, sans mode de garde"
    );
    let birthday = CrecheSettings {
        upper_age_rule: crate::model::creche::UpperAgeRule::Birthday,
        ..CrecheSettings::default()
    };
    assert_eq!(weekend(&birthday).points, 5, "past the crèche's age");
    // The crèche's own ages count, not a fixed 3–36 months: one taking children up to 48
    // months looks after this one too.
    let older = CrecheSettings {
        max_age_months: 48,
        ..birthday
    };
    assert_eq!(
        weekend(&older).text,
        "travail le week-end, sans mode de garde"
    );
}

#[test]
fn the_reverse_view_ranks_people_for_an_offer() {
    let mut restaurant = company("Brasserie", "56.10A", "Créteil", "94000");
    restaurant.offers.push(offer("Cuisinier", "G1602"));
    let cook = cook();
    let mut driver = cook.clone();
    driver.id = BeneficiaryId::new();
    driver.identity.last_name = "Kone".into();
    driver.skills.experiences[0].rome_code = Some("N4101".into());
    let mut hired = cook.clone();
    hired.id = BeneficiaryId::new();
    hired.pathway.outcome = Some(crate::model::Outcome {
        kind: crate::model::OutcomeKind::Training,
        date: today(),
        contract_months: None,
    });
    let ranked = rank_beneficiaries(
        &restaurant,
        &restaurant.offers[0],
        &[driver.clone(), hired, cook.clone()],
        &CrecheSettings::default(),
        today(),
    );
    let ids: Vec<BeneficiaryId> = ranked.iter().map(|r| r.0).collect();
    assert_eq!(ids, [cook.id, driver.id]);
    assert!(ranked[0].1 > ranked[1].1);
}
