//! The events of `GET events`: a name (`event:`) and a JSON body (`data:`).

pub use crate::event_bodies::{
    ChatMessage, LayoutView, PresentationStart, ServiceUpdate, StageEntry,
};
use crate::field_note::FieldNote;
use crate::fields::{self, Fields, FromFields};
use crate::participant::Participant;
use crate::DecodeError;
use serde_json::Value;

/// The event names the document lists, as the platform sends them.
pub const EVENT_NAMES: [&str; 14] = [
    "presentation_start",
    "presentation_stop",
    "presentation_frame",
    "participant_create",
    "participant_update",
    "participant_delete",
    "participant_sync_begin",
    "participant_sync_end",
    "service_update",
    "layout",
    "message",
    "stage",
    "call_disconnected",
    "disconnect",
];

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    PresentationStart(PresentationStart),
    /// A `presentation_start` that names no presenter: the platform revoked the presentation.
    /// Decoded as its own variant so no reader mistakes it for a presentation by nobody.
    PresentationRevoked,
    PresentationStop,
    PresentationFrame,
    ParticipantCreate(Participant),
    ParticipantUpdate(Participant),
    ParticipantDelete {
        uuid: String,
    },
    ParticipantSyncBegin,
    ParticipantSyncEnd,
    ServiceUpdate(ServiceUpdate),
    Layout(LayoutView),
    Message(ChatMessage),
    Stage(Vec<StageEntry>),
    CallDisconnected {
        call_uuid: String,
        reason: String,
    },
    Disconnect {
        reason: String,
    },
    /// An event name the document does not list, kept as it came.
    Unknown {
        name: String,
        data: String,
    },
}

/// An event and the notes on the fields that did not arrive as the document shapes them.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub event: Event,
    pub notes: Vec<FieldNote>,
}

struct ParticipantDeleteBody {
    uuid: String,
}

impl FromFields for ParticipantDeleteBody {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(ParticipantDeleteBody {
            uuid: f.identity("uuid")?,
        })
    }
}

/// `call_disconnected`'s `call_uuid` is not required: without it the event still says that a
/// call ended, and why.
struct CallDisconnectedBody {
    call_uuid: String,
    reason: String,
}

impl FromFields for CallDisconnectedBody {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(CallDisconnectedBody {
            call_uuid: f.text("call_uuid"),
            reason: f.text("reason"),
        })
    }
}

struct DisconnectBody {
    reason: String,
}

impl FromFields for DisconnectBody {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(DisconnectBody {
            reason: f.text("reason"),
        })
    }
}

impl Event {
    /// Decodes one event from its name and `data:` text; see [`Event::decode_reported`].
    pub fn decode(name: &str, data: &str) -> Result<Event, DecodeError> {
        Event::decode_reported(name, data).map(|d| d.event)
    }

    /// Decodes one event from its name and `data:` text, with a note on every field that was
    /// coerced or left at its default. Event names are matched without regard to case (the
    /// document writes `Message`, `Stage`, `Disconnect`). Events without a body accept an empty
    /// or any `data:`. An event is refused only when its data is no JSON, its body is not the
    /// object (or for `stage` the list) it must be, or what identifies it is missing: the
    /// participant's `uuid`, a stage entry's `participant_uuid`.
    pub fn decode_reported(name: &str, data: &str) -> Result<Decoded, DecodeError> {
        let lower = name.trim().to_ascii_lowercase();
        let mut notes = Vec::new();
        let event = Event::read(&lower, name, data, &mut notes)
            .map_err(|e| DecodeError(format!("{lower}: {e}")))?;
        Ok(Decoded { event, notes })
    }

