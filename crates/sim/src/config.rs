//! How a simulator is started: from the command line, or by a test with compressed durations.

use crate::faults::{self, Faults};
use crate::model::MAX_EXTRA_ROOMS;
use huikong_protocol::Profile;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Who is in the demo room when the simulator starts, and whether it lives on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    /// About a dozen participants who speak, present, chat, come and go.
    Demo,
    /// Nobody, and no background activity: for tests.
    Empty,
    /// The demo room filled with this many participants, living like the demo.
    Large(usize),
    /// A head office and twenty branch venues, some absent (`examples/venues-demo.csv`).
    Venues,
}

impl Scenario {
    pub fn parse(s: &str) -> Option<Scenario> {
        match s.trim() {
            "demo" => Some(Scenario::Demo),
            "empty" => Some(Scenario::Empty),
            "venues" => Some(Scenario::Venues),
            other => {
                let n = other.strip_prefix("large:")?.parse::<usize>().ok()?;
                Some(Scenario::Large(n))
            }
        }
    }
}

/// The highest churn rate accepted: far beyond what any stream keeps up with.
pub const MAX_CHURN: f64 = 100_000.0;

/// Whether a churn rate (participants per second) is one `--churn` and the admin endpoint take.
pub fn check_churn_rate(rate: f64) -> Result<f64, String> {
    if rate.is_finite() && (0.0..=MAX_CHURN).contains(&rate) {
        Ok(rate)
    } else {
        Err(format!(
            "the churn rate is participants per second from 0 to {MAX_CHURN}, not {rate}"
        ))
    }
}

/// Whether `name` is one `--node-name` takes: a host with an optional port, as checkJoin's
/// `mcuHost` carries it (no scheme, no path, no user).
pub fn check_node_name(name: &str) -> Result<String, String> {
    let n = name.trim();
    let bad = n.is_empty()
        || n.contains("://")
        || n.contains(['/', '?', '#', '@', '%'])
        || n.contains(char::is_whitespace);
    if bad {
        return Err(format!(
            "--node-name is HOST[:PORT] (no scheme, no path), not {name:?}"
        ));
    }
    match n.rsplit_once(':') {
        Some((_, port)) if !n.ends_with(']') && port.parse::<u16>().is_err() => {
            Err(format!("--node-name {name:?}: the port is not a number"))
        }
        _ => Ok(n.to_owned()),
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub profile: Profile,
    /// Seconds a token lives unless refreshed.
    pub token_ttl: u64,
    pub scenario: Scenario,
    /// A built console to serve at `/`.
    pub dist: Option<PathBuf>,
    /// The one origin CORS allows; any origin when `None`.
    pub allow_origin: Option<String>,
    /// Sends no CORS headers at all (`--no-cors`), as a platform that answers only its own
    /// pages: a console on another origin can then reach it only through a same-origin proxy.
    pub no_cors: bool,
    /// The conference node checkJoin names (`mcuHost`) and new_session answers with
    /// (`--node-name HOST[:PORT]`); `None`: the host the request was addressed to.
    pub node_name: Option<String>,
    /// How long a dialled endpoint rings before it answers.
    pub dial_answer: Duration,
    /// How long a `noanswer` destination rings before the call is dropped.
    pub dial_no_answer: Duration,
    /// The pace of the living scenario.
    pub scenario_tick: Duration,
    /// How often expired tokens are looked for.
    pub sweep_interval: Duration,
    /// Interval of the SSE keep-alive comments.
    pub keep_alive: Duration,
    /// Faults to inject from the start; none by default.
    pub faults: Faults,
    /// Serves the admin endpoint under `/_admin/` (faults at run time, the rooms' state).
    pub admin: bool,
    /// Participants changed per second by the churn (0: none) in the demo room and in each
    /// populated extra room; the admin endpoint changes it at run time.
    pub churn: f64,
    /// Rooms provisioned after the two every simulator has (`--rooms N`), for an operator wall
    /// that watches many meetings: see `model::extra_room`.
    pub extra_rooms: usize,
    /// Participants each extra room starts with (`--room-size M`); 0 leaves them empty.
    pub extra_room_size: usize,
    /// Answers carry `Timing-Allow-Origin: *` (`--timing-allow-origin`), so that a console on
    /// another origin can read `PerformanceResourceTiming.nextHopProtocol`.
    pub timing_allow_origin: bool,
    /// Serves over TLS with this certificate, HTTP/2 or HTTP/1.1 by ALPN (`--tls-cert`,
    /// `--tls-key`); plain HTTP/1.1 when `None`.
    pub tls: Option<crate::tls::TlsFiles>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            profile: Profile::Public,
            token_ttl: 120,
            scenario: Scenario::Demo,
            dist: None,
            allow_origin: None,
            no_cors: false,
            node_name: None,
            dial_answer: Duration::from_secs(2),
            dial_no_answer: Duration::from_secs(30),
            scenario_tick: Duration::from_secs(1),
            sweep_interval: Duration::from_millis(500),
            keep_alive: Duration::from_secs(15),
            faults: Faults::default(),
            admin: false,
            churn: 0.0,
            extra_rooms: 0,
            extra_room_size: 0,
            timing_allow_origin: false,
            tls: None,
        }
    }
}

