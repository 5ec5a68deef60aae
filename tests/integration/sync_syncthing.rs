//! Two laptops on Syncthing, for real: two daemons (Debian's `syncthing`) on loopback only
//! (GUI and REST on 127.0.0.1 with an API key; global and local discovery, relays, NAT and
//! usage reporting off; each listening on 127.0.0.1 and knowing the other's address there),
//! sharing one Parcours data directory each. The link is paused (REST `POST
//! /rest/system/pause`), both counsellors work through the store, the link is resumed, and
//! Syncthing's own conflict copies are what the load merges: parts changed on one side are
//! merged without a question, the part changed on both is offered, workshop enrolments from
//! both are kept, nothing is lost.
//!
//! Bounded in time (every wait has a deadline) and the daemons are killed by a guard, whatever
//! happens. Skipped, saying so, only when `syncthing` is not installed (`scripts/setup-debian.sh`
//! installs it; CI does).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveTime;
use parcours::model::preparation::{Appointment, Session, SessionKind};
use parcours::model::record::RecordPart;
use parcours::store::{BENEFICIARIES_DIR, WORKSHOPS_DIR};

use crate::common::{d, fixture, today};
use crate::sync_copies::{open, open_loaded, person, workshop};

const FOLDER: &str = "parcours";
const API_KEY: &str = "parcours-test-key-0123456789";
/// Longest wait for any one step (the whole test stays well under a few minutes).
const STEP: Duration = Duration::from_secs(90);

/// What each laptop's folder does not sync: the writer's lock and the leases (`.parcours/`),
/// the store's temporary files, each laptop's own backups and journal.
const IGNORES: &str = ".parcours.lock\n.parcours\n(?d).*.tmp\nbackups\njournal\n";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One Syncthing daemon: its home, its data directory, its ports; killed when dropped.
struct Daemon {
    home: PathBuf,
    data: PathBuf,
    id: String,
    gui: u16,
    listen: u16,
    child: Option<Child>,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Daemon {
    fn generate(root: &Path, name: &str) -> Self {
        let home = root.join(format!("home-{name}"));
        let data = root.join(format!("data-{name}"));
        fs::create_dir_all(&data).unwrap();
        let output = Command::new("syncthing")
            .args(["generate", "--no-default-folder", "--home"])
            .arg(&home)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let id = text
            .lines()
            .find_map(|l| l.split("Device ID: ").nth(1))
            .expect("syncthing generate prints the device id")
            .trim()
            .to_owned();
        fs::write(data.join(".stignore"), IGNORES).unwrap();
        Self {
            home,
            data,
            id,
            gui: free_port(),
            listen: free_port(),
            child: None,
        }
    }

    /// Writes the configuration: loopback only, nothing announced, no relay, no NAT, no usage
    /// report; the folder shared with `peer`.
    fn configure(&self, peer: &Self) {
        let device = |d: &Self, name: &str| {
            format!(
                r#"<device id="{}" name="{name}" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy="">
        <address>tcp://127.0.0.1:{}</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>"#,
                d.id, d.listen
            )
        };
        let config = format!(
            r#"<configuration version="36">
    <folder id="{FOLDER}" label="Parcours" path="{path}" type="sendreceive" rescanIntervalS="3600" fsWatcherEnabled="false" fsWatcherDelayS="10" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{me}" introducedBy=""></device>
        <device id="{them}" introducedBy=""></device>
        <minDiskFree unit="%">0</minDiskFree>
        <maxConflicts>10</maxConflicts>
        <paused>false</paused>
        <markerName>.stfolder</markerName>
    </folder>
    {this}
    {other}
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:{gui}</address>
        <apikey>{API_KEY}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{listen}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <startBrowser>false</startBrowser>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <crashReportingEnabled>false</crashReportingEnabled>
        <announceLANAddresses>false</announceLANAddresses>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
    </options>
</configuration>
"#,
            path = self.data.display(),
            me = self.id,
            them = peer.id,
            this = device(self, "moi"),
            other = device(peer, "autre"),
            gui = self.gui,
            listen = self.listen,
        );
        fs::write(self.home.join("config.xml"), config).unwrap();
        fs::create_dir_all(self.data.join(".stfolder")).unwrap();
    }

    fn start(&mut self) {
        let log = fs::File::create(self.home.join("syncthing.log")).unwrap();
        let child = Command::new("syncthing")
            .args([
                "serve",
                "--no-browser",
                "--no-restart",
                "--no-upgrade",
                "--no-default-folder",
                "--home",
            ])
            .arg(&self.home)
            .env("STNODEFAULTFOLDER", "1")
            .env("STNOUPGRADE", "1")
            .env("all_proxy", "")
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(child);
    }

    /// One REST call; the body, or `None` while the daemon does not answer.
    fn rest(&self, method: &str, path: &str) -> Option<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.gui)).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .ok()?;
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-API-Key: {API_KEY}\r\n\
             Content-Length: 0\r\nConnection: close\r\n\r\n",
            self.gui
        );
        stream.write_all(request.as_bytes()).ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).ok()?;
        let (head, body) = response.split_once("\r\n\r\n")?;
        head.starts_with("HTTP/1.1 200").then(|| body.to_owned())
    }

    fn json(&self, path: &str) -> Option<serde_json::Value> {
        let body = self.rest("GET", path)?;
        // A chunked answer: the JSON is between the first `{` and the last `}`.
        let (start, end) = (body.find('{')?, body.rfind('}')?);
        serde_json::from_str(body.get(start..=end)?).ok()
    }

    fn post(&self, path: &str) {
        let done = wait_for(&format!("POST {path}"), || {
            self.rest("POST", path).is_some()
        });
        assert!(done, "{}", self.log());
    }

    /// The folder is scanned, idle, and needs nothing from the other device.
    fn settled(&self, peer: &Self) -> bool {
        let status = self.json(&format!("/rest/db/status?folder={FOLDER}"));
        let completion = self.json(&format!(
            "/rest/db/completion?folder={FOLDER}&device={}",
            peer.id
        ));
        match (status, completion) {
            (Some(s), Some(c)) => {
                s["state"] == "idle"
                    && s["needTotalItems"] == 0
                    && c["completion"].as_f64() == Some(100.0)
            }
            _ => false,
        }
    }

    fn connected_to(&self, peer: &Self) -> bool {
        self.json("/rest/system/connections")
            .is_some_and(|c| c["connections"][&peer.id]["connected"] == true)
    }

    fn log(&self) -> String {
        fs::read_to_string(self.home.join("syncthing.log")).unwrap_or_default()
    }
}

