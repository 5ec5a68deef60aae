//! The CPU time of the bench's thread: on a shared, loaded machine (two cores here, with the
//! window's worker and watcher threads), wall time also counts the waits for a core.

/// This thread's time on a CPU so far, in nanoseconds (Linux: `CLOCK_THREAD_CPUTIME_ID`, exact
/// at each read, where `/proc/…/schedstat` moves by scheduler ticks), or `None` elsewhere.
pub fn cpu_nanos() -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        let now = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
        let seconds = u64::try_from(now.tv_sec).ok()?;
        let nanos = u64::try_from(now.tv_nsec).ok()?;
        Some(seconds * 1_000_000_000 + nanos)
    }
    #[cfg(not(target_os = "linux"))]
    None
}
