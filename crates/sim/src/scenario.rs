//! A living conference for demos: people over every protocol, who speak in turns, present,
//! chat, and come and go.

use crate::config::Scenario;
use crate::model::{new_uuid, unix_now, Room, World};
use huikong_protocol::{ChatMessage, Event, Participant, Role};

/// The room the scenario lives in.
pub const DEMO_ROOM: usize = 0;

struct Cast {
    name: &'static str,
    protocol: &'static str,
    role: Role,
    audio_only: bool,
    uri: &'static str,
    vendor: &'static str,
}

const fn cast(
    name: &'static str,
    protocol: &'static str,
    role: Role,
    audio_only: bool,
    uri: &'static str,
    vendor: &'static str,
) -> Cast {
    Cast {
        name,
        protocol,
        role,
        audio_only,
        uri,
        vendor,
    }
}

const DEMO_CAST: [Cast; 12] = [
    cast(
        "张伟（主持）",
        "sip",
        Role::Host,
        false,
        "zhangwei@huikong.local",
        "Polycom RealPresence Group 500",
    ),
    cast(
        "李娜",
        "webrtc",
        Role::Host,
        false,
        "lina@huikong.local",
        "Mozilla/5.0 Chrome/120.0",
    ),
    cast(
        "会控台",
        "api",
        Role::Host,
        false,
        "api:会控台",
        "huikong console",
    ),
    cast(
        "王芳",
        "h323",
        Role::Guest,
        false,
        "wangfang@10.1.2.30",
        "TANDBERG (Tandberg 257)",
    ),
    cast(
        "刘洋",
        "webrtc",
        Role::Guest,
        false,
        "liuyang@huikong.local",
        "Mozilla/5.0 Firefox/121.0",
    ),
    cast(
        "陈静",
        "sip",
        Role::Guest,
        true,
        "chenjing@huikong.local",
        "Yealink SIP-T54W",
    ),
    cast(
        "杨磊",
        "phone",
        Role::Guest,
        true,
        "+8613800138000",
        "PSTN gateway",
    ),
    cast(
        "直播推流",
        "rtmp",
        Role::Guest,
        false,
        "rtmp://live.huikong.local/app/room1061",
        "RTMP streaming service",
    ),
    cast(
        "黄强",
        "sip",
        Role::Guest,
        false,
        "huangqiang@huikong.local",
        "Cisco Webex Room Kit",
    ),
    cast(
        "周杰",
        "webrtc",
        Role::Guest,
        false,
        "zhoujie@huikong.local",
        "Mozilla/5.0 Safari/17.2",
    ),
    cast(
        "吴刚",
        "h323",
        Role::Guest,
        false,
        "wugang@10.1.2.41",
        "Huawei TE40",
    ),
    cast(
        "孙丽",
        "webrtc",
        Role::Guest,
        true,
        "sunli@huikong.local",
        "Mozilla/5.0 Chrome/120.0 Mobile",
    ),
];

const VISITORS: [Cast; 4] = [
    cast(
        "郑博",
        "sip",
        Role::Guest,
        false,
        "zhengbo@huikong.local",
        "Polycom HDX 7000",
    ),
    cast(
        "冯雪",
        "webrtc",
        Role::Guest,
        false,
        "fengxue@huikong.local",
        "Mozilla/5.0 Edge/120.0",
    ),
    cast(
        "何磊",
        "phone",
        Role::Guest,
        true,
        "+8613900139000",
        "PSTN gateway",
    ),
    cast(
        "Alice Smith",
        "sip",
        Role::Guest,
        false,
        "alice@example.com",
        "Cisco Webex Desk Pro",
    ),
];

const CHAT: [&str; 8] = [
    "大家好，能听到我说话吗？",
    "幻灯片能看到，很清楚。",
    "我这边网络有点卡，稍等。",
    "第三页的数据是上个季度的吗？",
    "Good morning from the Shanghai office!",
    "会后请把材料发到群里，谢谢。",
    "同意，下周一前完成。",
    "我先静音了，有问题再打字。",
];

fn participant(c: &Cast, alias: &str) -> Participant {
    let mut p = Participant::new(new_uuid());
    p.display_name = c.name.into();
    p.overlay_text = c.name.into();
    p.protocol = c.protocol.into();
    p.role = c.role;
    p.uri = c.uri.into();
    p.vendor = c.vendor.into();
    p.local_alias = alias.into();
    p.is_audio_only_call = c.audio_only;
    p.is_video_call = !c.audio_only;
    p.presentation_supported = !c.audio_only && c.protocol != "rtmp";
    p.is_streaming_conference = c.protocol == "rtmp";
    // The console entry of the cast is a control session: no media of its own.
    if c.protocol == "api" {
        p.has_media = false;
        p.is_video_call = false;
        p.presentation_supported = false;
    }
    p.start_time = (unix_now() - fastrand::f64() * 1800.0).floor();
    p
}

