//! The companies' CSV importer, fed arbitrary bytes as a spreadsheet export: it must never
//! panic; every row it accepts must be a company the store would save (valid SIRET, postcode,
//! e-mail…); and importing the same file again must update those companies, never duplicate
//! them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parcours::model::companies::Company;
use parcours::model::companies::csv_import::{Action, plan, preview};

fuzz_target!(|bytes: &[u8]| {
    let preview = preview(bytes);
    for row in &preview.rows {
        let errors = row.company.validate();
        assert!(
            errors.is_empty(),
            "row {} accepted but invalid: {errors:?}",
            row.record
        );
    }
    let first: Vec<Company> = plan(&preview.rows, &[])
        .into_iter()
        .map(|planned| planned.company)
        .collect();
    for again in plan(&preview.rows, &first) {
        assert!(
            matches!(again.action, Action::Update(_)),
            "a second import of the same file would duplicate {}",
            again.company.siret
        );
    }
});
