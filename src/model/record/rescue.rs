//! Keeping what the counsellor typed: the valid part of a form that holds an invalid field
//! (saved at once, the invalid field waiting beside its message), and the removals of a list
//! entry, undoable for the rest of the session.

use chrono::NaiveDate;

use crate::model::record::beneficiary::Beneficiary;
use crate::model::record::draft::BeneficiaryDraft;
use crate::model::record::validation::{Field, FieldError};

/// How many times the form is narrowed before giving up: a field left out can uncover another
/// (a child's birth date compared with a parent's birth date that was itself left out).
const NARROWING_ROUNDS: usize = 4;

impl BeneficiaryDraft {
    /// The record holding every valid edit of the form, and the messages of the fields left
    /// out of it.
    ///
    /// A field that is invalid keeps the value saved in `base` (an entry of a list the
    /// counsellor added keeps the list as saved), so that one mistyped postcode never holds
    /// back the new address and phone typed beside it. `None` when not even that is valid
    /// (a new record without a name).
    #[must_use]
    pub fn to_beneficiary_keeping_valid(
        &self,
        base: &Beneficiary,
        today: NaiveDate,
    ) -> (Option<Beneficiary>, Vec<FieldError>) {
        let errors = match self.to_beneficiary(base, today) {
            Ok(record) => return (Some(record), Vec::new()),
            Err(errors) => errors,
        };
        let saved = Self::from_beneficiary(base);
        let mut narrowed = self.clone();
        let mut left_out = errors.clone();
        for _ in 0..NARROWING_ROUNDS {
            narrowed.take_saved(&saved, &left_out);
            match narrowed.to_beneficiary(base, today) {
                Ok(record) => return (Some(record), errors),
                Err(more) => left_out = more,
            }
        }
        (None, errors)
    }

    /// Puts back the saved value of each field in `errors`.
    fn take_saved(&mut self, saved: &Self, errors: &[FieldError]) {
        // Children are matched by id; a child added in this form is left out whole, after
        // the loop so that the positions the errors name stay right.
        let mut new_children = Vec::new();
        for error in errors {
            match error.field {
                Field::FirstName => self.first_name.clone_from(&saved.first_name),
                Field::LastName => self.last_name.clone_from(&saved.last_name),
                Field::BirthDate => self.birth_date.clone_from(&saved.birth_date),
                Field::ArrivalDate => self.arrival_date.clone_from(&saved.arrival_date),
                Field::Phone => self.phone.clone_from(&saved.phone),
                Field::Email => self.email.clone_from(&saved.email),
                Field::Postcode => self.postcode.clone_from(&saved.postcode),
                Field::PermitIssuedOn => self.permit_issued_on.clone_from(&saved.permit_issued_on),
                Field::PermitExpiresOn => {
                    self.permit_expires_on.clone_from(&saved.permit_expires_on);
                }
                Field::CirSignedOn => self.cir_signed_on.clone_from(&saved.cir_signed_on),
                Field::CafNumber => self.caf_number.clone_from(&saved.caf_number),
                Field::SocialSecurityNumber => self
                    .social_security_number
                    .clone_from(&saved.social_security_number),
                Field::ChildFirstName(i) | Field::ChildBirthDate(i) => {
                    let Some(child) = self.children.get_mut(i) else {
                        continue;
                    };
                    match saved.children.iter().find(|c| c.id == child.id) {
                        Some(kept) if matches!(error.field, Field::ChildFirstName(_)) => {
                            child.first_name.clone_from(&kept.first_name);
                        }
                        Some(kept) => child.birth_date.clone_from(&kept.birth_date),
                        None => new_children.push(child.id),
                    }
                }
                Field::RouteOverrideReason => {
                    self.route_override = saved.route_override;
                    self.route_override_reason
                        .clone_from(&saved.route_override_reason);
                }
                Field::PhaseStart(phase) | Field::PhaseEnd(phase) => {
                    let index = usize::from(phase.number()).saturating_sub(1);
                    if let (Some(draft), Some(kept)) =
                        (self.phases.get_mut(index), saved.phases.get(index))
                    {
                        if matches!(error.field, Field::PhaseStart(_)) {
                            draft.started_on.clone_from(&kept.started_on);
                        } else {
                            draft.ended_on.clone_from(&kept.ended_on);
                        }
                    }
                }
                Field::OutcomeDate | Field::OutcomeMonths => {
                    self.outcome.clone_from(&saved.outcome);
                }
                Field::ExperienceTitle(_) | Field::ExperienceStart(_) | Field::ExperienceEnd(_) => {
                    self.skills
                        .experiences
                        .clone_from(&saved.skills.experiences);
                }
                Field::SkillLabel(_) => self.skills.skills.clone_from(&saved.skills.skills),
                Field::DiplomaTitle(_)
                | Field::DiplomaYear(_)
                | Field::DiplomaRequestedOn(_)
                | Field::DiplomaDecidedOn(_) => {
                    self.skills.diplomas.clone_from(&saved.skills.diplomas);
                }
                Field::ReferralDate(_) => {
                    self.skills.referrals.clone_from(&saved.skills.referrals);
                }
                Field::ProjectStart(_) | Field::ProjectCommute(_) => self
                    .preparation
                    .projects
                    .clone_from(&saved.preparation.projects),
                Field::ActionDue(..) => self
                    .preparation
                    .objectives
                    .clone_from(&saved.preparation.objectives),
                Field::SessionDate(_) | Field::SessionDuration(_) => self
                    .preparation
                    .sessions
                    .clone_from(&saved.preparation.sessions),
                Field::AdminStepDate(kind) => match saved.preparation.admin_steps.get(&kind) {
                    Some(step) => {
                        self.preparation.admin_steps.insert(kind, step.clone());
                    }
                    None => {
                        self.preparation.admin_steps.remove(&kind);
                    }
                },
                Field::CivicExamDate | Field::CertificateDate(_) => self
                    .preparation
                    .integration
                    .clone_from(&saved.preparation.integration),
                Field::CareStartsOn(_) => self.creche.care.clone_from(&saved.creche.care),
            }
        }
        self.children.retain(|c| !new_children.contains(&c.id));
    }
}

