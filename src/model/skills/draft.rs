//! The "Compétences" form: phase-1 data as edited, with typed dates and years kept as text
//! until they parse.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::model::record::dates::{format_date, parse_date};
use crate::model::record::ids::PartnerId;
use crate::model::record::validation::{Field, FieldError};
use crate::model::skills::assessment::{
    AreaAssessment, Diploma, Experience, ExperienceKind, FleReferral, LifeArea, Recognition,
    ReferralOutcome, Skill, SkillsAssessment, TransversalRating, TransversalSkill, YearMonth,
};

/// An experience as edited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)] // Mirrors `Experience`.
pub struct ExperienceDraft {
    pub kind: ExperienceKind,
    pub title: String,
    pub country: String,
    pub employer: String,
    /// Start as typed (MM/AAAA or AAAA).
    pub started: String,
    /// End as typed.
    pub ended: String,
    pub ongoing: bool,
    pub description: String,
    pub rome_code: Option<String>,
}

/// A diploma as edited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)] // Mirrors `Diploma`.
pub struct DiplomaDraft {
    pub title: String,
    pub country: String,
    /// Year as typed.
    pub year: String,
    pub eqf_level: Option<u8>,
    pub field: String,
    pub recognition: Recognition,
    /// Date as typed (JJ/MM/AAAA).
    pub requested_on: String,
    /// Date as typed (JJ/MM/AAAA).
    pub decided_on: String,
    pub has_original: bool,
    pub has_certified_translation: bool,
}

/// A referral to a French-course partner as edited.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // Mirrors `FleReferral`.
pub struct ReferralDraft {
    pub partner: PartnerId,
    pub partner_name: String,
    /// Date as typed (JJ/MM/AAAA).
    pub referred_on: String,
    pub outcome: ReferralOutcome,
    pub note: String,
}

/// Phase-1 data as edited.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)] // Mirrors `SkillsAssessment`.
pub struct SkillsDraft {
    pub experiences: Vec<ExperienceDraft>,
    pub skills: Vec<Skill>,
    pub diplomas: Vec<DiplomaDraft>,
    pub transversal: BTreeMap<TransversalSkill, TransversalRating>,
    pub life_areas: BTreeMap<LifeArea, AreaAssessment>,
    pub referrals: Vec<ReferralDraft>,
    pub target_occupations: Vec<String>,
}

