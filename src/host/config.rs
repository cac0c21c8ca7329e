//! The runtime configuration: `config.json` beside index.html, read once before the app mounts,
//! so an administrator sets the defaults of a deployment without rebuilding the console.
//!
//! Precedence, highest first: a URL parameter, the user's remembered choice, `config.json`, the
//! built-in default. A missing or unreadable file, or a field that does not make sense, costs
//! only that setting: the console starts with its built-in defaults and says so on the page.

use crate::i18n::{Lang, Text, Tr};
use huikong_core::proxy::proxy_path;
use huikong_core::util::normalize_server;
use huikong_protocol::Profile;
use serde_json::{Map, Value};

/// `undo_seconds` when `config.json` does not set it.
pub const DEFAULT_SECONDS: u32 = 5;
/// The longest window `config.json` may ask for: longer, and the meeting moves on before the
/// command does.
pub const MAX_SECONDS: u32 = 60;

/// Relative to the page, so a console under a sub-path reads its own file.
pub const CONFIG_URL: &str = "./config.json";

/// What `config.json` sets. `None` and empty mean "the built-in default".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuntimeConfig {
    /// `scheme://host[:port]`; `None` means this page's own origin.
    pub api_server: Option<String>,
    pub profile: Option<Profile>,
    pub language: Option<Lang>,
    /// The product title shown instead of 会控 / Huikong, in both languages.
    pub title: Option<String>,
    /// The origins whose pages may embed the console and talk to it by postMessage, normalized
    /// as a browser writes `MessageEvent.origin`. Empty: embedding messages are off.
    pub embed_allowed_origins: Vec<String>,
    /// How long an action that cannot be taken back waits for an undo; `None`: the default.
    pub undo_seconds: Option<u32>,
    /// The same-origin proxy's path (`/platform/`): checkJoin and every node's calls go to this
    /// page's own origin under it (docs/deploy.md). `None`: the platform is called directly.
    pub platform_proxy: Option<String>,
    /// The venue list's redial schedule in seconds (`false`: none); `None`: 10, 30, 60.
    pub redial: Option<Vec<u32>>,
    /// An administrator's venue lists, by conference alias (as checkJoin names it, lower
    /// case), each as the JSON of the venue list's export: used where this browser keeps none.
    pub venues: Vec<(String, String)>,
    /// The operator wall's rooms (`wall_rooms`: conference, name, server; never a PIN), as the
    /// JSON text of the list: the wall, in the meeting page's module, reads it.
    pub wall_rooms: Option<String>,
}

impl RuntimeConfig {
    /// The undo window in seconds: `config.json`'s, else 5; 0 turns it off.
    pub fn undo_seconds(&self) -> u32 {
        self.undo_seconds.unwrap_or(DEFAULT_SECONDS)
    }

    /// The same-origin proxy as the console's server (`https://this.site/platform`), when
    /// `platform_proxy` is set.
    pub fn proxy_server(&self) -> Option<String> {
        let path = self.platform_proxy.as_deref()?;
        Some(huikong_core::proxy::proxy_server(
            &crate::host::browser::page_origin(),
            path,
        ))
    }
}

/// Reads `redial`: a list of at most ten delays in seconds (1 to 3600), or `false` for none.
fn redial(value: &Value) -> Result<Option<Vec<u32>>, String> {
    use huikong_core::venues::redial::{MAX_DELAY, MAX_TRIES};
    match value {
        Value::Null | Value::Bool(true) => Ok(None),
        Value::Bool(false) => Ok(Some(Vec::new())),
        Value::Array(items) if items.len() <= MAX_TRIES => items
            .iter()
            .map(|v| {
                v.as_u64()
                    .filter(|s| (1..=u64::from(MAX_DELAY)).contains(s))
                    .map(|s| s as u32)
                    .ok_or_else(|| {
                        format!("{v} is not a whole number of seconds from 1 to {MAX_DELAY}")
                    })
            })
            .collect::<Result<Vec<u32>, String>>()
            .map(Some),
        other => Err(format!(
            "a list of at most {MAX_TRIES} delays in seconds, or false, was expected, not {other}"
        )),
    }
}

