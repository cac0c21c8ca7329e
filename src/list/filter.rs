//! Whether the list keeps a participant: the search and every filter, as a pure function of the
//! participant and the list's [`Basis`], so it is tested without a browser.

use crate::list::query::StateFilter;
use crate::list::view::Basis;
use huikong_protocol::{Participant, RxPresentationPolicy, ServiceType};

/// The filters on a participant's flags, which change without a roster revision. Each one on
/// keeps only those with the flag; several on keep those with all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    /// Muted by the host (the platform's `is_muted`; a mute on the endpoint itself is not
    /// reported).
    pub muted: bool,
    pub presenting: bool,
    /// `rx_presentation_policy` DENY: not sent the presentation.
    pub no_presentation: bool,
}

impl Flags {
    pub fn any(self) -> bool {
        self.count() > 0
    }

    pub fn count(self) -> usize {
        [self.muted, self.presenting, self.no_presentation]
            .into_iter()
            .filter(|on| *on)
            .count()
    }

    pub fn matches(self, p: &Participant) -> bool {
        (!self.muted || p.is_muted)
            && (!self.presenting || p.is_presenting)
            && (!self.no_presentation || p.rx_presentation_policy == RxPresentationPolicy::Deny)
    }
}

/// The filters on how long ago someone arrived, in minutes; 0 is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TimeFilters {
    /// Waiting for a host longer than this.
    pub waiting_over: u32,
    /// Joined no longer ago than this.
    pub joined_within: u32,
}

impl TimeFilters {
    /// The minutes offered for either, besides off.
    pub const CHOICES: [u32; 7] = [1, 2, 5, 10, 15, 30, 60];

    pub fn any(self) -> bool {
        self.count() > 0
    }

    pub fn count(self) -> usize {
        usize::from(self.waiting_over > 0) + usize::from(self.joined_within > 0)
    }

    /// Whether `p` passes both at `now` (UNIX seconds). `start_time` is when the participant
    /// connected: for someone waiting, when they began to wait. Unknown (0) passes neither.
    pub fn matches(self, p: &Participant, now: f64) -> bool {
        let ago = now - p.start_time;
        let known = p.start_time > 0.0;
        (self.waiting_over == 0
            || (known && p.is_waiting() && ago > f64::from(self.waiting_over) * 60.0))
            && (self.joined_within == 0 || (known && ago <= f64::from(self.joined_within) * 60.0))
    }
}

fn state_matches(f: StateFilter, p: &Participant) -> bool {
    match f {
        StateFilter::All => true,
        StateFilter::Conference => matches!(
            p.service_type,
            ServiceType::Conference | ServiceType::Gateway
        ),
        StateFilter::Waiting => p.is_waiting(),
        StateFilter::Connecting => p.service_type == ServiceType::Connecting,
    }
}

impl Basis {
    /// Whether the list for this basis shows `p`.
    pub fn keeps(&self, p: &Participant) -> bool {
        state_matches(self.state, p)
            && self.role.is_none_or(|r| r == p.role)
            && (self.protocol.is_empty() || p.protocol.eq_ignore_ascii_case(&self.protocol))
            && self.flags.matches(p)
            && (!self.on_stage || self.stage.iter().any(|(u, _, _)| *u == p.uuid))
            && self.times.matches(p, self.now)
            && (self.search.is_empty()
                || [&p.display_name, &p.uri, &p.local_alias, &p.overlay_text]
                    .iter()
                    .any(|f| f.to_lowercase().contains(&self.search)))
    }
}
