//! The validation rules, fed a record built from arbitrary strings (as typed in the form, or as
//! a hand-edited file holds them): `validate` must never panic, and must answer the same record
//! the same way. The input is read as UTF-8 (lossily) and cut at each `\x1e` (record
//! separator) into the form's text fields, in the order below.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parcours::model::{BeneficiaryDraft, parse_date, validate};
use parcours::model::companies::Company;
use parcours::model::demo::demo_beneficiaries;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let mut fields = text.split('\u{1e}').map(str::to_owned);
    let mut next = || fields.next().unwrap_or_default();
    // A fixed day (the fuzz crate reaches chrono only through Parcours).
    let Ok(Some(today)) = parse_date("22/11/2026") else {
        return;
    };
    let Some(base) = demo_beneficiaries(1, today, 3).pop() else {
        return;
    };

    // Straight into the record, as a hand-edited file can hold it.
    let mut record = base.clone();
    record.identity.last_name = next();
    record.identity.first_name = next();
    record.contact.phone = next();
    record.contact.email = next();
    record.contact.postcode = next();
    record.administrative.social_security_number = Some(next());
    record.administrative.caf_number = Some(next());
    for child in &mut record.family.children {
        child.first_name = next();
    }
    let errors = validate(&record, today);
    assert_eq!(errors, validate(&record, today), "validate is not deterministic");
    assert!(errors.iter().all(|e| !e.message.trim().is_empty()));

    // Through the form, whose dates are parsed first.
    let mut draft = BeneficiaryDraft::from_beneficiary(&base);
    draft.birth_date = next();
    draft.arrival_date = next();
    draft.permit_issued_on = next();
    draft.permit_expires_on = next();
    draft.cir_signed_on = next();
    draft.social_security_number = next();
    for child in &mut draft.children {
        child.birth_date = next();
    }
    if let Ok(saved) = draft.to_beneficiary(&base, today) {
        assert!(
            validate(&saved, today).is_empty(),
            "the form accepted a record that validate refuses"
        );
    }

    // A company, whose SIRET, APE, postcode and e-mail are checked the same way.
    let mut company = Company::new();
    company.name = next();
    company.siret = next();
    company.ape = next();
    company.postcode = next();
    let _ = company.validate();
});
