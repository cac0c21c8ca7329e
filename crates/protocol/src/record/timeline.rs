//! The meeting's timeline: what the console did and what the platform said happened, in order,
//! bounded. When full, the oldest entries are folded into one summary entry that counts them by
//! kind, so nothing disappears without a note.

use super::venue::VenueEvent;
use crate::role::Role;
use serde::Serialize;
use std::collections::{BTreeMap, VecDeque};

/// How many entries the timeline keeps before folding the oldest into a summary.
pub const TIMELINE_LIMIT: usize = 10_000;
/// How many of the oldest entries one fold summarises.
pub const TIMELINE_FOLD: usize = 1_000;

/// The kinds the timeline can be filtered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Join,
    Leave,
    WaitingRoom,
    Role,
    Service,
    Presentation,
    Layout,
    Stream,
    Command,
    /// What the console's venue list did and saw: calls, drops, redials.
    Venue,
    Summary,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Join,
        Kind::Leave,
        Kind::WaitingRoom,
        Kind::Role,
        Kind::Service,
        Kind::Presentation,
        Kind::Layout,
        Kind::Stream,
        Kind::Command,
        Kind::Venue,
        Kind::Summary,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Join => "join",
            Kind::Leave => "leave",
            Kind::WaitingRoom => "waiting_room",
            Kind::Role => "role",
            Kind::Service => "service",
            Kind::Presentation => "presentation",
            Kind::Layout => "layout",
            Kind::Stream => "stream",
            Kind::Command => "command",
            Kind::Venue => "venue",
            Kind::Summary => "summary",
        }
    }
}

/// Why a participant left, as far as the console can tell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum LeaveReason {
    /// The platform deleted the participant and said no more.
    Left,
    /// This console's `disconnect` of the participant succeeded just before.
    RemovedByConsole,
    /// Missing from the list the stream restated after it was lost: left while the console could
    /// not see it (the time is the loss's).
    DuringStreamLoss,
    /// The platform's `call_disconnected` reason for this participant's call.
    CallDisconnected(String),
}

/// A command this console sent and how it ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommandRecord {
    /// Unix seconds at which the outcome was known.
    pub at: f64,
    /// The command's path in the API (`lock`, `dial`, `participants/mute`, ...).
    pub command: String,
    /// What it was about beyond its target: a dial's destination, a role, a layout. Never DTMF
    /// digits or a PIN.
    pub detail: String,
    /// The participants it was sent to (uuid, name as shown then).
    pub targets: Vec<(String, String)>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "reason", rename_all = "snake_case")]
pub enum Outcome {
    Done,
    /// The platform's reason, or the console's (a timeout, a network error).
    Failed(String),
}

impl CommandRecord {
    /// A conference command (`lock`, `dial`, ...).
    pub fn room(
        at: f64,
        command: crate::Command,
        detail: impl Into<String>,
        outcome: Outcome,
    ) -> Self {
        CommandRecord {
            at,
            command: command.path().to_owned(),
            detail: detail.into(),
            targets: Vec::new(),
            outcome,
        }
    }

    /// A participant command. The detail of `dtmf` is dropped: its digits may be a PIN.
    pub fn participant(
        at: f64,
        command: crate::ParticipantCommand,
        targets: Vec<(String, String)>,
        detail: impl Into<String>,
        outcome: Outcome,
    ) -> Self {
        let detail = match command {
            crate::ParticipantCommand::Dtmf => String::new(),
            _ => detail.into(),
        };
        CommandRecord {
            at,
            command: format!("participants/{}", command.path()),
            detail,
            targets,
            outcome,
        }
    }

    pub fn failed(&self) -> bool {
        matches!(self.outcome, Outcome::Failed(_))
    }
}

/// The oldest entries, folded: how many of each kind, from when to when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub from: f64,
    pub to: f64,
    pub count: usize,
    pub by_kind: BTreeMap<Kind, usize>,
}

/// What one entry says happened.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum What {
    /// Arrived; `present` when already there as the console joined (its first list).
    Joined {
        present: bool,
        rejoin: bool,
    },
    Left {
        reason: LeaveReason,
    },
    EnteredWaitingRoom,
    Admitted,
    RoleChanged {
        role: Role,
    },
    Locked {
        locked: bool,
    },
    GuestsMuted {
        muted: bool,
    },
    Started,
    PresentationStarted {
        presenter: String,
    },
    PresentationStopped {
        revoked: bool,
    },
    LayoutChanged {
        view: String,
    },
    /// A sub-call ended with the platform's reason.
    CallEnded {
        call_uuid: String,
        reason: String,
    },
    StreamLost,
    /// The stream's restated list compared with what was known.
    Resynced {
        joined: usize,
        left: usize,
        gap: f64,
    },
    /// The platform ended this console's session.
    Ended {
        reason: String,
    },
    Command(CommandRecord),
    /// The entry's name is the venue's.
    Venue(VenueEvent),
    Summary(Summary),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// Its place in the timeline, set when it is added: a stable key for a view.
    pub seq: u64,
    /// Unix seconds.
    pub at: f64,
    /// The participant it is about, if one.
    pub uuid: Option<String>,
    /// Its name as shown then (blank when about no one).
    pub name: String,
    #[serde(flatten)]
    pub what: What,
}

