//! Property tests: every check, parser and `validate` of the model answers any Unicode text with
//! a value or a French message, never a panic. A text field on a French keyboard receives
//! AZERTY symbols (`&é"'(-è_çà` are the digits without Shift), accents, combining marks,
//! right-to-left text, emoji and pasted pages; the checks used to slice some of them by bytes.
//!
//! The strings come from a small seeded generator (no dependency, no network): a failure prints
//! the seed and the case number, and `PARCOURS_PROP_SEED=<seed>` replays it.

use chrono::NaiveDate;

use crate::model::companies::{
    Company, check_email, check_postcode, check_siret, departement, normalize_ape,
};
use crate::model::creche::{Closure, CrecheSettings, parse_iso_week};
use crate::model::demo::{demo_beneficiaries, demo_companies};
use crate::model::preparation::parse_duration;
use crate::model::skills::YearMonth;
use crate::model::{BeneficiaryDraft, parse_date, validate};

/// Pieces the generator draws from: what French keyboards, copy-pastes and other scripts send.
const PIECES: &[&str] = &[
    // Digits, and the same keys typed without Shift on AZERTY.
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "&",
    "é",
    "\"",
    "'",
    "(",
    "-",
    "è",
    "_",
    "ç",
    "à",
    ")",
    "=", // AltGr symbols.
    "~",
    "#",
    "{",
    "[",
    "|",
    "`",
    "\\",
    "^",
    "@",
    "]",
    "}",
    "€",
    "¤",
    "²",
    "µ",
    "§",
    "°",
    // Separators the checks accept or trim.
    " ",
    "\u{a0}",
    "\u{202f}",
    "\t",
    "\n",
    "\r\n",
    ".",
    "/",
    ",",
    ":",
    ";",
    "+",
    "h",
    "min",
    "-W",
    "2A",
    "2B",
    "A",
    "B",
    "a",
    "z",
    "É",
    "Œ",
    "ß",
    "ﬁ", // Combining marks, on their own.
    "\u{301}",
    "\u{327}",
    "\u{308}",
    "e\u{301}",
    "\u{20dd}", // Right-to-left.
    "مرحبا",
    "שלום",
    "\u{200f}",
    "\u{202e}",
    "\u{200e}",
    "١٢٣",
    "۴۵۶", // Emoji and joiners.
    "😀",
    "👩‍👧‍👦",
    "🇫🇷",
    "\u{200d}",
    "\u{fe0f}",
    "🏳️‍🌈", // Other scripts and odd code points.
    "Nguyễn",
    "Đặng",
    "中文",
    "ㄱ",
    "ｆｕｌｌ",
    "\u{0}",
    "\u{feff}",
    "\u{fffd}",
    "\u{10ffff}",
    "𝟙𝟚",
];

/// What the digit keys 0–9 type on AZERTY without Shift.
const AZERTY_DIGITS: [char; 10] = ['à', '&', 'é', '"', '\'', '(', '-', 'è', '_', 'ç'];

/// A seeded xorshift generator: reproducible, no dependency.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).unwrap_or(1)).unwrap_or(0)
    }

    /// Any scalar value, surrogates excepted.
    fn any_char(&mut self) -> char {
        loop {
            let candidate = u32::try_from(self.next() % 0x11_0000).unwrap_or(0);
            if let Some(c) = char::from_u32(candidate) {
                return c;
            }
        }
    }

    /// A string: often short and made of pieces, sometimes empty, sometimes 10,000 characters,
    /// sometimes a valid value with one piece slipped in (to reach the checks' later stages).
    fn text(&mut self, valid: &[&str]) -> String {
        match self.below(12) {
            0 => String::new(),
            1 => (0..10_000).map(|_| self.any_char()).collect(),
            2 => {
                let piece = PIECES[self.below(PIECES.len())];
                piece.repeat(10_000 / piece.chars().count().max(1))
            }
            3 | 4 if !valid.is_empty() => {
                let base: Vec<char> = valid[self.below(valid.len())].chars().collect();
                let at = self.below(base.len() + 1);
                let mut text: String = base.iter().take(at).collect();
                text.push_str(PIECES[self.below(PIECES.len())]);
                text.extend(base.iter().skip(at + self.below(2)));
                text
            }
            5 => (0..self.below(20)).map(|_| self.any_char()).collect(),
            6 | 7 if !valid.is_empty() => {
                // Typed on AZERTY with Caps Lock off: some digits come out as their symbol.
                let base = valid[self.below(valid.len())];
                base.chars()
                    .map(|c| match c.to_digit(10) {
                        Some(d) if self.below(3) == 0 => {
                            AZERTY_DIGITS[usize::try_from(d).unwrap_or(0)]
                        }
                        _ => c,
                    })
                    .collect()
            }
            _ => (0..self.below(24))
                .map(|_| PIECES[self.below(PIECES.len())])
                .collect(),
        }
    }
}

fn seed() -> u64 {
    std::env::var("PARCOURS_PROP_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1304)
}

/// Runs `case` on `count` generated cases; a panic reports the seed and the case.
fn for_all(count: usize, mut case: impl FnMut(&mut Gen)) {
    let seed = seed();
    let mut generator = Gen(seed);
    for number in 0..count {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            case(&mut generator);
        }));
        assert!(
            outcome.is_ok(),
            "panic on case {number}: replay with PARCOURS_PROP_SEED={seed}"
        );
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or(NaiveDate::MIN)
}

