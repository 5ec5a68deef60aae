//! A beneficiary's record: identity, contact, administrative situation, family, French level,
//! pathway and the counsellor's private notes.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::companies::application::Application;
use crate::model::creche::{CrecheFamily, CrecheSettings};
use crate::model::preparation::plan::Preparation;
use crate::model::record::cefr::CefrLevel;
use crate::model::record::french_history::FrenchAssessment;
use crate::model::record::ids::{BeneficiaryId, ChildId};
use crate::model::record::integration::FrenchAbilities;
use crate::model::record::pathway::{EntryRoute, Pathway, Stage};
use crate::model::record::protection::Protection;
use crate::model::skills::assessment::{Language, SkillsAssessment};

/// Sex as stated on the person's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Sex {
    /// Not stated.
    #[default]
    Unspecified,
    /// Female.
    Female,
    /// Male.
    Male,
}

impl Sex {
    /// Every value, for pickers.
    pub const ALL: [Self; 3] = [Self::Unspecified, Self::Female, Self::Male];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Unspecified => "Non précisé",
            Self::Female => "Femme",
            Self::Male => "Homme",
        }
    }
}

/// Who the person is.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Identity {
    /// First name(s).
    pub first_name: String,
    /// Last name (required).
    pub last_name: String,
    /// Birth name, when it differs from the last name.
    pub birth_name: String,
    /// Date of birth.
    pub birth_date: Option<NaiveDate>,
    /// Sex.
    pub sex: Sex,
    /// Nationality.
    pub nationality: String,
    /// Country the person comes from.
    pub country_of_origin: String,
    /// Languages spoken, besides French (whose level is recorded on its own as
    /// `Beneficiary::french_level`, since it sets the entry route).
    pub languages: Vec<Language>,
    /// Date of arrival in France.
    pub arrival_date: Option<NaiveDate>,
}

/// How to reach the person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    /// Phone number, as given.
    pub phone: String,
    /// E-mail address.
    pub email: String,
    /// Street address.
    pub street: String,
    /// French postcode (5 digits).
    pub postcode: String,
    /// Town.
    pub town: String,
}

/// Kind of residence permit held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PermitKind {
    /// Receipt of an application (récépissé).
    Receipt,
    /// Attestation de prolongation d'instruction (API): what ANEF issues while a renewal
    /// filed in time is examined; it extends the rights of the title being renewed.
    ProlongationAttestation,
    /// Asylum seeker's certificate.
    AsylumSeeker,
    /// Long-stay visa worth a residence permit (VLS-TS), the first year's title.
    LongStayVisa,
    /// Temporary residence card (1 year).
    Temporary,
    /// Multi-year residence card.
    MultiYear,
    /// Resident card (10 years).
    Resident,
    /// Refugee: resident card (10 years).
    Refugee,
    /// Subsidiary protection: multi-year card (4 years).
    SubsidiaryProtection,
    /// "Refugee or subsidiary protection", as files before format 5 recorded it: kept so they
    /// load, shown as to be specified, no longer offered.
    Protection,
    /// Temporary protection (e.g. displaced from Ukraine).
    TemporaryProtection,
    /// Certificat de résidence algérien (Franco-Algerian agreement of 1968).
    AlgerianCertificate,
    /// Any other document.
    Other,
}

impl PermitKind {
    /// Every kind offered in pickers (the legacy [`Self::Protection`] is not).
    pub const ALL: [Self; 12] = [
        Self::Receipt,
        Self::ProlongationAttestation,
        Self::AsylumSeeker,
        Self::LongStayVisa,
        Self::Temporary,
        Self::MultiYear,
        Self::Resident,
        Self::Refugee,
        Self::SubsidiaryProtection,
        Self::TemporaryProtection,
        Self::AlgerianCertificate,
        Self::Other,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Receipt => "Récépissé",
            Self::ProlongationAttestation => "Attestation de prolongation d'instruction (API)",
            Self::AsylumSeeker => "Attestation de demande d'asile",
            Self::LongStayVisa => "Visa long séjour valant titre de séjour (VLS-TS)",
            Self::Temporary => "Carte de séjour temporaire",
            Self::MultiYear => "Carte de séjour pluriannuelle",
            Self::Resident => "Carte de résident",
            Self::Refugee => "Réfugié (carte de résident)",
            Self::SubsidiaryProtection => "Protection subsidiaire (carte pluriannuelle)",
            Self::Protection => "Réfugié ou protection subsidiaire (à préciser)",
            Self::TemporaryProtection => "Protection temporaire",
            Self::AlgerianCertificate => "Certificat de résidence algérien",
            Self::Other => "Autre titre",
        }
    }

    /// Whether the document only covers the time an application is examined (récépissé, API,
    /// asylum seeker's certificate): it is extended, not renewed on ANEF.
    #[must_use]
    pub const fn is_provisional(self) -> bool {
        matches!(
            self,
            Self::Receipt | Self::ProlongationAttestation | Self::AsylumSeeker
        )
    }

    /// Whether the document stands for another title under examination (récépissé, API), whose
    /// kind then says what the person may do.
    #[must_use]
    pub const fn stands_for_another(self) -> bool {
        matches!(self, Self::Receipt | Self::ProlongationAttestation)
    }
}

