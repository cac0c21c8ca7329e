//! Embedding in a portal: the URL parameters a portal links with, and the postMessage protocol
//! with the parent page (docs/embed.md). This module is the protocol as data, with no browser:
//! [`crate::embed::bridge`] carries it.
//!
//! The PIN and the token never travel in the URL and never leave the console in a message.

use crate::i18n::{Lang, Text, Tr};
use crate::platform::join::{JoinError, JoinParams, Joined};
use huikong_core::util::{node_services_base, normalize_server};
use huikong_protocol::{CheckJoinResults, NewSessionResult, Profile, Role};
use serde::Deserialize;
use serde_json::{json, Value};

/// Every message the console sends carries `source: "huikong"` and this version.
pub const PROTOCOL_VERSION: u32 = 1;
pub const SOURCE: &str = "huikong";

pub use super::launch::LaunchParams;

/// A join asked for by the portal: each field given replaces what the form holds.
#[derive(Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct JoinRequest {
    pub conference: Option<String>,
    pub pin: Option<String>,
    pub name: Option<String>,
    pub hideme: Option<bool>,
    pub profile: Option<String>,
    pub api_server: Option<String>,
}

impl JoinRequest {
    /// The form's parameters with this request's fields put in.
    pub fn merge_into(self, base: JoinParams) -> Result<JoinParams, String> {
        let profile = match self.profile.as_deref() {
            Some(p) => Profile::parse(p).ok_or_else(|| format!("unknown profile {p:?}"))?,
            None => base.profile,
        };
        Ok(JoinParams {
            server: self.api_server.unwrap_or(base.server),
            conference: self.conference.unwrap_or(base.conference),
            pin: self.pin.unwrap_or(base.pin),
            name: self.name.unwrap_or(base.name),
            hideme: self.hideme.unwrap_or(base.hideme),
            profile,
            proxy: base.proxy,
        })
    }
}

/// A session the portal already holds (it ran checkJoin and new_session itself): the console
/// takes it over without asking the platform again. The fields of new_session's result
/// (`token`, `expires`, `participant_uuid`, `role`, `display_name`, ...) sit beside these.
#[derive(Clone, Deserialize)]
pub struct PortalSession {
    /// The conference node: `scheme://host[:port]`, or the whole
    /// `scheme://host[:port]/api/services/{room}/` prefix.
    pub api_base: String,
    pub room: String,
    #[serde(default)]
    pub conference_name: String,
    #[serde(default)]
    pub profile: Option<String>,
    #[serde(flatten)]
    pub granted: NewSessionResult,
}

impl PortalSession {
    /// The session as if the console had joined itself. Under the same-origin proxy (`proxy`:
    /// its server, `https://this.site/platform`) the node the portal names is reached through
    /// it, at `{proxy}/node/{host[:port]}/api/services/...`, never directly.
    pub fn into_joined(
        self,
        page_scheme: &str,
        default_profile: Profile,
        proxy: Option<&str>,
    ) -> Result<Joined, String> {
        let room = self.room.trim().to_owned();
        if room.is_empty() {
            return Err("room is empty".into());
        }
        if self.granted.token.trim().is_empty() {
            return Err("token is empty".into());
        }
        if self.granted.participant_uuid.trim().is_empty() {
            return Err("participant_uuid is empty".into());
        }
        let profile = match self.profile.as_deref() {
            Some(p) => Profile::parse(p).ok_or_else(|| format!("unknown profile {p:?}"))?,
            None => default_profile,
        };
        let given = self.api_base.trim();
        let (origin, base) = match given.find("/api/services/") {
            Some(at) => {
                let origin = normalize_server(&given[..at], page_scheme)?;
                let node = match proxy {
                    Some(proxy) => huikong_core::proxy::proxied_node(proxy, &origin)?,
                    None => origin.clone(),
                };
                let base = format!("{node}{}", &given[at..]);
                let base = if base.ends_with('/') {
                    base
                } else {
                    base + "/"
                };
                (origin, base)
            }
            None => {
                let origin = normalize_server(given, page_scheme)?;
                let base = node_services_base(proxy, &origin, &origin, &room)?;
                (origin, base)
            }
        };
        let host = origin.split_once("://").map_or("", |(_, h)| h).to_owned();
        let check: CheckJoinResults = serde_json::from_value(json!({
            "mcuHost": host,
            "alias": room,
            "conferenceName": self.conference_name,
            "participantName": self.granted.display_name,
        }))
        .map_err(|e| e.to_string())?;
        let params = JoinParams {
            // Under the proxy, a transfer's checkJoin goes through it too.
            server: proxy.map_or(origin, str::to_owned),
            conference: room.clone(),
            pin: String::new(),
            name: self.granted.display_name.clone(),
            hideme: false,
            profile,
            proxy: proxy.map(str::to_owned),
        };
        Ok(Joined::granted_elsewhere(
            base,
            check,
            self.granted,
            room,
            params,
        ))
    }
}