impl Config {
    /// A configuration for in-process tests: any free port, nobody in the rooms, short waits.
    pub fn for_tests(profile: Profile) -> Config {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            profile,
            scenario: Scenario::Empty,
            dial_answer: Duration::from_millis(200),
            dial_no_answer: Duration::from_millis(600),
            scenario_tick: Duration::from_millis(50),
            sweep_interval: Duration::from_millis(100),
            ..Config::default()
        }
    }

    /// Reads `--listen`, `--profile`, `--token-ttl`, `--scenario`, `--dist`, `--allow-origin`,
    /// `--no-cors`, `--node-name`, `--admin`, `--seed`, `--churn`, `--rooms`, `--room-size`,
    /// `--timing-allow-origin`, `--tls-cert` with `--tls-key` and the fault flags
    /// ([`faults::FLAGS`]).
    pub fn from_args<I: IntoIterator<Item = String>>(args: I) -> Result<Config, String> {
        let mut config = Config::default();
        let (mut tls_cert, mut tls_key) = (None, None);
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let (name, inline) = match flag.split_once('=') {
                Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
                None => (flag.clone(), None),
            };
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match name.as_str() {
                "--listen" => {
                    let v = value()?;
                    config.listen = v.parse().map_err(|_| format!("bad --listen {v:?}"))?;
                }
                "--profile" => {
                    let v = value()?;
                    config.profile = Profile::parse(&v)
                        .ok_or_else(|| format!("--profile is public or enterprise, not {v:?}"))?;
                }
                "--token-ttl" => {
                    let v = value()?;
                    config.token_ttl = v
                        .parse()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or_else(|| format!("bad --token-ttl {v:?}"))?;
                }
                "--scenario" => {
                    let v = value()?;
                    config.scenario = Scenario::parse(&v).ok_or_else(|| {
                        format!("--scenario is demo, empty, venues or large:N, not {v:?}")
                    })?;
                }
                "--dist" => config.dist = Some(PathBuf::from(value()?)),
                "--allow-origin" => config.allow_origin = Some(value()?),
                "--no-cors" if inline.is_none() => config.no_cors = true,
                "--no-cors" => return Err("--no-cors takes no value".into()),
                "--node-name" => config.node_name = Some(check_node_name(&value()?)?),
                "--admin" if inline.is_none() => config.admin = true,
                "--admin" => return Err("--admin takes no value".into()),
                "--seed" => {
                    let v = value()?;
                    let seed = v.parse().map_err(|_| format!("bad --seed {v:?}"))?;
                    config.faults.seed = Some(seed);
                }
                "--churn" => {
                    let v = value()?;
                    let rate = v.trim().parse().map_err(|_| format!("bad --churn {v:?}"))?;
                    config.churn = check_churn_rate(rate)?;
                }
                "--rooms" => {
                    let v = value()?;
                    config.extra_rooms = v
                        .trim()
                        .parse()
                        .ok()
                        .filter(|n| *n <= MAX_EXTRA_ROOMS)
                        .ok_or_else(|| {
                            format!("--rooms is a count from 0 to {MAX_EXTRA_ROOMS}, not {v:?}")
                        })?;
                }
                "--room-size" => {
                    let v = value()?;
                    config.extra_room_size = v
                        .trim()
                        .parse()
                        .map_err(|_| format!("bad --room-size {v:?}"))?;
                }
                "--timing-allow-origin" if inline.is_none() => config.timing_allow_origin = true,
                "--timing-allow-origin" => {
                    return Err("--timing-allow-origin takes no value".into())
                }
                "--tls-cert" => tls_cert = Some(PathBuf::from(value()?)),
                "--tls-key" => tls_key = Some(PathBuf::from(value()?)),
                flag if faults::FLAGS.contains(&flag) => {
                    let v = value()?;
                    config.faults.set_flag(flag, &v)?;
                }
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        config.tls = match (tls_cert, tls_key) {
            (Some(cert), Some(key)) => Some(crate::tls::TlsFiles { cert, key }),
            (None, None) => None,
            _ => return Err("--tls-cert and --tls-key go together".into()),
        };
        if config.no_cors && config.allow_origin.is_some() {
            return Err("--no-cors and --allow-origin contradict each other".into());
        }
        if config.extra_room_size > 0 && config.extra_rooms == 0 {
            return Err("--room-size fills the rooms --rooms adds: give --rooms N too".into());
        }
        // Populated extra rooms give the churn something to change even in an empty demo room.
        let populated = config.scenario != Scenario::Empty || config.extra_room_size > 0;
        if config.churn > 0.0 && !populated {
            return Err(
                "--churn changes the living scenario: demo or large:N, not empty \
                 (unless --rooms N --room-size M fill extra rooms)"
                    .into(),
            );
        }
        Ok(config)
    }
}
