//! A platform that allows no other origin, as the same-origin proxy of docs/deploy.md meets
//! it: `--no-cors` sends no CORS header at all, and `--node-name` names the conference node
//! checkJoin and new_session answer with, whatever host the request was addressed to.

mod common;

use common::*;
use huikong_protocol::{NewSessionResult, Profile};
use huikong_sim::Config;
use serde_json::json;

/// Every header of `res` whose name starts with `access-control-`.
fn cors_headers(res: &reqwest::Response) -> Vec<String> {
    res.headers()
        .keys()
        .map(|k| k.as_str().to_owned())
        .filter(|k| k.starts_with("access-control-"))
        .collect()
}

#[tokio::test]
async fn no_cors_sends_no_cors_header_on_a_preflight_an_answer_or_a_failure() {
    let config = Config {
        no_cors: true,
        ..Config::for_tests(Profile::Public)
    };
    let sim = start_with(config).await;
    let preflight = sim
        .http
        .request(reqwest::Method::OPTIONS, sim.url(DEMO, "new_session"))
        .header("origin", "https://console.example")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "pin,content-type")
        .send()
        .await
        .unwrap();
    assert!(
        cors_headers(&preflight).is_empty(),
        "{:?}",
        preflight.headers()
    );
    let check = sim
        .http
        .post(format!("{}/api/v3/meet/checkJoin.shtml", sim.base))
        .header("origin", "https://console.example")
        .json(&json!({"joinAccount": DEMO_ID, "joinPwd": HOST_PIN, "participantName": "J"}))
        .send()
        .await
        .unwrap();
    assert_eq!(check.status(), 200);
    assert!(cors_headers(&check).is_empty(), "{:?}", check.headers());
    let refused = sim
        .http
        .get(sim.url(DEMO, "participants"))
        .header("origin", "https://console.example")
        .send()
        .await
        .unwrap();
    assert!(!refused.status().is_success());
    assert!(cors_headers(&refused).is_empty(), "{:?}", refused.headers());
    // Without an Origin, as through a proxy, the platform works as ever.
    let host = sim.host().await;
    assert!(!sim.participants(&host).await.is_empty());
}

#[tokio::test]
async fn node_name_is_the_node_check_join_and_new_session_name() {
    let config = Config {
        node_name: Some("node-7.mcu.example:8443".into()),
        ..Config::for_tests(Profile::Public)
    };
    let sim = start_with(config).await;
    let check = sim
        .check_join(DEMO_ID, HOST_PIN, "J")
        .await
        .into_result()
        .expect("accepted");
    assert_eq!(check.mcu_host, "node-7.mcu.example:8443");
    assert_ne!(check.mcu_host, sim.running.addr.to_string());
    // The node's own calls still answer at the simulator's address.
    let r = sim
        .new_session_reply(DEMO, Some(HOST_PIN), json!({"display_name": "J"}))
        .await;
    let granted: NewSessionResult = serde_json::from_value(r.ok().clone()).unwrap();
    assert!(!granted.token.is_empty());
}

#[test]
fn the_flags_are_read_and_a_bad_node_name_is_refused() {
    let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let c = Config::from_args(args(&["--no-cors", "--node-name", "127.0.0.1:9443"])).unwrap();
    assert!(c.no_cors);
    assert_eq!(c.node_name.as_deref(), Some("127.0.0.1:9443"));
    let c = Config::from_args(args(&["--node-name=node.mcu.example"])).unwrap();
    assert_eq!(c.node_name.as_deref(), Some("node.mcu.example"));
    assert!(!c.no_cors, "CORS is on by default");
    for bad in [
        &["--node-name", "https://node.example"][..],
        &["--node-name", "node.example/api"],
        &["--node-name", "node.example:x"],
        &["--node-name", ""],
        &["--no-cors=1"],
        &["--no-cors", "--allow-origin", "https://console.example"],
    ] {
        assert!(Config::from_args(args(bad)).is_err(), "{bad:?}");
    }
}
