//! The frame loop: panels draw and push [`Command`]s; commands are applied once at the end of
//! the frame; edits are validated into records and autosaved through the store, debounced.

pub(crate) mod input_pacing;
pub(crate) mod loading;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use chrono::{Local, NaiveDate, Utc};
use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui, ViewportCommand};

use crate::model::CrecheSettings;
use crate::model::{
    Application, Company, OutcomeDraft, add_demo_applications, demo_companies, format_date,
    sort_catalogue,
};
use crate::model::{
    Beneficiary, BeneficiaryDraft, BeneficiaryId, Field, FieldError, FlePartner, Removal, Settings,
    demo_beneficiaries, demo_partners, find_removal, fresh_seed, name_order_key,
};
use crate::model::{Workshop, demo_workshops};
use crate::store::{Access, Conflict, LoadReport, Problem, Store, StoreError};
use crate::ui::app::loading::Loading;
use crate::ui::command::Command;
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::list::ListPanel;
use crate::ui::tabs::{Tab, Tabs};
use crate::ui::windows::Window;
use crate::ui::windows::conflict::ConflictWindow;
use crate::ui::windows::creche_settings::CrecheSettingsWindow;
use crate::ui::windows::overdue::{self, OverdueWindow};
use crate::ui::windows::settings::SettingsWindow;
use crate::ui::{text, theme, widgets, widgets::bidi};

/// Seconds of calm after the last keystroke before an edit is saved.
pub const AUTOSAVE_DELAY_SECONDS: f64 = 0.8;
/// How many frames a new record's last-name field is offered the focus before giving up.
const FOCUS_ATTEMPTS: u8 = 4;
/// The most frames in a row that typed keys wait for a new record's field (a safety bound).
const MAX_INPUT_HELD_FRAMES: u8 = 8;
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

/// The "Restaurer une sauvegarde" window: the dates offered, then the one to confirm.
struct RestoreDialog {
    dates: Vec<NaiveDate>,
    chosen: Option<NaiveDate>,
}

/// The edit in progress on one record.
struct Editor {
    draft: BeneficiaryDraft,
    errors: Vec<FieldError>,
    /// The valid record the draft amounts to, when it differs from the saved one.
    pending: Option<Beneficiary>,
    /// `egui` time of the last keystroke.
    last_edit: f64,
    /// Created in this session and never saved.
    is_new: bool,
    /// Required fields of added entries the person has left: their message shows.
    revealed: HashSet<Field>,
    /// A save was asked for (Ctrl+S, another record, closing): every message shows.
    reveal_all: bool,
}

impl Editor {
    fn new(record: &Beneficiary, is_new: bool) -> Self {
        Self {
            draft: BeneficiaryDraft::from_beneficiary(record),
            errors: Vec::new(),
            pending: None,
            last_edit: 0.0,
            is_new,
            revealed: HashSet::new(),
            reveal_all: false,
        }
    }

    /// The messages shown beside the fields: the required field of an entry just added ("Ajouter
    /// un enfant") says so only once left, or once a save was asked for — not before anything
    /// could be typed.
    fn shown_errors(&self) -> Vec<FieldError> {
        self.errors
            .iter()
            .filter(|e| {
                self.reveal_all
                    || entry_required_label(e.field).is_none()
                    || self.revealed.contains(&e.field)
            })
            .cloned()
            .collect()
    }

    /// Reveals the message of the required field whose widget just lost the focus.
    fn field_left(&mut self, widget: egui::Id) {
        for error in &self.errors {
            if entry_required_label(error.field).is_some_and(|l| widgets::field_id(&l) == widget) {
                self.revealed.insert(error.field);
            }
        }
    }

    /// Rebuilds the record from the draft: every valid edit is pending, each invalid field
    /// stays in the draft beside its message until corrected.
    fn revalidate(&mut self, saved: &Beneficiary, today: NaiveDate) {
        let (record, errors) = self.draft.to_beneficiary_keeping_valid(saved, today);
        self.errors = errors;
        self.pending = record.filter(|record| record != saved);
    }

    /// Whether closing now would lose something the person typed.
    fn has_unsaveable_edits(&self, saved: &Beneficiary) -> bool {
        if self.errors.is_empty() {
            return false;
        }
        // A new record nobody typed into holds nothing to lose.
        let untouched_new = self.is_new && self.draft == BeneficiaryDraft::from_beneficiary(saved);
        !untouched_new
    }
}

/// Where a request to close the window stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closing {
    /// No close requested, or the last one went through.
    No,
    /// Refused because some edits cannot be saved: the dialog asks what to do.
    Blocked,
    /// The person chose to quit without those edits.
    Confirmed,
}

/// What the status bar says about saving.
#[derive(Debug, Clone, PartialEq, Eq)]
enum SaveState {
    Idle,
    Saved,
    Failed(String),
    /// The record just left holds invalid fields, kept unsaved (the message names them).
    LeftInvalid(String),
}

/// A record whose form holds fields that cannot be saved as typed.
struct Unsaveable {
    id: BeneficiaryId,
    name: String,
    fields: Vec<Field>,
}

