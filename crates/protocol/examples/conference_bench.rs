//! Figures for the console's hot path: decoding events and applying them to a conference of
//! 2,000 participants (the bar: 2,000 participants stay smooth). Prints time per event and the
//! size of the state; not a test, so it never fails on a slow machine.
//!
//! `cargo run --release -p huikong-protocol --example conference_bench -- [PARTICIPANTS] [UPDATES]`

use huikong_protocol::{Conference, Event, Participant, Role};
use std::time::Instant;

fn participant(i: usize) -> Participant {
    let mut p = Participant::new(format!("00000000-0000-4000-8000-{i:012}"));
    p.display_name = format!("参会者 {i}");
    p.uri = format!("sip:user{i}@example.com");
    p.role = if i.is_multiple_of(10) {
        Role::Host
    } else {
        Role::Guest
    };
    p.start_time = 1_700_000_000.0 + i as f64;
    p
}

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2_000);
    let updates: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200_000);
    let wire: Vec<(String, String)> = std::iter::once(Event::ParticipantSyncBegin)
        .chain((0..count).map(|i| Event::ParticipantCreate(participant(i))))
        .chain(std::iter::once(Event::ParticipantSyncEnd))
        .map(|e| (e.name().to_owned(), e.data()))
        .collect();
    let bytes: usize = wire.iter().map(|(n, d)| n.len() + d.len()).sum();

    let mut conference = Conference::new();
    let started = Instant::now();
    for (name, data) in &wire {
        let event = Event::decode(name, data).expect("the simulator's own events decode");
        conference.apply(&event);
    }
    let sync = started.elapsed();
    assert_eq!(conference.participants().len(), count);

    let update_wire: Vec<String> = (0..updates.min(count * 4))
        .map(|i| {
            let mut p = participant(i % count);
            p.is_muted = i.is_multiple_of(2);
            Event::ParticipantUpdate(p).data()
        })
        .collect();
    let started = Instant::now();
    for i in 0..updates {
        let data = &update_wire[i % update_wire.len()];
        let event = Event::decode("participant_update", data).expect("decodes");
        conference.apply(&event);
    }
    let per_update = started.elapsed().as_secs_f64() / updates as f64;

    println!(
        "conference_bench: full sync of {count} participants ({} KiB on the wire) decoded and applied in {:.1} ms",
        bytes / 1024,
        sync.as_secs_f64() * 1e3
    );
    println!(
        "conference_bench: participant_update decode+apply {:.2} µs each ({updates} updates, {:.0} updates/s)",
        per_update * 1e6,
        1.0 / per_update
    );
}
