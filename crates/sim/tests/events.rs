//! The event stream: the sync on every connect, ids, keep-alives, the enterprise cloud's event
//! set, presentations and the slide picture.

mod common;

use common::*;
use huikong_protocol::{Event, Profile};
use huikong_sim::Config;
use std::time::Duration;

#[tokio::test]
async fn every_connect_starts_with_the_full_sync_then_service_layout_and_stage() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let g = sim.dial_answered(&h, "guest@example.com", "guest").await;
    for _ in 0..2 {
        let mut ev = sim.events(&h).await;
        assert_eq!(ev.next().await, Event::ParticipantSyncBegin);
        let mut synced = Vec::new();
        for _ in 0..2 {
            match ev.next().await {
                Event::ParticipantCreate(p) => synced.push(p.uuid),
                other => panic!("expected a participant_create, got {other:?}"),
            }
        }
        synced.sort();
        let mut expected = vec![h.uuid.clone(), g.clone()];
        expected.sort();
        assert_eq!(synced, expected);
        assert_eq!(ev.next().await, Event::ParticipantSyncEnd);
        assert!(matches!(ev.next().await, Event::ServiceUpdate(u) if u.locked == Some(false)));
        assert!(matches!(ev.next().await, Event::Layout(_)));
        assert!(matches!(ev.next().await, Event::Stage(_)));
    }
}

#[tokio::test]
async fn event_ids_increase() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let mut ev = sim.events(&h).await;
    sim.dial_answered(&h, "a@example.com", "chair").await;
    sim.cmd(&h, "lock", serde_json::json!({})).await.ok();
    let mut last = 0;
    let mut count = 0;
    // Up to the lock's own event, however late it comes.
    loop {
        let (id, e) = ev.next_within(WAIT).await.expect("the lock's event");
        assert!(id > last, "id {id} after {last}");
        last = id;
        count += 1;
        if matches!(e, Event::ServiceUpdate(u) if u.locked == Some(true)) {
            break;
        }
    }
    assert!(count >= 8, "sync, dial and lock events: {count}");
}

#[tokio::test]
async fn events_accept_the_token_in_the_header_and_refuse_a_missing_one() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let res = sim
        .http
        .get(sim.url(DEMO, "events"))
        .header("token", &h.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    sim.get(DEMO, "events", None)
        .await
        .fails(403, "Invalid token");
}

