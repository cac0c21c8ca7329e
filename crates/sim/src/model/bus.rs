//! The event bus of a room: every subscriber gets the events in order with increasing ids; a
//! full sync first, then live events (docs/api-notes.md, "Events and sync").

use futures_util::stream::{self, Stream, StreamExt};
use huikong_protocol::{Event, Participant, Profile, Role};
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;

/// Live events a subscriber may fall behind by before it is dropped (its client reconnects and
/// gets a fresh sync, as with a real node).
const BACKLOG: usize = 4096;

#[derive(Debug)]
pub struct Frame {
    pub id: u64,
    pub name: String,
    pub data: Arc<str>,
}

struct Subscriber {
    session: String,
    role: Role,
    tx: mpsc::Sender<Arc<Frame>>,
}

/// Where malformed events come from when a fault asks for them: the model only knows that
/// something may want to slip one in after a live event.
pub trait MalformedEvents: Send + Sync {
    /// A malformed event (name, data) to put after a live one, or `None` (most of the time).
    fn malformed_event(&self, profile: Profile) -> Option<(String, String)>;
}

pub struct Bus {
    profile: Profile,
    next_id: u64,
    subscribers: Vec<Subscriber>,
    /// Each participant's `data:` as last sent, with the participant it was made from: every
    /// new stream's sync sends every participant, and with thousands of streams on a room of
    /// a thousand, making the JSON anew each time (under the world's lock) would cost more
    /// than sending it.
    serialized: HashMap<String, (Participant, Arc<str>)>,
    /// Puts malformed events among the live ones when that fault is set.
    pub malformed: Option<Arc<dyn MalformedEvents>>,
}

impl Bus {
    pub fn new(profile: Profile) -> Bus {
        Bus {
            profile,
            next_id: 1,
            subscribers: Vec::new(),
            serialized: HashMap::new(),
            malformed: None,
        }
    }

    /// The event as this deployment sends it, if it sends it at all: the enterprise cloud has no
    /// participant_create (it announces newcomers with participant_update) and no frames.
    fn frame(&mut self, event: &Event) -> Option<Arc<Frame>> {
        let translated;
        let event = match event {
            Event::ParticipantCreate(p) if !self.profile.sends_event("participant_create") => {
                translated = Event::ParticipantUpdate(p.clone());
                &translated
            }
            e => e,
        };
        if !self.profile.sends_event(event.name()) {
            return None;
        }
        let data = match event {
            Event::ParticipantCreate(p) | Event::ParticipantUpdate(p) => self.participant_data(p),
            e => e.data().into(),
        };
        let id = self.next_id;
        self.next_id += 1;
        Some(Arc::new(Frame {
            id,
            name: event.name().to_owned(),
            data,
        }))
    }

    /// A participant's `data:`, made once for each version of it.
    fn participant_data(&mut self, p: &Participant) -> Arc<str> {
        if let Some((known, data)) = self.serialized.get(&p.uuid) {
            if known == p {
                return data.clone();
            }
        }
        let data: Arc<str> = Event::ParticipantUpdate(p.clone()).data().into();
        self.serialized
            .insert(p.uuid.clone(), (p.clone(), data.clone()));
        data
    }

    fn deliver(&mut self, frame: Arc<Frame>, to: impl Fn(&Subscriber) -> bool) {
        let malformed = self.malformed.as_deref();
        let profile = self.profile;
        let next_id = &mut self.next_id;
        // Nothing follows a disconnect: the stream closes after it.
        let may_garble = frame.name != "disconnect";
        self.subscribers.retain(|s| {
            if !to(s) {
                return !s.tx.is_closed();
            }
            if s.tx.try_send(frame.clone()).is_err() {
                return false;
            }
            let garbage = malformed
                .filter(|_| may_garble)
                .and_then(|m| m.malformed_event(profile));
            if let Some((name, data)) = garbage {
                let id = *next_id;
                *next_id += 1;
                let data = data.into();
                return s.tx.try_send(Arc::new(Frame { id, name, data })).is_ok();
            }
            true
        });
    }

    /// Closes the streams `pick` chooses (a fault: the client sees the connection end and
    /// reconnects). Returns how many open streams were closed.
    pub fn drop_streams(&mut self, mut pick: impl FnMut() -> bool) -> usize {
        let mut dropped = 0;
        self.subscribers.retain(|s| {
            if s.tx.is_closed() {
                return false;
            }
            let drop = pick();
            dropped += usize::from(drop);
            !drop
        });
        dropped
    }

    /// Open event streams of the room.
    pub fn stream_count(&self) -> usize {
        self.subscribers
            .iter()
            .filter(|s| !s.tx.is_closed())
            .count()
    }

    pub fn has_subscribers(&self) -> bool {
        self.subscribers.iter().any(|s| !s.tx.is_closed())
    }

    /// Sends an event to every stream of the room.
    pub fn emit(&mut self, event: &Event) {
        if let Event::ParticipantDelete { uuid } = event {
            self.serialized.remove(uuid);
        }
        if self.subscribers.is_empty() {
            return;
        }
        if let Some(f) = self.frame(event) {
            self.deliver(f, |_| true);
        }
    }

    /// Sends one event to the hosts' streams and another to the guests'.
    pub fn emit_by_role(&mut self, hosts: &Event, guests: &Event) {
        if self.subscribers.is_empty() {
            return;
        }
        if let Some(f) = self.frame(hosts) {
            self.deliver(f, |s| s.role.is_host());
        }
        if let Some(f) = self.frame(guests) {
            self.deliver(f, |s| !s.role.is_host());
        }
    }

    /// Sends an event to one session's streams only.
    pub fn send_to(&mut self, session: &str, event: &Event) {
        if !self.subscribers.iter().any(|s| s.session == session) {
            return;
        }
        if let Some(f) = self.frame(event) {
            self.deliver(f, |s| s.session == session);
        }
    }

    /// Ends a session's streams once they have sent what is queued.
    pub fn close(&mut self, session: &str) {
        self.subscribers.retain(|s| s.session != session);
    }

    pub fn set_role(&mut self, session: &str, role: Role) {
        for s in self.subscribers.iter_mut().filter(|s| s.session == session) {
            s.role = role;
        }
    }

    /// Opens a stream for a session: `initial` (the sync) first, then live events.
    pub fn subscribe(
        &mut self,
        session: &str,
        role: Role,
        initial: Vec<Event>,
    ) -> impl Stream<Item = Arc<Frame>> + Send + 'static {
        let frames: Vec<Arc<Frame>> = initial.iter().filter_map(|e| self.frame(e)).collect();
        let (tx, rx) = mpsc::channel(BACKLOG);
        self.subscribers.push(Subscriber {
            session: session.to_owned(),
            role,
            tx,
        });
        stream::iter(frames).chain(ReceiverStream::new(rx))
    }
}
