//! The frame loop: panels draw and push [`Command`]s; commands are applied once at the end of
//! the frame; edits are validated into records and autosaved through the store, debounced.

mod changes;
mod commands;
mod data;
mod dialogs;
mod editor;
mod encryption;
pub(crate) mod input_pacing;
mod leases;
pub(crate) mod loading;
mod lock;
mod record;
mod vault_dialogs;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{Local, NaiveDate};
use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use self::data::AppData;
use crate::model::companies::Company;
use crate::model::{Beneficiary, BeneficiaryId, Removal, name_order_key};
use crate::store::journal::Filter;
use crate::store::profile::{self, Profile};
use crate::store::{Access, LoadReport, Problem, Store};
use crate::ui::app::loading::Loading;
use crate::ui::command::Command;
use crate::ui::list::ListPanel;
use crate::ui::tabs::{Tab, Tabs};
use crate::ui::views::{MainView, Views};
use crate::ui::windows::Window;
use crate::ui::windows::conflict::ConflictWindow;
use crate::ui::windows::creche_settings::CrecheSettingsWindow;
use crate::ui::windows::protection::ProtectionWindow;
use crate::ui::windows::settings::SettingsWindow;
use crate::ui::{text, theme};

use dialogs::{ProfileDialog, RestoreDialog};
use editor::{Closing, Editor, SaveState};

/// Seconds of calm after the last keystroke before an edit is saved.
pub const AUTOSAVE_DELAY_SECONDS: f64 = 0.8;
/// The longest, in seconds of egui time, that typed keys wait for a new record's last-name field
/// to hold the focus (a safety bound, generous for a loaded machine: the field takes it within
/// a frame or two). Reached, the keys are handed over all the same, the focus given to that field.
const MAX_INPUT_HOLD_SECONDS: f64 = 5.0;
/// How many records "Charger des données de démonstration" writes.
const DEMO_COUNT: usize = 40;

/// How the window is set up.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// The data directory.
    pub data_dir: PathBuf,
    /// A fixed "today" (tests and snapshots); `None` uses the system date.
    pub today: Option<NaiveDate>,
}

/// A new record whose last-name field is to take the focus, and when it was made (egui time).
#[derive(Debug, Clone, Copy)]
struct NewRecordFocus {
    record: BeneficiaryId,
    since: f64,
}

/// How many actions are overdue on `day`, per record (those with some): a record's save
/// counts its own again.
struct OverdueCount {
    day: NaiveDate,
    per_record: HashMap<BeneficiaryId, usize>,
    total: usize,
}

impl OverdueCount {
    fn of(records: &[Arc<Beneficiary>], day: NaiveDate) -> Self {
        let mut count = Self {
            day,
            per_record: HashMap::new(),
            total: 0,
        };
        for record in records {
            count.update(record);
        }
        count
    }

    /// Counts `record`'s overdue actions again.
    fn update(&mut self, record: &Beneficiary) {
        let now = crate::ui::views::home::overdue_of(record, self.day);
        let before = if now == 0 {
            self.per_record.remove(&record.id)
        } else {
            self.per_record.insert(record.id, now)
        };
        self.total = self.total - before.unwrap_or(0) + now;
    }
}

/// The windows over the main screen, each open or not.
#[derive(Default)]
struct Windows {
    conflict: ConflictWindow,
    settings: SettingsWindow,
    creche_settings: CrecheSettingsWindow,
    protection: ProtectionWindow,
}

