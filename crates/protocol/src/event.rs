//! The events of `GET events`: a name (`event:`) and a JSON body (`data:`).

use crate::flex;
use crate::participant::Participant;
use crate::DecodeError;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PresentationStart {
    #[serde(default)]
    pub presenter_name: String,
    #[serde(default)]
    pub presenter_uri: String,
}

/// Body of `service_update`. Fields are optional so a partial update changes only what it names.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ServiceUpdate {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "flex::opt_bool"
    )]
    pub locked: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "flex::opt_bool"
    )]
    pub guests_muted: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "flex::opt_bool"
    )]
    pub started: Option<bool>,
}

/// Body of `layout`: the view and who is on screen, current speaker first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LayoutView {
    #[serde(default)]
    pub view: String,
    #[serde(default)]
    pub participants: Vec<String>,
}

/// Body of `message`: a chat message to everyone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatMessage {
    #[serde(default)]
    pub origin: String,
    #[serde(rename = "type", default)]
    pub mime_type: String,
    #[serde(default)]
    pub payload: String,
    #[serde(default)]
    pub uuid: String,
}

/// One entry of `stage`, which arrives ordered by speaking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageEntry {
    #[serde(default)]
    pub stage_index: u32,
    pub participant_uuid: String,
    /// 0 silent .. 100 speaking.
    #[serde(default)]
    pub vad: u32,
}

impl StageEntry {
    pub fn is_speaking(&self) -> bool {
        self.vad > 0
    }
}

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

#[derive(Deserialize)]
struct UuidBody {
    uuid: String,
}

#[derive(Deserialize)]
struct CallDisconnectedBody {
    #[serde(default)]
    call_uuid: String,
    #[serde(default)]
    reason: String,
}

#[derive(Deserialize)]
struct DisconnectBody {
    #[serde(default)]
    reason: String,
}

impl Event {
    /// Decodes one event from its name and `data:` text. Event names are matched without regard
    /// to case (the document writes `Message`, `Stage`, `Disconnect`). Events without a body
    /// accept an empty or any `data:`.
    pub fn decode(name: &str, data: &str) -> Result<Event, DecodeError> {
        let lower = name.trim().to_ascii_lowercase();
        let json = || -> Result<Value, DecodeError> {
            let t = data.trim();
            if t.is_empty() {
                return Err(DecodeError(format!("{lower}: empty data")));
            }
            crate::lenient::parse_value(t).map_err(|e| DecodeError(format!("{lower}: {e}")))
        };
        fn body<T: serde::de::DeserializeOwned>(name: &str, v: Value) -> Result<T, DecodeError> {
            serde_json::from_value(v).map_err(|e| DecodeError(format!("{name}: {e}")))
        }
        Ok(match lower.as_str() {
            "presentation_start" => Event::PresentationStart(body(&lower, json()?)?),
            "presentation_stop" => Event::PresentationStop,
            "presentation_frame" => Event::PresentationFrame,
            "participant_create" => Event::ParticipantCreate(body(&lower, json()?)?),
            "participant_update" => Event::ParticipantUpdate(body(&lower, json()?)?),
            "participant_delete" => Event::ParticipantDelete {
                uuid: body::<UuidBody>(&lower, json()?)?.uuid,
            },
            "participant_sync_begin" => Event::ParticipantSyncBegin,
            "participant_sync_end" => Event::ParticipantSyncEnd,
            "service_update" => Event::ServiceUpdate(body(&lower, json()?)?),
            "layout" => Event::Layout(body(&lower, json()?)?),
            "message" => Event::Message(body(&lower, json()?)?),
            "stage" => Event::Stage(body(&lower, json()?)?),
            "call_disconnected" => {
                let b: CallDisconnectedBody = body(&lower, json()?)?;
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
                    Ok(v) => serde_json::from_value::<DisconnectBody>(v)
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
            Event::PresentationStart(_) => "presentation_start",
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
