//! Importing partner companies from a CSV file as French users export it from Excel or
//! `LibreOffice`: `;` or `,` separator, UTF-8 (with or without BOM) or Windows-1252, CRLF or LF,
//! quoted fields holding separators, doubled quotes and line breaks.
//!
//! Pure: bytes in, a preview out (mapping of the columns, companies read, every invalid row
//! explained). Nothing is written here; [`plan`] then says which companies are new and which
//! update one already present (same SIRET). [`preview`] never panics, whatever the bytes: it
//! is the entry point a fuzzer drives.

use std::fmt;

use crate::model::companies::company::{
    Company, CompanyContact, check_email, check_postcode, check_siret, normalize_ape,
};
use crate::model::record::ids::CompanyId;
use crate::model::record::search::fold;

/// A column Parcours knows how to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Raison sociale / nom.
    Name,
    /// SIRET.
    Siret,
    /// Code APE/NAF.
    Ape,
    /// Adresse.
    Address,
    /// Code postal.
    Postcode,
    /// Ville / commune.
    Town,
    /// Contact person's name.
    Contact,
    /// Téléphone.
    Phone,
    /// E-mail / courriel.
    Email,
    /// Clause d'insertion (oui/non).
    InsertionClause,
}

impl Column {
    /// Every column, for the mapping picker.
    pub const ALL: [Self; 10] = [
        Self::Name,
        Self::Siret,
        Self::Ape,
        Self::Address,
        Self::Postcode,
        Self::Town,
        Self::Contact,
        Self::Phone,
        Self::Email,
        Self::InsertionClause,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Name => "Raison sociale",
            Self::Siret => "SIRET",
            Self::Ape => "Code APE/NAF",
            Self::Address => "Adresse",
            Self::Postcode => "Code postal",
            Self::Town => "Ville",
            Self::Contact => "Contact",
            Self::Phone => "Téléphone",
            Self::Email => "E-mail",
            Self::InsertionClause => "Clause d'insertion",
        }
    }

    /// Header names (folded, letters and digits only) that mean this column.
    const fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Name => &[
                "raisonsociale",
                "nom",
                "nomentreprise",
                "nomdelentreprise",
                "entreprise",
                "societe",
                "denomination",
                "employeur",
            ],
            Self::Siret => &["siret", "numerosiret", "siretetablissement"],
            Self::Ape => &[
                "ape",
                "naf",
                "codeape",
                "codenaf",
                "apenaf",
                "codeapenaf",
                "nafape",
            ],
            Self::Address => &["adresse", "adressepostale", "rue", "voie"],
            Self::Postcode => &["codepostal", "cp", "postal"],
            Self::Town => &["ville", "commune", "localite"],
            Self::Contact => &[
                "contact",
                "nomcontact",
                "interlocuteur",
                "referent",
                "personnecontact",
            ],
            Self::Phone => &["telephone", "tel", "telephonecontact", "portable"],
            Self::Email => &[
                "email",
                "mail",
                "courriel",
                "adressemail",
                "adresseemail",
                "emailcontact",
            ],
            Self::InsertionClause => &[
                "clausedinsertion",
                "clauseinsertion",
                "clausesdinsertion",
                "clausesinsertion",
                "clausesociale",
                "clausesocialedinsertion",
            ],
        }
    }
}

/// Text encodings recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// UTF-8.
    Utf8,
    /// Windows-1252 (Excel's "CSV (séparateur : point-virgule)" on a French Windows).
    Windows1252,
}

impl Encoding {
    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Utf8Bom => "UTF-8 (avec BOM)",
            Self::Utf8 => "UTF-8",
            Self::Windows1252 => "Windows-1252",
        }
    }
}

/// One header of the file and what it was matched to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderMapping {
    /// The header as written in the file.
    pub header: String,
    /// The column it is read as; `None`: ignored.
    pub column: Option<Column>,
}

/// Why one row cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Record number in the file, the header being record 1 (a spreadsheet's row number when
    /// no cell holds a line break).
    pub record: usize,
    /// The field concerned ("SIRET"…), or "ligne" for the whole row.
    pub field: String,
    /// What is wrong, in French.
    pub reason: String,
}

