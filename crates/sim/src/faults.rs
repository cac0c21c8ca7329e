//! The faults a simulator can be told to inject, so that a client's resilience can be tested
//! against the failures a real deployment shows: dropped event streams, refused reconnects,
//! failing or slow commands, refused refreshes, malformed events. Set from the command line
//! (`Config::faults`) or at run time through the admin endpoint; the default injects nothing.

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// How an injected command failure answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FailureKind {
    /// 500 with the platform's failure envelope.
    Status500,
    /// 502 with a proxy's HTML page, as a gateway in front of a dead node answers.
    Status502,
    /// 503 with the failure envelope and `Retry-After`.
    Status503,
    /// No answer: the request is held for `Faults::command_timeout`, then 504 from the "proxy".
    Timeout,
}

impl FailureKind {
    pub const ALL: [FailureKind; 4] = [
        FailureKind::Status500,
        FailureKind::Status502,
        FailureKind::Status503,
        FailureKind::Timeout,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::Status500 => "500",
            FailureKind::Status502 => "502",
            FailureKind::Status503 => "503",
            FailureKind::Timeout => "timeout",
        }
    }

    pub fn parse(s: &str) -> Option<FailureKind> {
        FailureKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// A comma-separated list such as `500,502,503,timeout`.
    pub fn parse_list(s: &str) -> Result<Vec<FailureKind>, String> {
        let mut kinds = Vec::new();
        for part in s.split(',').filter(|p| !p.trim().is_empty()) {
            let k = FailureKind::parse(part).ok_or_else(|| {
                format!("failure kinds are 500, 502, 503 and timeout, not {part:?}")
            })?;
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
        if kinds.is_empty() {
            return Err("no failure kind given".into());
        }
        Ok(kinds)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Faults {
    /// Every open event stream of every room is closed this often.
    pub drop_streams_every: Option<Duration>,
    /// The probability per second that any one open event stream is closed.
    pub drop_streams_random: f64,
    /// After any drop, new `events` connections are answered 503 for this long.
    pub refuse_reconnects_for: Option<Duration>,
    /// The fraction of conference and participant commands that fail.
    pub command_failure_rate: f64,
    /// How they fail: one of these, chosen evenly.
    pub command_failure_kinds: Vec<FailureKind>,
    /// How long a `Timeout` failure holds the request before its 504.
    pub command_timeout: Duration,
    /// Added before every conference and participant command is answered.
    pub slow_commands: Option<Duration>,
    /// refresh_session answers 503 for this long from when the faults were set.
    pub refuse_refresh_for: Option<Duration>,
    /// The probability that a live event is followed by a malformed one on each stream.
    pub malformed_events_rate: f64,
    /// Seeds the fault decisions, so that a run can be repeated; random when `None`.
    pub seed: Option<u64>,
}

impl Default for Faults {
    fn default() -> Self {
        Faults {
            drop_streams_every: None,
            drop_streams_random: 0.0,
            refuse_reconnects_for: None,
            command_failure_rate: 0.0,
            command_failure_kinds: FailureKind::ALL.to_vec(),
            command_timeout: Duration::from_secs(30),
            slow_commands: None,
            refuse_refresh_for: None,
            malformed_events_rate: 0.0,
            seed: None,
        }
    }
}

/// The JSON form of the admin endpoint: durations in seconds (fractions allowed), `null` for
/// "off"; every field optional (absent means no fault), unknown fields refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FaultsJson {
    pub drop_streams_every_secs: Option<f64>,
    pub drop_streams_random: f64,
    pub refuse_reconnects_secs: Option<f64>,
    pub command_failure_rate: f64,
    pub command_failure_kinds: Vec<String>,
    pub command_timeout_secs: f64,
    pub slow_commands_secs: Option<f64>,
    pub refuse_refresh_secs: Option<f64>,
    pub malformed_events_rate: f64,
    pub seed: Option<u64>,
}

impl Default for FaultsJson {
    fn default() -> Self {
        Faults::default().to_json()
    }
}

/// A duration given in seconds: positive, finite, at most a day.
pub fn secs(what: &str, v: f64) -> Result<Duration, String> {
    if v.is_finite() && v > 0.0 && v <= 86_400.0 {
        Ok(Duration::from_secs_f64(v))
    } else {
        Err(format!(
            "{what} must be seconds above 0 and at most 86400, not {v}"
        ))
    }
}

/// A probability or fraction: from 0 to 1.
pub fn fraction(what: &str, v: f64) -> Result<f64, String> {
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{what} must be from 0 to 1, not {v}"))
    }
}

fn opt_secs(what: &str, v: Option<f64>) -> Result<Option<Duration>, String> {
    v.map(|v| secs(what, v)).transpose()
}

impl Faults {
    /// Whether any fault is on.
    pub fn any(&self) -> bool {
        let off = Faults {
            command_failure_kinds: self.command_failure_kinds.clone(),
            command_timeout: self.command_timeout,
            seed: self.seed,
            ..Faults::default()
        };
        *self != off
    }

    pub fn to_json(&self) -> FaultsJson {
        let s = |d: Option<Duration>| d.map(|d| d.as_secs_f64());
        FaultsJson {
            drop_streams_every_secs: s(self.drop_streams_every),
            drop_streams_random: self.drop_streams_random,
            refuse_reconnects_secs: s(self.refuse_reconnects_for),
            command_failure_rate: self.command_failure_rate,
            command_failure_kinds: self
                .command_failure_kinds
                .iter()
                .map(|k| k.as_str().to_owned())
                .collect(),
            command_timeout_secs: self.command_timeout.as_secs_f64(),
            slow_commands_secs: s(self.slow_commands),
            refuse_refresh_secs: s(self.refuse_refresh_for),
            malformed_events_rate: self.malformed_events_rate,
            seed: self.seed,
        }
    }

    /// Checks every value; the reason names the first bad one.
    pub fn from_json(j: &FaultsJson) -> Result<Faults, String> {
        let kinds = FailureKind::parse_list(&j.command_failure_kinds.join(","))
            .map_err(|e| format!("command_failure_kinds: {e}"))?;
        let faults = Faults {
            drop_streams_every: opt_secs("drop_streams_every_secs", j.drop_streams_every_secs)?,
            drop_streams_random: fraction("drop_streams_random", j.drop_streams_random)?,
            refuse_reconnects_for: opt_secs("refuse_reconnects_secs", j.refuse_reconnects_secs)?,
            command_failure_rate: fraction("command_failure_rate", j.command_failure_rate)?,
            command_failure_kinds: kinds,
            command_timeout: secs("command_timeout_secs", j.command_timeout_secs)?,
            slow_commands: opt_secs("slow_commands_secs", j.slow_commands_secs)?,
            refuse_refresh_for: opt_secs("refuse_refresh_secs", j.refuse_refresh_secs)?,
            malformed_events_rate: fraction("malformed_events_rate", j.malformed_events_rate)?,
            seed: j.seed,
        };
        Ok(faults)
    }
}

/// The command-line flags that set faults, each followed by its value (`--admin` and `--seed`
/// are read by `Config`).
pub const FLAGS: [&str; 9] = [
    "--drop-streams-every",
    "--drop-streams-random",
    "--refuse-reconnects",
    "--fail-commands",
    "--fail-kinds",
    "--timeout-hold",
    "--slow-commands",
    "--refuse-refresh",
    "--malformed-events",
];

fn number(flag: &str, v: &str) -> Result<f64, String> {
    v.trim()
        .parse::<f64>()
        .map_err(|_| format!("{flag} needs a number, not {v:?}"))
}

impl Faults {
    /// Reads one of [`FLAGS`] with its value.
    pub fn set_flag(&mut self, flag: &str, v: &str) -> Result<(), String> {
        match flag {
            "--drop-streams-every" => self.drop_streams_every = Some(secs(flag, number(flag, v)?)?),
            "--drop-streams-random" => self.drop_streams_random = fraction(flag, number(flag, v)?)?,
            "--refuse-reconnects" => {
                self.refuse_reconnects_for = Some(secs(flag, number(flag, v)?)?)
            }
            "--fail-commands" => self.command_failure_rate = fraction(flag, number(flag, v)?)?,
            "--fail-kinds" => self.command_failure_kinds = FailureKind::parse_list(v)?,
            "--timeout-hold" => self.command_timeout = secs(flag, number(flag, v)?)?,
            "--slow-commands" => self.slow_commands = Some(secs(flag, number(flag, v)? / 1000.0)?),
            "--refuse-refresh" => self.refuse_refresh_for = Some(secs(flag, number(flag, v)?)?),
            "--malformed-events" => self.malformed_events_rate = fraction(flag, number(flag, v)?)?,
            other => return Err(format!("unknown fault flag {other:?}")),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_form_round_trips_and_its_default_is_no_fault() {
        let f = Faults {
            drop_streams_every: Some(Duration::from_millis(1500)),
            drop_streams_random: 0.25,
            command_failure_rate: 0.5,
            command_failure_kinds: vec![FailureKind::Status502, FailureKind::Timeout],
            slow_commands: Some(Duration::from_millis(250)),
            seed: Some(9),
            ..Faults::default()
        };
        assert_eq!(Faults::from_json(&f.to_json()), Ok(f.clone()));
        assert!(f.any());
        let none: FaultsJson = serde_json::from_str("{}").unwrap();
        assert_eq!(Faults::from_json(&none), Ok(Faults::default()));
        assert!(!Faults::default().any());
    }

    #[test]
    fn bad_values_are_refused_with_the_field_named() {
        for (json, field) in [
            (r#"{"command_failure_rate": 1.5}"#, "command_failure_rate"),
            (r#"{"drop_streams_random": -0.1}"#, "drop_streams_random"),
            (r#"{"slow_commands_secs": 0}"#, "slow_commands_secs"),
            (r#"{"refuse_refresh_secs": -3}"#, "refuse_refresh_secs"),
            (
                r#"{"command_failure_kinds": ["404"]}"#,
                "command_failure_kinds",
            ),
            (r#"{"command_failure_kinds": []}"#, "command_failure_kinds"),
            (r#"{"command_timeout_secs": 1e9}"#, "command_timeout_secs"),
        ] {
            let j: FaultsJson = serde_json::from_str(json).unwrap();
            let e = Faults::from_json(&j).unwrap_err();
            assert!(e.contains(field), "{json}: {e}");
        }
        assert!(serde_json::from_str::<FaultsJson>(r#"{"fail_rate": 0.5}"#).is_err());
    }

    #[test]
    fn failure_kinds_read_from_a_list() {
        assert_eq!(
            FailureKind::parse_list("500, timeout,500"),
            Ok(vec![FailureKind::Status500, FailureKind::Timeout])
        );
        assert!(FailureKind::parse_list("500,418").is_err());
        assert!(FailureKind::parse_list("").is_err());
    }
}
