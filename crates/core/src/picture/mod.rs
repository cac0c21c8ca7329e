//! What everyone sees, run by the operator: broadcast (广播, one venue full screen for the
//! guests, the hosts free unless the chair's view is on), rotation (轮询, `rotation.rs`) and
//! picture presets (多画面预案, `preset.rs`), kept with the venue list in one meeting plan
//! (`plan.rs`). All are the platform's `override_layout`; what each sends is decided here, and
//! what was in force before, so that an end puts it back.

pub mod plan;
pub mod preset;
pub mod rotation;
pub mod texts;

pub use texts::PictureText;

use huikong_protocol::{Audience, LayoutOverride, OverrideLayoutRequest};
use serde::{Deserialize, Serialize};

/// Whose picture a broadcast, a rotation or a preset sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audiences {
    Hosts,
    #[default]
    Guests,
    Both,
}

impl Audiences {
    pub fn hosts(self) -> bool {
        self != Audiences::Guests
    }

    pub fn guests(self) -> bool {
        self != Audiences::Hosts
    }

    pub fn list(self) -> &'static [Audience] {
        match self {
            Audiences::Hosts => &[Audience::Hosts],
            Audiences::Guests => &[Audience::Guests],
            Audiences::Both => &[Audience::Hosts, Audience::Guests],
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Audiences::Hosts => "hosts",
            Audiences::Guests => "guests",
            Audiences::Both => "both",
        }
    }

    pub fn parse(s: &str) -> Option<Audiences> {
        match s {
            "hosts" => Some(Audiences::Hosts),
            "guests" => Some(Audiences::Guests),
            "both" => Some(Audiences::Both),
            _ => None,
        }
    }
}

/// One audience's picture as the console sets it: the view, who is placed (participants'
/// uuids, in pane order), and whether the panes left over follow the voice.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shown {
    pub view: String,
    pub actors: Vec<String>,
    pub vad_backfill: bool,
}

impl Shown {
    /// A view filled by voice alone.
    pub fn by_voice(view: &str) -> Shown {
        Shown {
            view: view.to_owned(),
            actors: Vec::new(),
            vad_backfill: true,
        }
    }

    /// One participant full screen.
    pub fn alone(uuid: &str) -> Shown {
        Shown {
            view: FULL_SCREEN.to_owned(),
            actors: vec![uuid.to_owned()],
            vad_backfill: false,
        }
    }

    pub fn for_audience(&self, a: Audience) -> LayoutOverride {
        LayoutOverride::new(a, &self.view, self.actors.clone(), self.vad_backfill)
    }
}

/// A venue alone on screen.
pub const FULL_SCREEN: &str = "1:0";
/// What the platform shows when nobody has set a layout.
pub const DEFAULT_VIEW: &str = "1:7";

/// `override_layout` setting `shown` for `audiences`.
pub fn request(audiences: Audiences, shown: &Shown) -> OverrideLayoutRequest {
    OverrideLayoutRequest {
        layouts: audiences
            .list()
            .iter()
            .map(|a| shown.for_audience(*a))
            .collect(),
    }
}

/// What each audience saw before a broadcast, a rotation or a roll call began, to put back at
/// its end.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Before {
    pub hosts: Shown,
    pub guests: Shown,
}

impl Before {
    /// A host's console sees only the hosts' layout (the `layout` events); the guests' is what
    /// this console last set for them, or else taken to be the hosts' view filled by voice (what
    /// the platform shows both when nobody has set a layout). The hosts' is what this console
    /// last set when the events still show that view, else the view the events show.
    pub fn find(
        last_hosts: Option<&Shown>,
        last_guests: Option<&Shown>,
        hosts_view: &str,
    ) -> Before {
        let view = if hosts_view.is_empty() {
            DEFAULT_VIEW
        } else {
            hosts_view
        };
        let hosts = match last_hosts {
            Some(s) if s.view == view => s.clone(),
            _ => Shown::by_voice(view),
        };
        let guests = last_guests
            .cloned()
            .unwrap_or_else(|| Shown::by_voice(view));
        Before { hosts, guests }
    }

    /// The request that puts back what `audiences` saw.
    pub fn restore(&self, audiences: Audiences) -> OverrideLayoutRequest {
        let mut layouts = Vec::new();
        if audiences.hosts() {
            layouts.push(self.hosts.for_audience(Audience::Hosts));
        }
        if audiences.guests() {
            layouts.push(self.guests.for_audience(Audience::Guests));
        }
        OverrideLayoutRequest { layouts }
    }

