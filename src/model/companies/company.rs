//! Phase 3: the partner companies the structure works with, and the job offers they hold.
//!
//! A company is stored in its own file (`companies/<id>.ron`), offers inside it: an offer
//! never outlives its company, and the counsellor edits both in one place. The rules here
//! (SIRET key, APE/NAF code, postcode, e-mail) are shared by the editor, the CSV import and
//! the store, which refuses to write a company that breaks them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::record::cefr::CefrLevel;
use crate::model::record::ids::{CompanyId, OfferId};
use crate::model::record::pathway::ContractKind;

/// The SIREN of La Poste: its establishments' SIRETs do not follow the Luhn key but have a
/// digit sum that is a multiple of 5 (INSEE's documented exception).
const LA_POSTE_SIREN: &str = "356000000";

/// A person to talk to at a company.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CompanyContact {
    /// Full name.
    pub name: String,
    /// Role in the company ("Responsable RH"…).
    pub role: String,
    /// Phone number, as given.
    pub phone: String,
    /// E-mail address.
    pub email: String,
}

/// When the work of an offer takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Schedule {
    /// Daytime hours on weekdays.
    #[default]
    Day,
    /// Night work.
    Night,
    /// Weekend work.
    Weekend,
}

impl Schedule {
    /// Every value, for pickers.
    pub const ALL: [Self; 3] = [Self::Day, Self::Night, Self::Weekend];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Day => "Journée",
            Self::Night => "Nuit",
            Self::Weekend => "Week-end",
        }
    }
}

/// Where an offer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum OfferStatus {
    /// Candidates are sought.
    #[default]
    Open,
    /// Every position was filled.
    Filled,
    /// Withdrawn by the company.
    Closed,
}

impl OfferStatus {
    /// Every value, for pickers.
    pub const ALL: [Self; 3] = [Self::Open, Self::Filled, Self::Closed];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Open => "Ouverte",
            Self::Filled => "Pourvue",
            Self::Closed => "Fermée",
        }
    }
}

/// A job offer of a company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    /// Stable identifier (applications point at it).
    pub id: OfferId,
    /// Job title as the company words it (required).
    #[serde(default)]
    pub title: String,
    /// ROME occupation code (`J1501`), when known.
    #[serde(default)]
    pub rome_code: Option<String>,
    /// Contract offered.
    pub contract: ContractKind,
    /// Hours per week.
    #[serde(default)]
    pub weekly_hours: Option<u32>,
    /// Day, night or weekend work.
    #[serde(default)]
    pub schedule: Schedule,
    /// Start date.
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    /// Town where the work takes place (the company's town when empty).
    #[serde(default)]
    pub town: String,
    /// Its postcode (the company's when empty), which gives the département.
    #[serde(default)]
    pub postcode: String,
    /// French level required (`NotAssessed`: none).
    #[serde(default)]
    pub french_level: CefrLevel,
    /// Skills required, one per entry.
    #[serde(default)]
    pub required_skills: Vec<String>,
    /// Diplomas required, one per entry.
    #[serde(default)]
    pub required_diplomas: Vec<String>,
    /// Positions open.
    #[serde(default = "one")]
    pub positions: u32,
    /// Open, filled or closed.
    #[serde(default)]
    pub status: OfferStatus,
}

fn one() -> u32 {
    1
}

impl Offer {
    /// An empty open offer (one position, CDI, daytime) with a fresh identifier.
    #[must_use]
    pub fn new() -> Self {
        Self {
            id: OfferId::new(),
            title: String::new(),
            rome_code: None,
            contract: ContractKind::Cdi,
            weekly_hours: Some(35),
            schedule: Schedule::Day,
            start_date: None,
            town: String::new(),
            postcode: String::new(),
            french_level: CefrLevel::NotAssessed,
            required_skills: Vec::new(),
            required_diplomas: Vec::new(),
            positions: 1,
            status: OfferStatus::Open,
        }
    }
}

impl Default for Offer {
    fn default() -> Self {
        Self::new()
    }
}

