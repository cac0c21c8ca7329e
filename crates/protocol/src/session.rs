//! checkJoin and the access-control commands: new_session, refresh_session, end_session.

use crate::flex;
use crate::participant::ServiceType;
use crate::role::{self, Role};
use serde::{Deserialize, Serialize};

/// Body of `POST {apiServer}/api/v3/meet/checkJoin.shtml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckJoinRequest {
    pub join_account: String,
    #[serde(default)]
    pub join_pwd: String,
    pub participant_name: String,
}

/// checkJoin's own envelope: `code` "200" is success, anything else a failure with `msg`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckJoinResponse {
    #[serde(deserialize_with = "flex::text")]
    pub code: String,
    #[serde(default)]
    pub time_stamp: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msg: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<CheckJoinResults>,
}

impl CheckJoinResponse {
    /// The results on success, or the platform's message on failure.
    pub fn into_result(self) -> Result<CheckJoinResults, String> {
        match (self.code.trim() == "200", self.results) {
            (true, Some(r)) => Ok(r),
            (true, None) => Err("checkJoin answered 200 without results".into()),
            (false, _) => Err(self
                .msg
                .unwrap_or_else(|| format!("checkJoin code {}", self.code))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckJoinResults {
    #[serde(default, deserialize_with = "flex::bool")]
    pub is_dot: bool,
    #[serde(default, deserialize_with = "flex::text")]
    pub sipkey: String,
    #[serde(default)]
    pub alias: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub participant_name: String,
    #[serde(default, with = "role::check_join")]
    pub role_type: Option<Role>,
    pub mcu_host: String,
    #[serde(default, deserialize_with = "flex::text")]
    pub company_id: String,
    #[serde(default, deserialize_with = "flex::bool")]
    pub is_record: bool,
    #[serde(default, deserialize_with = "flex::bool")]
    pub is_live: bool,
    #[serde(default)]
    pub conference_name: String,
    #[serde(
        default = "yes",
        deserialize_with = "flex::bool",
        serialize_with = "flex::write_lower_yes_no"
    )]
    pub allow_guest: bool,
}

fn yes() -> bool {
    true
}

/// Body of new_session. The PIN travels in the `pin` header, not here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewSessionRequest {
    pub display_name: String,
    #[serde(
        default,
        deserialize_with = "flex::bool",
        serialize_with = "flex::write_lower_yes_no"
    )]
    pub hideme: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeVersion {
    #[serde(default)]
    pub pseudo_version: String,
    #[serde(default, deserialize_with = "flex::text")]
    pub version_id: String,
}

/// Result of new_session. Fields the enterprise cloud leaves out are optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewSessionResult {
    pub token: String,
    #[serde(
        deserialize_with = "flex::seconds",
        serialize_with = "flex::write_seconds_text"
    )]
    pub expires: f64,
    pub participant_uuid: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<NodeVersion>,
    #[serde(with = "role_session_field")]
    pub role: Role,
    #[serde(default, deserialize_with = "flex::bool")]
    pub chat_enabled: bool,
    #[serde(default)]
    pub service_type: ServiceType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stun: Option<serde_json::Value>,
    #[serde(default)]
    pub display_name: String,
    #[serde(default, deserialize_with = "flex::bool")]
    pub analytics_enabled: bool,
    #[serde(default)]
    pub current_service_type: ServiceType,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "flex::opt_bool"
    )]
    pub allow_1080p: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bandwidth_in: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bandwidth_out: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_type: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "flex::opt_bool"
    )]
    pub fecc_enabled: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "flex::opt_bool"
    )]
    pub guests_can_present: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "flex::opt_bool"
    )]
    pub rtmp_enabled: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "flex::opt_bool"
    )]
    pub rtsp_enabled: Option<bool>,
}

/// Result of refresh_session: a new token; the old one stays valid until its own expiry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefreshSessionResult {
    pub token: String,
    #[serde(
        deserialize_with = "flex::seconds",
        serialize_with = "flex::write_seconds_text"
    )]
    pub expires: f64,
    #[serde(
        default,
        alias = "Role",
        skip_serializing_if = "Option::is_none",
        serialize_with = "role::opt_session::serialize"
    )]
    pub role: Option<Role>,
}

/// The session spelling (`HOST`/`GUEST`) on the way out; any spelling on the way in.
mod role_session_field {
    use crate::role::Role;
    use serde::{Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(r: &Role, s: S) -> Result<S::Ok, S::Error> {
        crate::role::session::serialize(r, s)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Role, D::Error> {
        Role::deserialize(d)
    }
}
