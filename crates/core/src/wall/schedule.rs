//! Which rooms stream and which are polled. A browser opens at most six HTTP/1.1 connections to
//! one origin and an event stream holds one for as long as it lives; past that, requests wait
//! silently, and a token refresh that waits loses its session. So on an HTTP/1.1 node at most
//! [`STREAMS_PER_NODE_H1`] rooms stream (the room being looked at first, then those needing
//! attention, then the list's order), the rest are polled one request at a time, and two
//! connections stay free for refreshes and commands. Over HTTP/2 one connection carries every
//! request, so every room streams.

/// Streams on one HTTP/1.1 node: six connections, less one for a poll and one for refreshes and
/// commands.
pub const STREAMS_PER_NODE_H1: usize = 4;
/// A polled room is read at least this far apart...
pub const POLL_MIN_MS: f64 = 5_000.0;
/// ...and at most this far, however many rooms share the node.
pub const POLL_MAX_MS: f64 = 15_000.0;
/// Each polled room on a node adds this much to the node's poll interval, so the node sees
/// about one reading (two requests) per this long.
const POLL_SPACING_MS: f64 = 1_000.0;

/// What the browser speaks to a node, as `PerformanceResourceTiming.nextHopProtocol` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Http1,
    Http2,
    /// Not seen yet, or not readable (a cross-origin node without `Timing-Allow-Origin`):
    /// HTTP/1.1's limits are kept.
    Unknown,
}

impl Protocol {
    /// Reads `nextHopProtocol`: `h2` and `h3` multiplex; an empty one is not known.
    pub fn from_next_hop(p: &str) -> Protocol {
        match p.trim() {
            "h2" | "h3" | "h2c" => Protocol::Http2,
            "" => Protocol::Unknown,
            _ => Protocol::Http1,
        }
    }

    pub fn multiplexed(self) -> bool {
        self == Protocol::Http2
    }
}

/// How a room is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Stream,
    Poll,
}

/// One connected room, as the scheduler weighs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The origin of the node the room's session was granted on (`scheme://host:port`).
    pub node: String,
    /// The operator is looking at it.
    pub focused: bool,
    /// It needs attention (an alert unseen, someone waiting, a broken connection).
    pub attention: bool,
}

/// Each room's delivery, in the rooms' order (their place on the wall breaks ties).
pub fn plan(rooms: &[Candidate], protocol: impl Fn(&str) -> Protocol) -> Vec<Delivery> {
    let mut out = vec![Delivery::Poll; rooms.len()];
    let mut nodes: Vec<&str> = rooms.iter().map(|r| r.node.as_str()).collect();
    nodes.sort_unstable();
    nodes.dedup();
    for node in nodes {
        let mut on: Vec<usize> = (0..rooms.len())
            .filter(|&i| rooms[i].node == node)
            .collect();
        let budget = match protocol(node).multiplexed() {
            true => on.len(),
            false => STREAMS_PER_NODE_H1,
        };
        // Stable: among equals the list's order decides.
        on.sort_by_key(|&i| (!rooms[i].focused, !rooms[i].attention));
        for &i in on.iter().take(budget) {
            out[i] = Delivery::Stream;
        }
    }
    out
}

/// How often each of `polled` rooms on one node is read: more rooms, further apart, so the
/// node's load stays about one reading a second, between [`POLL_MIN_MS`] and [`POLL_MAX_MS`].
pub fn poll_interval_ms(polled: usize) -> f64 {
    (polled as f64 * POLL_SPACING_MS).clamp(POLL_MIN_MS, POLL_MAX_MS)
}

/// The polled room to read next on a node, if one is due: the longest overdue (never read
/// counts as most overdue). `last[i]` is when room `i` was last read.
pub fn next_due(last: &[Option<f64>], now_ms: f64, interval_ms: f64) -> Option<usize> {
    last.iter()
        .enumerate()
        .filter_map(|(i, l)| match l {
            None => Some((i, f64::INFINITY)),
            Some(t) if now_ms - t >= interval_ms => Some((i, now_ms - t)),
            Some(_) => None,
        })
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i)
}

/// The origin a browser counts connections by, from an API address (`scheme://host[:port]`).
pub fn origin_of(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    format!("{}://{}", scheme.to_lowercase(), host.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(node: &str, focused: bool, attention: bool) -> Candidate {
        Candidate {
            node: node.into(),
            focused,
            attention,
        }
    }

    #[test]
    fn an_http1_node_streams_four_rooms_the_looked_at_and_alerting_first() {
        let mut rooms: Vec<Candidate> = (0..8).map(|_| c("http://n", false, false)).collect();
        rooms[6].attention = true;
        rooms[7].focused = true;
        let p = plan(&rooms, |_| Protocol::Http1);
        let streamed: Vec<usize> = (0..8).filter(|&i| p[i] == Delivery::Stream).collect();
        assert_eq!(streamed, vec![0, 1, 6, 7]);
    }

    #[test]
    fn an_unknown_protocol_keeps_http1_limits_and_http2_streams_every_room() {
        let rooms: Vec<Candidate> = (0..8).map(|_| c("https://n", false, false)).collect();
        let unknown = plan(&rooms, |_| Protocol::Unknown);
        assert_eq!(
            unknown.iter().filter(|d| **d == Delivery::Stream).count(),
            4
        );
        let h2 = plan(&rooms, |_| Protocol::Http2);
        assert!(h2.iter().all(|d| *d == Delivery::Stream));
    }

    #[test]
    fn each_node_has_its_own_budget() {
        let mut rooms: Vec<Candidate> = (0..5).map(|_| c("http://a", false, false)).collect();
        rooms.extend((0..3).map(|_| c("http://b", false, false)));
        let p = plan(&rooms, |_| Protocol::Http1);
        assert_eq!(p[4], Delivery::Poll);
        assert!(p[5..].iter().all(|d| *d == Delivery::Stream));
    }

    #[test]
    fn the_poll_interval_grows_with_the_rooms_within_five_to_fifteen_seconds() {
        assert_eq!(poll_interval_ms(1), 5_000.0);
        assert_eq!(poll_interval_ms(8), 8_000.0);
        assert_eq!(poll_interval_ms(16), 15_000.0);
    }

    #[test]
    fn the_longest_overdue_room_is_read_next_and_none_before_its_time() {
        assert_eq!(next_due(&[Some(0.0), None, Some(1.0)], 2.0, 5.0), Some(1));
        assert_eq!(next_due(&[Some(0.0), Some(3.0)], 10.0, 5.0), Some(0));
        assert_eq!(next_due(&[Some(8.0)], 10.0, 5.0), None);
    }

    #[test]
    fn the_origin_is_scheme_host_and_port() {
        assert_eq!(
            origin_of("https://Node.example:8443/api/client/v2/conferences/x/"),
            "https://node.example:8443"
        );
        assert_eq!(origin_of("http://n"), "http://n");
    }

    #[test]
    fn next_hop_names_map_to_protocols() {
        assert_eq!(Protocol::from_next_hop("h2"), Protocol::Http2);
        assert_eq!(Protocol::from_next_hop("http/1.1"), Protocol::Http1);
        assert_eq!(Protocol::from_next_hop(""), Protocol::Unknown);
    }
}
