//! The names file-sync tools give the conflict copies they leave beside a file two laptops
//! changed: which file it is a copy of, which tool made it, when, and on whose machine.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// The tool that left a conflict copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncTool {
    /// `name.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.ron`
    Syncthing,
    /// `name (conflicted copy [user ]YYYY-MM-DD HHMMSS).ron`, or the older
    /// `name_conflict-YYYYMMDD-HHMMSS.ron`.
    Nextcloud,
    /// `name-MACHINE.ron`
    OneDrive,
}

impl SyncTool {
    /// The tool's name, as the conflict window shows it.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Syncthing => "Syncthing",
            Self::Nextcloud => "Nextcloud",
            Self::OneDrive => "OneDrive",
        }
    }
}

/// What a conflict copy's name says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictName {
    /// The name of the file it is a copy of (`<id>.ron`, `creche.ron`…).
    pub base: String,
    /// The tool that made it.
    pub tool: SyncTool,
    /// When the tool made it, when the name says.
    pub time: Option<NaiveDateTime>,
    /// The device (Syncthing's short id), user (Nextcloud) or machine (`OneDrive`) it came from.
    pub who: String,
}

const EXTENSION: &str = ".ron";

/// `YYYYMMDD` and `HHMMSS`.
fn compact_time(date: &str, time: &str) -> Option<NaiveDateTime> {
    let date = NaiveDate::parse_from_str(date, "%Y%m%d").ok()?;
    let time = NaiveTime::parse_from_str(time, "%H%M%S").ok()?;
    Some(date.and_time(time))
}

fn syncthing(stem: &str) -> Option<ConflictName> {
    const MARK: &str = ".sync-conflict-";
    let at = stem.rfind(MARK)?;
    let (name, rest) = (stem.get(..at)?, stem.get(at + MARK.len()..)?);
    let mut fields = rest.splitn(3, '-');
    let (date, time) = (fields.next()?, fields.next()?);
    let who = fields.next().unwrap_or_default();
    (!name.is_empty()).then(|| ConflictName {
        base: format!("{name}{EXTENSION}"),
        tool: SyncTool::Syncthing,
        time: compact_time(date, time),
        who: who.to_owned(),
    })
}

fn nextcloud(stem: &str) -> Option<ConflictName> {
    const MARK: &str = " (conflicted copy ";
    const OLD_MARK: &str = "_conflict-";
    if let Some(at) = stem.rfind(MARK) {
        let name = stem.get(..at)?;
        let inner = stem.get(at + MARK.len()..)?.strip_suffix(')')?;
        let words: Vec<&str> = inner.split(' ').collect();
        let (time, date, user) = match words.as_slice() {
            [user @ .., date, time] => (*time, *date, user.join(" ")),
            _ => return None,
        };
        let time = NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .ok()
            .zip(NaiveTime::parse_from_str(time, "%H%M%S").ok())
            .map(|(d, t)| d.and_time(t));
        return (!name.is_empty()).then(|| ConflictName {
            base: format!("{name}{EXTENSION}"),
            tool: SyncTool::Nextcloud,
            time,
            who: user,
        });
    }
    let at = stem.rfind(OLD_MARK)?;
    let name = stem.get(..at)?;
    let mut fields = stem.get(at + OLD_MARK.len()..)?.splitn(2, '-');
    let (date, time) = (fields.next()?, fields.next().unwrap_or_default());
    (!name.is_empty()).then(|| ConflictName {
        base: format!("{name}{EXTENSION}"),
        tool: SyncTool::Nextcloud,
        time: compact_time(date, time),
        who: String::new(),
    })
}

/// `OneDrive` only appends `-MACHINE`: a name is a copy when what is left before one of its `-`
/// is a file that exists (`is_file(base)`). The shortest such base wins (a machine name may hold
/// a `-`, and an id does too, but an id's prefix is never a file).
fn onedrive(stem: &str, is_file: &dyn Fn(&str) -> bool) -> Option<ConflictName> {
    stem.char_indices()
        .filter(|&(_, c)| c == '-')
        .find_map(|(at, _)| {
            let name = stem.get(..at)?;
            let who = stem.get(at + 1..)?;
            let base = format!("{name}{EXTENSION}");
            (!name.is_empty() && !who.is_empty() && is_file(&base)).then(|| ConflictName {
                base,
                tool: SyncTool::OneDrive,
                time: None,
                who: who.to_owned(),
            })
        })
}

