//! The command line: its flags, and `huikong-sim replay FILE`.

use huikong_protocol::sse::write_frame;
use huikong_protocol::{Event, Participant, Profile};
use huikong_sim::{Config, Scenario};
use std::process::Command;

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn every_flag_is_read() {
    let c = Config::from_args(args(&[
        "--listen",
        "0.0.0.0:9000",
        "--profile",
        "enterprise",
        "--token-ttl",
        "30",
        "--scenario",
        "large:200",
        "--dist",
        "dist",
        "--allow-origin=http://console.example",
    ]))
    .unwrap();
    assert_eq!(c.listen.to_string(), "0.0.0.0:9000");
    assert_eq!(c.profile, Profile::Enterprise);
    assert_eq!(c.token_ttl, 30);
    assert_eq!(c.scenario, Scenario::Large(200));
    assert_eq!(c.dist.as_deref(), Some(std::path::Path::new("dist")));
    assert_eq!(c.allow_origin.as_deref(), Some("http://console.example"));
}

#[test]
fn the_defaults_are_the_demo_on_the_public_cloud() {
    let c = Config::from_args(Vec::new()).unwrap();
    assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
    assert_eq!(
        (c.profile, c.scenario, c.token_ttl),
        (Profile::Public, Scenario::Demo, 120)
    );
}

#[test]
fn a_bad_flag_or_value_is_refused_with_a_reason() {
    for bad in [
        &["--profile", "private"][..],
        &["--scenario", "large:x"],
        &["--token-ttl", "0"],
        &["--listen"],
        &["--verbose"],
    ] {
        let e = Config::from_args(args(bad)).unwrap_err();
        assert!(!e.is_empty());
    }
}

#[test]
fn replay_prints_the_state_a_capture_ends_in() {
    let mut alice = Participant::new("a-1");
    alice.display_name = "Alice".into();
    let events = [
        Event::ParticipantSyncBegin,
        Event::ParticipantCreate(alice),
        Event::ParticipantSyncEnd,
        Event::Disconnect {
            reason: "bye".into(),
        },
    ];
    let capture: String = events
        .iter()
        .enumerate()
        .map(|(i, e)| write_frame(i as u64 + 1, e.name(), &e.data()))
        .collect();
    let file = std::env::temp_dir().join(format!("huikong-capture-{}.txt", std::process::id()));
    std::fs::write(&file, format!(": keep-alive\n\n{capture}")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_huikong-sim"))
        .arg("replay")
        .arg(&file)
        .output()
        .unwrap();
    std::fs::remove_file(&file).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let state: serde_json::Value = serde_json::from_slice(&out.stdout).expect("pretty JSON");
    assert_eq!(state["participants"][0]["display_name"], "Alice");
    assert_eq!(state["ended"], "bye");
    for key in ["service", "layout", "stage", "presentation", "chat"] {
        assert!(state.get(key).is_some(), "{key} missing");
    }
}

#[test]
fn replay_of_a_missing_file_fails() {
    let out = Command::new(env!("CARGO_BIN_EXE_huikong-sim"))
        .args(["replay", "/nonexistent/capture"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

/// The two variants real platforms send: a layout naming one participant as a string instead
/// of a list, and a presentation_start with blank presenter fields (a revocation). Both are
/// read; replay says what it made of them on stderr.
#[test]
fn replay_reads_variants_and_says_what_it_coerced() {
    let capture = "event: presentation_start\nid: 1\ndata: {\"presenter_name\": \"Bob\", \"presenter_uri\": \"sip:bob@x\"}\n\n\
                   event: layout\nid: 2\ndata: {\"view\": \"1:0\", \"participants\": \"p-1\"}\n\n\
                   event: presentation_start\nid: 3\ndata: {\"presenter_name\": \"\", \"presenter_uri\": \"\"}\n\n";
    let file = std::env::temp_dir().join(format!("huikong-variants-{}.txt", std::process::id()));
    std::fs::write(&file, capture).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_huikong-sim"))
        .arg("replay")
        .arg(&file)
        .output()
        .unwrap();
    std::fs::remove_file(&file).ok();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let state: serde_json::Value = serde_json::from_slice(&out.stdout).expect("pretty JSON");
    assert_eq!(state["layout"]["view"], "1:0", "{state}");
    assert_eq!(state["layout"]["participants"][0], "p-1", "{state}");
    assert_eq!(state["presentation"]["active"], false, "{state}");
    assert!(
        stderr.contains("participants"),
        "no note for the coerced field: {stderr}"
    );
    assert!(
        stderr.contains("revoked"),
        "no note for the revocation: {stderr}"
    );
    assert!(!stderr.contains("skipped"), "{stderr}");
}
#[test]
fn churn_is_read_with_a_living_scenario_and_refused_without_one() {
    let c = Config::from_args(args(&["--scenario", "large:1000", "--churn", "200"])).unwrap();
    assert_eq!((c.scenario, c.churn), (Scenario::Large(1000), 200.0));
    let c = Config::from_args(args(&["--churn=2.5"])).unwrap();
    assert_eq!((c.scenario, c.churn), (Scenario::Demo, 2.5));
    assert_eq!(Config::from_args(Vec::new()).unwrap().churn, 0.0, "off");
    let c = Config::from_args(args(&["--scenario", "empty", "--churn", "0"])).unwrap();
    assert_eq!(c.churn, 0.0);
    for bad in [
        &["--churn", "-1"][..],
        &["--churn", "fast"],
        &["--churn", "NaN"],
        &["--churn", "1e9"],
        &["--churn"],
        &["--scenario", "empty", "--churn", "10"],
    ] {
        let e = Config::from_args(args(bad)).unwrap_err();
        assert!(e.contains("churn"), "{bad:?}: {e}");
    }
}

#[test]
fn help_names_the_churn() {
    let out = Command::new(env!("CARGO_BIN_EXE_huikong-sim"))
        .arg("--help")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for words in ["--churn RATE", "/_admin/churn", "ulimit"] {
        assert!(text.contains(words), "--help has no {words:?}");
    }
}

#[test]
fn tls_needs_its_certificate_and_its_key() {
    let c = Config::from_args(args(&["--tls-cert", "c.pem", "--tls-key", "k.pem"])).unwrap();
    let tls = c.tls.expect("TLS on");
    assert_eq!(
        (tls.cert.to_str(), tls.key.to_str()),
        (Some("c.pem"), Some("k.pem"))
    );
    for half in [&["--tls-cert", "c.pem"][..], &["--tls-key", "k.pem"]] {
        let e = Config::from_args(args(half)).unwrap_err();
        assert!(e.contains("go together"), "{e}");
    }
    assert!(Config::from_args(Vec::new()).unwrap().tls.is_none());
}

#[tokio::test]
async fn a_certificate_that_does_not_read_is_refused_at_start() {
    let dir = std::env::temp_dir().join(format!("huikong-sim-badtls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("cert.pem"), "not a certificate").unwrap();
    std::fs::write(dir.join("key.pem"), "not a key").unwrap();
    let mut config = Config::for_tests(Profile::Public);
    config.tls = Some(huikong_sim::tls::TlsFiles {
        cert: dir.join("cert.pem"),
        key: dir.join("key.pem"),
    });
    let e = huikong_sim::spawn(config).await.err().expect("refused");
    assert!(
        e.to_string().contains("the certificate") || e.to_string().contains("the key"),
        "{e}"
    );
}
