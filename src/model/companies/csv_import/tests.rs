//! CSV import: files as Excel and `LibreOffice` write them, headers matched loosely, invalid
//! rows explained, the plan by SIRET, and any bytes read without a panic.

use super::*;
use crate::model::companies::company::check_siret;

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
    let text = format!("Nom;SIRET;Ville;Code postal\nDupont & Fils;{a};;94000\nNeuve;{b};Ivry;\n");
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