/// The Parcours window.
pub struct ParcoursApp {
    store: Store,
    /// The records being read on a thread of their own (start-up of the real window).
    loading: Option<Loading>,
    /// Why the directory is read-only, when it is.
    read_only_reason: Option<String>,
    /// Every record, sorted by last then first name.
    /// What the data directory holds, as loaded.
    data: AppData,
    problems: Vec<Problem>,
    restore_dialog: Option<RestoreDialog>,
    list: ListPanel,
    /// Every tab's state.
    tabs: Tabs,
    /// The windows over the main screen.
    windows: Windows,
    selected: Option<BeneficiaryId>,
    editors: HashMap<BeneficiaryId, Editor>,
    tab: Tab,
    save_state: SaveState,
    fixed_today: Option<NaiveDate>,
    show_problems: bool,
    closing: Closing,
    /// A new record (Ctrl+N) whose last-name field is to take the focus: until it holds it,
    /// every input waits (the raw-input hook holds it).
    focus_new_record: Option<NewRecordFocus>,
    /// Input held back to a later frame: at most one focus-moving key a frame
    /// (`input_pacing`), so that fast typing never lands in the field just left.
    pacer: input_pacing::Pacer,
    commands: Vec<Command>,
    /// How many actions are overdue, for the day it was counted: counted again when the day
    /// changes, per record when one changes, not at every frame.
    overdue_count: Option<OverdueCount>,
    /// Entries removed from the forms in this session, oldest first, each with its record:
    /// the undo bar puts them back.
    removals: Vec<(BeneficiaryId, Removal)>,
    /// The counsellor profile of this computer, named in the audit journal.
    profile: Option<Profile>,
    /// Where the profile is kept (`None`: no profile asked, as in most tests).
    config_dir: Option<PathBuf>,
    /// The name typed in the "who uses Parcours here" dialog, while it is open.
    profile_dialog: Option<ProfileDialog>,
    /// The record and the journal's count of writes the "Historique" was read for.
    history_read: Option<(BeneficiaryId, u64)>,
    /// The view the central area shows.
    main_view: MainView,
    /// The top-level views' state.
    views: Views,
    /// The leases held, and others' on what is shown (a folder shared by several Parcours).
    leases: leases::Leases,
    /// Opened read-only because another Parcours holds the whole folder: opened again for
    /// writing once it lets it go.
    reopen_when_free: bool,
    /// What other Parcours write in the folder, followed.
    following: changes::Following,
    /// The lock screen of an encrypted folder, shown before anything of it is read and
    /// whenever the window is locked.
    lock: lock::Lock,
    /// When (egui time) the last input came: the automatic lock counts from it.
    last_input: f64,
    /// The folder being encrypted on a thread of its own.
    conversion: Option<encryption::Conversion>,
    /// A recovery key just made, shown once.
    recovery_dialog: Option<encryption::RecoveryDialog>,
    /// An encryption dialog opened from Paramètres.
    vault_dialog: Option<vault_dialogs::VaultDialog>,
}

impl ParcoursApp {
    /// Opens the data directory (read-only, with a banner, when another Parcours holds it),
    /// nothing loaded yet. An encrypted directory is not opened: the lock screen asks its
    /// passphrase first, and nothing of it is read meanwhile.
    fn open(ctx: &egui::Context, config: AppConfig) -> Self {
        theme::apply(ctx);
        let AppConfig { data_dir, today } = config;
        let lock = lock::Lock::for_folder(&data_dir);
        let (store, read_only_reason) = if lock.shown {
            (Store::read_only(&data_dir), None)
        } else {
            match Store::open(&data_dir, Access::ReadWrite) {
                Ok(store) => (store, None),
                Err(error) => (
                    Store::read_only(&data_dir),
                    Some(text::app::read_only_because(&error)),
                ),
            }
        };
        let reopen_when_free =
            read_only_reason.is_some() && Store::read_only(&data_dir).directory_holder().is_some();
        Self {
            store,
            loading: None,
            read_only_reason,
            data: AppData::default(),
            problems: Vec::new(),
            restore_dialog: None,
            list: ListPanel::default(),
            tabs: Tabs::default(),
            windows: Windows::default(),
            selected: None,
            editors: HashMap::new(),
            tab: Tab::Identity,
            save_state: SaveState::Idle,
            fixed_today: today,
            show_problems: false,
            closing: Closing::No,
            focus_new_record: None,
            pacer: input_pacing::Pacer::default(),
            commands: Vec::new(),
            overdue_count: None,
            removals: Vec::new(),
            profile: None,
            config_dir: None,
            profile_dialog: None,
            history_read: None,
            main_view: MainView::default(),
            views: Views::default(),
            leases: leases::Leases::default(),
            reopen_when_free,
            following: changes::Following::start(data_dir, ctx),
            lock,
            last_input: 0.0,
            conversion: None,
            recovery_dialog: None,
            vault_dialog: None,
        }
    }

    /// Keeps the counsellor profile in `config_dir` (the platform's configuration folder, or
    /// `PARCOURS_CONFIG_DIR`): read now, asked for in a dialog that cannot be skipped when
    /// there is none yet, and named as the author of every event of the audit journal.
    #[must_use]
    pub fn with_profile_dir(mut self, config_dir: PathBuf) -> Self {
        self.profile = profile::load(&config_dir);
        if self.profile.is_none() {
            self.profile_dialog = Some(ProfileDialog::default());
        }
        self.config_dir = Some(config_dir);
        self.give_author();
        self
    }

