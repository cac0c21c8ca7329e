//! The conference state machine: events in, state out. Pure and synchronous, so the console can
//! wrap it in signals and the simulator and tests can drive it directly.

use crate::event::{Event, LayoutView, StageEntry};
use crate::participant::Participant;
use std::collections::BTreeMap;

/// How many chat messages a reader of the stream keeps; older ones are dropped first. The
/// state machine keeps none: a message is an occurrence, reported as `Change::Chat`, and each
/// reader keeps the history it needs with what it adds (the console its arrival times).
pub const CHAT_HISTORY_LIMIT: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ServiceState {
    pub locked: bool,
    pub guests_muted: bool,
    pub started: bool,
    /// Whether the platform has said what the flags are (a `service_update` naming the lock and
    /// the guests' mute, as the `service_status` read on connecting does): until then they are
    /// defaults, not facts, and nothing is offered on their strength.
    pub known: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Presentation {
    pub active: bool,
    pub presenter_name: String,
    pub presenter_uri: String,
    /// Counts `presentation_frame` events since the presentation started: a new value means a
    /// new frame to fetch.
    pub frame: u64,
}

/// What an applied event changed, so a view can update only that.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Nothing visible changed (an event buffered during a sync, an unknown event).
    None,
    /// This participant was added or changed.
    Participant(String),
    /// This participant left.
    ParticipantRemoved(String),
    /// The whole list was replaced by a sync.
    Participants,
    Service,
    Layout,
    Stage,
    Presentation,
    /// A chat message arrived (the event carries it; the state keeps none).
    Chat,
    /// A sub-call of a participant ended.
    CallDisconnected {
        call_uuid: String,
        reason: String,
    },
    /// The platform removed this session; the stream is over.
    Ended(String),
}

#[derive(Debug, Clone, Default)]
pub struct Conference {
    participants: BTreeMap<String, Participant>,
    /// Participants received since `participant_sync_begin`, swapped in at `_end`.
    syncing: Option<BTreeMap<String, Participant>>,
    pub service: ServiceState,
    pub layout: LayoutView,
    pub stage: Vec<StageEntry>,
    pub presentation: Presentation,
    /// The reason given by `disconnect`, once the platform has ended this session.
    pub ended: Option<String>,
}

impl Conference {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies one event and says what it changed.
    pub fn apply(&mut self, event: &Event) -> Change {
        match event {
            Event::ParticipantSyncBegin => {
                self.syncing = Some(BTreeMap::new());
                // A (re)connected stream restates a running presentation with its own
                // `presentation_start`, and sends no stop for one that ended while the stream was
                // down: what was known before the sync is forgotten.
                self.end_presentation()
            }
            Event::ParticipantSyncEnd => match self.syncing.take() {
                Some(list) => {
                    self.participants = list;
                    self.prune_stage();
                    Change::Participants
                }
                None => Change::None,
            },
            Event::ParticipantCreate(p) | Event::ParticipantUpdate(p) => {
                match &mut self.syncing {
                    Some(list) => {
                        list.insert(p.uuid.clone(), p.clone());
                        // A change during a sync also reaches the list it will replace.
                        Change::None
                    }
                    None => {
                        self.participants.insert(p.uuid.clone(), p.clone());
                        Change::Participant(p.uuid.clone())
                    }
                }
            }
            Event::ParticipantDelete { uuid } => {
                if let Some(list) = &mut self.syncing {
                    list.remove(uuid);
                }
                if self.participants.remove(uuid).is_some() {
                    self.stage.retain(|s| &s.participant_uuid != uuid);
                    Change::ParticipantRemoved(uuid.clone())
                } else {
                    Change::None
                }
            }
            Event::ServiceUpdate(u) => {
                if let Some(v) = u.locked {
                    self.service.locked = v;
                }
                if let Some(v) = u.guests_muted {
                    self.service.guests_muted = v;
                }
                if let Some(v) = u.started {
                    self.service.started = v;
                }
                if u.locked.is_some() && u.guests_muted.is_some() {
                    self.service.known = true;
                }
                Change::Service
            }
            Event::Layout(l) => {
                self.layout = l.clone();
                Change::Layout
            }
            Event::Stage(s) => {
                let mut s = s.clone();
                // The whole entry is the key, so the order is the same for any order they came in.
                s.sort_unstable_by(|a, b| {
                    (a.stage_index, &a.participant_uuid).cmp(&(b.stage_index, &b.participant_uuid))
                });
                self.stage = s;
                Change::Stage
            }
            Event::PresentationRevoked => self.end_presentation(),
            // Built by hand rather than decoded, a start that names nobody is still a revocation.
            Event::PresentationStart(p) if p.is_revocation() => self.end_presentation(),
            Event::PresentationStart(p) => {
                // A start without a stop (a late joiner, or a new presenter) replaces the presenter.
                self.presentation = crate::Presentation {
                    active: true,
                    presenter_name: p.presenter_name.clone(),
                    presenter_uri: p.presenter_uri.clone(),
                    frame: 0,
                };
                Change::Presentation
            }
            Event::PresentationFrame => {
                self.presentation.frame += 1;
                Change::Presentation
            }
            Event::PresentationStop => {
                self.presentation = crate::Presentation::default();
                Change::Presentation
            }
            Event::Message(_) => Change::Chat,
            Event::CallDisconnected { call_uuid, reason } => Change::CallDisconnected {
                call_uuid: call_uuid.clone(),
                reason: reason.clone(),
            },
            Event::Disconnect { reason } => {
                self.ended = Some(reason.clone());
                Change::Ended(reason.clone())
            }
            Event::Unknown { .. } => Change::None,
        }
    }

    /// Forgets any presentation, for a sync or a revocation (a `presentation_start` that names no
    /// presenter ends a running presentation and starts none); a change only if one was known.
    fn end_presentation(&mut self) -> Change {
        if self.presentation == Presentation::default() {
            Change::None
        } else {
            self.presentation = Presentation::default();
            Change::Presentation
        }
    }

    fn prune_stage(&mut self) {
        let ps = &self.participants;
        self.stage.retain(|s| ps.contains_key(&s.participant_uuid));
    }

    pub fn participant(&self, uuid: &str) -> Option<&Participant> {
        self.participants.get(uuid)
    }

    /// Participants keyed by uuid.
    pub fn participants(&self) -> &BTreeMap<String, Participant> {
        &self.participants
    }

    /// Whether a sync is under way (its list not yet swapped in).
    pub fn is_syncing(&self) -> bool {
        self.syncing.is_some()
    }

    /// The speaking level (vad) of a participant on stage, if it is on stage.
    pub fn vad(&self, uuid: &str) -> Option<u32> {
        self.stage
            .iter()
            .find(|s| s.participant_uuid == uuid)
            .map(|s| s.vad)
    }

    /// Participants waiting for a host to admit them.
    pub fn waiting(&self) -> impl Iterator<Item = &Participant> {
        self.participants.values().filter(|p| p.is_waiting())
    }
}
