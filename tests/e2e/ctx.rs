//! One test's world: its own simulator (so ending or locking a meeting disturbs no other test),
//! one browser on the console it serves, and the people in the room.

use huikong_protocol::{Participant, Profile, Role, ServiceType};
use huikong_sim::model::new_uuid;
use huikong_sim::{Config, Running};
use huikong_test_support::api::Api;
use huikong_test_support::harness::{eventually, Browser, Env};
use huikong_test_support::page::Page;

/// The room every test meets in (the simulator's demo room) and its PINs.
pub const ROOM: &str = "1061";
pub const ROOM_ALIAS: &str = "demo@huikong.local";
pub const HOST_PIN: &str = "123456";
pub const GUEST_PIN: &str = "654321";
/// A second room, for transfers.
pub const OTHER_ROOM: &str = "1062";
pub const OTHER_HOST_PIN: &str = "112233";
/// The display name the console joins with.
pub const CONSOLE: &str = "E2E Console";

/// Field order is drop order: the browser closes before its simulator stops.
pub struct Ctx {
    pub page: Page,
    pub sim: Running,
}

/// Starts a test; fails it if its browser or built console is missing ([`Env::get`]).
pub async fn start(test: &str, profile: Profile) -> Ctx {
    start_with(test, Config::for_tests(profile)).await
}

pub async fn start_with(test: &str, config: Config) -> Ctx {
    start_with_flags(test, config, &[]).await
}

/// A simulator over TLS (HTTP/2 or HTTP/1.1 by ALPN, with the certificate `cargo xtask` made),
/// and a Chromium that trusts it; with `http2` false, Chromium speaks only HTTP/1.1.
pub async fn start_tls(test: &str, mut config: Config, http2: bool) -> Ctx {
    let dir = Env::get()
        .tls
        .clone()
        .expect("HUIKONG_TLS_DIR names the simulator's certificate: `cargo xtask test` sets it");
    config.tls = Some(huikong_sim::tls::TlsFiles {
        cert: dir.join("cert.pem"),
        key: dir.join("key.pem"),
    });
    let mut flags = vec!["--ignore-certificate-errors"];
    if !http2 {
        flags.push("--disable-http2");
    }
    start_with_flags(test, config, &flags).await
}

async fn start_with_flags(test: &str, mut config: Config, flags: &[&str]) -> Ctx {
    let env = Env::get();
    // A test may serve a console of its own (another config.json); the built one otherwise.
    config.dist.get_or_insert_with(|| env.dist.clone());
    let sim = huikong_sim::spawn(config)
        .await
        .expect("the simulator starts on a free port");
    let browser = Browser::open_with(&env, test, flags).await;
    let page = Page {
        browser,
        base: sim.url(),
    };
    Ctx { page, sim }
}

/// How the console joins.
pub struct Join<'a> {
    pub conference: &'a str,
    pub pin: &'a str,
    pub name: &'a str,
    pub hideme: bool,
    pub lang: &'a str,
}

impl Join<'_> {
    pub fn host() -> Join<'static> {
        Join {
            conference: ROOM,
            pin: HOST_PIN,
            name: CONSOLE,
            hideme: false,
            lang: "en",
        }
    }

    pub fn guest() -> Join<'static> {
        Join {
            pin: GUEST_PIN,
            ..Join::host()
        }
    }
}

impl Ctx {
    /// A second client of the simulator: a hidden host session, so it is in no list.
    pub async fn observer(&self) -> Api {
        Api::open(&self.sim.url(), ROOM, HOST_PIN, "E2E observer", true)
            .await
            .unwrap_or_else(|e| panic!("the observer's new_session: {e}"))
    }

    /// Opens the console and fills and submits the join form; does not wait for the outcome.
    pub async fn submit_join(&self, j: &Join<'_>) {
        self.page.goto(&format!("/?lang={}", j.lang)).await;
        self.page.fill("join-conference", j.conference).await;
        self.page.fill("join-pin", j.pin).await;
        self.page.fill("join-name", j.name).await;
        if j.hideme {
            self.page.testid("join-hideme").await.click().await.unwrap();
        }
        self.page.testid("join-submit").await.click().await.unwrap();
    }

    /// Joins and waits for the live meeting page.
    pub async fn join(&self, j: &Join<'_>) {
        self.submit_join(j).await;
        self.page
            .wait_attr("connection-state", "data-state", "live")
            .await;
    }

    /// Joins as host; returns the console's own participant uuid, as the simulator lists it.
    pub async fn join_host(&self) -> String {
        self.join(&Join::host()).await;
        self.console_uuid().await
    }

    /// The console's participant in the simulator, once it is listed.
    pub async fn console_uuid(&self) -> String {
        let api = self.observer().await;
        eventually("the simulator to list the console", || async {
            api.named(CONSOLE)
                .await
                .map(|p| p.uuid)
                .ok_or_else(|| "not listed".to_string())
        })
        .await
    }

    /// An endpoint joins the room (as a real call would, not through the API).
    pub fn add(&self, name: &str, role: Role, protocol: &str) -> String {
        let mut p = Participant::new(new_uuid());
        p.display_name = name.to_string();
        p.overlay_text = name.to_string();
        p.protocol = protocol.to_string();
        p.role = role;
        p.uri = format!("{protocol}:{name}@e2e.local");
        p.local_alias = ROOM_ALIAS.to_string();
        p.vendor = "e2e endpoint".into();
        p.start_time = huikong_sim::model::unix_now().floor();
        let uuid = p.uuid.clone();
        let mut world = self.sim.state.world();
        let ix = world.find_room(ROOM).expect("the demo room");
        world.rooms[ix].join(p, false);
        uuid
    }

    /// A host endpoint with media: its arrival starts the meeting.
    pub fn add_host(&self, name: &str) -> String {
        self.add(name, Role::Host, "sip")
    }

    pub fn add_guest(&self, name: &str) -> String {
        self.add(name, Role::Guest, "sip")
    }

    /// Runs `f` on the demo room of the simulator, as the platform's own doing.
    pub fn room<T>(&self, f: impl FnOnce(&mut huikong_sim::model::Room) -> T) -> T {
        let mut world = self.sim.state.world();
        let ix = world.find_room(ROOM).expect("the demo room");
        f(&mut world.rooms[ix])
    }

    /// Waits until the row of `uuid` is shown.
    pub async fn wait_row(&self, uuid: &str) {
        self.page
            .css(&huikong_test_support::page::row_css(uuid))
            .await;
    }

    /// Opens the participant dialog from the row of `uuid`.
    pub async fn open_actions(&self, uuid: &str) {
        let more = format!(
            "{} {}",
            huikong_test_support::page::row_css(uuid),
            huikong_test_support::page::testid_css("more-actions")
        );
        self.page.css(&more).await.click().await.unwrap();
        self.page.testid("participant-actions").await;
    }
}

/// A meeting with Zhang Wei (a host) and Wang Fang (a guest), the console joined as host in
/// `lang` and Wang Fang's row shown; her uuid beside the test's world.
pub async fn with_wang(test: &str, lang: &str) -> (Ctx, String) {
    let t = start(test, Profile::Public).await;
    t.add_host("Zhang Wei");
    let wang = t.add_guest("Wang Fang");
    t.join(&Join {
        lang,
        ..Join::host()
    })
    .await;
    t.wait_row(&wang).await;
    (t, wang)
}

/// Whether a participant is in the meeting proper.
pub fn in_conference(p: &Participant) -> bool {
    p.service_type == ServiceType::Conference
}
