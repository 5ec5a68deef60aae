//! Validation rules, each with a French message shown beside the field it concerns.
//!
//! A record with any error is never saved: the store checks again before writing.

use chrono::{Datelike, NaiveDate};

use crate::model::preparation::plan::AdminStepKind;
use crate::model::record::beneficiary::Beneficiary;
use crate::model::record::pathway::Phase;
use crate::model::skills::assessment::{SkillsAssessment, YearMonth};

/// A field of the record form, so that a message can be shown beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// First name.
    FirstName,
    /// Last name.
    LastName,
    /// Birth date.
    BirthDate,
    /// Arrival date in France.
    ArrivalDate,
    /// Phone number.
    Phone,
    /// E-mail address.
    Email,
    /// Postcode.
    Postcode,
    /// Residence-permit issue date.
    PermitIssuedOn,
    /// Residence-permit expiry date.
    PermitExpiresOn,
    /// CIR signature date.
    CirSignedOn,
    /// CAF number.
    CafNumber,
    /// Social-security number.
    SocialSecurityNumber,
    /// A child's first name, by position.
    ChildFirstName(usize),
    /// A child's birth date, by position.
    ChildBirthDate(usize),
    /// The reason for overriding the entry route.
    RouteOverrideReason,
    /// A phase's start date.
    PhaseStart(Phase),
    /// A phase's end date.
    PhaseEnd(Phase),
    /// The outcome date.
    OutcomeDate,
    /// The length of the contract at the outcome, in months.
    OutcomeMonths,
    /// An experience's title, by position.
    ExperienceTitle(usize),
    /// An experience's start, by position.
    ExperienceStart(usize),
    /// An experience's end, by position.
    ExperienceEnd(usize),
    /// A skill's label, by position.
    SkillLabel(usize),
    /// A diploma's title, by position.
    DiplomaTitle(usize),
    /// A diploma's year, by position.
    DiplomaYear(usize),
    /// When a diploma's recognition was requested, by position.
    DiplomaRequestedOn(usize),
    /// When a diploma's recognition was decided, by position.
    DiplomaDecidedOn(usize),
    /// A referral's date, by position.
    ReferralDate(usize),
    /// A project's earliest start, by position.
    ProjectStart(usize),
    /// A project's longest commute, by position.
    ProjectCommute(usize),
    /// An action's due date, by objective and action position.
    ActionDue(usize, usize),
    /// A logged session's date, by position.
    SessionDate(usize),
    /// A logged session's duration, by position.
    SessionDuration(usize),
    /// An administrative step's date.
    AdminStepDate(AdminStepKind),
    /// The examen civique's date.
    CivicExamDate,
    /// A language certificate's date, by position.
    CertificateDate(usize),
    /// The first day of care at the micro-crèche, by position in the Crèche tab's care forms.
    CareStartsOn(usize),
}

