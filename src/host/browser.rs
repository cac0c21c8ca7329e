//! Small wrappers over the browser: preferences in localStorage (never the token or the PIN),
//! URL parameters, the page's origin, clocks and randomness.

const KEY_SERVER: &str = "huikong.server";
const KEY_LANG: &str = "huikong.lang";
const KEY_THEME: &str = "huikong.theme";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) {
    if let Some(s) = storage() {
        // A full or forbidden storage only costs the remembered preference.
        let _ = s.set_item(key, value);
    }
}

pub fn saved_server() -> Option<String> {
    get(KEY_SERVER).filter(|s| !s.trim().is_empty())
}

pub fn save_server(server: &str) {
    set(KEY_SERVER, server);
}

pub fn saved_lang() -> Option<String> {
    get(KEY_LANG)
}

pub fn save_lang(code: &str) {
    set(KEY_LANG, code);
}

pub fn saved_theme() -> Option<String> {
    get(KEY_THEME)
}

pub fn save_theme(code: &str) {
    set(KEY_THEME, code);
}

/// A parameter of the page's URL query.
pub fn url_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// `scheme://host[:port]` of the page.
pub fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// `http:` or `https:`.
pub fn page_scheme() -> String {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .unwrap_or_else(|| "https:".into())
}

/// Wall-clock seconds since the UNIX epoch, as the platform's `start_time`.
/// The time now in milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub fn now_s() -> f64 {
    js_sys::Date::now() / 1000.0
}

/// A random number in `[0, 1)` for jitter.
pub fn random() -> f64 {
    js_sys::Math::random()
}

/// Sets an attribute of `<html>` (`lang`, `data-theme`).
pub fn set_root_attr(name: &str, value: Option<&str>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match value {
        Some(v) => root.set_attribute(name, v),
        None => root.remove_attribute(name),
    };
}

/// Writes a text to the clipboard; resolves to whether it worked.
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Logs a warning to the browser console. Never pass a token or a PIN.
pub fn warn(msg: &str) {
    web_sys::console::warn_1(&msg.into());
}

/// What the browser last spoke to `origin` (`h2`, `http/1.1`), from the resource timing of a
/// request there; empty when none is listed or the origin hides it (a cross-origin server
/// without `Timing-Allow-Origin`).
pub fn next_hop_protocol(origin: &str) -> String {
    use wasm_bindgen::JsCast;
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return String::new();
    };
    let entries = perf.get_entries_by_type("resource");
    let prefix = format!("{origin}/");
    (0..entries.length())
        .rev()
        .filter_map(|i| {
            entries
                .get(i)
                .dyn_into::<web_sys::PerformanceResourceTiming>()
                .ok()
        })
        .find(|e| e.name().starts_with(&prefix) && !e.next_hop_protocol().is_empty())
        .map(|e| e.next_hop_protocol())
        .unwrap_or_default()
}
