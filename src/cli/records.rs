//! The records' commands: `check` (every file and every rule, the crèche's too), `list` and
//! `demo`.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::creche::check_creche;
use super::{CliError, Outcome, open_read_only, tsv_field};
use crate::model::demo::{
    add_demo_applications, demo_beneficiaries, demo_companies_for, demo_partners,
};
use crate::model::record::{fresh_seed, is_anonymised, lowercase_first, name_order_key, validate};
use crate::store::Problem;

pub(super) fn check(
    data_dir: &Path,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let mut store = open_read_only(data_dir)?;
    let mut report = store.load();
    if let (_, Some(problem)) = store.load_settings() {
        report.problems.insert(0, problem);
    }
    report.problems.extend(store.load_partners().1);
    report.problems.extend(store.load_workshops().1);
    let (companies, problems) = store.load_companies();
    report.problems.extend(problems);
    // A record edited by hand, or written by an older version, can load and still break a rule
    // the form enforces (a NIR key, a birth date in the future…): `path: field: message`.
    for record in &report.beneficiaries {
        let path = store.beneficiary_path(record.id);
        report
            .problems
            .extend(validate(record, today).into_iter().map(|error| Problem {
                path: path.clone(),
                location: None,
                message: format!(
                    "{}: {}",
                    lowercase_first(&error.field.form_name()),
                    error.message
                ),
            }));
    }
    // A hand-edited company file can load and still break a rule (a SIRET key, a code).
    for company in &companies {
        let path = store.company_path(company);
        report
            .problems
            .extend(company.validate().into_iter().map(|error| Problem {
                path: path.clone(),
                location: None,
                message: error.message,
            }));
    }
    for problem in &report.problems {
        writeln!(out, "{problem}")?;
    }
    let creche_found = check_creche(&mut store, &report.beneficiaries, out)?;
    Ok(if report.problems.is_empty() && !creche_found {
        Outcome::Success
    } else {
        Outcome::ProblemsFound
    })
}

pub(super) fn list(data_dir: &Path, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let mut records = open_read_only(data_dir)?.load().beneficiaries;
    // An erased (anonymised) record is nobody's any more: not listed.
    records.retain(|b| !is_anonymised(b));
    records.sort_by_cached_key(|b| (name_order_key(b), b.id));
    for b in &records {
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            b.id,
            tsv_field(&b.display_name()),
            b.entry_route_label(),
            b.stage().label()
        )?;
    }
    Ok(Outcome::Success)
}

pub(super) fn demo(
    data_dir: &Path,
    count: usize,
    force: bool,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<Outcome, CliError> {
    let mut store = super::open_writer(data_dir)?;
    let report = store.load();
    let existing = report.beneficiaries.len() + report.problems.len();
    if existing > 0 && !force {
        return Err(CliError::NotEmpty {
            dir: data_dir.to_owned(),
            count: existing,
        });
    }
    // The demo records refer to the demo directory of French-course partners.
    let (partners, _) = store.load_partners();
    for partner in demo_partners() {
        if !partners.iter().any(|p| p.id == partner.id) {
            store.save_partner(&partner)?;
        }
    }
    // Phase 3: partner companies (fixed identifiers: kept if already there) and
    // applications in every state.
    let (known, _) = store.load_companies();
    let companies = demo_companies_for(count, today);
    for company in &companies {
        if !known.iter().any(|c| c.id == company.id) {
            store.save_company(company)?;
        }
    }
    let mut records = demo_beneficiaries(count, today, fresh_seed());
    add_demo_applications(&mut records, &companies, today);
    // Added beside other records (`--force`), the demo's crèche bookings leave their places.
    crate::model::demo::rebook_demo_creche(&mut records, &report.beneficiaries, today);
    for record in &records {
        store.save_beneficiary(record, today)?;
    }
    for workshop in crate::model::demo::demo_workshops(&records, today) {
        store.save_workshop(&workshop)?;
    }
    writeln!(
        out,
        "{count} fiche(s) de démonstration écrite(s) dans {}",
        data_dir.display()
    )?;
    Ok(Outcome::Success)
}
