//! Pure helpers of the platform layer (URLs, backoff, token timing, elapsed times, UTF-8
//! chunking): no browser dependency, tested natively.

/// Percent-encodes everything but RFC 3986's unreserved characters, as `encodeURIComponent`
/// does for the characters a room address or a token can hold (`@`, `%`, `/`, `+`, spaces).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The API server as the user typed it, made into `scheme://host[:port]` without a trailing
/// slash. A bare host takes the page's own scheme.
pub fn normalize_server(input: &str, page_scheme: &str) -> Result<String, String> {
    let t = input.trim().trim_end_matches('/');
    if t.is_empty() {
        return Err("empty".into());
    }
    let (scheme, rest) = match t.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => (page_scheme.trim_end_matches(':').to_ascii_lowercase(), t),
    };
    if scheme != "http" && scheme != "https" {
        return Err(format!("unsupported scheme {scheme:?}"));
    }
    if rest.is_empty() || rest.contains(char::is_whitespace) {
        return Err(format!("not a server address: {input:?}"));
    }
    Ok(format!("{scheme}://{rest}"))
}

/// The scheme of a normalized server URL (`http` or `https`).
pub fn scheme_of(server: &str) -> &str {
    server.split_once("://").map(|(s, _)| s).unwrap_or("https")
}

/// `{scheme of apiServer}://{mcuHost}/api/services/{room}/`: the prefix of every conference call.
/// checkJoin answers at the API server, every call after it goes to the conference node it names
/// (`mcuHost`), with the API server's scheme. `mcuHost` is a host with an optional port and no
/// scheme; one that carries a scheme anyway keeps it.
pub fn services_base(api_server: &str, mcu_host: &str, room: &str) -> String {
    let host = mcu_host.trim().trim_end_matches('/');
    let origin = if host.contains("://") {
        host.to_owned()
    } else {
        format!("{}://{host}", scheme_of(api_server))
    };
    format!("{origin}/api/services/{}/", percent_encode(room.trim()))
}

/// [`services_base`], or under the same-origin proxy (`proxy`: its server, see
/// [`crate::proxy::proxy_server`]) the same prefix on the path that names the node:
/// `{proxy}/node/{host[:port]}/api/services/{room}/`.
pub fn node_services_base(
    proxy: Option<&str>,
    api_server: &str,
    mcu_host: &str,
    room: &str,
) -> Result<String, String> {
    match proxy {
        Some(proxy) => Ok(services_base(
            proxy,
            &crate::proxy::proxied_node(proxy, mcu_host)?,
            room,
        )),
        None => Ok(services_base(api_server, mcu_host, room)),
    }
}

/// The checkJoin endpoint of an API server.
pub fn check_join_url(api_server: &str) -> String {
    format!(
        "{}/api/v3/meet/checkJoin.shtml",
        api_server.trim_end_matches('/')
    )
}

/// The conference to address calls to: the alias checkJoin returned, else its numeric id, else
/// what the user typed.
pub fn room_of(alias: &str, sipkey: &str, typed: &str) -> String {
    [alias, sipkey, typed]
        .into_iter()
        .map(str::trim)
        .find(|s| !s.is_empty())
        .unwrap_or_default()
        .to_owned()
}

/// Exponential backoff with "equal jitter": half the step is fixed, half random.
/// `jitter` is a random number in `[0, 1)`.
pub fn backoff_ms(attempt: u32, base_ms: u32, cap_ms: u32, jitter: f64) -> u32 {
    let step = (base_ms as u64)
        .saturating_mul(1u64 << attempt.min(20))
        .min(cap_ms as u64) as f64;
    let j = jitter.clamp(0.0, 1.0);
    (step / 2.0 + step / 2.0 * j).round() as u32
}

/// The shortest wait between two refreshes, however short the token's life: a bound on the
/// load a platform answering a tiny `expires` can cause.
pub const MIN_REFRESH_MS: u32 = 50;

/// The token's life in seconds, or the platform's usual two minutes when the answer is no
/// usable lifetime.
pub fn token_lifetime(expires: f64) -> f64 {
    if expires.is_finite() && expires > 0.0 {
        expires
    } else {
        120.0
    }
}

/// When to refresh a token that lives `expires` seconds: after a third of its life. Fractions
/// of a second count: a floor of a whole second would let a token shorter than a second die
/// before its refresh.
pub fn refresh_after_ms(expires: f64) -> u32 {
    ((token_lifetime(expires) * 1000.0 / 3.0) as u32).max(MIN_REFRESH_MS)
}

/// The first backoff step of a failed refresh (ms) and how long before the token's end retrying
/// stops (s): a second each, scaled down for a token that lives less than three seconds.
pub fn refresh_retry_pace(expires: f64) -> (u32, f64) {
    let third = token_lifetime(expires) / 3.0;
    (((third * 500.0) as u32).clamp(10, 1000), third.min(1.0))
}

/// Elapsed seconds as `m:ss` or `h:mm:ss`.
pub fn format_elapsed(seconds: f64) -> String {
    let s = if seconds.is_finite() && seconds > 0.0 {
        seconds as u64
    } else {
        0
    };
    let (h, m, sec) = (s / 3600, (s / 60) % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{sec:02}")
    } else {
        format!("{m}:{sec:02}")
    }
}

