//! The key map, one table: which key does what, where. The page's keyboard handler, the list's
//! row keys, the help dialog's tables and every control's `aria-keyshortcuts` read it, so a key
//! is named in one place.

pub use crate::keymap_texts::KeyText;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyAct {
    Palette,
    Help,
    Search,
    /// Lock or unlock, by the conference's state now.
    Lock,
    /// Mute or unmute all guests, by their state now.
    Guests,
    AdmitAll,
    Dense,
    /// Open the dock's panel 1 to 8.
    Tab,
    Undo,
    Results,
    RowMove,
    RowMute,
    RowSpotlight,
    RowDisconnect,
    RowActions,
    RowSelect,
    RowSelectAll,
    /// Roll call of the focused venue.
    VenueRollCall,
    /// End the roll call, the broadcast or the rotation.
    RollCallEnd,
    /// Broadcast the focused venue.
    VenueBroadcast,
    /// Pause or resume the rotation.
    RotationPause,
    /// Apply the picture preset 1 to 9.
    Preset,
}

/// Where a key works: anywhere on the page (but in a field or a dialog), on a focused row of
/// the participant list, or on a focused venue of the venue list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Page,
    Row,
    Venue,
}

/// One line of the key map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub act: KeyAct,
    pub scope: Scope,
    /// As the help shows it.
    pub shown: &'static str,
    /// As `aria-keyshortcuts` names it, when a control runs it.
    pub aria: &'static str,
    /// The `KeyboardEvent.key` values that run it, for the single keys this crate dispatches
    /// (the chords and the arrows are handled where they act).
    pub keys: &'static [&'static str],
    pub what: KeyText,
}

const fn b(
    act: KeyAct,
    scope: Scope,
    shown: &'static str,
    aria: &'static str,
    keys: &'static [&'static str],
    what: KeyText,
) -> Binding {
    Binding {
        act,
        scope,
        shown,
        aria,
        keys,
        what,
    }
}

/// The key map, the page's keys first, in the order the help lists them.
pub const KEYMAP: [Binding; 22] = [
    b(
        KeyAct::Palette,
        Scope::Page,
        "Ctrl+K / ⌘K",
        "Control+K Meta+K",
        &[],
        KeyText::KeyPalette,
    ),
    b(
        KeyAct::Help,
        Scope::Page,
        "?",
        "?",
        &["?"],
        KeyText::KeyHelp,
    ),
    b(
        KeyAct::Search,
        Scope::Page,
        "/",
        "/",
        &["/"],
        KeyText::KeySearch,
    ),
    b(
        KeyAct::Lock,
        Scope::Page,
        "l",
        "l",
        &["l"],
        KeyText::KeyLock,
    ),
    b(
        KeyAct::Guests,
        Scope::Page,
        "g",
        "g",
        &["g"],
        KeyText::KeyGuests,
    ),
    b(
        KeyAct::AdmitAll,
        Scope::Page,
        "a",
        "a",
        &["a"],
        KeyText::KeyAdmitAll,
    ),
    b(
        KeyAct::Dense,
        Scope::Page,
        "d",
        "d",
        &["d"],
        KeyText::KeyDense,
    ),
    b(
        KeyAct::Tab,
        Scope::Page,
        "1 – 8",
        "",
        &["1", "2", "3", "4", "5", "6", "7", "8"],
        KeyText::KeyTabs,
    ),
    b(
        KeyAct::Undo,
        Scope::Page,
        "Ctrl+Z / ⌘Z",
        "Control+Z Meta+Z",
        &[],
        KeyText::KeyUndo,
    ),
    b(
        KeyAct::Results,
        Scope::Page,
        "Alt+Shift+N",
        "Alt+Shift+N",
        &[],
        KeyText::KeyResults,
    ),
    // Handled by the roll call's bar while a roll call is on.
    b(
        KeyAct::RollCallEnd,
        Scope::Page,
        "Esc",
        "Escape",
        &[],
        KeyText::KeyEndRunning,
    ),
    b(
        KeyAct::RotationPause,
        Scope::Page,
        "p",
        "p",
        &["p"],
        KeyText::KeyRotationPause,
    ),
    // Chords, handled by the page's keyboard handler.
    b(
        KeyAct::Preset,
        Scope::Page,
        "Alt+1 – Alt+9",
        "Alt+1 Alt+2 Alt+3 Alt+4 Alt+5 Alt+6 Alt+7 Alt+8 Alt+9",
        &[],
        KeyText::KeyPreset,
    ),
    b(
        KeyAct::RowMove,
        Scope::Row,
        "↑ ↓ PageUp PageDown Home End",
        "",
        &[],
        KeyText::KeyRowMove,
    ),
    b(
        KeyAct::RowMute,
        Scope::Row,
        "m",
        "m",
        &["m"],
        KeyText::KeyRowMute,
    ),
    b(
        KeyAct::RowSpotlight,
        Scope::Row,
        "s",
        "s",
        &["s"],
        KeyText::KeyRowSpot,
    ),
    b(
        KeyAct::RowDisconnect,
        Scope::Row,
        "Delete",
        "Delete",
        &["Delete"],
        KeyText::KeyRowDisconnect,
    ),
    b(
        KeyAct::RowActions,
        Scope::Row,
        "Enter",
        "Enter",
        &["Enter"],
        KeyText::KeyRowActions,
    ),
    b(
        KeyAct::RowSelect,
        Scope::Row,
        "x / Space",
        "x Space",
        &[],
        KeyText::KeyRowSelect,
    ),
    b(
        KeyAct::RowSelectAll,
        Scope::Row,
        "Ctrl+A / ⌘A",
        "Control+A Meta+A",
        &[],
        KeyText::KeyRowSelectAll,
    ),
    b(
        KeyAct::VenueRollCall,
        Scope::Venue,
        "r",
        "r",
        &["r"],
        KeyText::KeyVenueRollCall,
    ),
    b(
        KeyAct::VenueBroadcast,
        Scope::Venue,
        "b",
        "b",
        &["b"],
        KeyText::KeyVenueBroadcast,
    ),
];

