//! Server and browser logs (`logs::explain`).
fn main() {
    afl::fuzz!(|data: &[u8]| {
        if let Ok(report) = handshake_core::logs::explain(data) {
            // Each finding groups lines that are there, in order.
            let grouped: u64 = report.findings.iter().map(|found| found.count).sum();
            assert!(grouped <= report.lines, "{grouped} of {} lines", report.lines);
            for found in &report.findings {
                assert!(found.first_line <= found.last_line && found.last_line <= report.lines);
            }
        }
    });
}
