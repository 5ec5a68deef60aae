//! Phase 1, the skills assessment: life areas, languages, diplomas and experiences, transversal
//! skills, referrals to French-course (FLE) partners, and the ROME occupation codes.

pub(crate) mod assessment;
pub(crate) mod draft;
pub mod rome;

pub use assessment::{
    AreaAssessment, AreaStatus, CourseKind, Diploma, Experience, ExperienceKind, FlePartner,
    FleReferral, Language, LifeArea, Recognition, ReferralOutcome, Skill, SkillLevel,
    SkillsAssessment, Transferability, TransversalRating, TransversalSkill, YearMonth,
    eqf_french_equivalent, years_by_occupation,
};
pub use draft::{DiplomaDraft, ExperienceDraft, ReferralDraft, SkillsDraft, new_referral};
