//! Rotation (轮询): the picture goes through the venues on a timer. Three ways, as the MCU
//! consoles have them: the whole screen one venue at a time (`1:0`); one pane cycling through
//! the venues not otherwise placed while the other actors stay (Polycom RMX's Auto Scan); or a
//! multi-pane picture paged through the list. Absent venues and those still being called are
//! skipped, and audio-only ones when asked. What the next step shows is decided here; the
//! console keeps the timer and sends the steps.

use super::{Audiences, Shown, FULL_SCREEN};
use serde::{Deserialize, Serialize};

pub const MIN_INTERVAL_S: u32 = 10;
pub const MAX_INTERVAL_S: u32 = 3600;
pub const DEFAULT_INTERVAL_S: u32 = 15;

/// How the picture goes through the venues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// One venue full screen at a time.
    #[default]
    Whole,
    /// The fixed venues stay; one pane after them cycles through the others.
    Pane,
    /// The picture filled from the list, a page at a time.
    Pages,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Whole, Mode::Pane, Mode::Pages];

    pub fn code(self) -> &'static str {
        match self {
            Mode::Whole => "whole",
            Mode::Pane => "pane",
            Mode::Pages => "pages",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.code() == s)
    }
}

fn default_view() -> String {
    "1:7".into()
}

fn default_interval() -> u32 {
    DEFAULT_INTERVAL_S
}

/// A rotation as the operator sets it up; kept in the meeting plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setup {
    #[serde(default)]
    pub mode: Mode,
    /// The picture of the pane and pages modes (the whole-screen mode is `1:0`).
    #[serde(default = "default_view")]
    pub view: String,
    /// Pane mode: the venues (by key) that keep their panes, in pane order.
    #[serde(default)]
    pub fixed: Vec<String>,
    #[serde(default = "default_interval")]
    pub interval_s: u32,
    #[serde(default)]
    pub audiences: Audiences,
    #[serde(default)]
    pub skip_audio_only: bool,
    /// The venues rotated, by key, in this order; none: the whole venue list in its order.
    #[serde(default)]
    pub venues: Vec<String>,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            mode: Mode::Whole,
            view: default_view(),
            fixed: Vec::new(),
            interval_s: DEFAULT_INTERVAL_S,
            audiences: Audiences::Guests,
            skip_audio_only: false,
            venues: Vec::new(),
        }
    }
}

/// What is wrong with a setup, for the form to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The interval is outside 10–3600 s.
    Interval,
    /// The pane mode's fixed venues leave no pane to cycle, or its view has one pane only.
    NoPaneLeft,
    /// Pages need a picture of several panes.
    OnePane,
}

/// How many participants a view shows (one for a view the platform does not know).
pub fn capacity(view: &str) -> usize {
    huikong_protocol::layout_capacity(view).unwrap_or(1)
}

impl Setup {
    pub fn check(&self) -> Result<(), Problem> {
        if !(MIN_INTERVAL_S..=MAX_INTERVAL_S).contains(&self.interval_s) {
            return Err(Problem::Interval);
        }
        match self.mode {
            Mode::Whole => Ok(()),
            Mode::Pane
                if self.fixed.len() + 1 > capacity(&self.view) || capacity(&self.view) < 2 =>
            {
                Err(Problem::NoPaneLeft)
            }
            Mode::Pages if capacity(&self.view) < 2 => Err(Problem::OnePane),
            _ => Ok(()),
        }
    }

    /// The view the rotation shows.
    pub fn shown_view(&self) -> &str {
        match self.mode {
            Mode::Whole => FULL_SCREEN,
            _ => &self.view,
        }
    }
}

/// A venue as the rotation sees it now, in the venue list's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub key: String,
    pub name: String,
    /// Its participant while it is in the conference (not absent, not still being called).
    pub uuid: Option<String>,
    pub audio_only: bool,
}

/// One step: the venues it shows (by key) and the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub keys: Vec<String>,
    pub names: Vec<String>,
    pub shown: Shown,
}

/// The venues in rotation order: the setup's chosen ones, else the whole list.
fn order<'a>(setup: &Setup, all: &'a [Candidate]) -> Vec<&'a Candidate> {
    if setup.venues.is_empty() {
        all.iter().collect()
    } else {
        setup
            .venues
            .iter()
            .filter_map(|k| all.iter().find(|c| &c.key == k))
            .collect()
    }
}