    /// Hands the profile to the store, which names it in the journal.
    fn give_author(&mut self) {
        if let Some(profile) = &self.profile {
            self.store.set_author(profile.author());
        }
    }

    /// Reads the shown record's journal events for "Historique" in the "Synthèse" tab, when
    /// the record or the journal changed.
    fn refresh_history(&mut self) {
        let (Tab::Summary, Some(id)) = (self.tab, self.selected) else {
            return;
        };
        let key = (id, self.store.journal_writes());
        if self.history_read == Some(key) {
            return;
        }
        self.history_read = Some(key);
        let filter = Filter {
            record: Some(id),
            ..Filter::default()
        };
        let events = self.store.journal_events(filter);
        self.tabs.summary.set_history(id, events);
    }

    /// The counsellor named in the journal, if a profile is set.
    #[must_use]
    pub fn counsellor(&self) -> Option<&str> {
        self.profile.as_ref().map(|p| p.name.as_str())
    }

    /// Opens the data directory (read-only, with a banner, when another Parcours holds it) and
    /// loads every record before returning (tests, benchmarks).
    #[must_use]
    pub fn new(ctx: &egui::Context, config: AppConfig) -> Self {
        let mut app = Self::open(ctx, config);
        // An encrypted folder loads once unlocked, on a thread (see `lock.rs`).
        if !app.is_locked() {
            app.reload();
        }
        app
    }

    /// Opens the data directory and loads the records on a thread of their own, the window
    /// showing the progress meanwhile: what the real window does, so that a folder of
    /// thousands of records never freezes it.
    #[must_use]
    pub fn new_loading_in_background(ctx: &egui::Context, config: AppConfig) -> Self {
        let mut app = Self::open(ctx, config);
        if !app.is_locked() {
            app.start_loading(ctx);
        }
        app
    }

    /// Loads the records on a thread of their own, the store moved into it (a read-only
    /// one with the same key stands in meanwhile).
    fn start_loading(&mut self, ctx: &egui::Context) {
        let placeholder = self
            .store
            .open_like(Access::ReadOnly)
            .unwrap_or_else(|_| Store::read_only(self.store.root()));
        let store = std::mem::replace(&mut self.store, placeholder);
        self.loading = Some(Loading::start(store, ctx));
    }

    /// Draws the progress while the records load, and takes them once loaded; `false` while
    /// loading (nothing else is drawn).
    fn loading_ui(&mut self, ui: &mut Ui) -> bool {
        let Some(loading) = &mut self.loading else {
            return true;
        };
        match loading.finished() {
            None => {
                egui::CentralPanel::default_margins().show(ui, |ui| loading.ui(ui));
                false
            }
            Some(Ok((store, report))) => {
                self.loading = None;
                self.store = store;
                self.give_author();
                self.take_report(report);
                true
            }
            Some(Err(())) => {
                // The thread died (and its store with its lock): load here instead, which
                // reports what it finds.
                self.loading = None;
                match self.store.open_like(Access::ReadWrite) {
                    Ok(store) => {
                        self.store = store;
                        self.give_author();
                    }
                    Err(error) => {
                        self.read_only_reason = Some(text::app::read_only_because(&error));
                    }
                }
                self.reload();
                true
            }
        }
    }

    /// Every record, in list order.
    #[must_use]
    pub fn records(&self) -> &[Arc<Beneficiary>] {
        self.data.records()
    }

    /// The record shown on the right, if any.
    #[must_use]
    pub fn selected(&self) -> Option<BeneficiaryId> {
        self.selected
    }

    /// Whether edits can be saved (false when another Parcours holds the directory).
    #[must_use]
    pub fn is_writable(&self) -> bool {
        self.store.is_writable() && self.leases.directory_holder().is_none()
    }

    /// Whether the record `id` can be edited here: the window can write, and no other
    /// Parcours holds the record.
    #[must_use]
    pub fn can_edit(&self, id: BeneficiaryId) -> bool {
        self.is_writable() && self.leases.allows(id)
    }

