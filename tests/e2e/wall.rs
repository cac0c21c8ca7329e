//! The operator wall: eight rooms on one node, each with its own session. Over HTTP/1.1 four
//! stream and four are polled, for two minutes at a three-second token lifetime with no session
//! lapsing; a polled card follows the platform within its poll interval; a command from a card
//! goes through; an alert in a polled room promotes it to a stream; stepping in and back keeps
//! every session. Over HTTP/2 every room streams. Keyboard only, in Chinese and English, axe.

use crate::ctx::{self, HOST_PIN};
use fantoccini::key::Key;
use huikong_protocol::{Participant, Profile, Role};
use huikong_sim::model::new_uuid;
use huikong_sim::{extra_room_alias, Config};
use huikong_test_support::harness::{eventually, eventually_within};
use std::time::{Duration, Instant};

const ROOMS: usize = 8;
const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";

fn config(token_ttl: u64) -> Config {
    Config {
        extra_rooms: ROOMS,
        extra_room_size: 3,
        token_ttl,
        ..Config::for_tests(Profile::Public)
    }
}

async fn keys(t: &ctx::Ctx, text: &str) {
    crate::picture::keys(t, text).await;
}

async fn focused_testid(t: &ctx::Ctx) -> String {
    t.page
        .js("return (document.activeElement && document.activeElement.dataset.testid) || '';")
        .await
}

/// Tabs forward until the control `testid` has the focus.
async fn tab_to(t: &ctx::Ctx, testid: &str) {
    for _ in 0..60 {
        if focused_testid(t).await == testid {
            return;
        }
        keys(t, TAB).await;
    }
    panic!("Tab never reached {testid}");
}

/// Tabs forward until the control `testid` of the card of `room` has the focus.
async fn tab_to_in(t: &ctx::Ctx, room: &str, testid: &str) {
    let script = format!(
        "const a = document.activeElement; const c = a && a.closest('[data-testid=wall-card]');
         return !!(c && c.dataset.room === '{room}' && a.dataset.testid === '{testid}');"
    );
    for _ in 0..120 {
        if t.page.js::<bool>(&script).await {
            return;
        }
        keys(t, TAB).await;
    }
    panic!("Tab never reached {testid} of {room}");
}

/// The cards' (conference, mode) in their order.
async fn modes(t: &ctx::Ctx) -> Vec<(String, String)> {
    t.page
        .js(
            "return [...document.querySelectorAll('[data-testid=wall-card]')].map(c => {
                 const m = c.querySelector('[data-testid=wall-mode]');
                 return [c.dataset.room, m ? m.dataset.mode + '/' + m.dataset.conn : 'none'];
             });",
        )
        .await
}

async fn count(modes: &[(String, String)], prefix: &str) -> usize {
    modes.iter().filter(|(_, m)| m.starts_with(prefix)).count()
}

/// Opens the wall, adds the rooms with the keyboard and joins them all with one PIN.
async fn wall_of_eight(t: &ctx::Ctx, lang: &str) {
    t.page.goto(&format!("/?wall=1&lang={lang}")).await;
    t.page.testid("wall-page").await;
    tab_to(t, "wall-add-conference").await;
    for i in 1..=ROOMS {
        keys(t, &format!("{}{ENTER}", extra_room_alias(i))).await;
    }
    eventually("eight cards", || async {
        let n = t.page.all_css("[data-testid=wall-card]").await.len();
        (n == ROOMS).then_some(()).ok_or(format!("{n} cards"))
    })
    .await;
    tab_to(t, "wall-pin-all").await;
    keys(t, &format!("{HOST_PIN}{ENTER}")).await;
    eventually("every room joined and followed", || async {
        let m = modes(t).await;
        let ready = m
            .iter()
            .filter(|(_, m)| m == "stream/live" || m.starts_with("poll/"))
            .count();
        (ready == ROOMS).then_some(()).ok_or(format!("{m:?}"))
    })
    .await;
}

fn room_ix(t: &ctx::Ctx, alias: &str) -> usize {
    t.sim
        .state
        .world()
        .find_room(alias)
        .expect("the extra room")
}

fn sessions_everywhere(t: &ctx::Ctx) -> bool {
    let world = t.sim.state.world();
    (1..=ROOMS).all(|i| {
        let ix = world.find_room(&extra_room_alias(i)).unwrap();
        world.has_sessions_in(ix)
    })
}

