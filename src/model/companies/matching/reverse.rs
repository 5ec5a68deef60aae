//! The reverse view: the people whose pathway is still open, ranked for one offer with the
//! same rules.

use std::borrow::Borrow;
use std::cmp::Reverse;

use chrono::NaiveDate;

use crate::model::companies::company::{Company, Offer};
use crate::model::creche::CrecheSettings;
use crate::model::record::beneficiary::Beneficiary;
use crate::model::record::ids::BeneficiaryId;
use crate::model::record::search::fold;

use super::{Profile, Reason};

/// The reverse view: people whose pathway is still open, ranked for one offer, best first.
#[must_use]
pub fn rank_beneficiaries<R: Borrow<Beneficiary>>(
    company: &Company,
    offer: &Offer,
    people: &[R],
    creche: &CrecheSettings,
    today: NaiveDate,
) -> Vec<(BeneficiaryId, i32, Vec<Reason>)> {
    let mut ranked: Vec<(BeneficiaryId, i32, Vec<Reason>, String)> = people
        .iter()
        .map(Borrow::borrow)
        .filter(|p| p.pathway.outcome.is_none())
        .map(|person| {
            let reasons = Profile::of(person, creche, today).score_offer(company, offer);
            let score = reasons.iter().map(|r| r.points).sum();
            (person.id, score, reasons, fold(&person.display_name()))
        })
        .collect();
    ranked.sort_by(|a, b| (Reverse(a.1), &a.3).cmp(&(Reverse(b.1), &b.3)));
    ranked
        .into_iter()
        .map(|(id, score, reasons, _)| (id, score, reasons))
        .collect()
}
