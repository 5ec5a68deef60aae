//! Indicators about the work done with the people: hours (individual and collective, against
//! the programme's 70/30 target), sessions, the catalogue's workshops (held, fill rate,
//! attendance), referrals to French or literacy courses, and missed appointments.

use std::collections::{HashMap, HashSet};

use crate::model::preparation::{
    AppointmentCounts, Attendance, INDIVIDUAL_TARGET_PERCENT, SessionKind, Workshop,
};
use crate::model::record::BeneficiaryId;
use crate::model::stats::Subject;
use crate::model::stats::anonymity::PeopleTable;
use crate::model::stats::table::{Cell, Period, Row, Table};

/// Minutes of one person within the period, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Minutes {
    /// Individual sessions (face to face, phone, video).
    pub individual: u64,
    /// Collective sessions outside the catalogue, and the catalogue's workshops attended.
    pub collective: u64,
}

impl Minutes {
    /// Both kinds.
    pub const fn total(self) -> u64 {
        self.individual.saturating_add(self.collective)
    }
}

/// The catalogue's workshops of the period that count for the report: every one for the
/// whole structure; for one counsellor, those where one of the people counted was enrolled.
pub(crate) fn workshops_of<'a>(
    workshops: &'a [Workshop],
    people: &HashSet<BeneficiaryId>,
    period: Period,
    whole_structure: bool,
) -> Vec<&'a Workshop> {
    workshops
        .iter()
        .filter(|w| period.contains(w.date))
        .filter(|w| whole_structure || w.enrolments.iter().any(|e| people.contains(&e.beneficiary)))
        .collect()
}

/// Minutes of the catalogue's workshops each person attended (present), among `workshops`.
pub(crate) fn attended_minutes(workshops: &[&Workshop]) -> HashMap<BeneficiaryId, u64> {
    let mut minutes: HashMap<BeneficiaryId, u64> = HashMap::new();
    for w in workshops {
        for e in &w.enrolments {
            if e.attendance == Attendance::Present {
                *minutes.entry(e.beneficiary).or_default() += u64::from(w.duration_minutes);
            }
        }
    }
    minutes
}

/// A person's minutes within the period: their sessions, and the catalogue's workshops of the
/// period they attended (`attended`, from [`attended_minutes`]).
pub(crate) fn minutes_of(
    s: &Subject<'_>,
    attended: &HashMap<BeneficiaryId, u64>,
    period: Period,
) -> Minutes {
    let mut minutes = Minutes {
        individual: 0,
        collective: attended.get(&s.record.id).copied().unwrap_or(0),
    };
    for session in &s.record.preparation.sessions {
        if !period.contains(session.date) {
            continue;
        }
        let m = u64::from(session.duration_minutes);
        if session.kind.is_individual() {
            minutes.individual += m;
        } else {
            minutes.collective += m;
        }
    }
    minutes
}

/// Percent of `part` in `whole`, `None` when `whole` is zero.
#[expect(
    clippy::cast_precision_loss,
    reason = "counts and minutes stay far below 2^52"
)]
pub(crate) fn percent(part: u64, whole: u64) -> Cell {
    Cell::Percent((whole > 0).then(|| part as f64 * 100.0 / whole as f64))
}

