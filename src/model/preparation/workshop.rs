//! Collective workshops: the structure's shared catalogue (one file per workshop), with
//! enrolments held to the workshop's capacity and attendance marked once it has taken place.
//!
//! A present attendance is what puts the workshop in the person's sessions log: the log's
//! collective sessions are computed here from the workshops, never copied into the record, so
//! they are typed once and counted once.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::model::preparation::plan::{Session, SessionKind};
use crate::model::record::ids::{BeneficiaryId, WorkshopId};

/// What a workshop is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum WorkshopTheme {
    /// Writing a CV.
    #[default]
    Cv,
    /// Mock job interview.
    MockInterview,
    /// The codes of the workplace in France.
    WorkplaceCodes,
    /// Digital skills.
    Digital,
    /// Employment rights.
    EmploymentRights,
    /// Anything else.
    Other,
}

impl WorkshopTheme {
    /// Every theme, for pickers.
    pub const ALL: [Self; 6] = [
        Self::Cv,
        Self::MockInterview,
        Self::WorkplaceCodes,
        Self::Digital,
        Self::EmploymentRights,
        Self::Other,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Cv => "CV",
            Self::MockInterview => "Simulation d'entretien",
            Self::WorkplaceCodes => "Codes de l'entreprise en France",
            Self::Digital => "Numérique",
            Self::EmploymentRights => "Droits du travail",
            Self::Other => "Autre",
        }
    }
}

/// Whether an enrolled person came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Attendance {
    /// Not marked yet.
    #[default]
    Unmarked,
    /// Present.
    Present,
    /// Absent.
    Absent,
    /// Excused.
    Excused,
}

impl Attendance {
    /// The values a counsellor marks.
    pub const MARKS: [Self; 3] = [Self::Present, Self::Absent, Self::Excused];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Unmarked => "Non pointé",
            Self::Present => "Présent",
            Self::Absent => "Absent",
            Self::Excused => "Excusé",
        }
    }
}

/// One person enrolled in a workshop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// Who.
    pub beneficiary: BeneficiaryId,
    /// Whether they came.
    #[serde(default)]
    pub attendance: Attendance,
}

/// Why an enrolment or an attendance was refused, in French.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkshopError {
    /// No place left.
    #[error("Atelier complet : {enrolled} / {capacity} inscrits")]
    Full {
        /// People enrolled.
        enrolled: usize,
        /// Places.
        capacity: u32,
    },
    /// The person is enrolled already.
    #[error("Cette personne est déjà inscrite à l'atelier.")]
    AlreadyEnrolled,
    /// The person is not enrolled.
    #[error("Cette personne n'est pas inscrite à l'atelier.")]
    NotEnrolled,
    /// Attendance marked before the workshop took place.
    #[error("La présence se pointe à partir du jour de l'atelier ({0}).")]
    NotYetHeld(String),
}

/// A collective workshop of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workshop {
    /// Identifier; also the file name.
    pub id: WorkshopId,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Theme.
    #[serde(default)]
    pub theme: WorkshopTheme,
    /// Day.
    pub date: NaiveDate,
    /// Start time.
    pub start: NaiveTime,
    /// Length, in minutes.
    pub duration_minutes: u32,
    /// Where.
    #[serde(default)]
    pub place: String,
    /// Who runs it.
    #[serde(default)]
    pub facilitator: String,
    /// Places.
    pub capacity: u32,
    /// People enrolled, in enrolment order.
    #[serde(default)]
    pub enrolments: Vec<Enrolment>,
}

impl Workshop {
    /// A workshop of `date` with the catalogue's usual defaults (9:30, 2 hours, 8 places).
    #[must_use]
    pub fn new(date: NaiveDate) -> Self {
        Self {
            id: WorkshopId::new(),
            title: String::new(),
            theme: WorkshopTheme::default(),
            date,
            start: NaiveTime::from_hms_opt(9, 30, 0).unwrap_or(NaiveTime::MIN),
            duration_minutes: 120,
            place: String::new(),
            facilitator: String::new(),
            capacity: 8,
            enrolments: Vec::new(),
        }
    }

    /// "n / capacité".
    #[must_use]
    pub fn fill_text(&self) -> String {
        format!("{} / {}", self.enrolments.len(), self.capacity)
    }

    /// Whether no place is left.
    #[must_use]
    pub fn is_full(&self) -> bool {
        u32::try_from(self.enrolments.len()).map_or(true, |n| n >= self.capacity)
    }

    /// Whether `person` is enrolled.
    #[must_use]
    pub fn is_enrolled(&self, person: BeneficiaryId) -> bool {
        self.enrolments.iter().any(|e| e.beneficiary == person)
    }

    /// Enrols `person`, within the capacity.
    pub fn enrol(&mut self, person: BeneficiaryId) -> Result<(), WorkshopError> {
        if self.is_enrolled(person) {
            return Err(WorkshopError::AlreadyEnrolled);
        }
        if self.is_full() {
            return Err(WorkshopError::Full {
                enrolled: self.enrolments.len(),
                capacity: self.capacity,
            });
        }
        self.enrolments.push(Enrolment {
            beneficiary: person,
            attendance: Attendance::Unmarked,
        });
        Ok(())
    }

    /// Removes `person` from the workshop.
    pub fn unenrol(&mut self, person: BeneficiaryId) {
        self.enrolments.retain(|e| e.beneficiary != person);
    }

