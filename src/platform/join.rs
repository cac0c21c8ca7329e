//! Joining: checkJoin at the API server, then new_session at the conference node it names,
//! with the PIN in the `pin` header.

use super::client::{send, Api, ApiError};
use crate::i18n::{Text, Tr};
use gloo_net::http::Request;
use huikong_core::util::{check_join_url, node_services_base, normalize_server, room_of};
use huikong_protocol::{
    ApiFailure, CheckJoinRequest, CheckJoinResponse, CheckJoinResults, Command, NewSessionRequest,
    NewSessionResult, Profile,
};

/// What the join form holds. Kept in memory for a rejoin; only `server` is ever stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JoinParams {
    pub server: String,
    pub conference: String,
    pub pin: String,
    pub name: String,
    pub hideme: bool,
    pub profile: Profile,
    /// The same-origin proxy (`config.json`'s `platform_proxy` on this page's origin,
    /// `https://intranet.example/platform`): every call goes there, and `server` is not asked
    /// for. `None`: the platform directly.
    pub proxy: Option<String>,
}

impl JoinParams {
    /// The server checkJoin is asked at: the proxy on this page's origin, or the one typed.
    fn api_server(&self) -> Result<String, JoinError> {
        match &self.proxy {
            Some(proxy) => Ok(proxy.clone()),
            None => normalize_server(&self.server, &crate::host::browser::page_scheme())
                .map_err(JoinError::InvalidServer),
        }
    }
}

/// What a join brings to the meeting page: the platform's grant and the client that uses it.
#[derive(Debug, Clone)]
pub struct Joined {
    /// The client, private to the platform layer.
    pub(in crate::platform) api: Api,
    pub check: CheckJoinResults,
    /// What new_session granted: the token, its lifetime, this participant's uuid and role.
    pub granted: NewSessionResult,
    pub room: String,
    pub params: JoinParams,
}

impl Joined {
    /// A session granted elsewhere (a portal's), with its client made here.
    pub fn granted_elsewhere(
        base: String,
        check: CheckJoinResults,
        granted: NewSessionResult,
        room: String,
        params: JoinParams,
    ) -> Joined {
        let api = Api::new(base, granted.token.clone());
        Joined {
            api,
            check,
            granted,
            room,
            params,
        }
    }

    /// Releases the token of a join that went no further (the page was left before the
    /// meeting page took it).
    pub async fn end_session(&self) {
        self.api.end_session().await;
    }

    /// The base URL of the conference's API on its node.
    pub fn api_base(&self) -> &str {
        self.api.base()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum JoinError {
    InvalidServer(String),
    EmptyConference,
    EmptyName,
    /// fetch failed; `cross_origin` says whether CORS could be the cause.
    Unreachable {
        server: String,
        cross_origin: bool,
    },
    /// fetch failed because the page's own Content-Security-Policy (`connect-src`) does not
    /// allow the server: the hosting web server's header must list it.
    RefusedByCsp {
        server: String,
    },
    /// Under the same-origin proxy: it could not be reached, or answered with no platform
    /// behind it (a refused node, a gateway's error page).
    Proxy {
        proxy: String,
        reason: String,
    },
    WrongPin,
    PinRequired,
    UnknownConference(String),
    CheckJoinRefused(String),
    NotApiServer(String),
    Other(String),
}

/// The join form's field an error is about, where it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinField {
    Server,
    Conference,
    Pin,
    Name,
    /// No one field: shown above the button.
    Form,
}

impl JoinError {
    pub fn field(&self) -> JoinField {
        match self {
            JoinError::InvalidServer(_)
            | JoinError::Unreachable { .. }
            | JoinError::RefusedByCsp { .. }
            | JoinError::NotApiServer(_) => JoinField::Server,
            JoinError::EmptyConference | JoinError::UnknownConference(_) => JoinField::Conference,
            JoinError::WrongPin | JoinError::PinRequired => JoinField::Pin,
            JoinError::EmptyName => JoinField::Name,
            _ => JoinField::Form,
        }
    }

