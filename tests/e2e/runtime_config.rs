//! config.json, read by the console at start: an administrator's defaults (language, title,
//! deployment), and a visible notice when the file is missing or broken.

use crate::ctx::{self, Join};
use huikong_protocol::Profile;
use huikong_sim::Config;
use huikong_test_support::harness::{eventually, Env};
use std::path::PathBuf;

/// A copy of the built console with its own config.json (none when `None`), removed on drop.
pub struct Dist(PathBuf);

impl Dist {
    pub fn with_config(test: &str, config: Option<&str>) -> Dist {
        let env = Env::get();
        let dir =
            std::env::temp_dir().join(format!("huikong-e2e-dist-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary dist");
        for entry in std::fs::read_dir(&env.dist)
            .expect("the built console")
            .flatten()
        {
            if entry.path().is_file() && entry.file_name() != "config.json" {
                std::fs::copy(entry.path(), dir.join(entry.file_name()))
                    .expect("copying the console");
            }
        }
        if let Some(c) = config {
            std::fs::write(dir.join("config.json"), c).expect("writing config.json");
        }
        Dist(dir)
    }
}

impl Dist {
    pub fn path(&self) -> PathBuf {
        self.0.clone()
    }
}

impl Drop for Dist {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A test's world whose console reads `config` as its config.json (none when `None`).
pub async fn start(test: &str, config: Option<&str>) -> (Dist, ctx::Ctx) {
    let dist = Dist::with_config(test, config);
    let mut sim = Config::for_tests(Profile::Public);
    sim.dist = Some(dist.0.clone());
    let t = ctx::start_with(test, sim).await;
    (dist, t)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn config_json_sets_language_title_and_deployment() {
    let json = r#"{"language": "en", "title": "Acme 会控", "profile": "enterprise"}"#;
    let (_dist, t) = start("config_defaults", Some(json)).await;
    t.page.goto("/").await;
    t.page.wait_text("join-submit", "Join").await;
    eventually("the product title", || async {
        match t
            .page
            .client()
            .title()
            .await
            .map_err(|e| e.to_string())?
            .as_str()
        {
            "Acme 会控" => Ok(()),
            other => Err(other.to_string()),
        }
    })
    .await;
    let profile = t.page.testid("join-profile").await;
    assert_eq!(
        profile.prop("value").await.unwrap().as_deref(),
        Some("enterprise")
    );
    assert!(t
        .page
        .all_css("[data-testid=\"config-notice\"]")
        .await
        .is_empty());
    // A URL parameter still wins over the file.
    t.page.goto("/?lang=zh").await;
    t.page.wait_text("join-submit", "加入").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn a_missing_or_broken_config_json_is_said_and_the_console_still_works() {
    let (_dist, t) = start("config_missing", None).await;
    t.page.goto("/?lang=en").await;
    t.page
        .wait_attr("config-notice", "data-state", "missing")
        .await;
    t.join(&Join::host()).await;
    t.console_uuid().await;
    drop(t);

    let (_dist, t) = start("config_broken", Some("{ not json")).await;
    t.page.goto("/?lang=en").await;
    t.page
        .wait_attr("config-notice", "data-state", "broken")
        .await;
    t.page.click("Dismiss message").await;
    t.page
        .wait_gone_css("[data-testid=\"config-notice\"]")
        .await;
}