    /// Marks whether `person` came: only from the workshop's day on.
    pub fn mark(
        &mut self,
        person: BeneficiaryId,
        attendance: Attendance,
        today: NaiveDate,
    ) -> Result<(), WorkshopError> {
        if today < self.date {
            return Err(WorkshopError::NotYetHeld(
                self.date.format("%d/%m/%Y").to_string(),
            ));
        }
        let enrolment = self
            .enrolments
            .iter_mut()
            .find(|e| e.beneficiary == person)
            .ok_or(WorkshopError::NotEnrolled)?;
        enrolment.attendance = attendance;
        Ok(())
    }

    /// Problems that make the workshop unfit to save, in French (empty: fine).
    #[must_use]
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.title.trim().is_empty() {
            problems.push("Le titre de l'atelier est obligatoire.".to_owned());
        }
        if self.capacity == 0 {
            problems.push("La capacité doit être d'au moins une place.".to_owned());
        }
        if self.duration_minutes == 0 {
            problems.push("La durée doit être d'au moins une minute.".to_owned());
        }
        if u32::try_from(self.enrolments.len()).map_or(true, |n| n > self.capacity) {
            problems.push(format!(
                "Plus d'inscrits que de places ({}) : augmentez la capacité ou désinscrivez quelqu'un.",
                self.fill_text()
            ));
        }
        problems
    }

    /// The collective session this workshop is for a person who attended it.
    #[must_use]
    pub fn as_session(&self) -> Session {
        Session {
            date: self.date,
            duration_minutes: self.duration_minutes,
            kind: SessionKind::Collective,
            note: format!("Atelier : {}", self.title),
        }
    }
}

/// Puts a catalogue in the order it is shown: by date, start time, then title.
pub fn sort_catalogue(workshops: &mut [Workshop]) {
    workshops.sort_by(|a, b| (a.date, a.start, &a.title).cmp(&(b.date, b.start, &b.title)));
}

/// The collective sessions `person` attended (present) in the catalogue, by date.
#[must_use]
pub fn attended_sessions(workshops: &[Workshop], person: BeneficiaryId) -> Vec<Session> {
    let mut sessions: Vec<Session> = workshops
        .iter()
        .filter(|w| {
            w.enrolments
                .iter()
                .any(|e| e.beneficiary == person && e.attendance == Attendance::Present)
        })
        .map(Workshop::as_session)
        .collect();
    sessions.sort_by_key(|s| s.date);
    sessions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::preparation::Preparation;

    use crate::model::record::dates::test_support::d;

    fn workshop(capacity: u32) -> Workshop {
        Workshop {
            title: "Simulation d'entretien".into(),
            capacity,
            ..Workshop::new(d(2026, 11, 20))
        }
    }

    #[test]
    fn enrolment_stops_at_capacity_with_a_clear_message() {
        let mut w = workshop(2);
        let (a, b, c) = (
            BeneficiaryId::new(),
            BeneficiaryId::new(),
            BeneficiaryId::new(),
        );
        w.enrol(a).unwrap();
        assert_eq!(w.enrol(a), Err(WorkshopError::AlreadyEnrolled));
        w.enrol(b).unwrap();
        assert!(w.is_full());
        let refused = w.enrol(c).unwrap_err();
        assert_eq!(refused.to_string(), "Atelier complet : 2 / 2 inscrits");
        assert_eq!(w.fill_text(), "2 / 2");
        w.unenrol(a);
        assert_eq!(w.enrol(c), Ok(()));
    }

    #[test]
    fn attendance_is_marked_from_the_day_and_counts_once() {
        let mut w = workshop(4);
        let person = BeneficiaryId::new();
        w.enrol(person).unwrap();
        let refused = w.mark(person, Attendance::Present, d(2026, 11, 19));
        assert!(matches!(refused, Err(WorkshopError::NotYetHeld(_))));
        assert_eq!(
            w.mark(BeneficiaryId::new(), Attendance::Present, d(2026, 11, 20)),
            Err(WorkshopError::NotEnrolled)
        );
        assert!(attended_sessions(std::slice::from_ref(&w), person).is_empty());
        w.mark(person, Attendance::Present, d(2026, 11, 20))
            .unwrap();
        let sessions = attended_sessions(std::slice::from_ref(&w), person);
        assert_eq!(sessions.len(), 1);
        assert_eq!(sessions[0].kind, SessionKind::Collective);
        assert_eq!(sessions[0].duration_minutes, 120);
        assert_eq!(sessions[0].note, "Atelier : Simulation d'entretien");
        // Counted in the person's hours without being in the record.
        let hours = Preparation::default().hours(&sessions);
        assert_eq!(hours.collective_minutes, 120);
        // Absent or excused: not a session.
        w.mark(person, Attendance::Excused, d(2026, 11, 21))
            .unwrap();
        assert!(attended_sessions(&[w], person).is_empty());
    }

    #[test]
    fn a_workshop_needs_a_title_and_room_for_its_enrolled() {
        let mut w = workshop(1);
        assert!(w.problems().is_empty());
        w.title = "  ".into();
        w.enrolments = vec![
            Enrolment {
                beneficiary: BeneficiaryId::new(),
                attendance: Attendance::Unmarked,
            };
            2
        ];
        let problems = w.problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[1].contains("2 / 1"));
    }

    #[test]
    fn workshop_roundtrips_through_ron() {
        let mut w = workshop(3);
        w.place = "Salle 2, 12 rue de la Paix".into();
        w.facilitator = "Karim B.".into();
        w.enrol(BeneficiaryId::new()).unwrap();
        w.enrolments[0].attendance = Attendance::Absent;
        let text = ron::to_string(&w).unwrap();
        assert_eq!(ron::from_str::<Workshop>(&text).unwrap(), w);
    }
}