impl fmt::Display for RowError {
    /// `enregistrement N, champ : raison`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "enregistrement {}, {} : {}",
            self.record, self.field, self.reason
        )
    }
}

/// A company read from one valid row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedRow {
    /// Record number in the file (header = 1).
    pub record: usize,
    /// The company as the row describes it (a fresh identifier; see [`plan`]).
    pub company: Company,
}

/// What a file holds, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// Encoding detected.
    pub encoding: Encoding,
    /// Separator detected.
    pub separator: char,
    /// Record number of the header line (1 unless title lines come first).
    pub header_record: usize,
    /// Each header and the column it is read as.
    pub mapping: Vec<HeaderMapping>,
    /// Companies read from valid rows.
    pub rows: Vec<ImportedRow>,
    /// Invalid rows, each problem explained (a row may have several).
    pub errors: Vec<RowError>,
}

impl Preview {
    /// Headers that are not read ("Colonnes ignorées : …").
    #[must_use]
    pub fn unknown_columns(&self) -> Vec<&str> {
        self.mapping
            .iter()
            .filter(|m| m.column.is_none())
            .map(|m| m.header.as_str())
            .collect()
    }
}

/// Decodes the bytes: a UTF-8 BOM is dropped; valid UTF-8 is read as such; anything else is
/// Windows-1252, which every byte sequence is (so decoding never fails).
#[must_use]
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            Encoding::Utf8Bom,
        );
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), Encoding::Utf8);
    }
    (
        bytes.iter().map(|&b| windows_1252(b)).collect(),
        Encoding::Windows1252,
    )
}

/// One Windows-1252 byte as a character: Latin-1, except 0x80–0x9F (€, typographic quotes,
/// œ, Š…). The five undefined bytes become U+FFFD.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
        '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH
            .get(usize::from(byte - 0x80))
            .copied()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(byte),
    }
}

/// Title lines skipped at most before the header.
const MAX_TITLE_LINES: usize = 5;

/// The separator: the one of `;` and `,` found more often outside quotes in the first lines
/// (`;` when tied: French exports use it, since `,` is the decimal mark).
#[must_use]
pub fn detect_separator(text: &str) -> char {
    let (mut semicolons, mut commas, mut quoted) = (0_usize, 0_usize, false);
    let mut lines = 0;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            '\n' if !quoted => {
                lines += 1;
                if lines > MAX_TITLE_LINES {
                    break;
                }
            }
            _ => {}
        }
    }
    if commas > semicolons { ',' } else { ';' }
}

/// Splits CSV text into records of fields (RFC 4180 as spreadsheets write it, forgiving: a
/// quote inside an unquoted field is kept as text; an unclosed quote runs to the end).
/// Blank lines are dropped, but still counted in record numbers. Returns each record with its
/// number (1-based).
#[must_use]
pub fn records(text: &str, separator: char) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut field_started = false;
    let mut number = 1;
    let mut chars = text.chars().peekable();
    let mut finish = |record: &mut Vec<String>, number: &mut usize| {
        let blank = record.iter().all(|f| f.trim().is_empty());
        if !blank {
            out.push((*number, std::mem::take(record)));
        }
        record.clear();
        *number += 1;
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else if c == '\r' && chars.peek() == Some(&'\n') {
                // A line break inside a cell: kept as `\n`.
                chars.next();
                field.push('\n');
            } else {
                field.push(c);
            }
        } else if c == '"' && !field_started {
            in_quotes = true;
            field_started = true;
        } else if c == separator {
            record.push(std::mem::take(&mut field));
            field_started = false;
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            record.push(std::mem::take(&mut field));
            field_started = false;
            finish(&mut record, &mut number);
        } else {
            field.push(c);
            field_started = true;
        }
    }
    if field_started || !field.is_empty() || !record.is_empty() {
        record.push(field);
        finish(&mut record, &mut number);
    }
    out
}