/// Reads `undo_seconds`: a whole number of seconds from 0 (off) to [`MAX_SECONDS`].
fn undo_seconds(value: &Value) -> Result<Option<u32>, String> {
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => match n.as_u64() {
            Some(s) if s <= u64::from(MAX_SECONDS) => Ok(Some(s as u32)),
            Some(s) => Err(format!("{s} seconds is too long (at most {MAX_SECONDS})")),
            None => Err(format!(
                "{n} is not a whole number of seconds from 0 to {MAX_SECONDS}"
            )),
        },
        other => Err(format!("a number of seconds was expected, not {other}")),
    }
}

/// What went wrong reading the file.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigIssue {
    /// There is no `config.json` (404, or the server answered with a web page instead).
    Missing(String),
    /// It could not be read or is not a JSON object: every setting takes its default.
    Broken(String),
    /// One setting is not valid and takes its default; the others still apply.
    Field { field: String, reason: String },
}

impl ConfigIssue {
    pub fn message(&self, tr: Tr) -> String {
        match self {
            ConfigIssue::Missing(r) => tr.fmt(Text::ConfigMissing, &[("reason", r)]),
            ConfigIssue::Broken(r) => tr.fmt(Text::ConfigBroken, &[("reason", r)]),
            ConfigIssue::Field { field, reason } => tr.fmt(
                Text::ConfigFieldIgnored,
                &[("field", field), ("reason", reason)],
            ),
        }
    }

    /// `missing`, `broken` or `invalid`: the notice's `data-state`.
    pub fn code(&self) -> &'static str {
        match self {
            ConfigIssue::Missing(_) => "missing",
            ConfigIssue::Broken(_) => "broken",
            ConfigIssue::Field { .. } => "invalid",
        }
    }
}

/// The configuration in force and what the page must tell about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadedConfig {
    pub config: RuntimeConfig,
    pub issues: Vec<ConfigIssue>,
}

impl LoadedConfig {
    fn broken(reason: impl Into<String>) -> LoadedConfig {
        LoadedConfig {
            config: RuntimeConfig::default(),
            issues: vec![ConfigIssue::Broken(reason.into())],
        }
    }
}

/// An origin as a browser writes it in `MessageEvent.origin`: lower-case scheme and host, the
/// port only when it is not the scheme's default, no path and no trailing slash.
pub fn normalize_origin(input: &str) -> Result<String, String> {
    let t = input.trim().trim_end_matches('/');
    let (scheme, rest) = t
        .split_once("://")
        .ok_or_else(|| format!("{input:?} is not an origin (scheme://host[:port])"))?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return Err(format!("{input:?}: only http and https origins can embed"));
    }
    if rest.is_empty()
        || rest.contains(['/', '?', '#', '*', '@'])
        || rest.contains(char::is_whitespace)
    {
        return Err(format!(
            "{input:?} is not an origin (scheme://host[:port], no path, no wildcard)"
        ));
    }
    let host = rest.to_ascii_lowercase();
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let host = host.strip_suffix(default_port).unwrap_or(&host);
    Ok(format!("{scheme}://{host}"))
}

fn text_field(obj: &Map<String, Value>, field: &str) -> Result<Option<String>, String> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_owned())),
        Some(other) => Err(format!("a text was expected, not {other}")),
    }
}