/// The tables of this family.
pub(crate) fn tables(
    subjects: &[Subject<'_>],
    workshops: &[&Workshop],
    period: Period,
    threshold: u32,
) -> Vec<Table> {
    let attended = attended_minutes(workshops);
    let mut total = Minutes::default();
    for s in subjects {
        let m = minutes_of(s, &attended, period);
        total.individual += m.individual;
        total.collective += m.collective;
    }
    vec![
        hours(total),
        sessions(subjects, workshops, period),
        workshop_table(workshops),
        referrals(subjects, period).finish(threshold),
        no_shows(subjects, period),
    ]
}

/// Hours by kind, their share and the 70/30 target.
fn hours(total: Minutes) -> Table {
    let target = f64::from(INDIVIDUAL_TARGET_PERCENT);
    let row = |label: &str, minutes: u64, target: f64| Row {
        label: label.to_owned(),
        cells: vec![
            Cell::Minutes(minutes),
            percent(minutes, total.total()),
            Cell::Percent(Some(target)),
        ],
    };
    Table {
        key: "activity_hours",
        title: "Heures d'accompagnement individuel et collectif".to_owned(),
        source: "Convention — répartition cible 70 % individuel / 30 % collectif".to_owned(),
        columns: vec![
            "Heures".to_owned(),
            "Part".to_owned(),
            "Objectif".to_owned(),
        ],
        rows: vec![
            row("Individuel", total.individual, target),
            row("Collectif", total.collective, 100.0 - target),
            row("Total", total.total(), 100.0),
        ],
    }
}

/// Sessions logged in the records, by kind, and the catalogue's workshop sessions attended.
fn sessions(subjects: &[Subject<'_>], workshops: &[&Workshop], period: Period) -> Table {
    let mut counts = [0_u32; 3];
    for s in subjects {
        for session in &s.record.preparation.sessions {
            if period.contains(session.date) {
                let index = match session.kind {
                    SessionKind::FaceToFace => 0,
                    SessionKind::Remote => 1,
                    SessionKind::Collective => 2,
                };
                counts[index] += 1;
            }
        }
    }
    let people: HashSet<BeneficiaryId> = subjects.iter().map(|s| s.record.id).collect();
    let attended = workshops
        .iter()
        .flat_map(|w| &w.enrolments)
        .filter(|e| e.attendance == Attendance::Present && people.contains(&e.beneficiary))
        .count();
    let attended = u32::try_from(attended).unwrap_or(u32::MAX);
    let row = |label: &str, n: u32| Row {
        label: label.to_owned(),
        cells: vec![Cell::Count(n)],
    };
    Table {
        key: "activity_sessions",
        title: "Séances".to_owned(),
        source: String::new(),
        columns: vec!["Nombre".to_owned()],
        rows: vec![
            row("Entretiens individuels en face-à-face", counts[0]),
            row("Entretiens individuels par téléphone ou visio", counts[1]),
            row("Ateliers collectifs hors catalogue", counts[2]),
            row("Présences aux ateliers du catalogue", attended),
            row("Total", counts.iter().sum::<u32>().saturating_add(attended)),
        ],
    }
}

/// Workshops held, their fill rate (enrolments over places) and attendance (present over
/// attendances marked).
fn workshop_table(workshops: &[&Workshop]) -> Table {
    let held = u32::try_from(workshops.len()).unwrap_or(u32::MAX);
    let places: u64 = workshops.iter().map(|w| u64::from(w.capacity)).sum();
    let enrolled: u64 = workshops.iter().map(|w| w.enrolments.len() as u64).sum();
    let (mut present, mut marked) = (0_u64, 0_u64);
    for e in workshops.iter().flat_map(|w| &w.enrolments) {
        if e.attendance != Attendance::Unmarked {
            marked += 1;
        }
        if e.attendance == Attendance::Present {
            present += 1;
        }
    }
    let row = |label: &str, cell: Cell| Row {
        label: label.to_owned(),
        cells: vec![cell],
    };
    Table {
        key: "activity_workshops",
        title: "Ateliers collectifs du catalogue".to_owned(),
        source: String::new(),
        columns: vec!["Valeur".to_owned()],
        rows: vec![
            row("Ateliers tenus", Cell::Count(held)),
            row(
                "Places offertes",
                Cell::Count(u32::try_from(places).unwrap_or(u32::MAX)),
            ),
            row(
                "Inscriptions",
                Cell::Count(u32::try_from(enrolled).unwrap_or(u32::MAX)),
            ),
            row("Taux de remplissage", percent(enrolled, places)),
            row("Taux de présence", percent(present, marked)),
        ],
    }
}

/// Referrals to a French (FLE) or literacy course made during the period.
fn referrals(subjects: &[Subject<'_>], period: Period) -> PeopleTable {
    let (mut all, mut all_people, mut literacy, mut literacy_people) = (0, 0, 0, 0);
    for s in subjects {
        let n = s
            .record
            .skills
            .fle_referrals
            .iter()
            .filter(|r| period.contains(r.referred_on))
            .count();
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        if n == 0 {
            continue;
        }
        all += n;
        all_people += 1;
        if s.record.needs_literacy() {
            literacy += n;
            literacy_people += 1;
        }
    }
    let mut t = PeopleTable::new(
        "activity_referrals",
        "Orientations vers un cours de français (FLE) ou d'alphabétisation",
        "",
        &["Orientations", "Personnes orientées"],
    )
    .overlapping()
    .counting(0);
    t.row("Toutes orientations", vec![all, all_people]);
    t.row(
        "dont personnes ayant un besoin d'alphabétisation",
        vec![literacy, literacy_people],
    );
    t
}

/// Appointments of the period settled: honoured, absent, excused, and the no-show rate
/// (absent over settled).
fn no_shows(subjects: &[Subject<'_>], period: Period) -> Table {
    let counts = AppointmentCounts::of(
        subjects
            .iter()
            .flat_map(|s| &s.record.preparation.appointments)
            .filter(|a| period.contains(a.date)),
    );
    let settled = u64::from(counts.honoured) + u64::from(counts.absent) + u64::from(counts.excused);
    let row = |label: &str, cell: Cell| Row {
        label: label.to_owned(),
        cells: vec![cell],
    };
    Table {
        key: "activity_appointments",
        title: "Rendez-vous et absences".to_owned(),
        source: String::new(),
        columns: vec!["Valeur".to_owned()],
        rows: vec![
            row("Rendez-vous honorés", Cell::Count(counts.honoured)),
            row("Absences non prévenues", Cell::Count(counts.absent)),
            row("Absences excusées", Cell::Count(counts.excused)),
            row(
                "Taux d'absence non prévenue",
                percent(u64::from(counts.absent), settled),
            ),
        ],
    }
}