    /// Files that could not be loaded.
    #[must_use]
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Number of edits waiting for the autosave delay.
    #[must_use]
    pub fn pending_saves(&self) -> usize {
        self.editors
            .values()
            .filter(|e| e.pending.is_some())
            .count()
    }

    fn today(&self) -> NaiveDate {
        self.fixed_today
            .unwrap_or_else(|| Local::now().date_naive())
    }

    fn reload(&mut self) {
        let report = self.store.load();
        self.take_report(report);
    }

    /// Takes a load's records and problems, then reads the smaller files (settings, partners,
    /// companies, workshops, crèche).
    fn take_report(&mut self, report: LoadReport) {
        *self.data.records_mut() = report.beneficiaries.into_iter().map(Arc::new).collect();
        self.data
            .records_mut()
            .sort_by_cached_key(|b| (name_order_key(b), b.id));
        // A conflict copy has its own banner and window: not counted among unreadable files.
        self.problems = report
            .problems
            .into_iter()
            .filter(|p| !report.conflicts.iter().any(|c| c.other_path == p.path))
            .collect();
        self.data.conflicts = report.conflicts;
        let (settings, problem) = self.store.load_settings();
        self.data.settings = settings;
        self.problems.extend(problem);
        let (partners, problems) = self.store.load_partners();
        self.data.partners = partners;
        self.problems.extend(problems);
        let (companies, problems) = self.store.load_companies();
        *self.data.companies_mut() = companies;
        self.problems.extend(problems);
        self.records_changed();
        let (workshops, problems) = self.store.load_workshops();
        *self.data.workshops_mut() = workshops;
        self.problems.extend(problems);
        let (creche_settings, problem) = self.store.load_creche_settings();
        *self.data.creche_settings_mut() = creche_settings;
        self.problems.extend(problem);
    }

    /// What depends on the whole list of records: the list's search texts, the overdue count.
    fn records_changed(&mut self) {
        self.list.records_changed(self.data.records());
        self.overdue_count = None;
    }

    /// Puts `record`, saved or read back, in the records: in place of its former version,
    /// or at its place in the list's order when it is new or its name changed. What depends
    /// on the records is brought up to date for it alone: a save never goes over the
    /// thousands of others on the frame (their search texts, their overdue actions).
    fn put_record(&mut self, record: Beneficiary) {
        let from = self.index_of(record.id);
        let stays = from.is_some_and(|index| {
            name_order_key(&self.data.records()[index]) == name_order_key(&record)
        });
        let to = match from {
            Some(index) if stays => {
                self.data.records_mut()[index] = Arc::new(record);
                index
            }
            _ => {
                if let Some(index) = from {
                    self.data.records_mut().remove(index);
                }
                let key = (name_order_key(&record), record.id);
                let to = self
                    .data
                    .records()
                    .partition_point(|b| (name_order_key(b), b.id) < key);
                self.data.records_mut().insert(to, Arc::new(record));
                to
            }
        };
        let record = &self.data.records()[to];
        self.list.record_moved(from, to, record);
        if let Some(count) = &mut self.overdue_count {
            count.update(record);
        }
    }

    /// How many actions are overdue across the records today.
    fn overdue_count(&mut self) -> usize {
        let today = self.today();
        match &self.overdue_count {
            Some(count) if count.day == today => count.total,
            _ => {
                let count = OverdueCount::of(self.data.records(), today);
                let total = count.total;
                self.overdue_count = Some(count);
                total
            }
        }
    }

    /// The record on screen as last validated: the edit in progress when valid.
    fn shown_record(&self) -> Option<Beneficiary> {
        let id = self.selected?;
        let saved = &self.data.records()[self.index_of(id)?];
        Some(
            self.editors
                .get(&id)
                .and_then(|e| e.pending.clone())
                .unwrap_or_else(|| Beneficiary::clone(saved)),
        )
    }

    fn index_of(&self, id: BeneficiaryId) -> Option<usize> {
        self.data.records().iter().position(|b| b.id == id)
    }

