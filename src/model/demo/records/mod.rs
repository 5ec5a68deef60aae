//! Realistic, varied demonstration records, so that a newcomer sees a living app at once and
//! tests and benchmarks have data of the right shape.
//!
//! Generation is deterministic for a given seed and date (tests rely on it); callers that write
//! to a real data directory pass a seed taken from the clock, so identifiers are never reused.

use crate::model::record::{ConsentEntry, ConsentMethod, ConsentState, Protection, Purpose};
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};
use uuid::Uuid;

use crate::model::record::beneficiary::{
    Administrative, Beneficiary, Child, Contact, Family, FamilySituation, Identity, PermitKind,
    ResidencePermit, Sex,
};
use crate::model::record::cefr::CefrLevel;
use crate::model::record::ids::{BeneficiaryId, ChildId, PartnerId};
use crate::model::record::pathway::{
    ContractKind, EntryRoute, Outcome, OutcomeKind, Pathway, Phase, PhaseStatus, RouteOverride,
};
use crate::model::skills::assessment::{
    AreaAssessment, AreaStatus, CourseKind, Diploma, Experience, ExperienceKind, FlePartner,
    FleReferral, Language, LifeArea, Recognition, ReferralOutcome, Skill, SkillLevel,
    SkillsAssessment, Transferability, TransversalRating, TransversalSkill, YearMonth,
};

mod data;

use data::{
    CHILD_NAMES, COUNSELLOR_FIRST_NAMES, COUNSELLOR_LAST_NAMES, NOTES, ORIGINS, REFERENTS, STREETS,
    TOWNS, TRADES,
};

/// A tiny deterministic generator (`SplitMix64`): enough for varied demo data, no dependency.
/// Shared by the demo modules (phase 2 seeds one per record: see `demo_preparation`).
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True `percent` times in a hundred.
    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let len = u64::try_from(items.len()).unwrap_or(1);
        let index = usize::try_from(self.below(len)).unwrap_or(0);
        &items[index.min(items.len() - 1)]
    }

    fn days_before(&mut self, date: NaiveDate, min_days: u64, max_days: u64) -> NaiveDate {
        let days = min_days + self.below(max_days.saturating_sub(min_days) + 1);
        date.checked_sub_days(Days::new(days)).unwrap_or(date)
    }

    fn uuid(&mut self, at: NaiveDate) -> Uuid {
        let millis = at
            .and_time(NaiveTime::MIN)
            .and_utc()
            .timestamp_millis()
            .unsigned_abs();
        let random: [u8; 10] = {
            let a = self.next().to_le_bytes();
            let b = self.next().to_le_bytes();
            [a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], b[0], b[1]]
        };
        uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid()
    }
}

/// The permits the demo draws from: eight, in the order the draw has always used.
const DEMO_PERMITS: [PermitKind; 8] = [
    PermitKind::Receipt,
    PermitKind::AsylumSeeker,
    PermitKind::Temporary,
    PermitKind::MultiYear,
    PermitKind::Resident,
    PermitKind::Refugee,
    PermitKind::TemporaryProtection,
    PermitKind::SubsidiaryProtection,
];

fn later(a: NaiveDate, b: NaiveDate) -> NaiveDate {
    a.max(b)
}

/// A social-security number for the given sex and birth date that passes every check of the
/// form (15 digits, key right) yet can belong to no one: its order number (the three digits
/// before the key) is `000`, and INSEE numbers births from `001` to `999`. So a demo record
/// never carries someone's real NIR (see [`is_demo_nir`]).
fn social_security_number(rng: &mut Rng, sex: Sex, birth: NaiveDate) -> String {
    let sex_digit = if sex == Sex::Male { 1 } else { 2 };
    let country = 100 + rng.below(400);
    // Drawn as before, so that the rest of the demo for a seed stays the same.
    let _ = rng.below(998);
    // 99: born abroad; then the country code and the order number, never attributed.
    let body = format!(
        "{sex_digit}{:02}{:02}99{country:03}{DEMO_NIR_ORDER}",
        birth.year() % 100,
        birth.month(),
    );
    let number: u64 = body.parse().unwrap_or(0);
    format!("{body}{:02}", 97 - number % 97)
}

/// The order number of every demo NIR: never attributed by INSEE (births are numbered from
/// `001`).
const DEMO_NIR_ORDER: &str = "000";

