//! The postMessage bridge with the parent page: messages in are accepted only from the parent
//! window at an allowed origin; messages out go only to allowed origins, never to `*`.
//!
//! The root element tells a test (or an administrator with developer tools) what the bridge
//! does: `data-embed` is `top` (not framed), `disabled` (framed, no allowed origins), `foreign`
//! (framed by a page at an origin not allowed) or `enabled`; `data-embed-received` and `data-embed-ignored` count the messages accepted and
//! ignored.

use crate::embed::messages::{parse_inbound, Inbound, JoinRequest, LaunchParams, Outbound};
use crate::i18n::Tr;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedMode {
    /// The console is not in a frame: no messages at all.
    Top,
    /// In a frame, but `config.json` allows no origin: messages are ignored.
    Disabled,
    /// In a frame whose page the browser names, at an origin not allowed: messages are ignored
    /// and none are sent.
    Foreign,
    Enabled,
}

impl EmbedMode {
    pub fn code(self) -> &'static str {
        match self {
            EmbedMode::Top => "top",
            EmbedMode::Disabled => "disabled",
            EmbedMode::Foreign => "foreign",
            EmbedMode::Enabled => "enabled",
        }
    }
}

/// The bridge, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Embed {
    pub mode: EmbedMode,
    /// The header is hidden (`?compact=1`).
    pub compact: bool,
    allowed: StoredValue<Vec<String>>,
    /// The parent's origin once known and allowed; until then messages go to each allowed
    /// origin, and the browser delivers only the one matching the parent.
    target: StoredValue<Option<String>>,
    /// Bumped when the portal asks the meeting page to leave.
    pub leave_requests: RwSignal<u64>,
    /// A join the portal asks the join page to run.
    pub join_request: RwSignal<Option<JoinRequest>>,
    /// Rooms the portal hands the operator wall.
    pub wall_request: RwSignal<Option<String>>,
}

fn parent_window() -> Option<web_sys::Window> {
    let w = web_sys::window()?;
    let parent = w.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &w)).then_some(parent)
}

/// `scheme://host[:port]` of a URL, normalized as an origin.
fn origin_of_url(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    crate::host::config::normalize_origin(&format!("{scheme}://{host}")).ok()
}

/// The parent page's origin as the browser states it: `location.ancestorOrigins` (Chromium,
/// Safari; Firefox has none).
fn ancestor_origin() -> Option<String> {
    let w = web_sys::window()?;
    let ancestors = js_sys::Reflect::get(&w.location(), &"ancestorOrigins".into()).ok()?;
    if ancestors.is_undefined() || ancestors.is_null() {
        return None;
    }
    let first = js_sys::Reflect::get(&ancestors, &JsValue::from(0)).ok()?;
    origin_of_url(&first.as_string()?)
}

/// The referrer's origin: the parent page's, when the parent loaded the frame (not proof of
/// who the parent is, only a hint where to send).
fn referrer_origin() -> Option<String> {
    origin_of_url(&web_sys::window()?.document()?.referrer())
}

fn bump_root_counter(name: &str) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let n: u64 = root
        .get_attribute(name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let _ = root.set_attribute(name, &(n + 1).to_string());
}

/// The message's data as JSON text: a string is taken as it is, an object is stringified.
fn data_text(data: &JsValue) -> Option<String> {
    data.as_string().or_else(|| {
        js_sys::JSON::stringify(data)
            .ok()
            .and_then(|s| s.as_string())
    })
}

