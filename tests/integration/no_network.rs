//! What counsellors can tell their data protection officer: Parcours never opens an internet
//! socket. `demo`, `list`, `check`, `print`, `creche week --pdf`, `match` and
//! `import-companies` run under `strace -f -e trace=socket,connect`, and so does the window
//! itself on a virtual X server (Xvfb) with a French keyboard, its records loaded, used for a
//! few seconds with real key presses (xdotool) and closed with its close button; no `AF_INET`
//! or `AF_INET6` socket appears in the trace (a local `AF_UNIX` one, such as the X server's,
//! is fine). A first run traces a command that does open one, so that a trace the test cannot
//! read fails instead of passing; the window's test also requires the record typed to be on
//! disk, so that keys that went nowhere fail it.
//!
//! Linux only (strace). strace must be installed: `scripts/setup-debian.sh test` installs it
//! (and Xvfb, xdotool and setxkbmap); without strace these tests fail and say so, rather than
//! passing without proving anything, and so does the window's test without xdotool or
//! setxkbmap. Without Xvfb, the window's test says on its output that it was skipped.

#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::ffi::OsStr;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use parcours::store::{BENEFICIARIES_DIR, WORKSHOPS_DIR};

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
    /// when Xvfb is not installed. `-noreset`: the keyboard layout set by a first client
    /// stays when that client leaves.
    fn start() -> Option<Self> {
        use std::io::{BufRead, BufReader};

        let mut process = match Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-nolisten",
                "tcp",
                "-noreset",
                "-screen",
                "0",
                "1280x900x24",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
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

    /// `program args…` as an X client of this server, ended at `deadline` (a client waiting
    /// for something that never comes must not hang the test); its standard output. Panics
    /// when it fails, or says what to install when it is missing.
    fn client(&self, deadline: Instant, program: &str, args: &[&str]) -> String {
        let left = deadline.saturating_duration_since(Instant::now());
        let output = Command::new("timeout")
            .arg(format!("{:.2}", left.as_secs_f64().max(0.01)))
            .arg(program)
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .unwrap();
        // `timeout` exits 127 when the program is not found.
        assert_ne!(
            output.status.code(),
            Some(127),
            "{program} is not installed, so the window cannot be used during its no-network \
             check: install it (`bash scripts/setup-debian.sh test`)"
        );
        assert!(
            output.status.success(),
            "{program} {args:?} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// Asks `window` to close as a window manager does when its close button is clicked
    /// (a `WM_DELETE_WINDOW` message): the application decides, saves and exits.
    fn close(&self, window: u32) {
        use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt as _, EventMask};
        use x11rb::wrapper::ConnectionExt as _;

        let (connection, _) = x11rb::connect(Some(&self.display)).unwrap();
        let atom = |name: &[u8]| {
            connection
                .intern_atom(false, name)
                .unwrap()
                .reply()
                .unwrap()
                .atom
        };
        let (protocols, delete) = (atom(b"WM_PROTOCOLS"), atom(b"WM_DELETE_WINDOW"));
        let message = ClientMessageEvent::new(
            32,
            window,
            protocols,
            [delete, x11rb::CURRENT_TIME, 0, 0, 0],
        );
        connection
            .send_event(false, window, EventMask::NO_EVENT, message)
            .unwrap();
        connection.sync().unwrap();
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// The window running under strace, in a process group of its own: when dropped (the test
/// over, or failing half-way), strace and the window are killed if they still run.
struct TracedWindow {
    strace: Child,
    trace: PathBuf,
    _scratch: tempfile::TempDir,
}

impl TracedWindow {
    /// `parcours --data-dir <dir>` on `xvfb`'s display, traced as [`traced`] does.
    fn start(xvfb: &Xvfb, dir: &Path) -> Self {
        use std::os::unix::process::CommandExt as _;

        let scratch = tempfile::tempdir().unwrap();
        let trace = scratch.path().join("trace");
        // A file, not a pipe: a pipe nobody reads until the end could fill and stop the window.
        let stderr = fs::File::create(scratch.path().join("stderr")).unwrap();
        // A counsellor profile already set: the first-start dialog would hold the keys typed.
        fs::write(
            scratch.path().join("profil.ron"),
            "(name: \"Test\", installation: \"test\")",
        )
        .unwrap();
        // `openat` too: the trace then tells when the window has loaded its records.
        // `timeout` (in the foreground, so in this group) ends the window if the test itself
        // is killed before it can.
        let strace = Command::new("strace")
            .args(["-f", "-e", "trace=socket,connect,openat", "-o"])
            .arg(&trace)
            .args(["timeout", "--foreground", "90"])
            .arg(env!("CARGO_BIN_EXE_parcours"))
            .arg("--data-dir")
            .arg(dir)
            .env_remove("PARCOURS_DATA_DIR")
            .env("PARCOURS_TODAY", "2026-11-22")
            .env("PARCOURS_CONFIG_DIR", scratch.path())
            .env("DISPLAY", &xvfb.display)
            .env_remove("WAYLAND_DISPLAY")
            .env("XDG_SESSION_TYPE", "x11")
            .stdout(Stdio::null())
            .stderr(stderr)
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("strace could not be started ({e}): is it installed?"));
        Self {
            strace,
            trace,
            _scratch: scratch,
        }
    }

    /// The trace so far.
    fn trace(&self) -> String {
        fs::read_to_string(&self.trace).unwrap_or_default()
    }

    /// Waits until `deadline` at most for the window to end; its exit status (strace passes
    /// it on) and its standard error.
    fn wait(&mut self, deadline: Instant) -> (std::process::ExitStatus, String) {
        let status = within(deadline, || self.strace.try_wait().unwrap())
            .expect("the window did not close in time after its close button");
        let stderr = self.trace.with_file_name("stderr");
        (status, fs::read_to_string(stderr).unwrap_or_default())
    }
}

impl Drop for TracedWindow {
    fn drop(&mut self) {
        if matches!(self.strace.try_wait(), Ok(None)) {
            // The whole group: strace, `timeout` and the window.
            let group = format!("-{}", self.strace.id());
            let killed = Command::new("kill").args(["-KILL", "--", &group]).status();
            if !killed.is_ok_and(|s| s.success()) {
                let _ = self.strace.kill();
            }
        }
        let _ = self.strace.wait();
    }
}

/// Polls `probe` every 50 ms until `deadline`: its first `Some`.
fn within<T>(deadline: Instant, mut probe: impl FnMut() -> Option<T>) -> Option<T> {
    loop {
        if let Some(found) = probe() {
            return Some(found);
        }
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The text of the record file in `dir` whose last name is `last_name`, if there is one.
fn record_named(dir: &Path, last_name: &str) -> Option<String> {
    let wanted = format!("last_name: \"{last_name}\"");
    fs::read_dir(dir.join(BENEFICIARIES_DIR))
        .ok()?
        .filter_map(|entry| fs::read_to_string(entry.ok()?.path()).ok())
        .find(|text| text.contains(&wanted))
}

/// The first string field `field` of a record file's text (the person's own names come
/// before their children's).
fn string_field<'a>(text: &'a str, field: &str) -> Option<&'a str> {
    let start = format!("{field}: \"");
    text.split(start.as_str()).nth(1)?.split('"').next()
}

/// Every record's names in `dir`, one a line, to tell what a failed run typed.
fn names_on_disk(dir: &Path) -> String {
    fs::read_dir(dir.join(BENEFICIARIES_DIR))
        .unwrap()
        .map(|entry| {
            let text = fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
            let name = |field| string_field(&text, field).unwrap_or("?");
            format!("{} {}", name("last_name"), name("first_name"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The window itself, on a virtual X server with demo records and a French keyboard, used for
/// a few seconds as a counsellor does, with real key presses: a new record (Ctrl+N), its last
/// and first names typed with accented letters, Ctrl+S, then a search (Ctrl+F) and another
/// record chosen with ↓, and the window closed with its close button. It opens no internet
/// socket; the trace shows its connection to the X server, and the typed record is on disk
/// with its names, so a window that never started or keys that went nowhere fail the test.
#[test]
fn the_window_opens_no_internet_socket() {
    let Some(xvfb) = Xvfb::start() else {
        eprintln!(
            "SKIPPED the_window_opens_no_internet_socket: Xvfb is not installed, so the window's \
             network use was not checked (bash scripts/setup-debian.sh test installs it)"
        );
        return;
    };
    // Every letter typed below is a key of the French keyboard (é, è included): xdotool
    // needs no temporary key of its own, which the window could read too late.
    let setup = Instant::now() + Duration::from_secs(20);
    xvfb.client(setup, "setxkbmap", &["fr"]);
    let layout = xvfb.client(setup, "setxkbmap", &["-query"]);
    assert!(
        layout
            .lines()
            .any(|l| l.split_whitespace().eq(["layout:", "fr"])),
        "the French keyboard layout was not set: {layout}"
    );
    let dir = tempfile::tempdir().unwrap();
    run_offline(dir.path(), &["demo", "--count", "20"]);
    // A demo person to search for, by a name typed on the French keyboard.
    let other = fs::read_dir(dir.path().join(BENEFICIARIES_DIR))
        .unwrap()
        .find_map(|entry| {
            let text = fs::read_to_string(entry.unwrap().path()).unwrap();
            let name = string_field(&text, "last_name")?;
            (name.len() >= 4 && name.chars().all(|c| c.is_ascii_alphabetic()))
                .then(|| name.to_owned())
        })
        .expect("no demo record with a plain ASCII last name");

    // The whole use, from the start to the window closed, has this long: generous for a
    // loaded machine (it takes a few seconds), and a window that stops answering fails the
    // test within a minute.
    let deadline = Instant::now() + Duration::from_secs(50);
    let mut window = TracedWindow::start(&xvfb, dir.path());
    let id = xvfb.client(
        deadline,
        "xdotool",
        &["search", "--sync", "--onlyvisible", "--name", "^Parcours$"],
    );
    let id = id.lines().next().unwrap().to_owned();
    // Keys pressed while the records load are not read: wait until the window, once they
    // are loaded, reads the workshops' files.
    let workshop_file = format!("/{WORKSHOPS_DIR}/");
    within(deadline, || {
        window
            .trace()
            .lines()
            .any(|l| l.contains("openat(") && l.contains(&workshop_file) && l.contains(".ron\""))
            .then_some(())
    })
    .expect("the window did not load its records in time");

    let type_text = |text: &str| {
        xvfb.client(deadline, "xdotool", &["type", "--delay", "30", "--", text]);
    };
    let key = |keys: &str| {
        xvfb.client(deadline, "xdotool", &["key", "--delay", "30", keys]);
    };
    xvfb.client(deadline, "xdotool", &["windowfocus", "--sync", &id]);
    key("ctrl+n");
    type_text("Nkembé-Lefèvre");
    key("Tab");
    type_text("Hélène");
    key("ctrl+s");
    let saved =
        within(deadline, || record_named(dir.path(), "Nkembé-Lefèvre")).unwrap_or_else(|| {
            panic!(
                "Ctrl+N, the names typed and Ctrl+S left no record file with that last name; the \
             records on disk:\n{}",
                names_on_disk(dir.path())
            )
        });
    assert!(saved.contains("first_name: \"Hélène\""), "{saved}");
    // More of the first name, then at once another person, searched for (Ctrl+F) and chosen
    // with ↓: the keys typed just before Ctrl+F still reach the first name.
    type_text("-Awa");
    key("ctrl+f");
    type_text(&other);
    key("Down");
    xvfb.close(id.parse().unwrap());

    let (status, stderr) = window.wait(deadline);
    assert_eq!(
        status.code(),
        Some(0),
        "the window did not close normally: {stderr}"
    );
    let trace = window.trace();
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
    let saved = record_named(dir.path(), "Nkembé-Lefèvre").unwrap_or_default();
    assert!(
        saved.contains("first_name: \"Hélène-Awa\""),
        "the first name typed on just before Ctrl+F was not saved whole:\n{saved}"
    );
    let records = fs::read_dir(dir.path().join(BENEFICIARIES_DIR))
        .unwrap()
        .count();
    assert_eq!(
        records, 21,
        "the window did not add exactly the one record typed"
    );
}