    /// A layout the operator sets by hand (`req`) while a broadcast or a rotation of
    /// `audiences` runs ends it: each of those audiences that `req` does not set gets back what
    /// it saw before, in the same request.
    pub fn hand_over(&self, audiences: Audiences, req: &mut OverrideLayoutRequest) {
        let set: Vec<Audience> = req.layouts.iter().map(|l| l.audience).collect();
        let back = self.restore(audiences).layouts;
        req.layouts
            .extend(back.into_iter().filter(|l| !set.contains(&l.audience)));
    }

    /// The view the hosts are to see while `audiences` are shown `shown`: a rotation or a
    /// broadcast that leaves the hosts alone expects their view unchanged.
    pub fn hosts_view_with(&self, audiences: Audiences, shown: &Shown) -> String {
        if audiences.hosts() {
            shown.view.clone()
        } else {
            self.hosts.view.clone()
        }
    }
}

/// A broadcast of the venue `uuid`: full screen for the guests, and for the hosts too with the
/// chair's view (主席观看); otherwise the hosts watch freely.
pub fn broadcast(uuid: &str, chair_view: bool) -> OverrideLayoutRequest {
    let who = if chair_view {
        Audiences::Both
    } else {
        Audiences::Guests
    };
    request(who, &Shown::alone(uuid))
}

/// Whether a `layout` event's view, arriving while the console expects the hosts to see
/// `expected`, is someone else's doing. A console's own command is confirmed by its event, and
/// until then (`confirmed` false) an event of the view before is not a change.
pub fn changed_elsewhere(expected: &str, confirmed: bool, seen: &str) -> bool {
    confirmed && !seen.is_empty() && seen != expected
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broadcast_leaves_the_hosts_alone_unless_the_chair_watches_too() {
        let r = broadcast("x", false);
        assert_eq!(r.layouts.len(), 1);
        assert_eq!(r.layouts[0].audience, Audience::Guests);
        assert_eq!(r.layouts[0].layout, "1:0");
        assert_eq!(r.layouts[0].actors, ["x"]);
        assert!(!r.layouts[0].vad_backfill);
        assert!(r.validate().is_ok());
        let both = broadcast("x", true);
        assert_eq!(both.layouts.len(), 2);
    }

    #[test]
    fn before_is_what_this_console_set_or_else_the_hosts_view_by_voice() {
        let set = Shown {
            view: "1:7".into(),
            actors: vec!["a".into()],
            vad_backfill: true,
        };
        let b = Before::find(Some(&set), None, "1:7");
        assert_eq!(b.hosts, set);
        assert_eq!(b.guests, Shown::by_voice("1:7"));
        // Another host changed the hosts' view since: the events win.
        let b = Before::find(Some(&set), Some(&set), "2:21");
        assert_eq!(b.hosts, Shown::by_voice("2:21"));
        assert_eq!(b.guests, set);
        assert_eq!(Before::find(None, None, "").hosts.view, "1:7");
        let r = b.restore(Audiences::Guests);
        assert_eq!(r.layouts.len(), 1);
        assert_eq!(r.layouts[0].audience, Audience::Guests);
        assert_eq!(r.layouts[0].actors, ["a"]);
        assert_eq!(b.restore(Audiences::Both).layouts.len(), 2);
    }

    #[test]
    fn a_layout_set_by_hand_puts_back_the_audiences_it_does_not_set() {
        let b = Before {
            hosts: Shown::by_voice("1:7"),
            guests: Shown::by_voice("2:21"),
        };
        let mut hosts_only = request(Audiences::Hosts, &Shown::by_voice("4:0"));
        b.hand_over(Audiences::Both, &mut hosts_only);
        let got: Vec<(Audience, &str)> = hosts_only
            .layouts
            .iter()
            .map(|l| (l.audience, l.layout.as_str()))
            .collect();
        assert_eq!(got, [(Audience::Hosts, "4:0"), (Audience::Guests, "2:21")]);
        let mut both = request(Audiences::Both, &Shown::by_voice("4:0"));
        b.hand_over(Audiences::Guests, &mut both);
        assert_eq!(both.layouts.len(), 2);
    }

    #[test]
    fn only_a_confirmed_picture_is_changed_by_another_view() {
        assert!(!changed_elsewhere("1:0", false, "1:7"));
        assert!(!changed_elsewhere("1:0", true, "1:0"));
        assert!(changed_elsewhere("1:0", true, "2:21"));
        assert!(!changed_elsewhere("1:0", true, ""));
    }
}