/// A message from the parent page.
#[derive(Clone)]
pub enum Inbound {
    Join(JoinRequest),
    JoinSession(Box<PortalSession>),
    Leave,
    SetLanguage(Lang),
    /// Open the operator wall with these rooms (and PINs, held in memory only).
    /// The rooms as JSON text: the wall, in the meeting page's module, reads them.
    Wall(String),
}

#[derive(Deserialize)]
struct Envelope {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    session: Option<Value>,
    #[serde(default)]
    language: Option<String>,
}

/// Reads a message's JSON text (the object the parent posted, stringified).
pub fn parse_inbound(text: &str) -> Result<Inbound, String> {
    let value: Value = serde_json::from_str(text).map_err(|_| "not a JSON object".to_owned())?;
    if !value.is_object() {
        return Err("not a JSON object".into());
    }
    let env: Envelope = serde_json::from_value(value.clone())
        .map_err(|_| "an object with a text `type` was expected".to_owned())?;
    match env.kind.as_str() {
        "join" => match env.session {
            Some(s) => serde_json::from_value::<PortalSession>(s)
                .map(|s| Inbound::JoinSession(Box::new(s)))
                .map_err(|e| format!("session: {e}")),
            None => serde_json::from_value::<JoinRequest>(value)
                .map(Inbound::Join)
                .map_err(|e| format!("join: {e}")),
        },
        "leave" => Ok(Inbound::Leave),
        "wall" => match &value["rooms"] {
            rooms @ Value::Array(_) => Ok(Inbound::Wall(rooms.to_string())),
            _ => Err("wall: a list of rooms was expected".into()),
        },
        "set_language" => {
            let l = env.language.unwrap_or_default();
            Lang::parse(&l)
                .map(Inbound::SetLanguage)
                .ok_or_else(|| format!("set_language: unknown language {l:?}"))
        }
        other => Err(format!("unknown type {other:?}")),
    }
}

/// A message to the parent page.
#[derive(Debug, Clone, PartialEq)]
pub enum Outbound {
    /// The console listens; `state` is `join` or `meeting`.
    Ready {
        state: &'static str,
        language: Lang,
        profile: Profile,
        compact: bool,
    },
    Joined {
        conference: String,
        room: String,
        conference_name: String,
        display_name: String,
        role: Role,
        participant_uuid: String,
        profile: Profile,
    },
    /// Back on the join page: the user or the portal left, or went back after a lost session.
    Left,
    /// `kind` is `ended` (the platform ended the session) or `lost` (its token could not be
    /// kept).
    SessionLost {
        kind: &'static str,
        reason: String,
    },
    ParticipantCount(usize),
    WaitingCount(usize),
    /// Something the operator must not miss (`kind`: `waiting_room`, `presenting`,
    /// `stream_lost`, `command_failed`), about `subject` (a name, or the failed command), with
    /// the failure's reason in `detail`; `unseen` alerts in all.
    Alert {
        kind: &'static str,
        subject: String,
        detail: String,
        unseen: u64,
        /// The room it was raised in, on the operator wall (which watches many).
        conference: Option<String>,
    },
    /// `request` names the inbound message type that failed, or is absent for the user's own
    /// join from the form.
    Error {
        code: &'static str,
        message: String,
        request: Option<&'static str>,
    },
}

