//! A process's own account of itself, from `/proc/PID/`.

/// The kibibytes `field` (`VmRSS:`, `VmHWM:`…) of `/proc/PID/FILE`, or 0
/// once the process is gone.
pub(crate) fn kib(pid: u32, file: &str, field: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/{file}"))
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|line| line.starts_with(field))
                .and_then(|line| line.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0.0)
}
