//! The URL parameters a portal (or any link) opens the console with (docs/embed.md): data only,
//! read by [`crate::embed::bridge::launch_params`].

use crate::i18n::Lang;
use huikong_protocol::Profile;

/// What the page's URL asks for: `?conference=&name=&lang=&profile=&autojoin=1&compact=1&wall=1`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LaunchParams {
    pub conference: Option<String>,
    pub name: Option<String>,
    pub lang: Option<Lang>,
    pub profile: Option<Profile>,
    /// Join at once with what the URL and the defaults give.
    pub autojoin: bool,
    /// No header: for a narrow iframe.
    pub compact: bool,
    /// A `pin` was in the URL: it is ignored and wiped from the address bar.
    pub had_pin: bool,
    /// `?wall=1`: open the operator wall rather than the join form.
    pub wall: bool,
}

fn truthy(v: &str) -> bool {
    matches!(
        v.trim().to_ascii_lowercase().as_str(),
        "" | "1" | "true" | "yes" | "on"
    )
}

fn non_empty(v: &str) -> Option<String> {
    let t = v.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl LaunchParams {
    /// Reads the query's pairs; the first of a repeated name wins, as `URLSearchParams.get`.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> LaunchParams {
        let mut p = LaunchParams::default();
        let mut seen = std::collections::HashSet::new();
        for (k, v) in pairs {
            if !seen.insert(k) {
                continue;
            }
            match k {
                "conference" => p.conference = non_empty(v),
                "name" => p.name = non_empty(v),
                "lang" => p.lang = Lang::parse(v),
                "profile" => p.profile = Profile::parse(v),
                "autojoin" => p.autojoin = truthy(v),
                "compact" => p.compact = truthy(v),
                "wall" => p.wall = truthy(v),
                "pin" => p.had_pin = true,
                _ => {}
            }
        }
        p
    }
}
