//! One row of the file → a company, or every problem of the row, in French.

use crate::model::companies::company::{
    Company, CompanyContact, check_email, check_postcode, check_siret, normalize_ape,
};
use crate::model::record::lowercase_first;
use crate::model::record::search::fold;

use super::{Column, HeaderMapping, RowError};

/// A yes/no cell: "oui", "o", "x", "1", "vrai", "yes" → yes; empty, "non", "n", "0", "faux",
/// "no" → no.
fn yes_no(text: &str) -> Option<bool> {
    match fold(text.trim()).as_str() {
        "oui" | "o" | "x" | "1" | "vrai" | "yes" | "y" => Some(true),
        "" | "non" | "n" | "0" | "faux" | "no" => Some(false),
        _ => None,
    }
}

/// One row → a company, or every problem of the row.
pub(super) fn read_row(
    record: usize,
    fields: &[String],
    mapping: &[HeaderMapping],
) -> Result<Company, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut error = |column: Column, reason: String| {
        errors.push(RowError {
            record,
            field: column.label().to_owned(),
            reason,
        });
    };
    if fields.len() > mapping.len()
        && fields
            .iter()
            .skip(mapping.len())
            .any(|f| !f.trim().is_empty())
    {
        errors_push_extra(&mut error, fields.len(), mapping.len());
    }
    let cell = |column: Column| -> String {
        mapping
            .iter()
            .zip(fields)
            .filter(|(m, _)| m.column == Some(column))
            .map(|(_, value)| value.trim())
            .find(|value| !value.is_empty())
            .unwrap_or_default()
            .to_owned()
    };
    let mut company = Company::new();
    company.name = cell(Column::Name);
    if company.name.is_empty() {
        error(Column::Name, "raison sociale manquante".to_owned());
    }
    match check_siret(&cell(Column::Siret)) {
        Ok(siret) => company.siret = siret,
        Err(message) => error(Column::Siret, lower_first(&message)),
    }
    let ape = cell(Column::Ape);
    if !ape.is_empty() {
        match normalize_ape(&ape) {
            Ok(ape) => company.ape = ape,
            Err(message) => error(Column::Ape, lower_first(&message)),
        }
    }
    company.address = cell(Column::Address);
    company.postcode = cell(Column::Postcode);
    if let Err(message) = check_postcode(&company.postcode) {
        error(Column::Postcode, lower_first(&message));
    }
    company.town = cell(Column::Town);
    let contact = CompanyContact {
        name: cell(Column::Contact),
        role: String::new(),
        phone: cell(Column::Phone),
        email: cell(Column::Email),
    };
    if let Err(message) = check_email(&contact.email) {
        error(Column::Email, lower_first(&message));
    }
    if contact != CompanyContact::default() {
        company.contacts.push(contact);
    }
    let clause = cell(Column::InsertionClause);
    match yes_no(&clause) {
        Some(value) => company.insertion_clauses = value,
        None => error(
            Column::InsertionClause,
            format!("« {clause} » : attendu oui ou non"),
        ),
    }
    if errors.is_empty() {
        Ok(company)
    } else {
        Err(errors)
    }
}

/// Reports cells beyond the last header (a separator inside an unquoted cell, usually).
fn errors_push_extra(error: &mut impl FnMut(Column, String), found: usize, expected: usize) {
    // Reported on the first column: the row as a whole is out of shape.
    error(
        Column::Name,
        format!(
            "{found} cellules pour {expected} en-têtes : une virgule ou un point-virgule hors guillemets ?"
        ),
    );
}

/// A validation message set inside a sentence: first letter lowered, final full stop dropped.
fn lower_first(message: &str) -> String {
    lowercase_first(message).trim_end_matches('.').to_owned()
}
