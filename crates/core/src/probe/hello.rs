//! A raw TLS probe: one hand-built ClientHello offering the old protocol
//! versions and every cipher suite, and the server's plain-text answer read
//! back — the way testssl.sh learns what a server accepts, without a second
//! TLS library.
//!
//! rustls refuses what current clients refuse (TLS 1.0/1.1, CBC, static RSA,
//! DHE), so when a handshake fails for a protocol or cipher reason only this
//! tells which version and suite the server wanted. Up to TLS 1.2 the
//! server's certificate and its CertificateRequest travel unencrypted, so the
//! probe also sees a chain that rustls never got to (a server that cannot
//! sign with its RSA-512 key, say). Nothing is ever sent after the
//! ClientHello: the probe reads until ServerHelloDone, then closes.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The most bytes read from the server (a 210 KB certificate message fits).
const MAX_BYTES: usize = 512 * 1024;

/// The highest version a probe offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offer {
    /// Up to TLS 1.2, every suite: what does the server choose when offered
    /// everything?
    Everything,
    /// Up to TLS 1.1: does the server still accept the old versions?
    Legacy,
}

/// What the server answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "answer", rename_all = "kebab-case")]
pub enum HelloAnswer {
    /// A ServerHello (and what followed it up to ServerHelloDone).
    Hello(ServerHello),
    /// An alert instead.
    Alert {
        /// Its number.
        code: u8,
    },
    /// The connection closed or failed before an answer.
    Closed,
    /// Bytes that are not TLS.
    NotTls,
}

/// The server's choices and what it sent in the clear.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ServerHello {
    /// The protocol version it chose (`TLSv1`, `TLSv1.1`, `TLSv1.2`, `SSLv3`).
    pub version: String,
    /// The cipher suite it chose, by its IANA name.
    pub cipher: String,
    /// Its number.
    pub cipher_code: u16,
    /// The Certificate message's size in bytes, when one arrived.
    pub certificate_bytes: Option<u32>,
    /// The certificates it sent, DER, leaf first (empty when none arrived).
    #[serde(skip)]
    pub certificates: Vec<Vec<u8>>,
    /// The CA names of a CertificateRequest, when it asked for a client
    /// certificate (RFC 4514 text).
    pub client_cert_authorities: Option<Vec<String>>,
    /// The size of the Diffie-Hellman group, for a DHE suite.
    pub dh_bits: Option<u32>,
}

/// Sends one ClientHello for `host` over a fresh connection (`dial`) and
/// reads the answer, within `timeout` for the whole exchange.
pub async fn probe(
    dial: &super::dial::Dial,
    host: &str,
    offer: Offer,
    timeout: Duration,
) -> HelloAnswer {
    let exchange = async {
        let mut stream = dial.open(timeout).await?;
        stream.write_all(&client_hello(host, offer)).await.ok()?;
        let mut reader = Records::default();
        let mut buffer = vec![0u8; 16 * 1024];
        loop {
            if let Some(answer) = reader.answer() {
                return Some(answer);
            }
            let n = stream.read(&mut buffer).await.ok()?;
            if n == 0 || reader.received + n > MAX_BYTES {
                return Some(reader.answer_so_far());
            }
            reader.push(&buffer[..n]);
        }
    };
    match tokio::time::timeout(timeout, exchange).await {
        Ok(Some(answer)) => answer,
        Ok(None) | Err(_) => HelloAnswer::Closed,
    }
}

/// What `bytes` — a server's whole answer to the hello, in arrival order —
/// tell: the reader [`probe`] feeds as the bytes come, run at once (for
/// fuzzing and replays).
pub fn read_answer(bytes: &[u8]) -> HelloAnswer {
    let mut reader = Records::default();
    reader.push(bytes);
    reader.answer_so_far()
}