fn eligible(setup: &Setup, c: &Candidate) -> bool {
    c.uuid.is_some()
        && !(setup.skip_audio_only && c.audio_only)
        && !(setup.mode == Mode::Pane && setup.fixed.contains(&c.key))
}

/// The step after the one that showed `after` (the first step when `after` is empty). Whole
/// screen and pane: the next venue that may be shown after the last one shown, round the list
/// (the same one again when it is the only one). Pages: the next page of venues after the last
/// one shown, from the top once the list is done. `None` when no venue may be shown now.
pub fn next(setup: &Setup, all: &[Candidate], after: &[String]) -> Option<Step> {
    let order = order(setup, all);
    let n = order.len();
    if n == 0 {
        return None;
    }
    let start = after
        .last()
        .and_then(|k| order.iter().position(|c| &c.key == k))
        .map_or(0, |i| i + 1);
    let picked: Vec<&Candidate> = match setup.mode {
        Mode::Whole | Mode::Pane => (0..n)
            .map(|i| order[(start + i) % n])
            .find(|c| eligible(setup, c))
            .into_iter()
            .collect(),
        Mode::Pages => {
            let cap = capacity(&setup.view);
            let page = |from: usize| -> Vec<&Candidate> {
                order[from.min(n)..]
                    .iter()
                    .copied()
                    .filter(|c| eligible(setup, c))
                    .take(cap)
                    .collect()
            };
            let p = page(start);
            if p.is_empty() {
                page(0)
            } else {
                p
            }
        }
    };
    if picked.is_empty() {
        return None;
    }
    let uuids: Vec<String> = picked.iter().filter_map(|c| c.uuid.clone()).collect();
    let shown = match setup.mode {
        Mode::Whole => Shown::alone(&uuids[0]),
        Mode::Pane => {
            let cap = capacity(&setup.view);
            let mut actors: Vec<String> = setup
                .fixed
                .iter()
                .filter_map(|k| all.iter().find(|c| &c.key == k)?.uuid.clone())
                .take(cap.saturating_sub(1))
                .collect();
            actors.extend(uuids);
            Shown {
                view: setup.view.clone(),
                actors,
                vad_backfill: true,
            }
        }
        Mode::Pages => Shown {
            view: setup.view.clone(),
            actors: uuids,
            vad_backfill: false,
        },
    };
    Some(Step {
        keys: picked.iter().map(|c| c.key.clone()).collect(),
        names: picked.iter().map(|c| c.name.clone()).collect(),
        shown,
    })
}

/// The rotation's countdown in milliseconds of the page's clock: due at a time while running,
/// or the time left while paused (a pause resumes at the same venue, with what was left).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Countdown {
    Due(f64),
    Paused(f64),
}

impl Countdown {
    pub fn start(now_ms: f64, interval_s: u32) -> Countdown {
        Countdown::Due(now_ms + f64::from(interval_s) * 1000.0)
    }

    pub fn is_due(self, now_ms: f64) -> bool {
        matches!(self, Countdown::Due(at) if now_ms >= at)
    }

    /// Whole seconds left, shown in the bar.
    pub fn seconds_left(self, now_ms: f64) -> u64 {
        let left = match self {
            Countdown::Due(at) => at - now_ms,
            Countdown::Paused(left) => left,
        };
        (left.max(0.0) / 1000.0).ceil() as u64
    }

    pub fn pause(self, now_ms: f64) -> Countdown {
        match self {
            Countdown::Due(at) => Countdown::Paused((at - now_ms).max(0.0)),
            p => p,
        }
    }

    pub fn resume(self, now_ms: f64) -> Countdown {
        match self {
            Countdown::Paused(left) => Countdown::Due(now_ms + left),
            d => d,
        }
    }

