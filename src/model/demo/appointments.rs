//! Demo appointments: a week of them around today for the open records, with the record's
//! referent as counsellor and a place: honoured, absent or excused in the past days, some past
//! ones still "planned" (to settle), the others upcoming.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use crate::model::demo::records::Rng;
use crate::model::preparation::appointment::{
    Appointment, AppointmentMode, AppointmentPurpose, AppointmentStatus,
};
use crate::model::record::beneficiary::Beneficiary;
use crate::model::record::ids::AppointmentId;

/// The places of the demo structure's appointments.
const PLACES: &[&str] = &[
    "Espace emploi, bureau 2",
    "Espace emploi, bureau 3",
    "Salle Simone Veil (rez-de-chaussée)",
];

/// The days of the demo week: from four days before `today` to four after, weekdays only.
fn week_days(today: NaiveDate) -> Vec<NaiveDate> {
    (-4_i64..=4)
        .filter_map(|offset| today.checked_add_signed(chrono::TimeDelta::days(offset)))
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect()
}

/// A reproducible identifier drawn from `rng` (UUID v7 of `date`).
fn appointment_id(rng: &mut Rng, date: NaiveDate) -> AppointmentId {
    let millis = date
        .and_time(NaiveTime::MIN)
        .and_utc()
        .timestamp_millis()
        .unsigned_abs();
    let [a0, a1, a2, a3, a4, a5, a6, a7] = rng.next().to_le_bytes();
    let [b0, b1, ..] = rng.next().to_le_bytes();
    let random = [a0, a1, a2, a3, a4, a5, a6, a7, b0, b1];
    AppointmentId::from_uuid(uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid())
}

/// Gives an open record (no outcome yet) zero to two appointments in the week around `today`,
/// drawn from a generator of its own (seeded from its identifier, so the rest of its demo data
/// is unchanged).
pub(super) fn add_appointments(record: &mut Beneficiary, today: NaiveDate) {
    if record.pathway.outcome.is_some() {
        return;
    }
    let mut rng = Rng(Rng::for_record(record).0 ^ 0xA770_1A7E_2026_0017);
    let count = match rng.below(100) {
        0..45 => 0,
        45..90 => 1,
        _ => 2,
    };
    let days = week_days(today);
    for _ in 0..count {
        let Some(&date) = days.get(usize::try_from(rng.below(days.len() as u64)).unwrap_or(0))
        else {
            continue;
        };
        // From 9:00 to 16:30, on the half hour, 45 minutes or an hour.
        let half_hours = u32::try_from(rng.below(16)).unwrap_or(0);
        let start = NaiveTime::from_hms_opt(9 + half_hours / 2, 30 * (half_hours % 2), 0)
            .unwrap_or(NaiveTime::MIN);
        let mut appointment = Appointment::new(date, start);
        appointment.id = appointment_id(&mut rng, date);
        appointment.duration_minutes = if rng.chance(70) { 45 } else { 60 };
        appointment.counsellor = record.referent.clone();
        appointment.purpose = *rng.pick(&AppointmentPurpose::ALL[..5]);
        if rng.chance(15) {
            appointment.mode = AppointmentMode::Phone;
        } else {
            appointment.place = (*rng.pick(PLACES)).to_owned();
        }
        if date < today {
            appointment.status = match rng.below(100) {
                0..55 => AppointmentStatus::Honoured,
                55..70 => AppointmentStatus::Absent,
                70..82 => AppointmentStatus::Excused,
                // Not settled yet: the counsellor should say what happened.
                _ => AppointmentStatus::Planned,
            };
        }
        record.preparation.appointments.push(appointment);
    }
    record
        .preparation
        .appointments
        .sort_by_key(Appointment::starts_at);
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use crate::model::demo::demo_beneficiaries;
    use crate::model::preparation::{AppointmentStatus, to_settle};
    use crate::model::record::dates::test_support::d;

    #[test]
    fn the_demo_has_a_week_of_appointments_in_every_state_with_place_and_referent() {
        let today = d(2026, 11, 25);
        let records = demo_beneficiaries(200, today, 7);
        let appointments: Vec<_> = records
            .iter()
            .flat_map(|r| r.preparation.appointments.iter().map(move |a| (r, a)))
            .collect();
        assert!(appointments.len() >= 40, "{}", appointments.len());
        let statuses: HashSet<AppointmentStatus> =
            appointments.iter().map(|(_, a)| a.status).collect();
        for status in [
            AppointmentStatus::Honoured,
            AppointmentStatus::Absent,
            AppointmentStatus::Excused,
            AppointmentStatus::Planned,
        ] {
            assert!(statuses.contains(&status), "{status:?}");
        }
        assert!(
            appointments
                .iter()
                .all(|(_, a)| (a.date - today).num_days().abs() <= 4)
        );
        assert!(appointments.iter().any(|(_, a)| a.date > today));
        assert!(
            appointments
                .iter()
                .all(|(_, a)| a.date < today || a.status == AppointmentStatus::Planned)
        );
        assert!(appointments.iter().all(|(r, a)| a.counsellor == r.referent));
        assert!(appointments.iter().any(|(_, a)| !a.place.is_empty()));
        assert!(!to_settle(&records, today, None).is_empty());
        let ids: HashSet<_> = appointments.iter().map(|(_, a)| a.id).collect();
        assert_eq!(ids.len(), appointments.len());
        assert_eq!(records, demo_beneficiaries(200, today, 7), "reproducible");
    }
}
