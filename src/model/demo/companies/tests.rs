//! The demo companies' tests: valid, varied, stable, applications in every state, and the
//! scale set's size.

use super::*;
use crate::model::companies::StateKind;
use crate::model::demo::demo_beneficiaries;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

#[test]
fn demo_companies_are_valid_varied_and_stable() {
    let companies = demo_companies(today());
    assert!(companies.len() >= 20);
    for company in &companies {
        assert_eq!(company.validate(), [], "{}", company.name);
    }
    let mut sectors: Vec<u8> = companies.iter().filter_map(Company::naf_division).collect();
    sectors.sort_unstable();
    sectors.dedup();
    assert!(sectors.len() >= 10, "{sectors:?}");
    let open = companies.iter().flat_map(Company::open_offers).count();
    assert!(open >= 20);
    assert_eq!(demo_companies(today()), companies);
}

#[test]
fn demo_applications_cover_every_state() {
    let companies = demo_companies(today());
    let mut people = demo_beneficiaries(20, today(), 3);
    assert!(add_demo_applications(&mut people, &companies, today()) > 0);
    let states: Vec<StateKind> = people
        .iter()
        .flat_map(|p| &p.applications)
        .map(|a| a.state.kind())
        .collect();
    for kind in StateKind::ALL {
        assert!(states.contains(&kind), "{kind:?}");
    }
    // A PMSMP in the insertion workshop, assessed.
    assert!(people.iter().flat_map(|p| &p.applications).any(|a| {
        a.immersion
            .as_ref()
            .is_some_and(|i| i.result == crate::model::companies::ImmersionResult::Conclusive)
    }));
}

#[test]
fn a_scale_demo_has_two_thousand_valid_companies_and_ten_thousand_offers() {
    let today = today();
    let companies = demo_companies_for(10_000, today);
    assert_eq!(companies.len(), 2_000);
    let offers: usize = companies.iter().map(|c| c.offers.len()).sum();
    assert_eq!(offers, 10_000);
    let sirets: std::collections::HashSet<&str> =
        companies.iter().map(|c| c.siret.as_str()).collect();
    assert_eq!(sirets.len(), companies.len(), "SIRETs must be unique");
    assert!(companies.iter().all(|c| c.validate().is_empty()));
    // A small demo is the fixed directory alone.
    assert_eq!(demo_companies_for(40, today), demo_companies(today));
}
