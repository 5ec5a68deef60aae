//! The convocation letter: one A4 page, in plain French, for a person who may have no e-mail
//! and read French with difficulty, posted in a DL window envelope (or handed over).
//!
//! **Window position.** The person's name and postal address are printed in the area that
//! shows through the window of a standard French DL envelope (110 × 220 mm, "fenêtre à
//! droite", window 45 × 100 mm, 20 mm from the envelope's right edge and 15 mm from its
//! bottom): on the A4 sheet folded in three, that is the rectangle **100 mm wide, 45 mm high,
//! 90 mm from the left edge (20 mm from the right) and 50 mm from the top**. Nothing else is
//! printed there: the letterhead stays left of it, the subject ("Rendez-vous", never the
//! person's situation) and the body start below it, at 97 mm (above the first fold, 99 mm).
//! The text sits 5 mm inside the rectangle, so that a letter shifted in the envelope still
//! shows the whole address. The template (`assets/typst/convocation.typ`) uses the same
//! figures.
//!
//! The document is plain data handed to the template through the report engine, as the other
//! printed documents are; the same letter serves an individual appointment and each
//! participant of a workshop.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::Serialize;

use super::engine::{Engine, RenderError, Rendered, Template};
use super::summary::long_date;
use crate::model::creche::weekday_label;
use crate::model::preparation::{Appointment, AppointmentMode, Workshop};
use crate::model::record::{Beneficiary, Settings};

/// The template's file name.
pub const CONVOCATION_TEMPLATE_FILE: &str = "convocation.typ";

/// The envelope window's rectangle on the sheet, in millimetres from the top-left corner:
/// left, top, width, height (see the module's documentation).
pub const WINDOW_MM: (f32, f32, f32, f32) = (90.0, 50.0, 100.0, 45.0);

/// The convocation template embedded in the binary.
#[must_use]
pub fn convocation_template() -> Template {
    Template {
        file: CONVOCATION_TEMPLATE_FILE,
        source: Cow::Borrowed(include_str!("../../assets/typst/convocation.typ")),
    }
}

/// What the convocation template prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConvocationDocument {
    /// The structure's name (a neutral wording when the settings leave it empty).
    pub structure: String,
    /// The structure's postal address, one line per line.
    pub structure_address: Vec<String>,
    /// The structure's phone (may be empty).
    pub structure_phone: String,
    /// The lines shown through the envelope window: the person's name, then their postal
    /// address when the record has one (town in capitals, as La Poste asks).
    pub recipient: Vec<String>,
    /// "Le 22 novembre 2026": the day the letter is written.
    pub written_on: String,
    /// "Bonjour Fatou Diallo,".
    pub greeting: String,
    /// The first sentence: what the person is invited to.
    pub invitation: String,
    /// "mardi 24 novembre 2026".
    pub date: String,
    /// "10 h 30".
    pub time: String,
    /// "45 minutes", "1 heure", "2 heures".
    pub duration: String,
    /// Where, or how (phone, video); one line per line.
    pub place: Vec<String>,
    /// How to get there (the settings' access notes, for a meeting in person).
    pub access: Vec<String>,
    /// "Vous verrez Claire Martin." (empty when nobody is named).
    pub counsellor: String,
    /// What to bring.
    pub bring: Vec<String>,
    /// How to warn of an absence.
    pub warn: String,
    /// Bigger type (still one page).
    pub large: bool,
}

/// "10 h 30", "9 h 00": the time as a letter writes it.
#[must_use]
pub fn letter_time(t: NaiveTime) -> String {
    format!("{} h {:02}", t.hour(), t.minute())
}

/// "45 minutes", "1 heure", "1 heure 30", "2 heures".
#[must_use]
pub fn letter_duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} minutes"),
        (1, 0) => "1 heure".to_owned(),
        (h, 0) => format!("{h} heures"),
        (1, m) => format!("1 heure {m:02}"),
        (h, m) => format!("{h} heures {m:02}"),
    }
}

