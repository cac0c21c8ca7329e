//! The bodies of the events that carry one, each read field by field ([`crate::fields`]).
//! The participant events' body is [`crate::Participant`].

use crate::fields::{deserialize_from_fields, Fields, FromFields};
use crate::DecodeError;
use serde::Serialize;

/// Body of `presentation_start`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PresentationStart {
    pub presenter_name: String,
    pub presenter_uri: String,
}

impl PresentationStart {
    /// A start that names no presenter (name and uri blank) is how the platform says the
    /// presentation was revoked: it ends one rather than starting one.
    pub fn is_revocation(&self) -> bool {
        self.presenter_name.trim().is_empty() && self.presenter_uri.trim().is_empty()
    }
}

impl FromFields for PresentationStart {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(PresentationStart {
            presenter_name: f.text("presenter_name"),
            presenter_uri: f.text("presenter_uri"),
        })
    }
}

/// Body of `service_update`. Fields are optional so a partial update changes only what it names.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ServiceUpdate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guests_muted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started: Option<bool>,
}

impl FromFields for ServiceUpdate {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(ServiceUpdate {
            locked: f.flag("locked"),
            guests_muted: f.flag("guests_muted"),
            started: f.flag("started"),
        })
    }
}

/// Body of `layout`: the view and who is on screen, current speaker first.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LayoutView {
    pub view: String,
    /// A direct-media call sends the one uuid as a string: read as a one-item list.
    pub participants: Vec<String>,
}

impl FromFields for LayoutView {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(LayoutView {
            view: f.text("view"),
            participants: f.text_list("participants"),
        })
    }
}

/// Body of `message`: a chat message to everyone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChatMessage {
    pub origin: String,
    #[serde(rename = "type")]
    pub mime_type: String,
    pub payload: String,
    pub uuid: String,
}

impl FromFields for ChatMessage {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(ChatMessage {
            origin: f.text("origin"),
            mime_type: f.text("type"),
            payload: f.text("payload"),
            uuid: f.text("uuid"),
        })
    }
}

/// One entry of `stage`, which arrives ordered by speaking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageEntry {
    pub stage_index: u32,
    pub participant_uuid: String,
    /// 0 silent .. 100 speaking.
    pub vad: u32,
}

impl StageEntry {
    pub fn is_speaking(&self) -> bool {
        self.vad > 0
    }
}

impl FromFields for StageEntry {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(StageEntry {
            participant_uuid: f.identity("participant_uuid")?,
            stage_index: f.count("stage_index").unwrap_or_default(),
            vad: f.count("vad").unwrap_or_default(),
        })
    }
}

deserialize_from_fields!(
    PresentationStart,
    ServiceUpdate,
    LayoutView,
    ChatMessage,
    StageEntry
);