/// The cipher suites offered, strongest first, then every legacy family a
/// misconfigured server may be left with.
const SUITES: &[u16] = &[
    0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, // ECDHE AES-GCM, ChaCha20
    0xc023, 0xc027, 0xc009, 0xc013, 0xc024, 0xc028, 0xc00a, 0xc014, // ECDHE CBC
    0x009e, 0x009f, 0xccaa, 0x0067, 0x006b, 0x0033, 0x0039, // DHE
    0x009c, 0x009d, 0x003c, 0x003d, 0x002f, 0x0035, // static RSA
    0xc012, 0x0016, 0x000a, // 3DES
    0xc011, 0xc007, 0x0005, 0x0004, // RC4
    0x0018, 0x0034, 0x003a, 0x006c, 0x006d, 0x00a6, 0x00a7, 0xc018, 0xc019, // anonymous
    0x0001, 0x0002, 0x003b, 0xc010, 0xc006, // NULL
];

/// The ClientHello record.
fn client_hello(host: &str, offer: Offer) -> Vec<u8> {
    let mut extensions = Vec::new();
    if host.parse::<std::net::IpAddr>().is_err() && !host.is_empty() {
        let name = host.as_bytes();
        let mut list = vec![0u8];
        push_u16_prefixed(&mut list, name);
        let mut server_name = Vec::new();
        push_u16_prefixed(&mut server_name, &list);
        extension(&mut extensions, 0x0000, &server_name);
    }
    // x25519, P-256, P-384, P-521, ffdhe2048, ffdhe3072.
    let groups: [u16; 6] = [0x001d, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101];
    extension(&mut extensions, 0x000a, &u16_list(&groups));
    extension(&mut extensions, 0x000b, &[0x01, 0x00]);
    // Every signature scheme, SHA-1 and MD5 included: this probe wants to
    // see what the server has, not to trust it.
    let schemes: [u16; 14] = [
        0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0807, 0x0203,
        0x0201, 0x0202, 0x0101,
    ];
    extension(&mut extensions, 0x000d, &u16_list(&schemes));
    extension(&mut extensions, 0xff01, &[0x00]);

    let mut body = Vec::new();
    body.extend_from_slice(match offer {
        Offer::Everything => &[0x03, 0x03],
        Offer::Legacy => &[0x03, 0x02],
    });
    // Nothing is ever encrypted: any random makes a valid hello.
    body.extend_from_slice(&super::random_bytes::<32>());
    body.push(0);
    let suites: Vec<u8> = SUITES.iter().flat_map(|s| s.to_be_bytes()).collect();
    push_u16_prefixed(&mut body, &suites);
    body.extend_from_slice(&[0x01, 0x00]);
    push_u16_prefixed(&mut body, &extensions);

    let mut handshake = vec![0x01];
    push_u24(&mut handshake, body.len());
    handshake.extend_from_slice(&body);
    let mut record = vec![0x16, 0x03, 0x01];
    push_u16_prefixed(&mut record, &handshake);
    record
}

fn extension(out: &mut Vec<u8>, kind: u16, data: &[u8]) {
    out.extend_from_slice(&kind.to_be_bytes());
    push_u16_prefixed(out, data);
}

fn u16_list(values: &[u16]) -> Vec<u8> {
    let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_be_bytes()).collect();
    let mut out = Vec::new();
    push_u16_prefixed(&mut out, &bytes);
    out
}

fn push_u16_prefixed(out: &mut Vec<u8>, data: &[u8]) {
    out.extend_from_slice(&u16::try_from(data.len()).unwrap_or(u16::MAX).to_be_bytes());
    out.extend_from_slice(data);
}

fn push_u24(out: &mut Vec<u8>, len: usize) {
    let len = u32::try_from(len).unwrap_or(0);
    out.extend_from_slice(&len.to_be_bytes()[1..]);
}

