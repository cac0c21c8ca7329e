//! Pure helpers with no browser dependency, so the wasm-bindgen tests can check them directly.

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
/// [`huikong_core::proxy::proxy_server`]) the same prefix on the path that names the node:
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
            &huikong_core::proxy::proxied_node(proxy, mcu_host)?,
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