    /// The bar of top-level views above the central area, when there is more than the record
    /// to show.
    fn views_bar(&mut self, ui: &mut Ui) {
        let shown: Vec<MainView> = MainView::ALL
            .into_iter()
            .filter(|v| *v == MainView::Record || self.views.get_mut(*v).is_some())
            .collect();
        if shown.len() < 2 {
            return;
        }
        egui::Panel::top("views").show(ui, |ui| {
            ui.horizontal(|ui| {
                for view in shown {
                    if ui
                        .selectable_label(self.main_view == view, view.label())
                        .clicked()
                    {
                        self.commands.push(Command::ShowView(view));
                    }
                }
            });
        });
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let new = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        ctx.input_mut(|i| {
            // What follows Ctrl+N waits in the raw-input hook until the new record's field
            // holds the focus (`raw_input_hook`).
            if i.consume_shortcut(&new) {
                self.commands.push(Command::NewBeneficiary);
            }
            if i.consume_shortcut(&find) {
                self.list.focus_search();
            }
            if i.consume_shortcut(&save) {
                self.commands.push(Command::SaveNow);
            }
            for view in MainView::ALL {
                if let Some(key) = view.key()
                    && self.views.get_mut(view).is_some()
                    && i.consume_shortcut(&KeyboardShortcut::new(
                        Modifiers::COMMAND | Modifiers::SHIFT,
                        key,
                    ))
                {
                    self.commands.push(Command::ShowView(view));
                }
            }
        });
    }
}

/// When keys and a click arrive in the same frame (a fast typist clicking another person at
/// once, on a busy machine), the field being typed in keeps the focus for this frame so that it
/// takes the keys typed before the click: egui would otherwise hand the focus away first and
/// drop them. Returns the setting to put back at the end of the frame.
fn keep_focus_for_typed_keys(ctx: &egui::Context) -> egui::SurrenderFocusOn {
    let usual = ctx.options(|o| o.input_options.surrender_focus_on);
    let typed_and_clicked = ctx.input(|i| {
        let typed = i.events.iter().any(|e| {
            matches!(
                e,
                egui::Event::Text(_)
                    | egui::Event::Paste(_)
                    | egui::Event::Key { pressed: true, .. }
            )
        });
        typed
            && i.events
                .iter()
                .any(|e| matches!(e, egui::Event::PointerButton { .. }))
    });
    if typed_and_clicked {
        ctx.options_mut(|o| o.input_options.surrender_focus_on = egui::SurrenderFocusOn::Never);
    }
    usual
}

