//! Appointments: contacts planned with the person (an interview at the office, a phone call),
//! then settled as honoured, absent, excused or cancelled. An honoured appointment **is** a
//! session of the log: its time counts once, in the 70/30 split, without being typed again.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::model::preparation::plan::{Preparation, Session, SessionKind};
use crate::model::record::ids::AppointmentId;

/// How the appointment takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum AppointmentMode {
    /// At the office (or another place), face to face.
    #[default]
    FaceToFace,
    /// By phone.
    Phone,
    /// By video.
    Video,
}

impl AppointmentMode {
    /// Every mode, for pickers.
    pub const ALL: [Self; 3] = [Self::FaceToFace, Self::Phone, Self::Video];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::FaceToFace => "Sur place",
            Self::Phone => "Téléphone",
            Self::Video => "Visio",
        }
    }

    /// The kind of session an honoured appointment of this mode is in the log.
    #[must_use]
    pub const fn session_kind(self) -> SessionKind {
        match self {
            Self::FaceToFace => SessionKind::FaceToFace,
            Self::Phone | Self::Video => SessionKind::Remote,
        }
    }
}

/// What the appointment is for; it also says what the person should bring (on the
/// convocation letter). Never anything about the person's situation beyond that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum AppointmentPurpose {
    /// A follow-up interview with the counsellor.
    #[default]
    FollowUp,
    /// The first interview: diagnosis of the situation, skills, French.
    Diagnosis,
    /// Administrative steps (residence permit, CAF, civil status…).
    Administrative,
    /// Working on the CV and applications.
    Cv,
    /// Preparing a job interview.
    InterviewPreparation,
    /// Anything else (the note says what).
    Other,
}

impl AppointmentPurpose {
    /// Every purpose, for pickers.
    pub const ALL: [Self; 6] = [
        Self::FollowUp,
        Self::Diagnosis,
        Self::Administrative,
        Self::Cv,
        Self::InterviewPreparation,
        Self::Other,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::FollowUp => "Entretien de suivi",
            Self::Diagnosis => "Premier entretien (diagnostic)",
            Self::Administrative => "Démarches administratives",
            Self::Cv => "CV et candidatures",
            Self::InterviewPreparation => "Préparation d'un entretien d'embauche",
            Self::Other => "Autre",
        }
    }

    /// What the person is asked to bring, in plain French, for the convocation letter.
    #[must_use]
    pub const fn what_to_bring(self) -> &'static [&'static str] {
        match self {
            Self::FollowUp | Self::Other => &["Votre titre de séjour ou récépissé"],
            Self::Diagnosis => &[
                "Votre titre de séjour ou récépissé",
                "Vos diplômes et attestations de travail, si vous en avez",
                "Votre contrat d'intégration républicaine (CIR), si vous l'avez signé",
            ],
            Self::Administrative => &[
                "Votre titre de séjour ou récépissé",
                "Votre passeport ou pièce d'identité",
                "Les courriers reçus (préfecture, CAF, OFII…)",
                "Un justificatif de domicile",
            ],
            Self::Cv => &[
                "Votre titre de séjour ou récépissé",
                "Votre CV, si vous en avez un",
                "Vos diplômes et attestations de travail",
            ],
            Self::InterviewPreparation => &[
                "Votre CV",
                "L'offre d'emploi ou la convocation de l'entreprise",
            ],
        }
    }
}

/// Who cancelled an appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CancelledBy {
    /// The person.
    Person,
    /// The counsellor or the structure.
    Structure,
}

impl CancelledBy {
    /// Both, for pickers.
    pub const ALL: [Self; 2] = [Self::Person, Self::Structure];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Person => "par la personne",
            Self::Structure => "par la structure",
        }
    }
}

/// Where an appointment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum AppointmentStatus {
    /// Planned, not settled yet.
    #[default]
    Planned,
    /// The person came (or answered): the appointment counts as a session.
    Honoured,
    /// The person did not come, without warning.
    Absent,
    /// The person did not come and had warned, or had a reason.
    Excused,
    /// Cancelled beforehand.
    Cancelled(CancelledBy),
}

