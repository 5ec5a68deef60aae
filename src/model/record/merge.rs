//! Two versions of the same record — what a file-sync tool leaves as a conflict copy when two
//! laptops edited one pathway — compared part by part and merged by the counsellor's choices.

use chrono::{DateTime, Utc};

use crate::model::record::beneficiary::Beneficiary;
use crate::model::record::dates::format_date;
use crate::model::record::protection::Protection;

/// A part of a record that the counsellor takes from one version or the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordPart {
    /// First, last and birth names.
    Names,
    /// Birth date and sex.
    Birth,
    /// Nationality and country of origin.
    Origin,
    /// Languages spoken.
    Languages,
    /// Arrival date in France.
    Arrival,
    /// Phone, e-mail, address.
    Contact,
    /// Residence permit, CIR, CAF, social security.
    Administrative,
    /// Family situation and children.
    Family,
    /// French level.
    FrenchLevel,
    /// Entry route override, phases, outcome.
    Pathway,
    /// Phase-1 data.
    Skills,
    /// Referent counsellor.
    Referent,
    /// Private notes.
    PrivateNotes,
    /// Phase-2 data (projects, action plan, sessions, administrative steps).
    Preparation,
    /// Micro-crèche: care information, bookings, waiting requests.
    Creche,
    /// Phase 3: applications to offers and companies.
    Applications,
}

/// Which version a part is taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    /// The version loaded (the file named after the record).
    #[default]
    Kept,
    /// The other copy.
    Other,
}

impl RecordPart {
    /// Every part, in the order of the form.
    pub const ALL: [Self; 16] = [
        Self::Names,
        Self::Birth,
        Self::Origin,
        Self::Languages,
        Self::Arrival,
        Self::Contact,
        Self::Administrative,
        Self::Family,
        Self::FrenchLevel,
        Self::Pathway,
        Self::Skills,
        Self::Referent,
        Self::PrivateNotes,
        Self::Preparation,
        Self::Creche,
        Self::Applications,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Names => "Noms",
            Self::Birth => "Naissance",
            Self::Origin => "Nationalité et pays d'origine",
            Self::Languages => "Langues",
            Self::Arrival => "Arrivée en France",
            Self::Contact => "Coordonnées",
            Self::Administrative => "Situation administrative",
            Self::Family => "Famille",
            Self::FrenchLevel => "Niveau de français",
            Self::Pathway => "Parcours (phases, sortie)",
            Self::Skills => "Compétences (phase 1)",
            Self::Referent => "Conseiller·ère référent·e",
            Self::PrivateNotes => "Notes privées",
            Self::Preparation => "Préparation à l'emploi (phase 2)",
            Self::Creche => "Micro-crèche",
            Self::Applications => "Candidatures (phase 3)",
        }
    }

    /// Whether two versions differ in this part.
    #[must_use]
    pub fn differs(self, a: &Beneficiary, b: &Beneficiary) -> bool {
        let mut merged = a.clone();
        self.copy(b, &mut merged);
        merged != *a
    }

    /// Copies this part of `from` into `to`.
    fn copy(self, from: &Beneficiary, to: &mut Beneficiary) {
        let (f, t) = (&from.identity, &mut to.identity);
        match self {
            Self::Names => {
                t.first_name.clone_from(&f.first_name);
                t.last_name.clone_from(&f.last_name);
                t.birth_name.clone_from(&f.birth_name);
            }
            Self::Birth => {
                t.birth_date = f.birth_date;
                t.sex = f.sex;
            }
            Self::Origin => {
                t.nationality.clone_from(&f.nationality);
                t.country_of_origin.clone_from(&f.country_of_origin);
            }
            Self::Languages => t.languages.clone_from(&f.languages),
            Self::Arrival => t.arrival_date = f.arrival_date,
            Self::Contact => to.contact.clone_from(&from.contact),
            Self::Administrative => to.administrative.clone_from(&from.administrative),
            Self::Family => to.family.clone_from(&from.family),
            Self::FrenchLevel => {
                to.french_level = from.french_level;
                to.french_abilities = from.french_abilities;
                to.french_history = from.french_history.clone();
            }
            Self::Pathway => to.pathway.clone_from(&from.pathway),
            Self::Skills => to.skills.clone_from(&from.skills),
            Self::Referent => to.referent.clone_from(&from.referent),
            Self::PrivateNotes => to.private_notes.clone_from(&from.private_notes),
            Self::Preparation => to.preparation.clone_from(&from.preparation),
            Self::Creche => to.creche.clone_from(&from.creche),
            Self::Applications => to.applications.clone_from(&from.applications),
        }
    }

    /// A short French description of this part of a record, to compare two versions.
    #[must_use]
    pub fn summary(self, b: &Beneficiary) -> String {
        let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "—".to_owned(), format_date);
        let i = &b.identity;
        match self {
            Self::Names => {
                let birth = if i.birth_name.is_empty() {
                    String::new()
                } else {
                    format!(" (née {})", i.birth_name)
                };
                format!("{}{birth}", b.display_name())
            }
            Self::Birth => format!("{}, {}", date(i.birth_date), i.sex.label()),
            Self::Origin => format!("{} — {}", i.nationality, i.country_of_origin),
            Self::Languages => i
                .languages
                .iter()
                .map(|l| format!("{} ({})", l.name, l.speaking.label()))
                .collect::<Vec<_>>()
                .join(", "),
            Self::Arrival => date(i.arrival_date),
            Self::Contact => {
                let c = &b.contact;
                format!(
                    "{} · {} · {} {} {}",
                    c.phone, c.email, c.street, c.postcode, c.town
                )
            }
            Self::Administrative => {
                let a = &b.administrative;
                let permit = a.residence_permit.as_ref().map_or_else(
                    || "pas de titre".to_owned(),
                    |p| format!("{} jusqu'au {}", p.kind.label(), date(p.expires_on)),
                );
                format!("{permit} · CIR {}", date(a.cir_signed_on))
            }
            Self::Family => {
                let children: Vec<&str> = b
                    .family
                    .children
                    .iter()
                    .map(|c| c.first_name.as_str())
                    .collect();
                if children.is_empty() {
                    format!("{} · aucun enfant", b.family.situation.label())
                } else {
                    format!(
                        "{} · enfants : {}",
                        b.family.situation.label(),
                        children.join(", ")
                    )
                }
            }
            Self::FrenchLevel => b.french_level.label().to_owned(),
            Self::Pathway => b.stage().label(),
            Self::Skills => {
                let s = &b.skills;
                format!(
                    "{} expérience(s), {} compétence(s), {} diplôme(s), {} orientation(s)",
                    s.experiences.len(),
                    s.skills.len(),
                    s.diplomas.len(),
                    s.fle_referrals.len()
                )
            }
            Self::Referent => b.referent.clone(),
            Self::PrivateNotes => b.private_notes.chars().take(80).collect(),
            Self::Preparation => {
                let p = &b.preparation;
                let objectives: usize = p.objectives.iter().map(|o| o.actions.len()).sum();
                format!(
                    "{} projet(s), {} action(s), {} séance(s), {} démarche(s) renseignée(s)",
                    p.projects.len(),
                    objectives,
                    p.sessions.len(),
                    p.admin_steps.len()
                )
            }
            Self::Creche => format!(
                "{} réservation(s), {} demande(s) en attente",
                b.creche.bookings.len(),
                b.creche.waiting.len()
            ),
            Self::Applications => format!("{} candidature(s)", b.applications.len()),
        }
    }
}

