//! Phase 2, preparation for employment: the person's projects, action plan, sessions and
//! administrative steps (`plan`), their editable form (`draft`), the collective workshops'
//! shared catalogue (`workshop`) and the CV assembled from the record (`cv`).

pub(crate) mod agenda;
pub(crate) mod appointment;
pub(crate) mod cv;
pub(crate) mod draft;
pub(crate) mod plan;
pub(crate) mod workshop;

pub use agenda::{
    AgendaItem, AgendaKind, INTERVIEW_MINUTES, agenda, appointment_counsellor, is_appointment_of,
    same_counsellor, short_name, to_settle,
};
pub use appointment::{
    Appointment, AppointmentCounts, AppointmentMode, AppointmentPurpose, AppointmentStatus,
    CancelledBy,
};
pub use cv::{Cv, CvDraft, cv_lines};
pub use draft::{
    ActionDraft, AdminStepDraft, CertificateDraft, CivicExamDraft, IntegrationDraft,
    ObjectiveDraft, PreparationDraft, ProjectDraft, SessionDraft,
};
pub use plan::{
    Action, ActionStatus, Actor, AdminStep, AdminStepKind, CIR_CIVIC_DAYS, CirTraining, Hours,
    INDIVIDUAL_TARGET_PERCENT, Mobility, Objective, OverdueAction, PERMIT_FILING_DEADLINE_DAYS,
    PERMIT_WARNING_DAYS, PROVISIONAL_WARNING_DAYS, PermitAlert, Preparation, Project,
    ProjectStatus, Session, SessionKind, StepStatus, Theme, Transport, WorkingTime, format_minutes,
    parse_duration,
};
pub use workshop::{
    Attendance, Enrolment, Workshop, WorkshopError, WorkshopTheme, attended_sessions,
    sort_catalogue,
};
