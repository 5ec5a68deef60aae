//! From bytes to records: the encoding (UTF-8 with or without BOM, else Windows-1252), the
//! separator (`;` or `,`), and the records and fields as spreadsheets write them (RFC 4180,
//! forgiving).

/// Text encodings recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// UTF-8.
    Utf8,
    /// Windows-1252 (Excel's "CSV (séparateur : point-virgule)" on a French Windows).
    Windows1252,
}

impl Encoding {
    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Utf8Bom => "UTF-8 (avec BOM)",
            Self::Utf8 => "UTF-8",
            Self::Windows1252 => "Windows-1252",
        }
    }
}

/// Decodes the bytes: a UTF-8 BOM is dropped; valid UTF-8 is read as such; anything else is
/// Windows-1252, which every byte sequence is (so decoding never fails).
#[must_use]
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            Encoding::Utf8Bom,
        );
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_owned(), Encoding::Utf8);
    }
    (
        bytes.iter().map(|&b| windows_1252(b)).collect(),
        Encoding::Windows1252,
    )
}

/// One Windows-1252 byte as a character: Latin-1, except 0x80–0x9F (€, typographic quotes,
/// œ, Š…). The five undefined bytes become U+FFFD.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
        '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH
            .get(usize::from(byte - 0x80))
            .copied()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(byte),
    }
}

/// Title lines skipped at most before the header.
pub(super) const MAX_TITLE_LINES: usize = 5;

/// The separator: the one of `;` and `,` found more often outside quotes in the first lines
/// (`;` when tied: French exports use it, since `,` is the decimal mark).
#[must_use]
pub fn detect_separator(text: &str) -> char {
    let (mut semicolons, mut commas, mut quoted) = (0_usize, 0_usize, false);
    let mut lines = 0;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            '\n' if !quoted => {
                lines += 1;
                if lines > MAX_TITLE_LINES {
                    break;
                }
            }
            _ => {}
        }
    }
    if commas > semicolons { ',' } else { ';' }
}

/// Splits CSV text into records of fields (RFC 4180 as spreadsheets write it, forgiving: a
/// quote inside an unquoted field is kept as text; an unclosed quote runs to the end).
/// Blank lines are dropped, but still counted in record numbers. Returns each record with its
/// number (1-based).
#[must_use]
pub fn records(text: &str, separator: char) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut field_started = false;
    let mut number = 1;
    let mut chars = text.chars().peekable();
    let mut finish = |record: &mut Vec<String>, number: &mut usize| {
        let blank = record.iter().all(|f| f.trim().is_empty());
        if !blank {
            out.push((*number, std::mem::take(record)));
        }
        record.clear();
        *number += 1;
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else if c == '\r' && chars.peek() == Some(&'\n') {
                // A line break inside a cell: kept as `\n`.
                chars.next();
                field.push('\n');
            } else {
                field.push(c);
            }
        } else if c == '"' && !field_started {
            in_quotes = true;
            field_started = true;
        } else if c == separator {
            record.push(std::mem::take(&mut field));
            field_started = false;
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            record.push(std::mem::take(&mut field));
            field_started = false;
            finish(&mut record, &mut number);
        } else {
            field.push(c);
            field_started = true;
        }
    }
    if field_started || !field.is_empty() || !record.is_empty() {
        record.push(field);
        finish(&mut record, &mut number);
    }
    out
}
