//! `huikong-sim replay FILE`: feeds a captured event stream through the shared conference state
//! machine and shows the state it ends in.

use huikong_protocol::sse::parse_all;
use huikong_protocol::{Conference, Event};
use serde_json::{json, Value};

/// The state after every event of `capture`, and the events that could not be decoded.
pub fn replay(capture: &str) -> (Value, Vec<String>) {
    let mut conference = Conference::new();
    let mut problems = Vec::new();
    for frame in parse_all(capture) {
        match Event::decode(&frame.event, &frame.data) {
            Ok(event) => {
                conference.apply(&event);
            }
            Err(e) => problems.push(format!("event id {:?}: {e}", frame.id)),
        }
    }
    (state_json(&conference), problems)
}

pub fn state_json(c: &Conference) -> Value {
    let participants: Vec<_> = c.participants().values().collect();
    let chat: Vec<_> = c.chat().collect();
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