/// Whether `nir` is in the demo range: 15 digits (spaces aside) whose order number, the three
/// digits before the key, is `000`, which INSEE never attributes.
#[must_use]
pub fn is_demo_nir(nir: &str) -> bool {
    let digits: Vec<char> = nir.chars().filter(|c| !c.is_whitespace()).collect();
    digits.len() == 15
        && digits.iter().all(char::is_ascii_digit)
        && digits
            .get(10..13)
            .is_some_and(|order| order == ['0', '0', '0'])
}

fn timestamp(date: NaiveDate, hour_minute: (u32, u32)) -> DateTime<Utc> {
    date.and_hms_opt(hour_minute.0, hour_minute.1, 0)
        .unwrap_or_default()
        .and_utc()
}

/// The demonstration directory of French-course partners (fixed identifiers, so that demo
/// records can refer to them whatever the seed).
#[must_use]
pub fn demo_partners() -> Vec<FlePartner> {
    let partner = |n: u128,
                   name: &str,
                   address: &str,
                   schedule: &str,
                   levels: &[CefrLevel],
                   contact: &str,
                   places| FlePartner {
        id: PartnerId::from_uuid(Uuid::from_u128(
            0x0190_0000_0000_7000_8000_0000_0000_0000 | n,
        )),
        name: name.to_owned(),
        address: address.to_owned(),
        schedule: schedule.to_owned(),
        levels_taught: levels.to_vec(),
        contact: contact.to_owned(),
        places_available: places,
        // The partners teaching A0 teach reading and writing.
        course: if levels.contains(&CefrLevel::A0) {
            CourseKind::Literacy
        } else {
            CourseKind::Fle
        },
    };
    vec![
        partner(
            1,
            "Association Alpha Vitry",
            "12 rue Audigeois, 94400 Vitry-sur-Seine",
            "lundi et jeudi 9h-12h",
            &[CefrLevel::A0, CefrLevel::A1],
            "Mme Haddad, 01 46 00 00 01",
            Some(4),
        ),
        partner(
            2,
            "Centre social Kennedy",
            "36 boulevard Kennedy, 94000 Créteil",
            "mardi et vendredi 14h-17h",
            &[CefrLevel::A1, CefrLevel::A2],
            "accueil, 01 43 00 00 02",
            Some(0),
        ),
        partner(
            3,
            "GRETA Val-de-Marne — FLE à visée professionnelle",
            "5 avenue Georges Pompidou, 94000 Créteil",
            "du lundi au vendredi 9h-16h (12 semaines)",
            &[CefrLevel::A2, CefrLevel::B1],
            "M. Lefèvre, 01 45 00 00 03",
            None,
        ),
    ]
}

/// How many people a demo counsellor follows at most, about: a larger demo has more
/// counsellors, so that each one's week stays a plausible one.
const CASELOAD: usize = 50;

/// The referents of `count` demo records: the four of the demo structure, and one more per
/// [`CASELOAD`] people beyond two hundred.
fn referents_for(count: usize) -> Vec<String> {
    let generated = COUNSELLOR_LAST_NAMES.iter().flat_map(|last| {
        COUNSELLOR_FIRST_NAMES
            .iter()
            .map(move |first| format!("{first} {last}"))
    });
    REFERENTS
        .iter()
        .map(|&name| name.to_owned())
        .chain(generated)
        .take(count.div_ceil(CASELOAD).max(REFERENTS.len()))
        .collect()
}

/// `count` demonstration records as of `today`, reproducible for the same `seed`.
#[must_use]
pub fn demo_beneficiaries(count: usize, today: NaiveDate, seed: u64) -> Vec<Beneficiary> {
    let mut rng = Rng(seed);
    let referents = referents_for(count);
    let mut records: Vec<Beneficiary> = (0..count)
        .map(|_| one(&mut rng, today, &referents))
        .map(|mut b| {
            b.preparation = crate::model::demo::preparation::preparation(&b, today);
            crate::model::demo::preparation::add_integration(&mut b, today);
            b
        })
        .collect();
    crate::model::demo::appointments::add_appointments(&mut records, today);
    crate::model::demo::creche::add_creche_bookings(&mut records, today);
    records
}

