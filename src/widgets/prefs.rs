//! Language, theme and dense rows: chosen in the header, remembered in localStorage; the
//! language and theme applied to `<html>`, dense rows to the participant list. A portal's
//! `set_language` message changes the language without remembering it. The dock's last tab is
//! remembered here too (a panel's name, never participant data).

use crate::host::browser;
use crate::i18n::{Lang, LangCtl, Text, Tr};
use huikong_core::keymap::KeyAct;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows `prefers-color-scheme`.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "system" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct ThemeCtx(pub RwSignal<Theme>);

/// Dense rows: an operator's choice of more participants on the screen at once.
#[derive(Debug, Clone, Copy)]
pub struct DenseRows(pub RwSignal<bool>);

const KEY_DENSE: &str = "huikong.dense";

/// Below this height (CSS pixels) the list starts in dense rows until the host chooses: a
/// laptop's 768 pixels (less the browser's bars) hold a dozen one-line rows, and far fewer of
/// two lines.
const SHORT_SCREEN_PX: f64 = 900.0;

/// A desktop's width (the list beside the dock): a phone's rows are two lines whatever it does.
const DESKTOP_PX: f64 = 960.0;

fn short_screen() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let px = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
    px(w.inner_height()).is_some_and(|h| h < SHORT_SCREEN_PX)
        && px(w.inner_width()).is_some_and(|w| w > DESKTOP_PX)
}
const KEY_DOCK_TAB: &str = "huikong.dock-tab";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A remembered value (a preference's, never a secret's or a participant's).
pub fn remembered(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn remember(key: &str, value: &str) {
    if let Some(s) = storage() {
        // A full or forbidden storage only costs the remembered preference.
        let _ = s.set_item(key, value);
    }
}

/// The dock's tab shown last, by its code.
pub fn saved_dock_tab() -> Option<String> {
    remembered(KEY_DOCK_TAB)
}

pub fn save_dock_tab(code: &str) {
    remember(KEY_DOCK_TAB, code);
}

/// Sets up both preferences. The language: `?lang=`, else the remembered choice, else
/// `config.json`'s, else Chinese. The document's title is `config.json`'s product title when it
/// sets one.
pub fn provide_prefs(
    url_lang: Option<Lang>,
    config_lang: Option<Lang>,
    title: Option<String>,
) -> Tr {
    let lang = url_lang
        .or_else(|| browser::saved_lang().and_then(|l| Lang::parse(&l)))
        .or(config_lang)
        .unwrap_or_default();
    let lang = RwSignal::new(lang);
    provide_context(LangCtl(lang));
    let tr = Tr { lang: lang.into() };
    provide_context(tr);
    let theme = browser::saved_theme()
        .and_then(|t| Theme::parse(&t))
        .unwrap_or_default();
    let theme = RwSignal::new(theme);
    provide_context(ThemeCtx(theme));
    let dense = match remembered(KEY_DENSE) {
        Some(chosen) => chosen == "1",
        None => short_screen(),
    };
    provide_context(DenseRows(RwSignal::new(dense)));
    Effect::new(move |_| {
        let l = tr.lang.get();
        browser::set_root_attr("lang", Some(l.html_lang()));
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            match &title {
                Some(t) => d.set_title(t),
                None => d.set_title(&format!("{} Huikong", Text::AppTitle.get(Lang::Zh))),
            }
        }
    });
    Effect::new(move |_| {
        let t = theme.get();
        browser::set_root_attr("data-theme", (t != Theme::System).then_some(t.code()));
    });
    tr
}

/// The language and theme switches.
#[component]
pub fn PrefSwitches() -> impl IntoView {
    let tr = Tr::use_context();
    let LangCtl(lang) = expect_context::<LangCtl>();
    let ThemeCtx(theme) = expect_context::<ThemeCtx>();
    view! {
        <div class="prefs">
            <label class="compact">
                <span class="label-text">{tr.text(Text::Language)}</span>
                <select data-testid="lang-switch"
                    on:change=move |ev| {
                        if let Some(l) = Lang::parse(&event_target_value(&ev)) {
                            browser::save_lang(l.code());
                            lang.set(l);
                        }
                    }>
                    <option value="zh" selected=move || tr.lang.get() == Lang::Zh>{Text::LangZh.get(Lang::Zh)}</option>
                    <option value="en" selected=move || tr.lang.get() == Lang::En>{Text::LangEn.get(Lang::En)}</option>
                </select>
            </label>
            <label class="compact">
                <span class="label-text">{tr.text(Text::Theme)}</span>
                <select data-testid="theme-switch"
                    on:change=move |ev| {
                        if let Some(t) = Theme::parse(&event_target_value(&ev)) {
                            browser::save_theme(t.code());
                            theme.set(t);
                        }
                    }>
                    <option value="system" selected=move || theme.get() == Theme::System>{tr.text(Text::ThemeSystem)}</option>
                    <option value="light" selected=move || theme.get() == Theme::Light>{tr.text(Text::ThemeLight)}</option>
                    <option value="dark" selected=move || theme.get() == Theme::Dark>{tr.text(Text::ThemeDark)}</option>
                </select>
            </label>
        </div>
    }
}

/// The dense rows switch (the list measures its row height again when it changes).
#[component]
pub fn DenseSwitch() -> impl IntoView {
    let tr = Tr::use_context();
    let DenseRows(dense) = expect_context::<DenseRows>();
    view! {
        <label class="check dense-switch">
            <input type="checkbox" data-testid="dense-switch" aria-keyshortcuts=KeyAct::Dense.aria() prop:checked=move || dense.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    remember(KEY_DENSE, if on { "1" } else { "0" });
                    dense.set(on);
                }/>
            {tr.text(Text::DenseRows)}
        </label>
    }
}
