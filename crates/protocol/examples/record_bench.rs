//! Figures for the meeting record at scale: 5,000 participants and a few hours of a meeting
//! (updates every few milliseconds, people leaving and rejoining, stream drops with full
//! resyncs), then filtering the timeline and exporting the attendance. Prints time per input and
//! what is kept; not a test, so it never fails on a slow machine.
//!
//! `cargo run --release -p huikong-protocol --example record_bench -- [PARTICIPANTS] [HOURS]`

use huikong_protocol::record::{ExportMeta, Filter, Kind, Record};
use huikong_protocol::{Event, Participant, Role};
use std::time::Instant;

fn participant(i: usize, call: usize) -> Participant {
    let mut p = Participant::new(format!("{call:08}-0000-4000-8000-{i:012}"));
    p.display_name = format!("参会者 {i}");
    p.uri = format!("sip:user{i}@example.com");
    p.role = if i.is_multiple_of(10) {
        Role::Host
    } else {
        Role::Guest
    };
    p
}

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5_000);
    let hours: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(3.0);
    let t0 = 1_796_119_200.0;
    let mut record = Record::new();
    let mut present: Vec<Participant> = (0..count).map(|i| participant(i, 0)).collect();

    let started = Instant::now();
    record.event(t0, &Event::ParticipantSyncBegin);
    for p in &present {
        record.event(t0, &Event::ParticipantCreate(p.clone()));
    }
    record.event(t0, &Event::ParticipantSyncEnd);
    let first = started.elapsed();

    // One input every 50 ms of meeting: mostly mutes, every 20th a leave and rejoin, and a
    // stream drop with a full resync every half hour.
    let steps = (hours * 3600.0 / 0.05) as usize;
    let (mut inputs, mut resyncs) = (0usize, 0usize);
    let mut resync_time = std::time::Duration::ZERO;
    let started = Instant::now();
    for step in 0..steps {
        let at = t0 + step as f64 * 0.05;
        let i = step * 7919 % count;
        if step % 36_000 == 35_999 {
            let r = Instant::now();
            record.stream_lost(at);
            record.event(at + 1.0, &Event::ParticipantSyncBegin);
            for p in &present {
                record.event(at + 1.0, &Event::ParticipantCreate(p.clone()));
            }
            record.event(at + 1.0, &Event::ParticipantSyncEnd);
            resync_time += r.elapsed();
            resyncs += 1;
            inputs += present.len() + 3;
        } else if step % 20 == 0 {
            let uuid = present[i].uuid.clone();
            record.event(at, &Event::ParticipantDelete { uuid });
            present[i] = participant(i, step);
            record.event(at, &Event::ParticipantCreate(present[i].clone()));
            inputs += 2;
        } else {
            present[i].is_muted = !present[i].is_muted;
            record.event(at, &Event::ParticipantUpdate(present[i].clone()));
            inputs += 1;
        }
    }
    let meeting = started.elapsed();
    let now = t0 + hours * 3600.0;

    let started = Instant::now();
    let about_one = Filter {
        hidden: vec![],
        participants: vec![present[count / 2].uuid.clone()],
    };
    let shown = record.timeline().newest(&about_one, 200).len();
    let filter_one = started.elapsed();
    let started = Instant::now();
    let leaves_only = Filter {
        hidden: Kind::ALL
            .into_iter()
            .filter(|k| *k != Kind::Leave)
            .collect(),
        participants: vec![],
    };
    let leaves = record.timeline().newest(&leaves_only, 200).len();
    let filter_kind = started.elapsed();

    let meta = ExportMeta {
        conference: "bench".into(),
        covers_from: t0,
        exported_at: now,
    };
    let started = Instant::now();
    let csv = record.to_csv(&huikong_protocol::record::CsvWords::machine(), now);
    let csv_time = started.elapsed();
    let started = Instant::now();
    let json = record.to_json(&meta, now);
    let json_time = started.elapsed();

    let sessions: usize = record.attendance().iter().map(|p| p.sessions.len()).sum();
    println!("participants            {count}");
    println!("meeting                 {hours} h, {inputs} inputs, {resyncs} stream drops");
    println!(
        "first list recorded     {:.1} ms",
        first.as_secs_f64() * 1e3
    );
    println!(
        "per input               {:.2} µs (all inputs, {:.1} s in total)",
        meeting.as_secs_f64() * 1e6 / inputs as f64,
        meeting.as_secs_f64()
    );
    println!(
        "per resync              {:.1} ms",
        resync_time.as_secs_f64() * 1e3 / resyncs.max(1) as f64
    );
    println!(
        "timeline                {} entries kept (bounded)",
        record.timeline().len()
    );
    println!(
        "filter by participant   {:.2} ms ({shown} shown)",
        filter_one.as_secs_f64() * 1e3
    );
    println!(
        "filter by kind          {:.2} ms ({leaves} shown)",
        filter_kind.as_secs_f64() * 1e3
    );
    println!(
        "attendance              {} people, {sessions} sessions",
        record.attendance().len()
    );
    println!(
        "CSV export              {:.1} ms, {} KiB",
        csv_time.as_secs_f64() * 1e3,
        csv.len() / 1024
    );
    println!(
        "JSON export             {:.1} ms, {} KiB",
        json_time.as_secs_f64() * 1e3,
        json.len() / 1024
    );
}
