//! The protocol crate's `Conference` wrapped in signals, split in two: [`Store`], the read side
//! every view gets, and [`StoreWriter`], the one way events go in. Each participant is its own
//! row signal, and the ordered uuid list is a separate signal, so one `participant_update`
//! touches one row only. The stream applies events a frame's batch at a time
//! ([`StoreWriter::apply_batch`]), and the roster's journal says whom a batch touched, so the
//! list repositions those rows instead of sorting everyone again.

#[cfg(all(test, target_arch = "wasm32"))]
mod tests;
mod writer;

use huikong_core::event_words::Said;
use huikong_protocol::{
    ChatMessage, Conference, FieldNote, LayoutView, Participant, Presentation, ServiceState,
    StageEntry,
};
use leptos::prelude::*;
use std::collections::{HashMap, VecDeque};

pub use huikong_core::store::{superseded, RosterJournal, Touch};
pub use writer::StoreWriter;

/// How many recent events the log keeps.
pub const LOG_LIMIT: usize = 200;

/// One participant's signals, read-only: only the [`StoreWriter`] holds their write halves.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub p: ReadSignal<Participant>,
    /// The speaking level from `stage`; `None` when not on stage.
    pub vad: ReadSignal<Option<u32>>,
    /// The place in arrival order, never reused: the list's last tie-breaker, which stays true
    /// when someone before leaves (a position in [`Store::order`] would shift).
    pub arrival: u64,
}

/// A row with the write halves of its signals, kept inside the store.
#[derive(Debug, Clone, Copy)]
struct RowCells {
    read: Row,
    p: WriteSignal<Participant>,
    vad: WriteSignal<Option<u32>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    pub seq: u64,
    /// Milliseconds since the UNIX epoch.
    pub at_ms: f64,
    pub name: String,
    /// What it said, for the log to word in the host's language.
    pub said: Said,
    /// The participant it is about, if one.
    pub uuid: Option<String>,
    /// How many of the same came in a row (frames, speakers), folded into this entry.
    pub count: u32,
    /// The fields that did not arrive in the document's shape: coerced, or left at their
    /// default (docs/api-notes.md, "Envelope and values").
    pub notes: Vec<FieldNote>,
}

/// A chat message with what the console adds to it: a stable key for the view and the time it
/// arrived (the platform's `message` carries neither).
#[derive(Debug, Clone, PartialEq)]
pub struct ChatLine {
    pub seq: u64,
    /// Milliseconds since the UNIX epoch.
    pub at_ms: f64,
    pub message: ChatMessage,
}

/// The conference as views see it: read-only signals and untracked reads of the state machine.
/// Nothing here writes; the platform's events come in through the [`StoreWriter`], which only
/// the live session's event stream holds.
#[derive(Debug, Clone, Copy)]
pub struct Store {
    conf: StoredValue<Conference>,
    rows: StoredValue<HashMap<String, RowCells>>,
    order: ReadSignal<Vec<String>>,
    roster_rev: ReadSignal<u64>,
    journal: StoredValue<RosterJournal>,
    waiting: ReadSignal<Vec<String>>,
    service: ReadSignal<ServiceState>,
    layout: ReadSignal<LayoutView>,
    stage: ReadSignal<Vec<StageEntry>>,
    presentation: ReadSignal<Presentation>,
    chat: ReadSignal<VecDeque<ChatLine>>,
    ended: ReadSignal<Option<String>>,
    synced: ReadSignal<bool>,
    log: ReadSignal<VecDeque<LogEntry>>,
    record: crate::state::record::MeetingRecord,
}

impl Store {
    /// The meeting record the same events (and the commands sent) fill.
    pub fn record(&self) -> crate::state::record::MeetingRecord {
        self.record
    }

    /// A participant's row, if it is in the meeting.
    pub fn row(&self, uuid: &str) -> Option<Row> {
        self.rows
            .try_with_value(|r| r.get(uuid).map(|c| c.read))
            .flatten()
    }

    /// Reads the conference state without subscribing.
    pub fn with_conf<T>(&self, f: impl FnOnce(&Conference) -> T) -> Option<T> {
        self.conf.try_with_value(f)
    }

    /// Every participant's uuid, in arrival order.
    pub fn order(&self) -> ReadSignal<Vec<String>> {
        self.order
    }

    /// The roster's revision: it changes whenever what the list filters, sorts or ranks by
    /// changes for anyone (see [`crate::state::roster::same_roster_facts`]). The list reads rows untracked and
    /// follows this instead, so a mute or a speaking change re-renders one row, not the list.
    pub fn roster_rev(&self) -> ReadSignal<u64> {
        self.roster_rev
    }

    /// Who was added, removed or changed in a roster fact after revision `seen` of
    /// [`Store::roster_rev`]; `None` when everyone must be looked at again (a sync, or `seen`
    /// too old). Untracked: track `roster_rev` for that.
    pub fn roster_touched_since(&self, seen: u64) -> Option<Vec<String>> {
        self.journal.try_with_value(|j| j.since(seen)).flatten()
    }

    /// The uuids of those waiting for a host.
    pub fn waiting(&self) -> ReadSignal<Vec<String>> {
        self.waiting
    }

    pub fn service(&self) -> ReadSignal<ServiceState> {
        self.service
    }

    pub fn layout(&self) -> ReadSignal<LayoutView> {
        self.layout
    }

    pub fn stage(&self) -> ReadSignal<Vec<StageEntry>> {
        self.stage
    }

    pub fn presentation(&self) -> ReadSignal<Presentation> {
        self.presentation
    }

    /// The chat history, oldest first, bounded as the state machine bounds it.
    pub fn chat(&self) -> ReadSignal<VecDeque<ChatLine>> {
        self.chat
    }

    /// The reason of `disconnect`, once the platform ended this session.
    pub fn ended(&self) -> ReadSignal<Option<String>> {
        self.ended
    }

    /// Whether a first full sync has arrived.
    pub fn synced(&self) -> ReadSignal<bool> {
        self.synced
    }

    /// The recent events, oldest first.
    pub fn log(&self) -> ReadSignal<VecDeque<LogEntry>> {
        self.log
    }
}
