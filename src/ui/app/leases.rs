//! The app's side of leases (several Parcours on one shared folder): the record shown, and
//! every record with an edit waiting to be saved, is held by a lease while this window may
//! write it; a record another Parcours holds is shown read-only with a banner naming who,
//! and taken as soon as it is free; a folder held whole by another (a restore) makes the
//! window read-only, with its banner, until it is let go.

use std::collections::HashMap;
use std::time::Duration;

use crate::model::BeneficiaryId;
use crate::store::{Access, Lease, LeaseError, LeaseHolder, StoreError};
use crate::ui::text;

use super::ParcoursApp;
use super::editor::Editor;

/// Seconds between two looks at a lease held by another Parcours (and at the folder's).
pub const LEASE_RETRY_SECONDS: f64 = 1.0;

/// The leases this window holds, and those that others hold on what it shows.
#[derive(Default)]
pub(super) struct Leases {
    held: HashMap<BeneficiaryId, Lease>,
    /// The record shown, held by another Parcours: who holds it.
    blocked: Option<(BeneficiaryId, LeaseHolder)>,
    /// Who holds the whole folder in another Parcours, if anyone.
    directory: Option<LeaseHolder>,
    /// When (egui time) the last look at others' leases was taken.
    last_look: Option<f64>,
}

impl Leases {
    /// Whether record `id` may be edited here (nobody else holds it, nor the folder).
    pub(super) fn allows(&self, id: BeneficiaryId) -> bool {
        self.directory.is_none() && self.blocked.as_ref().is_none_or(|(b, _)| *b != id)
    }

    /// Who holds record `id` elsewhere, when it is the record shown and held.
    pub(super) fn holder_of(&self, id: BeneficiaryId) -> Option<&LeaseHolder> {
        self.blocked
            .as_ref()
            .filter(|(b, _)| *b == id)
            .map(|(_, holder)| holder)
    }

    /// Who holds the whole folder elsewhere.
    pub(super) fn directory_holder(&self) -> Option<&LeaseHolder> {
        self.directory.as_ref()
    }

    /// Lets every lease go (the window closes).
    pub(super) fn let_go_all(&mut self) {
        self.held.clear();
    }
}

impl ParcoursApp {
    /// Takes, keeps and lets go of leases for this frame: see the module's documentation.
    pub(super) fn tend_leases(&mut self, ctx: &egui::Context, now: f64) {
        let look = self
            .leases
            .last_look
            .is_none_or(|last| now - last >= LEASE_RETRY_SECONDS || now < last);
        if look {
            self.leases.last_look = Some(now);
            self.look_at_the_folder();
        }
        if !self.store.is_writable() || self.leases.directory.is_some() {
            self.leases.held.clear();
            self.leases.blocked = None;
            if self.leases.directory.is_some() || self.reopen_when_free {
                ctx.request_repaint_after(Duration::from_secs_f64(LEASE_RETRY_SECONDS));
            }
            return;
        }
        let mut wanted: Vec<BeneficiaryId> = self
            .editors
            .iter()
            .filter(|(_, e)| e.pending.is_some())
            .map(|(&id, _)| id)
            .collect();
        wanted.extend(self.selected);
        self.leases
            .held
            .retain(|id, lease| wanted.contains(id) && !lease.lost());
        if self
            .leases
            .blocked
            .as_ref()
            .is_some_and(|(id, _)| !wanted.contains(id))
        {
            self.leases.blocked = None;
        }
        for id in wanted {
            if self.leases.held.contains_key(&id) {
                continue;
            }
            let was_blocked = self.leases.holder_of(id).is_some();
            if was_blocked && !look {
                continue;
            }
            match self.store.lease_record(id) {
                Ok(lease) => {
                    self.leases.held.insert(id, lease);
                    if self.leases.holder_of(id).is_some() {
                        self.leases.blocked = None;
                    }
                    // What another Parcours saved since the load is what is edited now.
                    self.read_again(id);
                }
                Err(LeaseError::Held(holder)) => {
                    if self.selected == Some(id) {
                        self.leases.blocked = Some((id, *holder));
                    }
                }
                // No lease can be made here (a folder without that right): the saves still
                // refuse a record another Parcours holds.
                Err(LeaseError::Io(..)) => {}
            }
        }
        if self.leases.blocked.is_some() {
            ctx.request_repaint_after(Duration::from_secs_f64(LEASE_RETRY_SECONDS));
        }
    }

    /// Whether another Parcours holds the whole folder; opened again for writing once it no
    /// longer does, when it was opened read-only because of it.
    fn look_at_the_folder(&mut self) {
        if self.reopen_when_free && self.loading.is_none() {
            match self.store.open_like(Access::ReadWrite) {
                Ok(store) => {
                    self.store = store;
                    self.reopen_when_free = false;
                    self.read_only_reason = None;
                    self.give_author();
                    self.reload();
                }
                Err(StoreError::Locked(_)) => {}
                Err(error) => {
                    self.reopen_when_free = false;
                    self.read_only_reason = Some(text::app::read_only_because(&error));
                }
            }
        }
        let before = self.leases.directory.is_some();
        self.leases.directory = self.store.directory_holder();
        // Let go: what the operation (a restore) changed is loaded.
        if before && self.leases.directory.is_none() && self.pending_saves() == 0 {
            self.reload();
        }
    }

    /// Reads record `id` again from its file, when this window has no edit of it waiting: the
    /// record shown and its form become what another Parcours saved.
    fn read_again(&mut self, id: BeneficiaryId) {
        let Some(index) = self.index_of(id) else {
            return;
        };
        if self
            .editors
            .get(&id)
            .is_some_and(|e| e.pending.is_some() || e.is_new)
        {
            return;
        }
        let Some(record) = self
            .store
            .read_record(id, Some(&self.data.records()[index]))
        else {
            return;
        };
        self.store.mark_record_seen(id);
        if record == *self.data.records()[index] {
            return;
        }
        self.editors.insert(id, Editor::new(&record, false));
        self.put_record(record);
    }
}