/// A partner company and its offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    /// Unique identifier; also the file name.
    pub id: CompanyId,
    /// Raison sociale (required).
    #[serde(default)]
    pub name: String,
    /// SIRET, 14 digits without spaces (required; see [`check_siret`]).
    #[serde(default)]
    pub siret: String,
    /// APE/NAF code as `56.10A` (empty when unknown).
    #[serde(default)]
    pub ape: String,
    /// Street address.
    #[serde(default)]
    pub address: String,
    /// Postcode (5 digits).
    #[serde(default)]
    pub postcode: String,
    /// Town.
    #[serde(default)]
    pub town: String,
    /// People to talk to.
    #[serde(default)]
    pub contacts: Vec<CompanyContact>,
    /// Whether it uses social-insertion clauses in public contracts.
    #[serde(default)]
    pub insertion_clauses: bool,
    /// The counsellors' notes.
    #[serde(default)]
    pub notes: String,
    /// Its job offers.
    #[serde(default)]
    pub offers: Vec<Offer>,
    /// When the company is an insertion structure (SIAE), which kind (absent from files before
    /// format 5: none).
    #[serde(default)]
    pub siae: Option<SiaeKind>,
}

/// The kinds of insertion structures (structures d'insertion par l'activité économique) that
/// hire people far from employment on a CDDI or a mission, with support on the job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SiaeKind {
    /// Atelier et chantier d'insertion.
    Aci,
    /// Entreprise d'insertion.
    Ei,
    /// Entreprise de travail temporaire d'insertion.
    Etti,
    /// Association intermédiaire.
    Ai,
    /// Entreprise d'insertion par le travail indépendant.
    Eiti,
}

impl SiaeKind {
    /// Every kind, for pickers.
    pub const ALL: [Self; 5] = [Self::Aci, Self::Ei, Self::Etti, Self::Ai, Self::Eiti];

    /// The short French label (the acronym).
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Aci => "ACI",
            Self::Ei => "EI",
            Self::Etti => "ETTI",
            Self::Ai => "AI",
            Self::Eiti => "EITI",
        }
    }

    /// The full French name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Aci => "Atelier et chantier d'insertion",
            Self::Ei => "Entreprise d'insertion",
            Self::Etti => "Entreprise de travail temporaire d'insertion",
            Self::Ai => "Association intermédiaire",
            Self::Eiti => "Entreprise d'insertion par le travail indépendant",
        }
    }
}

impl Company {
    /// An empty company with a fresh identifier.
    #[must_use]
    pub fn new() -> Self {
        Self {
            id: CompanyId::new(),
            name: String::new(),
            siret: String::new(),
            ape: String::new(),
            address: String::new(),
            postcode: String::new(),
            town: String::new(),
            contacts: Vec::new(),
            insertion_clauses: false,
            notes: String::new(),
            offers: Vec::new(),
            siae: None,
        }
    }

    /// The NAF division (first two digits of the APE code), which relates the company to the
    /// occupations it typically hires for.
    #[must_use]
    pub fn naf_division(&self) -> Option<u8> {
        self.ape.get(..2).and_then(|d| d.parse().ok())
    }

    /// The offers still looking for candidates.
    pub fn open_offers(&self) -> impl Iterator<Item = &Offer> {
        self.offers.iter().filter(|o| o.status == OfferStatus::Open)
    }

    /// Checks the company and its offers; an empty list means it may be saved.
    #[must_use]
    pub fn validate(&self) -> Vec<CompanyError> {
        let mut errors = Vec::new();
        let mut push = |field, message: String| errors.push(CompanyError { field, message });
        if self.name.trim().is_empty() {
            push(
                CompanyField::Name,
                "La raison sociale est obligatoire.".to_owned(),
            );
        }
        if let Err(message) = check_siret(&self.siret) {
            push(CompanyField::Siret, message);
        }
        if !self.ape.trim().is_empty()
            && let Err(message) = normalize_ape(&self.ape)
        {
            push(CompanyField::Ape, message);
        }
        if let Err(message) = check_postcode(&self.postcode) {
            push(CompanyField::Postcode, message);
        }
        for (index, contact) in self.contacts.iter().enumerate() {
            if let Err(message) = check_email(&contact.email) {
                push(CompanyField::ContactEmail(index), message);
            }
        }
        for (index, offer) in self.offers.iter().enumerate() {
            if offer.title.trim().is_empty() {
                push(
                    CompanyField::OfferTitle(index),
                    "L'intitulé de l'offre est obligatoire.".to_owned(),
                );
            }
            if let Some(code) = &offer.rome_code
                && crate::model::skills::rome::catalog()
                    .occupation(code)
                    .is_none()
            {
                push(
                    CompanyField::OfferRome(index),
                    format!("Le code ROME « {code} » n'existe pas."),
                );
            }
            if offer.weekly_hours.is_some_and(|h| h == 0 || h > 48) {
                push(
                    CompanyField::OfferHours(index),
                    "La durée hebdomadaire doit être comprise entre 1 et 48 heures.".to_owned(),
                );
            }
            if offer.positions == 0 {
                push(
                    CompanyField::OfferPositions(index),
                    "Il faut au moins un poste.".to_owned(),
                );
            }
            if let Err(message) = check_postcode(&offer.postcode) {
                push(CompanyField::OfferPostcode(index), message);
            }
        }
        errors
    }
}