/// The record made of `kept`, with the parts chosen from `other`; stamped `now`.
#[must_use]
pub fn merge(
    kept: &Beneficiary,
    other: &Beneficiary,
    choose: impl Fn(RecordPart) -> Side,
    now: DateTime<Utc>,
) -> Beneficiary {
    let mut merged = kept.clone();
    for part in RecordPart::ALL {
        if choose(part) == Side::Other {
            part.copy(other, &mut merged);
        }
    }
    merged.protection = merge_protection(&kept.protection, &other.protection);
    merged.created_at = kept.created_at.min(other.created_at);
    merged.updated_at = now;
    merged
}

/// The data-protection part of two versions, whatever part was chosen: an answer or an
/// override recorded on either laptop is never lost (the union of both histories, each entry
/// once); the longer retention extension and the earlier anonymisation hold.
fn merge_protection(kept: &Protection, other: &Protection) -> Protection {
    let mut merged = kept.clone();
    for entry in &other.consents {
        if !merged.consents.contains(entry) {
            merged.consents.push(entry.clone());
        }
    }
    for entry in &other.overrides {
        if !merged.overrides.contains(entry) {
            merged.overrides.push(entry.clone());
        }
    }
    merged.consents.sort_by_key(|e| e.date);
    merged.overrides.sort_by_key(|o| o.date);
    if let Some(extension) = &other.extension
        && merged
            .extension
            .as_ref()
            .is_none_or(|e| e.until < extension.until)
    {
        merged.extension = Some(extension.clone());
    }
    merged.anonymised_on = match (kept.anonymised_on, other.anonymised_on) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    merged
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::demo::demo_beneficiaries;
    use crate::model::record::CefrLevel;

    #[test]
    fn merge_takes_each_part_from_the_chosen_version() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let kept = demo_beneficiaries(1, today, 5).remove(0);
        let mut other = kept.clone();
        other.contact.phone = "07 00 00 00 00".into();
        other.french_level = CefrLevel::C1;
        other.private_notes = "Notée sur l'autre poste".into();

        let differing: Vec<RecordPart> = RecordPart::ALL
            .into_iter()
            .filter(|p| p.differs(&kept, &other))
            .collect();
        assert_eq!(
            differing,
            [
                RecordPart::Contact,
                RecordPart::FrenchLevel,
                RecordPart::PrivateNotes
            ]
        );

        let now = Utc::now();
        let merged = merge(
            &kept,
            &other,
            |part| {
                if part == RecordPart::Contact {
                    Side::Other
                } else {
                    Side::Kept
                }
            },
            now,
        );
        assert_eq!(merged.contact.phone, "07 00 00 00 00");
        assert_eq!(merged.french_level, kept.french_level);
        assert_eq!(merged.private_notes, kept.private_notes);
        assert_eq!(merged.updated_at, now);
        assert_eq!(merged.id, kept.id);
        assert!(
            RecordPart::Contact
                .summary(&merged)
                .contains("07 00 00 00 00")
        );
    }

    #[test]
    fn phase_two_edits_from_the_other_copy_can_be_kept() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let kept = demo_beneficiaries(1, today, 5).remove(0);
        let mut other = kept.clone();
        other
            .preparation
            .sessions
            .push(crate::model::preparation::Session {
                date: today,
                duration_minutes: 45,
                kind: crate::model::preparation::SessionKind::Remote,
                note: "Appel depuis l'autre poste".into(),
            });
        let differing: Vec<RecordPart> = RecordPart::ALL
            .into_iter()
            .filter(|p| p.differs(&kept, &other))
            .collect();
        assert_eq!(differing, [RecordPart::Preparation]);
        let merged = merge(&kept, &other, |_| Side::Other, Utc::now());
        assert_eq!(merged.preparation, other.preparation);
        assert!(
            RecordPart::Preparation
                .summary(&merged)
                .contains("séance(s)")
        );
    }

    #[test]
    fn the_creche_part_carries_bookings_made_on_the_other_laptop() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let kept = demo_beneficiaries(1, today, 5).remove(0);
        let mut other = kept.clone();
        other.creche.waiting.clear();
        other.creche.bookings.clear();
        other.creche.care.clear();
        if kept.creche == other.creche {
            other.creche.care.push(crate::model::creche::ChildCare::new(
                crate::model::record::ChildId::new(),
            ));
        }
        assert!(RecordPart::Creche.differs(&kept, &other));
        let merged = merge(
            &kept,
            &other,
            |p| {
                if p == RecordPart::Creche {
                    Side::Other
                } else {
                    Side::Kept
                }
            },
            chrono::Utc::now(),
        );
        assert_eq!(merged.creche, other.creche);
        assert_eq!(merged.identity, kept.identity);
    }

    #[test]
    fn answers_and_overrides_from_both_copies_are_kept_whatever_part_is_chosen() {
        use crate::model::record::protection::{
            ConsentEntry, ConsentMethod, ConsentOverride, ConsentState, Purpose,
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let kept_base = demo_beneficiaries(1, today, 5).remove(0);
        let answer = |purpose, state, day| ConsentEntry {
            purpose,
            state,
            date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
            method: ConsentMethod::SignedForm,
            by: "Claire Martin".into(),
        };
        let mut kept = kept_base.clone();
        kept.protection
            .record(answer(Purpose::ShareWithCreche, ConsentState::Refused, 20));
        let mut other = kept_base.clone();
        other.protection.record(answer(
            Purpose::ShareWithCompanies,
            ConsentState::Withdrawn,
            21,
        ));
        other.protection.overrides.push(ConsentOverride {
            purpose: Purpose::ShareWithCompanies,
            date: today,
            reason: "Entretien le jour même".into(),
            by: "Claire Martin".into(),
        });
        let common = kept_base.protection.consents.len();
        for side in [Side::Kept, Side::Other] {
            let merged = merge(&kept, &other, |_| side, Utc::now());
            let p = &merged.protection;
            // The shared history once, plus each copy's own answer.
            assert_eq!(p.consents.len(), common + 2, "{side:?}");
            assert_eq!(
                p.current(Purpose::ShareWithCreche).map(|e| e.state),
                Some(ConsentState::Refused)
            );
            assert_eq!(
                p.current(Purpose::ShareWithCompanies).map(|e| e.state),
                Some(ConsentState::Withdrawn)
            );
            assert_eq!(p.overrides, other.protection.overrides);
        }
    }
}