    pub fn paused(self) -> bool {
        matches!(self, Countdown::Paused(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(key: &str, on: bool, audio: bool) -> Candidate {
        Candidate {
            key: key.into(),
            name: key.to_uppercase(),
            uuid: on.then(|| format!("u-{key}")),
            audio_only: audio,
        }
    }

    fn keys(s: &Option<Step>) -> Vec<String> {
        s.as_ref().map(|s| s.keys.clone()).unwrap_or_default()
    }

    #[test]
    fn whole_screen_goes_round_the_list_skipping_the_absent_and_optionally_audio_only() {
        let all = [
            c("a", true, false),
            c("b", false, false),
            c("c", true, true),
            c("d", true, false),
        ];
        let mut s = Setup::default();
        let first = next(&s, &all, &[]);
        assert_eq!(keys(&first), ["a"]);
        assert_eq!(first.unwrap().shown, Shown::alone("u-a"));
        assert_eq!(keys(&next(&s, &all, &["a".into()])), ["c"]);
        s.skip_audio_only = true;
        assert_eq!(keys(&next(&s, &all, &["a".into()])), ["d"]);
        assert_eq!(keys(&next(&s, &all, &["d".into()])), ["a"]);
        // A chosen subset, in its own order.
        s.venues = vec!["d".into(), "a".into()];
        assert_eq!(keys(&next(&s, &all, &[])), ["d"]);
        assert_eq!(keys(&next(&s, &all, &["d".into()])), ["a"]);
        // The only one: shown again.
        let one = [c("a", true, false), c("b", false, false)];
        assert_eq!(keys(&next(&Setup::default(), &one, &["a".into()])), ["a"]);
        assert_eq!(next(&Setup::default(), &[c("b", false, false)], &[]), None);
    }

    #[test]
    fn one_pane_cycles_through_the_venues_not_fixed() {
        let all = [
            c("a", true, false),
            c("b", true, false),
            c("c", true, false),
            c("d", true, false),
        ];
        let s = Setup {
            mode: Mode::Pane,
            view: "1:7".into(),
            fixed: vec!["a".into()],
            ..Setup::default()
        };
        let first = next(&s, &all, &[]).unwrap();
        assert_eq!(first.keys, ["b"]);
        assert_eq!(first.shown.actors, ["u-a", "u-b"]);
        assert!(first.shown.vad_backfill);
        assert_eq!(keys(&next(&s, &all, &["d".into()])), ["b"]);
        assert_eq!(s.check(), Ok(()));
        let full = Setup {
            view: "1:0".into(),
            ..s
        };
        assert_eq!(full.check(), Err(Problem::NoPaneLeft));
    }

    #[test]
    fn pages_go_through_the_list_a_picture_at_a_time() {
        let all: Vec<Candidate> = (0..10)
            .map(|i| c(&format!("v{i}"), i != 3, false))
            .collect();
        let s = Setup {
            mode: Mode::Pages,
            view: "4:0".into(),
            ..Setup::default()
        };
        let p1 = next(&s, &all, &[]).unwrap();
        assert_eq!(p1.keys, ["v0", "v1", "v2", "v4"]);
        assert_eq!(p1.shown.view, "4:0");
        assert!(!p1.shown.vad_backfill);
        let p2 = next(&s, &all, &p1.keys).unwrap();
        assert_eq!(p2.keys, ["v5", "v6", "v7", "v8"]);
        let p3 = next(&s, &all, &p2.keys).unwrap();
        assert_eq!(p3.keys, ["v9"]);
        assert_eq!(keys(&next(&s, &all, &p3.keys)), ["v0", "v1", "v2", "v4"]);
        assert_eq!(
            Setup {
                view: "1:0".into(),
                ..s
            }
            .check(),
            Err(Problem::OnePane)
        );
    }

    #[test]
    fn the_interval_is_10_to_3600_seconds() {
        for (s, ok) in [(9, false), (10, true), (3600, true), (3601, false)] {
            let setup = Setup {
                interval_s: s,
                ..Setup::default()
            };
            assert_eq!(setup.check().is_ok(), ok, "{s}");
        }
    }

    #[test]
    fn a_pause_resumes_with_the_time_that_was_left() {
        let c = Countdown::start(1000.0, 15);
        assert!(!c.is_due(15_999.0));
        assert!(c.is_due(16_000.0));
        assert_eq!(c.seconds_left(6_000.0), 10);
        let p = c.pause(6_000.0);
        assert!(p.paused());
        assert!(!p.is_due(1e9));
        assert_eq!(p.seconds_left(1e9), 10);
        let r = p.resume(100_000.0);
        assert!(r.is_due(110_000.0));
        assert!(!r.is_due(109_999.0));
    }

    #[test]
    fn a_setup_reads_back_from_its_json() {
        let s = Setup {
            mode: Mode::Pages,
            view: "1:21".into(),
            venues: vec!["sip:a@x".into()],
            skip_audio_only: true,
            audiences: Audiences::Both,
            ..Setup::default()
        };
        let text = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Setup>(&text).unwrap(), s);
        let partial: Setup = serde_json::from_str(r#"{"mode":"whole"}"#).unwrap();
        assert_eq!(partial, Setup::default());
    }
}