fn endpoint(name: &str, role: Role, alias: &str) -> Participant {
    let mut p = Participant::new(new_uuid());
    p.display_name = name.into();
    p.protocol = "sip".into();
    p.role = role;
    p.uri = format!("sip:{name}@e2e.local");
    p.local_alias = alias.into();
    p
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn eight_rooms_over_http1_four_streamed_four_polled_for_two_minutes_at_a_three_second_token()
{
    let t = ctx::start_with("wall_h1", config(3)).await;
    wall_of_eight(&t, "zh").await;
    let m = modes(&t).await;
    assert_eq!(
        (count(&m, "stream").await, count(&m, "poll").await),
        (4, 4),
        "{m:?}"
    );
    let found = crate::axe::serious_violations(&t.page, "the wall").await;
    assert!(found.is_empty(), "{found:#?}");

    // A polled card follows the platform within its poll interval (5 s for four polled rooms).
    let polled = m
        .iter()
        .find(|(_, m)| m.starts_with("poll"))
        .unwrap()
        .0
        .clone();
    let ix = room_ix(&t, &polled);
    let card = format!("[data-testid=wall-card][data-room='{polled}']");
    let before: String = t
        .page
        .js(&format!(
            "return document.querySelector(\"{card} [data-testid=wall-count]\").dataset.count;"
        ))
        .await;
    let joined_at = Instant::now();
    t.sim.state.world().rooms[ix].join(endpoint("Polled Newcomer", Role::Guest, &polled), false);
    let want = (before.parse::<usize>().unwrap() + 1).to_string();
    eventually_within(Duration::from_secs(12), "the polled card to count the newcomer", || async {
        let now: String = t
            .page
            .js(&format!("return document.querySelector(\"{card} [data-testid=wall-count]\").dataset.count;"))
            .await;
        (now == want).then_some(()).ok_or(now)
    })
    .await;
    let followed = joined_at.elapsed();
    println!("FIGURE wall_h1: a polled card followed the platform in {followed:?} (interval 5 s)");
    assert!(followed <= Duration::from_secs(10), "{followed:?}");

    // A command from a polled card goes through the command path, and the card follows.
    tab_to_in(&t, &polled, "wall-lock").await;
    keys(&t, ENTER).await;
    eventually("the platform to lock the room", || async {
        t.sim.state.world().rooms[ix]
            .locked
            .then_some(())
            .ok_or_else(|| "not locked".to_string())
    })
    .await;
    t.page
        .wait_attr_css(
            &format!("{card} [data-testid=wall-locked]"),
            "data-state",
            "on",
        )
        .await;

    // Two minutes at a three-second token: no session lapses, and the modes hold.
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(120) {
        tokio::time::sleep(Duration::from_secs(10)).await;
        let over = t
            .page
            .all_css("[data-testid=wall-over]:not([hidden])")
            .await
            .len();
        assert_eq!(over, 0, "a session lapsed after {:?}", started.elapsed());
        assert!(
            sessions_everywhere(&t),
            "a room lost its session after {:?}",
            started.elapsed()
        );
    }
    let m = modes(&t).await;
    assert_eq!(
        (count(&m, "stream/live").await, count(&m, "poll").await),
        (4, 4),
        "{m:?}"
    );

    // Someone waiting in a polled room: the card alerts and the room is promoted to a stream.
    let polled = m
        .iter()
        .rev()
        .find(|(_, m)| m.starts_with("poll"))
        .unwrap()
        .0
        .clone();
    let ix = room_ix(&t, &polled);
    {
        let mut world = t.sim.state.world();
        world.rooms[ix].locked = true;
        world.rooms[ix].join(endpoint("Knocking Guest", Role::Guest, &polled), false);
    }
    let card = format!("[data-testid=wall-card][data-room='{polled}']");
    t.page
        .wait_attr_css(
            &format!("{card} [data-testid=wall-mode]"),
            "data-mode",
            "stream",
        )
        .await;
    t.page
        .wait_attr_css(
            &format!("{card} [data-testid=wall-waiting]"),
            "data-count",
            "1",
        )
        .await;
    let m = modes(&t).await;
    assert_eq!(m[0].0, polled, "the alerting card sorts first: {m:?}");
    assert_eq!(count(&m, "stream").await, 4, "still four streams: {m:?}");

    // Stepping in with its number and back with Alt+W keeps every session.
    tab_to(&t, "wall-connect-all").await;
    keys(&t, "1").await;
    t.page.testid("wall-back").await;
    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    t.page.testid("admit-all").await;
    keys(&t, "\u{e00a}w\u{e000}").await;
    t.page.wait_gone_css("[data-testid=wall-back]").await;
    eventually("the focus back on the room's card", || async {
        let f = focused_testid(&t).await;
        (f == "wall-open").then_some(()).ok_or(f)
    })
    .await;
    assert!(sessions_everywhere(&t));
    let m = modes(&t).await;
    assert_eq!(count(&m, "none").await, 0, "{m:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn eight_rooms_over_http2_all_stream() {
    let t = ctx::start_tls("wall_h2", config(120), true).await;
    wall_of_eight(&t, "en").await;
    t.page
        .wait_attr("wall-protocol", "data-protocol", "h2")
        .await;
    eventually("every room streamed", || async {
        let m = modes(&t).await;
        (count(&m, "stream/live").await == ROOMS)
            .then_some(())
            .ok_or(format!("{m:?}"))
    })
    .await;
    t.page.wait_text("wall-summary", "8 meetings").await;
    let found = crate::axe::serious_violations(&t.page, "the wall over HTTP/2").await;
    assert!(found.is_empty(), "{found:#?}");

    // The platform ends one room's session: its card says so, the others go on, and Reconnect
    // joins again with the PIN typed in this tab.
    let alias = extra_room_alias(3);
    let ix = room_ix(&t, &alias);
    t.sim.state.world().end_conference(ix);
    let card = format!("[data-testid=wall-card][data-room='{alias}']");
    t.page
        .wait_text_css(&format!("{card} [data-testid=wall-over]"), "Session over")
        .await;
    let m = modes(&t).await;
    assert_eq!(count(&m, "stream/live").await, ROOMS - 1, "{m:?}");
    tab_to_in(&t, &alias, "wall-reconnect").await;
    keys(&t, ENTER).await;
    t.page
        .wait_attr_css(
            &format!("{card} [data-testid=wall-mode]"),
            "data-conn",
            "live",
        )
        .await;

    // Ctrl+K opens a room by name; in the room, the palette opens another and goes back.
    crate::keyboard::chord(&t, Key::Control, 'k').await;
    keys(&t, &format!("room05{ENTER}")).await;
    t.page.wait_text("conference-name", "会议室 05").await;
    crate::keyboard::run(&t, "room06", "Open the meeting: room06@huikong.local").await;
    t.page.wait_text("conference-name", "会议室 06").await;
    crate::keyboard::run(&t, "back to the wall", "Back to the wall").await;
    t.page.wait_gone_css("[data-testid=wall-back]").await;
}
