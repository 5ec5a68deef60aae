//! Phase 1, identification and valorisation of skills: the assessment as stored
//! (`assessment`: experiences, skills, diplomas, languages, transversal skills, life areas,
//! French-course partners and referrals), the form's draft of it (`draft`), and the ROME
//! referential of occupations (`rome`). Imports from `record` only what it links to (levels,
//! dates, ids, fields).

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
