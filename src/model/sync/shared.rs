//! The files every counsellor writes to (a workshop, a company, the crèche's and the
//! structure's settings, a French-course partner): their units and their automatic merge.

use serde::Serialize;

use super::{Order, Units, Versions, hash_of, merge_items, merged_stamp, order};
use crate::model::companies::{Company, Offer};
use crate::model::creche::CrecheSettings;
use crate::model::preparation::{Enrolment, Workshop};
use crate::model::record::Settings;
use crate::model::skills::FlePartner;

/// The unit key of a shared file's fields (its list aside).
const CORE: &str = "core";

/// A shared file: its fields, and the one list several people add to (none for some).
pub trait Shared: Clone + Serialize {
    /// An item of the list.
    type Item: Clone + Serialize;
    /// The list.
    fn items(&self) -> &[Self::Item];
    /// Replaces the list.
    fn set_items(&mut self, items: Vec<Self::Item>);
    /// An item's key in the stamps (its list's name, `/`, its id).
    fn item_key(item: &Self::Item) -> String;

    /// Every unit of the file as it is now.
    fn units(&self) -> Units {
        let mut core = self.clone();
        core.set_items(Vec::new());
        let mut units = Units::new();
        units.insert(CORE.to_owned(), hash_of(&core));
        for item in self.items() {
            units.insert(Self::item_key(item), hash_of(item));
        }
        units
    }
}

impl Shared for Workshop {
    type Item = Enrolment;
    fn items(&self) -> &[Enrolment] {
        &self.enrolments
    }
    fn set_items(&mut self, items: Vec<Enrolment>) {
        self.enrolments = items;
    }
    fn item_key(item: &Enrolment) -> String {
        format!("enrolments/{}", item.beneficiary)
    }
}

impl Shared for Company {
    type Item = Offer;
    fn items(&self) -> &[Offer] {
        &self.offers
    }
    fn set_items(&mut self, items: Vec<Offer>) {
        self.offers = items;
    }
    fn item_key(item: &Offer) -> String {
        format!("offers/{}", item.id)
    }
}

/// The files with no list: one unit.
macro_rules! whole {
    ($($t:ty),*) => {$(
        impl Shared for $t {
            type Item = ();
            fn items(&self) -> &[()] {
                &[]
            }
            fn set_items(&mut self, _items: Vec<()>) {}
            fn item_key(_item: &()) -> String {
                String::new()
            }
        }
    )*};
}
whole!(CrecheSettings, Settings, FlePartner);

/// The merge of a shared file found in two copies, with its stamps; `None` when both copies
/// changed the same field or the same item (left to the counsellor, never decided silently).
#[must_use]
pub fn merge_shared<T: Shared>(
    first: &T,
    va: &Versions,
    second: &T,
    vb: &Versions,
) -> Option<(T, Versions)> {
    let core = |t: &T| {
        let mut c = t.clone();
        c.set_items(Vec::new());
        hash_of(&c)
    };
    let (ta, tb) = (va.get(CORE), vb.get(CORE));
    let decided = order(Some(core(first)), ta, Some(core(second)), tb);
    let mut merged = match decided {
        Order::Same | Order::First => first.clone(),
        Order::Second => second.clone(),
        Order::Both => return None,
    };
    let mut versions = Versions::new();
    let (winner, loser) = if decided == Order::Second {
        (tb, ta)
    } else {
        (ta, tb)
    };
    if let Some(stamp) = merged_stamp(winner, loser) {
        versions.insert(CORE.to_owned(), stamp);
    }
    let (items, collided) = merge_items(
        first.items(),
        second.items(),
        T::item_key,
        (va, vb),
        false,
        &mut versions,
    );
    if !collided.is_empty() {
        return None;
    }
    merged.set_items(items);
    Some((merged, versions))
}
