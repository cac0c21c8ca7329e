//! The structured results of `service_status` and participant `calls`, read field by field
//! ([`crate::fields`]).

use crate::fields::{deserialize_from_fields, Fields, FromFields};
use crate::DecodeError;
use serde::Serialize;

/// Result of participant `calls`. `call_uuid` names the new call: without it there is none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallsResult {
    pub call_uuid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sdp: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secure_url: Option<String>,
}

impl FromFields for CallsResult {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(CallsResult {
            call_uuid: f.identity("call_uuid")?,
            sdp: f.opt_text("sdp"),
            url: f.opt_text("url"),
            secure_url: f.opt_text("secure_url"),
        })
    }
}

/// Result of `service_status`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ServiceStatus {
    pub guests_muted: bool,
    pub locked: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whiteboard: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wb_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub live_status: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_status: Option<serde_json::Value>,
}

impl FromFields for ServiceStatus {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        // The document spells these two capitalised in one place.
        f.alias("live_status", "Live_status");
        f.alias("record_status", "Record_status");
        Ok(ServiceStatus {
            guests_muted: f.flag("guests_muted").unwrap_or_default(),
            locked: f.flag("locked").unwrap_or_default(),
            started: f.flag("started"),
            whiteboard: f.flag("whiteboard"),
            wb_url: f.opt_text("wb_url"),
            live_status: f.raw("live_status"),
            record_status: f.raw("record_status"),
        })
    }
}

deserialize_from_fields!(CallsResult, ServiceStatus);
