//! The same-origin proxy (docs/deploy.md): under `config.json`'s `platform_proxy` the console
//! sends checkJoin to that path on its own origin and every call for a conference node to a
//! path that names the node, `{proxy}/node/{host[:port]}/api/services/...`, never to the node
//! itself. Pure address arithmetic; the web server decides which nodes it passes on.

/// `platform_proxy` as `config.json` gives it, made into a path on this page's origin that
/// starts and ends with `/` (`/platform/`). Anything that could leave the origin or confuse a
/// path (a scheme, `//`, a query, `..`, a backslash, spaces) is refused with the reason.
pub fn proxy_path(input: &str) -> Result<String, String> {
    let p = input.trim();
    let bad = |why: &str| {
        Err(format!(
            "{input:?} is not a path on this site such as \"/platform/\": {why}"
        ))
    };
    if !p.starts_with('/') {
        return bad("it must start with /");
    }
    if p.starts_with("//") {
        return bad("it names another server");
    }
    if p.contains(['?', '#', '\\', '%']) || p.contains(char::is_whitespace) {
        return bad("only a plain path");
    }
    if p.split('/').any(|s| s == "." || s == "..") {
        return bad("no . or .. segments");
    }
    let p = p.trim_end_matches('/');
    if p.is_empty() {
        return bad("the site root cannot be the proxy");
    }
    Ok(format!("{p}/"))
}

/// The proxy as the console's API server: this page's origin and the proxy's path, without
/// the trailing slash, so checkJoin is `{it}/api/v3/meet/checkJoin.shtml` like any server's.
pub fn proxy_server(page_origin: &str, path: &str) -> String {
    format!(
        "{}{}",
        page_origin.trim_end_matches('/'),
        path.trim_end_matches('/')
    )
}

/// The conference node checkJoin named (`mcuHost`: a host with an optional port, a scheme
/// tolerated and dropped) as the proxy's path names it. Only letters, digits, `.`, `-` and a
/// numeric port: anything else cannot be a node the web server would pass on.
pub fn node_of(mcu_host: &str) -> Result<String, String> {
    let t = mcu_host.trim();
    let host = t.split_once("://").map_or(t, |(_, rest)| rest);
    let host = host.trim_end_matches('/');
    let (name, port) = match host.rsplit_once(':') {
        Some((n, p)) => (n, Some(p)),
        None => (host, None),
    };
    let name_ok = !name.is_empty()
        && !name.starts_with(['.', '-'])
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.parse::<u16>().is_ok());
    if name_ok && port_ok {
        Ok(host.to_ascii_lowercase())
    } else {
        Err(format!(
            "the conference node {mcu_host:?} cannot be reached through the proxy"
        ))
    }
}

/// Where a node's calls go through the proxy: `{proxy server}/node/{host[:port]}`, in place
/// of the node's own `scheme://host[:port]`.
pub fn proxied_node(proxy_server: &str, mcu_host: &str) -> Result<String, String> {
    Ok(format!(
        "{}/node/{}",
        proxy_server.trim_end_matches('/'),
        node_of(mcu_host)?
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_proxy_path_is_a_plain_path_on_this_site() {
        assert_eq!(proxy_path("/platform/").unwrap(), "/platform/");
        assert_eq!(proxy_path(" /platform ").unwrap(), "/platform/");
        assert_eq!(proxy_path("/a/b//").unwrap(), "/a/b/");
        for bad in [
            "platform/",
            "https://api.example/",
            "//evil.example/",
            "/",
            "/p?x=1",
            "/p#x",
            "/a/../b",
            "/./p",
            "/p q",
            "/p\\q",
            "/p%2e",
            "",
        ] {
            assert!(proxy_path(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn check_join_and_the_nodes_go_to_this_page_s_origin() {
        let server = proxy_server("https://intranet.example", "/platform/");
        assert_eq!(server, "https://intranet.example/platform");
        assert_eq!(
            proxied_node(&server, "node-3.mcu.example").unwrap(),
            "https://intranet.example/platform/node/node-3.mcu.example"
        );
        assert_eq!(
            proxied_node(&server, "Node-3.MCU.example:8443").unwrap(),
            "https://intranet.example/platform/node/node-3.mcu.example:8443"
        );
        assert_eq!(
            proxied_node(&server, "https://127.0.0.1:9000/").unwrap(),
            "https://intranet.example/platform/node/127.0.0.1:9000",
            "a scheme mcuHost carries is the proxy's business, not the console's"
        );
    }

    #[test]
    fn a_node_name_the_proxy_cannot_route_is_refused() {
        for bad in [
            "",
            "evil.example/x",
            "a@b.example",
            "node.example:",
            "node.example:99999",
            "node.example:x",
            "[::1]:8080",
            "a b",
            "-x.example",
            "node.example?x",
            "node.example%2F..",
        ] {
            assert!(node_of(bad).is_err(), "{bad:?}");
        }
    }
}
