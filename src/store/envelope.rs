//! The on-disk format: one pretty-printed RON value per file, wrapped in an envelope that
//! carries `schema_version`:
//!
//! ```ron
//! (
//!     schema_version: 5,
//!     record: ( id: "…", identity: ( … ), … ),
//! )
//! ```
//!
//! Compatibility policy: fields may be added (they carry `#[serde(default)]`, so older files
//! load); renaming or changing a field's meaning bumps [`SCHEMA_VERSION`] and adds a migration
//! from the previous version. A file written by a newer Parcours is refused and left untouched.

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::model::sync::Versions;

/// The format version this build writes and reads.
///
/// History: 1 — foundation; 2 — `identity.languages` became a list of languages with levels
/// (format 1 wrote bare names, still read: see `model::Language`'s deserialisation) and phase-1
/// data (`skills`) was added; 3 — the settings gained `backups_kept` (absent: 14); 4 — records
/// gained `preparation` (phase 2), `applications` (phase 3) and `creche` (absent: empty), and
/// the data directory `workshops/`, `companies/` and `creche.ron`; 5 — permit kinds split and
/// extended (the format-4 `Protection` still reads, as "to be specified") and the permit's
/// `renews` and `work_authorisation` (absent: none, false); records gained `french_abilities`
/// and `preparation.integration`, FLE partners `course` (absent: none, none, FLE); contracts
/// CDDI, apprenticeship, professionalisation; outcomes `OtherInsertion` and
/// `contract_months`; applications the state `Ended` and `immersion` (PMSMP); companies
/// `siae`; `creche.ron` gained `upper_age_rule` (absent: school entry, the September after the
/// third birthday); 6 — records gained `protection` (consents, retention extension,
/// anonymisation; absent: none), the settings `dpo_contact`, `retention_months` and
/// `journal_months`; 7 — records gained `preparation.appointments` (absent: none) and the
/// dated history of the French level `french_history` (absent: the current level as the only
/// entry, dated at the record's creation); the settings gained `structure_address`,
/// `structure_phone`, `access_notes` and `default_place` (for convocation letters; absent:
/// empty) and `stats_threshold` (absent: 5); every file gained `versions` beside `record`, the
/// stamps that tell which laptop changed which part of it (absent: none, the file is as old as
/// the copies met; see `model::sync`); 8 — the settings gained `lock_minutes`, the minutes
/// without input before the window of an encrypted folder locks itself (absent: 5).
pub const SCHEMA_VERSION: u32 = 8;

/// Deepest nesting accepted when reading: far above any real record, far below a stack overflow.
const RECURSION_LIMIT: usize = 64;

#[derive(Serialize)]
struct EnvelopeOut<'a, T> {
    schema_version: u32,
    record: &'a T,
    #[serde(skip_serializing_if = "Versions::is_empty")]
    versions: &'a Versions,
}

#[derive(Deserialize)]
struct EnvelopeIn<T> {
    #[serde(default)]
    schema_version: u32,
    record: T,
    #[serde(default)]
    versions: Versions,
}

/// Reads only the stamps, whatever the record looks like.
#[derive(Deserialize)]
struct VersionsProbe {
    #[serde(default)]
    versions: Versions,
}

/// Reads only the version, whatever the record looks like (0 when the field is absent).
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    schema_version: u32,
}

/// Why a file's text could not be turned into a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// 1-based line and column, where the problem has a place in the text.
    pub location: Option<(usize, usize)>,
    /// French description.
    pub message: String,
}

fn options() -> ron::Options {
    ron::Options::default()
        .with_recursion_limit(RECURSION_LIMIT)
        .with_default_extension(Extensions::empty())
}

