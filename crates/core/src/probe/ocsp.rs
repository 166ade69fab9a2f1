//! The OCSP response a server staples to its certificate, read far enough to
//! tell good from revoked (RFC 6960). TLS clients do not check it for us:
//! rustls hands the bytes over and moves on, and a revoked certificate still
//! "works" for every client that does not look.
//!
//! The bytes come from the server, so the reader is a small bounded DER
//! walker that gives up on anything unexpected rather than trusting lengths.

use serde::{Deserialize, Serialize};

use crate::der::{element, expect};

/// A stapled OCSP response: which certificate it speaks of, and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Staple {
    /// The serial number it speaks of, in hex as `CertInfo::serial` writes
    /// it (empty when unreadable): a stale staple names another.
    pub serial: String,
    /// What it says.
    pub status: Stapled,
}

impl Staple {
    /// When and why the certificate with `serial` was revoked, if this
    /// staple says so. A staple for another certificate (a stale
    /// `ssl_stapling_file`) says nothing about it; clients ignore it too.
    pub fn revocation_of(&self, serial: &str) -> Option<(&str, Option<&str>)> {
        match &self.status {
            Stapled::Revoked { at, reason } if self.serial.eq_ignore_ascii_case(serial) => {
                Some((at, reason.as_deref()))
            }
            _ => None,
        }
    }
}

/// What a stapled OCSP response says about a certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Stapled {
    /// The CA says the certificate is good.
    Good,
    /// The CA revoked it.
    Revoked {
        /// When, RFC 3339.
        at: String,
        /// Why, as RFC 5280 names the reason (`keyCompromise`), when given.
        reason: Option<String>,
    },
    /// The CA does not know the certificate.
    Unknown,
    /// The responder answered with an error status, or the bytes do not
    /// read as an OCSP response.
    Unreadable,
}

/// Reads a stapled OCSP response.
pub fn read(der: &[u8]) -> Staple {
    single_response(der).unwrap_or(Staple {
        serial: String::new(),
        status: Stapled::Unreadable,
    })
}

fn single_response(der: &[u8]) -> Option<Staple> {
    let (response, _) = expect(der, 0x30)?;
    let (status, rest) = expect(response, 0x0a)?;
    if status != [0] {
        return None;
    }
    let (bytes, _) = expect(rest, 0xa0)?;
    let (bytes, _) = expect(bytes, 0x30)?;
    let (_, rest) = expect(bytes, 0x06)?;
    let (basic, _) = expect(rest, 0x04)?;
    let (basic, _) = expect(basic, 0x30)?;
    let (tbs, _) = expect(basic, 0x30)?;
    // version [0] (optional), responderID [1] or [2], producedAt.
    let mut rest = tbs;
    if let Some((0xa0, _, after)) = element(rest) {
        rest = after;
    }
    let (_, _, after) = element(rest).filter(|(tag, _, _)| matches!(tag, 0xa1 | 0xa2))?;
    let (_, after) = expect(after, 0x18)?;
    let (responses, _) = expect(after, 0x30)?;
    let (single, _) = expect(responses, 0x30)?;
    // CertID: hash algorithm, issuer name hash, issuer key hash, serial.
    let (cert_id, status) = expect(single, 0x30)?;
    let (_, rest) = expect(cert_id, 0x30)?;
    let (_, rest) = expect(rest, 0x04)?;
    let (_, rest) = expect(rest, 0x04)?;
    let (serial, _) = expect(rest, 0x02)?;
    let (tag, content, _) = element(status)?;
    let status = match tag {
        0x80 => Stapled::Good,
        0x82 => Stapled::Unknown,
        0xa1 => {
            let (time, rest) = expect(content, 0x18)?;
            let reason = expect(rest, 0xa0)
                .and_then(|(reason, _)| expect(reason, 0x0a))
                .and_then(|(code, _)| code.first().copied())
                .map(reason_name);
            Stapled::Revoked {
                at: generalized_time(time)?,
                reason,
            }
        }
        _ => return None,
    };
    Some(Staple {
        serial: serial.iter().map(|b| format!("{b:02x}")).collect(),
        status,
    })
}

