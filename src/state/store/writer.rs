//! The write side of the store: the platform's events applied to the state machine, and the
//! signals made to follow what it changed.

mod log;

use super::{ChatLine, Row, RowCells, Store};
use crate::state::record::RecordWriter;
use crate::state::roster::same_roster_facts;
use huikong_core::store::{superseded, RosterJournal, Touch};
use huikong_protocol::{
    Change, Conference, Decoded, Event, LayoutView, Participant, Presentation, ServiceState,
    StageEntry, CHAT_HISTORY_LIMIT,
};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet, VecDeque};

/// The one way into the store: applies the platform's events. Made with the store and handed to
/// the live session's event stream only, so a view, which gets a [`Store`], cannot write.
#[derive(Debug, Clone, Copy)]
pub struct StoreWriter {
    store: Store,
    /// The owner rows are created under: the store's, not whichever effect applies the event.
    owner: StoredValue<Option<Owner>>,
    order: WriteSignal<Vec<String>>,
    roster_rev: WriteSignal<u64>,
    /// Whether the events applied since the last [`StoreWriter::commit`] touched the roster.
    roster_dirty: StoredValue<bool>,
    next_arrival: StoredValue<u64>,
    waiting: WriteSignal<Vec<String>>,
    service: WriteSignal<ServiceState>,
    layout: WriteSignal<LayoutView>,
    stage: WriteSignal<Vec<StageEntry>>,
    presentation: WriteSignal<Presentation>,
    chat: WriteSignal<VecDeque<ChatLine>>,
    ended: WriteSignal<Option<String>>,
    synced: WriteSignal<bool>,
    log: WriteSignal<VecDeque<super::LogEntry>>,
    log_seq: StoredValue<u64>,
    record: RecordWriter,
}

impl StoreWriter {
    /// An empty store and its writer.
    #[allow(clippy::new_without_default)]
    pub fn new() -> StoreWriter {
        let (order, w_order) = signal(Vec::new());
        let (roster_rev, w_roster_rev) = signal(0);
        let (waiting, w_waiting) = signal(Vec::new());
        let (service, w_service) = signal(ServiceState::default());
        let (layout, w_layout) = signal(LayoutView::default());
        let (stage, w_stage) = signal(Vec::new());
        let (presentation, w_presentation) = signal(Presentation::default());
        let (chat, w_chat) = signal(VecDeque::new());
        let (ended, w_ended) = signal(None);
        let (synced, w_synced) = signal(false);
        let (log, w_log) = signal(VecDeque::new());
        let record = RecordWriter::new();
        StoreWriter {
            store: Store {
                conf: StoredValue::new(Conference::new()),
                rows: StoredValue::new(HashMap::new()),
                order,
                roster_rev,
                journal: StoredValue::new(RosterJournal::default()),
                waiting,
                service,
                layout,
                stage,
                presentation,
                chat,
                ended,
                synced,
                log,
                record: record.read(),
            },
            owner: StoredValue::new(Owner::current()),
            order: w_order,
            roster_rev: w_roster_rev,
            roster_dirty: StoredValue::new(false),
            next_arrival: StoredValue::new(0),
            waiting: w_waiting,
            service: w_service,
            layout: w_layout,
            stage: w_stage,
            presentation: w_presentation,
            chat: w_chat,
            ended: w_ended,
            synced: w_synced,
            log: w_log,
            log_seq: StoredValue::new(0),
            record,
        }
    }

    /// The read side, for views.
    pub fn store(&self) -> Store {
        self.store
    }

    fn with_conf<T>(&self, f: impl FnOnce(&Conference) -> T) -> Option<T> {
        self.store.with_conf(f)
    }

    fn cells(&self, uuid: &str) -> Option<RowCells> {
        self.store
            .rows
            .try_with_value(|r| r.get(uuid).copied())
            .flatten()
    }

    /// Applies one decoded event, logging the fields the decoder had to coerce or drop.
    pub fn apply_decoded(&self, decoded: &Decoded) -> Change {
        let before = self.before(&decoded.event);
        let change = self.apply_quietly(&decoded.event);
        self.log_event(&decoded.event, &decoded.notes, before);
        self.commit();
        change
    }