/// A kind of entry the counsellor can remove from a record's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemovedKind {
    /// A child.
    Child,
    /// A spoken language.
    Language,
    /// A work experience.
    Experience,
    /// A skill.
    Skill,
    /// A diploma.
    Diploma,
    /// A referral to French classes.
    Referral,
    /// A targeted occupation.
    TargetOccupation,
    /// A professional project.
    Project,
    /// An objective of the action plan (with its actions).
    Objective,
    /// An action of the action plan.
    Action,
    /// A logged session.
    Session,
    /// An appointment.
    Appointment,
    /// A crèche booking.
    Booking,
    /// A request on the crèche's waiting list.
    WaitingRequest,
}

impl RemovedKind {
    /// What the undo bar says ("Enfant retiré").
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Child => "Enfant retiré",
            Self::Language => "Langue retirée",
            Self::Experience => "Expérience retirée",
            Self::Skill => "Compétence retirée",
            Self::Diploma => "Diplôme retiré",
            Self::Referral => "Orientation retirée",
            Self::TargetOccupation => "Métier visé retiré",
            Self::Project => "Projet retiré",
            Self::Objective => "Objectif retiré",
            Self::Action => "Action retirée",
            Self::Session => "Entretien retiré",
            Self::Appointment => "Rendez-vous retiré",
            Self::Booking => "Réservation annulée",
            Self::WaitingRequest => "Demande d'attente retirée",
        }
    }
}

/// An entry taken out of a form, with what puts it back where it was.
pub struct Removal {
    /// What was removed.
    pub kind: RemovedKind,
    restore: Box<dyn FnOnce(&mut BeneficiaryDraft) + Send>,
}

impl std::fmt::Debug for Removal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Removal")
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

impl Removal {
    /// Puts the entry back into `draft`, at its former place (or at the end of the list when
    /// the list has shrunk since; an action whose objective is gone comes back with nothing).
    pub fn restore(self, draft: &mut BeneficiaryDraft) {
        (self.restore)(draft);
    }
}

/// The entry at the position where `after` stopped matching `before`, when exactly one was
/// removed.
fn removed_entry<T: Clone + PartialEq>(before: &[T], after: &[T]) -> Option<(usize, T)> {
    if after.len() + 1 != before.len() {
        return None;
    }
    let index = before
        .iter()
        .zip(after)
        .position(|(b, a)| b != a)
        .unwrap_or(after.len());
    before.get(index).map(|entry| (index, entry.clone()))
}

fn reinsert<T>(list: &mut Vec<T>, index: usize, entry: T) {
    let index = index.min(list.len());
    list.insert(index, entry);
}

/// Finds the entry removed between two states of a form (one click removes one entry).
macro_rules! find_removal {
    ($before:expr, $after:expr, $( $kind:ident => $($path:ident).+ ),+ $(,)?) => {
        $(
            if let Some((index, entry)) = removed_entry(&$before.$($path).+, &$after.$($path).+) {
                return Some(Removal {
                    kind: RemovedKind::$kind,
                    restore: Box::new(move |draft: &mut BeneficiaryDraft| {
                        reinsert(&mut draft.$($path).+, index, entry);
                    }),
                });
            }
        )+
    };
}