impl Default for Company {
    fn default() -> Self {
        Self::new()
    }
}

/// A field of a company (or of one of its offers, by index) that a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompanyField {
    /// Raison sociale.
    Name,
    /// SIRET.
    Siret,
    /// APE/NAF code.
    Ape,
    /// Postcode.
    Postcode,
    /// E-mail of the contact at this index.
    ContactEmail(usize),
    /// Title of the offer at this index.
    OfferTitle(usize),
    /// ROME code of the offer at this index.
    OfferRome(usize),
    /// Weekly hours of the offer at this index.
    OfferHours(usize),
    /// Positions of the offer at this index.
    OfferPositions(usize),
    /// Postcode of the offer at this index.
    OfferPostcode(usize),
    /// Start date of the offer at this index (as typed in the editor).
    OfferStart(usize),
}

/// One broken rule, with its French message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyError {
    /// Where.
    pub field: CompanyField,
    /// What is wrong, in French, for the counsellor.
    pub message: String,
}

/// The digits of a SIRET as typed (spaces, dots and non-breaking spaces allowed between
/// groups), or `None` when anything else is in it.
fn siret_digits(text: &str) -> Option<String> {
    let mut digits = String::with_capacity(14);
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !(c.is_whitespace() || c == '.' || c == '\u{a0}' || c == '\u{202f}') {
            return None;
        }
    }
    Some(digits)
}

/// The Luhn key: doubling every second digit from the right, the sum is a multiple of 10.
/// `digits` holds ASCII digits only.
pub(crate) fn luhn_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = char::from(b).to_digit(10).unwrap_or(0);
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Checks a SIRET and returns it as 14 digits: exactly 14 digits once spaces are removed, a
/// SIREN (the first 9 digits, the company) with its own valid Luhn key, and a valid Luhn key
/// over the 14 digits — or, for La Poste's establishments (SIREN 356000000), whose numbers
/// outgrew the key, a Luhn key or a digit sum that is a multiple of 5 (INSEE's rule).
pub fn check_siret(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        return Err("Le SIRET est obligatoire.".to_owned());
    }
    let Some(digits) = siret_digits(text) else {
        return Err("Le SIRET ne doit contenir que des chiffres.".to_owned());
    };
    if digits.len() != 14 {
        return Err(format!(
            "Le SIRET compte 14 chiffres (ici {}).",
            digits.len()
        ));
    }
    // Only ASCII digits from here: slicing by bytes is slicing by digits.
    let siren = digits.get(..9).unwrap_or_default();
    if !luhn_ok(siren) {
        return Err(format!(
            "Le SIREN {} {} {} (les 9 premiers chiffres du SIRET) est invalide (clé de contrôle \
             fausse) : vérifiez les chiffres.",
            siren.get(..3).unwrap_or_default(),
            siren.get(3..6).unwrap_or_default(),
            siren.get(6..).unwrap_or_default()
        ));
    }
    let valid = luhn_ok(&digits)
        || (siren == LA_POSTE_SIREN && {
            let sum: u32 = digits.chars().filter_map(|c| c.to_digit(10)).sum();
            sum.is_multiple_of(5)
        });
    if valid {
        Ok(digits)
    } else {
        Err("Ce SIRET est invalide (clé de contrôle fausse) : vérifiez les chiffres.".to_owned())
    }
}

