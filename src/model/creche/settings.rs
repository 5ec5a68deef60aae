//! The crèche's settings (`creche.ron`): places, opening days and hours, closures, the age
//! range and when children leave.

use chrono::{Datelike, Months, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::grid::{on_grid, slot_of, slot_time, time};
use crate::model::record::dates::format_date;
use crate::model::{Child, CrecheAge};

/// Legal maximum of places of a French micro-crèche since 2021 (article R.2324-47 of the code de
/// la santé publique, décret 2021-1131): a structure with more places is not a micro-crèche.
/// The settings refuse more; the 115 % overbooking of R.2324-27 is deliberately not offered
/// (see ARCHITECTURE.md, "Rules and their sources").
pub const MAX_CAPACITY: u32 = 12;

/// Places of a new crèche's settings: the legal maximum.
pub const DEFAULT_CAPACITY: u32 = MAX_CAPACITY;

/// When children leave the micro-crèche.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum UpperAgeRule {
    /// On the birthday at `max_age_months` (the third birthday by default), included.
    Birthday,
    /// When they enter nursery school: up to the 31 August before the first 1 September after
    /// the birthday at `max_age_months` (compulsory schooling from three, article L.131-1 of
    /// the code de l'éducation).
    #[default]
    SchoolEntry,
}

impl UpperAgeRule {
    /// Both rules, for the settings' picker.
    pub const ALL: [Self; 2] = [Self::SchoolEntry, Self::Birthday];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Birthday => "3e anniversaire",
            Self::SchoolEntry => "Entrée à l'école maternelle",
        }
    }
}
/// A period when the crèche is closed (holidays, bank holidays), both days included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    /// First closed day.
    pub from: NaiveDate,
    /// Last closed day.
    pub to: NaiveDate,
    /// Why ("Noël", "Ascension"…).
    #[serde(default)]
    pub label: String,
}
/// The crèche's settings (`creche.ron`), shared by everyone using the data directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CrecheSettings {
    /// The crèche's name, printed on the week's planning.
    pub name: String,
    /// Most children present at once.
    pub capacity: u32,
    /// Days of the week the crèche opens.
    pub open_days: Vec<Weekday>,
    /// Opening time (on the half-hour grid).
    pub opens_at: NaiveTime,
    /// Closing time (on the half-hour grid).
    pub closes_at: NaiveTime,
    /// Closure periods.
    pub closures: Vec<Closure>,
    /// Youngest age admitted, in months.
    pub min_age_months: u32,
    /// Oldest age admitted, in months: the child stays up to that birthday included, or up to
    /// the school year that follows it, as `upper_age_rule` says.
    pub max_age_months: u32,
    /// When children leave. Absent from files before format 5: school entry.
    pub upper_age_rule: UpperAgeRule,
}

impl Default for CrecheSettings {
    fn default() -> Self {
        Self {
            name: "Micro-crèche".to_owned(),
            capacity: DEFAULT_CAPACITY,
            open_days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            opens_at: time(8, 0),
            closes_at: time(18, 30),
            closures: Vec::new(),
            min_age_months: Child::CRECHE_MIN_MONTHS,
            max_age_months: Child::CRECHE_MAX_MONTHS,
            upper_age_rule: UpperAgeRule::SchoolEntry,
        }
    }
}