impl Embed {
    /// Starts listening when the console is framed. `on_message` runs for each accepted message.
    pub fn install(
        allowed: Vec<String>,
        compact: bool,
        tr: Tr,
        on_message: impl Fn(Embed, Inbound) + 'static,
    ) -> Embed {
        let parent = parent_window();
        let ancestor = ancestor_origin();
        let mode = match (&parent, allowed.is_empty(), &ancestor) {
            (None, _, _) => EmbedMode::Top,
            (Some(_), true, _) => EmbedMode::Disabled,
            (Some(_), false, Some(a)) if !allowed.contains(a) => EmbedMode::Foreign,
            (Some(_), false, _) => EmbedMode::Enabled,
        };
        let hint = ancestor
            .or_else(referrer_origin)
            .filter(|o| allowed.contains(o));
        let embed = Embed {
            mode,
            compact,
            allowed: StoredValue::new(allowed),
            target: StoredValue::new(hint),
            leave_requests: RwSignal::new(0),
            join_request: RwSignal::new(None),
            wall_request: RwSignal::new(None),
        };
        crate::host::browser::set_root_attr("data-embed", Some(mode.code()));
        crate::host::browser::set_root_attr("data-embed-received", Some("0"));
        crate::host::browser::set_root_attr("data-embed-ignored", Some("0"));
        let Some(parent) = parent else {
            return embed;
        };
        match mode {
            EmbedMode::Disabled => crate::host::browser::warn(
                "huikong: framed, but config.json lists no embed_allowed_origins: \
                 messages from the parent page are ignored and none are sent",
            ),
            EmbedMode::Foreign => crate::host::browser::warn(
                "huikong: framed by a page whose origin is not in embed_allowed_origins: \
                 its messages are ignored and none are sent",
            ),
            _ => {}
        }
        let listener = window_event_listener(leptos::ev::message, move |ev| {
            let origin = ev.origin();
            let from_parent = ev.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
            let allowed = crate::host::config::normalize_origin(&origin)
                .ok()
                .filter(|_| mode == EmbedMode::Enabled)
                .filter(|o| embed.allowed.with_value(|a| a.contains(o)));
            let Some(origin) = allowed.filter(|_| from_parent) else {
                bump_root_counter("data-embed-ignored");
                // The origin only: a message may carry a PIN or a token.
                crate::host::browser::warn(&format!(
                    "huikong: ignored a message from {origin:?}: not the parent page at an \
                     allowed origin"
                ));
                return;
            };
            bump_root_counter("data-embed-received");
            embed.target.set_value(Some(origin));
            match data_text(&ev.data()).ok_or_else(|| "not JSON".to_owned()) {
                Ok(text) => match parse_inbound(&text) {
                    Ok(msg) => on_message(embed, msg),
                    Err(reason) => embed.send(&Outbound::bad_message(tr, &reason)),
                },
                Err(reason) => embed.send(&Outbound::bad_message(tr, &reason)),
            }
        });
        // The app lives as long as the page: so does its listener.
        std::mem::forget(listener);
        embed
    }

    /// Posts a message to the parent page, if embedding is on.
    pub fn send(&self, msg: &Outbound) {
        if self.mode != EmbedMode::Enabled {
            return;
        }
        let Some(parent) = parent_window() else {
            return;
        };
        let Ok(value) = js_sys::JSON::parse(&msg.to_json().to_string()) else {
            return;
        };
        let targets = match self.target.get_value() {
            Some(t) => vec![t],
            None => self.allowed.get_value(),
        };
        for origin in targets {
            // A target origin that is not the parent's is dropped by the browser, by design.
            let _ = parent.post_message(&value, &origin);
        }
    }
}

/// The bridge, when the app provided one (the components also run in tests without it).
pub fn use_embed() -> Option<Embed> {
    use_context::<Embed>()
}

/// The URL's parameters. A `pin` is never read: it is wiped from the address bar and history.
pub fn launch_params() -> LaunchParams {
    const NAMES: [&str; 8] = [
        "conference",
        "name",
        "lang",
        "profile",
        "autojoin",
        "compact",
        "pin",
        "wall",
    ];
    let values: Vec<(&str, String)> = NAMES
        .iter()
        .filter_map(|n| crate::host::browser::url_param(n).map(|v| (*n, v)))
        .collect();
    let p = LaunchParams::from_pairs(values.iter().map(|(k, v)| (*k, v.as_str())));
    if p.had_pin {
        crate::host::browser::warn(
            "huikong: a PIN in the URL is ignored; a portal passes it by postMessage",
        );
        wipe_pin_from_url();
    }
    p
}

fn wipe_pin_from_url() {
    let Some(w) = web_sys::window() else {
        return;
    };
    let loc = w.location();
    let (Ok(path), Ok(search), Ok(hash)) = (loc.pathname(), loc.search(), loc.hash()) else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    params.delete("pin");
    let query: String = params.to_string().into();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    let history = js_sys::Reflect::get(&w, &"history".into()).ok();
    let replace = history
        .as_ref()
        .and_then(|h| js_sys::Reflect::get(h, &"replaceState".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let (Some(h), Some(f)) = (history, replace) {
        let _ = f.call3(&h, &JsValue::NULL, &JsValue::from_str(""), &url.into());
    }
}

/// Compact mode: `<body class="huikong-compact">`, for the stylesheet and for tests.
pub fn mark_compact() {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let class = body.get_attribute("class").unwrap_or_default();
    if !class.split_whitespace().any(|c| c == COMPACT_CLASS) {
        let _ = body.set_attribute("class", format!("{class} {COMPACT_CLASS}").trim());
    }
}

pub const COMPACT_CLASS: &str = "huikong-compact";
