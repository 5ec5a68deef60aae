use chrono::{NaiveDate, Utc};

use super::*;

#[test]
fn the_json_copy_starts_with_its_format_then_holds_the_record_as_stored() {
    let mut record = Beneficiary::new(Utc::now());
    record.identity.last_name = "Diallo".into();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let json = String::from_utf8(export_json(&record, today, &[]).unwrap()).unwrap();
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

/// Every piece of free text a record holds (names, notes, places, reasons…), read from its own
/// JSON form: enumeration variants, identifiers, dates and times are left out (shown in French
/// or not at all).
fn free_texts(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => {
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            let variant = s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && s.chars().all(|c| c.is_ascii_alphabetic());
            let machine = s
                .chars()
                .all(|c| c.is_ascii_hexdigit() || "-:TZ.".contains(c));
            if !s.is_empty() && !variant && !machine {
                out.push(s);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| free_texts(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| free_texts(v, out)),
        _ => {}
    }
}

#[test]
fn every_text_the_record_holds_is_in_the_person_s_copy() {
    use crate::model::creche::{ChildCare, WaitingRequest};
    use crate::model::demo::{add_demo_applications, demo_beneficiaries, demo_companies};
    use crate::model::record::{ConsentOverride, Purpose, RetentionExtension, Settings};

    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut records = demo_beneficiaries(40, today, 3);
    add_demo_applications(&mut records, &demo_companies(today), today);
    // What the demo never holds: an override, an extension, a waiting request, care
    // information left for a child no longer in the family list.
    let first = &mut records[0];
    first.protection.overrides.push(ConsentOverride {
        purpose: Purpose::ShareWithCompanies,
        date: today,
        reason: "Entretien fixé par la personne elle-même".into(),
        by: "Claire Martin".into(),
    });
    first.protection.extension = Some(RetentionExtension {
        until: today,
        reason: "Recours en cours devant le tribunal administratif".into(),
    });
    let mut care = ChildCare::new(crate::model::record::ChildId::new());
    care.health_notes = "Asthme léger, inhalateur dans le sac".into();
    first.creche.care.push(care);
    if let Some(booking) = records
        .iter()
        .flat_map(|r| &r.creche.bookings)
        .next()
        .cloned()
    {
        records[0].creche.waiting.push(WaitingRequest {
            booking,
            requested_on: today,
        });
    }
    for record in &records {
        let document = ExportDocument::new(record, &Settings::default(), today, &[]);
        let mut printed = String::new();
        for section in &document.sections {
            for block in &section.blocks {
                printed.push_str(&block.heading);
                printed.push('\n');
                for row in &block.rows {
                    for part in [&row.label, &row.value] {
                        printed.push_str(part);
                        printed.push('\n');
                    }
                }
            }
        }
        let printed = printed.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut texts = Vec::new();
        free_texts(&serde_json::to_value(record).unwrap(), &mut texts);
        assert!(texts.len() > 10, "{texts:?}");
        // One capitalised ASCII word reads like a variant above: names are checked here.
        texts.push(record.identity.first_name.clone());
        texts.push(record.identity.last_name.clone());
        for text in texts {
            assert!(
                printed.contains(&text),
                "« {text} » is held by {} but not in their copy",
                record.id
            );
        }
    }
}
