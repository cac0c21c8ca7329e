//! The rooms as the platform provisions them, and who their PINs let in (docs/api-notes.md,
//! "Roles").

use super::error::{ApiError, ApiResult};
use huikong_protocol::Role;

/// A room as the platform provisions it.
#[derive(Debug, Clone)]
pub struct RoomInfo {
    pub id: u32,
    pub alias: String,
    pub name: String,
    pub host_pin: String,
    /// Without a guest PIN, anyone who gives no PIN joins as a guest.
    pub guest_pin: Option<String>,
}

/// The most extra rooms (`--rooms`): their ids then stay within 2001..=2999, clear of the
/// rooms every simulator has.
pub const MAX_EXTRA_ROOMS: usize = 999;

/// The rooms every simulator starts with.
pub fn provisioned_rooms() -> Vec<RoomInfo> {
    vec![
        RoomInfo {
            id: 1061,
            alias: "demo@huikong.local".into(),
            name: "演示会议室".into(),
            host_pin: "123456".into(),
            guest_pin: Some("654321".into()),
        },
        RoomInfo {
            id: 1062,
            alias: "training@huikong.local".into(),
            name: "培训会议室".into(),
            host_pin: "112233".into(),
            guest_pin: None,
        },
    ]
}

/// The rooms every simulator starts with, then `extra` more (`Config::extra_rooms`), each as
/// [`extra_room`] provisions it.
pub fn provisioned_rooms_with(extra: usize) -> Vec<RoomInfo> {
    let mut rooms = provisioned_rooms();
    rooms.extend((1..=extra).map(extra_room));
    rooms
}

/// The alias of extra room `i` (1-based): `room01@huikong.local`, `room02@huikong.local`, ...
pub fn extra_room_alias(i: usize) -> String {
    format!("room{i:02}@huikong.local")
}

/// Extra room `i` (1-based), for an operator wall that watches many meetings: id 2000 + `i`,
/// and the demo room's PINs, so that a client opens any of them as it opens the demo room.
/// `i` is at most [`MAX_EXTRA_ROOMS`], as `--rooms` checks.
pub fn extra_room(i: usize) -> RoomInfo {
    RoomInfo {
        id: 2000 + i as u32,
        alias: extra_room_alias(i),
        name: format!("会议室 {i:02}"),
        host_pin: "123456".into(),
        guest_pin: Some("654321".into()),
    }
}

impl RoomInfo {
    /// The role a PIN opens this room with. `None` or an empty PIN asks for the guest entry.
    pub fn role_for_pin(&self, pin: Option<&str>) -> ApiResult<Role> {
        let pin = pin.map(str::trim).filter(|p| !p.is_empty() && *p != "none");
        match (pin, &self.guest_pin) {
            (Some(p), _) if p == self.host_pin => Ok(Role::Host),
            (Some(p), Some(g)) if p == g => Ok(Role::Guest),
            (Some(_), _) => Err(ApiError::InvalidPin),
            (None, Some(_)) => Err(ApiError::PinRequired {
                guest_pin_required: true,
            }),
            (None, None) => Ok(Role::Guest),
        }
    }

    /// Whether `pin` opens this room with `role` (for transfer, which names the role).
    pub fn pin_admits(&self, role: Role, pin: Option<&str>) -> bool {
        let pin = pin.map(str::trim).unwrap_or("");
        match role {
            Role::Host => pin == self.host_pin,
            Role::Guest => match &self.guest_pin {
                Some(g) => pin == g || pin == self.host_pin,
                None => true,
            },
        }
    }
}