/// "mardi 24 novembre 2026".
#[must_use]
pub fn letter_date(date: NaiveDate) -> String {
    format!("{} {}", weekday_label(date.weekday()), long_date(date))
}

/// The non-empty trimmed lines of a setting or a field.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The name and postal address for the window: "Fatou DIALLO", street, "94400 VITRY-SUR-SEINE".
fn recipient(record: &Beneficiary) -> Vec<String> {
    let first = record.identity.first_name.trim();
    let last = record.identity.last_name.trim().to_uppercase();
    let name = [first, last.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut lines = vec![if name.is_empty() {
        record.display_name()
    } else {
        name
    }];
    lines.extend(self::lines(&record.contact.street));
    let town = [
        record.contact.postcode.trim().to_owned(),
        record.contact.town.trim().to_uppercase(),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    if !town.is_empty() {
        lines.push(town);
    }
    lines
}

impl ConvocationDocument {
    /// The parts every letter shares: letterhead, window, greeting, how to warn.
    fn base(record: &Beneficiary, settings: &Settings, today: NaiveDate, large: bool) -> Self {
        let structure = settings.structure_name.trim();
        let phone = settings.structure_phone.trim();
        Self {
            structure: if structure.is_empty() {
                "Votre accompagnement vers l'emploi".to_owned()
            } else {
                structure.to_owned()
            },
            structure_address: lines(&settings.structure_address),
            structure_phone: phone.to_owned(),
            recipient: recipient(record),
            written_on: format!("Le {}", long_date(today)),
            greeting: format!("Bonjour {},", record.display_name()),
            invitation: String::new(),
            date: String::new(),
            time: String::new(),
            duration: String::new(),
            place: Vec::new(),
            access: Vec::new(),
            counsellor: String::new(),
            bring: Vec::new(),
            warn: if phone.is_empty() {
                "Si vous ne pouvez pas venir, prévenez-nous le plus tôt possible.".to_owned()
            } else {
                // Non-breaking spaces: the number never splits across two lines.
                format!(
                    "Si vous ne pouvez pas venir, appelez-nous le plus tôt possible au {}.",
                    phone.replace(' ', "\u{a0}")
                )
            },
            large,
        }
    }

    /// The letter for `appointment` of `record`, written on `today`.
    #[must_use]
    pub fn for_appointment(
        record: &Beneficiary,
        appointment: &Appointment,
        settings: &Settings,
        today: NaiveDate,
        large: bool,
    ) -> Self {
        let mut letter = Self::base(record, settings, today, large);
        let (invitation, place) = match appointment.mode {
            AppointmentMode::FaceToFace => {
                let place = if appointment.place.trim().is_empty() {
                    &settings.default_place
                } else {
                    &appointment.place
                };
                let mut place = lines(place);
                if place.is_empty() {
                    place.clone_from(&letter.structure_address);
                }
                if place.is_empty() {
                    place.push(letter.structure.clone());
                }
                letter.access = lines(&settings.access_notes);
                ("Nous vous donnons rendez-vous :", place)
            }
            AppointmentMode::Phone => (
                "Nous vous appellerons au téléphone :",
                vec!["Par téléphone : gardez votre téléphone allumé à cette heure.".to_owned()],
            ),
            AppointmentMode::Video => (
                "Nous vous donnons rendez-vous en visio :",
                vec!["En visio : le lien vous sera donné par votre conseiller·ère.".to_owned()],
            ),
        };
        letter.invitation = invitation.to_owned();
        letter.place = place;
        letter.date = letter_date(appointment.date);
        letter.time = letter_time(appointment.start);
        letter.duration = letter_duration(appointment.duration_minutes);
        let counsellor = crate::model::preparation::appointment_counsellor(record, appointment);
        letter.counsellor = if counsellor.trim().is_empty() {
            String::new()
        } else {
            format!("Vous verrez {}.", counsellor.trim())
        };
        letter.bring = appointment
            .purpose
            .what_to_bring()
            .iter()
            .map(|&s| s.to_owned())
            .collect();
        letter
    }

    /// The letter inviting `record` to `workshop`, written on `today`.
    #[must_use]
    pub fn for_workshop(
        record: &Beneficiary,
        workshop: &Workshop,
        settings: &Settings,
        today: NaiveDate,
        large: bool,
    ) -> Self {
        let mut letter = Self::base(record, settings, today, large);
        let title = if workshop.title.trim().is_empty() {
            workshop.theme.label()
        } else {
            workshop.title.trim()
        };
        letter.invitation = format!("Nous vous invitons à l'atelier collectif « {title} » :");
        letter.date = letter_date(workshop.date);
        letter.time = letter_time(workshop.start);
        letter.duration = letter_duration(workshop.duration_minutes);
        let mut place = lines(if workshop.place.trim().is_empty() {
            &settings.default_place
        } else {
            &workshop.place
        });
        if place.is_empty() {
            place.clone_from(&letter.structure_address);
        }
        if place.is_empty() {
            place.push(letter.structure.clone());
        }
        letter.place = place;
        letter.access = lines(&settings.access_notes);
        let facilitator = workshop.facilitator.trim();
        letter.counsellor = if facilitator.is_empty() {
            String::new()
        } else {
            format!("L'atelier est animé par {facilitator}.")
        };
        letter.bring = vec![
            "Votre titre de séjour ou récépissé".to_owned(),
            "De quoi écrire".to_owned(),
        ];
        letter
    }
}

/// Renders a letter with an engine that holds the convocation template (the rendered PDF
/// reports the characters no font could draw).
pub fn render_convocation(
    engine: &Engine,
    document: &ConvocationDocument,
) -> Result<Rendered, RenderError> {
    engine.render(CONVOCATION_TEMPLATE_FILE, document)
}

/// The convocation letter for `appointment` of `record` as PDF bytes, dated `today`; `large`
/// for bigger type (still one page).
pub fn convocation_pdf(
    record: &Beneficiary,
    appointment: &Appointment,
    settings: &Settings,
    today: NaiveDate,
    large: bool,
) -> Result<Vec<u8>, RenderError> {
    let engine = Engine::new([convocation_template()]);
    let document =
        ConvocationDocument::for_appointment(record, appointment, settings, today, large);
    Ok(render_convocation(&engine, &document)?.pdf)
}

/// The letter inviting `record` to `workshop` as PDF bytes (see [`convocation_pdf`]).
pub fn workshop_convocation_pdf(
    record: &Beneficiary,
    workshop: &Workshop,
    settings: &Settings,
    today: NaiveDate,
    large: bool,
) -> Result<Vec<u8>, RenderError> {
    let engine = Engine::new([convocation_template()]);
    let document = ConvocationDocument::for_workshop(record, workshop, settings, today, large);
    Ok(render_convocation(&engine, &document)?.pdf)
}

/// `convocation_Diallo_Fatou_2026-11-24.pdf` (the appointment's or workshop's day): the
/// person's name and the day, never their situation nor the purpose.
#[must_use]
pub fn convocation_file_name(record: &Beneficiary, day: NaiveDate) -> String {
    super::summary_pdf::summary_file_name(record, day).replacen("synthese", "convocation", 1)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::model::preparation::AppointmentPurpose;
    use crate::model::record::dates::test_support::d;

    fn person() -> Beneficiary {
        let mut b = Beneficiary::new(chrono::Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap());
        b.identity.first_name = "Fatou".into();
        b.identity.last_name = "Diallo".into();
        b.contact.street = "8 allée des Tilleuls".into();
        b.contact.postcode = "94400".into();
        b.contact.town = "Vitry-sur-Seine".into();
        b.referent = "Claire Martin".into();
        b
    }

    #[test]
    fn words_of_the_letter() {
        assert_eq!(
            letter_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap()),
            "9 h 00"
        );
        assert_eq!(letter_duration(45), "45 minutes");
        assert_eq!(letter_duration(60), "1 heure");
        assert_eq!(letter_duration(90), "1 heure 30");
        assert_eq!(letter_duration(120), "2 heures");
        assert_eq!(letter_date(d(2026, 12, 1)), "mardi 1er décembre 2026");
    }

    #[test]
    fn the_window_holds_the_name_and_address_the_place_falls_back_on_the_settings() {
        let settings = Settings {
            structure_name: "EDS de Vitry".into(),
            structure_address: "12 rue de la Paix\n94400 Vitry-sur-Seine".into(),
            default_place: "Espace emploi, bureau 2".into(),
            ..Settings::default()
        };
        let mut appointment = Appointment::new(d(2026, 11, 24), NaiveTime::MIN);
        appointment.purpose = AppointmentPurpose::Administrative;
        let letter = ConvocationDocument::for_appointment(
            &person(),
            &appointment,
            &settings,
            d(2026, 11, 20),
            false,
        );
        assert_eq!(
            letter.recipient,
            [
                "Fatou DIALLO",
                "8 allée des Tilleuls",
                "94400 VITRY-SUR-SEINE"
            ]
        );
        assert_eq!(letter.place, ["Espace emploi, bureau 2"]);
        assert_eq!(letter.counsellor, "Vous verrez Claire Martin.");
        assert!(
            letter
                .bring
                .iter()
                .any(|b| b.contains("justificatif de domicile"))
        );
        assert_eq!(
            letter.warn,
            "Si vous ne pouvez pas venir, prévenez-nous le plus tôt possible."
        );
        assert_eq!(
            convocation_file_name(&person(), appointment.date),
            "convocation_Diallo_Fatou_2026-11-24.pdf"
        );
    }

    #[test]
    fn the_template_renders_every_letter_with_every_character() {
        let settings = Settings {
            structure_name: "EDS de Vitry".into(),
            structure_address: "12 rue de la Paix\n94400 Vitry-sur-Seine".into(),
            structure_phone: "01 23 45 67 89".into(),
            access_notes: "Bus 180, arrêt Mairie\n2e étage, porte B".into(),
            ..Settings::default()
        };
        let engine = Engine::new([convocation_template()]);
        let mut appointment =
            Appointment::new(d(2026, 11, 24), NaiveTime::from_hms_opt(10, 30, 0).unwrap());
        appointment.place = "Espace emploi, bureau 2".into();
        for large in [false, true] {
            for mode in AppointmentMode::ALL {
                appointment.mode = mode;
                let letter = ConvocationDocument::for_appointment(
                    &person(),
                    &appointment,
                    &settings,
                    d(2026, 11, 20),
                    large,
                );
                let rendered = render_convocation(&engine, &letter).unwrap();
                assert!(rendered.missing_chars.is_empty());
                assert!(rendered.pdf.starts_with(b"%PDF"));
            }
        }
        let mut workshop = Workshop::new(d(2026, 11, 26));
        workshop.title = "Simulation d'entretien".into();
        let pdf = workshop_convocation_pdf(&person(), &workshop, &settings, d(2026, 11, 20), true)
            .unwrap();
        if std::env::var_os("CONVOCATION_PDF_KEEP").is_some() {
            std::fs::write("/tmp/convocation-workshop.pdf", &pdf).unwrap();
            let letter = ConvocationDocument::for_appointment(
                &person(),
                &appointment,
                &Settings {
                    access_notes: String::new(),
                    ..settings.clone()
                },
                d(2026, 11, 20),
                false,
            );
            let rendered = render_convocation(&engine, &letter).unwrap();
            std::fs::write("/tmp/convocation.pdf", &rendered.pdf).unwrap();
        }
    }
}
