//! Demo data for phase 3: two dozen partner companies of the Val-de-Marne across sectors,
//! with offers in every status, and applications in every state for some demo people.
//!
//! Identifiers are fixed, so that loading the demo twice updates the same files instead of
//! doubling the directory.

use chrono::{Days, NaiveDate, NaiveTime};
use uuid::Uuid;

use crate::model::companies::application::{
    Application, ApplicationState, EndReason, Immersion, ImmersionResult, RefusalReason,
};
use crate::model::companies::company::{Company, CompanyContact, Offer, OfferStatus, luhn_ok};
use crate::model::record::beneficiary::Beneficiary;
use crate::model::record::ids::{CompanyId, OfferId};
use crate::model::record::pathway::ContractKind;

mod data;

use data::{COMPANIES, SIAE};

/// A SIRET with its keys (the SIREN's, then the SIRET's), from a company's number in the list.
fn siret(n: u32) -> String {
    let with_key = |prefix: String| {
        (0..10)
            .map(|d| format!("{prefix}{d}"))
            .find(|s| luhn_ok(s))
            .unwrap_or(prefix)
    };
    let siren = with_key(format!("{:08}", 81_234_500 + n * 7));
    with_key(format!("{siren}{:04}", 10 + n))
}

fn fixed_uuid(kind: u128, n: usize) -> Uuid {
    Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 | (kind << 32) | n as u128)
}

/// The demo companies (25, in 10 sectors, one an insertion workshop), with their offers.
#[must_use]
pub fn demo_companies(today: NaiveDate) -> Vec<Company> {
    COMPANIES
        .iter()
        .enumerate()
        .map(
            |(n, &(name, ape, town, postcode, clauses, contact, offers))| {
                let number = u32::try_from(n).unwrap_or_default();
                let first_name = contact.split(' ').next().unwrap_or_default().to_lowercase();
                Company {
                    id: CompanyId::from_uuid(fixed_uuid(0xC0, n)),
                    name: name.to_owned(),
                    siret: siret(number),
                    ape: ape.to_owned(),
                    address: format!("{} rue de la République", 3 + n * 4),
                    postcode: postcode.to_owned(),
                    town: town.to_owned(),
                    contacts: vec![CompanyContact {
                        name: contact.to_owned(),
                        role: "Responsable du recrutement".to_owned(),
                        phone: format!("01 45 {:02} {:02} {:02}", 10 + n, 20 + n, 30 + n),
                        email: format!(
                            "{}@entreprise-{}.example.fr",
                            fold_ascii(&first_name),
                            n + 1
                        ),
                    }],
                    insertion_clauses: clauses,
                    siae: SIAE.iter().find(|(n, _)| *n == name).map(|(_, kind)| *kind),
                    notes: String::new(),
                    offers: offers
                        .iter()
                        .enumerate()
                        .map(
                            |(
                                k,
                                &(title, rome, contract, hours, schedule, french, skills, status),
                            )| {
                                Offer {
                                    id: OfferId::from_uuid(fixed_uuid(0x0F, n * 16 + k)),
                                    title: title.to_owned(),
                                    rome_code: Some(rome.to_owned()),
                                    contract,
                                    weekly_hours: Some(hours),
                                    schedule,
                                    start_date: today
                                        .checked_add_days(Days::new(14 + 7 * k as u64)),
                                    town: String::new(),
                                    postcode: String::new(),
                                    french_level: french,
                                    required_skills: skills
                                        .iter()
                                        .map(|s| (*s).to_owned())
                                        .collect(),
                                    required_diplomas: Vec::new(),
                                    positions: 1 + u32::try_from(k).unwrap_or_default(),
                                    status,
                                }
                            },
                        )
                        .collect(),
                }
            },
        )
        .collect()
}