/// The French explanation of a RON error, for the errors a damaged or hand-edited file
/// typically shows; ron's own (English) wording otherwise.
fn explain(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::Eof => "fin de fichier inattendue (fichier tronqué ?)".to_owned(),
        E::MissingStructField { field, .. } => format!("champ obligatoire « {field} » absent"),
        E::InvalidValueForType { expected, found } => {
            format!("valeur invalide : {found} trouvé, {expected} attendu")
        }
        E::NoSuchEnumVariant {
            found, expected, ..
        } => format!(
            "valeur « {found} » inconnue (valeurs possibles : {})",
            expected.join(", ")
        ),
        E::SuggestRawIdentifier(found) | E::InvalidIdentifier(found) => {
            format!("valeur inattendue « {found} » à cet endroit")
        }
        E::ExceededRecursionLimit => "imbrication trop profonde : fichier refusé".to_owned(),
        E::TrailingCharacters => "texte en trop après la fin de la fiche".to_owned(),
        E::DuplicateStructField { field, .. } => format!("champ « {field} » présent deux fois"),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "« ( » attendu (une fiche Parcours commence par une parenthèse)".to_owned()
        }
        E::ExpectedStructLikeEnd => "« ) » attendu".to_owned(),
        E::ExpectedString => "texte entre guillemets attendu".to_owned(),
        E::ExpectedStringEnd => "guillemet fermant attendu".to_owned(),
        E::ExpectedInteger | E::IntegerOutOfBounds => "nombre entier attendu".to_owned(),
        E::ExpectedBoolean => "true ou false attendu".to_owned(),
        E::ExpectedOption => "Some(…) ou None attendu".to_owned(),
        E::ExpectedComma => "virgule attendue".to_owned(),
        E::ExpectedArray => "« [ » attendu (une liste)".to_owned(),
        E::ExpectedArrayEnd => "« ] » attendu".to_owned(),
        E::ExpectedMap => "« { » attendu".to_owned(),
        E::ExpectedMapColon => "« : » attendu".to_owned(),
        E::ExpectedMapEnd => "« } » attendu".to_owned(),
        E::ExpectedIdentifier => "nom de champ attendu".to_owned(),
        E::UnexpectedChar(c) => format!("caractère inattendu « {c} »"),
        other => format!("contenu RON invalide : {other}"),
    }
}

fn syntax(error: &ron::error::SpannedError) -> DecodeError {
    DecodeError {
        location: Some((error.span.start.line, error.span.start.col)),
        message: explain(&error.code),
    }
}

/// Serialises a record inside its envelope, readable by a person (UTF-8 kept as is, `\n` line
/// ends on every platform so that synced copies compare equal).
pub(crate) fn encode<T: Serialize>(record: &T) -> Result<String, ron::Error> {
    encode_with(record, &Versions::new())
}

/// [`encode`], with the stamps of the record's parts.
pub(crate) fn encode_with<T: Serialize>(
    record: &T,
    versions: &Versions,
) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .escape_strings(false)
        .new_line("\n")
        .indentor("    ");
    let mut text = ron::ser::to_string_pretty(
        &EnvelopeOut {
            schema_version: SCHEMA_VERSION,
            record,
            versions,
        },
        config,
    )?;
    text.push('\n');
    Ok(text)
}

/// Parses a file's bytes into a record: UTF-8 (a leading BOM is accepted and ignored), any line
/// ends, a known `schema_version`.
pub(crate) fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    decode_with::<T>(bytes).map(|(record, _)| record)
}

/// The stamps a file carries (none when it has none or cannot be read).
pub(crate) fn decode_versions(bytes: &[u8]) -> Versions {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| options().from_str::<VersionsProbe>(text).ok())
        .map(|probe| probe.versions)
        .unwrap_or_default()
}

/// [`decode`], with the stamps of the record's parts.
pub(crate) fn decode_with<T: DeserializeOwned>(bytes: &[u8]) -> Result<(T, Versions), DecodeError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.split(|&b| b == b'\n').count();
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count()
            + 1;
        DecodeError {
            location: Some((line, column)),
            message: "le fichier n'est pas du texte UTF-8 valide".to_owned(),
        }
    })?;
    if text.contains('\0') {
        let before = &text[..text.find('\0').unwrap_or(0)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        return Err(DecodeError {
            location: Some((line, column)),
            message: "le fichier contient des octets nuls (fichier endommagé ?)".to_owned(),
        });
    }
    if text.trim().is_empty() {
        return Err(DecodeError {
            location: None,
            message: "le fichier est vide".to_owned(),
        });
    }
    // One parse for a good file; the version alone is read again only to explain a failure
    // (a newer file's message matters more than the field it cannot read).
    let (version, parsed) = match options().from_str::<EnvelopeIn<T>>(text) {
        Ok(envelope) => (
            envelope.schema_version,
            Ok((envelope.record, envelope.versions)),
        ),
        Err(error) => {
            let probe: VersionProbe = options().from_str(text).map_err(|e| syntax(&e))?;
            (probe.schema_version, Err(syntax(&error)))
        }
    };
    match version {
        0 => Err(DecodeError {
            location: None,
            message: "champ schema_version absent ou nul : ce n'est pas une fiche Parcours"
                .to_owned(),
        }),
        version if version > SCHEMA_VERSION => Err(DecodeError {
            location: None,
            message: format!(
                "écrit par une version plus récente de Parcours (format {version}, cette version lit le format {SCHEMA_VERSION}) : mettez Parcours à jour ; le fichier est laissé intact"
            ),
        }),
        _ => parsed,
    }
}

