//! Demo data: plausible, reproducible records, partners, workshops, companies and crèche
//! bookings, for trying Parcours at once and for tests and benches.

pub(crate) mod appointments;
pub(crate) mod companies;
pub(crate) mod creche;
pub(crate) mod preparation;
pub(crate) mod records;

pub use companies::{add_demo_applications, demo_companies, demo_companies_for};
pub use creche::rebook_demo_creche;
pub use preparation::demo_workshops;
pub use records::{demo_beneficiaries, demo_partners, is_demo_nir};