/// The label of a required field of a list entry (as its panel shows it, which gives its
/// widget id), or `None` for other fields.
fn entry_required_label(field: Field) -> Option<String> {
    match field {
        Field::ChildFirstName(i) => Some(format!("{} {}", text::common::CHILD_FIRST_NAME, i + 1)),
        Field::ExperienceTitle(i) => Some(format!("Intitulé (expérience {})", i + 1)),
        Field::SkillLabel(i) => Some(format!("Compétence {}", i + 1)),
        Field::DiplomaTitle(i) => Some(format!("Intitulé (diplôme {})", i + 1)),
        _ => None,
    }
}

/// The tab where a field is typed.
fn tab_of(field: Field) -> Tab {
    match field {
        Field::ExperienceTitle(_)
        | Field::ExperienceStart(_)
        | Field::ExperienceEnd(_)
        | Field::SkillLabel(_)
        | Field::DiplomaTitle(_)
        | Field::DiplomaYear(_)
        | Field::DiplomaRequestedOn(_)
        | Field::DiplomaDecidedOn(_)
        | Field::ReferralDate(_) => Tab::Skills,
        Field::ProjectStart(_)
        | Field::ProjectCommute(_)
        | Field::ActionDue(..)
        | Field::SessionDate(_)
        | Field::SessionDuration(_)
        | Field::AdminStepDate(_)
        | Field::CivicExamDate
        | Field::CertificateDate(_) => Tab::Preparation,
        Field::CareStartsOn(_) => Tab::Creche,
        _ => Tab::Identity,
    }
}

/// "Code postal, Adresse e-mail": the fields of a list of errors, each once.
fn field_names(fields: &[Field]) -> String {
    let mut names: Vec<String> = Vec::new();
    for field in fields {
        let name = field.form_name();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

/// What the data directory holds, as loaded: what every panel reads.
#[derive(Default)]
struct AppData {
    /// Every record, sorted by last then first name.
    records: Vec<Beneficiary>,
    /// Records found in two files, waiting for the counsellor's choice.
    conflicts: Vec<Conflict>,
    settings: Settings,
    /// The French-course partners' directory.
    partners: Vec<FlePartner>,
    /// The partner companies' directory.
    companies: Vec<Company>,
    /// The collective workshops' catalogue.
    workshops: Vec<Workshop>,
    /// The micro-crèche's settings (`creche.ron`).
    creche_settings: CrecheSettings,
}

impl AppData {
    /// The read-only context handed to the panels and windows for this frame.
    fn view<'a>(
        &'a self,
        today: NaiveDate,
        writable: bool,
        shown: Option<&'a Beneficiary>,
    ) -> ViewContext<'a> {
        ViewContext {
            records: &self.records,
            companies: &self.companies,
            workshops: &self.workshops,
            partners: &self.partners,
            settings: &self.settings,
            creche: &self.creche_settings,
            conflicts: &self.conflicts,
            today,
            writable,
            shown,
        }
    }
}

/// The windows over the main screen, each open or not.
#[derive(Default)]
struct Windows {
    conflict: ConflictWindow,
    settings: SettingsWindow,
    creche_settings: CrecheSettingsWindow,
    overdue: OverdueWindow,
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
    /// Put the cursor in the last-name field (new record): how many more frames to try.
    focus_last_name: u8,
    /// Keys typed right after Ctrl+N in the same frame, for the new record's last name.
    held_keys: Vec<egui::Event>,
    /// Input held back to the next frame: at most one focus-moving key a frame
    /// (`input_pacing`), so that fast typing never lands in the field just left.
    paced_input: Vec<egui::Event>,
    /// Frames in a row whose input waited for a new record's field to take the focus.
    input_held_frames: u8,
    commands: Vec<Command>,
    /// How many actions are overdue, for the day it was counted: counted again only when the
    /// records or the day change, not at every frame.
    overdue_count: Option<(NaiveDate, usize)>,
    /// Entries removed from the forms in this session, oldest first, each with its record:
    /// the undo bar puts them back.
    removals: Vec<(BeneficiaryId, Removal)>,
}