/// A header reduced to what matters: accents, case, spaces and punctuation dropped.
fn header_key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The column a header means, matched loosely: case, accents, spaces and punctuation are
/// ignored, and so are number prefixes ("N° SIRET", "No SIRET", "Numéro de SIRET").
#[must_use]
pub fn match_header(header: &str) -> Option<Column> {
    let key = header_key(header);
    let find = |key: &str| {
        Column::ALL
            .into_iter()
            .find(|column| column.aliases().contains(&key))
    };
    if let Some(column) = find(&key) {
        return Some(column);
    }
    for prefix in ["numerode", "numero", "num", "no", "n"] {
        if let Some(rest) = key.strip_prefix(prefix)
            && let Some(column) = find(rest)
        {
            return Some(column);
        }
    }
    // "E-mail du contact", "Ville de l'établissement"…: the start decides.
    Column::ALL.into_iter().find(|column| {
        column
            .aliases()
            .iter()
            .any(|alias| alias.len() >= 5 && key.starts_with(alias))
    })
}

/// Reads a file: encoding and separator detected, headers matched loosely.
#[must_use]
pub fn preview(bytes: &[u8]) -> Preview {
    preview_with(bytes, None)
}

/// Reads a file with the mapping the counsellor chose (`None`: the one [`match_header`]
/// finds). `mapping[i]` is the column for the file's i-th header.
#[must_use]
pub fn preview_with(bytes: &[u8], mapping: Option<&[Option<Column>]>) -> Preview {
    let (text, encoding) = decode(bytes);
    let separator = detect_separator(&text);
    let all = records(&text, separator);
    // The header is the first of the first records that names both key columns: exports often
    // start with a title line ("Partenaires 2026") or a blank one. Failing that, the first.
    let header_at = all
        .iter()
        .take(MAX_TITLE_LINES + 1)
        .position(|(_, cells)| {
            let columns: Vec<Column> = cells.iter().filter_map(|c| match_header(c)).collect();
            columns.contains(&Column::Name) && columns.contains(&Column::Siret)
        })
        .unwrap_or(0);
    let mut all = all.into_iter().skip(header_at);
    let Some((header_record, headers)) = all.next() else {
        return Preview {
            encoding,
            separator,
            header_record: 1,
            mapping: Vec::new(),
            rows: Vec::new(),
            errors: vec![RowError {
                record: 1,
                field: "fichier".to_owned(),
                reason: "le fichier est vide : il faut une ligne d'en-têtes puis une ligne par entreprise".to_owned(),
            }],
        };
    };
    let mapping: Vec<HeaderMapping> = headers
        .iter()
        .enumerate()
        .map(|(i, header)| HeaderMapping {
            header: header.trim().to_owned(),
            column: match mapping {
                Some(chosen) => chosen.get(i).copied().flatten(),
                None => match_header(header),
            },
        })
        .collect();
    let mut preview = Preview {
        encoding,
        separator,
        header_record,
        mapping,
        rows: Vec::new(),
        errors: Vec::new(),
    };
    for required in [Column::Name, Column::Siret] {
        if !preview.mapping.iter().any(|m| m.column == Some(required)) {
            preview.errors.push(RowError {
                record: header_record,
                field: required.label().to_owned(),
                reason: format!("aucune colonne « {} » parmi les en-têtes", required.label()),
            });
        }
    }
    if !preview.errors.is_empty() {
        return preview;
    }
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (record, fields) in all {
        match read_row(record, &fields, &preview.mapping) {
            Ok(company) => {
                if let Some((_, first)) = seen.iter().find(|(s, _)| *s == company.siret) {
                    preview.errors.push(RowError {
                        record,
                        field: Column::Siret.label().to_owned(),
                        reason: format!("même SIRET que l'enregistrement {first}"),
                    });
                } else {
                    seen.push((company.siret.clone(), record));
                    preview.rows.push(ImportedRow { record, company });
                }
            }
            Err(errors) => preview.errors.extend(errors),
        }
    }
    preview
}

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
fn read_row(
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

fn lower_first(message: &str) -> String {
    let mut chars = message.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let text: String = first.to_lowercase().chain(chars).collect();
    text.trim_end_matches('.').to_owned()
}

/// What importing a row will do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A company not in the directory yet.
    New,
    /// Updates the company of the same SIRET (this identifier): its offers and notes are kept.
    Update(CompanyId),
}

/// One company to save, and whether it is new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// The company as it will be saved.
    pub company: Company,
    /// New or updated.
    pub action: Action,
}

