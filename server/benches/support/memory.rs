//! The bench process's resident memory, from `/proc/self/status` (Linux): now, and its peak
//! since the last [`reset_peak`]. Shared by the benches that print memory (`#[path]`).

/// A `kB` field of `/proc/self/status`, 0 when it cannot be read.
fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .unwrap_or(0)
}

/// The peak resident set size (`VmHWM`), KiB.
pub fn peak_kib() -> u64 {
    status_kib("VmHWM:")
}

/// The resident set size now (`VmRSS`), KiB.
pub fn current_kib() -> u64 {
    status_kib("VmRSS:")
}

/// Resets the peak resident set size to the current one (Linux 4.0 and later); says so when it
/// cannot, and what the peak then includes (`before`, e.g. "the load").
pub fn reset_peak(before: &str) {
    if std::fs::write("/proc/self/clear_refs", "5").is_err() {
        println!("(could not reset the peak: it includes {before})");
    }
}