impl ParcoursApp {
    /// Opens the data directory (read-only, with a banner, when another Parcours holds it),
    /// nothing loaded yet.
    fn open(ctx: &egui::Context, config: AppConfig) -> Self {
        theme::apply(ctx);
        let AppConfig { data_dir, today } = config;
        let (store, read_only_reason) = match Store::open(&data_dir, Access::ReadWrite) {
            Ok(store) => (store, None),
            Err(error) => {
                let reason = match &error {
                    StoreError::Locked(_) => text::app::READ_ONLY_BANNER.to_owned(),
                    other => format!("Lecture seule : {other}"),
                };
                (Store::read_only(&data_dir), Some(reason))
            }
        };
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
            focus_last_name: 0,
            held_keys: Vec::new(),
            paced_input: Vec::new(),
            input_held_frames: 0,
            commands: Vec::new(),
            overdue_count: None,
            removals: Vec::new(),
        }
    }

    /// Opens the data directory (read-only, with a banner, when another Parcours holds it) and
    /// loads every record before returning (tests, benchmarks).
    #[must_use]
    pub fn new(ctx: &egui::Context, config: AppConfig) -> Self {
        let mut app = Self::open(ctx, config);
        app.reload();
        app
    }

    /// Opens the data directory and loads the records on a thread of their own, the window
    /// showing the progress meanwhile: what the real window does, so that a folder of
    /// thousands of records never freezes it.
    #[must_use]
    pub fn new_loading_in_background(ctx: &egui::Context, config: AppConfig) -> Self {
        let mut app = Self::open(ctx, config);
        let placeholder = Store::read_only(app.store.root());
        let store = std::mem::replace(&mut app.store, placeholder);
        app.loading = Some(Loading::start(store, ctx));
        app
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
                self.take_report(report);
                true
            }
            Some(Err(())) => {
                // The thread died (and its store with its lock): load here instead, which
                // reports what it finds.
                self.loading = None;
                let root = self.store.root().to_owned();
                match Store::open(&root, Access::ReadWrite) {
                    Ok(store) => self.store = store,
                    Err(error) => self.read_only_reason = Some(format!("Lecture seule : {error}")),
                }
                self.reload();
                true
            }
        }
    }

    /// Every record, in list order.
    #[must_use]
    pub fn records(&self) -> &[Beneficiary] {
        &self.data.records
    }

    /// The record shown on the right, if any.
    #[must_use]
    pub fn selected(&self) -> Option<BeneficiaryId> {
        self.selected
    }

    /// Whether edits can be saved (false when another Parcours holds the directory).
    #[must_use]
    pub fn is_writable(&self) -> bool {
        self.store.is_writable()
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
        self.data.records = report.beneficiaries;
        self.data
            .records
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
        self.data.companies = companies;
        self.problems.extend(problems);
        self.records_changed();
        let (workshops, problems) = self.store.load_workshops();
        self.data.workshops = workshops;
        self.problems.extend(problems);
        let (creche_settings, problem) = self.store.load_creche_settings();
        self.data.creche_settings = creche_settings;
        self.problems.extend(problem);
    }

    /// What depends on the whole list of records: the list's search texts, the overdue count.
    fn records_changed(&mut self) {
        self.list.records_changed(&self.data.records);
        self.overdue_count = None;
    }

    /// How many actions are overdue across the records today.
    fn overdue_count(&mut self) -> usize {
        let today = self.today();
        match self.overdue_count {
            Some((day, count)) if day == today => count,
            _ => {
                let count = overdue::count(&self.data.records, today);
                self.overdue_count = Some((today, count));
                count
            }
        }
    }

    /// The record on screen as last validated: the edit in progress when valid.
    fn shown_record(&self) -> Option<Beneficiary> {
        let id = self.selected?;
        let saved = &self.data.records[self.index_of(id)?];
        Some(
            self.editors
                .get(&id)
                .and_then(|e| e.pending.clone())
                .unwrap_or_else(|| saved.clone()),
        )
    }

    fn index_of(&self, id: BeneficiaryId) -> Option<usize> {
        self.data.records.iter().position(|b| b.id == id)
    }

    /// Saves every pending edit whose delay has passed (all of them when `force`).
    fn autosave(&mut self, now: f64, force: bool) {
        let today = self.today();
        let due: Vec<BeneficiaryId> = self
            .editors
            .iter()
            .filter(|(_, e)| {
                e.pending.is_some() && (force || now - e.last_edit >= AUTOSAVE_DELAY_SECONDS)
            })
            .map(|(&id, _)| id)
            .collect();
        for id in due {
            let Some(editor) = self.editors.get_mut(&id) else {
                continue;
            };
            let Some(mut record) = editor.pending.clone() else {
                continue;
            };
            record.updated_at = Utc::now();
            match self.store.save_beneficiary(&record, today) {
                Ok(_) => {
                    editor.pending = None;
                    editor.is_new = false;
                    self.save_state = SaveState::Saved;
                    if let Some(index) = self.index_of(id) {
                        let renamed =
                            name_order_key(&self.data.records[index]) != name_order_key(&record);
                        self.data.records[index] = record;
                        if renamed {
                            self.data
                                .records
                                .sort_by_cached_key(|b| (name_order_key(b), b.id));
                        }
                        self.records_changed();
                    }
                }
                Err(error) => {
                    // Retried after the delay; the message stays until a save succeeds.
                    editor.last_edit = now;
                    self.save_state = SaveState::Failed(error.to_string());
                }
            }
        }
    }

    fn apply_commands(&mut self, ctx: &egui::Context, now: f64) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::Select(id) => {
                    self.select(id, now);
                    self.leave_form_field(ctx);
                }
                Command::NewBeneficiary => {
                    if !self.store.is_writable() {
                        continue;
                    }
                    let record = Beneficiary::new(Utc::now());
                    let id = record.id;
                    self.editors.insert(id, Editor::new(&record, true));
                    self.data.records.insert(0, record);
                    self.records_changed();
                    self.list.clear_search();
                    self.select(id, now);
                    self.tab = Tab::Identity;
                    self.focus_last_name = FOCUS_ATTEMPTS;
                    // Drawn at once, not at the next key: that key goes to the new field.
                    ctx.request_repaint();
                }
                Command::LoadDemo => self.load_demo(),
                Command::SaveNow => {
                    self.reveal_all();
                    self.autosave(now, true);
                }
                Command::SavePartner(partner) => match self.store.save_partner(&partner) {
                    Ok(_) => {
                        self.save_state = SaveState::Saved;
                        let (partners, problems) = self.store.load_partners();
                        self.data.partners = partners;
                        self.problems.extend(problems);
                    }
                    Err(error) => self.save_state = SaveState::Failed(error.to_string()),
                },
                Command::ResolveConflict(index, record) => {
                    let Some(conflict) = self.data.conflicts.get(index).cloned() else {
                        continue;
                    };
                    match self
                        .store
                        .resolve_conflict(&conflict, &record, self.today())
                    {
                        Ok(_) => {
                            self.save_state = SaveState::Saved;
                            self.editors.remove(&record.id);
                            let selected = self.selected.take();
                            self.reload();
                            if let Some(id) = selected {
                                self.select(id, now);
                            }
                        }
                        Err(error) => self.save_state = SaveState::Failed(error.to_string()),
                    }
                }
                Command::Restore(date) => {
                    // Valid edits belong to the data being replaced: saved first, they are in
                    // the "avant-restauration" copy.
                    self.autosave(now, true);
                    match self.store.restore(date) {
                        Ok(_) => self.save_state = SaveState::Idle,
                        Err(error) => self.save_state = SaveState::Failed(error.to_string()),
                    }
                    // Success or not, the folder changed under the loaded state.
                    self.editors.clear();
                    self.selected = None;
                    self.reload();
                }
                Command::DiscardAndClose => {
                    self.closing = Closing::Confirmed;
                    ctx.send_viewport_cmd(ViewportCommand::Close);
                }
                Command::SaveCrecheSettings(settings) => {
                    match self.store.save_creche_settings(&settings) {
                        Ok(_) => {
                            self.data.creche_settings = *settings;
                            self.windows.creche_settings.close();
                            self.save_state = SaveState::Saved;
                        }
                        Err(error) => self.windows.creche_settings.show_error(error.to_string()),
                    }
                }
                // The catalogue in memory follows what was written: reading the folder again
                // would cost a load per click and report its bad files a second time.
                Command::DeleteWorkshop(workshop) => match self.store.delete_workshop(&workshop) {
                    Ok(_) => {
                        self.save_state = SaveState::Saved;
                        self.data.workshops.retain(|w| w.id != workshop.id);
                    }
                    Err(error) => self.save_state = SaveState::Failed(error.to_string()),
                },
                Command::SaveWorkshop(workshop) => match self.store.save_workshop(&workshop) {
                    Ok(_) => {
                        self.save_state = SaveState::Saved;
                        match self.data.workshops.iter_mut().find(|w| w.id == workshop.id) {
                            Some(kept) => *kept = *workshop,
                            None => self.data.workshops.push(*workshop),
                        }
                        sort_catalogue(&mut self.data.workshops);
                    }
                    Err(error) => self.save_state = SaveState::Failed(error.to_string()),
                },
                Command::SaveSettings(settings) => match self.store.save_settings(&settings) {
                    Ok(()) => {
                        self.data.settings = *settings;
                        self.save_state = SaveState::Saved;
                        self.windows.settings.close();
                    }
                    Err(error) => self.save_state = SaveState::Failed(error.to_string()),
                },
                Command::OpenCrecheSettings => {
                    self.windows
                        .creche_settings
                        .open(&self.data.creche_settings);
                }
                Command::BookCrecheForWorkshop(workshop) => {
                    if let Some(shown) = self.shown_record() {
                        self.tabs.creche.prefill_for_workshop(
                            &workshop,
                            &shown,
                            &self.data.creche_settings,
                        );
                        self.tab = Tab::Creche;
                    }
                }
                Command::BookCrecheForInterview(interview) => {
                    if let Some(shown) = self.shown_record() {
                        self.tabs.creche.prefill_for_interview(
                            &interview,
                            &shown,
                            &self.data.creche_settings,
                        );
                        self.tab = Tab::Creche;
                    }
                }
                Command::Open(id, tab) => {
                    self.select(id, now);
                    self.leave_form_field(ctx);
                    self.tab = tab;
                }
                Command::UndoRemoval(index) => self.undo_removal(index, now),
                Command::SaveCompanies(companies) => {
                    for company in &companies {
                        if let Err(error) = self.store.save_company(company) {
                            self.save_state = SaveState::Failed(error.to_string());
                            break;
                        }
                        self.save_state = SaveState::Saved;
                    }
                    let (companies, _) = self.store.load_companies();
                    self.data.companies = companies;
                }
                Command::SetApplications(id, applications) => {
                    self.set_applications(id, applications);
                }
                Command::ClosePathway(id, kind, date) => {
                    let today = self.today();
                    if let Some(index) = self.index_of(id)
                        && let Some(editor) = self.editors.get_mut(&id)
                    {
                        editor.draft.outcome = Some(OutcomeDraft {
                            kind,
                            date: format_date(date),
                            months: String::new(),
                        });
                        editor.last_edit = now;
                        editor.revalidate(&self.data.records[index], today);
                    }
                }
            }
        }
    }

    fn select(&mut self, id: BeneficiaryId, now: f64) {
        if self.selected == Some(id) {
            return;
        }
        // Leaving a record: save what is valid now, forget an untouched new record, keep
        // invalid edits (they are not lost: the record keeps its editor).
        self.autosave(now, true);
        if let Some(previous) = self.selected {
            if let Some(editor) = self.editors.get_mut(&previous) {
                editor.reveal_all = true;
            }
            let discard_new = self.editors.get(&previous).is_some_and(|e| {
                e.is_new
                    && self.index_of(previous).is_some_and(|i| {
                        e.draft == BeneficiaryDraft::from_beneficiary(&self.data.records[i])
                    })
            });
            if discard_new {
                self.editors.remove(&previous);
                self.data.records.retain(|b| b.id != previous);
                self.records_changed();
            } else if let Some(left) = self
                .unsaveable()
                .into_iter()
                .find(|record| record.id == previous)
            {
                // Said once, as the person leaves; the list keeps the record marked.
                self.save_state = SaveState::LeftInvalid(text::app::left_invalid(
                    &left.name,
                    &field_names(&left.fields),
                ));
            } else if self
                .editors
                .get(&previous)
                .is_some_and(|e| e.errors.is_empty() && e.pending.is_none())
            {
                self.editors.remove(&previous);
            }
        }
        if let Some(index) = self.index_of(id) {
            self.editors
                .entry(id)
                .or_insert_with(|| Editor::new(&self.data.records[index], false));
            self.selected = Some(id);
        }
    }

    /// Takes the keyboard focus away from the form after a switch of record: the other
    /// record's field of the same label has the same widget id, and keys typed after the
    /// click must not land in it. The list's search field keeps the focus (arrow keys walk
    /// the list from it).
    fn leave_form_field(&self, ctx: &egui::Context) {
        ctx.memory_mut(|m| {
            if let Some(focused) = m.focused()
                && Some(focused) != self.list.search_id()
            {
                m.surrender_focus(focused);
            }
        });
    }

    /// A save was asked for: every message shows, required fields included.
    fn reveal_all(&mut self) {
        for editor in self.editors.values_mut() {
            editor.reveal_all = true;
        }
    }

    /// Puts back the `index`-th removed entry into its record's form, which saves it again.
    fn undo_removal(&mut self, index: usize, now: f64) {
        if index >= self.removals.len() {
            return;
        }
        let (id, removal) = self.removals.remove(index);
        let today = self.today();
        let Some(record_index) = self.index_of(id) else {
            return;
        };
        let saved = &self.data.records[record_index];
        let editor = self
            .editors
            .entry(id)
            .or_insert_with(|| Editor::new(saved, false));
        removal.restore(&mut editor.draft);
        editor.last_edit = now;
        editor.revalidate(saved, today);
    }

    /// The records whose forms hold an invalid field (marked in the list).
    fn flagged(&self) -> Vec<BeneficiaryId> {
        self.editors
            .iter()
            .filter(|(id, editor)| {
                self.index_of(**id)
                    .is_some_and(|i| editor.has_unsaveable_edits(&self.data.records[i]))
            })
            .map(|(&id, _)| id)
            .collect()
    }

    fn load_demo(&mut self) {
        let today = self.today();
        for partner in demo_partners() {
            if !self.data.partners.iter().any(|p| p.id == partner.id)
                && let Err(error) = self.store.save_partner(&partner)
            {
                self.save_state = SaveState::Failed(error.to_string());
            }
        }
        let companies = demo_companies(today);
        for company in &companies {
            if !self.data.companies.iter().any(|c| c.id == company.id)
                && let Err(error) = self.store.save_company(company)
            {
                self.save_state = SaveState::Failed(error.to_string());
            }
        }
        let mut records = demo_beneficiaries(DEMO_COUNT, today, fresh_seed());
        add_demo_applications(&mut records, &companies, today);
        for record in &records {
            if let Err(error) = self.store.save_beneficiary(record, today) {
                self.save_state = SaveState::Failed(error.to_string());
                break;
            }
        }
        for workshop in demo_workshops(&records, today) {
            if let Err(error) = self.store.save_workshop(&workshop) {
                self.save_state = SaveState::Failed(error.to_string());
                break;
            }
        }
        self.reload();
        if let Some(first) = self.data.records.first().map(|b| b.id) {
            self.select(first, 0.0);
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let new = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
        let find = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        ctx.input_mut(|i| {
            // Keys typed after Ctrl+N, in the same frame, belong to the new record's last
            // name: held back, and handed to the field at the next frame, once it exists.
            if !self.held_keys.is_empty() {
                let mut events = std::mem::take(&mut self.held_keys);
                events.append(&mut i.events);
                i.events = events;
            }
            let new_at = i.events.iter().position(|e| {
                matches!(e, egui::Event::Key { key: Key::N, pressed: true, modifiers, .. }
                    if modifiers.matches_logically(Modifiers::COMMAND))
            });
            if i.consume_shortcut(&new) {
                self.commands.push(Command::NewBeneficiary);
                if let Some(at) = new_at {
                    // The shortcut's own key press is gone: what followed it starts at `at`.
                    let later = i.events.split_off(at.min(i.events.len()));
                    let (typed, other): (Vec<_>, Vec<_>) =
                        later.into_iter().partition(is_typed_into_a_field);
                    i.events.extend(other);
                    self.held_keys = typed;
                }
            }
            if i.consume_shortcut(&find) {
                self.list.focus_search();
            }
            if i.consume_shortcut(&save) {
                self.commands.push(Command::SaveNow);
            }
        });
    }

    fn banners_ui(&mut self, ui: &mut Ui) {
        if self.read_only_reason.is_none()
            && self.problems.is_empty()
            && self.data.conflicts.is_empty()
        {
            return;
        }
        egui::Panel::top("banners")
            .frame(egui::Frame::new().fill(theme::WARNING_FILL).inner_margin(8))
            .show(ui, |ui| {
                if let Some(reason) = &self.read_only_reason {
                    ui.label(RichText::new(reason).color(theme::WARNING).strong());
                }
                if !self.data.conflicts.is_empty() {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(format!(
                                "{} fiche(s) en double (copie laissée par un outil de synchronisation) : choisissez la version à garder.",
                                self.data.conflicts.len()
                            ))
                            .color(theme::WARNING)
                            .strong(),
                        );
                        if ui.button("Résoudre").clicked() {
                            self.windows.conflict.open();
                        }
                    });
                }
                if !self.problems.is_empty() {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(format!(
                                "{} {}",
                                self.problems.len(),
                                text::app::PROBLEMS_BANNER
                            ))
                            .color(theme::WARNING),
                        );
                        if ui.button(text::app::SHOW_DETAILS).clicked() {
                            self.show_problems = true;
                        }
                    });
                }
            });
    }

    fn status_ui(&mut self, ui: &mut Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let editor = self.selected.and_then(|id| self.editors.get(&id));
                let (message, color) = if !self.store.is_writable() {
                    (text::app::STATUS_READ_ONLY.to_owned(), theme::WARNING)
                } else if let Some(editor) = editor.filter(|e| !e.shown_errors().is_empty()) {
                    // A record never saved has nothing kept yet; otherwise only the red fields
                    // wait.
                    let message = if editor.is_new {
                        text::app::STATUS_INVALID
                    } else {
                        text::app::STATUS_INVALID_KEPT
                    };
                    (message.to_owned(), theme::ERROR)
                } else if let SaveState::Failed(message) = &self.save_state {
                    (format!("Erreur d'enregistrement : {message}"), theme::ERROR)
                } else if let SaveState::LeftInvalid(message) = &self.save_state {
                    (message.clone(), theme::WARNING)
                } else if self.pending_saves() > 0 {
                    (text::app::STATUS_PENDING.to_owned(), theme::WARNING)
                } else if self.save_state == SaveState::Saved {
                    (text::app::STATUS_SAVED.to_owned(), theme::OK)
                } else {
                    (String::new(), theme::OK)
                };
                ui.label(RichText::new(message).color(color));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(text::app::DATA_DIR).weak())
                        .on_hover_text(self.store.root().display().to_string());
                    if ui.small_button(text::common::SETTINGS).clicked() {
                        self.windows.settings.open(&self.data.settings);
                    }
                    // Shown only when some action is overdue: then it stands out, in red.
                    let overdue = self.overdue_count();
                    if overdue > 0 {
                        let label = format!("{} ({overdue})", text::common::OVERDUE_OPEN);
                        let button =
                            egui::Button::new(RichText::new(label).color(theme::ERROR)).small();
                        if ui.add(button).clicked() {
                            self.windows.overdue.open();
                        }
                    }
                    let restore = egui::Button::new(text::app::RESTORE).small();
                    if ui.add_enabled(self.store.is_writable(), restore).clicked() {
                        self.restore_dialog = Some(RestoreDialog {
                            dates: self.store.backups(),
                            chosen: None,
                        });
                    }
                });
            });
        });
    }

    fn empty_ui(&mut self, ui: &mut Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.25);
            ui.heading(text::app::EMPTY_TITLE);
            ui.add_space(theme::SPACE_M);
            ui.label(text::app::EMPTY_BODY);
            ui.add_space(theme::SPACE_L);
            ui.add_enabled_ui(self.store.is_writable(), |ui| {
                if ui
                    .add_sized([320.0, 36.0], egui::Button::new(text::app::LOAD_DEMO))
                    .clicked()
                {
                    self.commands.push(Command::LoadDemo);
                }
                ui.add_space(theme::SPACE_S);
                if ui
                    .add_sized(
                        [320.0, 36.0],
                        egui::Button::new(text::common::NEW_BENEFICIARY),
                    )
                    .clicked()
                {
                    self.commands.push(Command::NewBeneficiary);
                }
            });
        });
    }

    fn record_ui(&mut self, ui: &mut Ui, id: BeneficiaryId, now: f64) {
        let today = self.today();
        let writable = self.store.is_writable();
        let Some(index) = self.index_of(id) else {
            return;
        };
        let Some(editor) = self.editors.get_mut(&id) else {
            return;
        };
        let saved = &self.data.records[index];
        // Read-only tabs show the edit in progress when it is valid.
        let shown = editor.pending.as_ref().unwrap_or(saved).clone();

        ui.horizontal(|ui| {
            let name = shown.display_name();
            ui.heading(RichText::new(bidi::display_order(&name)).strong());
            widgets::route_badge(ui, &shown);
            ui.label(RichText::new(shown.stage().label()).weak());
        });
        // A name holding an emoji or a script the fonts lack shows boxes: say so, never silently.
        let undrawable = widgets::undrawable_chars(ui, &shown.display_name());
        if !undrawable.is_empty() {
            ui.add(
                egui::Label::new(
                    RichText::new(text::app::undrawable(&undrawable)).color(theme::WARNING),
                )
                .wrap(),
            );
        }
        // Wrapped: in a narrow window every tab stays reachable, on a second line.
        ui.horizontal_wrapped(|ui| {
            for tab in Tab::ALL {
                let label = self.tabs.get_mut(tab).label();
                ui.selectable_value(&mut self.tab, tab, label);
            }
        });
        // The last removals from this form, each undoable for the rest of the session.
        for (index, (_, removal)) in self
            .removals
            .iter()
            .enumerate()
            .filter(|(_, (record, _))| *record == id)
            .rev()
            .take(3)
        {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{} —", removal.kind.label())).strong());
                if ui
                    .add_enabled(writable, egui::Button::new(text::app::UNDO))
                    .clicked()
                {
                    self.commands.push(Command::UndoRemoval(index));
                }
            });
        }
        ui.separator();
        let tab = self.tab;
        let focus_last_name = std::mem::take(&mut self.focus_last_name);
        let last_name_id = widgets::field_id(text::common::LAST_NAME);
        // The form as it was before this frame's clicks and keys, to find a removed entry.
        let before = ui
            .input(|i| !i.events.is_empty())
            .then(|| editor.draft.clone());
        let errors = editor.shown_errors();
        let focused_before = ui.memory(egui::Memory::focused);
        let cx = self.data.view(today, writable, Some(&shown));
        let mut edit = RecordEdit {
            id,
            shown: &shown,
            draft: &mut editor.draft,
            errors: &errors,
            changed: false,
        };
        let panel = self.tabs.get_mut(tab);
        let commands = &mut self.commands;
        // Both ways: a small window (800×600) still reaches every field of the form.
        egui::ScrollArea::both()
            .id_salt(("record", id, tab))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Asked again only while nothing holds the focus: never taken back from a
                // field the person has moved to.
                if tab == Tab::Identity
                    && (focus_last_name == FOCUS_ATTEMPTS
                        || (focus_last_name > 0 && ui.memory(|m| m.focused().is_none())))
                {
                    ui.memory_mut(|m| m.request_focus(last_name_id));
                }
                panel.ui(ui, &mut edit, &cx, commands);
            });
        // Written once for every tab: an edit is validated again, and saved after the delay.
        if edit.changed {
            editor.last_edit = now;
            editor.revalidate(saved, today);
        }
        // A form's first frame only measures it (egui's sizing pass disables its widgets, which
        // drops the focus): the focus is asked for again until the field holds it.
        if focus_last_name > 0 && tab == Tab::Identity && ui.memory(|m| m.focused().is_none()) {
            self.focus_last_name = focus_last_name - 1;
            ui.ctx().request_repaint();
        }
        if let Some(left) = focused_before
            && ui.memory(egui::Memory::focused) != Some(left)
        {
            editor.field_left(left);
        }
        if let Some(before) = before
            && let Some(removal) = find_removal(&before, &editor.draft)
        {
            self.removals.push((id, removal));
        }
    }

    fn restore_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.restore_dialog else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("restore-backup")).show(ctx, |ui| {
            ui.heading(text::app::RESTORE_TITLE);
            match dialog.chosen {
                None if dialog.dates.is_empty() => {
                    ui.label(text::app::RESTORE_NONE);
                }
                None => {
                    for date in &dialog.dates {
                        if ui.button(date.format("%d/%m/%Y").to_string()).clicked() {
                            dialog.chosen = Some(*date);
                        }
                    }
                }
                Some(date) => {
                    ui.label(
                        RichText::new(format!(
                            "Remplacer les données actuelles par la sauvegarde du {} ?",
                            date.format("%d/%m/%Y")
                        ))
                        .strong(),
                    );
                    ui.label(text::app::RESTORE_CONFIRM);
                    if ui.button(text::app::RESTORE_GO).clicked() {
                        self.commands.push(Command::Restore(date));
                        close = true;
                    }
                }
            }
            ui.add_space(theme::SPACE_M);
            if ui.button(text::common::CANCEL).clicked() {
                close = true;
            }
        });
        if close || modal.should_close() {
            self.restore_dialog = None;
        }
    }

    fn problems_window(&mut self, ctx: &egui::Context) {
        let mut open = self.show_problems;
        egui::Window::new(text::app::PROBLEMS_TITLE)
            .open(&mut open)
            .default_width(640.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(400.0)
                    .show(ui, |ui| {
                        for problem in &self.problems {
                            ui.label(RichText::new(problem.to_string()).monospace());
                            ui.separator();
                        }
                    });
            });
        self.show_problems = open;
    }

    fn close_ui(&mut self, ctx: &egui::Context, now: f64) {
        if ctx.input(|i| i.viewport().close_requested()) && self.closing != Closing::Confirmed {
            self.reveal_all();
            self.autosave(now, true);
            if !self.unsaveable().is_empty() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.closing = Closing::Blocked;
            }
        }
        if self.closing != Closing::Blocked {
            return;
        }
        let records = self.unsaveable();
        let modal = egui::Modal::new(egui::Id::unique("close-blocked")).show(ctx, |ui| {
            ui.heading(text::app::CLOSE_BLOCKED_TITLE);
            ui.label(text::app::CLOSE_BLOCKED_BODY);
            for record in &records {
                ui.label(
                    RichText::new(format!(
                        "• {} : {}",
                        record.name,
                        field_names(&record.fields)
                    ))
                    .strong(),
                );
            }
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                if ui.button(text::app::CLOSE_FIX).clicked() {
                    self.closing = Closing::No;
                    // The first record to correct opens on the tab of its first field.
                    if let Some(first) = records.first() {
                        let tab = first.fields.first().map_or(Tab::Identity, |&f| tab_of(f));
                        self.commands.push(Command::Open(first.id, tab));
                    }
                }
                if ui.button(text::app::CLOSE_DISCARD).clicked() {
                    self.commands.push(Command::DiscardAndClose);
                }
            });
        });
        if modal.should_close() && self.closing == Closing::Blocked {
            self.closing = Closing::No;
        }
    }

    /// The records whose forms hold fields that cannot be saved as typed, in list order.
    fn unsaveable(&self) -> Vec<Unsaveable> {
        self.data
            .records
            .iter()
            .filter_map(|saved| {
                let editor = self.editors.get(&saved.id)?;
                editor.has_unsaveable_edits(saved).then(|| Unsaveable {
                    id: saved.id,
                    name: saved.display_name(),
                    fields: editor.errors.iter().map(|e| e.field).collect(),
                })
            })
            .collect()
    }
}

