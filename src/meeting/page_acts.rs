//! What the meeting page does itself when a key or the palette asks (open a panel, go to the
//! search, show a participant or their actions, the help, dense rows, leave), handed to the
//! command service, so no part of the page presses or finds another's control.

use crate::command::act::{Act, PersonAct};
use crate::command::service::Commands;
use crate::dialogs::ActionsFor;
use crate::keyboard::shortcuts::KeysUi;
use crate::list::filters::SearchBox;
use crate::list::virtual_list::ScrollToParticipant;
use crate::meeting::dock::focus_tab;
use crate::panels::Dock;
use crate::widgets::prefs::DenseRows;
use leptos::prelude::*;

/// Provides the keyboard's dialogs and the search box, and hands the service what the page
/// does itself. Called by the meeting page once the dock, the list's scroller and the actions
/// dialog's context are provided.
pub fn provide_page_acts(cmds: &Commands, leave: Callback<()>) {
    let ui = KeysUi {
        palette: RwSignal::new(false),
        help: RwSignal::new(false),
    };
    provide_context(ui);
    let search = SearchBox(NodeRef::new());
    provide_context(search);
    let dock = Dock::use_context();
    let dense = use_context::<DenseRows>();
    let show = ScrollToParticipant::use_context();
    let actions_for = use_context::<ActionsFor>();
    let venues = crate::venues::Venues::use_context();
    let picture = crate::picture::Picture::use_context();
    let rooms = crate::command::rooms::RoomSwitch::use_context();
    let me = cmds.clone();
    cmds.set_page_acts(Callback::new(move |act: Act| match act {
        Act::Panel(p) => {
            if let Some(dock) = dock {
                dock.show(p);
                focus_tab(p);
            }
        }
        Act::Search => {
            if let Some(input) = search.0.get_untracked() {
                let _ = input.focus();
            }
        }
        Act::Dense => {
            if let Some(DenseRows(d)) = dense {
                d.update(|d| *d = !*d);
            }
        }
        Act::Help => ui.help.set(true),
        Act::RollCallOf(number, _) => {
            if let Some(v) = venues {
                v.rollcall.call_number(v, &me, number);
            }
        }
        Act::BroadcastOf(number, _) => {
            if let Some(p) = picture {
                let at = p
                    .venues
                    .list
                    .with_untracked(|l| l.iter().position(|v| v.number == number));
                if let Some(i) = at {
                    p.broadcast.start(p, &me, i);
                }
            }
        }
        Act::BroadcastEnd(_) => {
            if let Some(p) = picture {
                p.broadcast.end(p, &me);
            }
        }
        Act::RotationStop(_) => {
            if let Some(p) = picture {
                p.rotation.stop(p, &me);
            }
        }
        Act::RotationPause => {
            if let Some(p) = picture {
                if p.rotation.on.with_untracked(Option::is_some) {
                    p.rotation.toggle_pause();
                }
            }
        }
        Act::PresetOf(index, _) => {
            if let Some(p) = picture {
                p.apply_preset(&me, index);
            }
        }
        Act::Leave => leave.run(()),
        Act::RoomOf(id, _) => {
            if let Some(r) = rooms {
                r.open.run(id);
            }
        }
        Act::Wall => {
            if let Some(r) = rooms {
                r.back.run(());
            }
        }
        Act::Person(PersonAct::Show, uuid) => {
            if let Some(s) = show {
                s.show(&uuid);
            }
        }
        Act::Person(PersonAct::Actions, uuid) => {
            if let Some(ActionsFor(a)) = actions_for {
                a.set(Some(uuid));
            }
        }
        _ => {}
    }));
}