/// `YYYYMMDDHHMMSSZ` as RFC 3339.
fn generalized_time(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    let digits = text.strip_suffix('Z')?;
    let digits = digits.split('.').next()?;
    if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!(
        "{}-{}-{}T{}:{}:{}Z",
        &digits[..4],
        &digits[4..6],
        &digits[6..8],
        &digits[8..10],
        &digits[10..12],
        &digits[12..14]
    ))
}

/// RFC 5280's name of a CRL reason code.
fn reason_name(code: u8) -> String {
    match code {
        1 => "keyCompromise",
        2 => "cACompromise",
        3 => "affiliationChanged",
        4 => "superseded",
        5 => "cessationOfOperation",
        6 => "certificateHold",
        8 => "removeFromCRL",
        9 => "privilegeWithdrawn",
        10 => "aACompromise",
        _ => "unspecified",
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// DER of a tag and content.
    fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        if content.len() < 0x80 {
            out.push(u8::try_from(content.len()).unwrap_or_default());
        } else {
            let len = u16::try_from(content.len()).unwrap_or_default();
            out.push(0x82);
            out.extend_from_slice(&len.to_be_bytes());
        }
        out.extend_from_slice(content);
        out
    }

    fn response(cert_status: &[u8]) -> Vec<u8> {
        let cert_id = tlv(
            0x30,
            &[
                tlv(0x30, &tlv(0x06, &[0x2b, 14, 3, 2, 26])),
                tlv(0x04, &[2; 20]),
                tlv(0x04, &[3; 20]),
                tlv(0x02, &[0x00, 0xbe, 0xef]),
            ]
            .concat(),
        );
        let single = tlv(
            0x30,
            &[cert_id, cert_status.to_vec(), tlv(0x18, b"20261129000000Z")].concat(),
        );
        let tbs = tlv(
            0x30,
            &[
                tlv(0xa2, &tlv(0x04, &[1; 20])),
                tlv(0x18, b"20261129000000Z"),
                tlv(0x30, &single),
            ]
            .concat(),
        );
        let basic = tlv(
            0x30,
            &[tbs, tlv(0x30, &[0x06, 0x00]), tlv(0x03, &[0])].concat(),
        );
        let bytes = tlv(
            0x30,
            &[
                tlv(0x06, &[0x2b, 6, 1, 5, 5, 7, 48, 1, 1]),
                tlv(0x04, &basic),
            ]
            .concat(),
        );
        tlv(0x30, &[tlv(0x0a, &[0]), tlv(0xa0, &bytes)].concat())
    }

    #[test]
    fn good_revoked_and_unknown_are_told_apart() {
        let good = read(&response(&[0x80, 0x00]));
        assert_eq!(good.serial, "00beef");
        assert_eq!(good.status, Stapled::Good);
        assert_eq!(read(&response(&[0x82, 0x00])).status, Stapled::Unknown);
        let revoked = tlv(
            0xa1,
            &[tlv(0x18, b"20261128120000Z"), tlv(0xa0, &tlv(0x0a, &[1]))].concat(),
        );
        assert_eq!(
            read(&response(&revoked)).status,
            Stapled::Revoked {
                at: "2026-11-28T12:00:00Z".into(),
                reason: Some("keyCompromise".into())
            }
        );
    }

    #[test]
    fn an_error_status_or_garbage_is_unreadable() {
        for bytes in [
            &tlv(0x30, &tlv(0x0a, &[6]))[..],
            b"not der",
            &[0x30, 0x84, 0xff, 0xff, 0xff, 0xff],
        ] {
            assert_eq!(read(bytes).status, Stapled::Unreadable);
        }
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = read(&bytes);
        }
    }
}
