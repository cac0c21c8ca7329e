//! The stream and session faults: dropped streams, refused reconnects, refused refreshes, and
//! malformed events. (Command faults: command_faults.rs.)

mod common;

use common::faults::{fault_of, RawStream};
use common::*;
use huikong_protocol::sse::SseFrame;
use huikong_protocol::{Change, Conference, Event, Profile};
use huikong_sim::{Config, Faults};
use serde_json::json;
use std::time::{Duration, Instant};

async fn start_faulty(faults: Faults) -> Sim {
    start_with(Config {
        faults,
        admin: true,
        ..Config::for_tests(Profile::Public)
    })
    .await
}

fn decode(f: &SseFrame) -> Result<Event, huikong_protocol::DecodeError> {
    Event::decode(&f.event, &f.data)
}

/// Reads a stream's opening sync; returns the uuids it lists.
async fn read_sync(stream: &mut RawStream) -> Vec<String> {
    let first = stream.next_within(WAIT).await.expect("a first frame");
    assert_eq!(decode(&first), Ok(Event::ParticipantSyncBegin));
    let mut uuids = Vec::new();
    loop {
        let f = stream.next_within(WAIT).await.expect("the sync goes on");
        match decode(&f).expect("sync frames are well formed") {
            Event::ParticipantCreate(p) => uuids.push(p.uuid),
            Event::ParticipantSyncEnd => return uuids,
            other => panic!("{other:?} inside the sync"),
        }
    }
}

#[tokio::test]
async fn periodic_drops_close_every_stream_and_a_reconnect_gets_a_fresh_full_sync() {
    let sim = start_faulty(Faults {
        drop_streams_every: Some(Duration::from_millis(400)),
        ..Faults::default()
    })
    .await;
    let host = sim.host().await;
    let guest = sim.guest("访客").await;
    let mut hs = sim.raw_events(&host).await.ok().unwrap();
    let mut gs = sim.raw_events(&guest).await.ok().unwrap();
    let listed = read_sync(&mut hs).await;
    assert!(listed.contains(&host.uuid) && listed.contains(&guest.uuid));
    let opened = Instant::now();
    hs.until_closed(Duration::from_secs(2)).await;
    gs.until_closed(Duration::from_secs(2)).await;
    assert!(opened.elapsed() <= Duration::from_millis(1500));

    // While the host was away the guest left: the fresh sync says so.
    assert_eq!(sim.cmd(&guest, "end_session", json!({})).await.status, 200);
    let mut again = sim.raw_events(&host).await.ok().unwrap();
    assert_eq!(read_sync(&mut again).await, vec![host.uuid.clone()]);
    // And the next period drops it too.
    again.until_closed(Duration::from_secs(2)).await;
}

#[tokio::test]
async fn random_drops_at_certainty_close_a_stream_within_moments() {
    let sim = start_faulty(Faults {
        drop_streams_random: 1.0,
        ..Faults::default()
    })
    .await;
    let host = sim.host().await;
    let mut s = sim.raw_events(&host).await.ok().unwrap();
    let opened = Instant::now();
    s.until_closed(Duration::from_secs(2)).await;
    assert!(opened.elapsed() < Duration::from_secs(1));
    // Set to zero at run time, streams stay.
    let (status, _) = sim.put_faults(json!({ "drop_streams_random": 0.0 })).await;
    assert_eq!(status, 200);
    let mut s = sim.raw_events(&host).await.ok().unwrap();
    read_sync(&mut s).await;
    // Read for a while rather than slept through: only reading sees a stream end.
    let quiet = Instant::now() + Duration::from_millis(400);
    while Instant::now() < quiet && !s.closed {
        s.next_within(quiet.saturating_duration_since(Instant::now()))
            .await;
    }
    assert!(
        !s.closed,
        "the stream was dropped with random drops at zero"
    );
}