impl eframe::App for ParcoursApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        // This pass reads what the raw-input hook handed over.
        self.pacer.read();
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        if self.lock.shown {
            self.lock_ui(ui, now);
            return;
        }
        if !self.conversion_ui(ui) || !self.loading_ui(ui) || self.lock_when_due(&ctx, now) {
            return;
        }
        let surrender_focus_on = keep_focus_for_typed_keys(&ctx);
        self.shortcuts(&ctx);
        self.tend_leases(&ctx, now);
        self.follow_changes();
        self.banners_ui(ui);
        self.status_ui(ui);

        let selected = self.selected;
        let writable = self.is_writable();
        if !self.data.records().is_empty() {
            let flagged = self.flagged();
            egui::Panel::left("list")
                .resizable(true)
                .default_size(theme::LIST_WIDTH)
                .show(ui, |ui| {
                    self.list.ui(
                        ui,
                        self.data.records(),
                        (selected, &flagged),
                        (writable, self.profile.as_ref().map(|p| p.name.as_str())),
                        &mut self.commands,
                    );
                });
        }
        self.refresh_history();
        self.views_bar(ui);
        let today = self.today();
        egui::CentralPanel::default_margins().show(ui, |ui| {
            // With no record yet, the empty screen (and its demo button) whatever the view.
            if self.main_view != MainView::Record
                && !self.data.records().is_empty()
                && let Some(view) = self.views.get_mut(self.main_view)
            {
                let mut cx = self.data.view(today, writable, None);
                cx.counsellor = self.profile.as_ref().map(|p| p.name.as_str());
                view.ui(ui, &cx, &mut self.commands);
            } else if self.data.records().is_empty() {
                self.empty_ui(ui);
            } else if let Some(id) = selected {
                self.record_ui(ui, id, now);
            } else {
                ui.centered_and_justified(|ui| ui.label(text::app::NOTHING_SELECTED));
            }
        });
        self.problems_window(&ctx);
        let mut cx = self.data.view(self.today(), self.is_writable(), None);
        cx.counsellor = self.profile.as_ref().map(|p| p.name.as_str());
        let windows: [&mut dyn Window; 4] = [
            &mut self.windows.conflict,
            &mut self.windows.settings,
            &mut self.windows.creche_settings,
            &mut self.windows.protection,
        ];
        for window in windows {
            if window.is_open() {
                window.show(&ctx, &cx, &mut self.commands);
            }
        }
        self.close_ui(&ctx, now);
        self.vault_dialog_ui(&ctx);
        self.recovery_ui(&ctx);
        self.restore_ui(&ctx);
        self.profile_ui(&ctx);
        let status_before = (self.save_state.clone(), self.pending_saves());
        self.apply_commands(&ctx, now);
        self.autosave(now, false);
        if let Some(error) = self.store.take_backup_error() {
            self.save_state = SaveState::Failed(error.to_string());
        }
        // The status bar was drawn before the save: drawn again at once, not at the next
        // mouse move.
        if (self.save_state.clone(), self.pending_saves()) != status_before {
            ctx.request_repaint();
        }
        ctx.options_mut(|o| o.input_options.surrender_focus_on = surrender_focus_on);

        if let Some(next) = self
            .editors
            .values()
            .filter(|e| e.pending.is_some())
            .map(|e| e.last_edit + AUTOSAVE_DELAY_SECONDS - now)
            .reduce(f64::min)
        {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(next.max(0.0) + 0.01));
        }
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // A new record's last-name field is taking the focus (Ctrl+N, a frame or two while egui
        // sizes the form): what is typed meanwhile waits until the field holds it, instead of
        // going nowhere or to the field left. Bounded in time, and the bound loses nothing: the
        // keys then go to that field all the same.
        let now = ctx.input(|i| i.time);
        let hold_all = match self.focus_new_record {
            Some(focus) if now - focus.since < MAX_INPUT_HOLD_SECONDS => true,
            Some(_) => {
                self.focus_new_record = None;
                let last_name = crate::ui::widgets::field_id(text::common::LAST_NAME);
                ctx.memory_mut(|m| m.request_focus(last_name));
                false
            }
            None => false,
        };
        self.pacer.pace(&mut raw_input.events, hold_all);
        if hold_all || self.pacer.is_holding() {
            ctx.request_repaint();
        }
    }

    fn on_exit(&mut self) {
        // Last chance: whatever is valid and pending goes to disk.
        self.autosave(f64::INFINITY, true);
        self.leases.let_go_all();
    }
}

/// Phase 3: applications and the companies' directory.
impl ParcoursApp {
    /// The partner companies' directory, sorted by name.
    #[must_use]
    pub fn companies(&self) -> &[Company] {
        self.data.companies()
    }

    /// Saves the summary of the record shown at `path` at the next frame, as when the
    /// counsellor chooses that file in the "Enregistrer en PDF…" dialog of the "Synthèse" tab
    /// (tests use it: a file dialog cannot be driven).
    pub fn save_summary_pdf_to(&mut self, path: std::path::PathBuf) {
        self.tabs.summary.save_pdf_to(path);
    }

    /// Stands for a "Enregistrer en PDF…" dialog that gave no file (cancelled, or none could be
    /// shown), with `folder` as the Documents folder offered instead (tests use it).
    pub fn summary_dialog_gave_nothing(&mut self, folder: &std::path::Path) {
        let Some(record) = self.selected().and_then(|id| self.index_of(id)) else {
            return;
        };
        let name = crate::report::summary_file_name(&self.data.records()[record], self.today());
        self.tabs.summary.dialog_gave_nothing(Some(folder), &name);
    }

    /// As [`Self::summary_dialog_gave_nothing`], for the convocation letter of the record
    /// shown's first upcoming appointment (its "Convocation…" in Préparation à l'emploi), or
    /// with `calendar` its "Agenda (.ics)…".
    pub fn convocation_dialog_gave_nothing(&mut self, folder: &std::path::Path, calendar: bool) {
        let Some(index) = self.selected().and_then(|id| self.index_of(id)) else {
            return;
        };
        let record = self.data.records()[index].clone();
        let today = self.today();
        self.tabs
            .preparation
            .convocation_dialog_gave_nothing(&record, today, folder, calendar);
    }

    /// Opens the CSV import preview on these bytes, as the file dialog does (tests use it:
    /// a file dialog cannot be driven).
    pub fn open_company_import(&mut self, name: &str, bytes: Vec<u8>) {
        self.tabs.companies.open_import(name.to_owned(), bytes);
    }
}