impl KeyAct {
    /// Its line of the key map.
    pub fn binding(self) -> &'static Binding {
        KEYMAP
            .iter()
            .find(|b| b.act == self)
            .expect("every key act is in the key map")
    }

    /// Its `aria-keyshortcuts` value.
    pub fn aria(self) -> &'static str {
        self.binding().aria
    }
}

/// The lines of one scope, for the help's table.
pub fn bindings(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.scope == scope)
}

/// What a single key of `scope` asks for, with the key's place in its binding (the panel's
/// number for [`KeyAct::Tab`]).
pub fn lookup(scope: Scope, key: &str) -> Option<(KeyAct, usize)> {
    bindings(scope).find_map(|b| b.keys.iter().position(|k| *k == key).map(|i| (b.act, i)))
}

/// Every key of `scope` as `aria-keyshortcuts` names them, for the element that takes them
/// (the list takes the row's keys).
pub fn aria_all(scope: Scope) -> String {
    let names: Vec<&str> = bindings(scope)
        .map(|b| b.aria)
        .filter(|a| !a.is_empty())
        .collect();
    names.join(" ")
}

/// The key that opens the dock's panel at `index` (0-based), as `aria-keyshortcuts` names it.
pub fn tab_key(index: usize) -> Option<&'static str> {
    KeyAct::Tab.binding().keys.get(index).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_act_has_one_line() {
        for b in KEYMAP {
            assert_eq!(KEYMAP.iter().filter(|x| x.act == b.act).count(), 1, "{b:?}");
        }
    }

    #[test]
    fn a_single_key_means_one_thing_in_its_scope() {
        for scope in [Scope::Page, Scope::Row, Scope::Venue] {
            let mut seen = Vec::new();
            for b in bindings(scope) {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k} twice in {scope:?}");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn keys_are_looked_up_by_scope() {
        assert_eq!(lookup(Scope::Page, "l"), Some((KeyAct::Lock, 0)));
        assert_eq!(lookup(Scope::Page, "3"), Some((KeyAct::Tab, 2)));
        assert_eq!(lookup(Scope::Page, "m"), None);
        assert_eq!(lookup(Scope::Row, "m"), Some((KeyAct::RowMute, 0)));
        assert_eq!(
            lookup(Scope::Row, "Delete"),
            Some((KeyAct::RowDisconnect, 0))
        );
        assert_eq!(tab_key(6), Some("7"));
        assert_eq!(tab_key(7), Some("8"));
        assert_eq!(tab_key(8), None);
    }

    #[test]
    fn the_list_names_every_row_key() {
        assert_eq!(
            aria_all(Scope::Row),
            "m s Delete Enter x Space Control+A Meta+A"
        );
    }

    #[test]
    fn the_help_lists_the_page_first_then_the_row_then_the_venue() {
        let page = bindings(Scope::Page).count();
        let row = bindings(Scope::Row).count();
        assert!(KEYMAP[..page].iter().all(|b| b.scope == Scope::Page));
        assert!(KEYMAP[page..page + row]
            .iter()
            .all(|b| b.scope == Scope::Row));
        assert_eq!(bindings(Scope::Venue).count(), KEYMAP.len() - page - row);
    }

    #[test]
    fn the_policy_s_keys_are_in_the_map() {
        for a in crate::command::Action::ALL {
            if let Some(k) = a.policy().key {
                let _ = k.binding();
            }
        }
    }
}
