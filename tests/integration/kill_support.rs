//! What the tests that kill a writer at random moments share: deterministic kill times, and a
//! copy of a template data directory for each run to start from.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::Path;

/// A plain copy of a data directory (without its lock), for each run to start from the same
/// state without writing every record again.
pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else if entry.file_name() != ".parcours.lock" {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Deterministic numbers for the kill times (`xorshift64`): a fixed seed gives the same
/// delays on every run of a test.
pub struct Rng(pub u64);

impl Rng {
    /// The next number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}
