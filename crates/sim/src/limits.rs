//! The open-file limit: every event stream holds a socket, and the soft limit most systems
//! start a process with (1,024) would cap the simulator at about a thousand streams, well
//! below the 2,000 it must hold. The hard limit is usually far higher and a process may raise
//! its own soft limit up to it.

/// Raises the soft limit on open files to the hard limit. Returns the soft limit in force
/// afterwards, or `None` where there is no such limit to read.
#[cfg(unix)]
pub fn raise_open_files() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read or write the struct passed, which lives
    // through both calls.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return None;
        }
        // An unlimited hard limit is not a value the soft one may take (the kernel caps open
        // files anyway): a million is far more than any run needs.
        let target = limit.rlim_max.min(1 << 20);
        if limit.rlim_cur < target {
            let raised = libc::rlimit {
                rlim_cur: target,
                rlim_max: limit.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit = raised;
            }
        }
    }
    // rlim_t is u64 on Linux but not on every unix.
    #[allow(clippy::unnecessary_cast)]
    Some(limit.rlim_cur as u64)
}

#[cfg(not(unix))]
pub fn raise_open_files() -> Option<u64> {
    None
}
