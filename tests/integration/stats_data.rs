//! The data set of the funders' report tests: twelve people, A to L, and the catalogue's
//! workshops, over 2026, each written out with what the indicators should find in them.
//!
//! Referents: A, B, C and F follow "Claire Dupont", the others "Marc Petit". D refused
//! statistics; E left in 2025. Ten people are therefore followed in 2026: A B C F G H I J K L;
//! seven of them entered in 2026 (A B F G H J K); four left in 2026 (B G H K).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use parcours::model::companies::{Application, ApplicationState, HistoryEntry, Immersion};
use parcours::model::creche::{Booking, BookingReason, CrecheSettings, Schedule};
use parcours::model::preparation::{
    Appointment, AppointmentStatus, Attendance, Enrolment, Session, SessionKind, Workshop,
};
use parcours::model::record::{
    AssessmentSource, ConsentEntry, ConsentMethod, ConsentState, FrenchAssessment, Outcome,
    Purpose, anonymise,
};
use parcours::model::skills::{FleReferral, ReferralOutcome};
use parcours::model::stats::{Cell, Period, Report, Scope, StatsInput, report};
use parcours::model::{
    Beneficiary, BookingId, CefrLevel, Child, ChildId, CompanyId, ContractKind, FamilySituation,
    OutcomeKind, PartnerId, PermitKind, PhaseStatus, ResidencePermit, Sex,
};

use crate::common::d;

/// 2026, both days included.
pub const YEAR: Period = Period {
    from: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    to: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
};

fn person(created: NaiveDate, sex: Sex, born: Option<NaiveDate>, nationality: &str) -> Beneficiary {
    let at = Utc.from_utc_datetime(&created.and_hms_opt(9, 0, 0).unwrap());
    let mut b = Beneficiary::new(at);
    b.identity.last_name = "Kowalczyk".into();
    b.identity.sex = sex;
    b.identity.birth_date = born;
    b.identity.nationality = nationality.into();
    b.referent = "Marc Petit".into();
    b
}

fn permit(kind: PermitKind) -> ResidencePermit {
    ResidencePermit::new(kind)
}

fn child(born: NaiveDate) -> Child {
    Child {
        id: ChildId::new(),
        first_name: "Enfant".into(),
        birth_date: Some(born),
    }
}

fn phase(b: &mut Beneficiary, which: usize, status: PhaseStatus, started: NaiveDate) {
    let progress = match which {
        1 => &mut b.pathway.phases.identification,
        2 => &mut b.pathway.phases.preparation,
        _ => &mut b.pathway.phases.matching,
    };
    progress.status = status;
    progress.started_on = Some(started);
}

fn assessed(date: NaiveDate, level: CefrLevel, source: AssessmentSource) -> FrenchAssessment {
    FrenchAssessment {
        date,
        level,
        source,
    }
}

fn leave(b: &mut Beneficiary, kind: OutcomeKind, date: NaiveDate) {
    b.pathway.outcome = Some(Outcome {
        kind,
        date,
        contract_months: None,
    });
}

fn session(date: NaiveDate, minutes: u32, kind: SessionKind) -> Session {
    Session {
        date,
        duration_minutes: minutes,
        kind,
        note: "Note privée".into(),
    }
}

fn appointment(date: NaiveDate, status: AppointmentStatus) -> Appointment {
    let mut a = Appointment::new(date, NaiveTime::from_hms_opt(10, 0, 0).unwrap());
    a.status = status;
    a
}

/// An application through its history: (day, state) in order.
fn application(steps: Vec<(NaiveDate, ApplicationState)>) -> Application {
    let mut a = Application::propose(CompanyId::new(), "Boulangerie Dupain", None, steps[0].0);
    for (on, state) in steps {
        a.history.push(HistoryEntry {
            on,
            state: state.clone(),
        });
        a.state = state;
    }
    a
}

fn interview(date: NaiveDate) -> ApplicationState {
    ApplicationState::Interview {
        date,
        time: None,
        place: String::new(),
    }
}