/// A key or text that a focused text field takes (Tab excepted: it moves the focus, which
/// is decided before the frame's widgets are drawn).
fn is_typed_into_a_field(event: &egui::Event) -> bool {
    match event {
        egui::Event::Text(_) | egui::Event::Paste(_) => true,
        egui::Event::Key { key, .. } => *key != Key::Tab,
        _ => false,
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
        if !self.loading_ui(ui) {
            return;
        }
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        let surrender_focus_on = keep_focus_for_typed_keys(&ctx);
        self.shortcuts(&ctx);
        self.banners_ui(ui);
        self.status_ui(ui);

        let selected = self.selected;
        let writable = self.store.is_writable();
        if !self.data.records.is_empty() {
            let flagged = self.flagged();
            egui::Panel::left("list")
                .resizable(true)
                .default_size(theme::LIST_WIDTH)
                .show(ui, |ui| {
                    self.list.ui(
                        ui,
                        &self.data.records,
                        (selected, &flagged),
                        writable,
                        &mut self.commands,
                    );
                });
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            if self.data.records.is_empty() {
                self.empty_ui(ui);
            } else if let Some(id) = selected {
                self.record_ui(ui, id, now);
            } else {
                ui.centered_and_justified(|ui| ui.label(text::app::NOTHING_SELECTED));
            }
        });
        self.problems_window(&ctx);
        let cx = self.data.view(self.today(), self.store.is_writable(), None);
        let windows: [&mut dyn Window; 4] = [
            &mut self.windows.conflict,
            &mut self.windows.settings,
            &mut self.windows.creche_settings,
            &mut self.windows.overdue,
        ];
        for window in windows {
            if window.is_open() {
                window.show(&ctx, &cx, &mut self.commands);
            }
        }
        self.close_ui(&ctx, now);
        self.restore_ui(&ctx);
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
        // sizes the form): what is typed meanwhile waits for it, instead of going nowhere or
        // to the field left. Bounded, so that input can never stay held.
        if self.focus_last_name > 0 && self.input_held_frames < MAX_INPUT_HELD_FRAMES {
            self.input_held_frames += 1;
            self.paced_input.append(&mut raw_input.events);
            ctx.request_repaint();
            return;
        }
        self.input_held_frames = 0;
        crate::ui::app::input_pacing::pace(&mut self.paced_input, &mut raw_input.events);
        if !self.paced_input.is_empty() {
            ctx.request_repaint();
        }
    }

    fn on_exit(&mut self) {
        // Last chance: whatever is valid and pending goes to disk.
        self.autosave(f64::INFINITY, true);
    }
}