/// Checks an APE/NAF code (`56.10A`, `5610A`, `56 10 a`) and returns it as `56.10A`.
pub fn normalize_ape(text: &str) -> Result<String, String> {
    let compact: String = text
        .chars()
        .filter(|c| !(c.is_whitespace() || *c == '.'))
        .collect::<String>()
        .to_uppercase();
    let bytes = compact.as_bytes();
    let shaped = bytes.len() == 5
        && bytes.iter().take(4).all(u8::is_ascii_digit)
        && bytes.get(4).is_some_and(u8::is_ascii_uppercase);
    match (shaped, compact.get(..2), compact.get(2..)) {
        (true, Some(division), Some(rest)) => Ok(format!("{division}.{rest}")),
        _ => Err(format!(
            "Code APE/NAF « {} » invalide : 4 chiffres et une lettre, par exemple 56.10A.",
            text.trim()
        )),
    }
}

/// Checks a postcode: empty, or 5 digits.
pub fn check_postcode(text: &str) -> Result<(), String> {
    let text = text.trim();
    if text.is_empty() || (text.len() == 5 && text.bytes().all(|b| b.is_ascii_digit())) {
        Ok(())
    } else {
        Err("Le code postal compte 5 chiffres.".to_owned())
    }
}

/// Checks an e-mail address loosely: empty, or `something@domain.tld` without spaces.
pub fn check_email(text: &str) -> Result<(), String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(());
    }
    let valid = !text.contains(char::is_whitespace)
        && text.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain
                    .split_once('.')
                    .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
        });
    if valid {
        Ok(())
    } else {
        Err(format!("Adresse e-mail « {text} » invalide."))
    }
}

