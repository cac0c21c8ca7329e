//! Participant commands: disconnect, mute/unmute, allow/denyrxpresentation, spotlight, unlock,
//! dtmf, calls, role, transfer; their errors and the enterprise cloud's refusals.

mod common;

use common::*;
use huikong_protocol::{
    CallsResult, Event, ParticipantCommand, Profile, Role, RxPresentationPolicy,
};
use serde_json::{json, Value};

/// A host with an answered guest endpoint, watching the room's events.
async fn meeting(sim: &Sim) -> (ApiClient, String, Stream) {
    let h = sim.host().await;
    let guest = sim.dial_answered(&h, "endpoint@example.com", "guest").await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    (h, guest, ev)
}

#[tokio::test]
async fn mute_and_unmute_change_is_muted() {
    let sim = start(Profile::Public).await;
    let (h, g, mut ev) = meeting(&sim).await;
    assert_eq!(sim.pcmd(&h, &g, "mute", json!({})).await.ok(), &json!(true));
    let e = ev.until("muted", |e| about(e, &g).is_some()).await;
    assert!(about(&e, &g).unwrap().is_muted);
    sim.pcmd(&h, &g, "unmute", json!({})).await.ok();
    let e = ev.until("unmuted", |e| about(e, &g).is_some()).await;
    assert!(!about(&e, &g).unwrap().is_muted);
}

#[tokio::test]
async fn denyrxpresentation_and_allowrxpresentation_set_the_policy() {
    let sim = start(Profile::Public).await;
    let (h, g, mut ev) = meeting(&sim).await;
    sim.pcmd(&h, &g, "denyrxpresentation", json!({})).await.ok();
    let e = ev.until("deny", |e| about(e, &g).is_some()).await;
    assert_eq!(
        about(&e, &g).unwrap().rx_presentation_policy,
        RxPresentationPolicy::Deny
    );
    sim.pcmd(&h, &g, "allowrxpresentation", json!({}))
        .await
        .ok();
    let e = ev.until("allow", |e| about(e, &g).is_some()).await;
    assert_eq!(
        about(&e, &g).unwrap().rx_presentation_policy,
        RxPresentationPolicy::Allow
    );
}

#[tokio::test]
async fn spotlighton_sets_the_unix_time_and_holds_the_main_position_spotlightoff_clears_it() {
    let sim = start(Profile::Public).await;
    let (h, g, mut ev) = meeting(&sim).await;
    // `later` joins after `g`, so only its spotlight can bring it to the front.
    let later = sim.dial_answered(&h, "later@example.com", "chair").await;
    let now = huikong_sim::model::unix_now();
    sim.pcmd(&h, &later, "spotlighton", json!({})).await.ok();
    let e = ev
        .until("spotlit", |e| {
            about(e, &later).is_some_and(|p| p.spotlight > 0.0)
        })
        .await;
    let spot = about(&e, &later).unwrap().spotlight;
    assert!(
        (spot - now).abs() < 5.0,
        "spotlight {spot} is the time of the request {now}"
    );
    let lead = |e: &Event, who: &str| matches!(e, Event::Layout(l) if l.participants.first().map(String::as_str) == Some(who));
    let Event::Layout(l) = ev.until("the spotlit leads", |e| lead(e, &later)).await else {
        unreachable!()
    };
    assert_eq!(l.participants, vec![later.clone(), g.clone()]);
    sim.pcmd(&h, &later, "spotlightoff", json!({})).await.ok();
    let e = ev
        .until("spotlight off", |e| about(e, &later).is_some())
        .await;
    assert_eq!(about(&e, &later).unwrap().spotlight, 0.0);
    ev.until("back in stage order", |e| lead(e, &g)).await;
}

#[tokio::test]
async fn dtmf_accepts_the_dtmf_digits() {
    let sim = start(Profile::Public).await;
    let (h, g, _ev) = meeting(&sim).await;
    let r = sim
        .pcmd(&h, &g, "dtmf", json!({"digits": "0123456789*#ABCD"}))
        .await;
    assert_eq!(r.ok(), &json!(true));
}

#[tokio::test]
async fn dtmf_refuses_anything_but_dtmf_digits() {
    let sim = start(Profile::Public).await;
    let (h, g, _ev) = meeting(&sim).await;
    for bad in [
        json!({"digits": "12x"}),
        json!({"digits": ""}),
        json!({"tones": "1"}),
        json!("1"),
    ] {
        sim.pcmd(&h, &g, "dtmf", bad)
            .await
            .fails(400, "Illegal value");
    }
}

