//! The window follows what other Parcours write in a shared folder (the store's watcher looks
//! every second): a record changed elsewhere is read again, in the list and on screen — unless
//! this window has an edit of it waiting, which is kept, the record saying "modifiée
//! ailleurs" until it is left; the catalogue, the companies, the partners, the crèche's and the structure's
//! settings are read again. The window's own writes read back as what it shows: nothing moves.

use std::collections::HashSet;

use crate::model::BeneficiaryId;
use crate::store::watch::{Changes, Watcher};

use super::ParcoursApp;
use super::editor::Editor;

/// The watcher, and the records changed elsewhere while edited here.
#[derive(Default)]
pub(super) struct Following {
    watcher: Option<Watcher>,
    /// Records changed elsewhere while this window had an edit of them waiting.
    changed_elsewhere: HashSet<BeneficiaryId>,
}

impl Following {
    /// Starts watching `root`, waking the window at each change.
    pub(super) fn start(root: std::path::PathBuf, ctx: &egui::Context) -> Self {
        let ctx = ctx.clone();
        Self {
            watcher: Watcher::start(root, move || ctx.request_repaint()),
            changed_elsewhere: HashSet::new(),
        }
    }

    /// Whether record `id` was changed elsewhere while edited here.
    pub(super) fn changed_elsewhere(&self, id: BeneficiaryId) -> bool {
        self.changed_elsewhere.contains(&id)
    }
}

impl ParcoursApp {
    /// Takes what the watcher saw since the last frame.
    pub(super) fn follow_changes(&mut self) {
        let changes = self
            .following
            .watcher
            .as_ref()
            .map(Watcher::take)
            .unwrap_or_default();
        // Said while the edit waits, and after its save as long as the record is shown (the
        // counsellor is asked to check it): a record left with nothing waiting is done with.
        let (editors, shown) = (&self.editors, self.selected);
        self.following.changed_elsewhere.retain(|id| {
            shown == Some(*id) || editors.get(id).is_some_and(|e| e.pending.is_some())
        });
        if changes.is_empty() || self.loading.is_some() {
            return;
        }
        self.take_changes(&changes);
    }

    fn take_changes(&mut self, changes: &Changes) {
        for &id in &changes.records {
            let known = self.index_of(id).map(|index| &*self.data.records()[index]);
            let Some(record) = self.store.reload_record(id, known) else {
                continue;
            };
            let Some(index) = self.index_of(id) else {
                self.store.mark_record_seen(id);
                self.put_record(record);
                continue;
            };
            if *self.data.records()[index] == record {
                self.store.mark_record_seen(id);
                continue;
            }
            if self
                .editors
                .get(&id)
                .is_some_and(|e| e.pending.is_some() || e.is_new)
            {
                self.following.changed_elsewhere.insert(id);
                continue;
            }
            if self.editors.contains_key(&id) {
                self.editors.insert(id, Editor::new(&record, false));
            }
            // Shown as the file holds it: the next save starts from it (with an edit
            // waiting, above, the save merges the change instead).
            self.store.mark_record_seen(id);
            self.put_record(record);
        }
        if changes.workshops {
            *self.data.workshops_mut() = self.store.load_workshops().0;
        }
        if changes.companies {
            *self.data.companies_mut() = self.store.load_companies().0;
        }
        if changes.partners {
            self.data.partners = self.store.load_partners().0;
        }
        if changes.creche {
            *self.data.creche_settings_mut() = self.store.load_creche_settings().0;
        }
        if changes.settings {
            self.data.settings = self.store.load_settings().0;
        }
    }
}