/// The département of a postcode: its first two digits, three overseas (97x, 98x).
#[must_use]
pub fn departement(postcode: &str) -> Option<&str> {
    let postcode = postcode.trim();
    if postcode.len() != 5 || !postcode.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if postcode.starts_with("97") || postcode.starts_with("98") {
        postcode.get(..3)
    } else {
        postcode.get(..2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Completes 13 digits with the Luhn check digit, so tests build valid SIRETs.
    fn with_key(prefix: &str) -> String {
        (0..10)
            .map(|d| format!("{prefix}{d}"))
            .find(|s| luhn_ok(s))
            .unwrap()
    }

    #[test]
    fn siret_follows_the_luhn_key() {
        let valid = with_key("7328293200007");
        assert_eq!(check_siret(&valid).unwrap(), valid);
        // Spaces as printed on documents are accepted and dropped.
        let spaced = format!(
            "{} {} {} {}",
            &valid[..3],
            &valid[3..6],
            &valid[6..9],
            &valid[9..]
        );
        assert_eq!(check_siret(&spaced).unwrap(), valid);
        // Changing any one digit breaks the key.
        let last = valid.as_bytes()[13] - b'0';
        let wrong = format!("{}{}", &valid[..13], (last + 1) % 10);
        assert!(check_siret(&wrong).unwrap_err().contains("clé de contrôle"));
        assert!(
            check_siret("123")
                .unwrap_err()
                .contains("14 chiffres (ici 3)")
        );
        assert!(
            check_siret("1234567890123A")
                .unwrap_err()
                .contains("que des chiffres")
        );
        assert!(check_siret("  ").unwrap_err().contains("obligatoire"));
    }

    #[test]
    fn la_poste_sirets_use_a_digit_sum_multiple_of_five() {
        // A real establishment of La Poste: its Luhn key is wrong, its digit sum is 45.
        assert!(!luhn_ok("35600000049837"));
        assert_eq!(check_siret("356 000 000 49837").unwrap(), "35600000049837");
        // One more on the last digit: sum 46, refused.
        assert!(check_siret("35600000049838").is_err());
        // The exception is La Poste's alone: another SIREN with a digit sum of 40 and a wrong Luhn
        // key is refused.
        assert!(!luhn_ok("35700000049804"));
        assert!(check_siret("35700000049804").is_err());
    }

    #[test]
    fn la_poste_head_office_siret_is_accepted_by_its_luhn_key() {
        // La Poste's head office: a valid Luhn key, a digit sum (26) not a multiple of 5.
        assert!(luhn_ok("35600000000048"));
        assert_eq!(check_siret("356 000 000 00048").unwrap(), "35600000000048");
    }

    #[test]
    fn siren_luhn_key_is_checked_and_named() {
        // The 14 digits pass the Luhn key; the SIREN 123 456 789 does not.
        assert!(luhn_ok("12345678901237"));
        assert!(!luhn_ok("123456789"));
        let message = check_siret("12345678901237").unwrap_err();
        assert!(message.contains("SIREN 123 456 789"), "{message}");
        // A SIREN with its key and a SIRET with its own still pass.
        assert!(check_siret(&with_key("7328293200007")).is_ok());
    }

    #[test]
    fn ape_codes_are_normalised_and_give_the_division() {
        assert_eq!(normalize_ape("5610a").unwrap(), "56.10A");
        assert_eq!(normalize_ape(" 56.10 A ").unwrap(), "56.10A");
        assert!(normalize_ape("56.1A").unwrap_err().contains("56.10A"));
        assert!(normalize_ape("AB.10C").is_err());
        let company = Company {
            ape: "87.10A".into(),
            ..Company::new()
        };
        assert_eq!(company.naf_division(), Some(87));
        assert_eq!(departement("97411"), Some("974"));
        assert_eq!(departement("94400"), Some("94"));
        assert_eq!(departement("944"), None);
    }

    #[test]
    fn validation_names_each_broken_field_in_french() {
        let mut company = Company {
            siret: with_key("4430618410004"),
            name: "Boulangerie Martin".into(),
            postcode: "94400".into(),
            ..Company::new()
        };
        assert!(company.validate().is_empty());
        company.name.clear();
        company.postcode = "9440".into();
        company.ape = "restaurant".into();
        company.contacts.push(CompanyContact {
            email: "rh@".into(),
            ..CompanyContact::default()
        });
        let mut offer = Offer::new();
        offer.rome_code = Some("Z9999".into());
        offer.positions = 0;
        offer.weekly_hours = Some(60);
        company.offers.push(offer);
        let fields: Vec<CompanyField> = company.validate().iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                CompanyField::Name,
                CompanyField::Ape,
                CompanyField::Postcode,
                CompanyField::ContactEmail(0),
                CompanyField::OfferTitle(0),
                CompanyField::OfferRome(0),
                CompanyField::OfferHours(0),
                CompanyField::OfferPositions(0),
            ]
        );
        assert!(
            company
                .validate()
                .iter()
                .any(|e| e.message == "Le code ROME « Z9999 » n'existe pas.")
        );
    }

    #[test]
    fn only_open_offers_are_open() {
        let mut company = Company::new();
        for status in OfferStatus::ALL {
            company.offers.push(Offer {
                status,
                ..Offer::new()
            });
        }
        let open: Vec<OfferStatus> = company.open_offers().map(|o| o.status).collect();
        assert_eq!(open, [OfferStatus::Open]);
    }

    #[test]
    fn a_company_roundtrips_through_ron() {
        let mut company = Company {
            name: "Hôtel du Parc".into(),
            siret: with_key("4430618410004"),
            ape: "55.10Z".into(),
            town: "Créteil".into(),
            insertion_clauses: true,
            ..Company::new()
        };
        company.contacts.push(CompanyContact {
            name: "Mme Léa Roux".into(),
            role: "Gouvernante".into(),
            phone: "01 02 03 04 05".into(),
            email: "lea.roux@example.fr".into(),
        });
        company.offers.push(Offer {
            title: "Femme / valet de chambre".into(),
            rome_code: Some("G1501".into()),
            schedule: Schedule::Weekend,
            start_date: NaiveDate::from_ymd_opt(2027, 1, 4),
            french_level: CefrLevel::A2,
            required_skills: vec!["Entretien des chambres".into()],
            status: OfferStatus::Filled,
            ..Offer::new()
        });
        let text = ron::ser::to_string_pretty(&company, ron::ser::PrettyConfig::default()).unwrap();
        let back: Company = ron::from_str(&text).unwrap();
        assert_eq!(back, company);
    }
}
