//! The editable form of a record: every typed field kept as text, so that a half-typed date is
//! never lost nor saved, and converted into a [`Beneficiary`] only when all of it is valid.

use crate::model::record::protection::Protection;
use chrono::NaiveDate;

use crate::model::creche::draft::CrecheDraft;
use crate::model::preparation::draft::PreparationDraft;
use crate::model::record::beneficiary::{
    Beneficiary, Child, FamilySituation, PermitKind, ResidencePermit, Sex,
};
use crate::model::record::cefr::CefrLevel;
use crate::model::record::dates::{format_date, parse_date};
use crate::model::record::french_history::{AssessmentSource, FrenchAssessment, latest_level};
use crate::model::record::ids::ChildId;
use crate::model::record::integration::FrenchAbilities;
use crate::model::record::pathway::{
    EntryRoute, Outcome, OutcomeKind, Phase, PhaseStatus, RouteOverride,
};
use crate::model::record::validation::{Field, FieldError, validate};
use crate::model::skills::assessment::Language;
use crate::model::skills::draft::SkillsDraft;

/// A child as edited in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildDraft {
    /// The child's stable identifier (kept across edits).
    pub id: ChildId,
    /// First name.
    pub first_name: String,
    /// Birth date as typed.
    pub birth_date: String,
}

/// A phase as edited in the form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PhaseDraft {
    /// Status.
    pub status: PhaseStatus,
    /// Start date as typed.
    pub started_on: String,
    /// End date as typed.
    pub ended_on: String,
}

/// The closing outcome as edited in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeDraft {
    /// What happened.
    pub kind: OutcomeKind,
    /// Date as typed.
    pub date: String,
    /// Contract length in months as typed (CDD, interim, work-study contracts).
    pub months: String,
}

/// Every editable field of a record, as text where the person types.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)] // Each field mirrors the record field of the same name.
pub struct BeneficiaryDraft {
    pub first_name: String,
    pub last_name: String,
    pub birth_name: String,
    pub birth_date: String,
    pub sex: Sex,
    pub nationality: String,
    pub country_of_origin: String,
    /// Languages spoken besides French, with their levels (edited in "Compétences").
    pub languages: Vec<Language>,
    pub arrival_date: String,
    pub phone: String,
    pub email: String,
    pub street: String,
    pub postcode: String,
    pub town: String,
    /// `None`: no permit recorded.
    pub permit_kind: Option<PermitKind>,
    pub permit_number: String,
    pub permit_issued_on: String,
    pub permit_expires_on: String,
    /// For a récépissé or an API: the title applied for or renewed.
    pub permit_renews: Option<PermitKind>,
    /// For an asylum seeker: a work authorisation granted.
    pub permit_work_authorisation: bool,
    pub cir_signed_on: String,
    pub caf_number: String,
    pub social_security_number: String,
    pub family_situation: FamilySituation,
    pub children: Vec<ChildDraft>,
    /// The summary level as picked; replaced by the lowest ability once abilities are assessed.
    pub french_level: CefrLevel,
    /// French per ability (edited in "Compétences").
    pub french_abilities: FrenchAbilities,
    /// `Some(route)`: the counsellor overrides the route the level calls for.
    pub route_override: Option<EntryRoute>,
    pub route_override_reason: String,
    /// Phases 1, 2 and 3, in order.
    pub phases: [PhaseDraft; 3],
    pub outcome: Option<OutcomeDraft>,
    pub referent: String,
    pub private_notes: String,
    /// Phase 1, edited in the "Compétences" tab.
    pub skills: SkillsDraft,
    /// Phase 2, edited in the "Préparation à l'emploi" tab.
    pub preparation: PreparationDraft,
    /// The Crèche tab: care information, bookings, waiting requests.
    pub creche: CrecheDraft,
    /// Data protection: the person's answers per purpose, overrides, retention decision (no
    /// text to parse: edited as the record holds it).
    pub protection: Protection,
    /// Where a new French level comes from: a change of level adds an assessment of that
    /// source, dated the day it is made, to the history.
    pub french_source: AssessmentSource,
    /// The French level's history as saved (shown, not edited).
    pub french_history: Vec<FrenchAssessment>,
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_default()
}

