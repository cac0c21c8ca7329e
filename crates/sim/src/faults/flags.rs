//! The command-line flags that set faults.

use super::settings::{fraction, secs, FailureKind, Faults};

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