#[tokio::test]
async fn after_a_drop_reconnects_are_refused_with_503_for_the_window_then_accepted() {
    // Seconds, so that the first reconnect falls inside the window even on a loaded machine.
    const WINDOW: Duration = Duration::from_secs(2);
    let sim = start_faulty(Faults {
        refuse_reconnects_for: Some(WINDOW),
        ..Faults::default()
    })
    .await;
    let host = sim.host().await;
    // No drop yet: streams open.
    let mut s = sim.raw_events(&host).await.ok().unwrap();
    read_sync(&mut s).await;
    // Taken before the drop, so that the window ends no earlier than this plus WINDOW.
    let dropped = Instant::now();
    assert_eq!(sim.drop_streams().await, 1);
    s.until_closed(WAIT).await;

    let refused = sim.raw_events(&host).await.err().expect("refused");
    let asked = dropped.elapsed();
    assert_eq!(refused.status().as_u16(), 503);
    assert_eq!(fault_of(&refused).as_deref(), Some("refuse-reconnect"));
    // Retry-After: the time left, rounded up to whole seconds.
    let retry: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .expect("whole seconds");
    assert!(
        (1..=WINDOW.as_secs()).contains(&retry),
        "retry-after {retry}"
    );
    assert!(Duration::from_secs(retry) >= WINDOW.saturating_sub(asked));
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(
        body,
        json!({ "status": "failed", "result": "Service unavailable" })
    );
    // Other calls are not refused meanwhile.
    assert_eq!(
        sim.get(DEMO, "participants", Some(&host.token))
            .await
            .status,
        200
    );

    let mut accepted = loop {
        match sim.raw_events(&host).await {
            Ok(s) => break s,
            Err(res) => assert_eq!(res.status().as_u16(), 503),
        }
        assert!(dropped.elapsed() < WINDOW + WAIT, "still refused");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let waited = dropped.elapsed();
    assert!(waited >= WINDOW, "accepted after {waited:?}");
    assert_eq!(read_sync(&mut accepted).await, vec![host.uuid.clone()]);
}

#[tokio::test]
async fn refresh_is_refused_for_the_window_from_when_it_was_set_then_fine() {
    // Windows of seconds: the first refresh must fall inside one even on a loaded machine.
    const WINDOW: Duration = Duration::from_secs(2);
    // Taken before the simulator sets its faults, so that the window ends no earlier than this.
    let set = Instant::now();
    let sim = start_faulty(Faults {
        refuse_refresh_for: Some(WINDOW),
        ..Faults::default()
    })
    .await;
    let host = sim.host().await;
    let refresh = || async {
        let url = sim.url(DEMO, "refresh_session");
        let res = sim.http.post(url).header("token", &host.token).send().await;
        res.expect("the simulator answers")
    };
    let refused = refresh().await;
    assert_eq!(refused.status().as_u16(), 503);
    assert_eq!(fault_of(&refused).as_deref(), Some("refuse-refresh"));
    // Meanwhile the token works for everything else.
    assert_eq!(sim.cmd(&host, "lock", json!({})).await.status, 200);

    let fine = loop {
        let res = refresh().await;
        if res.status().as_u16() == 200 {
            break res;
        }
        assert_eq!(res.status().as_u16(), 503);
        assert_eq!(fault_of(&res).as_deref(), Some("refuse-refresh"));
        assert!(set.elapsed() < WINDOW + WAIT, "still refused");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let waited = set.elapsed();
    assert!(waited >= WINDOW, "refresh accepted after {waited:?}");
    let body: serde_json::Value = fine.json().await.unwrap();
    assert!(body["result"]["token"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));

    // Set again at run time, the window starts again.
    let (status, _) = sim.put_faults(json!({ "refuse_refresh_secs": 5.0 })).await;
    assert_eq!(status, 200);
    assert_eq!(refresh().await.status().as_u16(), 503);
}

#[tokio::test]
async fn malformed_events_follow_live_ones_and_decode_to_errors_or_unknown() {
    let sim = start_faulty(Faults {
        malformed_events_rate: 1.0,
        seed: Some(11),
        ..Faults::default()
    })
    .await;
    let host = sim.host().await;
    let before = sim.admin_state(DEMO).await;
    let mut s = sim.raw_events(&host).await.ok().unwrap();
    let mut conference = Conference::new();
    // The sync and the state after it are never garbled.
    let mut frames = Vec::new();
    for _ in 0..6 {
        frames.push(s.next_within(WAIT).await.expect("the opening frames"));
    }
    for f in &frames {
        conference.apply(&decode(f).expect("opening frames are well formed"));
    }
    assert!(matches!(decode(&frames[5]), Ok(Event::Stage(_))));

    const SENT: usize = 30;
    for i in 0..SENT {
        let body = json!({ "type": "text/plain", "payload": format!("第{i}条") });
        assert_eq!(sim.cmd(&host, "message", body).await.status, 200);
    }
    let (mut messages, mut errors, mut unknown, mut huge, mut chats) = (0, 0, 0, 0, 0);
    let mut last_id = frames.last().and_then(|f| f.id.clone()).unwrap();
    let mut expect_garbage = false;
    while messages < SENT || expect_garbage {
        let f = s.next_within(WAIT).await.expect("more frames");
        let id = f.id.clone().expect("an id");
        assert!(id.parse::<u64>().unwrap() > last_id.parse::<u64>().unwrap());
        last_id = id;
        match decode(&f) {
            Ok(Event::Message(m)) => {
                assert!(!expect_garbage, "a malformed event follows each live one");
                assert_eq!(m.payload, format!("第{messages}条"));
                messages += 1;
                expect_garbage = true;
                chats += usize::from(conference.apply(&Event::Message(m)) == Change::Chat);
            }
            Ok(Event::Unknown { .. }) | Err(_) if expect_garbage => {
                expect_garbage = false;
                if f.data.len() >= 1 << 20 {
                    huge += 1;
                } else if decode(&f).is_err() {
                    errors += 1;
                } else {
                    unknown += 1;
                }
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    println!("malformed after {SENT} messages: {errors} errors, {unknown} unknown, {huge} huge");
    assert!(errors > 0 && unknown > 0 && huge > 0);
    // Nothing changed in the simulator, and the decodable events built the same list.
    let after = sim.admin_state(DEMO).await;
    assert_eq!(before["participants"], after["participants"]);
    assert_eq!(before["service"], after["service"]);
    let mine: Vec<_> = conference.participants().keys().cloned().collect();
    assert_eq!(mine, vec![host.uuid.clone()]);
    assert_eq!(chats, SENT);
}
