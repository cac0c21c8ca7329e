//! The event log's entries, one per event applied (a sync's thousands of creates are one).

use super::StoreWriter;
use crate::state::store::{LogEntry, LOG_LIMIT};
use huikong_protocol::{Event, FieldNote};
use leptos::prelude::*;

impl StoreWriter {
    pub(super) fn log_event(&self, ev: &Event, notes: &[FieldNote]) {
        let syncing = self.with_conf(|c| c.is_syncing()).unwrap_or(false);
        let detail = match ev {
            // A sync of thousands is one entry, not thousands (unless one of them arrived in
            // an odd shape, which is worth seeing).
            Event::ParticipantCreate(_)
            | Event::ParticipantUpdate(_)
            | Event::ParticipantSyncBegin
                if syncing && notes.is_empty() =>
            {
                return
            }
            Event::ParticipantSyncEnd => {
                format!("{}", self.store.order.with_untracked(Vec::len))
            }
            Event::ParticipantCreate(p) | Event::ParticipantUpdate(p) => p.display_name.clone(),
            Event::ParticipantDelete { uuid } => uuid.clone(),
            Event::Message(m) => m.origin.clone(),
            Event::PresentationStart(p) => p.presenter_name.clone(),
            Event::Layout(l) => l.view.clone(),
            Event::Disconnect { reason } | Event::CallDisconnected { reason, .. } => reason.clone(),
            _ => String::new(),
        };
        let seq = self.log_seq.get_value() + 1;
        self.log_seq.set_value(seq);
        let entry = LogEntry {
            seq,
            at_ms: js_sys::Date::now(),
            name: ev.name().to_owned(),
            detail,
            notes: notes.to_vec(),
            revoked: *ev == Event::PresentationRevoked,
        };
        self.log.update(|l| {
            if l.len() >= LOG_LIMIT {
                l.pop_front();
            }
            l.push_back(entry);
        });
    }
}