    /// Applies one event: the state machine decides, the signals follow what it changed.
    pub fn apply(&self, ev: &Event) -> Change {
        let before = self.before(ev);
        let change = self.apply_quietly(ev);
        self.log_event(ev, &[], before);
        self.commit();
        change
    }

    /// Applies a frame's events in their order, with one roster revision for them all. A
    /// `participant_update` that a later one of the same participant replaces (see
    /// [`superseded`]) still reaches the record and the event log, but not the state machine
    /// or the rows: the last one brings everything it said. Its change is `Change::None`.
    pub fn apply_batch(&self, batch: &[Decoded]) -> Vec<Change> {
        let events: Vec<&Event> = batch.iter().map(|d| &d.event).collect();
        let skip = superseded(&events);
        let changes = batch
            .iter()
            .zip(skip)
            .map(|(decoded, skip)| {
                let before = self.before(&decoded.event);
                let change = if skip {
                    self.record.event(&decoded.event);
                    Change::None
                } else {
                    self.apply_quietly(&decoded.event)
                };
                self.log_event(&decoded.event, &decoded.notes, before);
                change
            })
            .collect();
        self.commit();
        changes
    }

    /// Notes that the pending roster revision touches `touch`.
    fn touch(&self, touch: Touch) {
        let rev = self.store.roster_rev.get_untracked() + 1;
        self.store.journal.update_value(|j| j.record(rev, touch));
        self.roster_dirty.set_value(true);
    }

    /// Publishes the pending roster revision, if the events applied touched the roster.
    fn commit(&self) {
        if self.roster_dirty.get_value() {
            self.roster_dirty.set_value(false);
            self.roster_rev.update(|n| *n += 1);
        }
    }

    /// The record's write side, for the stream (its losses) and the platform client.
    pub fn record(&self) -> RecordWriter {
        self.record
    }

    fn apply_quietly(&self, ev: &Event) -> Change {
        self.record.event(ev);
        let Some(change) = self.store.conf.try_update_value(|c| c.apply(ev)) else {
            return Change::None;
        };
        match &change {
            Change::Participant(uuid) => self.upsert(uuid),
            Change::ParticipantRemoved(uuid) => self.remove(uuid),
            Change::Participants => self.rebuild(),
            Change::Service => {
                if let Some(s) = self.with_conf(|c| c.service) {
                    self.service.set(s);
                }
            }
            Change::Layout => {
                if let Some(l) = self.with_conf(|c| c.layout.clone()) {
                    self.layout.set(l);
                }
            }
            Change::Stage => self.restage(),
            Change::Presentation => {
                if let Some(p) = self.with_conf(|c| c.presentation.clone()) {
                    self.presentation.set(p);
                }
            }
            Change::Chat => {
                // The one chat list: the state machine reports a message and keeps none.
                if let Event::Message(message) = ev {
                    let message = message.clone();
                    self.chat.update(|v| {
                        if v.len() >= CHAT_HISTORY_LIMIT {
                            v.pop_front();
                        }
                        let seq = v.back().map_or(0, |last| last.seq + 1);
                        v.push_back(ChatLine {
                            seq,
                            at_ms: js_sys::Date::now(),
                            message,
                        });
                    });
                }
            }
            Change::Ended(reason) => self.ended.set(Some(reason.clone())),
            Change::CallDisconnected { .. } | Change::None => {}
        }
        change
    }

    fn new_row(&self, p: Participant) -> RowCells {
        let arrival = self.next_arrival.get_value();
        self.next_arrival.set_value(arrival + 1);
        let make = move || {
            let (read_p, p) = signal(p);
            let (read_vad, vad) = signal(None);
            RowCells {
                read: Row {
                    p: read_p,
                    vad: read_vad,
                    arrival,
                },
                p,
                vad,
            }
        };
        match self.owner.get_value() {
            Some(o) => o.with(make),
            None => make(),
        }
    }

    fn upsert(&self, uuid: &str) {
        let Some(p) = self.with_conf(|c| c.participant(uuid).cloned()).flatten() else {
            return;
        };
        let waits = p.is_waiting();
        match self.cells(uuid) {
            Some(row) => {
                let (was, unchanged, same) = row.read.p.with_untracked(|old| {
                    (old.is_waiting(), *old == p, same_roster_facts(old, &p))
                });
                // A row re-renders only when a fact it shows changed.
                if !unchanged {
                    row.p.set(p);
                }
                if !same {
                    self.touch(Touch::One(uuid.to_owned()));
                }
                if was != waits {
                    self.set_waiting(uuid, waits);
                }
            }
            None => {
                let row = self.new_row(p);
                self.store.rows.update_value(|r| {
                    r.insert(uuid.to_owned(), row);
                });
                self.order.update(|o| o.push(uuid.to_owned()));
                self.touch(Touch::One(uuid.to_owned()));
                if waits {
                    self.set_waiting(uuid, true);
                }
            }
        }
    }