/// The server's records, reassembled into handshake messages.
#[derive(Debug, Default)]
struct Records {
    /// Bytes not yet forming a whole record.
    pending: Vec<u8>,
    /// The handshake stream (records' payloads, concatenated).
    handshake: Vec<u8>,
    /// How far the handshake stream has been parsed.
    parsed: usize,
    received: usize,
    hello: Option<ServerHello>,
    alert: Option<u8>,
    not_tls: bool,
    done: bool,
}

impl Records {
    fn push(&mut self, bytes: &[u8]) {
        self.received += bytes.len();
        self.pending.extend_from_slice(bytes);
        while let [content_type, major, _, high, low, ..] = self.pending[..] {
            if major != 0x03 || !matches!(content_type, 0x15 | 0x16) {
                self.not_tls = true;
                return;
            }
            let len = usize::from(u16::from_be_bytes([high, low]));
            if self.pending.len() < 5 + len {
                return;
            }
            let payload: Vec<u8> = self.pending[5..5 + len].to_vec();
            self.pending.drain(..5 + len);
            if content_type == 0x15 {
                if let [_, description, ..] = payload[..] {
                    self.alert.get_or_insert(description);
                }
            } else {
                self.handshake.extend_from_slice(&payload);
                self.messages();
            }
        }
    }

    /// Parses whole handshake messages.
    fn messages(&mut self) {
        while let Some([kind, a, b, c]) = self.handshake.get(self.parsed..self.parsed + 4) {
            let (kind, len) = (
                *kind,
                usize::from(*a) << 16 | usize::from(*b) << 8 | usize::from(*c),
            );
            let start = self.parsed + 4;
            let Some(body) = self.handshake.get(start..start + len) else {
                return;
            };
            let body = body.to_vec();
            self.parsed = start + len;
            match kind {
                2 => self.hello = server_hello(&body),
                11 => {
                    if let Some(hello) = self.hello.as_mut() {
                        hello.certificate_bytes = u32::try_from(len).ok();
                        hello.certificates = certificates(&body);
                    }
                }
                12 => {
                    if let Some(hello) = self.hello.as_mut()
                        && is_dhe(hello.cipher_code)
                    {
                        hello.dh_bits = dh_bits(&body);
                    }
                }
                13 => {
                    if let Some(hello) = self.hello.as_mut() {
                        hello.client_cert_authorities = Some(authorities(&body));
                    }
                }
                14 => self.done = true,
                _ => {}
            }
        }
    }

    /// The answer, once it is complete.
    fn answer(&self) -> Option<HelloAnswer> {
        if self.not_tls {
            return Some(HelloAnswer::NotTls);
        }
        if self.done {
            return self.hello.clone().map(HelloAnswer::Hello);
        }
        if self.hello.is_none()
            && let Some(code) = self.alert
        {
            return Some(HelloAnswer::Alert { code });
        }
        None
    }

    /// What arrived before the server closed or the cap was reached.
    fn answer_so_far(&self) -> HelloAnswer {
        self.answer()
            .unwrap_or_else(|| match (&self.hello, self.alert) {
                (Some(hello), _) => HelloAnswer::Hello(hello.clone()),
                (None, Some(code)) => HelloAnswer::Alert { code },
                (None, None) => HelloAnswer::Closed,
            })
    }
}

fn server_hello(body: &[u8]) -> Option<ServerHello> {
    let version = u16::from_be_bytes([*body.first()?, *body.get(1)?]);
    let session = usize::from(*body.get(34)?);
    let at = 35 + session;
    let cipher_code = u16::from_be_bytes([*body.get(at)?, *body.get(at + 1)?]);
    Some(ServerHello {
        version: version_name(version),
        cipher: suite_name(cipher_code),
        cipher_code,
        certificate_bytes: None,
        certificates: Vec::new(),
        client_cert_authorities: None,
        dh_bits: None,
    })
}

/// The certificates of a TLS 1.2 Certificate message.
fn certificates(body: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut at = 3;
    while let Some([a, b, c]) = body.get(at..at + 3) {
        let len = usize::from(*a) << 16 | usize::from(*b) << 8 | usize::from(*c);
        let Some(der) = body.get(at + 3..at + 3 + len) else {
            break;
        };
        out.push(der.to_vec());
        at += 3 + len;
    }
    out
}

