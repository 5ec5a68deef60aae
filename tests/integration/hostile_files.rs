//! Hostile files in the records folder, each next to good records, seen the two ways a
//! counsellor meets them: `parcours check` (the real binary) and the window's start-up
//! (`Store::open` for writing, then `load`). For every case both finish within 10 s without
//! panicking, the file is either accepted (it loads as the record it holds), refused (reported
//! once, naming the file, with `line:column` where the text is at fault) or ignored (neither
//! loaded nor reported), every entry of the folder is left byte for byte as it was, and the good
//! records load.
//!
//! The cases are generated rather than kept under `tests/`: symbolic links, a FIFO and a 60 MB
//! file do not belong in a repository. `tests/store_files.rs` puts some of them (FIFO, links,
//! a newer format, BOM with CRLF) through the store alone; here every case also goes through
//! the binary, and each gets an explicit decision. The decisions asserted here are the ones README's
//! "Fiabilité" section documents.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use parcours::model::demo::demo_beneficiaries;
use parcours::model::record::{Beneficiary, BeneficiaryId, Contact};
use parcours::model::skills::SkillsAssessment;
use parcours::store::{Access, BENEFICIARIES_DIR, LoadReport, SCHEMA_VERSION, Store};

/// How long `check` or the start-up may take on any of these folders: far more than a healthy
/// machine needs (a few tens of milliseconds), far less than a counsellor waits.
const PROMPTLY: Duration = Duration::from_secs(10);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// The text the store writes for `record`, obtained by saving it in a scratch data directory.
fn record_text(record: &Beneficiary) -> String {
    let scratch = tempfile::tempdir().unwrap();
    let mut store = Store::open(scratch.path(), Access::ReadWrite).unwrap();
    let path = store.save_beneficiary(record, today()).unwrap();
    fs::read_to_string(path).unwrap()
}