/// Matches the rows with the directory by SIRET: a company already present keeps its
/// identifier, offers, notes and any value the file leaves empty, and takes the file's others.
#[must_use]
pub fn plan(rows: &[ImportedRow], existing: &[Company]) -> Vec<Planned> {
    rows.iter()
        .map(|row| {
            let new = &row.company;
            match existing.iter().find(|c| c.siret == new.siret) {
                None => Planned {
                    company: new.clone(),
                    action: Action::New,
                },
                Some(old) => {
                    let mut company = old.clone();
                    let take = |to: &mut String, from: &String| {
                        if !from.is_empty() {
                            to.clone_from(from);
                        }
                    };
                    take(&mut company.name, &new.name);
                    take(&mut company.ape, &new.ape);
                    take(&mut company.address, &new.address);
                    take(&mut company.postcode, &new.postcode);
                    take(&mut company.town, &new.town);
                    company.insertion_clauses = new.insertion_clauses;
                    for contact in &new.contacts {
                        match company.contacts.iter_mut().find(|c| c.name == contact.name) {
                            Some(known) => {
                                take(&mut known.phone, &contact.phone);
                                take(&mut known.email, &contact.email);
                            }
                            None => company.contacts.push(contact.clone()),
                        }
                    }
                    Planned {
                        action: Action::Update(old.id),
                        company,
                    }
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two SIRETs with a valid key, built rather than copied.
    fn sirets() -> (String, String) {
        let with_key = |prefix: &str| {
            (0..10)
                .map(|d| format!("{prefix}{d}"))
                .find(|s| check_siret(s).is_ok())
                .unwrap()
        };
        (with_key("4430618410004"), with_key("7328293200007"))
    }

    fn names(preview: &Preview) -> Vec<&str> {
        preview
            .rows
            .iter()
            .map(|r| r.company.name.as_str())
            .collect()
    }

    #[test]
    fn excel_windows_1252_semicolons_crlf() {
        let (a, b) = sirets();
        let text = format!(
            "Raison sociale;N° SIRET;Code APE;Ville;Clause d'insertion\r\n\
             Crèche Les Étoiles;{a};88.91A;Créteil;oui\r\n\
             Boulangerie Œuvre;{b};10.71C;Vitry-sur-Seine;non\r\n"
        );
        // Windows-1252: é = E9, è = E8, É = C9, Œ = 8C.
        let bytes: Vec<u8> = text
            .chars()
            .map(|c| match c {
                'é' => 0xE9,
                'è' => 0xE8,
                'É' => 0xC9,
                'Œ' => 0x8C,
                '°' => 0xB0,
                c => u8::try_from(c).unwrap(),
            })
            .collect();
        assert!(std::str::from_utf8(&bytes).is_err());
        let preview = preview(&bytes);
        assert_eq!(preview.encoding, Encoding::Windows1252);
        assert_eq!(preview.separator, ';');
        assert!(preview.errors.is_empty(), "{:?}", preview.errors);
        assert_eq!(names(&preview), ["Crèche Les Étoiles", "Boulangerie Œuvre"]);
        let first = &preview.rows[0].company;
        assert_eq!(first.town, "Créteil");
        assert_eq!(first.ape, "88.91A");
        assert!(first.insertion_clauses);
        assert!(!preview.rows[1].company.insertion_clauses);
    }

    #[test]
    fn libreoffice_utf8_bom_commas_lf_and_quoted_cells() {
        let (a, b) = sirets();
        let text = format!(
            "\u{feff}Nom,SIRET,Adresse,Code postal,Commune,Contact,Téléphone,Courriel\n\
             \"Dupont, Fils & Cie\",{a},\"12 rue de la Paix\nBâtiment B\",94000,Créteil,\"Marc \"\"Le Chef\"\" Dupont\",01 02 03 04 05,rh@dupont.fr\n\
             \n\
             Hôtel du Parc,\"{b}\",,94400,Vitry,,,\n"
        );
        let preview = preview(text.as_bytes());
        assert_eq!(preview.encoding, Encoding::Utf8Bom);
        assert_eq!(preview.separator, ',');
        assert!(preview.errors.is_empty(), "{:?}", preview.errors);
        assert_eq!(names(&preview), ["Dupont, Fils & Cie", "Hôtel du Parc"]);
        let dupont = &preview.rows[0].company;
        assert_eq!(dupont.address, "12 rue de la Paix\nBâtiment B");
        assert_eq!(dupont.contacts[0].name, "Marc \"Le Chef\" Dupont");
        assert_eq!(dupont.contacts[0].email, "rh@dupont.fr");
        // The blank line still counts: the hotel is the file's 4th record.
        assert_eq!(preview.rows[1].record, 4);
        assert!(preview.rows[1].company.contacts.is_empty());
    }

    #[test]
    fn plain_utf8_without_bom() {
        let (a, _) = sirets();
        let text = format!("raison sociale;siret\nÉpicerie Solidaire;{a}\n");
        let preview = preview(text.as_bytes());
        assert_eq!(preview.encoding, Encoding::Utf8);
        assert_eq!(names(&preview), ["Épicerie Solidaire"]);
    }

    #[test]
    fn headers_match_loosely_and_unknown_ones_are_reported() {
        let cases = [
            ("RAISON SOCIALE", Some(Column::Name)),
            ("Raison-sociale", Some(Column::Name)),
            ("N° SIRET", Some(Column::Siret)),
            ("n°siret", Some(Column::Siret)),
            ("No. SIRET", Some(Column::Siret)),
            ("Numéro de SIRET", Some(Column::Siret)),
            ("Code APE / NAF", Some(Column::Ape)),
            ("code_naf", Some(Column::Ape)),
            ("Code Postal", Some(Column::Postcode)),
            ("CP", Some(Column::Postcode)),
            ("Commune", Some(Column::Town)),
            ("VILLE", Some(Column::Town)),
            ("Tél.", Some(Column::Phone)),
            ("Téléphone", Some(Column::Phone)),
            ("E-mail", Some(Column::Email)),
            ("Courriel", Some(Column::Email)),
            (
                "Clause d’insertion (oui/non)",
                Some(Column::InsertionClause),
            ),
            ("Clauses d'insertion", Some(Column::InsertionClause)),
            ("Adresse", Some(Column::Address)),
            ("Chiffre d'affaires", None),
            ("Effectif", None),
        ];
        for (header, expected) in cases {
            assert_eq!(match_header(header), expected, "{header}");
        }
        let (a, _) = sirets();
        let text = format!("Nom;SIRET;Effectif;Secteur\nLidl;{a};40;commerce\n");
        let preview = preview(text.as_bytes());
        assert_eq!(preview.unknown_columns(), ["Effectif", "Secteur"]);
        assert_eq!(preview.rows.len(), 1);
    }

    #[test]
    fn invalid_rows_are_explained_by_record_field_and_reason() {
        let (a, _) = sirets();
        let text = format!(
            "Nom;SIRET;Code postal;E-mail;Clause d'insertion\n\
             ;{a};94000;;\n\
             Garage;12345678901234;940;contact@;peut-être\n\
             Garage bis;{a};;;\n"
        );
        let preview = preview(text.as_bytes());
        let errors: Vec<String> = preview.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            [
                "enregistrement 2, Raison sociale : raison sociale manquante",
                "enregistrement 3, SIRET : le SIREN 123 456 789 (les 9 premiers chiffres du SIRET) est invalide (clé de contrôle fausse) : vérifiez les chiffres",
                "enregistrement 3, Code postal : le code postal compte 5 chiffres",
                "enregistrement 3, E-mail : adresse e-mail « contact@ » invalide",
                "enregistrement 3, Clause d'insertion : « peut-être » : attendu oui ou non",
            ]
        );
        assert_eq!(names(&preview), ["Garage bis"]);
    }

    #[test]
    fn a_siret_twice_in_the_file_and_missing_columns_are_reported() {
        let (a, _) = sirets();
        let text = format!("Nom;SIRET\nUn;{a}\nDeux;{a}\n");
        let preview = preview(text.as_bytes());
        assert_eq!(
            preview.errors[0].to_string(),
            "enregistrement 3, SIRET : même SIRET que l'enregistrement 2"
        );
        let preview = super::preview(b"Nom;Ville\nLidl;Paris\n");
        assert_eq!(
            preview.errors[0].to_string(),
            "enregistrement 1, SIRET : aucune colonne « SIRET » parmi les en-têtes"
        );
        assert!(preview.rows.is_empty());
        assert!(!super::preview(b"").errors.is_empty());
    }

    #[test]
    fn title_lines_above_the_header_are_skipped() {
        let (a, _) = sirets();
        let text = format!(
            "Partenaires entreprises, mise à jour du 3 novembre 2026\n\nNom,SIRET,Ville\nLidl,{a},Orly\nGarage,12,Orly\n"
        );
        let preview = preview(text.as_bytes());
        assert_eq!(preview.separator, ',');
        assert_eq!(preview.header_record, 3);
        assert_eq!(names(&preview), ["Lidl"]);
        assert_eq!(preview.rows[0].record, 4);
        assert_eq!(preview.errors[0].record, 5);
    }

    #[test]
    fn a_chosen_mapping_replaces_the_guess() {
        let (a, _) = sirets();
        let text = format!("Enseigne;Identifiant\nLidl;{a}\n");
        assert!(!preview(text.as_bytes()).errors.is_empty());
        let preview = preview_with(
            text.as_bytes(),
            Some(&[Some(Column::Name), Some(Column::Siret)]),
        );
        assert!(preview.errors.is_empty());
        assert_eq!(names(&preview), ["Lidl"]);
    }

    #[test]
    fn the_same_siret_updates_rather_than_duplicates() {
        let (a, b) = sirets();
        let mut known = Company {
            name: "Dupont".into(),
            siret: a.clone(),
            town: "Créteil".into(),
            notes: "Partenaire depuis 2019".into(),
            ..Company::new()
        };
        known
            .offers
            .push(crate::model::companies::company::Offer::new());
        let text =
            format!("Nom;SIRET;Ville;Code postal\nDupont & Fils;{a};;94000\nNeuve;{b};Ivry;\n");
        let preview = preview(text.as_bytes());
        let planned = plan(&preview.rows, std::slice::from_ref(&known));
        assert_eq!(planned.len(), 2);
        assert_eq!(planned[0].action, Action::Update(known.id));
        let updated = &planned[0].company;
        assert_eq!(updated.id, known.id);
        assert_eq!(updated.name, "Dupont & Fils");
        assert_eq!(
            updated.town, "Créteil",
            "an empty cell keeps the known value"
        );
        assert_eq!(updated.postcode, "94000");
        assert_eq!(updated.notes, known.notes);
        assert_eq!(updated.offers, known.offers);
        assert_eq!(planned[1].action, Action::New);
    }

    /// A small deterministic generator (a 64-bit LCG) for the generated files below.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, bound: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            usize::try_from(self.0 >> 33).unwrap() % bound
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    /// A file a spreadsheet could export, made hard: a header that names the name and SIRET
    /// columns (among others, in any order, sometimes after a title line), then rows whose
    /// cells are valid or broken SIRETs, names, quoted cells holding separators and line ends,
    /// or raw bytes from what makes CSV hard; in UTF-8 (with or without a BOM) or Windows-1252.
    fn generated_file(rng: &mut Lcg, sirets: &[String]) -> Vec<u8> {
        const NAMES: &[&str] = &["Raison sociale", "Nom", "Entreprise", "Dénomination"];
        const SIRETS: &[&str] = &["SIRET", "N° SIRET", "siret", "Numéro SIRET"];
        const OTHERS: &[&str] = &["Ville", "Code postal", "Code APE", "Effectif", "Courriel"];
        const CELLS: &[&str] = &[
            "",
            "Boulangerie Dupont",
            "\"Café \"\"Le Nord\"\"\"",
            "\"Atelier ; bois, et fer\"",
            "\"deux\r\nlignes\"",
            "Créteil",
            "94000",
            "9400",
            "56.10A",
            "contact@exemple.fr",
            "pas-un-courriel",
            "12",
            "123",
            "4430618410004",
            "\u{FEFF}",
            "\"non fermé",
        ];
        const NOISE: &[&str] = &[
            "\"", ";", ",", "\r", "\n", " ", "\u{E9}", "\u{B0}", "Z", "0",
        ];
        let separator = rng.pick(&[";", ","]);
        let mut columns: Vec<&str> = vec![rng.pick(NAMES), rng.pick(SIRETS)];
        for _ in 0..rng.below(3) {
            columns.push(rng.pick(OTHERS));
        }
        for i in (1..columns.len()).rev() {
            columns.swap(i, rng.below(i + 1));
        }
        let siret_at = columns.iter().position(|c| SIRETS.contains(c)).unwrap();
        let name_at = columns.iter().position(|c| NAMES.contains(c)).unwrap();
        let mut text = String::new();
        if rng.below(4) == 0 {
            text.push_str("Partenaires 2026\r\n");
        }
        text.push_str(&columns.join(separator));
        text.push_str(rng.pick(&["\r\n", "\n"]));
        for _ in 0..=rng.below(6) {
            let cells: Vec<String> = (0..columns.len())
                .map(|i| match rng.below(10) {
                    // Mostly a well-formed row, so that rows are read…
                    0..=5 if i == siret_at => sirets[rng.below(sirets.len())].clone(),
                    0..=5 if i == name_at => rng.pick(&CELLS[1..4]).to_owned(),
                    // …and sometimes anything, so that rows are refused.
                    6..=8 => rng.pick(CELLS).to_owned(),
                    9 => (0..rng.below(6)).map(|_| rng.pick(NOISE)).collect(),
                    _ => rng.pick(&CELLS[5..7]).to_owned(),
                })
                .collect();
            text.push_str(&cells.join(separator));
            text.push_str(rng.pick(&["\r\n", "\n", ""]));
        }
        match rng.below(3) {
            0 => text.into_bytes(),
            1 => [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
            // Windows-1252, as Excel writes it (characters it lacks become '?').
            _ => text
                .chars()
                .map(|c| match c {
                    'é' => 0xE9,
                    '°' => 0xB0,
                    c => u8::try_from(c).ok().filter(u8::is_ascii).unwrap_or(b'?'),
                })
                .collect(),
        }
    }

    #[test]
    fn generated_files_give_valid_rows_or_explained_errors() {
        let (a, b) = sirets();
        let sirets = [
            a,
            b,
            "443 061 841 00047".to_owned(),
            "12345678901234".to_owned(),
        ];
        let mut rng = Lcg(0x9E37_79B9_7F4A_7C15);
        let (mut rows_read, mut rows_refused) = (0, 0);
        for _ in 0..3000 {
            let bytes = generated_file(&mut rng, &sirets);
            let preview = preview(&bytes);
            // Every row is either read or explained, never both; a row read is a company the
            // store would save.
            for row in &preview.rows {
                assert!(
                    !preview.errors.iter().any(|e| e.record == row.record),
                    "{:?}",
                    String::from_utf8_lossy(&bytes)
                );
                assert_eq!(
                    row.company.validate(),
                    vec![],
                    "{:?}",
                    String::from_utf8_lossy(&bytes)
                );
                assert!(!row.company.name.trim().is_empty());
            }
            rows_read += preview.rows.len();
            rows_refused += preview.errors.len();
        }
        // The generator reaches both branches, many times.
        assert!(rows_read > 1000, "{rows_read} rows read");
        assert!(rows_refused > 1000, "{rows_refused} rows refused");
    }

    #[test]
    fn random_bytes_never_panic() {
        // Bytes drawn from what makes CSV hard: quotes, separators, line ends, a BOM's bytes,
        // Windows-1252 and broken UTF-8, digits and letters. (Such bytes rarely form a header;
        // the generated files above reach the rows.)
        const ALPHABET: &[u8] = b"\";,\r\n \xEF\xBB\xBF\x80\x9D\xE9\xC3\xA9\xFF0123456789aZ\xB0N";
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let len = usize::try_from(state >> 56).unwrap();
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1);
                    ALPHABET[usize::try_from(state >> 33).unwrap() % ALPHABET.len()]
                })
                .collect();
            let preview = preview(&bytes);
            for row in &preview.rows {
                assert!(!preview.errors.iter().any(|e| e.record == row.record));
            }
        }
    }

    #[test]
    fn any_bytes_give_a_preview() {
        for bytes in [
            &b"\"unclosed;quote\nNom;SIRET"[..],
            b"\xff\xfe\x00N\x00o\x00m",
            b";;;\r\r\n\n",
            b"\xEF\xBB\xBF",
            b"Nom;SIRET\n\"a\"b\"\";1\n",
        ] {
            let _ = preview(bytes);
        }
    }
}
