//! One proof's world: its own simulator (admin endpoint on), one logged browser tab on the
//! console it serves, and the console joined as a host.

use crate::rows::{page_rows, sim_rows};
use crate::tab::Tab;
use huikong_protocol::{Participant, Role};
use huikong_sim::model::{new_uuid, unix_now};
use huikong_sim::Faults;
use huikong_sim::{Config, Running};
use huikong_test_support::harness::{eventually, Env};
use serde::Deserialize;
use std::time::Duration;

pub const ROOM: &str = "1061";
pub const ROOM_ALIAS: &str = "demo@huikong.local";
pub const HOST_PIN: &str = "123456";
pub const CONSOLE: &str = "Chaos Console";

/// Field order is drop order: the browser closes before its simulator stops.
pub struct World {
    pub tab: Tab,
    pub sim: Running,
    http: reqwest::Client,
}

#[derive(Deserialize)]
struct RoomState {
    participants: Vec<Participant>,
}

/// The proof's world; fails the proof if its browser or built console is missing
/// ([`Env::get`]).
pub async fn start(test: &str, mut config: Config) -> World {
    let env = Env::get();
    config.dist = Some(env.dist.clone());
    config.admin = true;
    let sim = huikong_sim::spawn(config)
        .await
        .expect("the simulator starts on a free port");
    let tab = Tab::open(&env, test, sim.url()).await;
    World {
        tab,
        sim,
        http: reqwest::Client::new(),
    }
}

impl World {
    /// Joins as host with `name` and waits for the live meeting; returns the console's
    /// participant uuid as the simulator lists it.
    pub async fn join_as(&self, name: &str) -> String {
        self.tab.goto("/?lang=en").await;
        self.tab.fill("join-conference", ROOM).await;
        self.tab.fill("join-pin", HOST_PIN).await;
        self.tab.fill("join-name", name).await;
        self.tab
            .click_css(&huikong_test_support::page::testid_css("join-submit"))
            .await;
        self.tab
            .wait_attr_within(
                Duration::from_secs(30),
                "connection-state",
                "data-state",
                "live",
            )
            .await;
        eventually("the simulator to list the console", || async {
            self.participants()
                .await
                .into_iter()
                .find(|p| p.display_name == name)
                .map(|p| p.uuid)
                .ok_or_else(|| "not listed".to_string())
        })
        .await
    }

    pub async fn join(&self) -> String {
        self.join_as(CONSOLE).await
    }

    fn admin(&self, path: &str) -> String {
        format!("{}/_admin/{path}", self.sim.url())
    }

    async fn state(&self) -> RoomState {
        let r = self
            .http
            .get(self.admin(&format!("state/{ROOM}")))
            .send()
            .await
            .expect("GET /_admin/state");
        r.json().await.expect("the room's state as JSON")
    }

    /// The room's participants as the simulator holds them (`GET /_admin/state/{room}`).
    pub async fn participants(&self) -> Vec<Participant> {
        self.state().await.participants
    }

    /// `PUT /_admin/faults`.
    pub async fn set_faults(&self, faults: serde_json::Value) {
        let r = self
            .http
            .put(self.admin("faults"))
            .json(&faults)
            .send()
            .await
            .expect("PUT /_admin/faults");
        assert!(r.status().is_success(), "faults refused: {}", r.status());
        let _: Faults = r.json().await.expect("the faults in force");
    }

    /// `POST /_admin/drop-streams`: how many streams were closed.
    pub async fn drop_streams(&self) -> u64 {
        let r: serde_json::Value = self
            .http
            .post(self.admin("drop-streams"))
            .send()
            .await
            .expect("POST /_admin/drop-streams")
            .json()
            .await
            .expect("the drop's answer");
        r["dropped"].as_u64().expect("a count of dropped streams")
    }

    /// Runs `f` on the demo room, as the platform's own doing.
    pub fn room<T>(&self, f: impl FnOnce(&mut huikong_sim::model::Room) -> T) -> T {
        let mut world = self.sim.state.world();
        let ix = world.find_room(ROOM).expect("the demo room");
        f(&mut world.rooms[ix])
    }

    /// An endpoint joins the room as a real call would.
    pub fn add(&self, name: &str, role: Role) -> String {
        let mut p = Participant::new(new_uuid());
        p.display_name = name.to_string();
        p.overlay_text = name.to_string();
        p.protocol = "sip".into();
        p.role = role;
        p.uri = format!("sip:{}@chaos.local", p.uuid);
        p.local_alias = ROOM_ALIAS.to_string();
        p.vendor = "chaos endpoint".into();
        p.start_time = unix_now().floor();
        let uuid = p.uuid.clone();
        self.room(|r| r.join(p, false));
        uuid
    }

    /// Whether the console's list now equals the simulator's, field for field: `Err` says
    /// how it differs.
    pub async fn lists_equal(&self) -> Result<usize, String> {
        let sim = sim_rows(&self.participants().await);
        let page = page_rows(&self.tab).await;
        crate::rows::compare(&page, &sim).map(|()| sim.len())
    }

    /// Waits until the lists are equal; returns how many rows they hold.
    pub async fn settle(&self, limit: Duration) -> usize {
        huikong_test_support::harness::eventually_within(
            limit,
            "the console's list to equal the simulator's",
            || self.lists_equal(),
        )
        .await
    }
}
