//! The `venues` scenario: a meeting of a head office and twenty branch venues, as the venue
//! list in `examples/venues-demo.csv` expects them. Most are in, dialled in over SIP, H.323,
//! the phone or an RTSP feed, named as they were dialled; some are absent, a few of those at
//! addresses that are busy or never answer; one (苏州) drops now and then; one guest is not on
//! the list at all. Nobody else comes or goes.

use crate::model::{new_uuid, unix_now, Room};
use huikong_protocol::{Participant, Role};

/// A venue of the scenario: its name, the address the list dials, the protocol, and the
/// address it is in the meeting with when it is (`None`: absent).
struct Site {
    name: &'static str,
    protocol: &'static str,
    role: Role,
    present_as: Option<&'static str>,
}

const fn site(
    name: &'static str,
    protocol: &'static str,
    role: Role,
    present_as: Option<&'static str>,
) -> Site {
    Site {
        name,
        protocol,
        role,
        present_as,
    }
}

const G: Role = Role::Guest;

/// The venues in the meeting, and the absent ones for the record (their list addresses are in
/// `examples/venues-demo.csv`: `busy` ones refuse, `noanswer` ones never answer).
const SITES: [Site; 16] = [
    site(
        "总部主会场",
        "sip",
        Role::Host,
        Some("hq@venues.huikong.local"),
    ),
    // The same address, as a room system reports it: scheme, case and transport differ.
    site(
        "北京分会场",
        "sip",
        G,
        Some("SIP:Beijing@venues.huikong.local;transport=tls"),
    ),
    site("上海分会场", "h323", G, Some("10.20.0.3")),
    site(
        "深圳分会场",
        "sip",
        G,
        Some("shenzhen@venues.huikong.local"),
    ),
    // Dialled in from another gateway: found by its alias 1006.
    site("杭州分会场", "sip", G, Some("1006@10.20.0.6")),
    // Dialled in from an address the list does not know: found by its name only.
    site("南京分会场", "sip", G, Some("nj-room@10.20.9.9")),
    site("西安分会场", "sip", G, Some("xian@venues.huikong.local")),
    site("天津分会场", "phone", G, Some("+86 138 0000 0012")),
    site("苏州分会场", "sip", G, Some(FLAKY)),
    site(
        "郑州分会场",
        "sip",
        G,
        Some("zhengzhou@venues.huikong.local"),
    ),
    site("青岛分会场", "h323", G, Some("10.20.0.16")),
    site(
        "沈阳分会场",
        "sip",
        G,
        Some("shenyang@venues.huikong.local"),
    ),
    site(
        "大连监控点",
        "rtsp",
        G,
        Some("rtsp://cam.dalian.huikong.local/live"),
    ),
    site("合肥分会场", "sip", G, Some("hefei@venues.huikong.local")),
    // Not on the list.
    site("临时来宾", "sip", G, Some("visitor@example.com")),
    // Absent: the list calls it.
    site("广州分会场", "sip", G, None),
];

/// The venue that drops now and then.
const FLAKY: &str = "suzhou@venues.huikong.local";

/// Scenario ticks between two drops of the flaky venue.
const DROP_EVERY: u64 = 90;

fn vendor(protocol: &str) -> &'static str {
    match protocol {
        "h323" => "Huawei TE40",
        "phone" => "PSTN gateway",
        "rtsp" => "Hikvision DS-2CD (RTSP)",
        _ => "Polycom RealPresence Group 500",
    }
}

fn participant(s: &Site, uri: &str, alias: &str) -> Participant {
    let mut p = Participant::new(new_uuid());
    p.display_name = s.name.into();
    p.overlay_text = s.name.into();
    p.protocol = s.protocol.into();
    p.role = s.role;
    p.uri = uri.into();
    p.vendor = vendor(s.protocol).into();
    p.local_alias = alias.into();
    p.is_audio_only_call = s.protocol == "phone";
    p.is_video_call = s.protocol != "phone";
    p.presentation_supported = matches!(s.protocol, "sip" | "h323");
    p.start_time = (unix_now() - fastrand::f64() * 600.0).floor();
    p
}

/// Fills the room with the venues that are in.
pub fn populate(room: &mut Room) {
    let alias = room.info.alias.clone();
    for s in &SITES {
        if let Some(uri) = s.present_as {
            room.join(participant(s, uri, &alias), true);
        }
    }
}

/// One tick: someone speaks now and then, and the flaky venue drops.
pub fn tick(room: &mut Room, n: u64) {
    if n.is_multiple_of(4) {
        let live: Vec<String> = room
            .members
            .iter()
            .filter(|m| m.p.has_media && !m.ringing && !m.p.is_muted)
            .map(|m| m.p.uuid.clone())
            .collect();
        if !live.is_empty() {
            let who = live[fastrand::usize(..live.len())].clone();
            room.speak(Some(&who));
        }
    }
    if n.is_multiple_of(DROP_EVERY) {
        let flaky = room
            .members
            .iter()
            .find(|m| m.p.uri.eq_ignore_ascii_case(FLAKY) || m.p.uri.contains("suzhou"))
            .map(|m| m.p.uuid.clone());
        if let Some(uuid) = flaky {
            room.leave(&uuid);
        }
    }
}