/// A residence permit (the number is confidential).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResidencePermit {
    /// Kind of document.
    pub kind: PermitKind,
    /// Document number (confidential: never printed unless asked).
    #[serde(default)]
    pub number: Option<String>,
    /// Issue date (for an asylum seeker's certificate: the day the application was
    /// introduced at OFPRA, from which the six months of L.554-1 CESEDA run).
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
    /// Expiry date.
    #[serde(default)]
    pub expires_on: Option<NaiveDate>,
    /// For a récépissé or an API: the kind of title being applied for or renewed (`None`: not
    /// said, or a first application). It decides the right to work meanwhile.
    #[serde(default)]
    pub renews: Option<PermitKind>,
    /// For an asylum seeker: a work authorisation has been granted (L.554-1 CESEDA).
    #[serde(default)]
    pub work_authorisation: bool,
}

impl ResidencePermit {
    /// A permit of that kind with nothing else known.
    #[must_use]
    pub const fn new(kind: PermitKind) -> Self {
        Self {
            kind,
            number: None,
            issued_on: None,
            expires_on: None,
            renews: None,
            work_authorisation: false,
        }
    }
}

/// Administrative situation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Administrative {
    /// Residence permit, when one is held.
    pub residence_permit: Option<ResidencePermit>,
    /// When the republican integration contract (CIR) was signed with OFII.
    pub cir_signed_on: Option<NaiveDate>,
    /// CAF beneficiary number.
    pub caf_number: Option<String>,
    /// Social-security number (NIR, 15 characters with its key; confidential).
    pub social_security_number: Option<String>,
}

/// Family situation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum FamilySituation {
    /// Not stated.
    #[default]
    Unspecified,
    /// Single.
    Single,
    /// Married.
    Married,
    /// Civil partnership (PACS).
    CivilPartnership,
    /// Living together.
    Cohabiting,
    /// Separated.
    Separated,
    /// Divorced.
    Divorced,
    /// Widowed.
    Widowed,
}

impl FamilySituation {
    /// Every value, for pickers.
    pub const ALL: [Self; 8] = [
        Self::Unspecified,
        Self::Single,
        Self::Married,
        Self::CivilPartnership,
        Self::Cohabiting,
        Self::Separated,
        Self::Divorced,
        Self::Widowed,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Unspecified => "Non précisée",
            Self::Single => "Célibataire",
            Self::Married => "Marié·e",
            Self::CivilPartnership => "Pacsé·e",
            Self::Cohabiting => "En concubinage",
            Self::Separated => "Séparé·e",
            Self::Divorced => "Divorcé·e",
            Self::Widowed => "Veuf / veuve",
        }
    }
}

/// A child of the beneficiary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Child {
    /// Stable identifier (bookings point at it).
    pub id: ChildId,
    /// First name.
    #[serde(default)]
    pub first_name: String,
    /// Date of birth.
    #[serde(default)]
    pub birth_date: Option<NaiveDate>,
}

/// Whether a child's age fits the micro-crèche on a given day (by default from 3 months to the
/// school year after the third birthday: see `CrecheSettings::age_on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrecheAge {
    /// Birth date unknown.
    Unknown,
    /// Too young: eligible from that date.
    TooYoung {
        /// First eligible day.
        from: NaiveDate,
    },
    /// Eligible until that date included (the day before school entry, or the third birthday).
    Eligible {
        /// Last eligible day.
        until: NaiveDate,
    },
    /// Past the last day.
    TooOld,
}