/// Reads the text of `config.json`. A field that does not make sense is reported and left at
/// its default; unknown fields are ignored so a newer file works with an older console.
pub fn parse_config(text: &str, page_scheme: &str) -> LoadedConfig {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return LoadedConfig::broken(format!("not valid JSON: {e}")),
    };
    let Value::Object(obj) = value else {
        return LoadedConfig::broken("not a JSON object");
    };
    let mut out = LoadedConfig::default();
    let mut issue = |field: &str, reason: String| {
        out.issues.push(ConfigIssue::Field {
            field: field.to_owned(),
            reason,
        })
    };
    let mut config = RuntimeConfig::default();
    match text_field(&obj, "api_server") {
        Ok(Some(s)) => match normalize_server(&s, page_scheme) {
            Ok(server) => config.api_server = Some(server),
            Err(e) => issue("api_server", e),
        },
        Ok(None) => {}
        Err(e) => issue("api_server", e),
    }
    match text_field(&obj, "profile") {
        Ok(Some(s)) => match Profile::parse(&s) {
            Some(p) => config.profile = Some(p),
            None => issue("profile", format!("{s:?} is neither public nor enterprise")),
        },
        Ok(None) => {}
        Err(e) => issue("profile", e),
    }
    match text_field(&obj, "language") {
        Ok(Some(s)) => match Lang::parse(&s) {
            Some(l) => config.language = Some(l),
            None => issue("language", format!("{s:?} is neither zh nor en")),
        },
        Ok(None) => {}
        Err(e) => issue("language", e),
    }
    match text_field(&obj, "title") {
        Ok(t) => config.title = t,
        Err(e) => issue("title", e),
    }
    match obj.get("embed_allowed_origins") {
        None | Some(Value::Null) => {}
        Some(Value::Array(list)) => {
            for entry in list {
                match entry.as_str().map(normalize_origin) {
                    Some(Ok(o)) if !config.embed_allowed_origins.contains(&o) => {
                        config.embed_allowed_origins.push(o)
                    }
                    Some(Ok(_)) => {}
                    Some(Err(e)) => issue("embed_allowed_origins", e),
                    None => issue(
                        "embed_allowed_origins",
                        format!("an origin text was expected, not {entry}"),
                    ),
                }
            }
        }
        Some(other) => issue(
            "embed_allowed_origins",
            format!("a list of origins was expected, not {other}"),
        ),
    }
    match text_field(&obj, "platform_proxy") {
        Ok(Some(s)) => match proxy_path(&s) {
            Ok(path) => config.platform_proxy = Some(path),
            Err(e) => issue("platform_proxy", e),
        },
        Ok(None) => {}
        Err(e) => issue("platform_proxy", e),
    }
    if let Some(v) = obj.get("undo_seconds") {
        match undo_seconds(v) {
            Ok(s) => config.undo_seconds = s,
            Err(e) => issue("undo_seconds", e),
        }
    }
    match obj.get("venues") {
        None | Some(Value::Null) => {}
        Some(Value::Object(lists)) => {
            config.venues = lists
                .iter()
                .map(|(room, list)| (room.trim().to_lowercase(), list.to_string()))
                .collect();
        }
        Some(other) => issue(
            "venues",
            format!("venue lists by conference address were expected, not {other}"),
        ),
    }
    match obj.get("wall_rooms") {
        None | Some(Value::Null) => {}
        Some(list @ Value::Array(_)) => config.wall_rooms = Some(list.to_string()),
        Some(other) => issue(
            "wall_rooms",
            format!("a list of rooms was expected, not {other}"),
        ),
    }
    if let Some(v) = obj.get("redial") {
        match redial(v) {
            Ok(r) => config.redial = r,
            Err(e) => issue("redial", e),
        }
    }
    out.config = config;
    out
}

/// Fetches and reads `config.json`. Never fails: whatever happens, the console starts.
pub async fn load() -> LoadedConfig {
    use gloo_net::http::Request;
    // An administrator's edit takes effect on the next page load, whatever the server's caching.
    let resp = match Request::get(CONFIG_URL)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
    {
        Ok(r) => r,
        Err(e) => {
            return LoadedConfig {
                config: RuntimeConfig::default(),
                issues: vec![ConfigIssue::Missing(e.to_string())],
            }
        }
    };
    let status = resp.status();
    if status == 404 || status == 410 {
        return LoadedConfig {
            config: RuntimeConfig::default(),
            issues: vec![ConfigIssue::Missing(format!("HTTP {status}"))],
        };
    }
    if !resp.ok() {
        return LoadedConfig::broken(format!("HTTP {status}"));
    }
    let is_page = resp
        .headers()
        .get("content-type")
        .is_some_and(|t| t.to_ascii_lowercase().contains("text/html"));
    let text = match resp.text().await {
        Ok(t) => t,
        Err(e) => return LoadedConfig::broken(e.to_string()),
    };
    // A single-page-app fallback answers every unknown path with index.html.
    if is_page || text.trim_start().starts_with('<') {
        return LoadedConfig {
            config: RuntimeConfig::default(),
            issues: vec![ConfigIssue::Missing(
                "the server answered with a web page".into(),
            )],
        };
    }
    parse_config(&text, &crate::host::browser::page_scheme())
}

/// Run in headless Chromium with the console's other tests (`cargo xtask test wasm`).
#[cfg(all(test, target_arch = "wasm32"))]
mod tests;
