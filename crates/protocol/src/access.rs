//! checkJoin and the access-control commands: new_session, refresh_session, end_session.

use crate::fields::{deserialize_from_fields, Fields, FromFields};
use crate::loose_values;
use crate::participant::ServiceType;
use crate::role::{self, Role};
use crate::DecodeError;
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
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckJoinResponse {
    pub code: String,
    pub time_stamp: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub msg: Option<String>,
    /// Left out when it cannot be read; [`CheckJoinResponse::into_result`] then says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub results: Option<CheckJoinResults>,
}

/// `code` is checkJoin's verdict: without it the reply says nothing.
impl FromFields for CheckJoinResponse {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        let code = f.number_text("code");
        if code.trim().is_empty() {
            return Err(DecodeError("no code".into()));
        }
        Ok(CheckJoinResponse {
            code,
            time_stamp: f.text("timeStamp"),
            msg: f.opt_text("msg"),
            results: f.object("results"),
        })
    }
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

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckJoinResults {
    pub is_dot: bool,
    pub sipkey: String,
    pub alias: String,
    pub password: String,
    pub participant_name: String,
    #[serde(serialize_with = "role::check_join::serialize")]
    pub role_type: Option<Role>,
    pub mcu_host: String,
    pub company_id: String,
    pub is_record: bool,
    pub is_live: bool,
    pub conference_name: String,
    #[serde(serialize_with = "loose_values::write_lower_yes_no")]
    pub allow_guest: bool,
}

/// `mcuHost` is where the session is opened: without it there is nothing to join.
impl FromFields for CheckJoinResults {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(CheckJoinResults {
            mcu_host: f.identity("mcuHost")?,
            is_dot: f.flag("isDot").unwrap_or_default(),
            sipkey: f.number_text("sipkey"),
            alias: f.text("alias"),
            password: f.text("password"),
            participant_name: f.text("participantName"),
            // Empty for a point-to-point call: no role.
            role_type: f.word("roleType", "a role", Role::parse),
            company_id: f.number_text("companyId"),
            is_record: f.flag("isRecord").unwrap_or_default(),
            is_live: f.flag("isLive").unwrap_or_default(),
            conference_name: f.text("conferenceName"),
            allow_guest: f.flag("allowGuest").unwrap_or(true),
        })
    }
}

/// Body of new_session. The PIN travels in the `pin` header, not here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewSessionRequest {
    pub display_name: String,
    #[serde(
        default,
        deserialize_with = "loose_values::bool",
        serialize_with = "loose_values::write_lower_yes_no"
    )]
    pub hideme: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeVersion {
    pub pseudo_version: String,
    pub version_id: String,
}

impl FromFields for NodeVersion {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(NodeVersion {
            pseudo_version: f.text("pseudo_version"),
            version_id: f.number_text("version_id"),
        })
    }
}

/// Result of new_session. Fields the enterprise cloud leaves out are optional.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewSessionResult {
    pub token: String,
    #[serde(serialize_with = "loose_values::write_seconds_text")]
    pub expires: f64,
    pub participant_uuid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<NodeVersion>,
    #[serde(serialize_with = "role::session::serialize")]
    pub role: Role,
    pub chat_enabled: bool,
    pub service_type: ServiceType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stun: Option<serde_json::Value>,
    pub display_name: String,
    pub analytics_enabled: bool,
    pub current_service_type: ServiceType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_1080p: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bandwidth_in: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bandwidth_out: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fecc_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guests_can_present: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rtmp_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rtsp_enabled: Option<bool>,
}

/// The token, its lifetime and whose it is identify a session: a reply without any of them is
/// refused. A lifetime guessed at could let the token lapse unrefreshed.
impl FromFields for NewSessionResult {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        Ok(NewSessionResult {
            token: f.identity("token")?,
            expires: expires(f)?,
            participant_uuid: f.identity("participant_uuid")?,
            version: f.object("version"),
            // A role spelling no reader knows leaves the session a guest's: fewer controls
            // offered, never more.
            role: f.word("role", "a role", Role::parse).unwrap_or_default(),
            chat_enabled: f.flag("chat_enabled").unwrap_or_default(),
            service_type: service_type(f, "service_type"),
            stun: f.raw("stun"),
            display_name: f.text("display_name"),
            analytics_enabled: f.flag("analytics_enabled").unwrap_or_default(),
            current_service_type: service_type(f, "current_service_type"),
            allow_1080p: f.flag("allow_1080p"),
            bandwidth_in: f.count("bandwidth_in"),
            bandwidth_out: f.count("bandwidth_out"),
            call_type: f.opt_text("call_type"),
            fecc_enabled: f.flag("fecc_enabled"),
            guests_can_present: f.flag("guests_can_present"),
            owner: f.opt_text("owner"),
            rtmp_enabled: f.flag("rtmp_enabled"),
            rtsp_enabled: f.flag("rtsp_enabled"),
        })
    }
}

fn expires(f: &mut Fields<'_>) -> Result<f64, DecodeError> {
    f.seconds("expires")
        .ok_or_else(|| DecodeError("no readable expires".into()))
}

fn service_type(f: &mut Fields<'_>, key: &str) -> ServiceType {
    f.word(key, "a service type", |s| Some(ServiceType::parse(s)))
        .unwrap_or_default()
}

/// Result of refresh_session: a new token; the old one stays valid until its own expiry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RefreshSessionResult {
    pub token: String,
    #[serde(serialize_with = "loose_values::write_seconds_text")]
    pub expires: f64,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "role::opt_session::serialize"
    )]
    pub role: Option<Role>,
}

impl FromFields for RefreshSessionResult {
    fn from_fields(f: &mut Fields<'_>) -> Result<Self, DecodeError> {
        f.alias("role", "Role");
        Ok(RefreshSessionResult {
            token: f.identity("token")?,
            expires: expires(f)?,
            role: f.word("role", "a role", Role::parse),
        })
    }
}

deserialize_from_fields!(
    CheckJoinResponse,
    CheckJoinResults,
    NodeVersion,
    NewSessionResult,
    RefreshSessionResult
);
