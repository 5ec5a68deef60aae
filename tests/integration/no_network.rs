//! What counsellors can tell their data protection officer: Parcours never opens an internet
//! socket. `demo`, `list`, `check`, `print`, `creche week --pdf`, `match` and
//! `import-companies` run under `strace -f -e trace=socket,connect`, and so does the window
//! itself for a few seconds on a virtual X server (Xvfb), its records loaded; no `AF_INET` or
//! `AF_INET6` socket appears in the trace (a local `AF_UNIX` one, such as the X server's, is
//! fine). A first run traces a command that does open one, so that a trace the test cannot read
//! fails instead of passing.
//!
//! Linux only (strace). strace must be installed: `scripts/setup-debian.sh test` installs it
//! (and Xvfb); without strace these tests fail and say so, rather than passing without proving
//! anything. Without Xvfb, the window's test says on its output that it was skipped.

#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::ffi::OsStr;
use std::fs;
use std::io::ErrorKind;
use std::path::Path;
use std::process::{Command, Output};

use parcours::store::BENEFICIARIES_DIR;

/// Runs `program args…` under strace, recording every `socket` and `connect` call of every
/// thread and child; returns the program's output (strace passes its exit status on) and the
/// trace.
fn traced<S: AsRef<OsStr>>(program: &OsStr, args: &[S]) -> (Output, String) {
    traced_with(program, args, |_| {})
}