impl Field {
    /// The field's French name as the counsellor sees it ("Code postal", "Date de naissance de
    /// l'enfant 2", positions counted from 1 as the form shows them): for the messages that
    /// list fields away from the form (the window's closing dialog) and for `parcours check`'s
    /// report, which prints it in lower case after a file's path.
    #[must_use]
    pub fn form_name(self) -> String {
        let n = |index: usize| index + 1;
        match self {
            Self::FirstName => "Prénom".to_owned(),
            Self::LastName => "Nom".to_owned(),
            Self::BirthDate => "Date de naissance".to_owned(),
            Self::ArrivalDate => "Date d'arrivée en France".to_owned(),
            Self::Phone => "Téléphone".to_owned(),
            Self::Email => "Adresse e-mail".to_owned(),
            Self::Postcode => "Code postal".to_owned(),
            Self::PermitIssuedOn => "Titre de séjour : délivrance".to_owned(),
            Self::PermitExpiresOn => "Titre de séjour : expiration".to_owned(),
            Self::CirSignedOn => "Signature du CIR".to_owned(),
            Self::CafNumber => "Numéro CAF".to_owned(),
            Self::SocialSecurityNumber => "Numéro de sécurité sociale".to_owned(),
            Self::ChildFirstName(i) => format!("Prénom de l'enfant {}", n(i)),
            Self::ChildBirthDate(i) => format!("Date de naissance de l'enfant {}", n(i)),
            Self::RouteOverrideReason => "Motif du choix de parcours".to_owned(),
            Self::PhaseStart(phase) => format!("Début de la phase {}", phase.number()),
            Self::PhaseEnd(phase) => format!("Fin de la phase {}", phase.number()),
            Self::OutcomeDate => "Date de sortie".to_owned(),
            Self::OutcomeMonths => "Durée du contrat (mois)".to_owned(),
            Self::ExperienceTitle(i) => format!("Intitulé (expérience {})", n(i)),
            Self::ExperienceStart(i) => format!("Début (expérience {})", n(i)),
            Self::ExperienceEnd(i) => format!("Fin (expérience {})", n(i)),
            Self::SkillLabel(i) => format!("Compétence {}", n(i)),
            Self::DiplomaTitle(i) => format!("Intitulé (diplôme {})", n(i)),
            Self::DiplomaYear(i) => format!("Année (diplôme {})", n(i)),
            Self::DiplomaRequestedOn(i) => format!("Demande de reconnaissance (diplôme {})", n(i)),
            Self::DiplomaDecidedOn(i) => format!("Réponse (diplôme {})", n(i)),
            Self::ReferralDate(i) => format!("Date (orientation {})", n(i)),
            Self::ProjectStart(i) => format!("Disponibilité (projet {})", n(i)),
            Self::ProjectCommute(i) => format!("Trajet maximal (projet {})", n(i)),
            Self::ActionDue(o, a) => format!("Échéance (objectif {}, action {})", n(o), n(a)),
            Self::SessionDate(i) => format!("Date (entretien {})", n(i)),
            Self::SessionDuration(i) => format!("Durée (entretien {})", n(i)),
            Self::AdminStepDate(kind) => format!("Date ({})", kind.label()),
            Self::CivicExamDate => "Date de l'examen civique".to_owned(),
            Self::CertificateDate(i) => format!("Date (certificat de langue {})", n(i)),
            Self::CareStartsOn(i) => format!("Début de l'accueil (enfant {})", n(i)),
        }
    }
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Which field.
    pub field: Field,
    /// What is wrong, in French, for the counsellor.
    pub message: String,
}