fn one(rng: &mut Rng, today: NaiveDate, referents: &[String]) -> Beneficiary {
    let origin = rng.pick(ORIGINS);
    let sex = if rng.chance(60) {
        Sex::Female
    } else {
        Sex::Male
    };
    let first_name = if sex == Sex::Female {
        rng.pick(origin.female)
    } else {
        rng.pick(origin.male)
    };
    let last_name = rng.pick(origin.last);
    let birth_date = rng.days_before(today, 19 * 365, 58 * 365);
    let adult = birth_date
        .checked_add_days(Days::new(18 * 365))
        .unwrap_or(birth_date);
    let arrival_date = later(rng.days_before(today, 60, 6 * 365), adult);
    let created = later(rng.days_before(today, 7, 900), arrival_date + Days::new(14)).min(today);

    let french_level = *rng.pick(&CefrLevel::ALL);
    let mut languages: Vec<Language> = origin
        .languages
        .iter()
        .enumerate()
        .map(|(i, &name)| {
            // The first language is the mother tongue; others are known less well.
            let spoken = if i == 0 {
                CefrLevel::C2
            } else {
                *rng.pick(&CefrLevel::ALL[3..])
            };
            let writing = if rng.chance(20) {
                CefrLevel::A0
            } else {
                spoken
            };
            Language {
                name: name.to_owned(),
                understanding: spoken,
                speaking: spoken,
                writing,
            }
        })
        .collect();
    if rng.chance(25) && !languages.iter().any(|l| l.name == "anglais") {
        let level = *rng.pick(&CefrLevel::ALL[2..6]);
        languages.push(Language {
            name: "anglais".to_owned(),
            understanding: level,
            speaking: level,
            writing: level,
        });
    }

    let (town, postcode) = *rng.pick(TOWNS);
    let contact = Contact {
        phone: format!(
            "0{} {:02} {:02} {:02} {:02}",
            6 + rng.below(2),
            rng.below(100),
            rng.below(100),
            rng.below(100),
            rng.below(100)
        ),
        email: if rng.chance(55) {
            format!(
                "{}.{}{}@exemple.fr",
                crate::model::record::fold(first_name).replace([' ', '\''], ""),
                crate::model::record::fold(last_name).replace([' ', '\''], ""),
                rng.below(90) + 10
            )
        } else {
            String::new()
        },
        street: format!("{} {}", 1 + rng.below(120), rng.pick(STREETS)),
        postcode: postcode.to_owned(),
        town: town.to_owned(),
    };

    let residence_permit = rng.chance(85).then(|| {
        let kind = *rng.pick(&DEMO_PERMITS);
        let issued_on = later(rng.days_before(today, 10, 700), arrival_date).min(today);
        // The draw is made for the same kinds as before format 5, so every other demo value
        // stays what it was.
        let drawn_years = if kind == PermitKind::Resident {
            10
        } else {
            1 + rng.below(4)
        };
        let years = match kind {
            PermitKind::Refugee => 10,
            PermitKind::SubsidiaryProtection => 4,
            _ => drawn_years,
        };
        ResidencePermit {
            kind,
            number: rng
                .chance(60)
                .then(|| format!("{:010}", rng.below(10_000_000_000))),
            issued_on: Some(issued_on),
            expires_on: issued_on.checked_add_days(Days::new(years * 365)),
            renews: None,
            work_authorisation: false,
        }
    });
    let administrative = Administrative {
        residence_permit,
        cir_signed_on: rng
            .chance(70)
            .then(|| later(rng.days_before(today, 5, 800), arrival_date).min(today)),
        caf_number: rng
            .chance(50)
            .then(|| format!("{:07}", rng.below(10_000_000))),
        social_security_number: rng
            .chance(45)
            .then(|| social_security_number(rng, sex, birth_date)),
    };

    let child_count = match rng.below(10) {
        0..=3 => 0,
        4..=6 => 1,
        7 | 8 => 2,
        _ => 3,
    };
    let parent_from = birth_date + Days::new(18 * 365);
    let children = (0..child_count)
        .map(|i| {
            // The youngest child of a family is often a toddler: the micro-crèche matters.
            let child_birth = if i == 0 && rng.chance(60) {
                rng.days_before(today, 95, 3 * 365 - 30)
            } else {
                rng.days_before(today, 120, 14 * 365)
            };
            Child {
                id: ChildId::from_uuid(rng.uuid(child_birth)),
                first_name: (*rng.pick(CHILD_NAMES)).to_owned(),
                birth_date: Some(later(child_birth, parent_from).min(today)),
            }
        })
        .collect::<Vec<_>>();
    let situation = if children.is_empty() {
        *rng.pick(&[
            FamilySituation::Single,
            FamilySituation::Married,
            FamilySituation::Unspecified,
        ])
    } else {
        *rng.pick(&FamilySituation::ALL[1..])
    };

    let pathway = pathway(rng, today, created, french_level);
    let mut skills = skills_assessment(rng, today, origin.country, arrival_date, created);
    if EntryRoute::for_level(french_level) == Some(EntryRoute::FrenchFirst) && rng.chance(60) {
        let partners = demo_partners();
        let partner = rng.pick(&partners);
        let levels_ok = partner.levels_taught.contains(&french_level);
        skills.fle_referrals.push(FleReferral {
            partner: partner.id,
            partner_name: partner.name.clone(),
            referred_on: later(rng.days_before(today, 3, 200), created).min(today),
            outcome: if levels_ok {
                *rng.pick(&ReferralOutcome::ALL)
            } else {
                ReferralOutcome::Declined
            },
            note: String::new(),
        });
    }
    let mut record = Beneficiary {
        id: BeneficiaryId::from_uuid(rng.uuid(created)),
        identity: Identity {
            first_name: (*first_name).to_owned(),
            last_name: (*last_name).to_owned(),
            birth_name: String::new(),
            birth_date: Some(birth_date),
            sex,
            nationality: origin.nationality.to_owned(),
            country_of_origin: origin.country.to_owned(),
            languages,
            arrival_date: Some(arrival_date),
        },
        contact,
        administrative,
        family: Family {
            situation,
            children,
        },
        french_level,
        french_abilities: crate::model::record::integration::FrenchAbilities::default(),
        pathway,
        skills,
        // One draw, whatever the number of referents: the rest of the record stays the same.
        referent: rng.pick(referents).clone(),
        private_notes: (*rng.pick(NOTES)).to_owned(),
        created_at: timestamp(created, (9, 30)),
        updated_at: timestamp(today.min(created + Days::new(rng.below(60))), (16, 5)),
        preparation: crate::model::preparation::plan::Preparation::default(),
        creche: crate::model::creche::CrecheFamily::default(),
        applications: Vec::new(),
        protection: Protection::default(),
        french_history: Vec::new(),
    };
    // After the rest, which draws from the generator: the demo's other data stays as it was.
    record.protection = demo_protection(created, &record.referent);
    record
}

