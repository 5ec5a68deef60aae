//! The tabs of a record.

pub(crate) mod companies;
pub(crate) mod creche;
pub(crate) mod identity;
pub(crate) mod preparation;
pub(crate) mod skills;
pub(crate) mod summary;