    pub fn message(&self, tr: Tr) -> String {
        match self {
            JoinError::InvalidServer(r) => tr.fmt(Text::ErrServerInvalid, &[("reason", r)]),
            JoinError::EmptyConference => tr.t(Text::ErrConferenceEmpty).into(),
            JoinError::EmptyName => tr.t(Text::ErrNameEmpty).into(),
            JoinError::Unreachable {
                server,
                cross_origin: false,
            } => tr.fmt(Text::ErrUnreachable, &[("server", server)]),
            JoinError::Unreachable { server, .. } => tr.fmt(
                Text::ErrUnreachableOrCors,
                &[
                    ("server", server),
                    ("origin", &crate::host::browser::page_origin()),
                ],
            ),
            JoinError::RefusedByCsp { server } => {
                tr.fmt(Text::ErrRefusedByCsp, &[("server", server)])
            }
            JoinError::Proxy { proxy, reason } => {
                tr.fmt(Text::ErrProxy, &[("proxy", proxy), ("reason", reason)])
            }
            JoinError::WrongPin => tr.t(Text::ErrWrongPin).into(),
            JoinError::PinRequired => tr.t(Text::ErrPinRequired).into(),
            JoinError::UnknownConference(c) => {
                tr.fmt(Text::ErrUnknownConference, &[("conference", c)])
            }
            JoinError::CheckJoinRefused(r) => tr.fmt(Text::ErrCheckJoin, &[("reason", r)]),
            JoinError::NotApiServer(r) => tr.fmt(Text::ErrNotApiServer, &[("reason", r)]),
            JoinError::Other(r) => tr.fmt(Text::ErrJoinOther, &[("reason", r)]),
        }
    }
}

/// The origin part of a URL, to tell whether a failed fetch crossed origins.
fn origin_of(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let host = rest.split('/').next().unwrap_or_default();
            format!("{scheme}://{host}")
        }
        None => url.to_owned(),
    }
}

/// Why a request to `url` could not be made. The browser reports a refusal by the page's own
/// policy as an event that may arrive just after the failed fetch, so this waits a moment for it.
async fn unreachable(url: &str) -> JoinError {
    let server = origin_of(url);
    gloo_timers::future::TimeoutFuture::new(CSP_REPORT_WAIT_MS).await;
    if crate::host::csp::refused(&server) {
        return JoinError::RefusedByCsp { server };
    }
    let cross_origin = server != crate::host::browser::page_origin();
    JoinError::Unreachable {
        server,
        cross_origin,
    }
}

/// How long a failed join waits for the browser's report of a policy refusal.
const CSP_REPORT_WAIT_MS: u32 = 100;

/// Reads checkJoin's failure: its `code` and `msg` are all a client gets.
pub fn classify_check_join_failure(
    code: &str,
    msg: &str,
    conference: &str,
    pin_given: bool,
) -> JoinError {
    let m = msg.to_lowercase();
    let code = code.trim();
    if code == "404"
        || m.contains("not found")
        || m.contains("unknown conference")
        || m.contains("不存在")
    {
        JoinError::UnknownConference(conference.to_owned())
    } else if code == "401"
        || code == "403"
        || m.contains("pin")
        || m.contains("password")
        || m.contains("密码")
    {
        if pin_given {
            JoinError::WrongPin
        } else {
            JoinError::PinRequired
        }
    } else {
        JoinError::CheckJoinRefused(msg.to_owned())
    }
}

/// Reads new_session's failure.
pub fn classify_session_failure(f: &ApiFailure, pin_given: bool, conference: &str) -> JoinError {
    match f {
        ApiFailure::PinRequired { .. } if pin_given => JoinError::WrongPin,
        ApiFailure::PinRequired { .. } => JoinError::PinRequired,
        ApiFailure::Refused {
            http_status: 404, ..
        } => JoinError::UnknownConference(conference.to_owned()),
        ApiFailure::Refused { reason, .. } if reason.to_lowercase().contains("pin") => {
            JoinError::WrongPin
        }
        other => JoinError::Other(other.reason()),
    }
}