/// The CA names of a TLS 1.2 CertificateRequest.
fn authorities(body: &[u8]) -> Vec<String> {
    let Some(&types) = body.first() else {
        return Vec::new();
    };
    let mut at = 1 + usize::from(types);
    let Some([a, b]) = body.get(at..at + 2) else {
        return Vec::new();
    };
    at += 2 + usize::from(u16::from_be_bytes([*a, *b]));
    let Some([a, b]) = body.get(at..at + 2) else {
        return Vec::new();
    };
    let end = (at + 2 + usize::from(u16::from_be_bytes([*a, *b]))).min(body.len());
    at += 2;
    let mut names = Vec::new();
    while let Some([a, b]) = body.get(at..at + 2) {
        let len = usize::from(u16::from_be_bytes([*a, *b]));
        let Some(der) = body.get(at + 2..(at + 2 + len).min(end)) else {
            break;
        };
        if let Some(name) = distinguished_name(der) {
            names.push(name);
        }
        at += 2 + len;
    }
    names
}

/// A DER distinguished name as RFC 4514 text.
pub(crate) fn distinguished_name(der: &[u8]) -> Option<String> {
    use x509_parser::prelude::FromDer;
    x509_parser::x509::X509Name::from_der(der)
        .ok()
        .map(|(_, name)| name.to_string())
}

fn is_dhe(suite: u16) -> bool {
    matches!(
        suite,
        0x009e | 0x009f | 0xccaa | 0x0067 | 0x006b | 0x0033 | 0x0039 | 0x0016
    )
}

/// The size of the prime of a DHE ServerKeyExchange.
fn dh_bits(body: &[u8]) -> Option<u32> {
    let len = usize::from(u16::from_be_bytes([*body.first()?, *body.get(1)?]));
    let prime = body.get(2..2 + len)?;
    let leading = prime.iter().take_while(|&&b| b == 0).count();
    let significant = prime.get(leading)?;
    let bits = (prime.len() - leading) * 8 - usize::try_from(significant.leading_zeros()).ok()?;
    u32::try_from(bits).ok()
}

/// A protocol version as OpenSSL and Java write it.
pub fn version_name(version: u16) -> String {
    match version {
        0x0300 => "SSLv3".to_owned(),
        0x0301 => "TLSv1".to_owned(),
        0x0302 => "TLSv1.1".to_owned(),
        0x0303 => "TLSv1.2".to_owned(),
        0x0304 => "TLSv1.3".to_owned(),
        other => format!("0x{other:04x}"),
    }
}

/// A cipher suite's IANA name, or its number.
pub fn suite_name(code: u16) -> String {
    rustls::CipherSuite::from(code)
        .as_str()
        .map_or_else(|| format!("0x{code:04x}"), str::to_owned)
}