const NIRS: &[&str] = &[
    "1 84 12 76 451 089 46",
    "269052A12345688",
    "184127645108946",
];
const SIRETS: &[&str] = &["356 000 000 00048", "73282932000074", "732 829 320 00074"];
const DATES: &[&str] = &["15/03/1990", "1990-03-15", "1.3.2024", "03/2019", "2019"];
const DURATIONS: &[&str] = &["90", "1h30", "1 h 30", "2h", "45 min", "1,5 h"];

#[test]
fn every_check_answers_any_unicode_text_without_a_panic() {
    for_all(3_000, |g| {
        let text = g.text(&[NIRS, SIRETS, DATES, DURATIONS, &["56.10A", "75011"]].concat());
        let _ = check_siret(&text);
        let _ = check_postcode(&text);
        let _ = check_email(&text);
        let _ = normalize_ape(&text);
        let _ = departement(&text);
        let _ = parse_date(&text);
        let _ = parse_duration(&text);
        let _ = YearMonth::parse(&text);
        let _ = parse_iso_week(&text);
    });
}

#[test]
fn validate_answers_a_record_of_any_unicode_text_without_a_panic() {
    let people = demo_beneficiaries(4, today(), 7);
    let mut companies = demo_companies(today());
    companies.truncate(4);
    for_all(1_500, |g| {
        let mut b = people[g.below(people.len())].clone();
        b.identity.first_name = g.text(&[]);
        b.identity.last_name = g.text(&[]);
        b.contact.phone = g.text(&["06 12 34 56 78", "+33 6 12 34 56 78"]);
        b.contact.email = g.text(&["fatou@exemple.fr"]);
        b.contact.postcode = g.text(&["75011"]);
        b.contact.town = g.text(&[]);
        b.administrative.social_security_number = Some(g.text(NIRS));
        b.administrative.caf_number = Some(g.text(&["1234567"]));
        for child in &mut b.family.children {
            child.first_name = g.text(&[]);
        }
        for experience in &mut b.skills.experiences {
            experience.title = g.text(&[]);
        }
        for skill in &mut b.skills.skills {
            skill.label = g.text(&[]);
        }
        let _ = validate(&b, today());

        let mut company: Company = companies[g.below(companies.len())].clone();
        company.name = g.text(&[]);
        company.siret = g.text(SIRETS);
        company.ape = g.text(&["56.10A", "5610A"]);
        company.postcode = g.text(&["75011"]);
        for contact in &mut company.contacts {
            contact.email = g.text(&["rh@exemple.fr"]);
        }
        for offer in &mut company.offers {
            offer.title = g.text(&[]);
            offer.postcode = g.text(&["93200"]);
            offer.rome_code = Some(g.text(&["G1602", "K2204"]));
        }
        let _ = company.validate();

        let mut settings = CrecheSettings {
            name: g.text(&[]),
            ..CrecheSettings::default()
        };
        settings.closures.push(Closure {
            from: today(),
            to: today(),
            label: g.text(&[]),
        });
        let _ = settings.problems();
    });
}

#[test]
fn the_record_form_answers_any_unicode_text_without_a_panic() {
    let people = demo_beneficiaries(4, today(), 11);
    for_all(1_000, |g| {
        let base = &people[g.below(people.len())];
        let mut draft = BeneficiaryDraft::from_beneficiary(base);
        draft.birth_date = g.text(DATES);
        draft.arrival_date = g.text(DATES);
        draft.phone = g.text(&["06 12 34 56 78"]);
        draft.email = g.text(&["fatou@exemple.fr"]);
        draft.postcode = g.text(&["75011"]);
        draft.permit_issued_on = g.text(DATES);
        draft.permit_expires_on = g.text(DATES);
        draft.cir_signed_on = g.text(DATES);
        draft.caf_number = g.text(&["1234567"]);
        draft.social_security_number = g.text(NIRS);
        for child in &mut draft.children {
            child.first_name = g.text(&[]);
            child.birth_date = g.text(DATES);
        }
        for phase in &mut draft.phases {
            phase.started_on = g.text(DATES);
            phase.ended_on = g.text(DATES);
        }
        for experience in &mut draft.skills.experiences {
            experience.started = g.text(DATES);
            experience.ended = g.text(DATES);
        }
        for diploma in &mut draft.skills.diplomas {
            diploma.year = g.text(&["2015"]);
            diploma.requested_on = g.text(DATES);
        }
        for session in &mut draft.preparation.sessions {
            session.date = g.text(DATES);
            session.duration = g.text(DURATIONS);
        }
        for project in &mut draft.preparation.projects {
            project.earliest_start = g.text(DATES);
            project.max_commute = g.text(DURATIONS);
        }
        let _ = draft.to_beneficiary(base, today());
    });
}

#[test]
fn the_generator_reaches_what_the_checks_must_survive() {
    // A property test is only as good as its inputs: the strings must hold the characters that
    // broke the checks (multi-byte letters at any position, 10,000-character pastes, empties).
    let mut g = Gen(seed());
    let texts: Vec<String> = (0..2_000).map(|_| g.text(NIRS)).collect();
    assert!(texts.iter().any(String::is_empty));
    assert!(texts.iter().any(|t| t.chars().count() >= 10_000));
    assert!(
        texts
            .iter()
            .any(|t| t.contains('é') && t.chars().count() == 15)
    );
    assert!(texts.iter().any(|t| t.contains('\u{301}')));
    assert!(
        texts
            .iter()
            .any(|t| t.contains('\u{200f}') || t.contains('ש'))
    );
    assert!(texts.iter().any(|t| t.contains('😀') || t.contains('🇫')));
}
