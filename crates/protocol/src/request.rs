//! Bodies of the conference and participant commands (their structured results are in
//! [`crate::results`]).

use crate::loose_values;
use crate::role::Role;
use serde::{Deserialize, Serialize};

/// Body of `dial`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DialRequest {
    pub role: Role,
    pub destination: String,
    pub protocol: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presentation_url: Option<String>,
    /// `"yes"` / `"no"`; `no` by default, `yes` for an RTMP streaming call. Left out when `no`,
    /// as the document's own example does.
    #[serde(
        default,
        skip_serializing_if = "is_false",
        deserialize_with = "loose_values::bool",
        serialize_with = "loose_values::write_lower_yes_no"
    )]
    pub streaming: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dtmf_sequence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_display_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_conference_alive: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_display_name: Option<String>,
}

fn is_false(v: &bool) -> bool {
    !*v
}

/// The protocols `dial` accepts.
pub const DIAL_PROTOCOLS: [&str; 7] = ["sip", "h323", "rtmp", "mssip", "rtsp", "phone", "auto"];
/// The call types `dial` accepts.
pub const DIAL_CALL_TYPES: [&str; 3] = ["video", "video-only", "audio"];
/// The keep-alive policies `dial` accepts.
pub const KEEP_ALIVE_POLICIES: [&str; 3] = [
    "keep_conference_alive",
    "keep_conference_alive_if_multiple",
    "keep_conference_alive_never",
];

impl DialRequest {
    pub fn new(destination: impl Into<String>, protocol: impl Into<String>, role: Role) -> Self {
        DialRequest {
            role,
            destination: destination.into(),
            protocol: protocol.into(),
            presentation_url: None,
            streaming: false,
            dtmf_sequence: None,
            source_display_name: None,
            source: None,
            call_type: None,
            keep_conference_alive: None,
            remote_display_name: None,
        }
    }

    /// Why this body is not one the platform takes, if it is not.
    pub fn validate(&self) -> Result<(), String> {
        if self.destination.trim().is_empty() {
            return Err("destination is empty".into());
        }
        if !DIAL_PROTOCOLS.contains(&self.protocol.as_str()) {
            return Err(format!("unknown protocol {:?}", self.protocol));
        }
        if let Some(t) = &self.call_type {
            if !DIAL_CALL_TYPES.contains(&t.as_str()) {
                return Err(format!("unknown call_type {t:?}"));
            }
        }
        if let Some(k) = &self.keep_conference_alive {
            if !KEEP_ALIVE_POLICIES.contains(&k.as_str()) {
                return Err(format!("unknown keep_conference_alive {k:?}"));
            }
        }
        if let Some(d) = &self.dtmf_sequence {
            validate_dtmf(d)?;
        }
        Ok(())
    }
}

/// Body of `message` (to everyone).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageRequest {
    #[serde(rename = "type", default = "text_plain")]
    pub mime_type: String,
    pub payload: String,
}

fn text_plain() -> String {
    "text/plain".into()
}

impl MessageRequest {
    pub fn text(payload: impl Into<String>) -> Self {
        MessageRequest {
            mime_type: text_plain(),
            payload: payload.into(),
        }
    }
}

/// The five layouts `override_layout` accepts.
pub const LAYOUTS: [&str; 5] = ["1:0", "4:0", "1:7", "1:21", "2:21"];

/// How many participants one of the five layouts shows; `None` for another view.
pub fn layout_capacity(view: &str) -> Option<usize> {
    match view {
        "1:0" => Some(1),
        "4:0" => Some(4),
        "1:7" => Some(8),
        "1:21" => Some(22),
        "2:21" => Some(23),
        _ => None,
    }
}

/// Who a layout override applies to: `"hosts"` or `""` (guests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    #[serde(rename = "hosts", alias = "host")]
    Hosts,
    #[serde(rename = "", alias = "guests")]
    Guests,
}

/// One entry of `override_layout`'s `layouts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LayoutOverride {
    pub audience: Audience,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default, deserialize_with = "loose_values::bool")]
    pub vad_backfill: bool,
    pub layout: String,
    #[serde(default = "auto")]
    pub plus_n: String,
    #[serde(default = "auto")]
    pub actors_overlay_text: String,
}

fn auto() -> String {
    "auto".into()
}

impl LayoutOverride {
    /// An override as the document prescribes it: `plus_n` is `off` when actors are named.
    pub fn new(audience: Audience, layout: &str, actors: Vec<String>, vad_backfill: bool) -> Self {
        LayoutOverride {
            audience,
            plus_n: if actors.is_empty() {
                auto()
            } else {
                "off".into()
            },
            actors,
            vad_backfill,
            layout: layout.into(),
            actors_overlay_text: auto(),
        }
    }
}

/// Body of `override_layout`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverrideLayoutRequest {
    pub layouts: Vec<LayoutOverride>,
}

impl OverrideLayoutRequest {
    pub fn validate(&self) -> Result<(), String> {
        if self.layouts.is_empty() {
            return Err("no layouts".into());
        }
        for l in &self.layouts {
            if !LAYOUTS.contains(&l.layout.as_str()) {
                return Err(format!("unknown layout {:?}", l.layout));
            }
        }
        Ok(())
    }
}

/// Body of participant `role`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleRequest {
    pub role: Role,
}

/// Body of participant `transfer`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TransferRequest {
    pub role: Role,
    pub conference_alias: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
}

/// Body of participant `dtmf`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DtmfRequest {
    pub digits: String,
}

/// DTMF digits are `0-9 * # A-D`.
pub fn validate_dtmf(digits: &str) -> Result<(), String> {
    if digits.is_empty() {
        return Err("no digits".into());
    }
    match digits
        .chars()
        .find(|c| !matches!(c, '0'..='9' | '*' | '#' | 'A'..='D'))
    {
        Some(c) => Err(format!("{c:?} is not a DTMF digit")),
        None => Ok(()),
    }
}

/// Body of participant `calls`: WebRTC (with `sdp`) or RTMP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallsRequest {
    pub call_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdp: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub present: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "loose_values::opt_bool"
    )]
    pub streaming: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bandwidth: Option<u32>,
}

impl CallsRequest {
    /// The RTMP form, the only one a control console offers.
    pub fn rtmp(streaming: bool) -> Self {
        CallsRequest {
            call_type: "RTMP".into(),
            sdp: None,
            present: None,
            streaming: Some(streaming),
            bandwidth: None,
        }
    }

    pub fn is_rtmp(&self) -> bool {
        self.call_type.eq_ignore_ascii_case("rtmp")
    }
}