#[tokio::test]
async fn calls_in_the_rtmp_form_answers_url_and_secure_url_on_the_node() {
    let sim = start(Profile::Public).await;
    let (h, g, _ev) = meeting(&sim).await;
    let r = sim
        .pcmd(
            &h,
            &g,
            "calls",
            json!({"call_type": "RTMP", "streaming": true}),
        )
        .await;
    let c: CallsResult = serde_json::from_value(r.ok().clone()).unwrap();
    let host = sim.running.addr.ip().to_string();
    let url = c.url.unwrap();
    assert!(
        url.starts_with(&format!("rtmp://{host}:")) && url.ends_with(&c.call_uuid),
        "{url}"
    );
    let secure = c.secure_url.unwrap();
    assert!(
        secure.starts_with(&format!("rtmps://{host}:")) && secure.ends_with(&c.call_uuid),
        "{secure}"
    );
}

#[tokio::test]
async fn calls_in_the_webrtc_form_answers_an_sdp() {
    let sim = start(Profile::Public).await;
    let (h, g, _ev) = meeting(&sim).await;
    let offer = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n";
    let r = sim
        .pcmd(
            &h,
            &g,
            "calls",
            json!({"call_type": "WEBRTC", "sdp": offer}),
        )
        .await;
    let c: CallsResult = serde_json::from_value(r.ok().clone()).unwrap();
    let sdp = c.sdp.unwrap();
    assert!(
        sdp.starts_with("v=0") && sdp.contains("m=audio") && sdp.contains("m=video"),
        "{sdp}"
    );
    let no_sdp = sim
        .pcmd(&h, &g, "calls", json!({"call_type": "WEBRTC"}))
        .await;
    no_sdp.fails(400, "Illegal value");
}

#[tokio::test]
async fn a_participant_leaving_ends_its_sub_calls_with_call_disconnected() {
    let sim = start(Profile::Public).await;
    let (h, g, mut ev) = meeting(&sim).await;
    let r = sim
        .pcmd(&h, &g, "calls", json!({"call_type": "RTMP"}))
        .await;
    let call = r.ok()["call_uuid"].as_str().unwrap().to_owned();
    sim.pcmd(&h, &g, "disconnect", json!({})).await.ok();
    let e = ev
        .until("call_disconnected", |e| {
            matches!(e, Event::CallDisconnected { .. })
        })
        .await;
    assert!(matches!(e, Event::CallDisconnected { call_uuid, .. } if call_uuid == call));
    ev.until("delete", |e| {
        *e == Event::ParticipantDelete { uuid: g.clone() }
    })
    .await;
}

#[tokio::test]
async fn role_changes_the_participant_role_and_a_promoted_session_may_host() {
    let sim = start(Profile::Public).await;
    let (h, _g, mut ev) = meeting(&sim).await;
    let guest = sim.guest("晋升").await;
    sim.cmd(&guest, "lock", json!({}))
        .await
        .fails(403, "Not permitted");
    sim.pcmd(&h, &guest.uuid, "role", json!({"role": "chair"}))
        .await
        .ok();
    let e = ev
        .until("chair", |e| {
            about(e, &guest.uuid).is_some_and(|p| p.role == Role::Host)
        })
        .await;
    assert!(about(&e, &guest.uuid).is_some());
    sim.cmd(&guest, "lock", json!({})).await.ok();
    let r = sim.cmd(&guest, "refresh_session", json!({})).await;
    assert_eq!(r.ok()["role"], "HOST");
    sim.pcmd(&h, &guest.uuid, "role", json!({"role": "boss"}))
        .await
        .fails(400, "Illegal value");
}

#[tokio::test]
async fn transfer_moves_the_participant_to_the_other_room_with_the_role() {
    let sim = start(Profile::Public).await;
    let (h, g, mut ev) = meeting(&sim).await;
    let trainer = sim.session(TRAINING, Some(TRAINING_HOST_PIN), "讲师").await;
    let mut there = sim.events(&trainer).await;
    there.sync().await;
    let body = json!({"role": "chair", "conference_alias": TRAINING, "pin": TRAINING_HOST_PIN});
    assert_eq!(sim.pcmd(&h, &g, "transfer", body).await.ok(), &json!(true));
    ev.until("delete here", |e| {
        *e == Event::ParticipantDelete { uuid: g.clone() }
    })
    .await;
    let e = there
        .until("arrival there", |e| about(e, &g).is_some())
        .await;
    assert_eq!(about(&e, &g).unwrap().role, Role::Host);
    assert!(sim.participant(&h, &g).await.is_none());
    let guest_body = json!({"role": "guest", "conference_alias": "1061", "pin": GUEST_PIN});
    sim.pcmd(&trainer, &g, "transfer", guest_body).await.ok();
    assert_eq!(sim.participant(&h, &g).await.unwrap().role, Role::Guest);
}

