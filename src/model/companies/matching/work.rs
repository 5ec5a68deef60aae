//! The work-permit warning of a ranked line: when the permit recorded does not plainly allow
//! the work on the day it would start.

use chrono::NaiveDate;

use crate::model::record::beneficiary::Beneficiary;
use crate::model::record::dates::format_date;
use crate::model::record::work_right::WorkRight;

/// The warning to show before proposing work starting on `start` (today when absent or past),
/// when the permit recorded does not plainly allow it on that day.
#[must_use]
pub fn work_warning(
    person: &Beneficiary,
    start: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<String> {
    let day = start.filter(|start| *start > today).unwrap_or(today);
    let right = WorkRight::of(&person.administrative, day);
    right.needs_warning().then(|| {
        let when = if day == today {
            "Aujourd'hui".to_owned()
        } else {
            format!("Au {} (début du contrat)", format_date(day))
        };
        format!("{when} : {}", right.sentence())
    })
}