/// 1-based (line, column) of byte `offset` in `bytes`, columns counted in characters.
fn position_of(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.split(|&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Deterministic bytes (`splitmix64` from `seed`).
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed;
    let mut bytes = Vec::with_capacity(len + 8);
    while bytes.len() < len {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        bytes.extend_from_slice(&(z ^ (z >> 31)).to_le_bytes());
    }
    bytes.truncate(len);
    bytes
}

/// Where a refused file's message must point.
#[derive(Debug, Clone, Copy)]
enum Position {
    /// This line and column.
    At(usize, usize),
    /// This line, whatever the column (ron points at the value or at the space before it).
    Line(usize),
    /// Some line and column (the parser's choice, e.g. the end of a record missing a field).
    Somewhere,
    /// None: the problem is the whole file (empty, too large, not a file, newer format).
    Nowhere,
}

/// What Parcours does with a hostile entry.
#[derive(Debug, Clone)]
enum Decision {
    /// It loads, as this record.
    Accepted(Box<Beneficiary>),
    /// It is reported once, at `position`, with a message containing `says`; it never loads.
    Refused {
        position: Position,
        says: &'static str,
    },
    /// It is neither loaded nor reported.
    Ignored,
}

/// One hostile entry placed in a records folder.
struct Placed {
    path: PathBuf,
    decision: Decision,
}

/// A case: puts its entries in the records folder (`folder`), built from `spare`, a record
/// that no other entry of the folder holds.
type Case = fn(folder: &Path, spare: &Beneficiary) -> Vec<Placed>;

fn write(path: PathBuf, bytes: &[u8], decision: Decision) -> Vec<Placed> {
    fs::write(&path, bytes).unwrap();
    vec![Placed { path, decision }]
}

fn refused(position: Position, says: &'static str) -> Decision {
    Decision::Refused { position, says }
}

fn accepted(record: &Beneficiary) -> Decision {
    Decision::Accepted(Box::new(record.clone()))
}

// ----- The cases of issue 8 (and a few neighbours) -----

fn empty_file(folder: &Path, _: &Beneficiary) -> Vec<Placed> {
    write(
        folder.join("vide.ron"),
        b"",
        refused(Position::Nowhere, "le fichier est vide"),
    )
}

fn only_blank_lines(folder: &Path, _: &Beneficiary) -> Vec<Placed> {
    write(
        folder.join("blanc.ron"),
        b"\n   \n\t\n",
        refused(Position::Nowhere, "le fichier est vide"),
    )
}

fn random_bytes(folder: &Path, _: &Beneficiary) -> Vec<Placed> {
    let bytes = noise(0xBAD_F11E, 4096);
    let first_bad = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
    let (line, column) = position_of(&bytes, first_bad);
    write(
        folder.join("aléatoire.ron"),
        &bytes,
        refused(Position::At(line, column), "pas du texte UTF-8"),
    )
}

/// The record saved as Latin-1 ("ANSI"), as an old Windows editor does: `é` becomes one byte
/// that is not UTF-8.
fn latin1_instead_of_utf8(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let text = record_text(spare);
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    let first_bad = text.find(|c: char| !c.is_ascii()).expect("no accent");
    let position = position_of(text.as_bytes(), first_bad);
    write(
        folder.join("latin1.ron"),
        &bytes,
        refused(Position::At(position.0, position.1), "pas du texte UTF-8"),
    )
}

/// What Notepad's "Unicode" produces: UTF-16 with its byte-order mark.
fn utf16(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in record_text(spare).encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    write(
        folder.join("utf16.ron"),
        &bytes,
        refused(Position::At(1, 1), "pas du texte UTF-8"),
    )
}

fn utf8_bom(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(record_text(spare).as_bytes());
    write(folder.join("bom.ron"), &bytes, accepted(spare))
}

fn crlf_line_ends(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let text = record_text(spare).replace('\n', "\r\n");
    write(folder.join("crlf.ron"), text.as_bytes(), accepted(spare))
}

fn wrong_type(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let text = record_text(spare);
    let value_start = text.find("last_name: \"").unwrap() + "last_name: ".len();
    let value_end = value_start + 1 + text[value_start + 1..].find('"').unwrap() + 1;
    let bad = format!("{}42{}", &text[..value_start], &text[value_end..]);
    let (line, _) = position_of(bad.as_bytes(), value_start);
    write(
        folder.join("type.ron"),
        bad.as_bytes(),
        refused(Position::Line(line), "texte entre guillemets attendu"),
    )
}

/// Fields this version does not know, at three levels (envelope, record, nested struct).
fn unknown_fields(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let text = record_text(spare)
        .replacen(
            "    record: (",
            "    commentaire: \"ajouté à la main\",\n    record: (",
            1,
        )
        .replacen(
            "        identity: (",
            "        ancien_suivi: (agence: \"Créteil\", depuis: 2019, tags: [1, 2]),\n        identity: (\n            couleur_preferee: \"bleu\",",
            1,
        );
    assert_eq!(text.matches("ancien_suivi").count(), 1);
    write(
        folder.join("inconnus.ron"),
        text.as_bytes(),
        accepted(spare),
    )
}

/// Removes the block that starts at `start` (a line such as `        contact: (`) up to its
/// closing line at the same indentation.
fn without_block(text: &str, start: &str) -> String {
    let begin = text.find(start).unwrap();
    let indent = &start[..start.len() - start.trim_start().len()];
    let close = format!("\n{indent}),\n");
    let end = begin + text[begin..].find(&close).unwrap() + close.len();
    format!("{}{}", &text[..begin], &text[end..])
}

/// A record written before `contact`, `skills` and `private_notes` existed (or trimmed by
/// hand): those parts take their empty value.
fn missing_optional_fields(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let mut expected = spare.clone();
    expected.contact = Contact::default();
    expected.skills = SkillsAssessment::default();
    expected.private_notes = String::new();
    assert_ne!(&expected, spare, "the spare record has nothing to lose");

    let text = without_block(&record_text(spare), "        contact: (");
    let text = without_block(&text, "        skills: (");
    let notes = text.find("        private_notes: ").unwrap();
    let notes_end = notes + text[notes..].find('\n').unwrap() + 1;
    let text = format!("{}{}", &text[..notes], &text[notes_end..]);
    write(
        folder.join("incomplet.ron"),
        text.as_bytes(),
        accepted(&expected),
    )
}

fn missing_required_field(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let text = record_text(spare);
    let line = text.find("        created_at: ").unwrap();
    let line_end = line + text[line..].find('\n').unwrap() + 1;
    let text = format!("{}{}", &text[..line], &text[line_end..]);
    write(
        folder.join("sans-date.ron"),
        text.as_bytes(),
        refused(Position::Somewhere, "« created_at » absent"),
    )
}

fn missing_schema_version(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let text =
        record_text(spare).replacen(&format!("    schema_version: {SCHEMA_VERSION},\n"), "", 1);
    assert!(!text.contains("schema_version"));
    write(
        folder.join("sans-version.ron"),
        text.as_bytes(),
        refused(Position::Nowhere, "schema_version absent"),
    )
}

fn future_schema_version(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let text = record_text(spare).replacen(
        &format!("schema_version: {SCHEMA_VERSION},"),
        &format!("schema_version: {},", SCHEMA_VERSION + 1),
        1,
    );
    write(
        folder.join(format!("{}.ron", spare.id)),
        text.as_bytes(),
        refused(Position::Nowhere, "mettez Parcours à jour"),
    )
}

/// 60 MB: refused from its size, without being read whole.
fn sixty_megabytes(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let text = record_text(spare);
    let len = 60 * 1024 * 1024;
    let bytes: Vec<u8> = text.bytes().cycle().take(len).collect();
    write(
        folder.join("énorme.ron"),
        &bytes,
        refused(Position::Nowhere, "trop volumineux"),
    )
}

/// 200,000 nested brackets where the record should be, and as an unknown field of a good
/// record: refused at the nesting limit, without overflowing the stack.
fn deep_nesting(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let depth = 200_000;
    let envelope = format!(
        "(schema_version: {SCHEMA_VERSION}, record: {}{})",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let in_a_field = record_text(spare).replacen(
        "        referent: ",
        &format!(
            "        annexe: {}{},\n        referent: ",
            "(".repeat(depth),
            ")".repeat(depth)
        ),
        1,
    );
    let mut placed = write(
        folder.join("crochets.ron"),
        envelope.as_bytes(),
        refused(Position::Somewhere, "imbrication trop profonde"),
    );
    placed.extend(write(
        folder.join("parenthèses.ron"),
        in_a_field.as_bytes(),
        refused(Position::Somewhere, "imbrication trop profonde"),
    ));
    placed
}

/// The same, with nothing else in the file.
fn only_nested_brackets(folder: &Path, _: &Beneficiary) -> Vec<Placed> {
    let text = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    write(
        folder.join("que-des-crochets.ron"),
        text.as_bytes(),
        refused(Position::At(1, 1), "« ( » attendu"),
    )
}

fn nul_bytes(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let text = record_text(spare);
    let offset = text.find("first_name: \"").unwrap() + "first_name: \"".len() + 1;
    let mut bytes = text.as_bytes()[..offset].to_vec();
    bytes.extend_from_slice(b"\0\0\0\0");
    bytes.extend_from_slice(&text.as_bytes()[offset..]);
    let (line, column) = position_of(&bytes, offset);
    write(
        folder.join("nuls.ron"),
        &bytes,
        refused(Position::At(line, column), "octets nuls"),
    )
}

/// A folder named like a record, holding a good record: neither opened nor walked into.
fn folder_named_like_a_record(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let path = folder.join("x.ron");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("dedans.ron"), record_text(spare)).unwrap();
    vec![Placed {
        path,
        decision: refused(Position::Nowhere, "n'est pas un fichier ordinaire"),
    }]
}

/// Files whose names do not end in `.ron`, two of them holding a good record.
fn not_ron_files(folder: &Path, spare: &Beneficiary) -> Vec<Placed> {
    let text = record_text(spare);
    let mut placed = write(
        folder.join("notes.txt"),
        "Appeler la CAF lundi.\n".as_bytes(),
        Decision::Ignored,
    );
    placed.extend(write(
        folder.join("photo.jpg"),
        &noise(7, 2000),
        Decision::Ignored,
    ));
    placed.extend(write(
        folder.join(format!("{}.ron.bak", spare.id)),
        text.as_bytes(),
        Decision::Ignored,
    ));
    placed.extend(write(
        folder.join("FICHE.RON"),
        text.as_bytes(),
        Decision::Ignored,
    ));
    placed
}

#[cfg(unix)]
fn link_to_dev_zero(folder: &Path, _: &Beneficiary) -> Vec<Placed> {
    let path = folder.join("zéro.ron");
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    vec![Placed {
        path,
        decision: refused(Position::Nowhere, "n'est pas un fichier ordinaire"),
    }]
}

/// Two links pointing at each other.
#[cfg(unix)]
fn link_loop(folder: &Path, _: &Beneficiary) -> Vec<Placed> {
    let (a, b) = (folder.join("boucle-a.ron"), folder.join("boucle-b.ron"));
    std::os::unix::fs::symlink("boucle-b.ron", &a).unwrap();
    std::os::unix::fs::symlink("boucle-a.ron", &b).unwrap();
    [a, b]
        .into_iter()
        .map(|path| Placed {
            path,
            decision: refused(Position::Nowhere, "inaccessible"),
        })
        .collect()
}

#[cfg(unix)]
fn link_to_nothing(folder: &Path, _: &Beneficiary) -> Vec<Placed> {
    let path = folder.join("disparu.ron");
    std::os::unix::fs::symlink("/nulle-part/fiche.ron", &path).unwrap();
    vec![Placed {
        path,
        decision: refused(Position::Nowhere, "inaccessible"),
    }]
}

/// A FIFO: opening it for reading would wait forever for a writer.
#[cfg(unix)]
fn fifo(folder: &Path, _: &Beneficiary) -> Vec<Placed> {
    let path = folder.join("tube.ron");
    let status = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
    assert!(status.success(), "mkfifo: {status}");
    vec![Placed {
        path,
        decision: refused(Position::Nowhere, "n'est pas un fichier ordinaire"),
    }]
}

fn all_cases() -> Vec<Case> {
    let mut cases: Vec<Case> = vec![
        empty_file,
        only_blank_lines,
        random_bytes,
        latin1_instead_of_utf8,
        utf16,
        utf8_bom,
        crlf_line_ends,
        wrong_type,
        unknown_fields,
        missing_optional_fields,
        missing_required_field,
        missing_schema_version,
        future_schema_version,
        sixty_megabytes,
        deep_nesting,
        only_nested_brackets,
        nul_bytes,
        folder_named_like_a_record,
        not_ron_files,
    ];
    #[cfg(unix)]
    cases.extend([link_to_dev_zero, link_loop, link_to_nothing, fifo] as [Case; 4]);
    cases
}

// ----- Observing the folder -----

/// What an entry of the folder is, without following links nor opening special files.
#[derive(Debug, PartialEq, Eq)]
enum Entry {
    File { len: u64, hash: u64 },
    Folder(BTreeMap<String, Entry>),
    Link(PathBuf),
    Special(String),
}

fn fingerprint(path: &Path) -> Entry {
    let meta = fs::symlink_metadata(path).unwrap();
    let kind = meta.file_type();
    if kind.is_symlink() {
        Entry::Link(fs::read_link(path).unwrap())
    } else if kind.is_dir() {
        Entry::Folder(snapshot(path))
    } else if kind.is_file() {
        let bytes = fs::read(path).unwrap();
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        Entry::File {
            len: meta.len(),
            hash: hasher.finish(),
        }
    } else {
        Entry::Special(format!("{kind:?}"))
    }
}

/// Every entry of a folder, by name.
fn snapshot(folder: &Path) -> BTreeMap<String, Entry> {
    fs::read_dir(folder)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, fingerprint(&path))
        })
        .collect()
}

