//! Reading a file a user names, with a size cap: `/dev/zero` or a wrong
//! path to a disk image is refused after `cap` bytes, not read forever.

use std::io::Read;
use std::path::Path;

/// The whole file, or `None` when it holds more than `cap` bytes.
pub(crate) fn read(path: &Path, cap: usize) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(cap.saturating_add(1)).unwrap_or(u64::MAX);
    std::fs::File::open(path)?
        .take(limit)
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() <= cap).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_stops_at_the_cap() {
        assert_eq!(read(Path::new("/dev/zero"), 1024).ok(), Some(None));
        let bytes = read(Path::new("/proc/self/cmdline"), 1 << 20)
            .ok()
            .flatten();
        assert!(bytes.is_some_and(|b| !b.is_empty()));
    }
}