impl Entry {
    pub fn kind(&self) -> Kind {
        match &self.what {
            What::Joined { .. } => Kind::Join,
            What::Left { .. } => Kind::Leave,
            What::EnteredWaitingRoom | What::Admitted => Kind::WaitingRoom,
            What::RoleChanged { .. } => Kind::Role,
            What::Locked { .. } | What::GuestsMuted { .. } | What::Started | What::Ended { .. } => {
                Kind::Service
            }
            What::PresentationStarted { .. } | What::PresentationStopped { .. } => {
                Kind::Presentation
            }
            What::LayoutChanged { .. } => Kind::Layout,
            What::CallEnded { .. } | What::StreamLost | What::Resynced { .. } => Kind::Stream,
            What::Command(_) => Kind::Command,
            What::Venue(_) => Kind::Venue,
            What::Summary(_) => Kind::Summary,
        }
    }

    /// Whether it concerns this participant: as its subject or as a command's target.
    pub fn concerns(&self, uuid: &str) -> bool {
        self.uuid.as_deref() == Some(uuid)
            || matches!(&self.what, What::Command(c) if c.targets.iter().any(|(u, _)| u == uuid))
    }
}

/// Which entries to show: none of the kinds listed in `hidden`, and when `participants` names
/// any, only those about one of them (a person who rejoined has one uuid per session).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub hidden: Vec<Kind>,
    pub participants: Vec<String>,
}

impl Filter {
    pub fn matches(&self, e: &Entry) -> bool {
        // A summary stands for entries of every kind and participant, so it always shows.
        if e.kind() == Kind::Summary {
            return true;
        }
        !self.hidden.contains(&e.kind())
            && (self.participants.is_empty() || self.participants.iter().any(|u| e.concerns(u)))
    }
}

#[derive(Debug, Clone)]
pub struct Timeline {
    entries: VecDeque<Entry>,
    next_seq: u64,
    limit: usize,
    fold: usize,
}

impl Default for Timeline {
    fn default() -> Self {
        Timeline::with_limits(TIMELINE_LIMIT, TIMELINE_FOLD)
    }
}

impl Timeline {
    /// A timeline of at most `limit` entries that folds the oldest `fold` when full.
    pub fn with_limits(limit: usize, fold: usize) -> Self {
        let limit = limit.max(2);
        Timeline {
            entries: VecDeque::new(),
            next_seq: 0,
            limit,
            fold: fold.clamp(1, limit - 1),
        }
    }

    pub fn push(&mut self, mut entry: Entry) {
        if self.entries.len() >= self.limit {
            self.fold_oldest();
        }
        self.next_seq += 1;
        entry.seq = self.next_seq;
        self.entries.push_back(entry);
    }

    /// Replaces the oldest entries by one summary, merged into the summary already at the front.
    fn fold_oldest(&mut self) {
        // The summary keeps the key of the first entry it folded.
        let seq = self.entries.front().map_or(0, |e| e.seq);
        let mut summary = match self.entries.front() {
            Some(Entry {
                what: What::Summary(s),
                ..
            }) => {
                let s = s.clone();
                self.entries.pop_front();
                s
            }
            _ => Summary {
                from: self.entries.front().map_or(0.0, |e| e.at),
                to: 0.0,
                count: 0,
                by_kind: BTreeMap::new(),
            },
        };
        for e in self.entries.drain(..self.fold.min(self.entries.len())) {
            summary.to = e.at;
            summary.count += 1;
            *summary.by_kind.entry(e.kind()).or_default() += 1;
        }
        self.entries.push_front(Entry {
            seq,
            at: summary.from,
            uuid: None,
            name: String::new(),
            what: What::Summary(summary),
        });
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry, oldest first.
    pub fn entries(&self) -> impl DoubleEndedIterator<Item = &Entry> + ExactSizeIterator {
        self.entries.iter()
    }

    /// The entries the filter lets through, newest first, at most `max` of them.
    pub fn newest(&self, filter: &Filter, max: usize) -> Vec<&Entry> {
        self.entries
            .iter()
            .rev()
            .filter(|e| filter.matches(e))
            .take(max)
            .collect()
    }
}