/// A single-line field as stored: trimmed, with tabs, line breaks and other control
/// characters (pasted from a spreadsheet or an e-mail) turned into spaces.
fn line(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn optional_text(text: &str) -> Option<String> {
    let text = line(text);
    (!text.is_empty()).then_some(text)
}

/// Collects date-parsing errors while the record is rebuilt.
struct Parser {
    errors: Vec<FieldError>,
}

impl Parser {
    fn date(&mut self, field: Field, text: &str) -> Option<NaiveDate> {
        parse_date(text).unwrap_or_else(|message| {
            self.errors.push(FieldError::new(field, message));
            None
        })
    }
}

impl BeneficiaryDraft {
    /// The one French level the route and the 2026 thresholds use: the lowest ability once
    /// any is assessed, else the level picked.
    #[must_use]
    pub fn summary_french_level(&self) -> CefrLevel {
        self.french_abilities.summary().unwrap_or(self.french_level)
    }

    /// Whether the person, as typed, cannot read or write in any language.
    #[must_use]
    pub fn needs_literacy(&self) -> bool {
        crate::model::record::integration::needs_literacy(
            self.french_abilities,
            self.summary_french_level(),
            &self.languages,
        )
    }

    /// The permit as typed so far (dates that do not parse count as unknown), to show its
    /// consequences (right to work) while the form is being filled.
    #[must_use]
    pub fn typed_permit(&self) -> Option<ResidencePermit> {
        let date = |text: &str| crate::model::record::dates::parse_date(text).ok().flatten();
        self.permit_kind.map(|kind| ResidencePermit {
            kind,
            number: None,
            issued_on: date(&self.permit_issued_on),
            expires_on: date(&self.permit_expires_on),
            renews: self.permit_renews.filter(|_| kind.stands_for_another()),
            work_authorisation: self.permit_work_authorisation && kind == PermitKind::AsylumSeeker,
        })
    }

    /// The form filled from a record.
    #[must_use]
    pub fn from_beneficiary(b: &Beneficiary) -> Self {
        let permit = b.administrative.residence_permit.as_ref();
        let phase = |p: Phase| {
            let progress = b.pathway.phases.get(p);
            PhaseDraft {
                status: progress.status,
                started_on: date_text(progress.started_on),
                ended_on: date_text(progress.ended_on),
            }
        };
        Self {
            first_name: b.identity.first_name.clone(),
            last_name: b.identity.last_name.clone(),
            birth_name: b.identity.birth_name.clone(),
            birth_date: date_text(b.identity.birth_date),
            sex: b.identity.sex,
            nationality: b.identity.nationality.clone(),
            country_of_origin: b.identity.country_of_origin.clone(),
            languages: b.identity.languages.clone(),
            arrival_date: date_text(b.identity.arrival_date),
            phone: b.contact.phone.clone(),
            email: b.contact.email.clone(),
            street: b.contact.street.clone(),
            postcode: b.contact.postcode.clone(),
            town: b.contact.town.clone(),
            permit_kind: permit.map(|p| p.kind),
            permit_number: permit.and_then(|p| p.number.clone()).unwrap_or_default(),
            permit_issued_on: date_text(permit.and_then(|p| p.issued_on)),
            permit_expires_on: date_text(permit.and_then(|p| p.expires_on)),
            permit_renews: permit.and_then(|p| p.renews),
            permit_work_authorisation: permit.is_some_and(|p| p.work_authorisation),
            cir_signed_on: date_text(b.administrative.cir_signed_on),
            caf_number: b.administrative.caf_number.clone().unwrap_or_default(),
            social_security_number: b
                .administrative
                .social_security_number
                .clone()
                .unwrap_or_default(),
            family_situation: b.family.situation,
            children: b
                .family
                .children
                .iter()
                .map(|c| ChildDraft {
                    id: c.id,
                    first_name: c.first_name.clone(),
                    birth_date: date_text(c.birth_date),
                })
                .collect(),
            french_level: b.french_level,
            french_abilities: b.french_abilities,
            route_override: b.pathway.route_override.as_ref().map(|o| o.route),
            route_override_reason: b
                .pathway
                .route_override
                .as_ref()
                .map(|o| o.reason.clone())
                .unwrap_or_default(),
            phases: Phase::ALL.map(phase),
            outcome: b.pathway.outcome.as_ref().map(|o| OutcomeDraft {
                kind: o.kind,
                date: format_date(o.date),
                months: o.contract_months.map(|m| m.to_string()).unwrap_or_default(),
            }),
            referent: b.referent.clone(),
            private_notes: b.private_notes.clone(),
            skills: SkillsDraft::from_assessment(&b.skills),
            preparation: PreparationDraft::from_preparation(&b.preparation),
            creche: CrecheDraft::from_family(&b.creche),
            protection: b.protection.clone(),
            french_source: AssessmentSource::default(),
            french_history: b.french_assessments().into_owned(),
        }
    }

    /// Adds an empty child line.
    pub fn add_child(&mut self) {
        self.children.push(ChildDraft {
            id: ChildId::new(),
            first_name: String::new(),
            birth_date: String::new(),
        });
    }

    /// Rebuilds the record from the form, keeping `base`'s identifier and timestamps.
    ///
    /// Returns every problem, each tied to its field, when anything is invalid.
    pub fn to_beneficiary(
        &self,
        base: &Beneficiary,
        today: NaiveDate,
    ) -> Result<Beneficiary, Vec<FieldError>> {
        let mut p = Parser { errors: Vec::new() };
        let mut b = base.clone();

        let identity = &mut b.identity;
        identity.first_name = line(&self.first_name);
        identity.last_name = line(&self.last_name);
        identity.birth_name = line(&self.birth_name);
        identity.birth_date = p.date(Field::BirthDate, &self.birth_date);
        identity.sex = self.sex;
        identity.nationality = line(&self.nationality);
        identity.country_of_origin = line(&self.country_of_origin);
        identity.languages = self
            .languages
            .iter()
            .filter(|l| !line(&l.name).is_empty())
            .map(|l| Language {
                name: line(&l.name),
                ..l.clone()
            })
            .collect();
        identity.arrival_date = p.date(Field::ArrivalDate, &self.arrival_date);

        let contact = &mut b.contact;
        contact.phone = line(&self.phone);
        contact.email = line(&self.email);
        contact.street = line(&self.street);
        contact.postcode = line(&self.postcode);
        contact.town = line(&self.town);

        let issued_on = p.date(Field::PermitIssuedOn, &self.permit_issued_on);
        let expires_on = p.date(Field::PermitExpiresOn, &self.permit_expires_on);
        b.administrative.residence_permit = self.permit_kind.map(|kind| ResidencePermit {
            kind,
            number: optional_text(&self.permit_number),
            issued_on,
            expires_on,
            renews: self.permit_renews.filter(|_| kind.stands_for_another()),
            work_authorisation: self.permit_work_authorisation && kind == PermitKind::AsylumSeeker,
        });
        b.administrative.cir_signed_on = p.date(Field::CirSignedOn, &self.cir_signed_on);
        b.administrative.caf_number = optional_text(&self.caf_number);
        b.administrative.social_security_number = optional_text(&self.social_security_number);

        b.family.situation = self.family_situation;
        b.family.children = self
            .children
            .iter()
            .enumerate()
            .map(|(index, c)| Child {
                id: c.id,
                first_name: line(&c.first_name),
                birth_date: p.date(Field::ChildBirthDate(index), &c.birth_date),
            })
            .collect();

        b.french_abilities = self.french_abilities;
        b.french_level = self.summary_french_level();
        // A change of level adds an assessment, dated today; the earlier ones stay. Rebuilt
        // from the saved record each time, so that trying several levels before saving adds one.
        let saved = base.french_assessments();
        if b.french_level.is_assessed() && latest_level(&saved) != Some(b.french_level) {
            let mut history = saved.into_owned();
            history.push(FrenchAssessment {
                date: today,
                level: b.french_level,
                source: self.french_source,
            });
            b.french_history = history;
        }
        b.pathway.route_override = self.route_override.map(|route| RouteOverride {
            route,
            reason: line(&self.route_override_reason),
        });
        for (phase, draft) in Phase::ALL.into_iter().zip(&self.phases) {
            let started_on = p.date(Field::PhaseStart(phase), &draft.started_on);
            let ended_on = p.date(Field::PhaseEnd(phase), &draft.ended_on);
            let progress = b.pathway.phases.get_mut(phase);
            progress.status = draft.status;
            progress.started_on = started_on;
            progress.ended_on = ended_on;
        }
        b.pathway.outcome = match &self.outcome {
            None => None,
            Some(draft) => {
                let has_length = matches!(draft.kind, OutcomeKind::Employment(c) if c.has_length());
                let months = draft.months.trim();
                let contract_months = if !has_length || months.is_empty() {
                    None
                } else if let Some(m) = months.parse::<u16>().ok().filter(|m| (1..=120).contains(m))
                {
                    Some(m)
                } else {
                    p.errors.push(FieldError::new(
                        Field::OutcomeMonths,
                        "Durée du contrat en mois attendue (de 1 à 120, par exemple 6).",
                    ));
                    None
                };
                if let Some(date) = p.date(Field::OutcomeDate, &draft.date) {
                    Some(Outcome {
                        kind: draft.kind,
                        date,
                        contract_months,
                    })
                } else {
                    if draft.date.trim().is_empty() {
                        p.errors.push(FieldError::new(
                            Field::OutcomeDate,
                            "La date de sortie est obligatoire.",
                        ));
                    }
                    None
                }
            }
        };
        b.referent = line(&self.referent);
        b.private_notes = self.private_notes.trim_end().to_owned();

        let mut errors = p.errors;
        b.skills = self.skills.to_assessment(&mut errors);
        b.preparation = self.preparation.to_preparation(&mut errors);
        b.creche = self.creche.to_family(&mut errors);
        b.protection.clone_from(&self.protection);
        let parsed_fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        errors.extend(
            validate(&b, today)
                .into_iter()
                .filter(|e| !parsed_fields.contains(&e.field)),
        );
        if errors.is_empty() {
            Ok(b)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn a_record_survives_the_form_unchanged() {
        let record = crate::model::demo::demo_beneficiaries(30, today(), 7)
            .into_iter()
            .find(|b| !b.family.children.is_empty() && b.administrative.residence_permit.is_some())
            .expect("demo data has parents with a permit");
        let draft = BeneficiaryDraft::from_beneficiary(&record);
        assert_eq!(draft.to_beneficiary(&record, today()), Ok(record));
    }

    #[test]
    fn a_change_of_french_level_adds_a_dated_assessment() {
        let mut base = Beneficiary::new(
            NaiveDate::from_ymd_opt(2026, 3, 2)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap()
                .and_utc(),
        );
        base.identity.last_name = "Diallo".into();
        base.french_level = CefrLevel::A1;
        let mut draft = BeneficiaryDraft::from_beneficiary(&base);
        assert_eq!(
            draft.french_history.len(),
            1,
            "the level of an older record"
        );
        draft.french_level = CefrLevel::A2;
        draft.french_source = AssessmentSource::Test;
        // Tried first, then changed again before saving: one new entry, the last level.
        draft.french_level = CefrLevel::B1;
        let saved = draft.to_beneficiary(&base, today()).unwrap();
        assert_eq!(saved.french_level, CefrLevel::B1);
        let levels: Vec<(NaiveDate, CefrLevel, AssessmentSource)> = saved
            .french_history
            .iter()
            .map(|a| (a.date, a.level, a.source))
            .collect();
        assert_eq!(
            levels,
            [
                (
                    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
                    CefrLevel::A1,
                    AssessmentSource::Counsellor
                ),
                (today(), CefrLevel::B1, AssessmentSource::Test),
            ]
        );
        // Saved, then the form rebuilt: nothing more is added.
        let again = BeneficiaryDraft::from_beneficiary(&saved);
        assert_eq!(again.to_beneficiary(&saved, today()), Ok(saved));
    }

    #[test]
    fn typed_dates_and_lists_are_parsed() {
        let base = Beneficiary::new(Utc::now());
        let mut draft = BeneficiaryDraft::from_beneficiary(&base);
        draft.last_name = " Çelik ".into();
        draft.birth_date = "03/02/1988".into();
        draft.languages = vec![Language::named(" turc "), Language::named("")];
        let b = draft.to_beneficiary(&base, today()).unwrap();
        assert_eq!(b.identity.last_name, "Çelik");
        assert_eq!(b.identity.birth_date, NaiveDate::from_ymd_opt(1988, 2, 3));
        assert_eq!(b.identity.languages, [Language::named("turc")]);

        // Pasted tabs and line breaks never reach a single-line field.
        draft.first_name = "Ayşe\tNur\n".into();
        let b = draft.to_beneficiary(&base, today()).unwrap();
        assert_eq!(b.identity.first_name, "Ayşe Nur");
    }

    #[test]
    fn errors_name_their_field() {
        let base = Beneficiary::new(Utc::now());
        let mut draft = BeneficiaryDraft::from_beneficiary(&base);
        draft.birth_date = "32/01/1990".into();
        draft.add_child();
        draft.children[0].first_name = "Awa".into();
        draft.children[0].birth_date = "demain".into();
        let errors = draft.to_beneficiary(&base, today()).unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [Field::BirthDate, Field::ChildBirthDate(0), Field::LastName]
        );
    }
}