/// The person informed of the follow-up and agreeing to every sharing, on the form signed at
/// entry, collected by the referent.
fn demo_protection(created: NaiveDate, referent: &str) -> Protection {
    let mut protection = Protection::default();
    for purpose in Purpose::ALL {
        protection.record(ConsentEntry {
            purpose,
            state: ConsentState::Given,
            date: created,
            method: if purpose.needs_consent() {
                ConsentMethod::SignedForm
            } else {
                ConsentMethod::Oral
            },
            by: referent.to_owned(),
        });
    }
    protection
}

/// Phase-1 data: one or two past trades with their experiences, skills and diplomas, a few
/// transversal ratings and life areas, sometimes a referral to a French-course partner.
fn skills_assessment(
    rng: &mut Rng,
    today: NaiveDate,
    country: &str,
    arrival: NaiveDate,
    created: NaiveDate,
) -> SkillsAssessment {
    let mut assessment = SkillsAssessment::default();
    if rng.chance(15) {
        return assessment;
    }
    let arrival_year = arrival.year();
    for n in 0..=rng.below(2) {
        let &(code, title, skill, regulated, diploma, eqf) = rng.pick(TRADES);
        if assessment.target_occupations.iter().any(|c| c == code) {
            continue;
        }
        let years = 1 + i32::try_from(rng.below(9)).unwrap_or(0);
        let ended = arrival_year - 1 - i32::try_from(n * 2).unwrap_or(0);
        assessment.experiences.push(Experience {
            kind: if rng.chance(85) {
                ExperienceKind::Professional
            } else {
                ExperienceKind::Volunteering
            },
            title: title.to_owned(),
            country: country.to_owned(),
            employer: String::new(),
            started: Some(YearMonth {
                year: ended - years,
                month: Some(1 + u32::try_from(rng.below(12)).unwrap_or(0)),
            }),
            ended: Some(YearMonth {
                year: ended,
                month: None,
            }),
            ongoing: false,
            description: String::new(),
            rome_code: Some(code.to_owned()),
        });
        assessment.skills.push(Skill {
            label: skill.to_owned(),
            level: *rng.pick(&SkillLevel::ALL[1..]),
            acquired_in: title.to_owned(),
            transferability: if regulated {
                Transferability::Regulated
            } else if rng.chance(40) {
                Transferability::ToAdapt
            } else {
                Transferability::AsIs
            },
        });
        if !diploma.is_empty() && rng.chance(70) {
            let recognition = *rng.pick(&Recognition::ALL);
            let requested_on = (recognition != Recognition::None)
                .then(|| later(rng.days_before(today, 20, 400), created).min(today));
            let decided_on = match (recognition, requested_on) {
                (Recognition::Obtained | Recognition::NotComparable, Some(r)) => {
                    Some((r + Days::new(60)).min(today))
                }
                _ => None,
            };
            assessment.diplomas.push(Diploma {
                title: diploma.to_owned(),
                country: country.to_owned(),
                year: Some(ended - years),
                eqf_level: Some(eqf),
                field: String::new(),
                recognition,
                requested_on,
                decided_on,
                has_original: rng.chance(70),
                has_certified_translation: rng.chance(40),
            });
        }
        assessment.target_occupations.push(code.to_owned());
    }
    for skill in TransversalSkill::ALL {
        if rng.chance(60) {
            assessment.transversal.insert(
                skill,
                TransversalRating {
                    rating: Some(1 + u8::try_from(rng.below(4)).unwrap_or(0)),
                    comment: String::new(),
                },
            );
        }
    }
    for area in LifeArea::ALL {
        let status = *rng.pick(&AreaStatus::ALL);
        if status != AreaStatus::NotExplored {
            assessment.life_areas.insert(
                area,
                AreaAssessment {
                    status,
                    note: String::new(),
                },
            );
        }
    }
    assessment
}

