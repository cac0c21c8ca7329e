//! Every room's alerts, raised where one meeting's go: counted on its card and in the page
//! title and favicon (all rooms together), beeped and notified as the operator switched them,
//! and sent to an embedding portal with the room named.

use super::{Wall, WallRoom};
use crate::embed::bridge::use_embed;
use crate::embed::messages::Outbound;
use crate::host::attention;
use crate::i18n::Tr;
use crate::meeting::alerts::alert_text;
use crate::meeting::room::Room;
use leptos::prelude::*;

/// Follows `live`'s alerts for the wall, for as long as the room runs.
pub fn follow(wall: Wall, room: WallRoom, live: &Room) {
    let alert = live.session.store.record().alert();
    // Under the room's owner: its contexts, and its end ends this.
    live.within(move || {
        let tr = Tr::use_context();
        let embed = use_embed();
        Effect::watch(
            move || alert.get(),
            move |a, _, _| {
                let Some((_, a)) = a else { return };
                let muted = attention::saved_muted_kinds();
                if muted.iter().any(|k| k == a.kind.as_str()) {
                    return;
                }
                // The room being looked at shows its own alerts in its bar.
                if wall.focused.get_untracked() != Some(room.id) {
                    room.unseen.update(|n| *n += 1);
                }
                let text = alert_text(tr, a);
                let title = room.title();
                room.last_alert.set(Some(text.clone()));
                if attention::saved_sound() {
                    attention::beep();
                }
                if attention::saved_notify() && attention::notifications_granted() {
                    attention::notify(&title, &text, a.kind.as_str());
                }
                if let Some(embed) = embed {
                    embed.send(&Outbound::Alert {
                        kind: a.kind.as_str(),
                        subject: a.subject.clone(),
                        detail: a.detail.clone(),
                        unseen: u64::from(total_unseen(wall)),
                        conference: Some(room.entry.with_value(|e| e.conference.clone())),
                    });
                }
            },
            false,
        );
    });
}

fn total_unseen(wall: Wall) -> u32 {
    wall.rooms
        .with_untracked(|r| r.iter().map(|x| x.unseen.get_untracked()).sum())
}

/// The title and favicon count every room's unseen alerts; put back when the wall goes.
pub fn provide_title(wall: Wall) {
    let base = StoredValue::new(
        web_sys::window()
            .and_then(|w| w.document())
            .map(|d| d.title())
            .unwrap_or_default(),
    );
    Effect::new(move |_| {
        let n: u32 = wall.rooms.with(|r| r.iter().map(|x| x.unseen.get()).sum());
        attention::set_title(&attention::title_with_count(
            &base.get_value(),
            u64::from(n),
        ));
        attention::set_favicon_badge(u64::from(n));
    });
    on_cleanup(move || {
        attention::set_title(&base.get_value());
        attention::set_favicon_badge(0);
    });
}
