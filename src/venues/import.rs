//! Importing a venue list from a file: the bytes decoded (UTF-8 with or without a BOM, else
//! GB18030 as Chinese Excel saves it, by the browser's `TextDecoder`), read as JSON or CSV,
//! then a preview: what would be imported, or every bad line with its number and reason, in
//! which case nothing is imported.

use super::Venues;
use crate::i18n::Tr;
use crate::state::status::Status as Outcomes;
use huikong_core::venues::check::Parsed;
use huikong_core::venues::VenueText;
use huikong_core::venues::{csv, json};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The text of a file's bytes: UTF-8 when they are, else GB18030 (a superset of GBK).
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    let d = web_sys::TextDecoder::new_with_label("gb18030").map_err(|e| format!("{e:?}"))?;
    d.decode_with_u8_array(bytes).map_err(|e| format!("{e:?}"))
}

/// A file's venues: JSON by its name or its first character, else CSV.
pub fn parse(name: &str, text: &str) -> Parsed {
    let first = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next();
    if name.to_lowercase().ends_with(".json") || matches!(first, Some('{' | '[')) {
        json::parse(text)
    } else {
        csv::parse(text)
    }
}

pub async fn read(input: &web_sys::HtmlInputElement) -> Result<(String, String), String> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or_else(|| "no file".to_owned())?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok((file.name(), decode(&bytes)?))
}

/// The file chooser and the preview.
#[component]
pub fn ImportBox(venues: Venues, open: RwSignal<bool>) -> impl IntoView {
    let tr = Tr::use_context();
    let outcomes = expect_context::<Outcomes>();
    let preview = RwSignal::new(None::<Parsed>);
    let unreadable = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let el: web_sys::HtmlInputElement = el.unchecked_into();
        leptos::task::spawn_local(async move {
            match read(&el).await {
                Ok((name, text)) => {
                    unreadable.set(None);
                    preview.set(Some(parse(&name, &text)));
                }
                Err(e) => {
                    preview.set(None);
                    unreadable.set(Some(
                        tr.fmt_now(VenueText::VenueImportUnreadable, &[("reason", &e)]),
                    ));
                }
            }
        });
    };
    let confirm = move |_| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        let n = p.venues.len().to_string();
        venues.set_list(p.venues);
        outcomes.push(true, tr.fmt_now(VenueText::VenueImported, &[("n", &n)]));
        preview.set(None);
        open.set(false);
    };
    view! {
        <div class="venue-import" data-testid="venue-import">
            <label class="field">{tr.text(VenueText::VenueImportFile)}
                <input type="file" accept=".csv,.json,.txt,text/csv,application/json"
                    data-testid="venue-import-file" node_ref=input on:change=on_change/></label>
            <p class="field-error" role="alert" hidden=move || unreadable.with(Option::is_none)>
                {move || unreadable.get()}</p>
            {move || preview.get().map(|p| view! { <Preview parsed=p confirm=confirm/> })}
            <button type="button" on:click=move |_| { preview.set(None); open.set(false); }>
                {tr.text(VenueText::VenueCancel)}</button>
        </div>
    }
}

#[component]
fn Preview(parsed: Parsed, confirm: impl Fn(leptos::ev::MouseEvent) + 'static) -> impl IntoView {
    let tr = Tr::use_context();
    let lang = move || tr.lang.get();
    let n = parsed.venues.len().to_string();
    if !parsed.errors.is_empty() {
        let count = parsed.errors.len().to_string();
        let errors = parsed.errors.clone();
        return view! {
            <div class="venue-preview bad" role="alert" data-testid="venue-import-errors">
                <p>{move || tr.fmt(VenueText::VenueImportErrors, &[("n", &count)])}</p>
                <ul>{errors.into_iter().map(|e| {
                    let line = e.line;
                    view! { <li data-line=line>{move || {
                        let reason = e.problem.text(lang());
                        if line == 0 {
                            tr.fmt(VenueText::VenueImportFileError, &[("reason", &reason)])
                        } else {
                            tr.fmt(VenueText::VenueImportLine, &[("line", &line.to_string()), ("reason", &reason)])
                        }
                    }}</li> }
                }).collect_view()}</ul>
            </div>
        }
        .into_any();
    }
    let n2 = n.clone();
    view! {
        <div class="venue-preview" data-testid="venue-import-preview">
            <p>{move || tr.fmt(VenueText::VenueImportPreview, &[("n", &n)])}</p>
            <ol class="venue-preview-list">{parsed.venues.into_iter().map(|v| view! {
                <li>{v.name}" · "<span class="venue-address">{v.address}</span></li>
            }).collect_view()}</ol>
            <button type="button" class="primary" data-testid="venue-import-confirm" on:click=confirm>
                {move || tr.fmt(VenueText::VenueImportConfirm, &[("n", &n2)])}</button>
        </div>
    }
    .into_any()
}