/// What kind of suite it is, for the words: `cbc`, `static-rsa`, `dhe`,
/// `triple-des`, `rc4`, `null`, `anonymous`, or `modern`.
pub fn suite_family(code: u16) -> &'static str {
    let name = suite_name(code);
    if name.contains("NULL") {
        "null"
    } else if name.contains("_anon_") {
        "anonymous"
    } else if name.contains("RC4") {
        "rc4"
    } else if name.contains("3DES") {
        "triple-des"
    } else if is_dhe(code) || name.starts_with("TLS_DHE_") {
        "dhe"
    } else if name.starts_with("TLS_RSA_WITH_") {
        "static-rsa"
    } else if name.contains("_CBC_") {
        "cbc"
    } else {
        "modern"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn record(kind: u8, payload: &[u8]) -> Vec<u8> {
        let mut out = vec![kind, 0x03, 0x03];
        push_u16_prefixed(&mut out, payload);
        out
    }

    fn message(kind: u8, body: &[u8]) -> Vec<u8> {
        let mut out = vec![kind];
        push_u24(&mut out, body.len());
        out.extend_from_slice(body);
        out
    }

    fn hello_body(version: u16, suite: u16) -> Vec<u8> {
        let mut body = version.to_be_bytes().to_vec();
        body.extend_from_slice(&[7u8; 32]);
        body.push(0);
        body.extend_from_slice(&suite.to_be_bytes());
        body.push(0);
        body
    }

    #[test]
    fn the_hello_is_a_well_formed_record() {
        let hello = client_hello("localhost", Offer::Legacy);
        assert_eq!(&hello[..3], &[0x16, 0x03, 0x01]);
        assert_eq!(
            usize::from(u16::from_be_bytes([hello[3], hello[4]])),
            hello.len() - 5
        );
        assert_eq!(hello[5], 0x01);
        assert_eq!(&hello[9..11], &[0x03, 0x02], "offers up to TLS 1.1");
        assert!(hello.windows(9).any(|w| w == b"localhost"));
        assert!(
            !client_hello("127.0.0.1", Offer::Everything)
                .windows(9)
                .any(|w| w == b"127.0.0.1")
        );
    }

    #[test]
    fn a_fragmented_answer_is_reassembled() {
        let mut handshake = message(2, &hello_body(0x0301, 0xc014));
        handshake.extend(message(11, &{
            let mut certs = Vec::new();
            push_u24(&mut certs, 3 + 4);
            push_u24(&mut certs, 4);
            certs.extend_from_slice(&[1, 2, 3, 4]);
            certs
        }));
        handshake.extend(message(14, &[]));
        let (first, second) = handshake.split_at(10);
        let mut bytes = record(0x16, first);
        bytes.extend(record(0x16, second));
        let mut reader = Records::default();
        for chunk in bytes.chunks(3) {
            reader.push(chunk);
        }
        let Some(HelloAnswer::Hello(hello)) = reader.answer() else {
            panic!("{:?}", reader.answer());
        };
        assert_eq!(hello.version, "TLSv1");
        assert_eq!(hello.cipher, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");
        assert_eq!(hello.certificates, [vec![1, 2, 3, 4]]);
        assert_eq!(hello.certificate_bytes, Some(10));
    }

    #[test]
    fn an_alert_and_garbage_are_told_apart() {
        let mut reader = Records::default();
        reader.push(&record(0x15, &[0x02, 0x46]));
        assert_eq!(reader.answer(), Some(HelloAnswer::Alert { code: 70 }));
        let mut reader = Records::default();
        reader.push(b"HTTP/1.1 400 Bad Request\r\n");
        assert_eq!(reader.answer(), Some(HelloAnswer::NotTls));
    }

    #[test]
    fn suites_are_sorted_into_families() {
        assert_eq!(suite_family(0xc02f), "modern");
        assert_eq!(suite_family(0xc013), "cbc");
        assert_eq!(suite_family(0x002f), "static-rsa");
        assert_eq!(suite_family(0x009e), "dhe");
        assert_eq!(suite_family(0x000a), "triple-des");
        assert_eq!(suite_family(0x0005), "rc4");
        assert_eq!(suite_family(0x0002), "null");
    }

    proptest! {
        #[test]
        fn never_panics_on_hostile_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            let mut reader = Records::default();
            reader.push(&bytes);
            let _ = reader.answer_so_far();
        }

        #[test]
        fn never_panics_on_hostile_handshake_messages(
            kind in prop_oneof![Just(2u8), Just(11u8), Just(12u8), Just(13u8)],
            body in proptest::collection::vec(any::<u8>(), 0..600),
        ) {
            let mut reader = Records::default();
            reader.push(&record(0x16, &message(2, &hello_body(0x0303, 0x0033))));
            reader.push(&record(0x16, &message(kind, &body)));
            let _ = reader.answer_so_far();
        }
    }
}
