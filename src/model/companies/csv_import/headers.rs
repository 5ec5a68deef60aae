//! The columns Parcours reads, and the loose matching of a file's headers to them (case,
//! accents, spaces, punctuation and number prefixes ignored).

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
