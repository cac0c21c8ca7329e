//! Getting an operator's attention from another window: a count in the page title, a badge on
//! the favicon (drawn on a canvas), a short generated beep (no sound file), and a desktop
//! notification once the user has allowed it with a click. The switches are remembered in
//! localStorage; nothing else about the meeting is.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

const KEY_SOUND: &str = "huikong.alerts.sound";
const KEY_NOTIFY: &str = "huikong.alerts.notify";
const KEY_MUTED_KINDS: &str = "huikong.alerts.off";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn saved_switch(key: &str) -> bool {
    storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .is_some_and(|v| v == "1")
}

fn save_switch(key: &str, on: bool) {
    if let Some(s) = storage() {
        // A full or forbidden storage only costs the remembered switch.
        let _ = s.set_item(key, if on { "1" } else { "0" });
    }
}

pub fn saved_sound() -> bool {
    saved_switch(KEY_SOUND)
}

pub fn save_sound(on: bool) {
    save_switch(KEY_SOUND, on)
}

pub fn saved_notify() -> bool {
    saved_switch(KEY_NOTIFY)
}

pub fn save_notify(on: bool) {
    save_switch(KEY_NOTIFY, on)
}

/// The alert kinds switched off (their names, as `AlertKind::as_str` writes them).
pub fn saved_muted_kinds() -> Vec<String> {
    storage()
        .and_then(|s| s.get_item(KEY_MUTED_KINDS).ok().flatten())
        .map(|v| {
            v.split(',')
                .filter(|k| !k.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

pub fn save_muted_kinds(kinds: &[String]) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY_MUTED_KINDS, &kinds.join(","));
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

thread_local! {
    /// The page's own favicon, to put back when nothing is unseen.
    static FAVICON: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// `(n) title` while `n` alerts are unseen, the title alone otherwise.
pub fn title_with_count(title: &str, n: u64) -> String {
    if n == 0 {
        title.to_owned()
    } else {
        format!("({n}) {title}")
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

fn icon_link(d: &web_sys::Document) -> Option<web_sys::HtmlLinkElement> {
    if let Ok(Some(e)) = d.query_selector("link[rel~='icon']") {
        return e.dyn_into().ok();
    }
    let link: web_sys::HtmlLinkElement = d.create_element("link").ok()?.dyn_into().ok()?;
    link.set_rel("icon");
    d.head()?.append_child(&link).ok()?;
    Some(link)
}

/// Shows `n` on a badge over the favicon, or the page's own favicon when `n` is 0.
pub fn set_favicon_badge(n: u64) {
    let Some(d) = document() else { return };
    let Some(link) = icon_link(&d) else { return };
    FAVICON.with(|f| {
        f.borrow_mut().get_or_insert_with(|| link.href());
    });
    if n == 0 {
        if let Some(href) = FAVICON.with(|f| f.borrow().clone()) {
            link.set_href(&href);
        }
        return;
    }
    if let Some(url) = badge_png(&d, n) {
        link.set_href(&url);
    }
}

/// A 32 px icon: the console's mark with a red badge holding the count.
fn badge_png(d: &web_sys::Document, n: u64) -> Option<String> {
    let canvas: web_sys::HtmlCanvasElement = d.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(32);
    canvas.set_height(32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.set_fill_style_str("#1d4ed8");
    ctx.fill_rect(0.0, 0.0, 32.0, 32.0);
    ctx.set_fill_style_str("#dc2626");
    ctx.begin_path();
    ctx.arc(21.0, 11.0, 11.0, 0.0, std::f64::consts::TAU).ok()?;
    ctx.fill();
    ctx.set_fill_style_str("#ffffff");
    ctx.set_font("bold 14px sans-serif");
    ctx.set_text_align("center");
    ctx.set_text_baseline("middle");
    let label = if n > 9 {
        "9+".to_owned()
    } else {
        n.to_string()
    };
    ctx.fill_text(&label, 21.0, 12.0).ok()?;
    canvas.to_data_url().ok()
}

/// A short two-tone beep, generated: no sound file to ship or fetch.
pub fn beep() {
    let Ok(ctx) = web_sys::AudioContext::new() else {
        return;
    };
    let play = || -> Result<(), JsValue> {
        let osc = ctx.create_oscillator()?;
        let gain = ctx.create_gain()?;
        let t = ctx.current_time();
        osc.frequency().set_value_at_time(880.0, t)?;
        osc.frequency().set_value_at_time(660.0, t + 0.12)?;
        gain.gain().set_value_at_time(0.08, t)?;
        osc.connect_with_audio_node(&gain)?;
        gain.connect_with_audio_node(&ctx.destination())?;
        osc.start()?;
        osc.stop_with_when(t + 0.25)?;
        Ok(())
    };
    let _ = play();
    // The context is closed after the beep, so beeps do not pile up contexts.
    leptos::task::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(500).await;
        let _ = ctx.close();
    });
}

/// Whether desktop notifications are allowed for this page.
pub fn notifications_granted() -> bool {
    web_sys::Notification::permission() == web_sys::NotificationPermission::Granted
}

/// Asks for permission to notify: only ever called from a click on "enable notifications".
/// Resolves to whether it was granted.
pub async fn request_notifications() -> bool {
    let Ok(promise) = web_sys::Notification::request_permission() else {
        return false;
    };
    matches!(
        wasm_bindgen_futures::JsFuture::from(promise).await,
        Ok(v) if v.as_string().as_deref() == Some("granted")
    )
}

/// Shows a desktop notification, if allowed. `tag` makes a newer one replace an older one.
pub fn notify(title: &str, body: &str, tag: &str) {
    if !notifications_granted() {
        return;
    }
    let opts = web_sys::NotificationOptions::new();
    opts.set_body(body);
    opts.set_tag(tag);
    let _ = web_sys::Notification::new_with_options(title, &opts);
}
