//! The protocol crate's `Conference` wrapped in signals. Events go in through [`Store::apply`];
//! each participant is its own row signal, and the ordered uuid list is a separate signal, so one
//! `participant_update` touches one row only.

use huikong_protocol::{
    Change, ChatMessage, Conference, Event, LayoutView, Participant, Presentation, ServiceState,
    StageEntry,
};
use leptos::prelude::*;
use std::collections::{HashMap, VecDeque};

/// How many recent events the log keeps.
pub const LOG_LIMIT: usize = 200;

/// One participant's signals.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub p: RwSignal<Participant>,
    /// The speaking level from `stage`; `None` when not on stage.
    pub vad: RwSignal<Option<u32>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    pub seq: u64,
    /// Milliseconds since the UNIX epoch.
    pub at_ms: f64,
    pub name: String,
    pub detail: String,
}

/// When a chat message arrived, beside it in [`Store::chat_meta`]: a stable key for the view
/// and the time to show (the platform's `message` carries none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChatMeta {
    pub seq: u64,
    /// Milliseconds since the UNIX epoch.
    pub at_ms: f64,
}

#[derive(Debug, Clone, Copy)]
pub struct Store {
    conf: StoredValue<Conference>,
    rows: StoredValue<HashMap<String, Row>>,
    owner: StoredValue<Option<Owner>>,
    /// Every participant's uuid, in arrival order.
    pub order: RwSignal<Vec<String>>,
    /// Changes whenever what the list filters, sorts or ranks by changes for anyone (see
    /// [`same_roster_facts`]). The list reads rows untracked and follows this instead, so a
    /// mute or a speaking change re-renders one row, not the whole list.
    pub roster: RwSignal<u64>,
    /// The uuids of those waiting for a host.
    pub waiting: RwSignal<Vec<String>>,
    pub service: RwSignal<ServiceState>,
    pub layout: RwSignal<LayoutView>,
    pub stage: RwSignal<Vec<StageEntry>>,
    pub presentation: RwSignal<Presentation>,
    pub chat: RwSignal<Vec<ChatMessage>>,
    /// One entry per message of `chat`, in the same order.
    pub chat_meta: RwSignal<VecDeque<ChatMeta>>,
    /// The reason of `disconnect`, once the platform ended this session.
    pub ended: RwSignal<Option<String>>,
    /// Whether a first full sync has arrived.
    pub synced: RwSignal<bool>,
    pub log: RwSignal<VecDeque<LogEntry>>,
    seq: StoredValue<u64>,
}

impl Store {
    pub fn new() -> Store {
        Store {
            conf: StoredValue::new(Conference::new()),
            rows: StoredValue::new(HashMap::new()),
            owner: StoredValue::new(Owner::current()),
            order: RwSignal::new(Vec::new()),
            roster: RwSignal::new(0),
            waiting: RwSignal::new(Vec::new()),
            service: RwSignal::new(ServiceState::default()),
            layout: RwSignal::new(LayoutView::default()),
            stage: RwSignal::new(Vec::new()),
            presentation: RwSignal::new(Presentation::default()),
            chat: RwSignal::new(Vec::new()),
            chat_meta: RwSignal::new(VecDeque::new()),
            ended: RwSignal::new(None),
            synced: RwSignal::new(false),
            log: RwSignal::new(VecDeque::new()),
            seq: StoredValue::new(0),
        }
    }

    /// A participant's row, if it is in the meeting.
    pub fn row(&self, uuid: &str) -> Option<Row> {
        self.rows.try_with_value(|r| r.get(uuid).copied()).flatten()
    }

    /// Reads the conference state without subscribing.
    pub fn with_conf<T>(&self, f: impl FnOnce(&Conference) -> T) -> Option<T> {
        self.conf.try_with_value(f)
    }