impl CrecheSettings {
    /// Every weekday, Monday first (pickers).
    pub const WEEKDAYS: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// What is wrong with these settings, in French (empty when they can be saved).
    #[must_use]
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.capacity == 0 {
            problems.push("La capacité doit être d'au moins un enfant.".to_owned());
        }
        if self.capacity > MAX_CAPACITY {
            problems.push(format!(
                "Une micro-crèche accueille {MAX_CAPACITY} enfants au plus (article R.2324-47 du \
                 code de la santé publique) : au-delà, ce n'est plus une micro-crèche."
            ));
        }
        if !on_grid(self.opens_at) || !on_grid(self.closes_at) {
            problems.push(
                "Les horaires d'ouverture doivent tomber sur l'heure ou la demi-heure.".to_owned(),
            );
        }
        if self.opens_at >= self.closes_at {
            problems.push("L'heure de fermeture doit suivre l'heure d'ouverture.".to_owned());
        }
        if self.open_days.is_empty() {
            problems.push("Cochez au moins un jour d'ouverture.".to_owned());
        }
        if self.min_age_months >= self.max_age_months {
            problems.push("L'âge maximum doit dépasser l'âge minimum.".to_owned());
        }
        for closure in &self.closures {
            if closure.from > closure.to {
                problems.push(format!(
                    "Fermeture « {} » : la fin ({}) précède le début ({}).",
                    closure.label,
                    format_date(closure.to),
                    format_date(closure.from)
                ));
            }
        }
        problems
    }

    /// The closure covering `date`, if any.
    #[must_use]
    pub fn closure_on(&self, date: NaiveDate) -> Option<&Closure> {
        self.closures
            .iter()
            .find(|c| c.from <= date && date <= c.to)
    }

    /// Whether the crèche opens on `date` (an opening day outside every closure).
    #[must_use]
    pub fn is_open(&self, date: NaiveDate) -> bool {
        self.open_days.contains(&date.weekday()) && self.closure_on(date).is_none()
    }

    /// The half-hours of a day, as their start times.
    #[must_use]
    pub fn slot_starts(&self) -> Vec<NaiveTime> {
        (slot_of(self.opens_at)..slot_of(self.closes_at))
            .map(slot_time)
            .collect()
    }

    /// The last day a child born on `birth` may come, under `upper_age_rule`.
    #[must_use]
    pub fn last_day(&self, birth: NaiveDate) -> NaiveDate {
        let birthday = birth
            .checked_add_months(Months::new(self.max_age_months))
            .unwrap_or(birth);
        match self.upper_age_rule {
            UpperAgeRule::Birthday => birthday,
            UpperAgeRule::SchoolEntry => {
                // The first 1 September after the birthday is the school's first day.
                let year = if birthday.month() >= 9 {
                    birthday.year().saturating_add(1)
                } else {
                    birthday.year()
                };
                NaiveDate::from_ymd_opt(year, 8, 31).unwrap_or(birthday)
            }
        }
    }

    /// Whether a child born on `birth` fits the age range on `day`.
    #[must_use]
    pub fn age_on(&self, birth: Option<NaiveDate>, day: NaiveDate) -> CrecheAge {
        let Some(birth) = birth else {
            return CrecheAge::Unknown;
        };
        let from = birth
            .checked_add_months(Months::new(self.min_age_months))
            .unwrap_or(birth);
        let until = self.last_day(birth);
        if day < from {
            CrecheAge::TooYoung { from }
        } else if day > until {
            CrecheAge::TooOld
        } else {
            CrecheAge::Eligible { until }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;

    use super::*;
    use crate::model::creche::test_support::*;
    use crate::model::creche::*;
    use crate::model::record::dates::test_support::d;

    use crate::model::*;

    #[test]
    fn settings_and_family_roundtrip_through_ron() {
        let mut settings = CrecheSettings::default();
        settings.closures.push(Closure {
            from: d(2026, 12, 21),
            to: d(2027, 1, 1),
            label: "Noël".into(),
        });
        let text = ron::to_string(&settings).unwrap();
        assert_eq!(ron::from_str::<CrecheSettings>(&text).unwrap(), settings);
        assert!(settings.problems().is_empty());

        let mut b = parent("Aller-retour", d(2025, 5, 5));
        let child = child_of(&b);
        let mut care = ChildCare::new(child);
        care.allergies = "Arachide".into();
        care.authorised_pickups = vec!["Tante Awa, 06 12 34 56 78".into()];
        care.care_starts_on = Some(d(2026, 9, 1));
        b.creche.care.push(care);
        let booking = Booking {
            reason: BookingReason::Interview(Some(ApplicationId::new())),
            ..once(&b, d(2026, 11, 24), t(9, 0), t(10, 0))
        };
        b.creche.waiting.push(WaitingRequest {
            booking: booking.clone(),
            requested_on: d(2026, 11, 20),
        });
        b.creche.bookings.push(booking);
        let text = ron::to_string(&b.creche).unwrap();
        assert_eq!(ron::from_str::<CrecheFamily>(&text).unwrap(), b.creche);
        // A settings file with only a name gets every other default.
        let partial: CrecheSettings = ron::from_str(r#"(name: "La Passerelle")"#).unwrap();
        assert_eq!(partial.capacity, 12);
        assert_eq!(partial.open_days.len(), 5);
    }

    #[test]
    fn bad_settings_are_explained() {
        let settings = CrecheSettings {
            capacity: 0,
            opens_at: t(9, 15),
            min_age_months: 40,
            ..CrecheSettings::default()
        };
        let problems = settings.problems();
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn settings_refuse_more_than_twelve_places() {
        let twelve = CrecheSettings {
            capacity: 12,
            ..CrecheSettings::default()
        };
        assert!(twelve.problems().is_empty());
        let thirteen = CrecheSettings {
            capacity: 13,
            ..CrecheSettings::default()
        };
        let problems = thirteen.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("12 enfants au plus")
                && problems[0].contains("ce n'est plus une micro-crèche"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn upper_age_rule_defaults_to_school_entry_and_old_settings_files_load() {
        // A creche.ron written before format 5 has no upper_age_rule: school entry.
        let old: CrecheSettings =
            ron::from_str(r#"(name: "La Passerelle", capacity: 10, max_age_months: 36)"#).unwrap();
        assert_eq!(old.upper_age_rule, UpperAgeRule::SchoolEntry);
        assert_eq!(old.capacity, 10);
        let birthday = CrecheSettings {
            upper_age_rule: UpperAgeRule::Birthday,
            ..old
        };
        let text = ron::to_string(&birthday).unwrap();
        assert_eq!(ron::from_str::<CrecheSettings>(&text).unwrap(), birthday);

        // A recurring booking runs to the summer before school, and is cut there.
        let b = parent("Rentrée", d(2023, 3, 10));
        let booking = Booking {
            schedule: Schedule::Weekly {
                days: vec![Weekday::Mon],
                from: d(2026, 1, 5),
                until: d(2026, 12, 21),
            },
            ..once(&b, d(2026, 1, 5), t(9, 0), t(10, 0))
        };
        let school = CrecheSettings::default();
        let planned = plan_booking(&[&b], &b, booking.clone(), &school).unwrap();
        assert_eq!(planned.cut_at, Some(d(2026, 8, 31)));
        let planned = plan_booking(&[&b], &b, booking, &birthday).unwrap();
        assert_eq!(planned.cut_at, Some(d(2026, 3, 10)));
        assert_eq!(
            school.age_on(Some(d(2023, 3, 10)), d(2026, 9, 1)),
            CrecheAge::TooOld
        );
    }
}
