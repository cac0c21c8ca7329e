//! Feeds millions of hostile inputs through every decoder and the state machine and counts
//! panics (the resilience bar: at least 10 million inputs with no panic). Inputs are mutations of the
//! document's own examples, random bytes and random JSON, from a seeded generator so a failure
//! can be replayed. Prints the figures; exits non-zero on any panic.
//!
//! `cargo run --release -p huikong-protocol --example soak -- [INPUTS] [SEED]`

use huikong_protocol::envelope::{decode_reply, CommandOutcome};
use huikong_protocol::{
    sse::SseParser, Conference, Event, NewSessionResult, Participant, EVENT_NAMES,
};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

/// xorshift64*: small, fast, and enough to spread mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: [&str; 24] = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "'",
    "“",
    "”",
    "true",
    "\"true\"",
    "'true'",
    "null",
    "-1e999",
    "1.5",
    "\"YES\"",
    "\"chair\"",
    "\\u0000",
    "\\ud800",
    "<script>",
    "\n",
    "\r\n",
    "9999999999999999999999",
];

fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut s: Vec<char> = seed.chars().collect();
    for _ in 0..=rng.below(6) {
        let at = rng.below(s.len() + 1);
        match rng.below(4) {
            0 if !s.is_empty() => {
                let end = (at + rng.below(8)).min(s.len());
                s.drain(at.min(end)..end);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                for (i, c) in t.chars().enumerate() {
                    s.insert((at + i).min(s.len()), c);
                }
            }
            2 if !s.is_empty() => {
                let i = at.min(s.len() - 1);
                s[i] = char::from_u32(rng.below(0x3000) as u32).unwrap_or('?');
            }
            _ => s.truncate(at),
        }
    }
    s.into_iter().collect()
}

fn random_json(rng: &mut Rng, depth: u32) -> String {
    match (rng.below(8), depth) {
        (0, _) | (_, 0) => ["0", "true", "\"YES\"", "null", "\"x\"", "1.25"][rng.below(6)].into(),
        (1..=3, _) => {
            let keys = [
                "uuid",
                "role",
                "vad",
                "view",
                "participants",
                "reason",
                "is_muted",
                "z",
            ];
            let fields: Vec<String> = (0..rng.below(5))
                .map(|_| {
                    format!(
                        "\"{}\":{}",
                        keys[rng.below(keys.len())],
                        random_json(rng, depth - 1)
                    )
                })
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        _ => {
            let items: Vec<String> = (0..rng.below(4))
                .map(|_| random_json(rng, depth - 1))
                .collect();
            format!("[{}]", items.join(","))
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let inputs: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    let seed: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(0x5eed_1061);
    // The fixture's examples each follow a `### name` line; the text before the first is a comment.
    let examples: Vec<&str> = include_str!("../tests/doc_examples.txt")
        .split("\n### ")
        .skip(1)
        .map(|e| e.split_once('\n').map_or("", |(_, body)| body))
        .collect();
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed | 1);
    let mut conference = Conference::new();
    let (mut decoded, mut refused, mut panics) = (0u64, 0u64, 0u64);
    let started = Instant::now();
    for n in 0..inputs {
        let text = match rng.below(3) {
            0 => {
                let example = examples[rng.below(examples.len())];
                mutate(&mut rng, example)
            }
            1 => random_json(&mut rng, 4),
            _ => (0..rng.below(64))
                .map(|_| char::from_u32(rng.below(0x800) as u32).unwrap_or(' '))
                .collect(),
        };
        // One draw in sixteen names an event the document does not list.
        let name = EVENT_NAMES
            .get(rng.below(16))
            .copied()
            .unwrap_or("no_such_event");
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let ok = match Event::decode(name, &text) {
                Ok(event) => {
                    conference.apply(&event);
                    true
                }
                Err(_) => false,
            };
            let _ = decode_reply::<CommandOutcome>(200, &text);
            let _ = decode_reply::<NewSessionResult>(403, &text);
            let _ = huikong_protocol::lenient_json::decode_str::<Participant>(&text);
            if n.is_multiple_of(16) {
                SseParser::new().feed(&text);
            }
            ok
        }));
        match outcome {
            Ok(true) => decoded += 1,
            Ok(false) => refused += 1,
            Err(_) => {
                panics += 1;
                eprintln!("panic on input {n} (seed {seed}): event {name}, data {text:?}");
            }
        }
        if n % 1000 == 999 && conference.participants().len() > 5000 {
            conference = Conference::new();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "soak: {inputs} inputs in {secs:.1} s ({:.0} inputs/s), {decoded} decoded and applied, {refused} refused with an error, {panics} panics",
        inputs as f64 / secs
    );
    if panics > 0 {
        std::process::exit(1);
    }
}