    /// Applies one event: the state machine decides, the signals follow what it changed.
    pub fn apply(&self, ev: &Event) -> Change {
        let Some(change) = self.conf.try_update_value(|c| c.apply(ev)) else {
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
                if let Some(m) = self.with_conf(|c| c.chat().last().cloned()).flatten() {
                    self.chat.update(|v| {
                        if v.len() >= huikong_protocol::CHAT_HISTORY_LIMIT {
                            v.remove(0);
                        }
                        v.push(m);
                    });
                    self.chat_meta.update(|v| {
                        if v.len() >= huikong_protocol::CHAT_HISTORY_LIMIT {
                            v.pop_front();
                        }
                        let seq = v.back().map_or(0, |last| last.seq + 1);
                        v.push_back(ChatMeta {
                            seq,
                            at_ms: js_sys::Date::now(),
                        });
                    });
                }
            }
            Change::Ended(reason) => self.ended.set(Some(reason.clone())),
            Change::CallDisconnected { .. } | Change::None => {}
        }
        self.log_event(ev, &change);
        change
    }

    fn new_row(&self, p: Participant) -> Row {
        let make = move || Row {
            p: RwSignal::new(p),
            vad: RwSignal::new(None),
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
        match self.row(uuid) {
            Some(row) => {
                let (was, same) = row
                    .p
                    .with_untracked(|old| (old.is_waiting(), same_roster_facts(old, &p)));
                row.p.set(p);
                if !same {
                    self.roster.update(|n| *n += 1);
                }
                if was != waits {
                    self.set_waiting(uuid, waits);
                }
            }
            None => {
                let row = self.new_row(p);
                self.rows.update_value(|r| {
                    r.insert(uuid.to_owned(), row);
                });
                self.order.update(|o| o.push(uuid.to_owned()));
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
        let row = self.rows.try_update_value(|r| r.remove(uuid)).flatten();
        self.order.update(|o| o.retain(|u| u != uuid));
        if self.waiting.with_untracked(|w| w.iter().any(|u| u == uuid)) {
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
        let mut stale = self.rows.get_value();
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
                    if row.p.with_untracked(|old| old != &p) {
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
        let previous = self.order.get_untracked();
        let mut kept: Vec<String> = previous
            .into_iter()
            .filter(|u| fresh.contains_key(u))
            .collect();
        let known: std::collections::HashSet<&String> = kept.iter().collect();
        let newcomers: Vec<String> = order
            .iter()
            .filter(|u| !known.contains(u))
            .cloned()
            .collect();
        kept.extend(newcomers);
        self.rows.set_value(fresh);
        self.order.set(kept);
        self.waiting.set(waiting);
        for row in stale.into_values() {
            retire(row);
        }
        self.roster.update(|n| *n += 1);
        self.synced.set(true);
        self.restage();
    }

    /// Sets each row's speaking level from the state machine's stage, touching only rows whose
    /// level changed.
    fn restage(&self) {
        let Some(stage) = self.with_conf(|c| c.stage.clone()) else {
            return;
        };
        let levels: HashMap<&str, u32> = stage
            .iter()
            .map(|s| (s.participant_uuid.as_str(), s.vad))
            .collect();
        self.rows.with_value(|rows| {
            for (uuid, row) in rows {
                let now = levels.get(uuid.as_str()).copied();
                if row.vad.get_untracked() != now {
                    row.vad.set(now);
                }
            }
        });
        if self.stage.with_untracked(|s| s != &stage) {
            self.stage.set(stage);
        }
    }

    fn log_event(&self, ev: &Event, change: &Change) {
        let syncing = self.with_conf(|c| c.is_syncing()).unwrap_or(false);
        let detail = match (ev, change) {
            // A sync of thousands is one entry, not thousands.
            (
                Event::ParticipantCreate(_)
                | Event::ParticipantUpdate(_)
                | Event::ParticipantSyncBegin,
                _,
            ) if syncing => return,
            (Event::ParticipantSyncEnd, _) => format!("{}", self.order.with_untracked(Vec::len)),
            (Event::ParticipantCreate(p) | Event::ParticipantUpdate(p), _) => {
                p.display_name.clone()
            }
            (Event::ParticipantDelete { uuid }, _) => uuid.clone(),
            (Event::Message(m), _) => m.origin.clone(),
            (Event::PresentationStart(p), _) => p.presenter_name.clone(),
            (Event::Layout(l), _) => l.view.clone(),
            (Event::Disconnect { reason }, _) | (Event::CallDisconnected { reason, .. }, _) => {
                reason.clone()
            }
            _ => String::new(),
        };
        let seq = self.seq.get_value() + 1;
        self.seq.set_value(seq);
        let entry = LogEntry {
            seq,
            at_ms: js_sys::Date::now(),
            name: ev.name().to_owned(),
            detail,
        };
        self.log.update(|l| {
            if l.len() >= LOG_LIMIT {
                l.pop_front();
            }
            l.push_back(entry);
        });
    }
}

impl Default for Store {
    fn default() -> Self {
        Store::new()
    }
}

/// Whether two versions of a participant agree on everything the list filters, sorts, searches
/// or ranks by.
pub fn same_roster_facts(a: &Participant, b: &Participant) -> bool {
    a.display_name == b.display_name
        && a.overlay_text == b.overlay_text
        && a.uri == b.uri
        && a.local_alias == b.local_alias
        && a.role == b.role
        && a.service_type == b.service_type
        && a.protocol == b.protocol
        && a.start_time == b.start_time
        && a.spotlight == b.spotlight
}

/// Disposes a departed participant's signals once the views are done with them. Its row is
/// removed by the list's render effects, which run after this event is applied; until then the
/// row may still read its signals (reading a disposed signal panics), so disposal waits for a
/// later turn of the event loop.
fn retire(row: Row) {
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(0).await;
        row.p.dispose();
        row.vad.dispose();
    });
}