fn hired(contract: ContractKind, start: NaiveDate) -> ApplicationState {
    ApplicationState::Hired { contract, start }
}

fn referral(on: NaiveDate) -> FleReferral {
    FleReferral {
        partner: PartnerId::new(),
        partner_name: "Partenaire Xyz".into(),
        referred_on: on,
        outcome: ReferralOutcome::default(),
        note: String::new(),
    }
}

/// The twelve people, A to L, and the catalogue's workshops.
#[expect(
    clippy::too_many_lines,
    clippy::many_single_char_names,
    reason = "a data set written out, one letter per person"
)]
pub fn data_set() -> (Vec<Beneficiary>, Vec<Workshop>) {
    // A: woman, 35 at entry (15/01/2026), Malian, arrived 2023 (primo), CIR, refugee, single
    // mother of a child under 3; A1 at entry, A2 in June (gained); phase 1.
    let mut a = person(d(2026, 1, 15), Sex::Female, Some(d(1990, 3, 1)), "malienne");
    a.referent = "Claire Dupont".into();
    a.identity.arrival_date = Some(d(2023, 1, 10));
    a.administrative.cir_signed_on = Some(d(2023, 3, 1));
    a.administrative.residence_permit = Some(permit(PermitKind::Refugee));
    a.family.situation = FamilySituation::Single;
    a.family.children = vec![child(d(2025, 2, 1))];
    a.french_history = vec![
        assessed(d(2026, 1, 15), CefrLevel::A1, AssessmentSource::Test),
        assessed(d(2026, 6, 10), CefrLevel::A2, AssessmentSource::Certificate),
    ];
    a.french_level = CefrLevel::A2;
    phase(&mut a, 1, PhaseStatus::InProgress, d(2026, 1, 15));
    a.preparation.sessions = vec![
        session(d(2026, 2, 2), 60, SessionKind::FaceToFace),
        session(d(2026, 3, 2), 30, SessionKind::Remote),
        session(d(2026, 3, 10), 90, SessionKind::Collective),
    ];
    a.preparation.appointments = vec![
        appointment(d(2026, 2, 2), AppointmentStatus::Honoured),
        appointment(d(2026, 3, 5), AppointmentStatus::Absent),
        appointment(d(2026, 4, 1), AppointmentStatus::Excused),
        appointment(d(2026, 12, 20), AppointmentStatus::Planned),
        appointment(d(2025, 12, 1), AppointmentStatus::Absent),
    ];
    a.skills.fle_referrals = vec![referral(d(2026, 1, 20))];

    // B: man, 25 at entry (01/02/2026), Malian, arrived 2018, no CIR, subsidiary protection;
    // B1 from a record written before the history (dated at creation, 01/06/2025); phase 3;
    // left for a CDI on 30/09/2026 after a hire starting 01/09/2026 (212 days after entry).
    let mut b = person(d(2025, 6, 1), Sex::Male, Some(d(2000, 5, 5)), "Malienne");
    b.referent = "Claire Dupont".into();
    b.identity.arrival_date = Some(d(2018, 1, 1));
    b.administrative.residence_permit = Some(permit(PermitKind::SubsidiaryProtection));
    b.family.situation = FamilySituation::Single;
    b.french_level = CefrLevel::B1;
    phase(&mut b, 1, PhaseStatus::Done, d(2026, 2, 1));
    phase(&mut b, 2, PhaseStatus::Done, d(2026, 3, 1));
    phase(&mut b, 3, PhaseStatus::InProgress, d(2026, 6, 1));
    b.applications = vec![application(vec![
        (d(2026, 7, 1), ApplicationState::Sent),
        (d(2026, 7, 20), interview(d(2026, 8, 3))),
        (d(2026, 8, 10), hired(ContractKind::Cdi, d(2026, 9, 1))),
    ])];
    leave(
        &mut b,
        OutcomeKind::Employment(ContractKind::Cdi),
        d(2026, 9, 30),
    );

    // C: woman, 65 at entry (01/03/2025), Syrian, arrived 2024 (primo), CIR, refugee; A0 (needs
    // literacy), no change; phase 2; one session in 2026, one in 2025.
    let mut c = person(d(2025, 3, 1), Sex::Female, Some(d(1960, 1, 1)), "Syrienne");
    c.referent = "Claire Dupont".into();
    c.identity.arrival_date = Some(d(2024, 5, 1));
    c.administrative.cir_signed_on = Some(d(2024, 6, 1));
    c.administrative.residence_permit = Some(permit(PermitKind::Refugee));
    c.french_history = vec![assessed(
        d(2025, 3, 1),
        CefrLevel::A0,
        AssessmentSource::Test,
    )];
    c.french_level = CefrLevel::A0;
    phase(&mut c, 1, PhaseStatus::Done, d(2025, 3, 1));
    phase(&mut c, 2, PhaseStatus::InProgress, d(2025, 9, 1));
    c.preparation.sessions = vec![
        session(d(2026, 1, 5), 90, SessionKind::FaceToFace),
        session(d(2025, 12, 15), 60, SessionKind::FaceToFace),
    ];
    c.skills.fle_referrals = vec![referral(d(2026, 2, 1))];

    // D: refused statistics: left out, counted apart.
    let mut dd = person(d(2026, 3, 1), Sex::Male, Some(d(1985, 7, 1)), "afghane");
    phase(&mut dd, 1, PhaseStatus::InProgress, d(2026, 3, 1));
    dd.protection.record(ConsentEntry {
        purpose: Purpose::Statistics,
        state: ConsentState::Refused,
        date: d(2026, 3, 1),
        method: ConsentMethod::Oral,
        by: "Marc Petit".into(),
    });

    // E: left on 01/12/2025: not followed in 2026.
    let mut e = person(d(2024, 1, 10), Sex::Male, Some(d(1995, 1, 1)), "syrienne");
    phase(&mut e, 1, PhaseStatus::Done, d(2024, 1, 10));
    leave(&mut e, OutcomeKind::Other, d(2025, 12, 1));

    // F: nothing known but the record itself, created (entry) 01/04/2026.
    let mut f = person(d(2026, 4, 1), Sex::Unspecified, None, "");
    f.referent = "  claire DUPONT ".into();

    // G: woman, 16 at entry (01/05/2026), Ukrainian, arrived 2022 (primo), temporary protection,
    // married, a child of 2020; B2; phase 1; left for a training on 15/11/2026.
    let mut g = person(
        d(2026, 5, 1),
        Sex::Female,
        Some(d(2009, 6, 1)),
        "ukrainienne",
    );
    g.identity.arrival_date = Some(d(2022, 3, 1));
    g.administrative.residence_permit = Some(permit(PermitKind::TemporaryProtection));
    g.family.situation = FamilySituation::Married;
    g.family.children = vec![child(d(2020, 1, 1))];
    g.french_history = vec![assessed(
        d(2026, 5, 1),
        CefrLevel::B2,
        AssessmentSource::Test,
    )];
    g.french_level = CefrLevel::B2;
    phase(&mut g, 1, PhaseStatus::Done, d(2026, 5, 1));
    leave(&mut g, OutcomeKind::Training, d(2026, 11, 15));

    // H: woman, 51 at entry (10/01/2026), Malian, arrived 2010, CIR, resident card, divorced
    // with a child under 3; A2 at entry, B1 in April (gained); phase 1; a PMSMP in March;
    // dropped out on 30/06/2026, then hired from 20/07/2026 (within 28 days; 191 days after
    // entry).
    let mut h = person(d(2026, 1, 10), Sex::Female, Some(d(1975, 1, 1)), "Malienne");
    h.identity.arrival_date = Some(d(2010, 1, 1));
    h.administrative.cir_signed_on = Some(d(2012, 1, 1));
    h.administrative.residence_permit = Some(permit(PermitKind::Resident));
    h.family.situation = FamilySituation::Divorced;
    h.family.children = vec![child(d(2024, 8, 1))];
    h.french_history = vec![
        assessed(d(2026, 1, 10), CefrLevel::A2, AssessmentSource::Counsellor),
        assessed(d(2026, 4, 1), CefrLevel::B1, AssessmentSource::Certificate),
    ];
    h.french_level = CefrLevel::B1;
    phase(&mut h, 1, PhaseStatus::InProgress, d(2026, 1, 10));
    h.applications = vec![
        application(vec![
            (d(2026, 6, 1), ApplicationState::Sent),
            (d(2026, 6, 5), interview(d(2026, 6, 15))),
            (d(2026, 7, 10), hired(ContractKind::Cdd, d(2026, 7, 20))),
        ]),
        Application::immersion(
            CompanyId::new(),
            "Boulangerie Dupain",
            Immersion::new(d(2026, 3, 2), d(2026, 3, 6), "Tuteur Martin").unwrap(),
            d(2026, 2, 20),
        ),
    ];
    leave(&mut h, OutcomeKind::Dropout, d(2026, 6, 30));

    // I: man, 27 at entry (01/10/2025), Syrian, arrived 4 years before entry (primo), CIR, a
    // récépissé renewing a refugee card; A2 before 2026, B1 in March (gained); phase 3; two
    // applications sent and one interview in 2026.
    let mut i = person(d(2025, 10, 1), Sex::Male, Some(d(1998, 2, 1)), "Syrienne");
    i.identity.arrival_date = Some(d(2021, 10, 1));
    i.administrative.cir_signed_on = Some(d(2022, 1, 1));
    i.administrative.residence_permit = Some(ResidencePermit {
        renews: Some(PermitKind::Refugee),
        ..ResidencePermit::new(PermitKind::Receipt)
    });
    i.french_history = vec![
        assessed(d(2025, 10, 1), CefrLevel::A2, AssessmentSource::Test),
        assessed(d(2026, 3, 1), CefrLevel::B1, AssessmentSource::Test),
    ];
    i.french_level = CefrLevel::B1;
    phase(&mut i, 1, PhaseStatus::Done, d(2025, 10, 1));
    phase(&mut i, 2, PhaseStatus::Done, d(2025, 11, 1));
    phase(&mut i, 3, PhaseStatus::InProgress, d(2026, 2, 1));
    i.applications = vec![
        application(vec![(d(2026, 2, 10), ApplicationState::Sent)]),
        application(vec![
            (d(2026, 3, 10), ApplicationState::Sent),
            (d(2026, 3, 12), interview(d(2026, 3, 20))),
        ]),
    ];

    // J: woman, 34 at entry (01/10/2026), Eritrean, arrived 2025 (primo), asylum seeker; A1;
    // phase 1; agreed to statistics.
    let mut j = person(
        d(2026, 10, 1),
        Sex::Female,
        Some(d(1992, 9, 9)),
        "Érythréenne",
    );
    j.identity.arrival_date = Some(d(2025, 6, 1));
    j.administrative.residence_permit = Some(permit(PermitKind::AsylumSeeker));
    j.french_history = vec![assessed(
        d(2026, 10, 1),
        CefrLevel::A1,
        AssessmentSource::Test,
    )];
    j.french_level = CefrLevel::A1;
    phase(&mut j, 1, PhaseStatus::InProgress, d(2026, 10, 1));
    j.protection.record(ConsentEntry {
        purpose: Purpose::Statistics,
        state: ConsentState::Given,
        date: d(2026, 10, 1),
        method: ConsentMethod::SignedForm,
        by: "Marc Petit".into(),
    });

    // K: man, 56 at entry (01/02/2026), Afghan, B1; left ("autre") on 01/08/2026, then erased:
    // the anonymised record keeps its birth year, sex, nationality, level, phases and outcome,
    // not its arrival, CIR or permit.
    let mut k = person(d(2026, 2, 1), Sex::Male, Some(d(1970, 1, 1)), "Afghane");
    k.identity.arrival_date = Some(d(2019, 1, 1));
    k.administrative.cir_signed_on = Some(d(2019, 6, 1));
    k.french_level = CefrLevel::B1;
    phase(&mut k, 1, PhaseStatus::Done, d(2026, 2, 1));
    leave(&mut k, OutcomeKind::Other, d(2026, 8, 1));
    let k = anonymise(&k, d(2026, 12, 1));

    // L: woman, 36 at entry (01/11/2025), Guinean, arrived 2020 (5 years before entry), CIR,
    // temporary card, married with a child under 3; A2 (written before the history); phase 2.
    let mut l = person(
        d(2025, 11, 1),
        Sex::Female,
        Some(d(1988, 12, 12)),
        "Guinéenne",
    );
    l.identity.arrival_date = Some(d(2020, 6, 1));
    l.administrative.cir_signed_on = Some(d(2020, 9, 1));
    l.administrative.residence_permit = Some(permit(PermitKind::Temporary));
    l.family.situation = FamilySituation::Married;
    l.family.children = vec![child(d(2024, 3, 1))];
    l.french_level = CefrLevel::A2;
    phase(&mut l, 1, PhaseStatus::Done, d(2025, 11, 1));
    phase(&mut l, 2, PhaseStatus::InProgress, d(2026, 1, 5));

    // Workshops: 15/04/2026 (2 h, 10 places: A, L, D present, J absent), 01/06/2026 (1 h, 8
    // places: I excused, B not marked), and one of 2025.
    let mut w1 = Workshop::new(d(2026, 4, 15));
    w1.title = "Atelier CV".into();
    w1.duration_minutes = 120;
    w1.capacity = 10;
    w1.enrolments = vec![
        enrolment(&a, Attendance::Present),
        enrolment(&l, Attendance::Present),
        enrolment(&dd, Attendance::Present),
        enrolment(&j, Attendance::Absent),
    ];
    let mut w2 = Workshop::new(d(2026, 6, 1));
    w2.duration_minutes = 60;
    w2.capacity = 8;
    w2.enrolments = vec![
        enrolment(&i, Attendance::Excused),
        enrolment(&b, Attendance::Unmarked),
    ];
    let mut w3 = Workshop::new(d(2025, 12, 10));
    w3.duration_minutes = 60;
    w3.capacity = 8;
    w3.enrolments = vec![enrolment(&c, Attendance::Present)];

    (vec![a, b, c, dd, e, f, g, h, i, j, k, l], vec![w1, w2, w3])
}

