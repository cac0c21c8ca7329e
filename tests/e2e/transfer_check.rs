//! Safe transfer: checkJoin looks at the target before anything is asked. A target that does
//! not exist, a wrong PIN, or a PIN that only lets a guest in for a host transfer is refused in
//! the form, and no transfer reaches the platform; a sound one says what the participant will
//! become, is confirmed, waits in the undo window, then goes.

use crate::ctx::{self, GUEST_PIN, OTHER_ROOM, ROOM};
use huikong_protocol::Role;
use huikong_test_support::api::Api;
use huikong_test_support::harness::{eventually_within, stays};
use huikong_test_support::page::{row_css, testid_css};
use std::time::Duration;

const DIALOG: &str = "participant-actions";

/// Whether `uuid` is a member of the room `room` in the simulator.
fn in_room(t: &ctx::Ctx, room: &str, uuid: &str) -> bool {
    let world = t.sim.state.world();
    let ix = world.find_room(room).expect("a provisioned room");
    world.rooms[ix].member(uuid).is_some()
}

/// A meeting with Wang Fang, the console joined as host in `lang`, her transfer form open.
async fn transfer_form(test: &str, lang: &str, tab: &str) -> (ctx::Ctx, String) {
    let (t, wang) = ctx::with_wang(test, lang).await;
    t.open_actions(&wang).await;
    t.page.click_in(DIALOG, tab).await;
    t.page.testid("transfer-form").await;
    (t, wang)
}

async fn ask(t: &ctx::Ctx, target: &str, role: &str, pin: &str, submit: &str) {
    t.page.fill("transfer-target", target).await;
    t.page.select("transfer-role", role).await;
    t.page.fill("transfer-pin", pin).await;
    t.page.click_in("transfer-form", submit).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_transfer_refused_by_check_join_sends_nothing() {
    let (t, wang) = transfer_form("transfer_refused", "en", "Transfer").await;
    let refusals = [
        (
            "9999",
            "guest",
            "",
            "Not transferred: No such conference: 9999",
        ),
        (OTHER_ROOM, "chair", "000000", "Not transferred: Wrong PIN."),
        // The demo room's guest PIN opens it to guests only: no host transfer with it.
        (
            ROOM,
            "chair",
            GUEST_PIN,
            "This PIN only lets a guest into 演示会议室",
        ),
    ];
    for (target, role, pin, said) in refusals {
        ask(&t, target, role, pin, "Transfer").await;
        t.page.wait_text("transfer-check", said).await;
        t.page
            .wait_attr("transfer-check", "data-outcome", "error")
            .await;
        assert!(
            t.page
                .all_css(&testid_css("confirm-dialog"))
                .await
                .is_empty(),
            "{target}: nothing to confirm"
        );
    }
    stays(
        Duration::from_secs(1),
        "Wang Fang where she was",
        || async {
            match (in_room(&t, ROOM, &wang), in_room(&t, OTHER_ROOM, &wang)) {
                (true, false) => Ok(()),
                other => Err(format!("in 1061, in 1062: {other:?}")),
            }
        },
    )
    .await;
    assert!(t.page.all_css(&testid_css("undo-item")).await.is_empty());
    let pin_in_url: bool = t
        .page
        .js("return performance.getEntriesByType('resource').some(e => e.name.includes('000000'));")
        .await;
    assert!(!pin_in_url, "a PIN in a request's URL");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_transfer_to_an_existing_room_says_guest_in_then_goes_after_the_window() {
    let (t, wang) = transfer_form("transfer_checked", "zh", "转移").await;
    ask(&t, OTHER_ROOM, "guest", "", "转移").await;
    t.page
        .wait_text("transfer-check", "Wang Fang 将成为 培训会议室 的访客")
        .await;
    t.page
        .wait_text("confirm-dialog", "Wang Fang 将成为 培训会议室 的访客")
        .await;
    t.page.click_in("confirm-dialog", "转移 Wang Fang").await;
    let local = format!("{} {}", testid_css(DIALOG), testid_css("undo-bar-local"));
    t.page.wait_text_css(&local, "转移 Wang Fang").await;
    stays(
        Duration::from_secs(3),
        "Wang Fang still here in the window",
        || async {
            match in_room(&t, ROOM, &wang) {
                true => Ok(()),
                false => Err("moved".to_string()),
            }
        },
    )
    .await;
    eventually_within(Duration::from_secs(8), "Wang Fang in 1062", || async {
        match in_room(&t, OTHER_ROOM, &wang) {
            true => Ok(()),
            false => Err("not there".to_string()),
        }
    })
    .await;
    t.page.wait_gone_css(&row_css(&wang)).await;
    let there = Api::open(&t.sim.url(), OTHER_ROOM, "112233", "E2E observer 2", true)
        .await
        .expect("a session on the other room");
    let moved = there.participant(&wang).await.expect("listed there");
    assert_eq!(moved.role, Role::Guest);
}