/// `parcours --data-dir <root> check`; fails the test if it runs longer than [`PROMPTLY`].
/// Returns the exit code, stdout and stderr.
fn check_promptly(root: &Path) -> (Option<i32>, String, String) {
    let outputs = tempfile::tempdir().unwrap();
    let (out_path, err_path) = (outputs.path().join("out"), outputs.path().join("err"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_parcours"))
        .env_remove("PARCOURS_DATA_DIR")
        .arg("--data-dir")
        .arg(root)
        .arg("check")
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).unwrap())
        .stderr(File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > PROMPTLY {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("`parcours check` still running after {PROMPTLY:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    (
        status.code(),
        fs::read_to_string(out_path).unwrap(),
        fs::read_to_string(err_path).unwrap(),
    )
}

/// What the window does at start-up, on another thread; fails the test if it panics or takes
/// longer than [`PROMPTLY`].
fn start_up_promptly(root: &Path) -> LoadReport {
    let root = root.to_owned();
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut store = Store::open(&root, Access::ReadWrite).unwrap();
        let _ = send.send(store.load());
    });
    match receive.recv_timeout(PROMPTLY) {
        Ok(report) => report,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("start-up still loading after {PROMPTLY:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("start-up panicked"),
    }
}

/// Checks the line `check` printed after `path:`.
fn assert_check_line(path: &Path, rest: &str, position: Position, says: &str) {
    let shown = format!("{}:{rest}", path.display());
    let message = match position {
        Position::At(line, column) => rest
            .strip_prefix(&format!("{line}:{column}: "))
            .unwrap_or_else(|| panic!("{shown:?} is not at {line}:{column}")),
        Position::Line(_) | Position::Somewhere => {
            let mut parts = rest.splitn(3, ':');
            let (line, column) = (parts.next().unwrap(), parts.next().unwrap_or(""));
            assert!(
                line.parse::<usize>().is_ok() && column.parse::<usize>().is_ok(),
                "{shown:?} has no line:column"
            );
            if let Position::Line(expected) = position {
                assert_eq!(line, expected.to_string(), "{shown:?}");
            }
            parts.next().unwrap().strip_prefix(' ').unwrap()
        }
        Position::Nowhere => rest
            .strip_prefix(' ')
            .unwrap_or_else(|| panic!("{shown:?}: expected `path: message`")),
    };
    assert!(!message.trim().is_empty(), "{shown:?}: no message");
    assert!(message.contains(says), "{shown:?} does not say {says:?}");
}

/// Every promise, on a data directory holding `good` records and the hostile entries `placed`.
fn assert_every_promise(root: &Path, good: &[Beneficiary], placed: &[Placed]) {
    let folder = root.join(BENEFICIARIES_DIR);
    let before = snapshot(&folder);
    let refused: Vec<&Placed> = placed
        .iter()
        .filter(|p| matches!(p.decision, Decision::Refused { .. }))
        .collect();

    // `parcours check`.
    let (code, out, err) = check_promptly(root);
    assert!(!err.contains("panicked"), "check panicked: {err}");
    // `check` exits with 1 when it reports anything, 0 otherwise.
    let expected_code = i32::from(!refused.is_empty());
    assert_eq!(code, Some(expected_code), "stdout: {out}\nstderr: {err}");
    assert_eq!(out.lines().count(), refused.len(), "{out}");
    for p in placed {
        let prefix = format!("{}:", p.path.display());
        let lines: Vec<&str> = out
            .lines()
            .filter_map(|l| l.strip_prefix(&prefix))
            .collect();
        match &p.decision {
            Decision::Refused { position, says } => {
                assert_eq!(
                    lines.len(),
                    1,
                    "{} reported {} times: {out}",
                    p.path.display(),
                    lines.len()
                );
                assert_check_line(&p.path, lines[0], *position, says);
            }
            Decision::Accepted(_) | Decision::Ignored => {
                assert!(lines.is_empty(), "{} reported: {out}", p.path.display());
            }
        }
    }
    assert_eq!(snapshot(&folder), before, "check changed the folder");

    // The window's start-up.
    let report = start_up_promptly(root);
    let mut expected: BTreeMap<BeneficiaryId, &Beneficiary> =
        good.iter().map(|b| (b.id, b)).collect();
    for p in placed {
        if let Decision::Accepted(record) = &p.decision {
            expected.insert(record.id, record);
        }
    }
    let loaded: BTreeMap<BeneficiaryId, &Beneficiary> =
        report.beneficiaries.iter().map(|b| (b.id, b)).collect();
    assert_eq!(
        loaded.len(),
        report.beneficiaries.len(),
        "a record loaded twice"
    );
    assert_eq!(loaded, expected, "{:#?}", report.problems);
    assert_eq!(
        report.problems.len(),
        refused.len(),
        "{:#?}",
        report.problems
    );
    for p in &refused {
        let Decision::Refused { position, says } = p.decision else {
            unreachable!()
        };
        let problem = report
            .problems
            .iter()
            .find(|problem| problem.path == p.path)
            .unwrap_or_else(|| panic!("{} not reported: {:#?}", p.path.display(), report.problems));
        match position {
            Position::At(line, column) => {
                assert_eq!(problem.location, Some((line, column)), "{problem}");
            }
            Position::Line(line) => {
                assert_eq!(problem.location.map(|l| l.0), Some(line), "{problem}");
            }
            Position::Somewhere => assert!(problem.location.is_some(), "{problem}"),
            Position::Nowhere => assert_eq!(problem.location, None, "{problem}"),
        }
        assert!(!problem.message.trim().is_empty(), "{problem:?}");
        assert!(problem.message.contains(says), "{problem}");
    }
    assert_eq!(snapshot(&folder), before, "the start-up changed the folder");
}

/// A data directory with three good records saved by the store.
fn directory_with_good_records() -> (tempfile::TempDir, Vec<Beneficiary>) {
    let dir = tempfile::tempdir().unwrap();
    let good = demo_beneficiaries(3, today(), 808);
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    for b in &good {
        store.save_beneficiary(b, today()).unwrap();
    }
    (dir, good)
}

/// Runs one case alone next to the good records.
fn assert_case(case: Case) {
    let (dir, good) = directory_with_good_records();
    let spare = demo_beneficiaries(1, today(), 909).remove(0);
    let placed = case(&dir.path().join(BENEFICIARIES_DIR), &spare);
    assert_every_promise(dir.path(), &good, &placed);
}

#[test]
fn an_empty_or_blank_file_is_refused() {
    assert_case(empty_file);
    assert_case(only_blank_lines);
}

#[test]
fn random_bytes_are_refused_at_the_first_bad_byte() {
    assert_case(random_bytes);
}

#[test]
fn text_that_is_not_utf8_is_refused_at_the_first_bad_character() {
    assert_case(latin1_instead_of_utf8);
    assert_case(utf16);
}

#[test]
fn a_utf8_bom_is_accepted() {
    assert_case(utf8_bom);
}

#[test]
fn windows_line_ends_are_accepted() {
    assert_case(crlf_line_ends);
}

#[test]
fn a_value_of_the_wrong_type_is_refused_where_it_stands() {
    assert_case(wrong_type);
}

#[test]
fn unknown_fields_are_accepted() {
    assert_case(unknown_fields);
}

#[test]
fn missing_optional_fields_take_their_empty_value() {
    assert_case(missing_optional_fields);
}

#[test]
fn a_missing_required_field_or_schema_version_is_refused() {
    assert_case(missing_required_field);
    assert_case(missing_schema_version);
}

#[test]
fn a_future_schema_version_is_refused() {
    assert_case(future_schema_version);
}

#[test]
fn a_sixty_megabyte_file_is_refused_promptly() {
    assert_case(sixty_megabytes);
}

#[test]
fn two_hundred_thousand_nested_brackets_are_refused_without_overflow() {
    assert_case(deep_nesting);
    assert_case(only_nested_brackets);
}

#[test]
fn nul_bytes_are_refused_where_they_stand() {
    assert_case(nul_bytes);
}

#[test]
fn a_folder_named_like_a_record_is_refused_and_not_walked_into() {
    assert_case(folder_named_like_a_record);
}

#[test]
fn files_not_ending_in_ron_are_ignored() {
    assert_case(not_ron_files);
}

#[cfg(unix)]
#[test]
fn links_to_dev_zero_in_a_loop_or_to_nothing_are_refused() {
    assert_case(link_to_dev_zero);
    assert_case(link_loop);
    assert_case(link_to_nothing);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_being_opened() {
    assert_case(fifo);
}

/// Every case at once in one folder: they do not disturb one another.
#[test]
fn every_case_together() {
    let (dir, good) = directory_with_good_records();
    let folder = dir.path().join(BENEFICIARIES_DIR);
    let cases = all_cases();
    let spares = demo_beneficiaries(cases.len(), today(), 909);
    let placed: Vec<Placed> = cases
        .iter()
        .zip(&spares)
        .flat_map(|(case, spare)| case(&folder, spare))
        .collect();
    let names: BTreeSet<&PathBuf> = placed.iter().map(|p| &p.path).collect();
    assert_eq!(names.len(), placed.len(), "two cases use the same name");
    assert_every_promise(dir.path(), &good, &placed);
}
