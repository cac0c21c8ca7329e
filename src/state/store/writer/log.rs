//! The event log's entries, one per event applied (a sync's thousands of creates are one; a run
//! of frames or speaker changes is one entry with a count).

use super::StoreWriter;
use crate::state::store::{LogEntry, LOG_LIMIT};
use huikong_core::event_words::Said;
use huikong_protocol::{Event, FieldNote, Participant};
use leptos::prelude::*;

impl StoreWriter {
    /// The participant an event is about as it is before the event is applied: what the log
    /// compares an update with, and names a leave by.
    pub(super) fn before(&self, ev: &Event) -> Option<Participant> {
        let uuid = match ev {
            Event::ParticipantUpdate(p) => &p.uuid,
            Event::ParticipantDelete { uuid } => uuid,
            _ => return None,
        };
        self.with_conf(|c| c.participant(uuid).cloned()).flatten()
    }

    pub(super) fn log_event(&self, ev: &Event, notes: &[FieldNote], before: Option<Participant>) {
        let syncing = self.with_conf(|c| c.is_syncing()).unwrap_or(false);
        // A sync of thousands is one entry, not thousands (unless one of them arrived in an odd
        // shape, which is worth seeing).
        if matches!(
            ev,
            Event::ParticipantCreate(_) | Event::ParticipantUpdate(_) | Event::ParticipantSyncBegin
        ) && syncing
            && notes.is_empty()
        {
            return;
        }
        let listed = self.store.order.with_untracked(Vec::len);
        let said = Said::of(ev, before.as_ref(), listed);
        let name = ev.name();
        let at_ms = js_sys::Date::now();
        // A frame or a speaker change again: the entry before counts it.
        if said.folds() && notes.is_empty() {
            let mut folded = false;
            self.log.update(|l| {
                if let Some(last) = l
                    .back_mut()
                    .filter(|e| e.name == name && e.notes.is_empty())
                {
                    last.count += 1;
                    last.at_ms = at_ms;
                    folded = true;
                }
            });
            if folded {
                return;
            }
        }
        let uuid = match ev {
            Event::ParticipantCreate(p) | Event::ParticipantUpdate(p) => Some(p.uuid.clone()),
            Event::ParticipantDelete { uuid } => Some(uuid.clone()),
            _ => None,
        };
        let seq = self.log_seq.get_value() + 1;
        self.log_seq.set_value(seq);
        let entry = LogEntry {
            seq,
            at_ms,
            name: name.to_owned(),
            said,
            uuid,
            count: 1,
            notes: notes.to_vec(),
        };
        self.log.update(|l| {
            if l.len() >= LOG_LIMIT {
                l.pop_front();
            }
            l.push_back(entry);
        });
    }
}
