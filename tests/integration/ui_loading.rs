//! The real window loads the records on a thread of its own: it shows a progress bar and keeps
//! drawing frames meanwhile, then lists every record and can save (the store, and its lock,
//! came back from the loading thread).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Barrier, Condvar, Mutex};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::demo::demo_beneficiaries;
use parcours::store::{Access, Store};
use parcours::ui::{AppConfig, ParcoursApp};

use crate::common::today;

/// Frames the window must draw while the load is held back.
const FRAMES_WHILE_LOADING: usize = 12;

/// Holds every thread of rayon's global pool, where the store reads and parses the files, until
/// opened: a load started meanwhile cannot finish, so the test sees the window while it loads,
/// however fast the machine. Opened when dropped (a failing test never blocks the others).
struct PoolGate {
    open: Arc<(Mutex<bool>, Condvar)>,
}

impl PoolGate {
    fn close() -> Self {
        let threads = rayon::current_num_threads();
        let all_held = Arc::new(Barrier::new(threads + 1));
        let open = Arc::new((Mutex::new(false), Condvar::new()));
        for _ in 0..threads {
            let (all_held, open) = (all_held.clone(), open.clone());
            rayon::spawn(move || {
                all_held.wait();
                let (is_open, changed) = &*open;
                let mut is_open = is_open.lock().unwrap();
                while !*is_open {
                    is_open = changed.wait(is_open).unwrap();
                }
            });
        }
        all_held.wait();
        Self { open }
    }

    /// Opens the gate from another thread after `delay`: a window that loaded on its own
    /// thread (blocked by the gate) still gets its records, and the test fails on its
    /// assertions instead of hanging.
    fn open_after(&self, delay: Duration) {
        let open = self.open.clone();
        std::thread::spawn(move || {
            std::thread::sleep(delay);
            Self::open_now(&open);
        });
    }

    fn open_now(open: &(Mutex<bool>, Condvar)) {
        *open.0.lock().unwrap() = true;
        open.1.notify_all();
    }
}

impl Drop for PoolGate {
    fn drop(&mut self) {
        Self::open_now(&self.open);
    }
}

#[test]
fn records_load_in_the_background_while_the_window_draws_a_progress_bar() {
    const RECORDS: usize = 400;
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        for record in demo_beneficiaries(RECORDS, today(), 11) {
            store.save_beneficiary(&record, today()).unwrap();
        }
    }
    let config = AppConfig {
        data_dir: dir.path().to_owned(),
        today: Some(today()),
    };
    let gate = PoolGate::close();
    // Only if the window loads on its own thread (it should not): then it waits for this.
    gate.open_after(Duration::from_secs(30));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 760.0))
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new_loading_in_background(&cc.egui_ctx, config));

    // The load cannot finish while the gate is closed: every frame drawn meanwhile shows the
    // progress bar, and none waits for the files.
    for frame in 1..=FRAMES_WHILE_LOADING {
        harness.step();
        assert!(
            harness.state().records().is_empty(),
            "the records were there at frame {frame}: the load did not run in the background"
        );
        harness.get_by_label("Chargement des fiches…");
        assert!(
            harness.query_by_role(Role::ProgressIndicator).is_some(),
            "no progress bar at frame {frame}"
        );
    }

    drop(gate);
    let started = Instant::now();
    while harness.state().records().is_empty() {
        assert!(
            started.elapsed() < Duration::from_mins(1),
            "the records never arrived"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(harness.state().records().len(), RECORDS);
    harness.run();
    assert!(harness.query_by_label("Chargement des fiches…").is_none());
    assert!(harness.query_by_role(Role::ProgressIndicator).is_none());
    // The store came back from the loading thread: edits can be saved (and another Parcours
    // may write the same folder: records are held one by one, by leases).
    assert!(harness.state().is_writable());
    assert!(Store::open(dir.path(), Access::ReadWrite).is_ok());
}

/// Every entry of a folder with its bytes (`None` for a folder or a special file).
fn folder_contents(folder: &std::path::Path) -> Vec<(String, Option<Vec<u8>>)> {
    let mut entries: Vec<(String, Option<Vec<u8>>)> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
            (name, kind.is_file().then(|| std::fs::read(&path).unwrap()))
        })
        .collect();
    entries.sort();
    entries
}

/// Hostile and duplicate files reach the window through its background loader as they reach
/// `check`: the good records list, each bad file is counted in the banner and left as it was,
/// a sync tool's conflict copy gets its own banner, and the window can still save.
#[test]
fn hostile_and_duplicate_files_through_the_background_loader() {
    let dir = tempfile::tempdir().unwrap();
    let good = demo_beneficiaries(30, today(), 12);
    let folder = dir.path().join(parcours::store::BENEFICIARIES_DIR);
    {
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        for record in &good {
            store.save_beneficiary(record, today()).unwrap();
        }
    }
    // Unreadable: empty, truncated, not UTF-8, a folder and a broken link named like records.
    std::fs::write(folder.join("vide.ron"), b"").unwrap();
    std::fs::write(folder.join("tronque.ron"), b"(schema_version: 1, record: (").unwrap();
    std::fs::write(folder.join("binaire.ron"), b"\xff\xfe\x00(\x00").unwrap();
    std::fs::create_dir(folder.join("dossier.ron")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(folder.join("absent"), folder.join("lien.ron")).unwrap();
    let unreadable = if cfg!(unix) { 5 } else { 4 };
    // A sync tool's conflict copy of the first record, another version of it.
    let mut other = good[0].clone();
    other.private_notes = "Notée sur l'autre portable".into();
    let copy = {
        let scratch = tempfile::tempdir().unwrap();
        let mut store = Store::open(scratch.path(), Access::ReadWrite).unwrap();
        std::fs::read(store.save_beneficiary(&other, today()).unwrap()).unwrap()
    };
    std::fs::write(
        folder.join(format!("{} (conflicted copy).ron", other.id)),
        &copy,
    )
    .unwrap();
    let before = folder_contents(&folder);

    let config = AppConfig {
        data_dir: dir.path().to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 760.0))
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new_loading_in_background(&cc.egui_ctx, config));
    let started = Instant::now();
    while harness.state().records().is_empty() {
        assert!(
            started.elapsed() < Duration::from_mins(1),
            "the load never ended"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run();

    let mut loaded: Vec<_> = harness.state().records().iter().map(|b| b.id).collect();
    let mut expected: Vec<_> = good.iter().map(|b| b.id).collect();
    loaded.sort();
    expected.sort();
    assert_eq!(loaded, expected, "every good record, once");
    assert_eq!(harness.state().problems().len(), unreadable);
    harness.get_by_label(&format!(
        "{unreadable} fichier(s) n'ont pas pu être lus. Ils sont laissés intacts et ne seront \
         pas remplacés."
    ));
    harness.get_by_label_contains("1 fiche(s) en double");
    assert!(harness.state().is_writable());
    assert_eq!(
        folder_contents(&folder),
        before,
        "the files are left as they were"
    );
}