/// Polls `ready` until it holds or [`STEP`] has passed; says which step timed out.
fn wait_for(what: &str, mut ready: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + STEP;
    while Instant::now() < deadline {
        if ready() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    eprintln!("sync_syncthing: timed out waiting for {what}");
    false
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| Path::new(n).extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn syncthing_installed() -> bool {
    Command::new("syncthing")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn two_laptops_on_syncthing_merge_what_does_not_collide_and_ask_the_rest() {
    if !syncthing_installed() {
        eprintln!(
            "sync_syncthing: SKIPPED — `syncthing` is not installed (scripts/setup-debian.sh \
             installs it)"
        );
        return;
    }
    let root = tempfile::tempdir().unwrap();
    let mut a = Daemon::generate(root.path(), "a");
    let mut b = Daemon::generate(root.path(), "b");
    a.configure(&b);
    b.configure(&a);

    // The morning: laptop A's folder holds the record and the workshop; B receives them.
    {
        let mut store = open(&a.data, "Claire Martin", "installation-a");
        store.save_beneficiary(&fixture(), today()).unwrap();
        store.save_workshop(&workshop()).unwrap();
    }
    a.start();
    b.start();
    let logs = |a: &Daemon, b: &Daemon| format!("A:\n{}\nB:\n{}", a.log(), b.log());
    assert!(
        wait_for("the two daemons to connect", || a.connected_to(&b)
            && b.connected_to(&a)),
        "{}",
        logs(&a, &b)
    );
    let record = format!("{}.ron", fixture().id);
    assert!(
        wait_for("B to receive the morning's files", || {
            b.data.join(BENEFICIARIES_DIR).join(&record).is_file()
                && files(&b.data.join(WORKSHOPS_DIR)).len() == 1
                && a.settled(&b)
                && b.settled(&a)
        }),
        "{}",
        logs(&a, &b)
    );

    // Offline for the day: the link is paused on both laptops.
    a.post("/rest/system/pause");
    b.post("/rest/system/pause");
    assert!(wait_for("the link to be down", || !a.connected_to(&b)
        && !b.connected_to(&a)));

    let base = fixture();
    {
        let mut store = open_loaded(&a.data, "Claire Martin", "installation-a");
        let mut on_a = base.clone();
        on_a.contact.phone = "07 11 22 33 44".into();
        on_a.contact.town = "Ivry-sur-Seine".into();
        on_a.preparation.sessions.push(Session {
            date: d(2026, 11, 27),
            duration_minutes: 45,
            kind: SessionKind::default(),
            note: "Point CV".into(),
        });
        store.save_beneficiary(&on_a, today()).unwrap();
        let (mut workshops, _) = store.load_workshops();
        workshops[0].enrol(person(1)).unwrap();
        store.save_workshop(&workshops[0]).unwrap();
    }
    // B's edits come a moment later, so that each file is newer on B (Syncthing keeps the
    // newer as the file and the older as the copy: the merge must not care which).
    std::thread::sleep(Duration::from_millis(1100));
    {
        let mut store = open_loaded(&b.data, "Karim Benali", "installation-b");
        let mut on_b = base.clone();
        on_b.contact.town = "Choisy-le-Roi".into();
        on_b.private_notes = "Cherche en boulangerie".into();
        on_b.preparation.appointments.push(Appointment::new(
            d(2026, 12, 1),
            NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
        ));
        store.save_beneficiary(&on_b, today()).unwrap();
        let (mut workshops, _) = store.load_workshops();
        workshops[0].enrol(person(2)).unwrap();
        store.save_workshop(&workshops[0]).unwrap();
    }
    a.post(&format!("/rest/db/scan?folder={FOLDER}"));
    b.post(&format!("/rest/db/scan?folder={FOLDER}"));

    // Back online.
    a.post("/rest/system/resume");
    b.post("/rest/system/resume");
    let conflict_copies = |dir: &Path| {
        files(dir)
            .iter()
            .filter(|n| n.contains(".sync-conflict-"))
            .count()
    };
    assert!(
        wait_for(
            "both folders to hold the same files, conflict copies included",
            || {
                a.connected_to(&b)
                    && a.settled(&b)
                    && b.settled(&a)
                    && conflict_copies(&a.data.join(BENEFICIARIES_DIR)) == 1
                    && conflict_copies(&a.data.join(WORKSHOPS_DIR)) == 1
                    && files(&a.data.join(BENEFICIARIES_DIR))
                        == files(&b.data.join(BENEFICIARIES_DIR))
                    && files(&a.data.join(WORKSHOPS_DIR)) == files(&b.data.join(WORKSHOPS_DIR))
            }
        ),
        "{}",
        logs(&a, &b)
    );
    // The daemons stop before Parcours opens the folder (it writes the merge).
    drop(a.child.take().map(|mut c| (c.kill(), c.wait())));
    drop(b.child.take().map(|mut c| (c.kill(), c.wait())));

    let mut store = open(&a.data, "Claire Martin", "installation-a");
    let report = store.load();
    assert_eq!(
        report.conflicts.len(),
        1,
        "the part changed on both is offered"
    );
    // The one problem is that copy's, which the window shows as the conflict it is.
    assert!(
        report
            .problems
            .iter()
            .all(|p| p.path == report.conflicts[0].other_path),
        "{:?}",
        report.problems
    );
    let conflict = &report.conflicts[0];
    let asked: Vec<RecordPart> = conflict.asked.iter().map(|p| p.part).collect();
    assert_eq!(asked, [RecordPart::Contact]);
    let towns = [
        report.beneficiaries[0].contact.town.as_str(),
        conflict.other.contact.town.as_str(),
    ];
    assert!(
        towns.contains(&"Ivry-sur-Seine") && towns.contains(&"Choisy-le-Roi"),
        "both towns on offer: {towns:?}"
    );
    let merged = &report.beneficiaries[0];
    assert_eq!(
        merged.private_notes, "Cherche en boulangerie",
        "B's note, unasked"
    );
    assert_eq!(merged.preparation.sessions.len(), 1, "A's session kept");
    assert_eq!(
        merged.preparation.appointments.len(),
        1,
        "B's appointment kept"
    );
    // The phone was changed on A only, inside the contact part both changed: it is in A's
    // version on offer, not lost.
    let phones = [
        merged.contact.phone.as_str(),
        conflict.other.contact.phone.as_str(),
    ];
    assert!(phones.contains(&"07 11 22 33 44"), "{phones:?}");

    let (workshops, problems) = store.load_workshops();
    assert!(problems.is_empty(), "{problems:?}");
    let mut enrolled: Vec<_> = workshops[0]
        .enrolments
        .iter()
        .map(|e| e.beneficiary)
        .collect();
    enrolled.sort();
    assert_eq!(
        enrolled,
        [person(1), person(2)],
        "both laptops' enrolments kept"
    );
    assert_eq!(
        conflict_copies(&a.data.join(WORKSHOPS_DIR)),
        0,
        "the workshop's copy merged and moved aside"
    );
}