fn pathway(rng: &mut Rng, today: NaiveDate, created: NaiveDate, level: CefrLevel) -> Pathway {
    let mut pathway = Pathway::default();
    if level.is_assessed() && rng.chance(8) {
        let route = if level.reaches_b1() {
            EntryRoute::FrenchFirst
        } else {
            EntryRoute::Valorisation
        };
        let reason = if route == EntryRoute::Valorisation {
            "Diplôme du pays d'origine dans un métier en tension ; FLE à visée professionnelle en parallèle."
        } else {
            "Écrit encore fragile malgré un oral B1 : remise à niveau avant le programme."
        };
        pathway.route_override = Some(RouteOverride {
            route,
            reason: reason.to_owned(),
        });
    }
    // How far the person has gone: phases done, the phase under way, and whether it closed.
    let (done, in_progress, closed) = match rng.below(8) {
        0 => (0, false, false),
        n @ 1..=3 => (n - 1, true, false),
        5 => (3, false, false),
        6 => (1, false, false),
        _ => (3, false, true),
    };
    let span = (today - created).num_days().max(1).unsigned_abs();
    let step = (span / 4).max(1);
    let mut start = created;
    let touched = usize::try_from(done).unwrap_or(0) + usize::from(in_progress);
    for (index, phase) in Phase::ALL.into_iter().enumerate().take(touched) {
        let progress = pathway.phases.get_mut(phase);
        progress.started_on = Some(start.min(today));
        let end = (start + Days::new(step)).min(today);
        if (index as u64) < done {
            progress.status = PhaseStatus::Done;
            progress.ended_on = Some(end);
        } else {
            progress.status = PhaseStatus::InProgress;
        }
        start = end;
    }
    if closed {
        let kind = *rng.pick(&[
            OutcomeKind::Employment(ContractKind::Cdi),
            OutcomeKind::Employment(ContractKind::Cdd),
            OutcomeKind::Employment(ContractKind::Interim),
            OutcomeKind::Employment(ContractKind::SubsidisedContract),
            OutcomeKind::Training,
            OutcomeKind::Dropout,
        ]);
        pathway.outcome = Some(Outcome {
            kind,
            date: start.min(today),
            contract_months: None,
        });
    }
    pathway
}

#[cfg(test)]
mod tests;