    fn set_waiting(&self, uuid: &str, waits: bool) {
        self.waiting.update(|w| {
            w.retain(|u| u != uuid);
            if waits {
                w.push(uuid.to_owned());
            }
        });
    }

    fn remove(&self, uuid: &str) {
        let row = self
            .store
            .rows
            .try_update_value(|r| r.remove(uuid))
            .flatten();
        self.order.update(|o| o.retain(|u| u != uuid));
        self.touch(Touch::One(uuid.to_owned()));
        if self
            .store
            .waiting
            .with_untracked(|w| w.iter().any(|u| u == uuid))
        {
            self.set_waiting(uuid, false);
        }
        if let Some(row) = row {
            retire(row);
        }
        self.restage();
    }

    /// After a sync: the new list replaces the old one, rows that stay keep their signals.
    fn rebuild(&self) {
        let Some(list) = self.with_conf(|c| c.participants().values().cloned().collect::<Vec<_>>())
        else {
            return;
        };
        let mut stale = self.store.rows.get_value();
        let mut order = Vec::with_capacity(list.len());
        let mut waiting = Vec::new();
        let mut fresh = HashMap::with_capacity(list.len());
        for p in list {
            let uuid = p.uuid.clone();
            if p.is_waiting() {
                waiting.push(uuid.clone());
            }
            let row = match stale.remove(&uuid) {
                Some(row) => {
                    if row.read.p.with_untracked(|old| old != &p) {
                        row.p.set(p);
                    }
                    row
                }
                None => self.new_row(p),
            };
            fresh.insert(uuid.clone(), row);
            order.push(uuid);
        }
        // Keep the arrival order of those who stay; newcomers go last, in uuid order.
        let previous = self.store.order.get_untracked();
        let mut kept: Vec<String> = previous
            .into_iter()
            .filter(|u| fresh.contains_key(u))
            .collect();
        let known: HashSet<&String> = kept.iter().collect();
        let newcomers: Vec<String> = order
            .iter()
            .filter(|u| !known.contains(u))
            .cloned()
            .collect();
        kept.extend(newcomers);
        self.store.rows.set_value(fresh);
        self.order.set(kept);
        self.waiting.set(waiting);
        for row in stale.into_values() {
            retire(row);
        }
        self.touch(Touch::All);
        self.synced.set(true);
        self.restage();
    }

    /// Sets the speaking level of those on the stage before or now from the state machine's
    /// stage: only they can have changed (a row's level is set exactly while it is on the
    /// published stage, and a new row starts without one), so a meeting's size costs nothing.
    fn restage(&self) {
        let Some(stage) = self.with_conf(|c| c.stage.clone()) else {
            return;
        };
        let before: Vec<String> = self
            .store
            .stage
            .with_untracked(|s| s.iter().map(|e| e.participant_uuid.clone()).collect());
        let levels: HashMap<&str, u32> = stage
            .iter()
            .map(|s| (s.participant_uuid.as_str(), s.vad))
            .collect();
        let now_on = stage.iter().map(|s| s.participant_uuid.as_str());
        for uuid in before.iter().map(String::as_str).chain(now_on) {
            if let Some(row) = self.cells(uuid) {
                let now = levels.get(uuid).copied();
                if row.read.vad.get_untracked() != now {
                    row.vad.set(now);
                }
            }
        }
        if self.store.stage.with_untracked(|s| s != &stage) {
            self.stage.set(stage);
        }
    }
}

/// Disposes a departed participant's signals once the views are done with them. Its row is
/// removed by the list's render effects, which run after this event is applied; until then the
/// row may still read its signals (reading a disposed signal panics), so disposal waits for a
/// later turn of the event loop.
fn retire(row: RowCells) {
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        row.p.dispose();
        row.vad.dispose();
        row.read.p.dispose();
        row.read.vad.dispose();
    });
}
