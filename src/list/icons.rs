//! The row's fixed columns of icons: muted (a red crossed microphone), speaking, presenting,
//! and the call's media (video, audio only, none). Each slot keeps its width whether shown or
//! not, so the columns line up from row to row; a shown icon has its name for a screen reader
//! and on hover.

use crate::i18n::{Text, Tr};
use leptos::prelude::*;

/// Which picture a slot draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    MicOff,
    Speaking,
    Presenting,
    Video,
    AudioOnly,
    NoMedia,
}

impl Glyph {
    /// The strokes, in a 24-unit box.
    fn path(self) -> &'static str {
        match self {
            Glyph::MicOff => "M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3M4 4l16 16",
            Glyph::Speaking => "M4 10v4h4l5 4V6L8 10zM16 9a4 4 0 0 1 0 6M19 6a8 8 0 0 1 0 12",
            Glyph::Presenting => "M3 5h18v11H3zM8 20h8M12 16v4",
            Glyph::Video => "M3 7h12v10H3zM15 11l6-4v10l-6-4z",
            Glyph::AudioOnly => "M4 15v-3a8 8 0 0 1 16 0v3M4 14h3v6H4zM17 14h3v6h-3z",
            Glyph::NoMedia => "M6 12h12",
        }
    }

    fn class(self) -> &'static str {
        match self {
            Glyph::MicOff => "ico muted",
            Glyph::Speaking => "ico speak",
            Glyph::Presenting => "ico info",
            _ => "ico",
        }
    }
}

/// One slot: the glyph with its name while one is given, an empty slot of the same width
/// otherwise. One reactive node draws the whole slot (not one per attribute): rows are made as
/// the list scrolls, and a row's cost is mostly its count of reactive nodes. `what` should read
/// memos, so the slot is drawn again only when its glyph or the language changes.
pub fn icon_slot(
    testid: &'static str,
    what: impl Fn() -> Option<(Glyph, Text)> + Send + Sync + 'static,
) -> impl IntoView {
    let tr = Tr::use_context();
    move || match what() {
        Some((g, name)) => {
            let name = tr.t(name);
            view! {
                <span class=g.class() data-testid=testid role="img" aria-label=name title=name data-on="true">
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=g.path()/></svg>
                </span>
            }
            .into_any()
        }
        None => view! { <span class="ico" data-testid=testid data-on="false"></span> }.into_any(),
    }
}