#[tokio::test]
async fn transfer_checks_the_target_pin_and_room() {
    let sim = start(Profile::Public).await;
    let (h, g, _ev) = meeting(&sim).await;
    let wrong = json!({"role": "chair", "conference_alias": TRAINING, "pin": "000000"});
    sim.pcmd(&h, &g, "transfer", wrong)
        .await
        .fails(403, "Invalid PIN");
    let unknown = json!({"role": "guest", "conference_alias": "nowhere@huikong.local"});
    sim.pcmd(&h, &g, "transfer", unknown)
        .await
        .fails(404, "Neither conference nor gateway found");
    sim.pcmd(&h, &g, "transfer", json!({"role": "guest"}))
        .await
        .fails(400, "Illegal value");
    assert!(sim.participant(&h, &g).await.is_some(), "still here");
}

#[tokio::test]
async fn disconnect_removes_an_endpoint() {
    let sim = start(Profile::Public).await;
    let (h, g, mut ev) = meeting(&sim).await;
    assert_eq!(
        sim.pcmd(&h, &g, "disconnect", json!({})).await.ok(),
        &json!(true)
    );
    ev.until("delete", |e| {
        *e == Event::ParticipantDelete { uuid: g.clone() }
    })
    .await;
    assert!(sim.participant(&h, &g).await.is_none());
}

#[tokio::test]
async fn disconnect_of_a_session_sends_disconnect_only_to_its_stream_then_closes_it() {
    let sim = start(Profile::Public).await;
    let (h, _g, mut ev) = meeting(&sim).await;
    let victim = sim.guest("被踢").await;
    let mut theirs = sim.events(&victim).await;
    theirs.sync().await;
    sim.pcmd(&h, &victim.uuid, "disconnect", json!({}))
        .await
        .ok();
    let rest = theirs.until_closed().await;
    assert!(
        matches!(rest.last(), Some(Event::Disconnect { .. })),
        "{rest:?}"
    );
    let e = ev
        .until("delete", |e| {
            matches!(
                e,
                Event::ParticipantDelete { .. } | Event::Disconnect { .. }
            )
        })
        .await;
    assert_eq!(
        e,
        Event::ParticipantDelete {
            uuid: victim.uuid.clone()
        }
    );
    sim.get(DEMO, "participants", Some(&victim.token))
        .await
        .fails(403, "Invalid token");
}

fn body_for(cmd: ParticipantCommand) -> Value {
    match cmd {
        ParticipantCommand::Dtmf => json!({"digits": "1"}),
        ParticipantCommand::Calls => json!({"call_type": "RTMP"}),
        ParticipantCommand::Role => json!({"role": "chair"}),
        ParticipantCommand::Transfer => json!({"role": "guest", "conference_alias": TRAINING}),
        _ => json!({}),
    }
}

#[tokio::test]
async fn an_unknown_participant_is_not_found_for_every_command() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    for cmd in ParticipantCommand::ALL {
        let r = sim
            .pcmd(
                &h,
                "00000000-0000-4000-8000-000000000000",
                cmd.path(),
                body_for(cmd),
            )
            .await;
        r.fails(404, "Participant not found");
    }
}

#[tokio::test]
async fn a_guest_is_not_permitted_any_participant_command() {
    let sim = start(Profile::Public).await;
    let (_h, g, _ev) = meeting(&sim).await;
    let guest = sim.guest("访客").await;
    for cmd in ParticipantCommand::ALL
        .into_iter()
        .filter(|c| c.is_host_only())
    {
        sim.pcmd(&guest, &g, cmd.path(), body_for(cmd))
            .await
            .fails(403, "Not permitted");
    }
}

#[tokio::test]
async fn the_enterprise_cloud_refuses_the_participant_commands_it_does_not_support() {
    let sim = start(Profile::Enterprise).await;
    let (h, g, _ev) = meeting(&sim).await;
    // Disconnect last: it removes the participant the others act on.
    let mut all = ParticipantCommand::ALL.to_vec();
    all.rotate_left(1);
    for cmd in all {
        let r = sim.pcmd(&h, &g, cmd.path(), body_for(cmd)).await;
        if Profile::Enterprise.supports_participant(cmd) {
            r.ok();
        } else {
            assert_eq!(r.status, 501, "{cmd:?}: {r:?}");
            assert_eq!(r.body["status"], "failed");
            assert_eq!(r.result(), "Not supported on the enterprise cloud");
        }
    }
}

#[tokio::test]
async fn an_unknown_participant_command_is_not_found() {
    let sim = start(Profile::Public).await;
    let (h, g, _ev) = meeting(&sim).await;
    let r = sim.pcmd(&h, &g, "explode", json!({})).await;
    r.fails(404, "No such command");
    // The token is looked at first: without a good one, any command on any uuid is refused.
    let nobody = "00000000-0000-4000-8000-000000000000";
    for (uuid, path) in [(&g[..], "explode"), (nobody, "explode"), (nobody, "mute")] {
        let path = format!("participants/{uuid}/{path}");
        for token in [None, Some("made-up")] {
            let r = sim.post(DEMO, &path, token, json!({})).await;
            r.fails(403, "Invalid token");
        }
    }
}