/// The entry the counsellor removed from `before` to get `after`, if any, so that it can be
/// put back.
#[must_use]
pub fn find_removal(before: &BeneficiaryDraft, after: &BeneficiaryDraft) -> Option<Removal> {
    find_removal!(before, after,
        Child => children,
        Language => languages,
        Experience => skills.experiences,
        Skill => skills.skills,
        Diploma => skills.diplomas,
        Referral => skills.referrals,
        TargetOccupation => skills.target_occupations,
        Project => preparation.projects,
        Objective => preparation.objectives,
        Session => preparation.sessions,
        Appointment => preparation.appointments,
        Booking => creche.bookings,
        WaitingRequest => creche.waiting,
    );
    if before.preparation.objectives.len() == after.preparation.objectives.len() {
        for (o, (b, a)) in before
            .preparation
            .objectives
            .iter()
            .zip(&after.preparation.objectives)
            .enumerate()
        {
            if let Some((index, entry)) = removed_entry(&b.actions, &a.actions) {
                return Some(Removal {
                    kind: RemovedKind::Action,
                    restore: Box::new(move |draft: &mut BeneficiaryDraft| {
                        if let Some(objective) = draft.preparation.objectives.get_mut(o) {
                            reinsert(&mut objective.actions, index, entry);
                        }
                    }),
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::model::skills::ExperienceDraft;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
    }

    fn saved() -> Beneficiary {
        let mut b = Beneficiary::new(Utc::now());
        b.identity.last_name = "Haddad".into();
        b.contact.postcode = "94400".into();
        b
    }

    #[test]
    fn an_invalid_postcode_keeps_the_valid_address_and_phone() {
        let base = saved();
        let mut draft = BeneficiaryDraft::from_beneficiary(&base);
        draft.street = "3 rue des Lilas".into();
        draft.phone = "06 12 34 56 78".into();
        draft.postcode = "9440".into();
        let (record, errors) = draft.to_beneficiary_keeping_valid(&base, today());
        let record = record.expect("the valid part is saved");
        assert_eq!(record.contact.street, "3 rue des Lilas");
        assert_eq!(record.contact.phone, "06 12 34 56 78");
        assert_eq!(record.contact.postcode, "94400", "the saved postcode stays");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, Field::Postcode);
    }

    #[test]
    fn a_new_child_with_a_bad_date_waits_and_the_rest_is_saved() {
        let base = saved();
        let mut draft = BeneficiaryDraft::from_beneficiary(&base);
        draft.add_child();
        draft.children[0].first_name = "Awa".into();
        draft.children[0].birth_date = "31/02/2020".into();
        draft.town = "Ivry".into();
        draft.skills.experiences.push(ExperienceDraft::default());
        let (record, errors) = draft.to_beneficiary_keeping_valid(&base, today());
        let record = record.expect("the valid part is saved");
        assert!(record.family.children.is_empty());
        assert!(record.skills.experiences.is_empty());
        assert_eq!(record.contact.town, "Ivry");
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [Field::ChildBirthDate(0), Field::ExperienceTitle(0)]
        );
    }

    #[test]
    fn a_new_record_without_a_name_is_not_saved() {
        let base = Beneficiary::new(Utc::now());
        let mut draft = BeneficiaryDraft::from_beneficiary(&base);
        draft.phone = "06 12 34 56 78".into();
        let (record, errors) = draft.to_beneficiary_keeping_valid(&base, today());
        assert!(record.is_none());
        assert_eq!(errors[0].field, Field::LastName);
    }

    #[test]
    fn a_removed_child_comes_back_in_place_keeping_later_edits() {
        let base = saved();
        let mut before = BeneficiaryDraft::from_beneficiary(&base);
        for name in ["Awa", "Moussa", "Inès"] {
            before.add_child();
            if let Some(child) = before.children.last_mut() {
                child.first_name = name.into();
            }
        }
        let mut after = before.clone();
        after.children.remove(1);
        let removal = find_removal(&before, &after).expect("a removal");
        assert_eq!(removal.kind, RemovedKind::Child);
        after.phone = "01 23 45 67 89".into();
        removal.restore(&mut after);
        let names: Vec<&str> = after
            .children
            .iter()
            .map(|c| c.first_name.as_str())
            .collect();
        assert_eq!(names, ["Awa", "Moussa", "Inès"]);
        assert_eq!(after.phone, "01 23 45 67 89");
        assert!(find_removal(&before, &before).is_none());
    }
}