impl Child {
    /// Youngest age admitted by the micro-crèche, in months.
    pub const CRECHE_MIN_MONTHS: u32 = 3;
    /// Oldest age admitted by the micro-crèche, in months.
    pub const CRECHE_MAX_MONTHS: u32 = 36;

    /// Whether the child's age fits the micro-crèche on `day`, under the crèche's settings
    /// (its youngest age, its oldest age and whether children leave on that birthday or at
    /// school entry).
    #[must_use]
    pub fn creche_age(&self, settings: &CrecheSettings, day: NaiveDate) -> CrecheAge {
        settings.age_on(self.birth_date, day)
    }
}

/// Family.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Family {
    /// Situation.
    pub situation: FamilySituation,
    /// Children.
    pub children: Vec<Child>,
}

/// One beneficiary's whole record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Beneficiary {
    /// Unique identifier; also the file name.
    pub id: BeneficiaryId,
    /// Identity.
    #[serde(default)]
    pub identity: Identity,
    /// Contact details.
    #[serde(default)]
    pub contact: Contact,
    /// Administrative situation.
    #[serde(default)]
    pub administrative: Administrative,
    /// Family.
    #[serde(default)]
    pub family: Family,
    /// Level in French; sets the entry route. When abilities are assessed, the lowest of them
    /// (see [`FrenchAbilities::summary`]).
    #[serde(default)]
    pub french_level: CefrLevel,
    /// Level in French per ability (absent from files before format 5: none assessed).
    #[serde(default)]
    pub french_abilities: FrenchAbilities,
    /// The pathway through the programme.
    #[serde(default)]
    pub pathway: Pathway,
    /// Phase 1: experiences, skills, diplomas, orientation…
    #[serde(default)]
    pub skills: SkillsAssessment,
    /// Referent counsellor.
    #[serde(default)]
    pub referent: String,
    /// Counsellor's private notes (confidential: never printed unless asked).
    #[serde(default)]
    pub private_notes: String,
    /// When the record was created.
    pub created_at: DateTime<Utc>,
    /// When the record was last changed.
    pub updated_at: DateTime<Utc>,
    /// Phase 2: projects, action plan, sessions, administrative steps (absent from files
    /// written before format 4: empty).
    #[serde(default)]
    pub preparation: Preparation,
    /// Micro-crèche: the children's care information, bookings and waiting requests.
    #[serde(default)]
    pub creche: CrecheFamily,
    /// Phase 3: applications to offers and companies, with their history (absent from files
    /// written before format 4: none).
    #[serde(default)]
    pub applications: Vec<Application>,
    /// Data protection: the person's answers per purpose, a decision to keep the record past
    /// the retention period (absent from files written before format 6: none).
    #[serde(default)]
    pub protection: Protection,
    /// The French level's dated assessments, in the order entered; `french_level` is the
    /// latest (absent from files before format 7: read as the current level dated at the
    /// record's creation, see [`Beneficiary::french_assessments`]).
    #[serde(default)]
    pub french_history: Vec<FrenchAssessment>,
}