async fn check_join(server: &str, p: &JoinParams) -> Result<CheckJoinResults, JoinError> {
    check_join_at(server, &p.conference, &p.pin, &p.name).await
}

/// checkJoin at `server` for `conference` with `pin`, as `name`: the room's names and the role
/// the PIN opens it with, or why not. Also the check before a transfer. The PIN travels in the
/// request's body only, never in a URL, and is never logged.
pub async fn check_join_at(
    server: &str,
    conference: &str,
    pin: &str,
    name: &str,
) -> Result<CheckJoinResults, JoinError> {
    let url = check_join_url(server);
    let body = CheckJoinRequest {
        join_account: conference.trim().to_owned(),
        join_pwd: pin.to_owned(),
        participant_name: name.trim().to_owned(),
    };
    let req = Request::post(&url)
        .json(&body)
        .map_err(|e| JoinError::Other(e.to_string()))?;
    let Ok(resp) = req.send().await else {
        return Err(unreachable(&url).await);
    };
    let status = resp.status();
    let Ok(text) = resp.text().await else {
        return Err(unreachable(&url).await);
    };
    let reply: CheckJoinResponse = serde_json::from_str(&text)
        .map_err(|_| JoinError::NotApiServer(format!("HTTP {status}")))?;
    let code = reply.code.clone();
    reply
        .into_result()
        .map_err(|msg| classify_check_join_failure(&code, &msg, conference.trim(), !pin.is_empty()))
}

impl JoinParams {
    /// Under the proxy, a failure to reach the platform is the proxy's to explain: this site's
    /// web server, not the platform's CORS or the page's policy.
    fn through_proxy(&self, e: JoinError) -> JoinError {
        let Some(proxy) = &self.proxy else {
            return e;
        };
        let reason = match e {
            JoinError::Unreachable { server, .. } | JoinError::RefusedByCsp { server } => server,
            JoinError::NotApiServer(r) | JoinError::Other(r) => r,
            other => return other,
        };
        JoinError::Proxy {
            proxy: proxy.clone(),
            reason,
        }
    }
}

/// Runs the whole join sequence.
pub async fn join(p: JoinParams) -> Result<Joined, JoinError> {
    let server = p.api_server()?;
    if p.conference.trim().is_empty() {
        return Err(JoinError::EmptyConference);
    }
    if p.name.trim().is_empty() {
        return Err(JoinError::EmptyName);
    }
    let check = check_join(&server, &p)
        .await
        .map_err(|e| p.through_proxy(e))?;
    let room = room_of(&check.alias, &check.sipkey, &p.conference);
    let proxy = p.proxy.as_ref().map(|_| server.as_str());
    let base = node_services_base(proxy, &server, &check.mcu_host, &room)
        .map_err(|reason| p.through_proxy(JoinError::Other(reason)))?;
    let url = format!("{base}{}", Command::NewSession.path());
    let mut req = Request::post(&url);
    if !p.pin.is_empty() {
        req = req.header("pin", &p.pin);
    }
    let body = NewSessionRequest {
        display_name: p.name.trim().to_owned(),
        hideme: p.hideme,
    };
    let granted: NewSessionResult = match send(req.json(&body)).await {
        Ok(s) => s,
        Err(ApiError::Network(_)) => return Err(p.through_proxy(unreachable(&url).await)),
        Err(ApiError::Api(ApiFailure::Malformed { http_status, .. }))
            if p.proxy.is_some() && !(200..300).contains(&http_status) =>
        {
            return Err(p.through_proxy(JoinError::NotApiServer(format!("HTTP {http_status}"))))
        }
        Err(ApiError::Api(f)) => {
            return Err(classify_session_failure(
                &f,
                !p.pin.is_empty(),
                p.conference.trim(),
            ))
        }
        Err(ApiError::Rejected) => return Err(JoinError::Other("new_session".into())),
    };
    let api = Api::new(base, granted.token.clone());
    Ok(Joined {
        api,
        check,
        granted,
        room,
        params: JoinParams { server, ..p },
    })
}
