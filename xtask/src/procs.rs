//! Child processes that never outlive the xtask.
//!
//! Every child runs in its own process group, registered here, so that the whole tree it starts
//! (cargo → test binary → chromedriver → chromium) can be stopped at once: when the child is
//! dropped, and when the xtask receives SIGINT/SIGTERM/SIGHUP. The kernel's parent-death signal
//! covers the case where the xtask itself is killed with SIGKILL.

use std::io;
use std::os::raw::c_int;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus};
use std::sync::atomic::{AtomicI32, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

const SIGHUP: c_int = 1;
const SIGINT: c_int = 2;
const SIGKILL: c_int = 9;
const SIGTERM: c_int = 15;
const PR_SET_PDEATHSIG: c_int = 1;

extern "C" {
    fn signal(signum: c_int, handler: extern "C" fn(c_int)) -> usize;
    fn kill(pid: c_int, sig: c_int) -> c_int;
    fn prctl(option: c_int, ...) -> c_int;
    fn _exit(status: c_int) -> !;
}

/// Process groups still alive; a fixed array of atomics because the signal handler may only
/// touch async-signal-safe state.
static GROUPS: [AtomicI32; 64] = [const { AtomicI32::new(0) }; 64];

extern "C" fn on_signal(sig: c_int) {
    for slot in &GROUPS {
        let group = slot.load(Ordering::SeqCst);
        if group > 0 {
            // SAFETY: kill(2) is async-signal-safe; a group that is already gone yields ESRCH.
            unsafe { kill(-group, SIGTERM) };
        }
    }
    // SAFETY: _exit(2) is async-signal-safe and skips destructors that could deadlock here.
    unsafe { _exit(128 + sig) }
}

pub fn install_signal_handlers() {
    for sig in [SIGHUP, SIGINT, SIGTERM] {
        // SAFETY: the handler only calls async-signal-safe functions.
        unsafe { signal(sig, on_signal) };
    }
}

fn register(group: i32) {
    for slot in &GROUPS {
        if slot
            .compare_exchange(0, group, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            return;
        }
    }
}

fn unregister(group: i32) {
    for slot in &GROUPS {
        let _ = slot.compare_exchange(group, 0, Ordering::SeqCst, Ordering::SeqCst);
    }
}

fn signal_group(group: i32, sig: c_int) {
    // SAFETY: plain syscall on a process group we created; errors (ESRCH) are harmless.
    unsafe { kill(-group, sig) };
}

/// A child process leading its own process group; stopping it stops everything it started.
pub struct Managed {
    name: String,
    child: Child,
    group: i32,
    done: bool,
}

impl Managed {
    pub fn spawn(name: &str, cmd: &mut Command) -> Result<Managed, String> {
        cmd.process_group(0);
        // SAFETY: prctl is async-signal-safe, as required between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                prctl(PR_SET_PDEATHSIG, SIGTERM);
                Ok(())
            });
        }
        let child = cmd
            .spawn()
            .map_err(|e| format!("cannot start {name} ({:?}): {e}", cmd.get_program()))?;
        let group = child.id() as i32;
        register(group);
        Ok(Managed {
            name: name.to_string(),
            child,
            group,
            done: false,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Waits for the group leader, then stops whatever it left behind in its group.
    pub fn wait(mut self) -> io::Result<ExitStatus> {
        let status = self.child.wait();
        self.finish();
        status
    }

    /// `Some(status)` once the leader has exited on its own.
    pub fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// SIGTERM to the whole group, SIGKILL to whatever is still there after a grace period.
    pub fn stop(mut self) {
        self.terminate();
    }

    fn terminate(&mut self) {
        if self.done {
            return;
        }
        signal_group(self.group, SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            sleep(Duration::from_millis(50));
        }
        signal_group(self.group, SIGKILL);
        let _ = self.child.wait();
        self.finish();
    }

    fn finish(&mut self) {
        // Grandchildren (a browser, a driver) may outlive the leader: they go with the group.
        signal_group(self.group, SIGKILL);
        unregister(self.group);
        self.done = true;
    }
}

impl Drop for Managed {
    fn drop(&mut self) {
        self.terminate();
    }
}

/// Runs a command to completion as a managed group; `Ok` only on a zero exit status.
pub fn run(name: &str, cmd: &mut Command) -> Result<(), String> {
    let status = Managed::spawn(name, cmd)?
        .wait()
        .map_err(|e| format!("{name}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{name} failed ({status})"))
    }
}