/// [`traced`], with `configure` setting the command's environment.
fn traced_with<S: AsRef<OsStr>>(
    program: &OsStr,
    args: &[S],
    configure: impl FnOnce(&mut Command),
) -> (Output, String) {
    let scratch = tempfile::tempdir().unwrap();
    let trace = scratch.path().join("trace");
    let mut command = Command::new("strace");
    command
        .args(["-f", "-e", "trace=socket,connect", "-o"])
        .arg(&trace)
        .arg(program)
        .args(args)
        .env_remove("PARCOURS_DATA_DIR")
        .env("PARCOURS_TODAY", "2026-11-22");
    configure(&mut command);
    let output = command.output();
    let output = match output {
        Ok(output) => output,
        Err(error) if error.kind() == ErrorKind::NotFound => panic!(
            "strace is not installed, so these tests cannot prove that Parcours stays off the \
             network: install it (`sudo apt-get install strace`, or `bash scripts/setup-debian.sh test`)"
        ),
        Err(error) => panic!("strace could not be started: {error}"),
    };
    let text = fs::read_to_string(&trace).unwrap_or_else(|e| {
        panic!(
            "strace wrote no trace ({e}); its stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output, text)
}

/// The trace's lines that open or reach an internet socket (IPv4 or IPv6).
fn internet_sockets(trace: &str) -> Vec<&str> {
    trace.lines().filter(|l| l.contains("AF_INET")).collect()
}

/// `parcours --data-dir <dir> <args…>` under strace: it must succeed and open no internet
/// socket. Returns its standard output.
fn run_offline(dir: &Path, args: &[&str]) -> String {
    let mut full = vec!["--data-dir".to_owned(), dir.to_str().unwrap().to_owned()];
    full.extend(args.iter().map(|a| (*a).to_owned()));
    let (output, trace) = traced(OsStr::new(env!("CARGO_BIN_EXE_parcours")), &full);
    assert_eq!(
        output.status.code(),
        Some(0),
        "parcours {args:?} under strace: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let found = internet_sockets(&trace);
    assert!(
        found.is_empty(),
        "parcours {args:?} opened internet sockets:\n{}",
        found.join("\n")
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The trace shows an internet socket when one is opened: here a UDP socket "connected" to
/// the loopback discard port, which sends nothing.
#[test]
fn the_trace_shows_an_internet_socket_when_there_is_one() {
    let (output, trace) = traced(OsStr::new("bash"), &["-c", "exec 3<>/dev/udp/127.0.0.1/9"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let found = internet_sockets(&trace);
    assert!(
        found.iter().any(|l| l.contains("socket(AF_INET")),
        "no AF_INET socket in the trace:\n{trace}"
    );
}

#[test]
fn demo_list_and_check_open_no_internet_socket() {
    let dir = tempfile::tempdir().unwrap();

    let said = run_offline(dir.path(), &["demo", "--count", "5"]);
    assert!(said.contains('5'), "{said}");
    let files = fs::read_dir(dir.path().join(BENEFICIARIES_DIR))
        .unwrap()
        .count();
    assert_eq!(files, 5, "demo did not write its records under strace");

    let listed = run_offline(dir.path(), &["list"]);
    assert_eq!(listed.lines().count(), 5, "{listed}");

    let checked = run_offline(dir.path(), &["check"]);
    assert_eq!(checked, "", "check found problems in demo records");
}

#[test]
fn print_creche_match_and_import_open_no_internet_socket() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    run_offline(root, &["demo", "--count", "4"]);
    let listed = run_offline(root, &["list"]);
    let id = listed.split('\t').next().unwrap().to_owned();

    let pdf = root.join("synthese.pdf");
    let said = run_offline(
        root,
        &[
            "print",
            "--beneficiary",
            &id,
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(said.starts_with("Synthèse de "), "{said}");
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let all = root.join("toutes");
    run_offline(
        root,
        &["print", "--all", "--out-dir", all.to_str().unwrap()],
    );
    assert_eq!(fs::read_dir(&all).unwrap().count(), 4);

    let week = root.join("semaine.pdf");
    let lines = run_offline(
        root,
        &[
            "creche",
            "week",
            "--week",
            "2026-W48",
            "--pdf",
            week.to_str().unwrap(),
        ],
    );
    assert!(lines.starts_with("2026-11-23 "), "{lines}");
    assert!(fs::read(&week).unwrap().starts_with(b"%PDF-"));

    let ranked = run_offline(root, &["match", "--beneficiary", &id]);
    assert!(!ranked.trim().is_empty(), "match ranked nothing");

    let csv = root.join("entreprises.csv");
    let siret = crate::companies::siret("4430618410004");
    fs::write(
        &csv,
        format!("Raison sociale;SIRET;Ville\r\nPressing du Centre;{siret};Orly\r\n"),
    )
    .unwrap();
    run_offline(root, &["import-companies", csv.to_str().unwrap()]);
    let companies = run_offline(root, &["companies"]);
    assert!(companies.contains("Pressing du Centre"), "{companies}");
}

/// A virtual X server, stopped when dropped.
struct Xvfb {
    process: std::process::Child,
    display: String,
}

impl Xvfb {
    /// Starts Xvfb on a free display (it chooses, and tells on its standard output); `None`
    /// when Xvfb is not installed.
    fn start() -> Option<Self> {
        use std::io::{BufRead, BufReader};

        let mut process = match Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-nolisten",
                "tcp",
                "-screen",
                "0",
                "1280x900x24",
            ])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
        {
            Ok(process) => process,
            Err(error) if error.kind() == ErrorKind::NotFound => return None,
            Err(error) => panic!("Xvfb could not be started: {error}"),
        };
        let mut number = String::new();
        BufReader::new(process.stdout.take().unwrap())
            .read_line(&mut number)
            .unwrap();
        let number = number.trim();
        assert!(!number.is_empty(), "Xvfb gave no display number");
        Some(Self {
            display: format!(":{number}"),
            process,
        })
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// The window itself, on a virtual X server with demo records, runs for a few seconds (its
/// records loaded and drawn) without opening an internet socket; the trace shows its
/// connection to the X server, so a window that never started would not pass.
#[test]
fn the_window_opens_no_internet_socket() {
    let Some(xvfb) = Xvfb::start() else {
        eprintln!(
            "SKIPPED the_window_opens_no_internet_socket: Xvfb is not installed, so the window's \
             network use was not checked (bash scripts/setup-debian.sh test installs it)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    run_offline(dir.path(), &["demo", "--count", "20"]);
    let parcours = env!("CARGO_BIN_EXE_parcours");
    // `timeout` ends the window after 8 s with SIGTERM and exits 124: it was still running.
    let (output, trace) = traced_with(
        OsStr::new("timeout"),
        &[
            OsStr::new("8"),
            OsStr::new(parcours),
            OsStr::new("--data-dir"),
            dir.path().as_os_str(),
        ],
        |command| {
            command
                .env("DISPLAY", &xvfb.display)
                .env_remove("WAYLAND_DISPLAY")
                .env("XDG_SESSION_TYPE", "x11");
        },
    );
    assert_eq!(
        output.status.code(),
        Some(124),
        "the window did not stay open for 8 s: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        trace
            .lines()
            .any(|l| l.contains("connect(") && l.contains("X11-unix")),
        "the window never reached the X server:\n{trace}"
    );
    let found = internet_sockets(&trace);
    assert!(
        found.is_empty(),
        "the window opened internet sockets:\n{}",
        found.join("\n")
    );
}
