//! Unit tests of the Crèche tab: the booking form prepared for an interview, ages in words.

use chrono::{NaiveDate, NaiveTime, Utc};

use super::CrechePanel;
use crate::model::creche::{BookingReason, CrecheSettings};
use crate::model::{ApplicationId, Beneficiary};
use crate::ui::command::InterviewBooking;
use crate::ui::text::creche::age_words;

fn interview_hours(time: Option<NaiveTime>) -> (NaiveTime, NaiveTime, String) {
    let mut panel = CrechePanel::default();
    let interview = InterviewBooking {
        application: ApplicationId::new(),
        date: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        time,
        label: "Commis — Brasserie".into(),
    };
    let parent = Beneficiary::new(Utc::now());
    panel.prefill_for_interview(&interview, &parent, &CrecheSettings::default());
    assert_eq!(
        panel.form.reason,
        BookingReason::Interview(Some(interview.application))
    );
    assert_eq!(panel.form.date, "26/11/2026");
    (panel.form.start, panel.form.end, panel.form.note)
}

#[test]
fn an_interview_is_framed_by_the_way_there_and_back_on_the_half_hour_grid() {
    let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    // 10:15: from 9:30 (45 minutes before) to 12:00 (an hour, then 45 minutes back).
    assert_eq!(interview_hours(Some(t(10, 15))).0, t(9, 30));
    assert_eq!(interview_hours(Some(t(10, 15))).1, t(12, 0));
    // 14:00: 13:00 (13:15 rounded down) to 15:45 rounded up to 16:00.
    assert_eq!(interview_hours(Some(t(14, 0))).0, t(13, 0));
    assert_eq!(interview_hours(Some(t(14, 0))).1, t(16, 0));
    // Kept within the opening hours (8:00–18:30 by default).
    assert_eq!(interview_hours(Some(t(8, 15))).0, t(8, 0));
    assert_eq!(interview_hours(Some(t(17, 45))).1, t(18, 30));
    // No time known: the morning, and the note says the hour is to be set.
    let (start, end, note) = interview_hours(None);
    assert_eq!((start, end), (t(8, 0), t(11, 0)));
    assert_eq!(note, "Entretien : Commis — Brasserie (heure à préciser)");
}

#[test]
fn ages_read_naturally() {
    assert_eq!(age_words(8), "8 mois");
    assert_eq!(age_words(12), "1 an");
    assert_eq!(age_words(27), "2 ans et 3 mois");
}
