//! What counsellors can tell their data protection officer: the command line never opens an
//! internet socket. `demo`, `list` and `check` run under `strace -f -e trace=socket,connect`,
//! and no `AF_INET` or `AF_INET6` socket appears in the trace (a local `AF_UNIX` one would be
//! fine). A first run traces a command that does open one, so that a trace the test cannot read
//! fails instead of passing.
//!
//! Linux only (strace). strace must be installed: `scripts/setup-debian.sh test` installs it;
//! without it these tests fail and say so, rather than passing without proving anything.

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
    let scratch = tempfile::tempdir().unwrap();
    let trace = scratch.path().join("trace");
    let output = Command::new("strace")
        .args(["-f", "-e", "trace=socket,connect", "-o"])
        .arg(&trace)
        .arg(program)
        .args(args)
        .env_remove("PARCOURS_DATA_DIR")
        .output();
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