#[tokio::test]
async fn an_idle_stream_gets_keep_alive_comments() {
    let config = Config {
        keep_alive: Duration::from_millis(100),
        ..Config::for_tests(Profile::Public)
    };
    let sim = start_with(config).await;
    let h = sim.host().await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    let deadline = std::time::Instant::now() + WAIT;
    while !ev.raw.lines().any(|l| l.starts_with(':')) {
        assert!(
            std::time::Instant::now() < deadline,
            "no comment line in {:?}",
            ev.raw
        );
        ev.next_within(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn the_enterprise_cloud_sends_participant_update_instead_of_participant_create() {
    let sim = start(Profile::Enterprise).await;
    let h = sim.host().await;
    let mut ev = sim.events(&h).await;
    assert_eq!(ev.next().await, Event::ParticipantSyncBegin);
    assert!(matches!(ev.next().await, Event::ParticipantUpdate(p) if p.uuid == h.uuid));
    assert_eq!(ev.next().await, Event::ParticipantSyncEnd);
    let uuid = sim.dial(&h, "newcomer@example.com", "guest").await;
    let e = ev
        .until("the newcomer", |e| about(e, &uuid).is_some())
        .await;
    assert!(matches!(e, Event::ParticipantUpdate(_)), "{e:?}");
}

async fn presenting(sim: &Sim) -> (ApiClient, String) {
    let h = sim.host().await;
    let p = sim
        .dial_answered(&h, "presenter@example.com", "guest")
        .await;
    assert!(sim.running.state.world().rooms[0].start_presentation(&p));
    (h, p)
}

#[tokio::test]
async fn a_stream_opened_during_a_presentation_gets_presentation_start_without_stop() {
    let sim = start(Profile::Public).await;
    let (h, p) = presenting(&sim).await;
    let mut ev = sim.events(&h).await;
    let synced = ev.sync().await;
    assert!(synced.iter().any(|x| x.uuid == p && x.is_presenting));
    let e = ev
        .until("presentation_start", |e| {
            matches!(e, Event::PresentationStart(_))
        })
        .await;
    assert!(matches!(e, Event::PresentationStart(s) if s.presenter_uri == "presenter@example.com"));
    while let Some((_, e)) = ev.next_within(Duration::from_millis(200)).await {
        assert_ne!(e, Event::PresentationStop);
    }
}

#[tokio::test]
async fn a_presentation_starts_sends_frames_and_stops() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let p = sim
        .dial_answered(&h, "presenter@example.com", "guest")
        .await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    sim.running.state.world().rooms[0].start_presentation(&p);
    ev.until(
        "start",
        |e| matches!(e, Event::PresentationStart(s) if s.presenter_name == "presenter@example.com"),
    )
    .await;
    sim.running.state.world().rooms[0].next_frame();
    ev.until("frame", |e| *e == Event::PresentationFrame).await;
    sim.running.state.world().rooms[0].stop_presentation();
    ev.until("stop", |e| *e == Event::PresentationStop).await;
}

#[tokio::test]
async fn the_enterprise_cloud_sends_no_presentation_frame() {
    let sim = start(Profile::Enterprise).await;
    let (h, _p) = presenting(&sim).await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    sim.running.state.world().rooms[0].next_frame();
    sim.running.state.world().rooms[0].stop_presentation();
    let seen = ev.until("stop", |e| *e == Event::PresentationStop).await;
    assert_eq!(seen, Event::PresentationStop);
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    while let Some((_, e)) = ev.next_within(Duration::from_millis(200)).await {
        assert_ne!(e, Event::PresentationFrame);
    }
}

async fn jpeg(sim: &Sim, url: &str) -> (u16, Vec<u8>) {
    let res = sim.http.get(url).send().await.unwrap();
    let status = res.status().as_u16();
    if status == 200 {
        assert_eq!(res.headers()["content-type"], "image/jpeg");
    }
    (status, res.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn presentation_jpeg_is_a_real_jpeg_that_changes_with_each_frame() {
    let sim = start(Profile::Public).await;
    let (h, _p) = presenting(&sim).await;
    let url = format!("{}?token={}", sim.url(DEMO, "presentation.jpeg"), h.token);
    let (status, first) = jpeg(&sim, &url).await;
    assert_eq!(status, 200);
    assert_eq!(&first[..3], &[0xFF, 0xD8, 0xFF], "JPEG start of image");
    assert_eq!(
        &first[first.len() - 2..],
        &[0xFF, 0xD9],
        "JPEG end of image"
    );
    sim.running.state.world().rooms[0].next_frame();
    let (_, second) = jpeg(&sim, &url).await;
    assert_ne!(first, second, "a new frame is a new picture");
    let res = sim
        .http
        .get(sim.url(DEMO, "presentation.jpeg"))
        .header("token", &h.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200, "the token header works too");
}

#[tokio::test]
async fn presentation_jpeg_is_not_found_when_nothing_is_presented_and_needs_a_token() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    sim.get(DEMO, "presentation.jpeg", Some(&h.token))
        .await
        .fails(404, "No presentation");
    sim.get(DEMO, "presentation.jpeg", None)
        .await
        .fails(403, "Invalid token");
}

#[tokio::test]
async fn stage_lists_speakers_in_speaking_order_with_vad() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let a = sim.dial_answered(&h, "a@example.com", "chair").await;
    let b = sim.dial_answered(&h, "b@example.com", "guest").await;
    let mut ev = sim.events(&h).await;
    ev.sync().await;
    sim.running.state.world().rooms[0].speak(Some(&b));
    let Event::Stage(stage) = ev
        .until(
            "stage",
            |e| matches!(e, Event::Stage(s) if s.first().is_some_and(|x| x.vad == 100)),
        )
        .await
    else {
        unreachable!()
    };
    assert_eq!(stage[0].participant_uuid, b);
    assert_eq!(stage[0].stage_index, 0);
    assert_eq!(
        (stage[1].participant_uuid.as_str(), stage[1].vad),
        (a.as_str(), 0)
    );
}