impl AppointmentStatus {
    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Planned => "Prévu",
            Self::Honoured => "Honoré",
            Self::Absent => "Absent",
            Self::Excused => "Excusé",
            Self::Cancelled(CancelledBy::Person) => "Annulé par la personne",
            Self::Cancelled(CancelledBy::Structure) => "Annulé par la structure",
        }
    }
}

/// One appointment with the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    /// Stable identifier (a calendar export's UID is made from it).
    pub id: AppointmentId,
    /// Day.
    pub date: NaiveDate,
    /// Start time.
    pub start: NaiveTime,
    /// Length, in minutes.
    pub duration_minutes: u32,
    /// Face to face, phone or video.
    #[serde(default)]
    pub mode: AppointmentMode,
    /// Where (for a face-to-face appointment), with access notes if useful.
    #[serde(default)]
    pub place: String,
    /// The counsellor the person will see.
    #[serde(default)]
    pub counsellor: String,
    /// What it is for.
    #[serde(default)]
    pub purpose: AppointmentPurpose,
    /// A short note (never printed on the letter nor exported to a calendar).
    #[serde(default)]
    pub note: String,
    /// Planned, honoured, absent, excused or cancelled.
    #[serde(default)]
    pub status: AppointmentStatus,
}

impl Appointment {
    /// A planned appointment of `date` at `start`, of the usual length (45 minutes), face to
    /// face, for a follow-up.
    #[must_use]
    pub fn new(date: NaiveDate, start: NaiveTime) -> Self {
        Self {
            id: AppointmentId::new(),
            date,
            start,
            duration_minutes: 45,
            mode: AppointmentMode::default(),
            place: String::new(),
            counsellor: String::new(),
            purpose: AppointmentPurpose::default(),
            note: String::new(),
            status: AppointmentStatus::Planned,
        }
    }

    /// When it starts.
    #[must_use]
    pub fn starts_at(&self) -> NaiveDateTime {
        self.date.and_time(self.start)
    }

    /// When it ends (the next day for one that runs past midnight).
    #[must_use]
    pub fn ends_at(&self) -> NaiveDateTime {
        self.starts_at() + TimeDelta::minutes(i64::from(self.duration_minutes))
    }

    /// Whether it is past (its day before `today`) and still planned: the counsellor should
    /// say what happened.
    #[must_use]
    pub fn to_settle(&self, today: NaiveDate) -> bool {
        self.status == AppointmentStatus::Planned && self.date < today
    }

    /// Whether its time overlaps `other`'s (both still planned or honoured).
    #[must_use]
    pub fn overlaps(&self, other: &Self) -> bool {
        self.starts_at() < other.ends_at() && other.starts_at() < self.ends_at()
    }

    /// The session it is in the log, when honoured.
    #[must_use]
    pub fn as_session(&self) -> Option<Session> {
        (self.status == AppointmentStatus::Honoured).then(|| Session {
            date: self.date,
            duration_minutes: self.duration_minutes,
            kind: self.mode.session_kind(),
            note: self.purpose.label().to_owned(),
        })
    }
}

/// How often the person came: honoured, absent and excused appointments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AppointmentCounts {
    /// Appointments the person came to.
    pub honoured: u32,
    /// Appointments missed without warning.
    pub absent: u32,
    /// Appointments missed with a warning or a reason.
    pub excused: u32,
}

impl AppointmentCounts {
    /// Counts settled appointments (planned and cancelled ones do not count).
    #[must_use]
    pub fn of<'a>(appointments: impl IntoIterator<Item = &'a Appointment>) -> Self {
        let mut counts = Self::default();
        for appointment in appointments {
            match appointment.status {
                AppointmentStatus::Honoured => counts.honoured += 1,
                AppointmentStatus::Absent => counts.absent += 1,
                AppointmentStatus::Excused => counts.excused += 1,
                AppointmentStatus::Planned | AppointmentStatus::Cancelled(_) => {}
            }
        }
        counts
    }
}

