//! A call out from a room (`dial`): who the new participant is, and how its destination
//! behaves. The destination's address says it: `busy` ones reject the call at once, `noanswer`
//! ones ring until the no-answer timeout, all others answer after a while.

use super::ids::{new_uuid, unix_now};
use huikong_protocol::{DialRequest, Participant, ServiceType};

/// How a dialled destination behaves, read from its address.
pub enum Callee {
    Answers,
    Busy,
    NoAnswer,
}

pub fn callee(destination: &str) -> Callee {
    let d = destination.to_ascii_lowercase();
    if d.contains("busy") {
        Callee::Busy
    } else if d.contains("noanswer") {
        Callee::NoAnswer
    } else {
        Callee::Answers
    }
}

fn vendor(protocol: &str) -> &'static str {
    match protocol {
        "h323" => "TANDBERG (Tandberg 257)",
        "sip" | "auto" => "Polycom RealPresence Group 500",
        "mssip" => "Microsoft Lync 2013",
        "rtmp" => "RTMP streaming service",
        "rtsp" => "Hikvision DS-2CD (RTSP)",
        "phone" => "PSTN gateway",
        _ => "unknown endpoint",
    }
}

/// The participant a dial creates, ringing.
pub fn dialled(req: &DialRequest, local_alias: &str) -> Participant {
    let mut p = Participant::new(new_uuid());
    let name = req
        .remote_display_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| req.destination.clone());
    let audio_only = req.call_type.as_deref() == Some("audio") || req.protocol == "phone";
    p.display_name = name.clone();
    p.overlay_text = name;
    p.call_direction = "out".into();
    p.protocol = req.protocol.clone();
    p.role = req.role;
    p.uri = req.destination.clone();
    p.local_alias = local_alias.to_owned();
    p.is_audio_only_call = audio_only;
    p.is_video_call = !audio_only;
    p.presentation_supported =
        req.call_type.as_deref().unwrap_or("video") == "video" && !audio_only;
    p.is_streaming_conference = req.streaming;
    p.vendor = vendor(&req.protocol).into();
    p.service_type = ServiceType::Connecting;
    p.start_time = unix_now().floor();
    p
}
