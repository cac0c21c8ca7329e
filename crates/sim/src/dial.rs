//! `dial`: a call out from the room. The new participant rings (`connecting`), then answers
//! after a while, or is dropped at once (`busy` destinations) or after the no-answer timeout
//! (`noanswer` destinations).

use crate::error::{success, ApiError, ApiResult};
use crate::http::{json_body, AppState};
use crate::rooms::{new_uuid, unix_now};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use huikong_protocol::{Command, DialRequest, Participant, ServiceType};

/// How a dialled destination behaves, read from its address.
enum Callee {
    Answers,
    Busy,
    NoAnswer,
}

fn callee(destination: &str) -> Callee {
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

pub async fn dial(
    State(app): State<AppState>,
    Path(room): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let (ix, uuid, outcome) = {
        let mut world = app.world();
        let (ix, _) = app.authorize(&world, &room, &headers, Command::Dial.is_host_only())?;
        let req: DialRequest = json_body(&body)?;
        req.validate().map_err(|_| ApiError::IllegalValue)?;
        if !app
            .config()
            .profile
            .dial_protocols()
            .contains(&req.protocol.as_str())
        {
            return Err(ApiError::Unsupported);
        }
        let r = &mut world.rooms[ix];
        let p = dialled(&req, &r.info.alias);
        let uuid = p.uuid.clone();
        r.join(p, true);
        if let Some(m) = r.member_mut(&uuid) {
            m.dial = Some(req.clone());
        }
        let outcome = callee(&req.destination);
        if let Callee::Busy = outcome {
            world.remove_participant(ix, &uuid, "Call rejected: busy");
        }
        (ix, uuid, outcome)
    };
    let wait = match outcome {
        Callee::Busy => None,
        Callee::Answers => Some(app.config().dial_answer),
        Callee::NoAnswer => Some(app.config().dial_no_answer),
    };
    if let Some(wait) = wait {
        let app = app.clone();
        let answered = matches!(outcome, Callee::Answers);
        let id = uuid.clone();
        tokio::spawn(async move {
            tokio::time::sleep(wait).await;
            let mut world = app.world();
            // The call may have been hung up, or the conference ended, while it rang.
            let ringing = world.rooms[ix].member(&id).is_some_and(|m| m.ringing);
            if !ringing {
                return;
            }
            if answered {
                world.rooms[ix].answer(&id);
            } else {
                world.remove_participant(ix, &id, "No answer");
            }
        });
    }
    Ok(success(vec![uuid]))
}
