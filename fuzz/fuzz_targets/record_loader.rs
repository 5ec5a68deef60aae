//! The record loader, fed arbitrary bytes as a beneficiary's file: it must never panic, never
//! overflow its stack, and whatever it accepts must survive a write and a read unchanged —
//! otherwise a record that loads today could be saved into a file that no longer loads.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parcours::store::{parse_beneficiary, render_beneficiary};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(record) = parse_beneficiary(bytes) {
        let text = match render_beneficiary(&record) {
            Ok(text) => text,
            Err(error) => panic!("a loaded record could not be written back: {error}"),
        };
        match parse_beneficiary(text.as_bytes()) {
            Ok(again) => assert_eq!(again, record, "a write-then-read changed the record"),
            Err(error) => panic!(
                "Parcours wrote a file it cannot read: {}:{:?}\n{text}",
                error.message, error.location
            ),
        }
    }
});
