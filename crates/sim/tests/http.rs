//! HTTP around the API: CORS for a console on another origin, serving the built console, and
//! bodies or paths that do not fit (a 4xx envelope, never a 500).

mod common;

use common::*;
use huikong_protocol::Profile;
use huikong_sim::Config;
use serde_json::json;

async fn preflight(sim: &Sim, origin: &str) -> reqwest::Response {
    sim.http
        .request(reqwest::Method::OPTIONS, sim.url(DEMO, "new_session"))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "pin,token,content-type")
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_console_on_another_origin_may_send_token_pin_and_content_type() {
    let sim = start(Profile::Public).await;
    let res = preflight(&sim, "http://console.example:8000").await;
    assert!(res.status().is_success());
    let h = res.headers();
    assert_eq!(h["access-control-allow-origin"], "*");
    let allowed = h["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    for name in ["token", "pin", "content-type"] {
        assert!(allowed.contains(name), "{name} not in {allowed}");
    }
    let res = sim
        .http
        .get(sim.url(DEMO, "participants"))
        .header("origin", "http://x.example")
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "*",
        "failures carry CORS headers too"
    );
}

#[tokio::test]
async fn allow_origin_restricts_cors_to_one_origin() {
    let config = Config {
        allow_origin: Some("http://console.example".into()),
        ..Config::for_tests(Profile::Public)
    };
    let sim = start_with(config).await;
    let res = preflight(&sim, "http://console.example").await;
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "http://console.example"
    );
    let res = preflight(&sim, "http://evil.example").await;
    assert!(res.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn dist_serves_the_console_with_index_fallback_and_wasm_type() {
    let dir = std::env::temp_dir().join(format!("huikong-sim-dist-{}", uuid_like()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>会控</title>").unwrap();
    std::fs::write(dir.join("app_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let sim = start_with(Config {
        dist: Some(dir.clone()),
        ..Config::for_tests(Profile::Public)
    })
    .await;
    let index = sim.http.get(format!("{}/", sim.base)).send().await.unwrap();
    assert_eq!(index.status().as_u16(), 200);
    assert!(index.text().await.unwrap().contains("会控"));
    let deep = sim
        .http
        .get(format!("{}/rooms/1061", sim.base))
        .send()
        .await
        .unwrap();
    assert!(
        deep.text().await.unwrap().contains("会控"),
        "unknown paths fall back to index.html"
    );
    let wasm = sim
        .http
        .get(format!("{}/app_bg.wasm", sim.base))
        .send()
        .await
        .unwrap();
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    let h = sim.host().await;
    sim.get(DEMO, "service_status", Some(&h.token)).await.ok();
    std::fs::remove_dir_all(dir).ok();
}

fn uuid_like() -> String {
    format!("{}-{}", std::process::id(), fastrand::u64(..))
}

#[tokio::test]
async fn an_unknown_command_is_not_found() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let r = sim.cmd(&h, "self_destruct", json!({})).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.body["status"], "failed");
}

#[tokio::test]
async fn non_json_bodies_and_wrong_content_types_are_illegal_values_never_server_errors() {
    let sim = start(Profile::Public).await;
    let h = sim.host().await;
    let g = sim.dial(&h, "a@example.com", "guest").await;
    let token = ("token", h.token.as_str());
    let form = ("content-type", "application/x-www-form-urlencoded");
    for path in ["message", "override_layout", "dial"] {
        let url = sim.url(DEMO, path);
        for body in ["", "{", "payload=hi", "null", "\u{0}\u{1}"] {
            let r = sim.post_raw(&url, &[token, form], body.into()).await;
            r.fails(400, "Illegal value");
        }
    }
    for path in ["dtmf", "role", "transfer", "calls"] {
        let url = sim.url(DEMO, &format!("participants/{g}/{path}"));
        let r = sim.post_raw(&url, &[token], "<xml/>".into()).await;
        r.fails(400, "Illegal value");
    }
    let url = sim.url(DEMO, "message");
    let r = sim
        .post_raw(
            &url,
            &[token, ("content-type", "text/plain")],
            json!({"payload": "hi"}).to_string(),
        )
        .await;
    assert_eq!(
        r.ok(),
        &json!(true),
        "a JSON body is read whatever the content type says"
    );
}
