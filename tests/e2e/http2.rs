//! The simulator over TLS, as a platform behind HTTPS: Chromium speaks HTTP/2 to it (ALPN), or
//! HTTP/1.1 when told not to, and the console works the same either way: it joins, its event
//! stream goes live, a command goes through and its event comes back. Which protocol carried
//! the requests is read from the page's `PerformanceResourceTiming.nextHopProtocol`.

use crate::ctx::{self, Join};
use huikong_protocol::Profile;
use huikong_sim::Config;
use huikong_test_support::harness::eventually;

/// The protocols of the API requests the page has finished, one entry each.
async fn api_protocols(t: &ctx::Ctx) -> Vec<String> {
    t.page
        .js("return performance.getEntriesByType('resource')
               .filter(e => e.name.includes('/api/'))
               .map(e => e.nextHopProtocol);")
        .await
}

async fn works_over(http2: bool, want: &str) {
    let name = if http2 { "tls_h2" } else { "tls_h1" };
    let t = ctx::start_tls(name, Config::for_tests(Profile::Public), http2).await;
    assert!(t.sim.url().starts_with("https://"), "{}", t.sim.url());
    t.join(&Join {
        lang: "en",
        ..Join::host()
    })
    .await;
    t.page.click("Lock conference").await;
    t.page.wait_attr("flag-locked", "data-state", "on").await;
    assert!(t.room(|r| r.locked), "locked on the platform");
    eventually(&format!("the API requests over {want}"), || async {
        let seen = api_protocols(&t).await;
        match seen.len() >= 3 && seen.iter().all(|p| p == want) {
            true => Ok(()),
            false => Err(format!("{seen:?}")),
        }
    })
    .await;
    println!(
        "FIGURE {name}: API requests over {:?}",
        api_protocols(&t).await
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn over_tls_the_console_speaks_http2_to_the_simulator() {
    works_over(true, "h2").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn over_tls_without_http2_the_console_speaks_http_1_1() {
    works_over(false, "http/1.1").await;
}
