//! Stream: forced drops (`POST /_admin/drop-streams`) during a living meeting of 500. Right
//! after each drop the room changes behind the console's back, so only the resync can make its
//! list equal the simulator's again; the time from the drop to that equality is measured.

use crate::world;
use crate::{figure, median_worst, Scale};
use huikong_protocol::{Profile, Role};
use huikong_sim::{Config, Scenario};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "browser test: run by cargo xtask test"]
async fn forced_drops_in_a_meeting_of_500_resync_field_for_field() {
    let scale = Scale::get();
    let drops: usize = scale.pick(10, 100);
    let size = 500;
    let config = Config {
        scenario: Scenario::Large(size),
        scenario_tick: Duration::from_secs(1),
        ..Config::for_tests(Profile::Public)
    };
    let w = world::start("stream", config).await;
    let me = w.join().await;
    let first = w.settle(Duration::from_secs(60)).await;
    let mut guests: Vec<String> = w
        .participants()
        .await
        .into_iter()
        .filter(|p| p.uuid != me && p.role == Role::Guest)
        .map(|p| p.uuid)
        .collect();
    let mut times = Vec::with_capacity(drops);
    let mut rows = first;
    let mut newcomers = 0;
    for i in 0..drops {
        let t0 = Instant::now();
        let dropped = w.drop_streams().await;
        assert!(dropped >= 1, "drop {i}: the console's stream was open");
        // Behind the console's back: a mute, and now and then someone leaving and a newcomer.
        let target = guests[fastrand_index(i, guests.len())].clone();
        w.room(|r| r.update(&target, |m| m.p.is_muted = !m.p.is_muted));
        if i % 5 == 4 {
            let gone = guests.remove(fastrand_index(i * 7 + 3, guests.len()));
            w.room(|r| r.leave(&gone));
            guests.push(w.add(&format!("Newcomer {i}"), Role::Guest));
            newcomers += 1;
        }
        rows = w.settle(Duration::from_secs(60)).await;
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
    }
    assert_eq!(w.tab.conn_state().await.as_deref(), Some("live"));
    let (median, worst) = median_worst(&mut times);
    figure(
        "stream",
        &format!(
            "{drops} forced drops in a living meeting of {size} (+ the console; {first} rows at the start, {rows} at the end, {newcomers} leave/join pairs and {drops} mutes hidden in the gaps): after every drop the console's list equalled the simulator's field for field; time to resync median {median:.0} ms, worst {worst:.0} ms"
        ),
    );
}

/// A spread of indices without a random generator: the drops need variety, not secrecy.
fn fastrand_index(i: usize, len: usize) -> usize {
    (i.wrapping_mul(2_654_435_761) >> 3) % len.max(1)
}
