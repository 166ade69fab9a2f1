//! A bounded reader of DER elements, for the few structures read from
//! hostile bytes by hand (OCSP responses, names, PKCS12 work factors). Lengths are checked
//! against the input before use; anything unexpected reads as `None`. And
//! whether a DER key is a DER certificate's, which the certificates, the
//! keystores and the files a user names all ask.

use rustls::pki_types::CertificateDer;
use x509_parser::prelude::{FromDer, X509Certificate};

/// Whether the PKCS#8 `key` is the private half of `cert`'s public key.
pub fn key_matches(cert: &CertificateDer<'_>, key_pkcs8: &[u8]) -> bool {
    let Ok(pair) = rcgen::KeyPair::try_from(key_pkcs8) else {
        return false;
    };
    let public = rcgen::PublicKeyData::subject_public_key_info(&pair);
    X509Certificate::from_der(cert.as_ref())
        .is_ok_and(|(_, parsed)| parsed.public_key().raw == public.as_slice())
}

/// The next element: its tag, content and what follows.
pub(crate) fn element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 {
            return None;
        }
        let (digits, rest) = (rest.get(..count)?, rest.get(count..)?);
        let len = digits
            .iter()
            .fold(0usize, |len, &b| (len << 8) | usize::from(b));
        (len, rest)
    };
    Some((tag, rest.get(..len)?, rest.get(len..)?))
}

/// The next element if it has `tag`: its content and what follows.
pub(crate) fn expect(input: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    element(input)
        .filter(|(found, _, _)| *found == tag)
        .map(|(_, content, rest)| (content, rest))
}

/// A SEQUENCE around `content` (a trust anchor keeps a name's content only).
pub(crate) fn sequence(content: &[u8]) -> Vec<u8> {
    let len = content.len();
    let mut out = vec![0x30];
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let digits: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        out.push(0x80 | digits.len() as u8);
        out.extend(digits);
    }
    out.extend_from_slice(content);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_lengths_read_and_overruns_do_not() {
        assert_eq!(
            element(&[0x04, 0x01, 0xaa, 0xbb]),
            Some((0x04, &[0xaa][..], &[0xbb][..]))
        );
        let long = [&[0x04, 0x81, 0x80][..], &[7; 0x80]].concat();
        assert_eq!(
            expect(&long, 0x04).map(|(c, r)| (c.len(), r.len())),
            Some((0x80, 0))
        );
        assert_eq!(element(&[0x04, 0x02, 0xaa]), None);
        assert_eq!(element(&[0x04, 0x85, 1, 1, 1, 1, 1]), None);
        assert_eq!(expect(&[0x04, 0x00], 0x30), None);
    }

    #[test]
    fn a_sequence_reads_back_as_its_content() {
        for len in [0, 1, 0x7f, 0x80, 0x1234, 0x12345] {
            let content = vec![9; len];
            let wrapped = sequence(&content);
            assert_eq!(expect(&wrapped, 0x30), Some((&content[..], &[][..])));
        }
    }
}