fn text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl SkillsDraft {
    /// The form filled from the record's phase-1 data.
    #[must_use]
    pub fn from_assessment(a: &SkillsAssessment) -> Self {
        Self {
            experiences: a
                .experiences
                .iter()
                .map(|e| ExperienceDraft {
                    kind: e.kind,
                    title: e.title.clone(),
                    country: e.country.clone(),
                    employer: e.employer.clone(),
                    started: text(e.started),
                    ended: text(e.ended),
                    ongoing: e.ongoing,
                    description: e.description.clone(),
                    rome_code: e.rome_code.clone(),
                })
                .collect(),
            skills: a.skills.clone(),
            diplomas: a
                .diplomas
                .iter()
                .map(|d| DiplomaDraft {
                    title: d.title.clone(),
                    country: d.country.clone(),
                    year: text(d.year),
                    eqf_level: d.eqf_level,
                    field: d.field.clone(),
                    recognition: d.recognition,
                    requested_on: d.requested_on.map(format_date).unwrap_or_default(),
                    decided_on: d.decided_on.map(format_date).unwrap_or_default(),
                    has_original: d.has_original,
                    has_certified_translation: d.has_certified_translation,
                })
                .collect(),
            transversal: a.transversal.clone(),
            life_areas: a.life_areas.clone(),
            referrals: a
                .fle_referrals
                .iter()
                .map(|r| ReferralDraft {
                    partner: r.partner,
                    partner_name: r.partner_name.clone(),
                    referred_on: format_date(r.referred_on),
                    outcome: r.outcome,
                    note: r.note.clone(),
                })
                .collect(),
            target_occupations: a.target_occupations.clone(),
        }
    }

    /// Parses the form into phase-1 data, pushing every typing error (tied to its field) into
    /// `errors`; fields that do not parse are left empty in the result.
    pub fn to_assessment(&self, errors: &mut Vec<FieldError>) -> SkillsAssessment {
        let experiences = self
            .experiences
            .iter()
            .enumerate()
            .map(|(i, e)| Experience {
                kind: e.kind,
                title: e.title.trim().to_owned(),
                country: e.country.trim().to_owned(),
                employer: e.employer.trim().to_owned(),
                started: parsed(
                    YearMonth::parse(&e.started),
                    Field::ExperienceStart(i),
                    errors,
                ),
                ended: if e.ongoing {
                    None
                } else {
                    parsed(YearMonth::parse(&e.ended), Field::ExperienceEnd(i), errors)
                },
                ongoing: e.ongoing,
                description: e.description.trim_end().to_owned(),
                rome_code: e.rome_code.clone(),
            })
            .collect();
        let mut diplomas = Vec::with_capacity(self.diplomas.len());
        for (i, d) in self.diplomas.iter().enumerate() {
            diplomas.push(Diploma {
                title: d.title.trim().to_owned(),
                country: d.country.trim().to_owned(),
                year: None,
                eqf_level: d.eqf_level,
                field: d.field.trim().to_owned(),
                recognition: d.recognition,
                requested_on: parsed(
                    parse_date(&d.requested_on),
                    Field::DiplomaRequestedOn(i),
                    errors,
                ),
                decided_on: parsed(
                    parse_date(&d.decided_on),
                    Field::DiplomaDecidedOn(i),
                    errors,
                ),
                has_original: d.has_original,
                has_certified_translation: d.has_certified_translation,
            });
        }
        let mut fle_referrals = Vec::with_capacity(self.referrals.len());
        for (i, r) in self.referrals.iter().enumerate() {
            match parsed(parse_date(&r.referred_on), Field::ReferralDate(i), errors) {
                Some(referred_on) => fle_referrals.push(FleReferral {
                    partner: r.partner,
                    partner_name: r.partner_name.clone(),
                    referred_on,
                    outcome: r.outcome,
                    note: r.note.trim().to_owned(),
                }),
                None if r.referred_on.trim().is_empty() => errors.push(FieldError::new(
                    Field::ReferralDate(i),
                    "La date d'orientation est obligatoire.",
                )),
                None => {}
            }
        }
        for (i, (draft, diploma)) in self.diplomas.iter().zip(&mut diplomas).enumerate() {
            let year = draft.year.trim();
            if year.is_empty() {
                continue;
            }
            match year.parse::<i32>() {
                Ok(y) if (1900..=2100).contains(&y) => diploma.year = Some(y),
                _ => errors.push(FieldError::new(
                    Field::DiplomaYear(i),
                    "Année sur 4 chiffres attendue.",
                )),
            }
        }
        SkillsAssessment {
            experiences,
            skills: self
                .skills
                .iter()
                .map(|s| Skill {
                    label: s.label.trim().to_owned(),
                    acquired_in: s.acquired_in.trim().to_owned(),
                    ..s.clone()
                })
                .collect(),
            diplomas,
            transversal: self.transversal.clone(),
            life_areas: self.life_areas.clone(),
            fle_referrals,
            target_occupations: self.target_occupations.clone(),
        }
    }
}

/// The parsed value, or `None` with the message pushed into `errors`.
fn parsed<T>(
    result: Result<Option<T>, String>,
    field: Field,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    result.unwrap_or_else(|message| {
        errors.push(FieldError::new(field, message));
        None
    })
}

/// A referral drafted today to `partner`.
#[must_use]
pub fn new_referral(partner: PartnerId, partner_name: &str, today: NaiveDate) -> ReferralDraft {
    ReferralDraft {
        partner,
        partner_name: partner_name.to_owned(),
        referred_on: format_date(today),
        outcome: ReferralOutcome::Pending,
        note: String::new(),
    }
}
