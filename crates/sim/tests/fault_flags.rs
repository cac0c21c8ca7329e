//! The fault flags of the command line, `--admin` and `--seed`, and their place in `--help`.

use huikong_sim::faults::FLAGS;
use huikong_sim::{Config, FailureKind, Faults};
use std::process::Command;
use std::time::Duration;

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn every_fault_flag_is_read() {
    let c = Config::from_args(args(&[
        "--drop-streams-every",
        "20",
        "--drop-streams-random=0.05",
        "--refuse-reconnects",
        "3.5",
        "--fail-commands",
        "0.2",
        "--fail-kinds",
        "503,timeout",
        "--timeout-hold",
        "10",
        "--slow-commands",
        "250",
        "--refuse-refresh",
        "8",
        "--malformed-events",
        "0.1",
        "--seed",
        "1234",
        "--admin",
    ]))
    .unwrap();
    assert!(c.admin);
    assert_eq!(
        c.faults,
        Faults {
            drop_streams_every: Some(Duration::from_secs(20)),
            drop_streams_random: 0.05,
            refuse_reconnects_for: Some(Duration::from_millis(3500)),
            command_failure_rate: 0.2,
            command_failure_kinds: vec![FailureKind::Status503, FailureKind::Timeout],
            command_timeout: Duration::from_secs(10),
            slow_commands: Some(Duration::from_millis(250)),
            refuse_refresh_for: Some(Duration::from_secs(8)),
            malformed_events_rate: 0.1,
            seed: Some(1234),
        }
    );
}

#[test]
fn without_flags_there_is_no_fault_and_no_admin_endpoint() {
    let c = Config::from_args(Vec::new()).unwrap();
    assert!(!c.admin);
    assert_eq!(c.faults, Faults::default());
    assert!(!c.faults.any());
    let t = Config::for_tests(huikong_protocol::Profile::Public);
    assert!(!t.admin && !t.faults.any());
}

#[test]
fn bad_fault_values_are_refused_with_a_reason() {
    for bad in [
        &["--fail-commands", "1.5"][..],
        &["--drop-streams-random", "-0.1"],
        &["--drop-streams-every", "0"],
        &["--refuse-reconnects", "never"],
        &["--fail-kinds", "500,404"],
        &["--slow-commands", "-5"],
        &["--malformed-events"],
        &["--seed", "-1"],
        &["--admin=no"],
    ] {
        let e = Config::from_args(args(bad)).unwrap_err();
        assert!(!e.is_empty(), "{bad:?}");
    }
}

#[test]
fn help_lists_every_fault_flag_and_the_admin_paths() {
    let out = Command::new(env!("CARGO_BIN_EXE_huikong-sim"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in FLAGS.iter().chain(&["--admin", "--seed"]) {
        assert!(help.contains(flag), "--help omits {flag}");
    }
    for path in [
        "/_admin/faults",
        "/_admin/drop-streams",
        "/_admin/state/{room}",
    ] {
        assert!(help.contains(path), "--help omits {path}");
    }
}
