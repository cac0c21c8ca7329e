//! A deployment as docs/deploy.md and docs/embed.md describe it, in one test: the built console
//! copied under `/tools/huikong/` of a static web server with a `config.json` of the test's
//! own, the example portal on a second server (another origin), and the simulator as the
//! cross-origin API server, its CORS allowing one origin.

use crate::ctx::{self, Ctx};
use crate::static_server::StaticServer;
use huikong_protocol::Profile;
use huikong_sim::Config;
use huikong_test_support::harness::Env;
use std::path::{Path, PathBuf};

/// Where the console sits on its server, as in docs/deploy.md.
pub const CONSOLE_PATH: &str = "/tools/huikong/";
/// The example portal's path on the portal server.
pub const PORTAL_PATH: &str = "/portal.html";

/// The web root both servers serve, removed on drop.
pub struct Site(PathBuf);

impl Site {
    fn new(test: &str) -> Site {
        let dir =
            std::env::temp_dir().join(format!("huikong-e2e-site-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary web root");
        Site(dir)
    }

    pub fn root(&self) -> &Path {
        &self.0
    }

    /// Copies the built console (not its `config.json`) under [`CONSOLE_PATH`].
    fn install_console(&self, dist: &Path) {
        let dir = self.console_dir();
        std::fs::create_dir_all(&dir).expect("the console's directory");
        for entry in std::fs::read_dir(dist)
            .expect("the built console")
            .flatten()
        {
            if entry.path().is_file() && entry.file_name() != "config.json" {
                std::fs::copy(entry.path(), dir.join(entry.file_name()))
                    .expect("copying the console");
            }
        }
    }

    fn console_dir(&self) -> PathBuf {
        self.0.join(CONSOLE_PATH.trim_matches('/'))
    }

    /// Writes the console's `config.json` (or removes it, for `None`).
    pub fn set_config(&self, json: Option<&str>) {
        let file = self.console_dir().join("config.json");
        match json {
            Some(j) => std::fs::write(file, j).expect("writing config.json"),
            None => {
                let _ = std::fs::remove_file(file);
            }
        }
    }

    fn install_portal(&self) {
        let example = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/portal.html");
        std::fs::copy(example, self.0.join(PORTAL_PATH.trim_start_matches('/')))
            .expect("copying the example portal");
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Which origin the simulator's CORS lets call it.
pub enum Cors {
    /// The console's server, at `127.0.0.1`.
    TheConsole,
    /// Only this origin.
    Only(String),
}

/// What `config.json` may refer to, known once everything listens.
pub struct Origins {
    /// The simulator: `http://127.0.0.1:port`.
    pub sim: String,
    /// The portal server's port: its origin is `http://localhost:port` or
    /// `http://127.0.0.1:port`, two origins for the browser.
    pub portal_port: u16,
}

/// Field order is drop order: the browser and the simulator go first, then the servers, then
/// their files.
pub struct Hosted {
    pub t: Ctx,
    pub console: StaticServer,
    pub portal: StaticServer,
    /// Kept for its drop: the files go with the test.
    _site: Site,
}

impl Hosted {
    /// The console's origin, `http://127.0.0.1:port`.
    pub fn console_origin(&self) -> String {
        self.console.origin("127.0.0.1")
    }

    /// The console's address, with its trailing slash.
    pub fn console_url(&self) -> String {
        format!("{}{CONSOLE_PATH}", self.console_origin())
    }

    /// The example portal as served from `host` (`localhost` or `127.0.0.1`), its URL carrying
    /// `query` (`console=` and `autoload=1` are added).
    pub fn portal_url(&self, host: &str, query: &str) -> String {
        format!(
            "{}{PORTAL_PATH}?console={}&autoload=1&{query}",
            self.portal.origin(host),
            self.console_url()
        )
    }

    /// Opens a URL outside the console (the portal).
    pub async fn open(&self, url: &str) {
        self.t
            .page
            .client()
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }
}

/// Starts the deployment (or fails the test if the browser is missing). `config` writes the
/// console's `config.json` from the origins (`None`: there is none). The test's page opens the
/// console under its sub-path: `t.page.goto("/?lang=en")`.
pub async fn start(
    test: &str,
    cors: Cors,
    config: impl FnOnce(&Origins) -> Option<String>,
) -> Hosted {
    let env = Env::get();
    let site = Site::new(test);
    site.install_console(&env.dist);
    site.install_portal();
    let console = StaticServer::start(site.root());
    let portal = StaticServer::start(site.root());
    let mut sim = Config::for_tests(Profile::Public);
    sim.allow_origin = Some(match cors {
        Cors::TheConsole => console.origin("127.0.0.1"),
        Cors::Only(o) => o,
    });
    let mut t = ctx::start_with(test, sim).await;
    let origins = Origins {
        sim: t.sim.url(),
        portal_port: portal.port(),
    };
    site.set_config(config(&origins).as_deref());
    t.page.base = format!(
        "{}{}",
        console.origin("127.0.0.1"),
        CONSOLE_PATH.trim_end_matches('/')
    );
    Hosted {
        t,
        console,
        portal,
        _site: site,
    }
}