impl Preparation {
    /// The person's log: the sessions typed by hand (unplanned contacts) and the honoured
    /// appointments, each counted once, by date (oldest first). Every count of hours and
    /// of sessions goes through here (the 70/30 split, the summary, the last contact).
    #[must_use]
    pub fn logged_sessions(&self) -> Vec<Session> {
        let mut log: Vec<Session> = self
            .sessions
            .iter()
            .cloned()
            .chain(self.appointments.iter().filter_map(Appointment::as_session))
            .collect();
        log.sort_by_key(|s| s.date);
        log
    }

    /// The person's attendance: honoured, absent and excused appointments.
    #[must_use]
    pub fn attendance(&self) -> AppointmentCounts {
        AppointmentCounts::of(&self.appointments)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::dates::test_support::d;

    fn at(date: NaiveDate, h: u32, m: u32, minutes: u32) -> Appointment {
        let mut a = Appointment::new(date, NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default());
        a.duration_minutes = minutes;
        a
    }

    #[test]
    fn an_honoured_appointment_is_a_session_of_its_length_and_mode() {
        let mut a = at(d(2026, 11, 20), 10, 0, 60);
        assert_eq!(a.as_session(), None);
        a.status = AppointmentStatus::Honoured;
        a.mode = AppointmentMode::Phone;
        let session = a.as_session().expect("honoured");
        assert_eq!(session.duration_minutes, 60);
        assert_eq!(session.kind, SessionKind::Remote);
        assert_eq!(session.date, d(2026, 11, 20));
    }

    #[test]
    fn past_planned_appointments_are_to_settle_not_todays() {
        let a = at(d(2026, 11, 20), 10, 0, 45);
        assert!(a.to_settle(d(2026, 11, 21)));
        assert!(!a.to_settle(d(2026, 11, 20)));
    }

    #[test]
    fn overlaps_touching_appointments_do_not() {
        let a = at(d(2026, 11, 20), 10, 0, 60);
        assert!(a.overlaps(&at(d(2026, 11, 20), 10, 30, 30)));
        assert!(!a.overlaps(&at(d(2026, 11, 20), 11, 0, 30)));
    }

    #[test]
    fn counts_leave_planned_and_cancelled_out() {
        let day = d(2026, 11, 20);
        let mut list = vec![at(day, 9, 0, 30); 5];
        list[0].status = AppointmentStatus::Honoured;
        list[1].status = AppointmentStatus::Absent;
        list[2].status = AppointmentStatus::Excused;
        list[3].status = AppointmentStatus::Cancelled(CancelledBy::Person);
        let counts = AppointmentCounts::of(&list);
        assert_eq!((counts.honoured, counts.absent, counts.excused), (1, 1, 1));
    }

    #[test]
    fn honoured_appointments_count_once_in_the_hours_beside_typed_sessions() {
        let mut prep = Preparation {
            sessions: vec![Session {
                date: d(2026, 11, 2),
                duration_minutes: 30,
                kind: SessionKind::Remote,
                note: String::new(),
            }],
            ..Preparation::default()
        };
        let mut honoured = at(d(2026, 11, 10), 10, 0, 60);
        honoured.status = AppointmentStatus::Honoured;
        let mut absent = at(d(2026, 11, 12), 10, 0, 90);
        absent.status = AppointmentStatus::Absent;
        let planned = at(d(2026, 11, 1), 9, 0, 45);
        prep.appointments = vec![honoured, absent, planned];
        let log = prep.logged_sessions();
        assert_eq!(log.len(), 2, "only the honoured appointment joins the log");
        assert_eq!(log[0].date, d(2026, 11, 2));
        assert_eq!(log[1].date, d(2026, 11, 10));
        let workshop = [Session {
            date: d(2026, 11, 3),
            duration_minutes: 120,
            kind: SessionKind::Collective,
            note: String::new(),
        }];
        let hours = prep.hours(&workshop);
        assert_eq!(hours.individual_minutes, 90);
        assert_eq!(hours.collective_minutes, 120);
        let attendance = prep.attendance();
        assert_eq!((attendance.honoured, attendance.absent), (1, 1));
    }
}
