//! The operator wall's pure rules: the rooms it watches (kept without PINs), which of them
//! stream and which are polled on each conference node (`schedule.rs`), what needs attention
//! first, and its texts.

pub mod schedule;
mod texts;

pub use texts::WallText;

use serde::{Deserialize, Serialize};

/// A room on the wall, as the operator added it (or `config.json` or the portal named it).
/// Never a PIN: that is typed once per tab and held in memory only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomEntry {
    /// The conference's alias or number, as the join form takes it.
    pub conference: String,
    /// What the card is called; the conference's own name once joined when empty.
    #[serde(default)]
    pub name: String,
    /// The API server; the console's default server when empty.
    #[serde(default)]
    pub server: String,
}

impl RoomEntry {
    /// The room's identity on the wall: the same conference on the same server is one room.
    pub fn key(&self) -> String {
        format!(
            "{}|{}",
            self.server.trim().to_lowercase(),
            self.conference.trim().to_lowercase()
        )
    }

    /// The card's title: its name, else the conference's address.
    pub fn title(&self) -> &str {
        match self.name.trim() {
            "" => self.conference.trim(),
            n => n,
        }
    }
}

/// A room an embedding portal hands the wall (`{"type": "wall", "rooms": [...]}`), with the host
/// PIN if it has one: held in memory only, and never printed (its `Debug` hides it).
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct PortalRoom {
    #[serde(flatten)]
    pub entry: RoomEntry,
    #[serde(default)]
    pub pin: Option<String>,
}

impl std::fmt::Debug for PortalRoom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PortalRoom")
            .field("entry", &self.entry)
            .field("pin", &self.pin.as_ref().map(|_| "…"))
            .finish()
    }
}

/// Reads the rooms of a portal's `wall` message (the JSON text of its `rooms`).
pub fn parse_portal_rooms(rooms: &str) -> Result<Vec<PortalRoom>, String> {
    let rooms: Vec<PortalRoom> = serde_json::from_str(rooms).map_err(|e| format!("rooms: {e}"))?;
    Ok(rooms
        .into_iter()
        .filter(|r| !r.entry.conference.trim().is_empty())
        .collect())
}

/// Reads a saved or configured list: entries without a conference are dropped, and a room
/// named twice is kept once (its first entry).
pub fn parse_rooms(json: &str) -> Result<Vec<RoomEntry>, String> {
    let rooms: Vec<RoomEntry> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Ok(dedup(rooms))
}

/// The list without empty or repeated rooms, in its order.
pub fn dedup(rooms: Vec<RoomEntry>) -> Vec<RoomEntry> {
    let mut seen = std::collections::HashSet::new();
    rooms
        .into_iter()
        .filter(|r| !r.conference.trim().is_empty())
        .filter(|r| seen.insert(r.key()))
        .collect()
}

/// The list as it is saved: JSON, with no PIN, since [`RoomEntry`] has none.
pub fn rooms_json(rooms: &[RoomEntry]) -> String {
    serde_json::to_string(rooms).unwrap_or_else(|_| "[]".into())
}

/// How much a card asks for the operator's eye; cards sort by it, most first, then by their
/// place in the list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Attention {
    /// The session is lost or ended, or the stream is lost.
    pub broken: bool,
    /// Alerts raised since the operator last looked at the room.
    pub unseen: u32,
    /// People in the waiting room.
    pub waiting: usize,
    /// Venues on its list that are absent (dropped, or redial given up).
    pub venues_missing: usize,
}

impl Attention {
    /// Whether the card needs the operator at all: such a room is streamed first.
    pub fn needed(&self) -> bool {
        self.broken || self.unseen > 0 || self.waiting > 0
    }

    /// The sort key: broken first, then unseen alerts, then waiting, then missing venues.
    pub fn rank(&self) -> (bool, bool, bool, bool) {
        (
            self.broken,
            self.unseen > 0,
            self.waiting > 0,
            self.venues_missing > 0,
        )
    }
}

/// The cards' order: by attention (most first), then by the list's order.
pub fn card_order(attention: &[Attention]) -> Vec<usize> {
    let mut ix: Vec<usize> = (0..attention.len()).collect();
    ix.sort_by(|&a, &b| {
        attention[b]
            .rank()
            .cmp(&attention[a].rank())
            .then(a.cmp(&b))
    });
    ix
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(c: &str, server: &str) -> RoomEntry {
        RoomEntry {
            conference: c.into(),
            name: String::new(),
            server: server.into(),
        }
    }

    #[test]
    fn a_room_named_twice_or_without_a_conference_is_kept_once_or_dropped() {
        let rooms = dedup(vec![
            entry("a@x", "s"),
            entry(" A@X ", "S"),
            entry("  ", "s"),
            entry("a@x", "other"),
        ]);
        assert_eq!(rooms.len(), 2);
        assert_eq!(rooms[1].server, "other");
    }

    #[test]
    fn the_saved_list_reads_back_and_has_no_pin() {
        let rooms = vec![RoomEntry {
            conference: "a@x".into(),
            name: "早会".into(),
            server: "https://p".into(),
        }];
        let json = rooms_json(&rooms);
        assert!(!json.contains("pin"));
        assert_eq!(parse_rooms(&json).unwrap(), rooms);
        assert_eq!(
            parse_rooms(r#"[{"conference":"b"}]"#).unwrap()[0].title(),
            "b"
        );
        assert!(parse_rooms("{").is_err());
    }

    #[test]
    fn a_portal_s_rooms_carry_their_pin_which_debug_never_prints() {
        let v = r#"[{"conference": "a@x", "pin": "123456"}, {"conference": ""}]"#;
        let rooms = parse_portal_rooms(v).unwrap();
        assert_eq!(rooms.len(), 1);
        assert_eq!(rooms[0].pin.as_deref(), Some("123456"));
        assert!(!format!("{rooms:?}").contains("123456"));
        assert!(parse_portal_rooms(r#"{"a": 1}"#).is_err());
    }

    #[test]
    fn broken_rooms_then_alerts_then_waiting_sort_first_and_ties_keep_the_list_order() {
        let a = |broken, unseen, waiting| Attention {
            broken,
            unseen,
            waiting,
            venues_missing: 0,
        };
        let order = card_order(&[
            a(false, 0, 0),
            a(false, 0, 2),
            a(false, 1, 0),
            a(true, 0, 0),
            a(false, 0, 0),
        ]);
        assert_eq!(order, vec![3, 2, 1, 0, 4]);
        assert!(!a(false, 0, 0).needed());
        assert!(a(false, 0, 1).needed());
    }
}