/// The `n`th newcomer of the churn: one of the cast's endpoints under a numbered name, as a
/// guest (not a visitor's, whom the living demo would send away).
pub fn newcomer(n: usize, alias: &str) -> Participant {
    let c = &DEMO_CAST[n % DEMO_CAST.len()];
    let mut p = participant(c, alias);
    p.role = Role::Guest;
    let name = format!("{} +{:04}", c.name, n + 1);
    p.display_name = name.clone();
    p.overlay_text = name;
    p.start_time = unix_now().floor();
    p
}

/// Fills the demo room as the scenario says.
pub fn populate(world: &mut World, scenario: Scenario) {
    let room = &mut world.rooms[DEMO_ROOM];
    let alias = room.info.alias.clone();
    match scenario {
        Scenario::Empty => {}
        Scenario::Demo => {
            for c in &DEMO_CAST {
                room.join(participant(c, &alias), true);
            }
        }
        Scenario::Venues => crate::venues::populate(room),
        Scenario::Large(n) => fill(room, n),
    }
}

/// Fills each extra room (`Config::extra_rooms`) with `size` participants, as `large:N` fills
/// the demo room; they live only by the churn.
pub fn populate_extra_rooms(world: &mut World, size: usize) {
    for at in world.extra_rooms() {
        fill(&mut world.rooms[at], size);
    }
}

/// `n` participants of the cast under numbered names, the first a chair.
fn fill(room: &mut Room, n: usize) {
    let alias = room.info.alias.clone();
    for i in 0..n {
        let c = &DEMO_CAST[i % DEMO_CAST.len()];
        let mut p = participant(c, &alias);
        let name = format!("{} {:04}", c.name, i + 1);
        p.display_name = name.clone();
        p.overlay_text = name;
        // One chair with media is enough to run the meeting; the rest are guests.
        p.role = if i == 0 { Role::Host } else { Role::Guest };
        room.join(p, true);
    }
}

/// Ticks an emptied demo room (a host ended the meeting) stays empty before the next meeting.
const NEXT_MEETING_AFTER: u64 = 30;

/// One step of the living conference, taken every scenario tick. `idle` counts the ticks the
/// room has been empty.
pub fn tick(world: &mut World, scenario: Scenario, n: u64, idle: &mut u64) {
    if world.rooms[DEMO_ROOM].members.is_empty() {
        *idle += 1;
        if *idle >= NEXT_MEETING_AFTER {
            *idle = 0;
            populate(world, scenario);
        }
        return;
    }
    *idle = 0;
    let room = &mut world.rooms[DEMO_ROOM];
    if scenario == Scenario::Venues {
        crate::venues::tick(room, n);
        return;
    }
    let speakers: Vec<String> = room
        .members
        .iter()
        .filter(|m| m.p.has_media && !m.p.is_muted && !m.ringing && !m.p.is_streaming_conference)
        .map(|m| m.p.uuid.clone())
        .collect();
    // Turns of speech, with pauses.
    if n.is_multiple_of(3) && !speakers.is_empty() {
        if fastrand::u8(..10) < 2 {
            room.speak(None);
        } else {
            let who = speakers[fastrand::usize(..speakers.len().min(12))].clone();
            room.speak(Some(&who));
        }
    }
    // A presentation every minute or so: starts, shows a frame every two ticks, stops.
    match n % 60 {
        10 => {
            let presenters: Vec<String> = room
                .members
                .iter()
                .filter(|m| m.p.presentation_supported && !m.ringing)
                .map(|m| m.p.uuid.clone())
                .take(12)
                .collect();
            if !presenters.is_empty() {
                let who = presenters[fastrand::usize(..presenters.len())].clone();
                room.start_presentation(&who);
            }
        }
        11..=39 if n.is_multiple_of(2) => room.next_frame(),
        40 => room.stop_presentation(),
        _ => {}
    }
    // Chat now and then.
    if n % 17 == 5 && !room.members.is_empty() {
        let m = &room.members[fastrand::usize(..room.members.len().min(12))];
        let msg = ChatMessage {
            origin: m.p.display_name.clone(),
            mime_type: "text/plain".into(),
            payload: CHAT[fastrand::usize(..CHAT.len())].into(),
            uuid: m.p.uuid.clone(),
        };
        room.bus.emit(&Event::Message(msg));
    }
    // Someone comes in or goes out.
    if n % 23 == 11 {
        let visitor = room
            .members
            .iter()
            .find(|m| VISITORS.iter().any(|v| v.uri == m.p.uri))
            .map(|m| m.p.uuid.clone());
        match visitor {
            Some(uuid) => {
                room.leave(&uuid);
            }
            None => {
                let alias = room.info.alias.clone();
                let v = &VISITORS[fastrand::usize(..VISITORS.len())];
                room.join(participant(v, &alias), false);
            }
        }
    }
}
