//! The demo records' tests: valid, varied, reproducible for a seed.

use std::collections::HashSet;

use super::*;
use crate::model::record::{Stage, validate};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

#[test]
fn demo_records_are_valid_varied_and_reproducible() {
    let records = demo_beneficiaries(300, today(), 42);
    for b in &records {
        assert_eq!(validate(b, today()), vec![], "{b:#?}");
    }
    assert_eq!(records, demo_beneficiaries(300, today(), 42));
    let ids: HashSet<_> = records.iter().map(|b| b.id).collect();
    assert_eq!(ids.len(), 300);
    let levels: HashSet<_> = records.iter().map(|b| b.french_level).collect();
    assert_eq!(levels.len(), CefrLevel::ALL.len());
    let stages: HashSet<_> = records
        .iter()
        .map(|b| std::mem::discriminant(&b.stage()))
        .collect();
    assert!(stages.len() >= 4, "varied stages");
    assert!(
        records
            .iter()
            .any(|b| matches!(b.stage(), Stage::Closed(_)))
    );
    assert!(records.iter().any(|b| !b.identity.last_name.is_ascii()));
    let toddlers = records
        .iter()
        .flat_map(|b| &b.family.children)
        .filter_map(|c| c.birth_date)
        .filter(|&d| crate::model::record::age_in_months(d, today()) < 36)
        .count();
    assert!(toddlers >= 20, "micro-crèche age children: {toddlers}");

    // Phase 1: experiences on real ROME codes, diplomas in every recognition state,
    // languages with levels, referrals to the demo partners.
    let catalog = crate::model::skills::rome::catalog();
    let experiences: Vec<_> = records.iter().flat_map(|b| &b.skills.experiences).collect();
    assert!(experiences.len() >= 200);
    for experience in &experiences {
        let code = experience.rome_code.as_deref().unwrap();
        assert!(catalog.occupation(code).is_some(), "{code} is a ROME code");
    }
    let recognitions: HashSet<_> = records
        .iter()
        .flat_map(|b| &b.skills.diplomas)
        .map(|d| d.recognition)
        .collect();
    assert_eq!(
        recognitions.len(),
        crate::model::skills::Recognition::ALL.len()
    );
    assert!(records.iter().all(|b| {
        b.identity
            .languages
            .iter()
            .any(|l| l.speaking == CefrLevel::C2)
    }));
    let partners: HashSet<_> = demo_partners().into_iter().map(|p| p.id).collect();
    let referrals: Vec<_> = records
        .iter()
        .flat_map(|b| &b.skills.fle_referrals)
        .collect();
    assert!(referrals.len() >= 20);
    assert!(referrals.iter().all(|r| partners.contains(&r.partner)));
}

#[test]
fn demo_people_aim_at_the_2026_conditions() {
    use crate::model::record::{CivicExamResult, PermitTarget};
    let records = demo_beneficiaries(40, today(), 42);
    let aiming = |b: &&Beneficiary| {
        b.preparation.integration.target == Some(PermitTarget::ResidentCard)
            && b.french_level == CefrLevel::A2
    };
    assert!(records.iter().filter(aiming).count() >= 2);
    assert!(records.iter().any(|b| {
        b.preparation
            .integration
            .civic_exam
            .is_some_and(|e| e.result == CivicExamResult::Passed)
    }));
    assert!(
        records
            .iter()
            .any(|b| !b.preparation.integration.certificates.is_empty())
    );
    // The abilities, when assessed, give back the level the record holds.
    let with_abilities: Vec<_> = records
        .iter()
        .filter(|b| b.french_abilities.any_assessed())
        .collect();
    assert!(with_abilities.len() >= 10);
    for b in with_abilities {
        assert_eq!(b.french_abilities.summary(), Some(b.french_level));
    }
}

/// Demo NIRs pass the form's checks (the key is right) yet can be no one's: their order
/// number is 000, which INSEE never attributes.
#[test]
fn demo_nirs_are_valid_in_form_but_never_attributed() {
    let records = demo_beneficiaries(300, today(), 7);
    let nirs: Vec<&str> = records
        .iter()
        .filter_map(|b| b.administrative.social_security_number.as_deref())
        .collect();
    assert!(nirs.len() > 50, "the demo shows NIRs");
    for nir in &nirs {
        assert!(is_demo_nir(nir), "{nir}");
    }
    // Validated in full above (the key included): here, the detector itself.
    assert!(!is_demo_nir("1 84 12 76 451 089 46"));
    assert!(is_demo_nir("1 84 12 99 451 000 96"));
    assert!(!is_demo_nir("1 84 12 99 451 000"));
    assert!(!is_demo_nir("1 84 12 2A 451 000 96"));
    assert!(!is_demo_nir("１ 84 12 99 451 000 96"));
}