/// Phase 3: applications and the companies' directory.
impl ParcoursApp {
    /// The partner companies' directory, sorted by name.
    #[must_use]
    pub fn companies(&self) -> &[Company] {
        &self.data.companies
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
        let name = crate::report::summary_file_name(&self.data.records[record], self.today());
        self.tabs.summary.dialog_gave_nothing(Some(folder), &name);
    }

    /// Opens the CSV import preview on these bytes, as the file dialog does (tests use it:
    /// a file dialog cannot be driven).
    pub fn open_company_import(&mut self, name: &str, bytes: Vec<u8>) {
        self.tabs.companies.open_import(name.to_owned(), bytes);
    }

    /// Saves a record with new applications: the valid edit in progress, if any, goes with
    /// them, so that neither overwrites the other.
    fn set_applications(&mut self, id: BeneficiaryId, applications: Vec<Application>) {
        let today = self.today();
        let Some(index) = self.index_of(id) else {
            return;
        };
        let mut record = self
            .editors
            .get(&id)
            .and_then(|e| e.pending.clone())
            .unwrap_or_else(|| self.data.records[index].clone());
        record.applications = applications;
        record.updated_at = Utc::now();
        match self.store.save_beneficiary(&record, today) {
            Ok(_) => {
                self.data.records[index] = record;
                self.records_changed();
                self.save_state = SaveState::Saved;
                if let Some(editor) = self.editors.get_mut(&id) {
                    editor.pending = None;
                    editor.is_new = false;
                    editor.revalidate(&self.data.records[index], today);
                }
            }
            Err(error) => self.save_state = SaveState::Failed(error.to_string()),
        }
    }
}
