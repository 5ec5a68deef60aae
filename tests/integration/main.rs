//! Parcours' integration tests, in one binary: linking the app (egui, wgpu, Typst) once rather
//! than once per file keeps the build small enough for a CI machine's disk and quick to link.
//! Each module is one concern, named as before: run one with `cargo test --test integration
//! ui_flows::`.

mod agenda_cli;
mod backups;
mod cli;
mod common;
mod companies;
mod convocation;
mod crash_safety;
mod creche;
mod encryption;
mod erasure;
mod export;
mod hostile_files;
mod image_snapshot;
mod journal;
mod kill_support;
mod no_network;
mod preparation;
mod recovery_sheet;
mod report;
mod restore_killed;
mod rome_picker;
mod stats;
mod stats_data;
mod stats_files;
mod stats_pdf;
mod store_files;
mod sync_copies;
mod sync_syncthing;
mod team_changes;
mod team_leases;
mod team_list;
mod team_open_record;
mod team_shared_files;
mod team_support;
mod ui_agenda;
mod ui_agenda_team;
mod ui_appointments;
mod ui_companies;
mod ui_competences;
mod ui_conflicts;
mod ui_consent_gate;
mod ui_creche;
mod ui_flows;
mod ui_french_level;
mod ui_home;
mod ui_home_narrow;
mod ui_key_bursts;
mod ui_keyboard;
mod ui_layout;
mod ui_loading;
mod ui_lock;
mod ui_monkey;
mod ui_preparation;
#[cfg(unix)]
mod ui_print;
mod ui_protection;
#[cfg(unix)]
mod ui_save_fallback;
mod ui_stats;
mod ui_status;
mod ui_summary;
mod ui_typing;