/// How many leading bytes of a stream's pending bytes can be decoded now: all but a character
/// cut off at the end (its rest comes with the next chunk). Invalid bytes inside count as
/// decodable (they become U+FFFD) so they never hold back what follows them.
pub fn complete_utf8_prefix(bytes: &[u8]) -> usize {
    let mut at = 0;
    loop {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(_) => return bytes.len(),
            Err(e) => match e.error_len() {
                Some(n) => at += e.valid_up_to() + n,
                None => return at + e.valid_up_to(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn under_the_proxy_every_node_call_names_its_node_on_this_site() {
        let proxy = "https://intranet.example/platform";
        assert_eq!(
            node_services_base(
                Some(proxy),
                "https://api.example",
                "node-1.mcu.example",
                "zjvmr@myvmr.cn"
            )
            .unwrap(),
            "https://intranet.example/platform/node/node-1.mcu.example/api/services/zjvmr%40myvmr.cn/"
        );
        assert_eq!(
            check_join_url(proxy),
            "https://intranet.example/platform/api/v3/meet/checkJoin.shtml"
        );
        assert_eq!(
            node_services_base(None, "https://api.example", "node-1.mcu.example", "1061").unwrap(),
            services_base("https://api.example", "node-1.mcu.example", "1061")
        );
        assert!(node_services_base(Some(proxy), "", "evil.example/x", "1061").is_err());
    }

    #[test]
    fn services_base_uses_the_api_servers_scheme_and_encodes_the_room() {
        assert_eq!(
            services_base("https://api.example.cn", "mcu.example.cn", "zjvmr@myvmr.cn"),
            "https://mcu.example.cn/api/services/zjvmr%40myvmr.cn/"
        );
        assert_eq!(
            services_base("http://127.0.0.1:8090", "127.0.0.1:8090", "1061"),
            "http://127.0.0.1:8090/api/services/1061/"
        );
        assert_eq!(
            services_base("http://a", "https://node:8443/", " room "),
            "https://node:8443/api/services/room/"
        );
    }

    #[test]
    fn server_addresses_are_normalized() {
        assert_eq!(
            normalize_server(" https://Api.example/ ", "http:").unwrap(),
            "https://Api.example"
        );
        assert_eq!(
            normalize_server("api.example:8080", "http:").unwrap(),
            "http://api.example:8080"
        );
        assert!(normalize_server("", "http:").is_err());
        assert!(normalize_server("ftp://x", "http:").is_err());
        assert!(normalize_server("http://a b", "http:").is_err());
        assert_eq!(
            check_join_url("http://x:1/"),
            "http://x:1/api/v3/meet/checkJoin.shtml"
        );
    }

    #[test]
    fn tokens_and_rooms_are_percent_encoded() {
        assert_eq!(percent_encode("a+b/c%2B d=="), "a%2Bb%2Fc%252B%20d%3D%3D");
        assert_eq!(percent_encode("会"), "%E4%BC%9A");
        assert_eq!(percent_encode("Az09-_.~"), "Az09-_.~");
    }

    #[test]
    fn the_room_is_the_alias_then_the_id_then_what_was_typed() {
        assert_eq!(room_of("demo@x", "1061", "typed"), "demo@x");
        assert_eq!(room_of(" ", "1061", "typed"), "1061");
        assert_eq!(room_of("", "", " typed "), "typed");
    }

    #[test]
    fn backoff_grows_to_its_cap_with_bounded_jitter() {
        assert_eq!(backoff_ms(0, 500, 30_000, 0.0), 250);
        assert_eq!(backoff_ms(0, 500, 30_000, 1.0), 500);
        assert_eq!(backoff_ms(3, 500, 30_000, 1.0), 4000);
        assert_eq!(backoff_ms(30, 500, 30_000, 1.0), 30_000);
        for attempt in 0..40 {
            for j in [0.0, 0.3, 0.999] {
                let b = backoff_ms(attempt, 500, 30_000, j);
                assert!((250..=30_000).contains(&b), "{attempt} {j} {b}");
                assert!(backoff_ms(attempt + 1, 500, 30_000, j) >= b);
            }
        }
    }

    #[test]
    fn refresh_comes_at_a_third_of_the_token_life() {
        assert_eq!(refresh_after_ms(120.0), 40_000);
        assert_eq!(refresh_after_ms(3.0), 1000);
        assert_eq!(refresh_after_ms(0.3), 100);
        assert_eq!(refresh_after_ms(0.01), MIN_REFRESH_MS);
        assert_eq!(refresh_after_ms(0.0), 40_000);
        assert_eq!(refresh_after_ms(f64::NAN), 40_000);
    }

    #[test]
    fn a_failed_refresh_is_retried_at_a_pace_scaled_to_the_token_life() {
        assert_eq!(refresh_retry_pace(120.0), (1000, 1.0));
        assert_eq!(refresh_retry_pace(1.5), (250, 0.5));
        assert_eq!(refresh_retry_pace(0.0), (1000, 1.0));
    }

    #[test]
    fn elapsed_times() {
        assert_eq!(format_elapsed(5.7), "0:05");
        assert_eq!(format_elapsed(754.0), "12:34");
        assert_eq!(format_elapsed(3723.0), "1:02:03");
        assert_eq!(format_elapsed(-3.0), "0:00");
    }

    #[test]
    fn a_stream_chunk_is_decoded_up_to_an_incomplete_character_only() {
        use crate::util::complete_utf8_prefix;
        let zh = "会".as_bytes();
        assert_eq!(complete_utf8_prefix(b"data: x\n"), 8);
        assert_eq!(complete_utf8_prefix(&zh[..2]), 0);
        let mut bytes = b"a\xffb".to_vec();
        assert_eq!(
            complete_utf8_prefix(&bytes),
            3,
            "an invalid byte mid-chunk holds nothing back"
        );
        bytes.extend_from_slice(&zh[..1]);
        assert_eq!(complete_utf8_prefix(&bytes), 3, "the incomplete tail waits");
    }
}
