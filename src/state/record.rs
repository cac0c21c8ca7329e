//! The meeting record in the state layer: the protocol crate's pure `Record` behind signals.
//! Only the live session's stream (events, and the moments it was lost) and the platform
//! client (every command with its outcome, and what the venue list saw of its venues' calls)
//! write it, through [`RecordWriter`]; views get the read side, [`MeetingRecord`].

use huikong_protocol::record::{Alert, CommandRecord, Outcome, Record, VenueEvent};
use huikong_protocol::{ApiFailure, Command, Event, ParticipantCommand};
use leptos::prelude::*;

/// The record as views see it. Reading through [`MeetingRecord::with`] subscribes to its
/// revision, which moves with every input.
#[derive(Debug, Clone, Copy)]
pub struct MeetingRecord {
    record: StoredValue<Record>,
    rev: ReadSignal<u64>,
    alert: ReadSignal<Option<(u64, Alert)>>,
}

impl MeetingRecord {
    /// Reads the record, subscribing to its changes.
    pub fn with<T>(&self, f: impl FnOnce(&Record) -> T) -> Option<T> {
        self.rev.track();
        self.record.try_with_value(f)
    }

    /// Reads the record without subscribing (an export, made once on a click).
    pub fn with_untracked<T>(&self, f: impl FnOnce(&Record) -> T) -> Option<T> {
        self.record.try_with_value(f)
    }

    /// The latest alert with its sequence number (the count of alerts raised so far).
    pub fn alert(&self) -> ReadSignal<Option<(u64, Alert)>> {
        self.alert
    }
}

/// The write side: held by the live session's stream and its platform client only.
#[derive(Debug, Clone, Copy)]
pub struct RecordWriter {
    read: MeetingRecord,
    rev: WriteSignal<u64>,
    alert: WriteSignal<Option<(u64, Alert)>>,
}

fn now_s() -> f64 {
    js_sys::Date::now() / 1000.0
}

impl RecordWriter {
    /// An empty record and its writer.
    #[allow(clippy::new_without_default)]
    pub fn new() -> RecordWriter {
        let (rev, w_rev) = signal(0);
        let (alert, w_alert) = signal(None);
        RecordWriter {
            read: MeetingRecord {
                record: StoredValue::new(Record::new()),
                rev,
                alert,
            },
            rev: w_rev,
            alert: w_alert,
        }
    }

    pub fn read(&self) -> MeetingRecord {
        self.read
    }

    fn update(&self, f: impl FnOnce(&mut Record) -> Vec<Alert>) {
        let Some(alerts) = self.read.record.try_update_value(f) else {
            return;
        };
        self.rev.try_update(|n| *n += 1);
        for a in alerts {
            self.alert.try_update(|last| {
                let seq = last.as_ref().map_or(0, |(n, _)| *n) + 1;
                *last = Some((seq, a));
            });
        }
    }

    /// An event of the stream, as it is applied to the store.
    pub fn event(&self, ev: &Event) {
        // Frames and speaking levels come every second and say nothing the record keeps.
        if matches!(ev, Event::PresentationFrame | Event::Stage(_)) {
            return;
        }
        let at = now_s();
        self.update(|r| r.event(at, ev));
    }

    /// The stream broke: the resync that follows is compared with what was known.
    pub fn stream_lost(&self) {
        let at = now_s();
        self.update(|r| r.stream_lost(at));
    }

    /// A disconnect or transfer of `uuid` is being sent.
    pub fn removing(&self, uuid: &str) {
        let at = now_s();
        self.update(|r| {
            r.removing(at, uuid);
            Vec::new()
        });
    }

    /// What happened to a venue of the console's list.
    pub fn venue(&self, name: &str, uuid: Option<String>, event: VenueEvent) {
        let at = now_s();
        self.update(|r| r.venue(at, name, uuid, event));
    }

    /// A conference command's outcome. Reads (`service_status`, `participants`) and the
    /// session's own bookkeeping are not commands the host gave, so they are not recorded.
    pub fn room_command<T>(&self, c: Command, detail: &str, result: &Result<T, impl Reason>) {
        if c.is_get() || matches!(c, Command::RefreshSession | Command::EndSession) {
            return;
        }
        let rec = CommandRecord::room(now_s(), c, detail, outcome(result));
        self.update(|r| r.command(rec));
    }

    /// A participant command's outcome; the target's name is taken from the meeting.
    pub fn participant_command<T>(
        &self,
        uuid: &str,
        c: ParticipantCommand,
        detail: &str,
        result: &Result<T, impl Reason>,
    ) {
        let rec = CommandRecord::participant(
            now_s(),
            c,
            vec![(uuid.to_owned(), String::new())],
            detail,
            outcome(result),
        );
        self.update(|r| r.command(rec));
    }
}

/// Why a command failed, in the platform's words where it gave some (the record is not worded
/// in the page's language: it is exported and read later).
pub trait Reason {
    fn reason(&self) -> String;
}

/// A failure's words: the platform's reason, or the HTTP status of an answer that was no
/// envelope (a gateway's page is no reason).
pub fn failure_reason(f: &ApiFailure) -> String {
    match f {
        ApiFailure::Malformed { http_status, .. } if !(200..300).contains(http_status) => {
            format!("HTTP {http_status}")
        }
        f => f.reason(),
    }
}

fn outcome<T>(result: &Result<T, impl Reason>) -> Outcome {
    match result {
        Ok(_) => Outcome::Done,
        Err(e) => Outcome::Failed(e.reason()),
    }
}

/// What a command's body says that the record keeps: a dial's destination, a role, a layout.
/// Nothing else of a body is kept (a dial's DTMF sequence may carry a PIN).
pub fn body_detail(body: &serde_json::Value) -> String {
    ["destination", "role", "layout", "view"]
        .iter()
        .find_map(|k| body.get(k).and_then(|v| v.as_str()))
        .unwrap_or_default()
        .to_owned()
}
