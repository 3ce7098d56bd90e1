//! The UI thread's own CPU clock, shared by the frame report (`benches/map_index.rs`) and the
//! long-frame probe (`tests/ui_frames.rs`).

/// CPU time this thread has used, in seconds: frames are measured by it, so other processes
/// on a shared machine do not count (worker threads do not either, which is the point).
pub fn thread_cpu_secs() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; CLOCK_THREAD_CPUTIME_ID needs nothing else.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}