/// Reads the bytes of a beneficiary's file exactly as loading the data directory does: the entry
/// point of the record-loader fuzz target, which must never panic whatever the bytes.
pub fn parse_beneficiary(bytes: &[u8]) -> Result<crate::model::record::Beneficiary, DecodeError> {
    decode(bytes)
}

/// The text a save writes for this record (envelope included).
pub fn render_beneficiary(
    record: &crate::model::record::Beneficiary,
) -> Result<String, ron::Error> {
    encode(record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_beneficiaries;
    use crate::model::record::Beneficiary;

    fn sample() -> Beneficiary {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        demo_beneficiaries(1, today, 3).remove(0)
    }

    #[test]
    fn roundtrip_keeps_every_field_and_stays_readable() {
        let b = sample();
        let text = encode(&b).unwrap();
        let head = format!("(\n    schema_version: {SCHEMA_VERSION},\n    record: (");
        assert!(text.starts_with(&head), "{text}");
        assert!(text.contains(&format!("last_name: \"{}\"", b.identity.last_name)));
        assert_eq!(decode::<Beneficiary>(text.as_bytes()), Ok(b));
    }

    #[test]
    fn stamps_travel_in_the_file_and_files_with_or_without_them_load() {
        #[derive(Deserialize)]
        struct Before {
            schema_version: u32,
            record: Beneficiary,
        }
        use crate::model::sync::{Editor, record_units, restamp};
        let b = sample();
        let editor = Editor {
            installation: "installation-a".into(),
            name: "Claire Martin".into(),
        };
        let versions = restamp(
            &Versions::new(),
            &record_units(&b),
            &editor,
            chrono::Utc::now(),
        );
        let text = encode_with(&b, &versions).unwrap();
        assert!(text.contains("versions: {"), "{text}");
        assert_eq!(
            decode_with::<Beneficiary>(text.as_bytes()),
            Ok((b.clone(), versions.clone()))
        );
        assert_eq!(decode_versions(text.as_bytes()), versions);
        // A format-7 file written before the stamps: no stamps, the record whole.
        let plain = encode(&b).unwrap();
        assert!(!plain.contains("versions"));
        assert_eq!(
            decode_with::<Beneficiary>(plain.as_bytes()),
            Ok((b.clone(), Versions::new()))
        );
        // A Parcours that does not know the stamps still reads a stamped file.
        let before: Before = options().from_str(&text).unwrap();
        assert_eq!((before.schema_version, before.record), (SCHEMA_VERSION, b));
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let b = sample();
        let text = encode(&b).unwrap().replace('\n', "\r\n");
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        assert_eq!(decode::<Beneficiary>(&bytes), Ok(b));
    }

    #[test]
    fn errors_carry_line_and_column() {
        let text = encode(&sample()).unwrap();
        let truncated = &text[..text.len() / 2];
        let error = decode::<Beneficiary>(truncated.as_bytes()).unwrap_err();
        assert!(error.location.is_some(), "{error:?}");

        let wrong_type =
            text.replacen("record: (\n        id:", "record: (\n        id: 12, x:", 1);
        let error = decode::<Beneficiary>(wrong_type.as_bytes()).unwrap_err();
        assert_eq!(error.location.map(|l| l.0), Some(4), "{error:?}");

        let mut invalid = b"(\n  schema_version: 1,\n  record: (\xFF".to_vec();
        invalid.extend_from_slice(b")");
        let error = decode::<Beneficiary>(&invalid).unwrap_err();
        assert_eq!(error.location, Some((3, 12)));
    }

    #[test]
    fn newer_versions_are_refused() {
        let text = encode(&sample()).unwrap().replacen(
            &format!("schema_version: {SCHEMA_VERSION},"),
            &format!("schema_version: {},", SCHEMA_VERSION + 1),
            1,
        );
        let error = decode::<Beneficiary>(text.as_bytes()).unwrap_err();
        assert!(error.message.contains("plus récente"), "{error:?}");
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let text = format!(
            "(schema_version: 1, record: {}{})",
            "[".repeat(200_000),
            "]".repeat(200_000)
        );
        assert!(decode::<Beneficiary>(text.as_bytes()).is_err());
    }
}