impl Beneficiary {
    /// An empty record with a fresh identifier.
    #[must_use]
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            id: BeneficiaryId::new(),
            identity: Identity::default(),
            contact: Contact::default(),
            administrative: Administrative::default(),
            family: Family::default(),
            french_level: CefrLevel::default(),
            french_abilities: FrenchAbilities::default(),
            pathway: Pathway::default(),
            skills: SkillsAssessment::default(),
            referent: String::new(),
            private_notes: String::new(),
            created_at: now,
            updated_at: now,
            preparation: Preparation::default(),
            creche: CrecheFamily::default(),
            applications: Vec::new(),
            protection: Protection::default(),
            french_history: Vec::new(),
        }
    }

    /// "First Last", or whichever part exists.
    #[must_use]
    pub fn display_name(&self) -> String {
        let first = self.identity.first_name.trim();
        let last = self.identity.last_name.trim();
        match (first.is_empty(), last.is_empty()) {
            (true, true) => "(sans nom)".to_owned(),
            (true, false) => last.to_owned(),
            (false, true) => first.to_owned(),
            (false, false) => format!("{first} {last}"),
        }
    }

    /// The entry route: the counsellor's override when there is one, otherwise the one the
    /// French level calls for (`None` while the level is not assessed).
    #[must_use]
    pub fn entry_route(&self) -> Option<EntryRoute> {
        self.pathway
            .route_override
            .as_ref()
            .map(|o| o.route)
            .or_else(|| EntryRoute::for_level(self.french_level))
    }

    /// Whether the person cannot read or write in any language: French written abilities (or
    /// the summary level) at A0, and no other language written above A0. Such a person is
    /// oriented to literacy courses (alphabétisation), not to French as a foreign language.
    #[must_use]
    pub fn needs_literacy(&self) -> bool {
        crate::model::record::integration::needs_literacy(
            self.french_abilities,
            self.french_level,
            &self.identity.languages,
        )
    }

    /// The French label of the entry route ("À déterminer" while the level is not assessed).
    #[must_use]
    pub fn entry_route_label(&self) -> &'static str {
        self.entry_route().map_or("À déterminer", EntryRoute::label)
    }

    /// Where the person stands in the programme.
    #[must_use]
    pub fn stage(&self) -> Stage {
        self.pathway.stage()
    }

    /// Text that the list search looks in: names and birth name.
    #[must_use]
    pub fn search_text(&self) -> String {
        let i = &self.identity;
        format!("{} {} {}", i.first_name, i.last_name, i.birth_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::pathway::RouteOverride;

    fn person(level: CefrLevel) -> Beneficiary {
        let mut b = Beneficiary::new(Utc::now());
        b.identity.last_name = "Diallo".into();
        b.french_level = level;
        b
    }

    #[test]
    fn override_wins_over_the_level() {
        let mut b = person(CefrLevel::A2);
        assert_eq!(b.entry_route(), Some(EntryRoute::FrenchFirst));
        b.pathway.route_override = Some(RouteOverride {
            route: EntryRoute::Valorisation,
            reason: "Diplômée infirmière, FLE en parallèle".into(),
        });
        assert_eq!(b.entry_route(), Some(EntryRoute::Valorisation));
        assert_eq!(
            person(CefrLevel::NotAssessed).entry_route_label(),
            "À déterminer"
        );
    }

    #[test]
    fn creche_age_follows_the_creche_settings_upper_age_rule() {
        use crate::model::creche::UpperAgeRule;
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let child = Child {
            id: ChildId::new(),
            first_name: "Awa".into(),
            birth_date: Some(d(2024, 1, 15)),
        };
        let birthday = CrecheSettings {
            upper_age_rule: UpperAgeRule::Birthday,
            ..CrecheSettings::default()
        };
        assert_eq!(
            child.creche_age(&birthday, d(2024, 4, 14)),
            CrecheAge::TooYoung {
                from: d(2024, 4, 15)
            }
        );
        assert_eq!(
            child.creche_age(&birthday, d(2024, 4, 15)),
            CrecheAge::Eligible {
                until: d(2027, 1, 15)
            }
        );
        assert_eq!(
            child.creche_age(&birthday, d(2027, 1, 16)),
            CrecheAge::TooOld
        );
        // By default the child stays until school entry, the September after the birthday.
        let school = CrecheSettings::default();
        assert_eq!(school.upper_age_rule, UpperAgeRule::SchoolEntry);
        assert_eq!(
            child.creche_age(&school, d(2027, 1, 16)),
            CrecheAge::Eligible {
                until: d(2027, 8, 31)
            }
        );
        assert_eq!(child.creche_age(&school, d(2027, 9, 1)), CrecheAge::TooOld);
        // Born in September: the third birthday falls after the school year has started, so
        // the child waits for the next one.
        let september = Child {
            birth_date: Some(d(2024, 9, 1)),
            ..child.clone()
        };
        assert_eq!(
            september.creche_age(&school, d(2027, 9, 2)),
            CrecheAge::Eligible {
                until: d(2028, 8, 31)
            }
        );
        let august = Child {
            birth_date: Some(d(2024, 8, 31)),
            ..child
        };
        assert_eq!(
            august.creche_age(&school, d(2027, 8, 31)),
            CrecheAge::Eligible {
                until: d(2027, 8, 31)
            }
        );
    }

    #[test]
    fn display_name_handles_missing_parts() {
        let mut b = person(CefrLevel::B1);
        assert_eq!(b.display_name(), "Diallo");
        b.identity.first_name = " Fatoumata ".into();
        assert_eq!(b.display_name(), "Fatoumata Diallo");
    }
}