/// What a file's name says if it is a conflict copy of a `.ron` file; `is_file(name)` tells
/// whether a file of that name exists beside it (`OneDrive`'s naming needs it). Never panics,
/// whatever the name.
#[must_use]
pub fn parse(file_name: &str, is_file: &dyn Fn(&str) -> bool) -> Option<ConflictName> {
    let stem = file_name.strip_suffix(EXTENSION)?;
    syncthing(stem)
        .or_else(|| nextcloud(stem))
        .or_else(|| onedrive(stem, is_file))
        .filter(|name| name.base != file_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(y, mo, d).and_then(|d| d.and_hms_opt(h, mi, s))
    }

    #[test]
    fn every_tool_s_naming_is_recognised() {
        let id = "0193a4b2-7c1d-7e2f-8a9b-0c1d2e3f4a5b";
        let known = |name: &str| name == format!("{id}.ron") || name == "creche.ron";
        let cases = [
            (
                format!("{id}.sync-conflict-20261127-104233-ABCD123.ron"),
                format!("{id}.ron"),
                SyncTool::Syncthing,
                at(2026, 11, 27, 10, 42, 33),
                "ABCD123",
            ),
            (
                "creche.sync-conflict-20261127-104233-ABCD123.ron".to_owned(),
                "creche.ron".to_owned(),
                SyncTool::Syncthing,
                at(2026, 11, 27, 10, 42, 33),
                "ABCD123",
            ),
            (
                format!("{id} (conflicted copy 2026-11-27 104233).ron"),
                format!("{id}.ron"),
                SyncTool::Nextcloud,
                at(2026, 11, 27, 10, 42, 33),
                "",
            ),
            (
                "creche (conflicted copy Claire Martin 2026-11-27 104233).ron".to_owned(),
                "creche.ron".to_owned(),
                SyncTool::Nextcloud,
                at(2026, 11, 27, 10, 42, 33),
                "Claire Martin",
            ),
            (
                format!("{id}_conflict-20261127-104233.ron"),
                format!("{id}.ron"),
                SyncTool::Nextcloud,
                at(2026, 11, 27, 10, 42, 33),
                "",
            ),
            (
                format!("{id}-PC-EDS-12.ron"),
                format!("{id}.ron"),
                SyncTool::OneDrive,
                None,
                "PC-EDS-12",
            ),
            (
                "creche-LAPTOP7.ron".to_owned(),
                "creche.ron".to_owned(),
                SyncTool::OneDrive,
                None,
                "LAPTOP7",
            ),
        ];
        for (name, base, tool, time, who) in cases {
            let parsed = parse(&name, &known).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(
                (
                    parsed.base.as_str(),
                    parsed.tool,
                    parsed.time,
                    parsed.who.as_str()
                ),
                (base.as_str(), tool, time, who),
                "{name}"
            );
        }
        // Files of their own, not copies.
        for name in [
            format!("{id}.ron"),
            "creche.ron".into(),
            "notes.txt".into(),
            "atelier-cv.ron".into(),
        ] {
            assert_eq!(parse(&name, &known), None, "{name}");
        }
    }

    #[test]
    fn odd_names_never_panic() {
        let pieces = [
            "",
            "-",
            ".",
            ".ron",
            "é",
            "🦀",
            "\u{200d}",
            " (conflicted copy ",
            ")",
            ".sync-conflict-",
            "_conflict-",
            "2026",
            "1042",
            "x-y",
            "\u{0301}",
            "ß",
            "\u{1F1EB}\u{1F1F7}",
        ];
        let yes = |_: &str| true;
        let no = |_: &str| false;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let name = format!("{a}{b}{c}.ron");
                    let _ = parse(&name, &yes);
                    let _ = parse(&name, &no);
                    let _ = parse(&format!("{a}{b}{c}"), &yes);
                }
            }
        }
    }
}
