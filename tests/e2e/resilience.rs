//! The console against a platform that fails: a dropped event stream, refused and failing
//! commands, slow answers. The simulator injects the faults in-process.

use crate::ctx;
use huikong_protocol::Profile;
use huikong_sim::faults::{FailureKind, Faults};
use huikong_test_support::harness::eventually;
use huikong_test_support::page::row_css;
use std::time::Duration;

fn set_faults(t: &ctx::Ctx, faults: Faults) {
    t.sim.state.faults().set(faults);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_dropped_stream_reconnects_and_catches_up() {
    let t = ctx::start("stream_reconnect", Profile::Public).await;
    t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    let me = t.join_host().await;
    let api = t.observer().await;
    set_faults(
        &t,
        Faults {
            refuse_reconnects_for: Some(Duration::from_millis(1500)),
            ..Faults::default()
        },
    );
    assert!(
        t.sim.state.drop_all_streams() >= 1,
        "the console's stream was open"
    );
    t.page
        .wait_attr("connection-state", "data-state", "reconnecting")
        .await;

    // What happens while the console is away reaches it on its return.
    api.command(
        &format!("participants/{guest}/mute"),
        &serde_json::json!({}),
    )
    .await
    .expect("mute as another session");
    let late = t.add_guest("Chen Jing");
    t.room(|r| r.leave(&guest));

    t.page
        .wait_attr("connection-state", "data-state", "live")
        .await;
    t.wait_row(&late).await;
    t.page.wait_gone_css(&row_css(&guest)).await;
    assert!(api.participant(&me).await.is_some(), "the session lived on");
    assert!(t
        .page
        .all_css("[data-testid=\"session-over\"]")
        .await
        .is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_failing_command_is_reported_and_changes_nothing() {
    let t = ctx::start("command_failure", Profile::Public).await;
    t.add_host("Zhang Wei");
    t.join_host().await;
    let api = t.observer().await;
    for kind in [FailureKind::Status500, FailureKind::Status502] {
        set_faults(
            &t,
            Faults {
                command_failure_rate: 1.0,
                command_failure_kinds: vec![kind],
                ..Faults::default()
            },
        );
        t.page.click("Lock conference").await;
        let text = t.page.wait_status("Lock conference: failed").await;
        match kind {
            // A proxy's error page is named by its status, never quoted.
            FailureKind::Status502 => assert!(
                text.contains("HTTP 502") && !text.contains('<'),
                "the 502 reads {text:?}"
            ),
            _ => assert!(
                text.contains("Internal server error"),
                "the 500 reads {text:?}"
            ),
        }
        t.page.wait_attr("flag-locked", "data-state", "off").await;
        // The status region keeps what happened; dismiss it before the next try.
        t.page.click("Dismiss message").await;
        t.page
            .wait_gone_css("[data-testid=\"command-status\"] li")
            .await;
    }
    set_faults(&t, Faults::default());
    assert!(!api.status().await.locked, "no failed lock got through");

    t.page.click("Lock conference").await;
    t.page.wait_attr("flag-locked", "data-state", "on").await;
    assert!(api.status().await.locked);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_slow_command_shows_it_is_pending() {
    let t = ctx::start("slow_command", Profile::Public).await;
    t.add_host("Zhang Wei");
    let guest = t.add_guest("Wang Fang");
    t.join_host().await;
    set_faults(
        &t,
        Faults {
            slow_commands: Some(Duration::from_millis(1500)),
            ..Faults::default()
        },
    );
    t.page.click("Mute Wang Fang").await;
    let busy = t.page.button("Mute Wang Fang").await;
    eventually("the button to show the command in flight", || async {
        let aria = busy.attr("aria-busy").await.map_err(|e| e.to_string())?;
        let enabled = busy.is_enabled().await.map_err(|e| e.to_string())?;
        match (aria.as_deref(), enabled) {
            (Some("true"), false) => Ok(()),
            s => Err(format!("aria-busy, enabled = {s:?}")),
        }
    })
    .await;
    t.page
        .wait_attr_css(&row_css(&guest), "data-muted", "true")
        .await;
    t.page.wait_status("Mute Wang Fang: done").await;
    set_faults(&t, Faults::default());
    let api = t.observer().await;
    assert!(api.participant(&guest).await.unwrap().is_muted);
}
