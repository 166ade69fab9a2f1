//! A `handshake.toml` profile, parsed and then rendered: the values it
//! carries go through the same checks as the command line's.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = String::from_utf8_lossy(data);
        if let Ok(profile) = handshake_core::profile::Profile::parse(&text, "fuzz.toml") {
            let material = handshake_core::render::Material::default();
            if let Ok(files) = handshake_core::render::files(
                &profile.fix,
                &profile.target,
                profile.language,
                material,
            ) {
                let _ = handshake_core::fix::with_documents(&profile, files, None, Some(&text));
            }
            // What a profile writes reads back as the same profile.
            let written = profile.to_toml(None);
            let read = handshake_core::profile::Profile::parse(&written, "written.toml")
                .unwrap_or_else(|error| panic!("{error}: {written}"));
            assert_eq!(read.to_toml(None), written);
        }
    });
}