impl Outbound {
    pub fn joined(j: &Joined, conference: &str) -> Outbound {
        Outbound::Joined {
            conference: conference.trim().to_owned(),
            room: j.room.clone(),
            conference_name: j.check.conference_name.clone(),
            display_name: j.granted.display_name.clone(),
            role: j.granted.role,
            participant_uuid: j.granted.participant_uuid.clone(),
            profile: j.params.profile,
        }
    }

    pub fn join_error(e: &JoinError, tr: Tr, request: Option<&'static str>) -> Outbound {
        Outbound::Error {
            code: join_error_code(e),
            // Made once, outside any view: read the language without subscribing.
            message: leptos::prelude::untrack(|| e.message(tr)),
            request,
        }
    }

    /// An error of the protocol itself, its message in the page's language.
    pub fn error(code: &'static str, text: String, request: Option<&'static str>) -> Outbound {
        Outbound::Error {
            code,
            message: text,
            request,
        }
    }

    pub fn bad_message(tr: Tr, reason: &str) -> Outbound {
        Outbound::error(
            "bad_message",
            tr.fmt_now(Text::EmbedBadMessage, &[("reason", reason)]),
            None,
        )
    }

    /// The message as the object posted to the parent.
    pub fn to_json(&self) -> Value {
        let mut v = match self {
            Outbound::Ready {
                state,
                language,
                profile,
                compact,
            } => json!({
                "type": "ready",
                "state": state,
                "language": language.code(),
                "profile": profile.as_str(),
                "compact": compact,
            }),
            Outbound::Joined {
                conference,
                room,
                conference_name,
                display_name,
                role,
                participant_uuid,
                profile,
            } => json!({
                "type": "joined",
                "conference": conference,
                "room": room,
                "conference_name": conference_name,
                "display_name": display_name,
                "role": role.as_check_join(),
                "participant_uuid": participant_uuid,
                "profile": profile.as_str(),
            }),
            Outbound::Left => json!({ "type": "left" }),
            Outbound::SessionLost { kind, reason } => {
                json!({ "type": "session_lost", "kind": kind, "reason": reason })
            }
            Outbound::ParticipantCount(n) => json!({ "type": "participant_count", "count": n }),
            Outbound::WaitingCount(n) => json!({ "type": "waiting_count", "count": n }),
            Outbound::Alert {
                kind,
                subject,
                detail,
                unseen,
                conference,
            } => {
                let mut m = json!({ "type": "alert", "kind": kind, "subject": subject, "detail": detail, "unseen": unseen });
                if let Some(c) = conference {
                    m["conference"] = json!(c);
                }
                m
            }
            Outbound::Error {
                code,
                message,
                request,
            } => json!({ "type": "error", "code": code, "message": message, "request": request }),
        };
        if let Some(o) = v.as_object_mut() {
            o.insert("source".into(), SOURCE.into());
            o.insert("version".into(), PROTOCOL_VERSION.into());
        }
        v
    }
}

/// The stable code of a join failure, for a portal to act on.
pub fn join_error_code(e: &JoinError) -> &'static str {
    match e {
        JoinError::InvalidServer(_) => "invalid_server",
        JoinError::EmptyConference => "empty_conference",
        JoinError::EmptyName => "empty_name",
        JoinError::Unreachable { .. } => "unreachable",
        JoinError::RefusedByCsp { .. } => "refused_by_csp",
        JoinError::Proxy { .. } => "proxy_failed",
        JoinError::WrongPin => "wrong_pin",
        JoinError::PinRequired => "pin_required",
        JoinError::UnknownConference(_) => "unknown_conference",
        JoinError::CheckJoinRefused(_) => "check_join_refused",
        JoinError::NotApiServer(_) => "not_api_server",
        JoinError::Other(_) => "join_failed",
    }
}
