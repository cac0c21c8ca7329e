//! Language and theme: chosen in the header, applied to `<html>`, remembered in localStorage.
//! A portal's `set_language` message changes the language without remembering it.

use crate::host::browser;
use crate::i18n::{Lang, LangCtl, Text, Tr};
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
                <span class="label-text">{move || tr.t(Text::Language)}</span>
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
                <span class="label-text">{move || tr.t(Text::Theme)}</span>
                <select data-testid="theme-switch"
                    on:change=move |ev| {
                        if let Some(t) = Theme::parse(&event_target_value(&ev)) {
                            browser::save_theme(t.code());
                            theme.set(t);
                        }
                    }>
                    <option value="system" selected=move || theme.get() == Theme::System>{move || tr.t(Text::ThemeSystem)}</option>
                    <option value="light" selected=move || theme.get() == Theme::Light>{move || tr.t(Text::ThemeLight)}</option>
                    <option value="dark" selected=move || theme.get() == Theme::Dark>{move || tr.t(Text::ThemeDark)}</option>
                </select>
            </label>
        </div>
    }
}