    fn read(
        lower: &str,
        name: &str,
        data: &str,
        n: &mut Vec<FieldNote>,
    ) -> Result<Event, DecodeError> {
        let json = || -> Result<Value, DecodeError> {
            let t = data.trim();
            if t.is_empty() {
                return Err(DecodeError("empty data".into()));
            }
            crate::lenient_json::parse_value(t).map_err(DecodeError::from)
        };
        Ok(match lower {
            "presentation_start" => {
                let start: PresentationStart = fields::read(json()?, "", n)?;
                if start.is_revocation() {
                    Event::PresentationRevoked
                } else {
                    Event::PresentationStart(start)
                }
            }
            "presentation_stop" => Event::PresentationStop,
            "presentation_frame" => Event::PresentationFrame,
            "participant_create" => Event::ParticipantCreate(fields::read(json()?, "", n)?),
            "participant_update" => Event::ParticipantUpdate(fields::read(json()?, "", n)?),
            "participant_delete" => {
                let body: ParticipantDeleteBody = fields::read(json()?, "", n)?;
                Event::ParticipantDelete { uuid: body.uuid }
            }
            "participant_sync_begin" => Event::ParticipantSyncBegin,
            "participant_sync_end" => Event::ParticipantSyncEnd,
            "service_update" => Event::ServiceUpdate(fields::read(json()?, "", n)?),
            "layout" => Event::Layout(fields::read(json()?, "", n)?),
            "message" => Event::Message(fields::read(json()?, "", n)?),
            "stage" => Event::Stage(fields::read_list(json()?, "", n)?),
            "call_disconnected" => {
                let b: CallDisconnectedBody = fields::read(json()?, "", n)?;
                Event::CallDisconnected {
                    call_uuid: b.call_uuid,
                    reason: b.reason,
                }
            }
            "disconnect" => {
                // Whatever its body, a disconnect ends the session: a body that gives no reason
                // leaves it unknown, and a bare JSON string is taken as the reason.
                let reason = match json() {
                    Ok(Value::String(s)) => s,
                    Ok(v) => fields::read::<DisconnectBody>(v, "", n)
                        .map(|b| b.reason)
                        .unwrap_or_default(),
                    Err(_) => String::new(),
                };
                Event::Disconnect { reason }
            }
            _ => Event::Unknown {
                name: name.to_owned(),
                data: data.to_owned(),
            },
        })
    }

    /// The event's name as the platform sends it.
    pub fn name(&self) -> &str {
        match self {
            Event::PresentationStart(_) | Event::PresentationRevoked => "presentation_start",
            Event::PresentationStop => "presentation_stop",
            Event::PresentationFrame => "presentation_frame",
            Event::ParticipantCreate(_) => "participant_create",
            Event::ParticipantUpdate(_) => "participant_update",
            Event::ParticipantDelete { .. } => "participant_delete",
            Event::ParticipantSyncBegin => "participant_sync_begin",
            Event::ParticipantSyncEnd => "participant_sync_end",
            Event::ServiceUpdate(_) => "service_update",
            Event::Layout(_) => "layout",
            Event::Message(_) => "message",
            Event::Stage(_) => "stage",
            Event::CallDisconnected { .. } => "call_disconnected",
            Event::Disconnect { .. } => "disconnect",
            Event::Unknown { name, .. } => name,
        }
    }

    /// The `data:` text the platform would send for this event. Events without a body send `{}`:
    /// an EventSource dispatches nothing for an event with no data.
    pub fn data(&self) -> String {
        let v = match self {
            Event::PresentationStart(p) => serde_json::to_value(p),
            Event::PresentationRevoked => {
                Ok(serde_json::json!({ "presenter_name": "", "presenter_uri": "" }))
            }
            Event::ParticipantCreate(p) | Event::ParticipantUpdate(p) => serde_json::to_value(p),
            Event::ParticipantDelete { uuid } => Ok(serde_json::json!({ "uuid": uuid })),
            Event::ServiceUpdate(s) => serde_json::to_value(s),
            Event::Layout(l) => serde_json::to_value(l),
            Event::Message(m) => serde_json::to_value(m),
            Event::Stage(s) => serde_json::to_value(s),
            Event::CallDisconnected { call_uuid, reason } => {
                Ok(serde_json::json!({ "call_uuid": call_uuid, "reason": reason }))
            }
            Event::Disconnect { reason } => Ok(serde_json::json!({ "reason": reason })),
            Event::Unknown { data, .. } => return data.clone(),
            Event::PresentationStop
            | Event::PresentationFrame
            | Event::ParticipantSyncBegin
            | Event::ParticipantSyncEnd => Ok(serde_json::json!({})),
        };
        v.map(|v| v.to_string()).unwrap_or_else(|_| "null".into())
    }
}
