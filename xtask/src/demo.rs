//! `cargo xtask demo`: the console in release, served by the simulator's demo conference.

use crate::services::{self, Sim};
use crate::util::{heading, root};
use crate::{build, install};

const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

pub fn main(args: &[String]) -> Result<(), String> {
    let mut listen = DEFAULT_LISTEN.to_string();
    // `--venues`: the venue list's meeting (examples/venues-demo.csv) instead of the living demo.
    let mut scenario = "demo";
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        match (flag.as_str(), rest.clone().next()) {
            ("--listen", Some(addr)) => {
                listen = addr.clone();
                rest.next();
            }
            ("--venues", _) => scenario = "venues",
            _ => {
                return Err(format!(
                    "demo takes only --listen ADDR and --venues, got {args:?}"
                ))
            }
        }
    }
    install::build_tools()?;
    let dist = root().join("dist");
    build::console(true, &dist)?;
    let binary = build::sim()?;
    heading(&format!("starting the simulator on {listen}"));
    let sim = services::sim(
        &Sim {
            binary: &binary,
            listen: listen.clone(),
            scenario,
            profile: None,
            dist: &dist,
            allow_origin: None,
            extra: &[],
        },
        false,
    )?;
    println!(
        "
Huikong is running: http://{listen}/

  room                     id    host PIN  guest PIN
  demo@huikong.local       1061  123456    654321
  training@huikong.local   1062  112233    (none)

A dialled destination containing `busy` refuses at once, one containing `noanswer` gives
up after 30 s, any other answers after about 2 s. With --venues, import
examples/venues-demo.csv in the Venues tab (key 8). Press Ctrl-C to stop.
"
    );
    let status = sim.process.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the simulator stopped ({status})"))
    }
}
