//! The faults a simulator can be told to inject, so that a client's resilience can be tested
//! against the failures a real deployment shows: dropped event streams, refused reconnects,
//! failing or slow commands, refused refreshes, malformed events. Set from the command line
//! (`Config::faults`) or at run time through the admin endpoint, whose JSON form is `Faults`
//! itself; the default injects nothing.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
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

/// In JSON (the admin endpoint): durations in seconds with the unit in the name (fractions
/// allowed), `null` for "off"; every field optional (absent means no fault), unknown fields and
/// bad values refused with the field named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Faults {
    /// Every open event stream of every room is closed this often.
    #[serde(
        rename = "drop_streams_every_secs",
        serialize_with = "opt_secs_out",
        deserialize_with = "drop_streams_every"
    )]
    pub drop_streams_every: Option<Duration>,
    /// The probability per second that any one open event stream is closed.
    #[serde(deserialize_with = "drop_streams_random")]
    pub drop_streams_random: f64,
    /// After any drop, new `events` connections are answered 503 for this long.
    #[serde(
        rename = "refuse_reconnects_secs",
        serialize_with = "opt_secs_out",
        deserialize_with = "refuse_reconnects"
    )]
    pub refuse_reconnects_for: Option<Duration>,
    /// The fraction of conference and participant commands that fail.
    #[serde(deserialize_with = "command_failure_rate")]
    pub command_failure_rate: f64,
    /// How they fail: one of these, chosen evenly.
    #[serde(
        serialize_with = "kinds_out",
        deserialize_with = "command_failure_kinds"
    )]
    pub command_failure_kinds: Vec<FailureKind>,
    /// How long a `Timeout` failure holds the request before its 504.
    #[serde(
        rename = "command_timeout_secs",
        serialize_with = "secs_out",
        deserialize_with = "command_timeout"
    )]
    pub command_timeout: Duration,
    /// Added before every conference and participant command is answered.
    #[serde(
        rename = "slow_commands_secs",
        serialize_with = "opt_secs_out",
        deserialize_with = "slow_commands"
    )]
    pub slow_commands: Option<Duration>,
    /// refresh_session answers 503 for this long from when the faults were set.
    #[serde(
        rename = "refuse_refresh_secs",
        serialize_with = "opt_secs_out",
        deserialize_with = "refuse_refresh"
    )]
    pub refuse_refresh_for: Option<Duration>,
    /// The probability that a live event is followed by a malformed one on each stream.
    #[serde(deserialize_with = "malformed_events_rate")]
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

fn kinds(what: &str, v: Vec<String>) -> Result<Vec<FailureKind>, String> {
    FailureKind::parse_list(&v.join(",")).map_err(|e| format!("{what}: {e}"))
}

/// One deserializer per checked field: it reads the JSON value, then checks it with the field
/// named in the refusal.
macro_rules! checked_fields {
    ($($field:ident: $out:ty = $check:ident($name:literal);)*) => {$(
        fn $field<'de, D: Deserializer<'de>>(d: D) -> Result<$out, D::Error> {
            $check($name, Deserialize::deserialize(d)?).map_err(D::Error::custom)
        }
    )*};
}

checked_fields! {
    drop_streams_every: Option<Duration> = opt_secs("drop_streams_every_secs");
    drop_streams_random: f64 = fraction("drop_streams_random");
    refuse_reconnects: Option<Duration> = opt_secs("refuse_reconnects_secs");
    command_failure_rate: f64 = fraction("command_failure_rate");
    command_failure_kinds: Vec<FailureKind> = kinds("command_failure_kinds");
    command_timeout: Duration = secs("command_timeout_secs");
    slow_commands: Option<Duration> = opt_secs("slow_commands_secs");
    refuse_refresh: Option<Duration> = opt_secs("refuse_refresh_secs");
    malformed_events_rate: f64 = fraction("malformed_events_rate");
}

fn secs_out<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

fn opt_secs_out<S: Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
    d.map(|d| d.as_secs_f64()).serialize(s)
}

fn kinds_out<S: Serializer>(kinds: &[FailureKind], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(kinds.iter().map(|k| k.as_str()))
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
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(serde_json::from_str::<Faults>(&json).unwrap(), f);
        assert!(json.contains("\"drop_streams_every_secs\":1.5"), "{json}");
        assert!(
            json.contains("\"command_failure_kinds\":[\"502\",\"timeout\"]"),
            "{json}"
        );
        assert!(f.any());
        let none: Faults = serde_json::from_str("{}").unwrap();
        assert_eq!(none, Faults::default());
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
            let e = serde_json::from_str::<Faults>(json)
                .unwrap_err()
                .to_string();
            assert!(e.contains(field), "{json}: {e}");
        }
        assert!(serde_json::from_str::<Faults>(r#"{"fail_rate": 0.5}"#).is_err());
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