fn enrolment(b: &Beneficiary, attendance: Attendance) -> Enrolment {
    Enrolment {
        beneficiary: b.id,
        attendance,
    }
}

/// The report of the data set over `period` and `scope`, with the threshold given.
pub fn compute(period: Period, scope: &Scope, threshold: u32) -> Report {
    let (records, workshops) = data_set();
    let creche = CrecheSettings::default();
    let input = StatsInput {
        records: &records,
        workshops: &workshops,
        creche: &creche,
    };
    report(&input, period, scope, threshold)
}

/// The cells of the row labelled `row` in the table keyed `table`.
pub fn cells(report: &Report, table: &str, row: &str) -> Vec<Cell> {
    let t = report
        .tables
        .iter()
        .find(|t| t.key == table)
        .unwrap_or_else(|| panic!("no table {table}"));
    t.rows
        .iter()
        .find(|r| r.label == row)
        .unwrap_or_else(|| panic!("no row {row} in {table}: {:?}", t.rows))
        .cells
        .clone()
}

/// Writes the data set into a data directory, as the window would have saved it.
pub fn write_data_dir(dir: &std::path::Path) {
    use parcours::store::{Access, Store};
    let (records, workshops) = data_set();
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    for record in &records {
        store.save_beneficiary(record, d(2026, 11, 22)).unwrap();
    }
    for workshop in &workshops {
        store.save_workshop(workshop).unwrap();
    }
}
