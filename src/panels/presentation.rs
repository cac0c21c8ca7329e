//! The presentation: who presents, and a live thumbnail of `presentation.jpeg`, fetched again on
//! every `presentation_frame` (once at the start where the deployment sends no frames), gone on
//! `presentation_stop`.
//!
//! The picture is fetched with the `token` header and shown from an object URL, so the token is
//! in no `<img src>`, no page URL and no console line about a failed image.

use crate::i18n::{Text, Tr};
use crate::platform::session::LiveSession;
use leptos::prelude::*;

/// A frame on screen: its object URL and which frame it is.
#[derive(Debug, Clone, PartialEq)]
struct Shown {
    url: String,
    frame: u64,
}

fn object_url(bytes: &[u8]) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

fn release(shown: Option<Shown>) {
    if let Some(s) = shown {
        let _ = web_sys::Url::revoke_object_url(&s.url);
    }
}

#[component]
pub fn PresentationPanel() -> impl IntoView {
    let tr = Tr::use_context();
    let session = expect_context::<LiveSession>();
    let pres = session.store.presentation();
    let shown = RwSignal::new(None::<Shown>);
    let error = RwSignal::new(None::<String>);
    // Fetches can finish out of order: only a newer one may replace what is shown.
    let asked = StoredValue::new(0u64);
    let s = session.clone();

    Effect::new(move |_| {
        let p = pres.get();
        if !p.active {
            release(shown.get_untracked());
            shown.set(None);
            error.set(None);
            return;
        }
        let gen = asked.get_value() + 1;
        asked.set_value(gen);
        let s = s.clone();
        leptos::task::spawn_local(async move {
            let outcome = s.presentation_jpeg().await;
            let current = asked.try_get_value() == Some(gen);
            let still = pres.try_with_untracked(|p| p.active).unwrap_or(false);
            if !current || !still {
                return;
            }
            match outcome {
                Ok(bytes) => match object_url(&bytes) {
                    Some(url) => {
                        let old = shown.try_get_untracked().flatten();
                        shown.try_set(Some(Shown {
                            url,
                            frame: p.frame,
                        }));
                        release(old);
                        error.try_set(None);
                    }
                    None => {
                        error.try_set(Some(String::new()));
                    }
                },
                // The last good frame stays; the reason is shown beside it.
                Err(e) => {
                    error.try_set(Some(e.message(tr)));
                }
            }
        });
    });
    on_cleanup(move || release(shown.try_get_untracked().flatten()));

    let presenter = Memo::new(move |_| {
        pres.with(|p| {
            p.active.then(|| {
                let name = if p.presenter_name.trim().is_empty() {
                    p.presenter_uri.clone()
                } else {
                    p.presenter_name.clone()
                };
                (name, p.presenter_uri.clone())
            })
        })
    });
    view! {
        <section class="card presentation-panel" data-testid="presentation-panel"
            aria-labelledby="presentation-h">
            <h2 id="presentation-h">{tr.text(Text::PresentationHeading)}</h2>
            <Show when=move || presenter.with(Option::is_some)
                fallback=move || view! { <p class="empty" data-testid="presentation-none">{tr.text(Text::PresentationNone)}</p> }>
                <p class="presenter" data-testid="presentation-presenter" aria-live="polite">
                    {move || presenter.get().map(|(n, _)| tr.fmt(Text::PresentationBy, &[("name", &n)]))}
                    <small class="uri">{move || presenter.get().map(|(_, u)| u)}</small>
                </p>
                <Show when=move || shown.with(Option::is_some)
                    fallback=move || view! {
                        <p class="thumb-wait" hidden=move || error.with(Option::is_some)>
                            {tr.text(Text::PresentationLoading)}</p>
                    }>
                    // One element for the whole presentation: a new frame changes its source, and
                    // the old picture stays until the new one is decoded.
                    <img class="presentation-thumb" data-testid="presentation-thumbnail"
                        src=move || shown.with(|s| s.as_ref().map(|s| s.url.clone()))
                        data-frame=move || shown.with(|s| s.as_ref().map(|s| s.frame.to_string()))
                        alt=move || presenter.get().map(|(n, _)| tr.fmt(Text::PresentationThumbAlt, &[("name", &n)]))/>
                </Show>
                <p class="field-error" data-testid="presentation-error" hidden=move || error.with(Option::is_none)>
                    {move || error.get().map(|e| tr.fmt(Text::PresentationFrameError, &[("reason", &e)]))}</p>
            </Show>
        </section>
    }
}