/// Letters only, accents dropped, for demo e-mail addresses.
fn fold_ascii(text: &str) -> String {
    crate::model::record::search::fold(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// Gives the first demo people whose pathway is open (at least eight, a third of them at
/// scale) applications in every state, to offers of `companies`. Returns how many people
/// received some.
pub fn add_demo_applications(
    people: &mut [Beneficiary],
    companies: &[Company],
    today: NaiveDate,
) -> usize {
    let targets: Vec<(&Company, Option<&Offer>)> = companies
        .iter()
        .flat_map(|c| {
            c.offers
                .iter()
                .map(move |o| (c, Some(o)))
                .chain(c.offers.is_empty().then_some((c, None)))
        })
        .collect();
    if targets.is_empty() {
        return 0;
    }
    let day = |back: u64| today.checked_sub_days(Days::new(back)).unwrap_or(today);
    // At least eight people; at scale, one in three, as a department's files would hold.
    let takers = (people.len() / 3).max(8);
    let mut given = 0;
    for (n, person) in people
        .iter_mut()
        .filter(|p| p.pathway.outcome.is_none())
        .take(takers)
        .enumerate()
    {
        let mut applications = Vec::new();
        for k in 0..2 {
            let step = n * 2 + k;
            let Some(&(company, offer)) = targets.get((step * 5) % targets.len()) else {
                continue;
            };
            let mut application = Application::propose(
                company.id,
                &company.name,
                offer.map(|o| (o.id, o.title.as_str())),
                day(40),
            );
            // Steps 0–6 walk the seven states in turn.
            let moves: Vec<ApplicationState> = match step % 7 {
                0 => vec![],
                1 => vec![ApplicationState::Sent],
                2 => vec![
                    ApplicationState::Sent,
                    ApplicationState::Interview {
                        date: today.checked_add_days(Days::new(6)).unwrap_or(today),
                        time: NaiveTime::from_hms_opt(10, 30, 0),
                        place: format!("{}, {}", company.address, company.town),
                    },
                ],
                3 => vec![
                    ApplicationState::Sent,
                    ApplicationState::Interview {
                        date: day(10),
                        time: NaiveTime::from_hms_opt(14, 0, 0),
                        place: company.town.clone(),
                    },
                    ApplicationState::Hired {
                        contract: offer.map_or(ContractKind::Cdd, |o| o.contract),
                        start: today.checked_add_days(Days::new(10)).unwrap_or(today),
                    },
                ],
                4 => vec![
                    ApplicationState::Sent,
                    ApplicationState::Refused {
                        reason: RefusalReason::ALL
                            .get(step % RefusalReason::ALL.len())
                            .copied()
                            .unwrap_or(RefusalReason::Other),
                        note: String::new(),
                    },
                ],
                5 => vec![ApplicationState::Withdrawn],
                // A job that ended in its trial period: the pathway goes on.
                _ => vec![
                    ApplicationState::Sent,
                    ApplicationState::Interview {
                        date: day(35),
                        time: NaiveTime::from_hms_opt(9, 0, 0),
                        place: company.town.clone(),
                    },
                    ApplicationState::Hired {
                        contract: ContractKind::Cdd,
                        start: day(28),
                    },
                    ApplicationState::Ended {
                        reason: EndReason::TrialPeriodBreak,
                        on: day(10),
                    },
                ],
            };
            for (i, next) in moves.into_iter().enumerate() {
                // Demo moves follow the rules; one that did not would simply stop here.
                if application.move_to(next, day(30 - 8 * i as u64)).is_err() {
                    break;
                }
            }
            applications.push(application);
        }
        // One in four also does a PMSMP in the insertion workshop, assessed when it is over.
        if n % 4 == 1
            && let Some(aci) = companies.iter().find(|c| c.siae.is_some())
            && let Ok(mut immersion) = Immersion::new(day(25), day(12), "Mélanie Roux")
        {
            immersion.result = ImmersionResult::Conclusive;
            applications.push(Application::immersion(
                aci.id,
                &aci.name,
                immersion,
                day(32),
            ));
        }
        person.applications = applications;
        given += 1;
    }
    given
}

/// Companies for a demo of `records` beneficiaries: the fixed directory of
/// [`demo_companies`], then, for a scale set, more of the same sectors (one company per five
/// records and one offer per record in all: 2,000 companies and 10,000 offers for 10,000
/// records), each with its own identifier, SIRET and offers.
#[must_use]
pub fn demo_companies_for(records: usize, today: NaiveDate) -> Vec<Company> {
    let base = demo_companies(today);
    let wanted = (records / 5).max(base.len());
    // One offer per record in all: what the fixed directory lacks is spread over the others.
    let base_offers: usize = base.iter().map(|c| c.offers.len()).sum();
    let generated = wanted - base.len();
    let missing = records.saturating_sub(base_offers);
    let mut companies = base.clone();
    for n in base.len()..wanted {
        let index = n - base.len();
        let offers_here =
            missing / generated.max(1) + usize::from(index < missing % generated.max(1));
        let Some(model) = base.get(n % base.len()) else {
            break;
        };
        let mut company = model.clone();
        company.id = CompanyId::from_uuid(fixed_uuid(0xC0, n));
        company.name = format!("{} ({})", model.name, n / base.len() + 1);
        company.siret = siret(u32::try_from(n).unwrap_or_default());
        company.address = format!("{} avenue de Paris", 1 + n % 200);
        // A company of the fixed directory without offers lends its sector but borrows the
        // offers of the next one that has some, so that the scale set has its 10,000 offers.
        let templates = (0..base.len())
            .filter_map(|step| base.get((n + step) % base.len()))
            .find(|c| !c.offers.is_empty())
            .map(|c| c.offers.clone())
            .unwrap_or_default();
        company.offers = (0..offers_here)
            .filter_map(|k| {
                let mut offer = templates.get(k % templates.len().max(1))?.clone();
                offer.status = OfferStatus::Open;
                offer.id = OfferId::from_uuid(fixed_uuid(0x0F, n * 16 + k));
                Some(offer)
            })
            .collect();
        companies.push(company);
    }
    companies
}

#[cfg(test)]
mod tests;
