//! `huikong-sim replay FILE`: feeds a captured event stream through the shared conference state
//! machine and shows the state it ends in, with what it had to make of events that did not
//! arrive in the document's shape: fields coerced or left at their defaults, revoked
//! presentations, and the events it could not read at all.

use huikong_protocol::sse::{parse_all, SseFrame};
use huikong_protocol::{ChatMessage, Conference, Event, CHAT_HISTORY_LIMIT};
use serde_json::{json, Value};
use std::collections::VecDeque;

/// What a replay found.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplayReport {
    /// The state after every event of the capture.
    pub state: Value,
    /// The events that could not be decoded, each with its reason.
    pub skipped: Vec<String>,
    /// One line per coerced or dropped field, and per revoked presentation.
    pub notes: Vec<String>,
}

impl ReplayReport {
    /// The lines to print beside the state: what was skipped, then what was noted.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        let skipped = self.skipped.iter().map(|s| format!("skipped {s}"));
        skipped.chain(self.notes.iter().cloned())
    }
}

/// The state after every event of `capture`, and the events that could not be decoded.
pub fn replay(capture: &str) -> (Value, Vec<String>) {
    let r = replay_report(capture);
    (r.state, r.skipped)
}

/// Replays `capture` and reports the state, the skipped events and the notes.
pub fn replay_report(capture: &str) -> ReplayReport {
    let mut conference = Conference::new();
    // The state machine reports messages without keeping them; the replay keeps the chat.
    let mut chat = VecDeque::new();
    let (mut skipped, mut notes) = (Vec::new(), Vec::new());
    for frame in parse_all(capture) {
        let at = label(&frame);
        match Event::decode_reported(&frame.event, &frame.data) {
            Ok(decoded) => {
                let name = decoded.event.name();
                notes.extend(decoded.notes.iter().map(|n| format!("{at}: {name}: {n}")));
                if decoded.event == Event::PresentationRevoked {
                    notes.push(format!("{at}: {name}: the presentation was revoked"));
                }
                conference.apply(&decoded.event);
                if let Event::Message(m) = decoded.event {
                    if chat.len() == CHAT_HISTORY_LIMIT {
                        chat.pop_front();
                    }
                    chat.push_back(m);
                }
            }
            Err(e) => skipped.push(format!("{at}: {e}")),
        }
    }
    ReplayReport {
        state: state_json(&conference, &chat),
        skipped,
        notes,
    }
}

/// Names an event of the capture by its `id:`, as a reader of the file would look for it.
fn label(frame: &SseFrame) -> String {
    match &frame.id {
        Some(id) => format!("event id {id}"),
        None => "event without id".into(),
    }
}

pub fn state_json(c: &Conference, chat: &VecDeque<ChatMessage>) -> Value {
    let participants: Vec<_> = c.participants().values().collect();
    json!({
        "participants": participants,
        "service": {
            "locked": c.service.locked,
            "guests_muted": c.service.guests_muted,
            "started": c.service.started,
        },
        "layout": c.layout,
        "stage": c.stage,
        "presentation": {
            "active": c.presentation.active,
            "presenter_name": c.presentation.presenter_name,
            "presenter_uri": c.presentation.presenter_uri,
            "frame": c.presentation.frame,
        },
        "chat": chat,
        "ended": c.ended,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use huikong_protocol::sse::write_frame;

    fn capture(events: &[(&str, &str)]) -> String {
        let frames = events.iter().enumerate();
        frames
            .map(|(i, (name, data))| write_frame(i as u64 + 1, name, data))
            .collect()
    }

    #[test]
    fn a_layout_naming_one_participant_as_a_string_is_kept_and_noted() {
        let r = replay_report(&capture(&[
            ("layout", r#"{"view": "1:7", "participants": ["a", "b"]}"#),
            ("layout", r#"{"view": "1:0", "participants": "a"}"#),
        ]));
        assert!(r.skipped.is_empty(), "{:?}", r.skipped);
        assert_eq!(
            r.state["layout"],
            json!({"view": "1:0", "participants": ["a"]})
        );
        assert_eq!(
            r.notes,
            ["event id 2: layout: participants: a string, read as a one-item list"]
        );
    }

    #[test]
    fn a_start_naming_nobody_ends_the_presentation_and_is_noted() {
        let r = replay_report(&capture(&[
            (
                "presentation_start",
                r#"{"presenter_name": "Bob", "presenter_uri": "bob@example.com"}"#,
            ),
            ("presentation_frame", "{}"),
            (
                "presentation_start",
                r#"{"presenter_name": "", "presenter_uri": ""}"#,
            ),
        ]));
        assert_eq!(
            r.state["presentation"],
            json!({"active": false, "presenter_name": "", "presenter_uri": "", "frame": 0})
        );
        assert_eq!(
            r.notes,
            ["event id 3: presentation_start: the presentation was revoked"]
        );
    }

    #[test]
    fn an_event_without_its_identity_is_skipped_with_its_reason() {
        let r = replay_report(&capture(&[(
            "participant_update",
            r#"{"display_name": "幽灵"}"#,
        )]));
        assert_eq!(r.skipped, ["event id 1: participant_update: no uuid"]);
        let lines: Vec<String> = r.lines().collect();
        assert_eq!(lines, ["skipped event id 1: participant_update: no uuid"]);
        assert_eq!(r.state["participants"], json!([]));
    }
}
