use chrono::{NaiveDate, Utc};

use super::*;

#[test]
fn the_json_copy_starts_with_its_format_then_holds_the_record_as_stored() {
    let mut record = Beneficiary::new(Utc::now());
    record.identity.last_name = "Diallo".into();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let json = String::from_utf8(export_json(&record, today).unwrap()).unwrap();
    assert!(
        json.starts_with("{\n  \"format\": \"parcours-export\",\n  \"version\": 1,"),
        "{json}"
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let back: Beneficiary = serde_json::from_value(value).unwrap();
    assert_eq!(back, record);
    assert_eq!(
        export_file_name(&record, today),
        "donnees_Diallo_2026-11-27.pdf"
    );
}