impl FieldError {
    /// Builds an error.
    #[must_use]
    pub fn new(field: Field, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// Every problem with a record, given today's date. Empty when the record may be saved.
#[must_use]
pub fn validate(b: &Beneficiary, today: NaiveDate) -> Vec<FieldError> {
    // An anonymised record has no name on purpose (erasure): nothing left to check.
    if b.protection.anonymised_on.is_some() {
        return Vec::new();
    }
    let mut errors = Vec::new();
    let mut push = |field, message: &str| errors.push(FieldError::new(field, message));
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);

    if b.identity.last_name.trim().is_empty() {
        push(Field::LastName, "Le nom est obligatoire.");
    }
    // Other dates are compared with the birth date only when it is plausible itself.
    let mut birth = b.identity.birth_date;
    if let Some(date) = birth {
        if date > today {
            push(Field::BirthDate, "La date de naissance est dans le futur.");
            birth = None;
        } else if date < earliest {
            push(
                Field::BirthDate,
                "La date de naissance est antérieure à 1900.",
            );
            birth = None;
        }
    }
    if let Some(arrival) = b.identity.arrival_date {
        if arrival > today {
            push(Field::ArrivalDate, "La date d'arrivée est dans le futur.");
        } else if birth.is_some_and(|birth| arrival < birth) {
            push(
                Field::ArrivalDate,
                "La date d'arrivée précède la date de naissance.",
            );
        }
    }

    let phone = b.contact.phone.trim();
    if !phone.is_empty() && !is_plausible_phone(phone) {
        push(
            Field::Phone,
            "Numéro de téléphone invalide (chiffres, espaces, + et points).",
        );
    }
    let email = b.contact.email.trim();
    if !email.is_empty() && !is_plausible_email(email) {
        push(
            Field::Email,
            "Adresse e-mail invalide (exemple : prenom.nom@exemple.fr).",
        );
    }
    let postcode = b.contact.postcode.trim();
    let is_french_postcode = postcode.len() == 5 && postcode.chars().all(|c| c.is_ascii_digit());
    if !(postcode.is_empty() || is_french_postcode) {
        push(Field::Postcode, "Le code postal comporte 5 chiffres.");
    }

    if let Some(permit) = &b.administrative.residence_permit {
        if let (Some(issued), Some(expires)) = (permit.issued_on, permit.expires_on)
            && expires < issued
        {
            push(
                Field::PermitExpiresOn,
                "L'expiration du titre précède sa délivrance.",
            );
        }
        if permit.issued_on.is_some_and(|issued| issued > today) {
            push(
                Field::PermitIssuedOn,
                "La date de délivrance est dans le futur.",
            );
        }
    }
    if let Some(cir) = b.administrative.cir_signed_on {
        if cir > today {
            push(Field::CirSignedOn, "La signature du CIR est dans le futur.");
        } else if birth.is_some_and(|birth| cir < birth) {
            push(
                Field::CirSignedOn,
                "La signature du CIR précède la date de naissance.",
            );
        }
    }
    if let Some(caf) = &b.administrative.caf_number
        && (!(1..=10).contains(&caf.len()) || !caf.chars().all(|c| c.is_ascii_digit()))
    {
        push(
            Field::CafNumber,
            "Le numéro CAF ne comporte que des chiffres (10 au plus).",
        );
    }
    if let Some(nir) = &b.administrative.social_security_number
        && let Err(message) = check_social_security_number(nir)
    {
        push(Field::SocialSecurityNumber, message);
    }

    for (index, child) in b.family.children.iter().enumerate() {
        if child.first_name.trim().is_empty() {
            push(
                Field::ChildFirstName(index),
                "Le prénom de l'enfant est obligatoire.",
            );
        }
        if let Some(child_birth) = child.birth_date {
            if child_birth > today {
                push(
                    Field::ChildBirthDate(index),
                    "La date de naissance est dans le futur.",
                );
            } else if birth.is_some_and(|birth| child_birth <= birth) {
                push(
                    Field::ChildBirthDate(index),
                    "L'enfant ne peut pas être né avant son parent.",
                );
            }
        }
    }

    if let Some(route_override) = &b.pathway.route_override
        && route_override.reason.trim().is_empty()
    {
        push(
            Field::RouteOverrideReason,
            "Indiquez pourquoi le parcours diffère de celui du niveau de français.",
        );
    }
    for phase in Phase::ALL {
        let progress = b.pathway.phases.get(phase);
        if progress.started_on.is_some_and(|d| d > today) {
            push(Field::PhaseStart(phase), "Le début est dans le futur.");
        }
        if let (Some(start), Some(end)) = (progress.started_on, progress.ended_on)
            && end < start
        {
            push(Field::PhaseEnd(phase), "La fin précède le début.");
        }
    }
    validate_skills(&b.skills, today, &mut push);
    if let Some(outcome) = &b.pathway.outcome
        && outcome.date > today
    {
        push(Field::OutcomeDate, "La date de sortie est dans le futur.");
    }
    errors
}

fn validate_skills(
    skills: &SkillsAssessment,
    today: NaiveDate,
    push: &mut impl FnMut(Field, &str),
) {
    let this_month = YearMonth::of(today);
    for (i, e) in skills.experiences.iter().enumerate() {
        if e.title.trim().is_empty() {
            push(Field::ExperienceTitle(i), "L'intitulé est obligatoire.");
        }
        if e.started.is_some_and(|s| s > this_month) {
            push(Field::ExperienceStart(i), "Le début est dans le futur.");
        }
        if let (Some(start), Some(end)) = (e.started, e.ended)
            && end < start
        {
            push(Field::ExperienceEnd(i), "La fin précède le début.");
        }
    }
    for (i, s) in skills.skills.iter().enumerate() {
        if s.label.trim().is_empty() {
            push(Field::SkillLabel(i), "Décrivez la compétence.");
        }
    }
    for (i, d) in skills.diplomas.iter().enumerate() {
        if d.title.trim().is_empty() {
            push(
                Field::DiplomaTitle(i),
                "L'intitulé du diplôme est obligatoire.",
            );
        }
        if d.year.is_some_and(|y| y > today.year()) {
            push(Field::DiplomaYear(i), "L'année est dans le futur.");
        }
        if let (Some(requested), Some(decided)) = (d.requested_on, d.decided_on)
            && decided < requested
        {
            push(Field::DiplomaDecidedOn(i), "La réponse précède la demande.");
        }
        if d.requested_on.is_some_and(|r| r > today) {
            push(
                Field::DiplomaRequestedOn(i),
                "La demande est dans le futur.",
            );
        }
    }
    for (i, r) in skills.fle_referrals.iter().enumerate() {
        if r.referred_on > today {
            push(Field::ReferralDate(i), "L'orientation est dans le futur.");
        }
    }
}

fn is_plausible_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && phone.chars().enumerate().all(|(i, c)| {
            c.is_ascii_digit() || matches!(c, ' ' | '.' | '-') || (c == '+' && i == 0)
        })
}

fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
        && !domain.contains('@')
}

/// The message for a social-security number holding anything but digits (and Corsica's letters):
/// on a French AZERTY keyboard, digits typed without Shift (Caps Lock off) come out as
/// `&é"'(-è_çà`, the likeliest cause.
const NIR_DIGITS_ONLY: &str = "Le numéro de sécurité sociale ne comporte que des chiffres \
     (ou 2A/2B pour la Corse) : le verrouillage majuscules est peut-être désactivé \
     (sur un clavier AZERTY, les chiffres se tapent avec Maj).";

/// Checks a French social-security number (NIR): 13 characters plus a 2-digit key equal to
/// 97 − (number mod 97), with Corsica's `2A`/`2B` département counted as 19/18.
///
/// Works on characters, never on byte offsets of the text as typed: any Unicode input gets a
/// message, never a panic.
fn check_social_security_number(nir: &str) -> Result<(), &'static str> {
    let compact: Vec<char> = nir
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let mut digits = compact;
    // Corsica: 2A counts as 19 and 2B as 18 in the key computation.
    if let Some(departement) = digits.get_mut(5..7) {
        match &*departement {
            ['2', 'A'] => departement.copy_from_slice(&['1', '9']),
            ['2', 'B'] => departement.copy_from_slice(&['1', '8']),
            _ => {}
        }
    }
    if !digits.iter().all(char::is_ascii_digit) {
        return Err(NIR_DIGITS_ONLY);
    }
    if digits.len() != 15 {
        return Err("Le numéro de sécurité sociale comporte 15 caractères (clé comprise).");
    }
    let number = |chars: &[char]| {
        chars
            .iter()
            .filter_map(|c| c.to_digit(10))
            .fold(0u64, |n, d| n * 10 + u64::from(d))
    };
    let (body, key) = digits.split_at(13);
    let (body, key) = (number(body), number(key));
    if 97 - body % 97 == key {
        Ok(())
    } else {
        Err("La clé du numéro de sécurité sociale ne correspond pas : vérifiez la saisie.")
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::model::record::{
        Child, ChildId, EntryRoute, PermitKind, ResidencePermit, RouteOverride,
    };

    use crate::model::record::dates::test_support::d;

    fn today() -> NaiveDate {
        d(2026, 11, 22)
    }

    fn valid() -> Beneficiary {
        let mut b = Beneficiary::new(Utc::now());
        b.identity.last_name = "Nguyễn".into();
        b.identity.birth_date = Some(d(1990, 3, 15));
        b.identity.arrival_date = Some(d(2024, 9, 1));
        b
    }

    fn fields(b: &Beneficiary) -> Vec<Field> {
        validate(b, today()).into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_complete_record_is_valid() {
        assert!(validate(&valid(), today()).is_empty());
    }

    #[test]
    fn last_name_is_required() {
        let mut b = valid();
        b.identity.last_name = "  ".into();
        let errors = validate(&b, today());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, Field::LastName);
        assert_eq!(errors[0].message, "Le nom est obligatoire.");
    }

    #[test]
    fn dates_must_be_plausible() {
        let mut b = valid();
        b.identity.birth_date = Some(d(2027, 1, 1));
        assert_eq!(fields(&b), vec![Field::BirthDate]);
        b.identity.birth_date = Some(d(1899, 12, 31));
        assert_eq!(fields(&b), vec![Field::BirthDate]);
        b.identity.birth_date = Some(d(2000, 1, 1));
        b.identity.arrival_date = Some(d(1999, 1, 1));
        assert_eq!(fields(&b), vec![Field::ArrivalDate]);
    }

    #[test]
    fn permit_cannot_expire_before_it_is_issued() {
        let mut b = valid();
        b.administrative.residence_permit = Some(ResidencePermit {
            kind: PermitKind::Temporary,
            number: None,
            issued_on: Some(d(2025, 6, 1)),
            expires_on: Some(d(2025, 5, 31)),
            ..ResidencePermit::new(PermitKind::Temporary)
        });
        assert_eq!(fields(&b), vec![Field::PermitExpiresOn]);
    }

    #[test]
    fn contact_formats_are_checked() {
        let mut b = valid();
        b.contact.email = "fatou@exemple".into();
        b.contact.postcode = "9400".into();
        b.contact.phone = "06 12 34 56 78".into();
        assert_eq!(fields(&b), vec![Field::Email, Field::Postcode]);
    }

    #[test]
    fn social_security_key_is_checked() {
        let mut b = valid();
        // 1 84 12 76 451 089 with key 46 is a published valid example.
        b.administrative.social_security_number = Some("1 84 12 76 451 089 46".into());
        assert!(fields(&b).is_empty());
        b.administrative.social_security_number = Some("1 84 12 76 451 089 47".into());
        assert_eq!(fields(&b), vec![Field::SocialSecurityNumber]);
        // Corsica: 2A counts as 19 in the key computation.
        assert_eq!(
            check_social_security_number("2 69 05 2A 123 456 88"),
            Ok(())
        );
        assert!(check_social_security_number("2 69 05 2A 123 456 87").is_err());
    }

    #[test]
    fn nir_typed_without_shift_on_azerty_is_refused_without_a_panic() {
        // "184127645108946" typed on AZERTY with Caps Lock off: `&` for 1, `é` for 2…
        for typed in [
            "&(\u{e8}&\u{e9}'\u{e8}(\u{e7}&\u{e0}(_\u{e7}\u{e8}",
            "1 84 12 76 451 089 4\u{e9}",
            "1841276451089\u{e9}",
            "\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}",
            "2 69 05 2\u{e9} 123 456 88",
            "12345\u{e9}A12345678",
            "1 84 12 76 451 089 4\u{301}6",
        ] {
            let mut b = valid();
            b.administrative.social_security_number = Some(typed.to_owned());
            let errors = validate(&b, today());
            assert_eq!(errors.len(), 1, "{typed:?}");
            assert_eq!(errors[0].field, Field::SocialSecurityNumber);
            assert!(
                errors[0].message.contains("que des chiffres")
                    && errors[0].message.contains("verrouillage majuscules"),
                "{typed:?}: {}",
                errors[0].message
            );
        }
        // Letters elsewhere than Corsica's département are not digits either.
        assert_eq!(
            check_social_security_number("1 84 1A 76 451 089 46"),
            Err(NIR_DIGITS_ONLY)
        );
        assert_eq!(
            check_social_security_number("2 69 05 3A 123 456 88"),
            Err(NIR_DIGITS_ONLY)
        );
        assert!(check_social_security_number("2 69 05 2B 123 456 88").is_err());
        assert!(
            check_social_security_number("1 84 12 76 451 089")
                .is_err_and(|m| m.contains("15 caractères"))
        );
    }

    #[test]
    fn children_and_pathway_rules() {
        let mut b = valid();
        b.family.children.push(Child {
            id: ChildId::new(),
            first_name: String::new(),
            birth_date: Some(d(1980, 1, 1)),
        });
        b.pathway.route_override = Some(RouteOverride {
            route: EntryRoute::Valorisation,
            reason: String::new(),
        });
        b.pathway.phases.identification.started_on = Some(d(2025, 3, 1));
        b.pathway.phases.identification.ended_on = Some(d(2025, 2, 1));
        assert_eq!(
            fields(&b),
            vec![
                Field::ChildFirstName(0),
                Field::ChildBirthDate(0),
                Field::RouteOverrideReason,
                Field::PhaseEnd(Phase::Identification),
            ]
        );
    }
}
