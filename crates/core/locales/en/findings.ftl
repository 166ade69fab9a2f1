# Findings of `handshake diagnose` and `handshake check`, one message per
# finding code: the value is the title, `.explanation` says why (citing what
# was observed), `.fix` says what to do. Variables are the finding's facts
# (`--json` shows them); server words and protocol bytes are quoted as they are.

## Shared words: a probe finding and a log finding for the same cause say the same.

-fix-tls-on-server = enable TLS on the server (`handshake keystore` makes a PKCS12 keystore and `handshake generate spring` the server.ssl.* properties), or put Nginx in front to terminate TLS (`handshake generate nginx`)
-scheme-from-page = derive the scheme from the page (`location.protocol === 'https:' ? 'wss:' : 'ws:'`)
-forward-upgrade = `proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade;` with the `map $http_upgrade $connection_upgrade` block — `handshake generate nginx` writes all of it
-allow-origin = `registry.addHandler(…).setAllowedOrigins("https://app.example.com")` (or `setAllowedOriginPatterns`) for WebSockets, `@CrossOrigin` or a `CorsConfigurationSource` for REST
-trust-dev-ca = install it in the system, browser and Java trust stores (`handshake trust`)
-window-fix-tls-on-server = enable TLS on the server (Choose a fix → "Spring Boot terminates TLS": a PKCS12 keystore and the server.ssl.* properties), or put Nginx in front to terminate TLS (Choose a fix → "Nginx in front")
-window-forward-upgrade = `proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade;` with the `map $http_upgrade $connection_upgrade` block — Choose a fix → "Nginx in front" writes all of it
-window-trust-dev-ca = install it in the system, browser and Java trust stores (the Trust step)

## Reaching the server

proxy-unreachable = The proxy { $proxy } cannot be reached
    .explanation = { $from } names the proxy { $proxy } for this connection, and { $how ->
        [refused] nothing listens there (connection refused)
        [timeout] it did not answer in time
        [dns] its name does not resolve
        [no-answer] it accepted the connection but never answered the tunnel request
       *[other] the connection to it failed
    }: every connection through it fails before reaching { $authority }.
    .fix = Check the proxy in { $from } (your organisation's proxy settings, or what the browser uses). If { $authority } is reachable without it, add its host to NO_PROXY or run with --no-proxy.
    .window = Check the proxy in { $from } (your organisation's proxy settings, or what the browser uses). If { $authority } is reachable without it, add its host to NO_PROXY in the environment Handshake is started from.

proxy-auth-required = The proxy { $proxy } wants credentials (407)
    .explanation = The proxy answered the tunnel request with “{ $status_line }” and asks for { $schemes }{ $has_realm ->
        [yes] {" "}(realm “{ $realm }”)
       *[no] {""}
    }. { $sent ->
        [yes] The credentials sent were refused.
       *[no] No credentials were sent.
    }{ $basic ->
        [no] {" "}Handshake, curl and most clients speak Basic only to a proxy; NTLM and Negotiate (Kerberos) need a local relay (cntlm, px) or an exemption in NO_PROXY.
       *[yes] {""}
    } Java never sends Basic credentials for an HTTPS tunnel, even from an Authenticator, while `jdk.http.auth.tunneling.disabledSchemes` keeps its default (Basic).
    .fix = Give the proxy's credentials: in the proxy URL (`http://user:password@proxy:port`, percent-encoded) or with --proxy-user USER and --proxy-password-env VAR. For Java: `-Djdk.http.auth.tunneling.disabledSchemes=` with `-Dhttps.proxyUser` and `-Dhttps.proxyPassword`.
    .window = Give the proxy's credentials in the proxy URL of the environment Handshake is started from (HTTPS_PROXY=`http://user:password@proxy:port`, percent-encoded). For Java: `-Djdk.http.auth.tunneling.disabledSchemes=` with `-Dhttps.proxyUser` and `-Dhttps.proxyPassword`.

proxy-tunnel-refused = The proxy refuses to tunnel to { $authority } ({ $status })
    .explanation = The proxy { $proxy } answered the tunnel request with “{ $status_line }”{ $has_words ->
        [yes] : “{ $words }”
       *[no] {""}
    }. { $squid_ports ->
        [yes] Squid's default configuration opens tunnels to port 443 only (`http_access deny CONNECT !SSL_ports`), and { $port } is not among its SSL_ports.
       *[no] The proxy's rules (an access list, a category filter) do not let this destination through.
    }
    .fix = { $squid_ports ->
        [yes] { $scheme ->
            [ws] Use wss:// on port 443: a proxy opens tunnels to TLS ports, and only a tunnel carries the WebSocket upgrade (a forwarding proxy drops the hop-by-hop Upgrade header). Or have the proxy's administrators add { $port } to SSL_ports.
           *[other] Serve the endpoint on port 443, or have the proxy's administrators add { $port } to SSL_ports (`acl SSL_ports port { $port }`).
        }
       *[no] Ask the proxy's administrators to allow { $authority }, or add its host to NO_PROXY if it is reachable directly.
    }

proxy-target-failed = The proxy could not reach { $authority }
    .explanation = { $how ->
        [silent] The proxy { $proxy } accepted the tunnel request and said nothing within { $timeout_s } s: it is still resolving or connecting to the target — a name its DNS is slow to refuse, or a server that does not answer it.
       *[answered] The proxy { $proxy } answered the tunnel request with “{ $status_line }”{ $has_words ->
            [yes] : “{ $words }”
           *[no] {""}
        }: it could not resolve or connect to the target — a name its DNS does not know, or a server that is down or closed to it.
    }
    .fix = Check the host and port as the proxy sees them; --no-proxy tries the direct way from this machine.
    .window = Check the host and port as the proxy sees them; to try the direct way from this machine, add the host to NO_PROXY in the environment Handshake is started from.

proxy-upgrade-dropped = The proxy { $proxy } drops the WebSocket upgrade of clients that do not tunnel
    .explanation = Through the proxy's tunnel the upgrade to { $url } switches. Sent to the same proxy (from { $from }) as an ordinary request — the way a forwarding client sends ws:// — { $how ->
        [answered] it came back “{ $status_line }”{ $has_via ->
            [yes] {" "}(Via: { $via })
           *[no] {""}
        }: the proxy removed Upgrade and Connection, hop-by-hop headers it does not pass on, so the server saw a plain GET.
       *[silent] no answer came within { $waited_ms } ms: the proxy removed Upgrade and Connection, hop-by-hop headers it does not pass on, and the server does not answer the plain GET it got instead.
    }
    .fix = Clients that tunnel (browsers, Java's HttpClient, Handshake) connect; a Node client with `http-proxy-agent`, or any client that sends ws:// to the proxy as an ordinary request, fails. Use wss://: the upgrade then travels inside the tunnel, where the proxy cannot strip it. In Node, use an agent that sends CONNECT (`https-proxy-agent`). Or let the proxy carry it — Squid 5 and later: `http_upgrade_request_protocols websocket allow all`, in lower case: Squid compares the name case by case, and `WebSocket` does not match the `websocket` clients send.

dns-unresolved = { $host } does not resolve
    .explanation = { $cause ->
        [timeout] No address was found for { $host }: the resolver did not answer within { $timeout_s } s.
        [no-addresses] No address was found for { $host }: the resolver answered with no address at all.
       *[not-found] No address was found for { $host }: the resolver answered “{ $reason }”.
    }
    .fix = Check the spelling of the host name, and that this machine uses the DNS server (or /etc/hosts entry) where the name is defined. For a server on this machine, use localhost or 127.0.0.1.

tcp-refused = Nothing listens on port { $port }
    .explanation = { $wait_s ->
        [0] The connection to { $addresses } was refused: no process accepts connections on that port.
       *[other] The connection to { $addresses } was refused during the whole { $wait_s } s wait: no process accepts connections on that port.
    }
    .fix = Start the server, or check the port it really listens on (`ss -ltnp` on the server). If it is restarting, run again with --wait 30.{ $port_hint ->
        [spring-tls] {" "}If it is a Spring Boot app with TLS, it may listen on another port: its server.port, often 8443.
       *[none] {""}
    }
    .window = Start the server, or check the port it really listens on (`ss -ltnp` on the server). If it is restarting, set "Wait for the server to restart" in the Verify step, or press Diagnose again once it is up.{ $port_hint ->
        [spring-tls] {" "}If it is a Spring Boot app with TLS, it may listen on another port: its server.port, often 8443.
       *[none] {""}
    }

tcp-timeout = No answer from { $authority }
    .explanation = Connecting to { $authority } got no answer at all within { $timeout_s } s. A firewall that drops packets, a wrong host, or a network route that does not exist look like this.
    .fix = Check the host and port, and any firewall or security group between you and the server.

tcp-failed = Cannot connect to { $authority }
    .explanation = { $cause ->
        [network-unreachable] This machine has no route to the network of { $authority } (“{ $detail }”).
        [host-unreachable] The host { $authority } cannot be reached (“{ $detail }”): it is down, or a router between you and it says so.
        [address-unavailable] The address of { $authority } cannot be used from this machine (“{ $detail }”).
        [permission-denied] The system refused the connection to { $authority } (“{ $detail }”): a local firewall or security policy blocks it.
       *[other] The connection to { $authority } failed: “{ $detail }”.
    }
    .fix = Check the host name and your network: VPN, proxy settings, and the firewall on this machine.

server-not-ready = The server came up after { $waited_s } s
    .explanation = Port { $port } refused connections at first (nothing was listening yet), and accepted after { $waited_s } s and { $attempts ->
        [one] one attempt
       *[other] { $attempts } attempts
    }.
    .fix = Clients that connect once at page load fail during restarts: connect when the feature needs the socket, and reconnect with backoff (`handshake generate client` writes a reconnecting client).
    .window = Clients that connect once at page load fail during restarts: connect when the feature needs the socket, and reconnect with backoff (Choose a fix → "Only the client changes" writes a reconnecting client).

address-family-mismatch = { $host } answers on { $accepted_family } only: { $failed_address } { $how ->
        [refused] refuses
        [timed-out] does not answer
       *[failed] fails
    }
    .explanation = { $host } resolves to { $accepted_family } and { $failed_family } addresses{ $first_family ->
        [IPv6] , IPv6 first
       *[IPv4] , IPv4 first
    }. { $accepted_address } accepted the connection, but { $failed_address } { $how ->
        [refused] refused it
        [timed-out] did not answer
       *[failed] failed
    }: the server listens on { $accepted_family } only. Clients that try { $failed_family } first fail, while browsers and curl fall back to the other address and work — so it fails for some clients only. { $failed_family ->
        [IPv6] Node.js 17 and later try ::1 first for localhost (“connect ECONNREFUSED ::1:{ $port }”), as do Java with `-Djava.net.preferIPv6Addresses=true` and clients without a fallback.
       *[IPv4] Java tries IPv4 first by default, as do Node.js before 17 and with `--dns-result-order=ipv4first`.
    }
    .fix = On the server, listen on both families: Spring Boot leaves `server.address` unset (or `server.address=::`, dual-stack); Node.js `server.listen({ $port })` without a host (or `"::"`); nginx `listen [::]:{ $port };` beside `listen { $port };`. Or make the clients use the address that works: { $accepted_address } instead of the name (Node.js: `--dns-result-order=ipv4first` or `autoSelectFamily: true`).

server-silent = { $authority } accepts connections but does not answer
    .explanation = { $when ->
        [tls-hello] The connection was accepted, but the server did not answer the TLS ClientHello within { $timeout_s } s.
        [stalled] The server sent { $received ->
            [one] one byte
           *[other] { $received } bytes
        } of an answer but did not finish its head within { $timeout_s } s.
        [interim] The server sent { $count ->
            [one] an interim response
           *[other] { $count } interim responses
        } ({ $status }) but never the answer within { $timeout_s } s.
       *[request] The connection was accepted, but the server sent nothing within { $timeout_s } s of the request.
    }
    .fix = Something accepts connections on this port without serving them: a stuck application (thread pool exhausted), a firewall or load balancer holding connections, or a service that expects the client to speak another protocol. Check the server's log and a thread dump.

connection-closed = The server closed the connection without answering
    .explanation = { $how ->
        [reset] { $authority } reset the connection before a complete answer.
        [io] The connection to { $authority } failed before a complete answer: “{ $detail }”.
       *[closed] { $authority } closed the connection before a complete answer.
    }
    .fix = { $scheme ->
        [ws] Check the server's log at the time of this request. If this port expects TLS, connect with wss://.
        [http] Check the server's log at the time of this request. If this port expects TLS, connect with https://.
       *[other] Check the server's log at the time of this request.
    }

connection-reset = { $authority } accepted the connection and reset it at once
    .explanation = The connection to { $authority } was accepted and then reset before the server sent a single byte: nothing behind port { $port } handled it. The most common cause is a port published by Docker (or forwarded by `kubectl port-forward` or a proxy) while the application inside listens on 127.0.0.1 only — the forwarded connection finds no listener and is reset. A server that crashes on each connection, or a firewall that rejects with a TCP reset, look the same.
    .fix = Make the application listen on every interface inside its container — Spring Boot: leave `server.address` unset or set `server.address=0.0.0.0`; Node: `server.listen(port, "0.0.0.0")` — and check the mapping with `docker ps` (`0.0.0.0:{ $port }->…`). Then check the application's log at the time of this attempt.

## What the port speaks

tls-to-plain-port = Port { $port } speaks plain HTTP, not TLS
    .explanation = You connected with TLS ({ $scheme }://), but this port speaks plain HTTP. The server read the TLS ClientHello bytes 0x16 0x03 0x01 … as an HTTP request and answered “{ $answer }”. Tomcat logs this as “Invalid character found in method name [0x160x030x01…]. HTTP method names must be tokens”; nginx as “client sent invalid method”.
    .fix = Either connect with { $plain_url } (unencrypted), or { -fix-tls-on-server }.
    .window = Either connect with { $plain_url } (unencrypted), or { -window-fix-tls-on-server }.

plain-to-tls-port = Port { $port } speaks TLS, but the URL is { $scheme }://
    .explanation = { $how ->
        [silent] The port closed the plain request without a byte, and answered a TLS ClientHello with its ServerHello ({ $version }): it is a TLS port that says nothing to plain HTTP (HAProxy closes, stunnel resets; HAProxy logs “SSL handshake failure”, OpenSSL-based servers “http request”).
        [server-answer] The server answered { $answer } saying “{ $words }”: the request arrived unencrypted on its TLS port.
        [alert] The request went out as plain HTTP, and the server answered with a TLS alert record (bytes { $bytes }). Servers log this as “plain HTTP request was sent to HTTPS port” (nginx) or “Unsupported or unrecognized SSL message” (Java).
       *[record] The request went out as plain HTTP, and the server answered with a TLS handshake record (bytes { $bytes }). Servers log this as “plain HTTP request was sent to HTTPS port” (nginx) or “Unsupported or unrecognized SSL message” (Java).
    }
    .fix = Connect with { $secure_url }.

not-http = Port { $port } is not an HTTP server
    .explanation = { $kind ->
        [ssh] Port { $port } is an SSH server: it sent “{ $sample }” (bytes { $bytes }).
        [mail] Port { $port } is a mail (SMTP) or FTP server: it sent “{ $sample }” (bytes { $bytes }).
        [binary] Port { $port } sends binary data, not HTTP: “{ $sample }” (bytes { $bytes }).
       *[text] Port { $port } answers with something that is not HTTP: “{ $sample }” (bytes { $bytes }).
    }
    .fix = Check the port: the application's HTTP port is another one (Spring Boot: server.port).

## The certificate

# A span of time from the facts `days` and `hours` (hours only under a day);
# referenced by the certificate messages, which share their facts with it.
time-span = { $days ->
        [0] { $hours ->
            [0] less than an hour
            [one] one hour
           *[other] { $hours } hours
        }
        [one] one day
       *[other] { $days } days
    }

cert-expired = The certificate expired { time-span } ago
    .explanation = The certificate for { $subject } was valid until { $not_after }.
    .fix = Renew it (`certbot renew` for Let's Encrypt), or make a new development certificate with `handshake keystore`, and restart the server.
    .window = Renew it (`certbot renew` for Let's Encrypt), or make a new development certificate (Choose a fix, then "New, signed by the Handshake development CA" in Generate), and restart the server.

cert-not-yet-valid = The certificate becomes valid only in { time-span }
    .explanation = The certificate for { $subject } is valid from { $not_before }. Either it was made with a future start date, or this machine's clock is behind.
    .fix = Check the clocks of this machine and the server (`timedatectl`), or issue a certificate valid from now.

cert-expiring-soon = The certificate expires in { time-span }
    .explanation = The certificate for { $subject } is valid until { $not_after }.
    .fix = Renew it before then (Let's Encrypt renews at 30 days left when `certbot renew` runs regularly).

cert-hostname-mismatch = The certificate is not valid for { $host }
    .explanation = { $name_count ->
        [0] You connected to { $host }, but the certificate names no host at all: it has no subjectAltName extension, and clients ignore the CN.
       *[other] You connected to { $host }, but the certificate covers only: { $names }.
    }
    .fix = Connect with a name the certificate covers, or issue one that includes { $host } (`handshake keystore --host { $host } …`).
    .window = Connect with a name the certificate covers, or issue one that includes { $host } (Choose a fix, then add { $host } to the host names in Generate).

cert-self-signed = The certificate is self-signed
    .explanation = The server presents a certificate issued by itself ({ $subject }): no client trusts it unless told to.
    .fix = For development, sign it with a local CA that you trust once (`handshake keystore --ca-dir …`), or pass the certificate with --ca to check it. For production, use a public CA such as Let's Encrypt.
    .window = For development, sign it with a local CA that you trust once (Choose a fix, then "New, signed by the Handshake development CA" in Generate, and the Trust step), or give the certificate as "CA to trust" under Certificates on the first screen to check it. For production, use a public CA such as Let's Encrypt.

cert-untrusted-issuer = The certificate is issued by a CA this client does not trust
    .explanation = { $cause ->
        [re-signed] The chain ends at { $issuer }, the root of a proxy that decrypts and re-signs this connection (the finding below), not the server's own chain: it is not among the trusted roots (the system's, plus --ca).
        [root] The chain ends at the root { $issuer }, which the server sends but which is not among the trusted roots (the system's, plus --ca).
       *[unseen] The chain ends at { $issuer }, which is not among the trusted roots (the system's, plus --ca), and the server does not send its certificate. Most likely it is a root this client does not trust, such as a development CA; otherwise it is an intermediate CA the server leaves out.
    }
    .fix = { $cause ->
        [re-signed] Trust the proxy's root where your clients run (the finding below says how) and pass it with --ca to check. The server's own chain shows only from where it is reached without the proxy (--no-proxy).
        [root] If it is your development CA, pass it with --ca to check, then { -trust-dev-ca }. Otherwise use a certificate from a public CA.
       *[unseen] If it is your development CA, pass it with --ca to check, then { -trust-dev-ca }. If it is an intermediate, append its certificate after the server's in the certificate file (nginx `ssl_certificate`, Spring `server.ssl.certificate`, or the keystore). Otherwise use a certificate from a public CA.
    }
    .window = { $cause ->
        [re-signed] Trust the proxy's root where your clients run (the finding below says how) and give it as "CA to trust" under Certificates on the first screen to check. The server's own chain shows only from where it is reached without the proxy (add its host to NO_PROXY).
        [root] If it is your development CA, give it as "CA to trust" under Certificates on the first screen to check, then { -window-trust-dev-ca }. Otherwise use a certificate from a public CA.
       *[unseen] If it is your development CA, give it as "CA to trust" under Certificates on the first screen to check, then { -window-trust-dev-ca }. If it is an intermediate, append its certificate after the server's in the certificate file (nginx `ssl_certificate`, Spring `server.ssl.certificate`, or the keystore). Otherwise use a certificate from a public CA.
    }

cert-chain-incomplete = The server does not send its intermediate certificate
    .explanation = The server sends { $count ->
        [one] only its own certificate
       *[other] only { $count } certificates
    }, ending with { $last_subject }, issued by { $last_issuer } — an intermediate CA it does not send{ $sign ->
        [sibling] : the trusted root { $root } belongs to the same organisation, so { $last_issuer } stands between them.
        [name] , as its name says.
       *[aia] .
    } { $sign ->
        [aia] Browsers may fetch it themselves from the address in the certificate; Java, curl, Node and mobile clients do not.
       *[other] The certificate does not say where to fetch it, so every client fails, browsers too.
    }
    .fix = Configure the full chain: with Let's Encrypt use fullchain.pem, not cert.pem (nginx `ssl_certificate`, Spring `server.ssl.certificate`); with a company CA append the intermediate's certificate (from the CA's team) after the server's. `handshake keystore --cert fullchain.pem --key privkey.pem` builds a keystore with the whole chain.
    .window = Configure the full chain: with Let's Encrypt use fullchain.pem, not cert.pem (nginx `ssl_certificate`, Spring `server.ssl.certificate`); with a company CA append the intermediate's certificate (from the CA's team) after the server's. In Generate, "My PEM files (imported)" with fullchain.pem and privkey.pem builds a keystore with the whole chain.

cert-chain-outside-validity = An intermediate certificate { $state ->
        [not-yet-valid] is not valid yet
       *[expired] has expired
    }
    .explanation = { $state ->
        [not-yet-valid] The server's chain includes { $subject }, which is valid only from { $not_before }.
       *[expired] The server's chain includes { $subject }, which was valid until { $not_after }.
    } Clients reject the whole chain, though the server's own certificate is fine.
    .fix = Replace the intermediate in the server's certificate file with the CA's current one (with Let's Encrypt, use the fullchain.pem of the latest renewal).

cert-unreadable = The server's certificate cannot be read
    .explanation = { $count ->
        [0] The server finished the handshake without presenting any certificate.
       *[other] The server presented a certificate that is not valid X.509 (DER): no client can check it.
    }
    .fix = Check the certificate file the server is configured with: it must be a PEM certificate chain (-----BEGIN CERTIFICATE-----), leaf first.

cert-rejected = The certificate chain does not verify
    .explanation = { $reason ->
        [ca-as-leaf] The server's certificate { $subject } is marked as a CA (basicConstraints CA:TRUE), so Firefox and rustls-based clients refuse it as a server certificate (MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY, “CaUsedAsEndEntity”); OpenSSL, curl and Java accept it. `openssl req -x509` marks certificates so unless told otherwise.
        [remade-ca] A root named { $issuer } is trusted, but it did not sign this chain: the CA was made again under the same name with a new key (a reinstalled mkcert or development CA), and the server still uses a certificate from the old one.
        [bad-signature] A signature in the chain of { $subject } does not verify: the certificate was not signed by the issuer it names, or it was altered.
        [unsupported-signature] The chain of { $subject } uses a signature algorithm clients no longer accept ({ $signature }).
        [bad-encoding] The certificate of { $subject } is malformed: clients cannot decode it.
        [wrong-purpose] The certificate of { $subject } is not meant for TLS servers (its extended key usage lacks serverAuth).
        [revoked] The certificate of { $subject } has been revoked by its CA.
       *[other] The chain of { $subject } was rejected by the certificate checks.
    }
    .fix = { $reason ->
        [ca-as-leaf] Make it again as a server certificate: add `-addext basicConstraints=critical,CA:FALSE` (and `-addext subjectAltName=DNS:localhost`) to `openssl req -x509`, or let `handshake keystore --host localhost` issue one from a development CA.
        [remade-ca] Issue the server certificate again from the current CA (`handshake keystore --host …` does so from the development CA), or trust the CA that signed it.
       *[other] Check the certificate file the server is configured with, or issue a new certificate (`handshake keystore`).
    }
    .window = { $reason ->
        [ca-as-leaf] Make it again as a server certificate: add `-addext basicConstraints=critical,CA:FALSE` (and `-addext subjectAltName=DNS:localhost`) to `openssl req -x509`, or let Handshake issue one from a development CA (Choose a fix, then "New, signed by the Handshake development CA" in Generate).
        [remade-ca] Issue the server certificate again from the current CA (Choose a fix, then "New, signed by the Handshake development CA" in Generate does so from the development CA), or trust the CA that signed it.
       *[other] Check the certificate file the server is configured with, or issue a new certificate (Choose a fix, then Generate).
    }

cert-weak-signature = { $position ->
        [leaf] The server's certificate
       *[intermediate] An intermediate certificate
    } is signed with { $signature }
    .explanation = { $subject } is signed with { $signature }. SHA-1 and MD5 signatures can be forged; browsers, Java and rustls refuse them, so the chain does not verify.
    .fix = Issue the certificate again with a SHA-256 signature (`handshake keystore` and every current CA do); for an intermediate, install the CA's current chain.
    .window = Issue the certificate again with a SHA-256 signature (Handshake's Generate step and every current CA do); for an intermediate, install the CA's current chain.

cert-weak-key = { $position ->
        [leaf] The server's certificate
       *[intermediate] An intermediate certificate
    } has a weak key: { $key }
    .explanation = The key of { $subject } is { $key }. Clients refuse RSA keys under 2048 bits: they can be factored, and too small to sign a TLS 1.3 handshake at all.
    .fix = Make a new key and certificate: RSA 2048 or more, or ECDSA P-256 (`handshake keystore`, whose default is ECDSA P-256).
    .window = Make a new key and certificate: RSA 2048 or more, or ECDSA P-256 (Choose a fix, then Generate, whose default is ECDSA P-256).

cert-too-large = The server's certificate message is too large for clients
    .explanation = { $size ->
        [known] The server sends { $certificates } certificates in a { $size_kib } KiB message.
       *[unknown] The server sends a certificate message over { $limit_kib } KiB.
    } TLS clients stop at { $limit_kib } KiB (rustls, Go), 100 KiB (OpenSSL) or 32 KiB (Java, `jdk.tls.maxHandshakeMessageSize`). { $cause ->
        [names] The server's certificate carries { $names } names.
        [bundle] The certificate file holds a whole CA bundle, not just the server's chain.
       *[unknown] Usually the certificate file holds a whole CA bundle, or the certificate carries thousands of names.
    }
    .fix = { $cause ->
        [names] Split the certificate: one per service or group of domains, or a wildcard (`*.example.com`) in place of thousands of names.
       *[other] Keep only the server's certificate and its intermediates in the certificate file (nginx `ssl_certificate`, Spring `server.ssl.certificate`, or the keystore): a CA bundle does not belong there. Split a certificate with thousands of names.
    }

cert-not-reloaded = The server still serves { $newer ->
        [yes] the old certificate: the renewed one is not loaded
       *[no] another certificate than the expected one
    }
    .explanation = The server serves serial { $served_serial }, valid until { $served_not_after }; the expected certificate is serial { $expected_serial }, valid until { $expected_not_after }. { $newer ->
        [yes] The certificate was renewed on disk, but the server keeps the one it read at start-up.
       *[no] The server reads another file than the one checked, or another server answers on this port.
    }
    .fix = Reload the server so it reads the file again: nginx `sudo nginx -s reload` (Let's Encrypt: a `--deploy-hook "systemctl reload nginx"` does it at every renewal), Apache `sudo apachectl graceful`, Spring Boot a restart — or an SSL bundle with `reload-on-update: true` (3.2+), which `handshake generate spring --form keystore-bundle` writes.
    .window = Reload the server so it reads the file again: nginx `sudo nginx -s reload` (Let's Encrypt: a `--deploy-hook "systemctl reload nginx"` does it at every renewal), Apache `sudo apachectl graceful`, Spring Boot a restart — or an SSL bundle with `reload-on-update: true` (3.2+), which Choose a fix → "Spring Boot terminates TLS" writes with the Properties form `keystore-bundle`.

cert-revoked = The certificate is revoked: the server's own OCSP staple says so
    .explanation = The server staples an OCSP response in which its CA says certificate { $subject } (serial { $serial }) was revoked on { $at }{ $reason ->
        [unspecified] .
       *[other] , reason { $reason }.
    } Firefox refuses the connection (SEC_ERROR_REVOKED_CERTIFICATE); clients that do not check revocation still connect, so the failure looks random.
    .fix = Issue a new certificate (with a new key if it was compromised), install it in place of the revoked one and reload the server. nginx keeps a stapled response until it expires: with `ssl_stapling_file` replace the file too.

tls-intercepted = { $how ->
        [root] A TLS-inspection proxy ({ $product }) re-signs this connection
       *[key] { $has_proxy ->
            [yes] The proxy { $proxy } re-signs this connection
           *[no] Something between you and the server re-signs this connection
        }
    }
    .explanation = { $how ->
        [root] The chain for { $host } ends at { $root }, a root of the { $product } inspection product, not a public CA: a corporate proxy decrypts and re-signs TLS between you and the server.
       *[key] The certificate for { $host } carries the same public key as its issuer, { $root }. No certificate authority gives a server its own key; an inspecting proxy (Squid's ssl_bump, mitmproxy) forges every site's certificate so{ $has_proxy ->
            [yes] , and this connection went through the proxy { $proxy }
           *[no] {""}
        }: TLS is decrypted and re-signed between you and the server.
    } Browsers trust it through the system store the company installed; Java and Node do not read that store, so they fail with “PKIX path building failed” or “unable to get local issuer certificate”.{ $upgrade_lost ->
        [yes] {" "}Inside the re-signed connection the WebSocket upgrade got no 101: the proxy reads the HTTP and does not pass Upgrade on (Squid drops it unless told otherwise).
       *[no] {""}
    }
    .fix = Give those clients the proxy's root: Java `keytool -importcert -cacerts -alias corporate-proxy -file proxy-root.pem` (or `handshake trust --java`), Node `NODE_EXTRA_CA_CERTS=proxy-root.pem`, this check `--ca proxy-root.pem`. Ask IT for the root certificate, or export it from the browser's certificate viewer.{ $upgrade_lost ->
        [yes] {" "}For the upgrade, ask the proxy's administrators to let WebSocket through — Squid: `http_upgrade_request_protocols websocket allow all` (lower case), or `ssl_bump splice` for this host so it is not decrypted at all.
       *[no] {""}
    }
    .window = Give those clients the proxy's root: Java `keytool -importcert -cacerts -alias corporate-proxy -file proxy-root.pem`, Node `NODE_EXTRA_CA_CERTS=proxy-root.pem`, and this diagnosis "CA to trust" under Certificates on the first screen. Ask IT for the root certificate, or export it from the browser's certificate viewer.{ $upgrade_lost ->
        [yes] {" "}For the upgrade, ask the proxy's administrators to let WebSocket through — Squid: `http_upgrade_request_protocols websocket allow all` (lower case), or `ssl_bump splice` for this host so it is not decrypted at all.
       *[no] {""}
    }

## The TLS handshake

tls-handshake-failed = The TLS handshake failed
    .explanation = { $cause ->
        [alert] The server ended the TLS handshake with the alert { $alert } ({ $alert_code }). { $alert ->
            [protocol_version] The server offers no protocol version this client accepts: it probably speaks only TLS 1.0 or 1.1, which current browsers and Java refuse.
            [handshake_failure] The server and this client share no cipher suite or key exchange, or the server wants a client certificate.
            [insufficient_security] The server wants stronger or other cipher suites than this client offers.
            [unrecognized_name] The server has no certificate for this host name (SNI).
            [certificate_required] The server requires a client certificate (mutual TLS).
            [internal_error] Something went wrong inside the server: its log says what.
           *[other] Its log at the time of this attempt says why.
        }
        [closed] The server closed the connection during the TLS handshake, without an alert.
        [stalled] The server started the TLS handshake, then sent nothing more for { $timeout_s } s.
        [reset] The server reset the connection during the TLS handshake.
        [no-common-version] The server offers no protocol version this client accepts: it probably speaks only TLS 1.0 or 1.1, which current browsers and Java refuse.
        [no-common-cipher] The server chose a cipher suite, key exchange group or signature scheme this client does not offer: only legacy suites (CBC, static RSA, DHE) or curves current clients refuse.
        [invalid-message] The server sent bytes that are not valid TLS in the middle of the handshake.
        [signature-rejected] The server's handshake signature did not verify with its certificate's key ({ $key }): a key too small or of a type clients refuse, or a key that does not belong to the certificate.
        [misbehaved] The server broke the TLS protocol during the handshake.
       *[other] The TLS handshake failed for a reason this client could not name.
    }
    .fix = Check the server's TLS configuration and its log at the time of this attempt. Servers should offer TLS 1.2 and 1.3 with ECDHE and AES-GCM or ChaCha20 suites, and a certificate with an RSA 2048+ or ECDSA P-256 key (Handshake's generators configure Mozilla's intermediate profile).

tls-client-cert-required = The server requires a client certificate (mutual TLS)
    .explanation = { $authority_count ->
        [0] The server asked for a client certificate without naming the CAs it accepts, and refused the connection without one.
       *[other] The server asked for a client certificate issued by { $authorities }, and refused the connection without one.
    } This is mutual TLS: the client proves who it is with a certificate, as the server does.
    .fix = Pass a certificate the server accepts: `handshake diagnose { $url } --client-cert client.pem --client-key client-key.pem`, or a PKCS12 file with `--client-cert client.p12 --password-env VAR` (the same for `handshake check`). Browsers pick one from the user's certificate store, Java reads it from `javax.net.ssl.keyStore`, Node from the `cert` and `key` options. If the endpoint should not require one, turn it off on the server (nginx `ssl_verify_client optional`, Spring Boot `server.ssl.client-auth=none`).
    .window = Give a certificate the server accepts in the fields below (a PEM certificate with its key, or a PKCS12 file with its password), then Diagnose again with it; Verify uses it too. Browsers pick one from the user's certificate store, Java reads it from `javax.net.ssl.keyStore`, Node from the `cert` and `key` options. If the endpoint should not require one, turn it off on the server (nginx `ssl_verify_client optional`, Spring Boot `server.ssl.client-auth=none`).

tls-version-too-old = The server speaks only { $version }, which current clients refuse
    .explanation = Offered every version up to TLS 1.2, the server chose { $version } ({ $cipher }). Browsers, Java 17 and later, Node, curl with OpenSSL 3 and rustls refuse TLS 1.0 and 1.1 (RFC 8996): no current client can connect.
    .fix = Enable TLS 1.2 and 1.3 on the server: nginx `ssl_protocols TLSv1.2 TLSv1.3;` (`handshake generate nginx` writes it), Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`, Spring Boot `server.ssl.enabled-protocols=TLSv1.2,TLSv1.3` — and update the server's TLS library if it cannot.
    .window = Enable TLS 1.2 and 1.3 on the server: nginx `ssl_protocols TLSv1.2 TLSv1.3;` (Choose a fix → "Nginx in front" writes it), Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`, Spring Boot `server.ssl.enabled-protocols=TLSv1.2,TLSv1.3` — and update the server's TLS library if it cannot.

tls-legacy-versions = The server still accepts { $version }
    .explanation = The handshake works over TLS 1.2 or 1.3, but offered TLS 1.1 at most, the server accepted { $version }. TLS 1.0 and 1.1 are deprecated (RFC 8996), and security scans and audits flag them.
    .fix = Allow only TLS 1.2 and 1.3: nginx `ssl_protocols TLSv1.2 TLSv1.3;`, Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`, Spring Boot `server.ssl.enabled-protocols=TLSv1.2,TLSv1.3`.

tls-no-shared-cipher = The server offers only cipher suites this client refuses
    .explanation = Offered every suite, the server chose { $cipher }: { $family ->
        [cbc] a CBC suite, which rustls-based clients and Handshake refuse and browsers keep only for old servers
        [static-rsa] static RSA key exchange, without forward secrecy, which rustls, Go and TLS 1.3 dropped
        [dhe] { $group ->
            [unknown] finite-field Diffie-Hellman, which browsers and rustls dropped
            [small] finite-field Diffie-Hellman over a { $dh_bits }-bit group, too small to be safe (Logjam) and dropped by browsers and rustls
           *[strong] finite-field Diffie-Hellman over a { $dh_bits }-bit group, which browsers and rustls dropped
        }
        [triple-des] 3DES, broken by Sweet32 and refused by current clients
        [rc4] RC4, broken and refused by every current client
        [null] no encryption at all
        [anonymous] an anonymous suite that authenticates no one
       *[other] a suite current clients do not offer
    }. Current clients offer ECDHE with AES-GCM or ChaCha20 for TLS 1.2, and the TLS 1.3 suites; the server has none of them.
    .fix = Configure Mozilla's intermediate suites with `ssl_protocols TLSv1.2 TLSv1.3;` — `handshake generate nginx` and `handshake generate apache` write the whole list (Spring Boot: leave `server.ssl.ciphers` unset, or list the same suites).
    .window = Configure Mozilla's intermediate suites with `ssl_protocols TLSv1.2 TLSv1.3;` — Choose a fix → "Nginx in front" or "Apache httpd in front" writes the whole list (Spring Boot: leave `server.ssl.ciphers` unset, or list the same suites).

## The HTTP answer

http-redirect = The URL redirects ({ $status }){ $location_given ->
        [yes] {" "}to { $location }
       *[no] {""}
    }
    .explanation = { $location_given ->
        [yes] The server answered “{ $status_line }” with Location: { $location }.
       *[no] The server answered “{ $status_line }” without a Location header.
    } WebSocket clients (browsers included) do not follow redirects, and API clients may drop the method or body.
    .fix = { $location_given ->
        [yes] Use the final URL directly ({ $location }, with ws:// or wss:// for a WebSocket).
       *[no] Find out where the server means to send clients, and use that final URL directly.
    }

http-headers-too-large = The server sends an endless response head
    .explanation = The response head grew past { $max_kib } KiB or { $max_headers } headers without ending; no real HTTP server sends that.
    .fix = Check what listens on this port: a misbehaving proxy or application is streaming headers.

http-ok = The server answered: { $status_line }
    .explanation = { $url } answered { $answer }. { $hsts ->
        [absent] It sends no HSTS header.
        [plain] {""}
       *[present] HSTS: { $hsts_value }.
    }
    .fix = Nothing to fix at the transport level.

hsts-on-localhost = { $host } sends HSTS, which browsers remember for every localhost port
    .explanation = The server answers with Strict-Transport-Security: { $hsts_value }. On { $host } that sticks: the browser then forces https on every app you run on this name, whatever the port, until max-age ends.
    .fix = Send HSTS only from production hosts (Spring Security: `headers.httpStrictTransportSecurity` only outside the dev profile; nginx: drop the `add_header Strict-Transport-Security` line in the local config). To undo it in Chrome, delete the name at chrome://net-internals/#hsts; in Firefox, forget the site in the history.

## The WebSocket upgrade

ws-upgrade-ignored = The upgrade request got an ordinary response
    .explanation = A WebSocket upgrade was answered { $answer }: the request reached something that ignored the Upgrade header — a proxy that does not forward Upgrade/Connection, or a path with no WebSocket endpoint.
    .fix = Behind a proxy, forward the upgrade — nginx: { -forward-upgrade }; Apache: `ProxyPass … upgrade=websocket`; lighttpd: `proxy.header = ("upgrade" => "enable")`; otherwise check the endpoint's path.
    .window = Behind a proxy, forward the upgrade — nginx: { -window-forward-upgrade }; Apache: `ProxyPass … upgrade=websocket`; lighttpd: `proxy.header = ("upgrade" => "enable")`; otherwise check the endpoint's path.

ws-upgrade-rejected = The server rejected the upgrade ({ $status })
    .explanation = The upgrade was answered { $answer }. A proxy that forwards with HTTP/1.0 and drops Upgrade/Connection (nginx's default) makes Spring answer “Can "Upgrade" only to "WebSocket"” and other servers 426 or 505.
    .fix = A proxy must forward the upgrade — nginx: { -forward-upgrade }; Apache: `ProxyPass … upgrade=websocket` (2.4.47+); lighttpd: `proxy.header = ("upgrade" => "enable")` in mod_proxy (HAProxy and Caddy forward it by themselves). Directly: check the server's log for why the handshake was refused.
    .window = A proxy must forward the upgrade — nginx: { -window-forward-upgrade }; Apache: `ProxyPass … upgrade=websocket` (2.4.47+); lighttpd: `proxy.header = ("upgrade" => "enable")` in mod_proxy (HAProxy and Caddy forward it by themselves). Directly: check the server's log for why the handshake was refused.

ws-sockjs-endpoint = { $url } is a SockJS endpoint, not a WebSocket
    .explanation = The upgrade was refused, and the URL answers as SockJS does (“Welcome to SockJS!”, an `/info` document): this is the base URL of a SockJS endpoint (Spring's `.withSockJS()`, the SockJS server for Node). SockJS clients open it over HTTP and pick a transport themselves; a plain WebSocket client (the browser's `WebSocket`, websocat, a mobile client) gets this greeting instead of a 101 and fails.
    .fix = With a SockJS client, use { $sockjs_url } (`new SockJS("{ $sockjs_url }")`, or STOMP's `webSocketFactory: () => new SockJS(…)`). With a plain WebSocket client, use the raw WebSocket URL { $websocket_url }, or register a second endpoint without `.withSockJS()`. To prove it from here: `handshake check { $sockjs_url }` (it finds SockJS there and speaks it).
    .window = With a SockJS client, use { $sockjs_url } (`new SockJS("{ $sockjs_url }")`, or STOMP's `webSocketFactory: () => new SockJS(…)`). With a plain WebSocket client, use the raw WebSocket URL { $websocket_url }, or register a second endpoint without `.withSockJS()`. To prove it from here: the Verify step with { $sockjs_url } (it finds SockJS there and speaks it).

ws-socketio-endpoint = This is a Socket.IO server: a plain WebSocket client cannot talk to it
    .explanation = The upgrade was answered “{ $status_line }” with Engine.IO's “{ $words }”: Socket.IO speaks its own protocol (Engine.IO packets, namespaces, acknowledgements) on top of WebSocket, at { $path } with the query `EIO=4&transport=websocket`. The browser's `WebSocket`, websocat or a STOMP client cannot join it, and a Socket.IO v2 client (EIO=3) cannot join a v3/v4 server.
    .fix = Connect with a Socket.IO client of the server's major version: `io("{ $client_url }")` (add `path` if the server sets one other than /socket.io/). To prove the server from here: `handshake check { $check_url } --protocol socketio`.
    .window = Connect with a Socket.IO client of the server's major version: `io("{ $client_url }")` (add `path` if the server sets one other than /socket.io/). To prove the server from here: the Verify step with { $check_url } and Protocol set to Socket.IO.

ws-subprotocol-required = { $how ->
        [unoffered] The server chose a subprotocol the client did not offer
       *[other] The server wants a WebSocket subprotocol
    }
    .explanation = { $how ->
        [unoffered] The upgrade offered { $offered ->
            [none] no subprotocol
           *[other] “{ $offered }”
        }, but the server answered with Sec-WebSocket-Protocol: { $chosen }. Browsers and most libraries fail such a connection (RFC 6455: a subprotocol the client did not ask for).
        [closed] The upgrade offered { $offered ->
            [none] no subprotocol
           *[other] “{ $offered }”
        }; the server switched to WebSocket and closed at once with { $code } “{ $reason }”. It serves only clients that name its subprotocol (graphql-ws wants `graphql-transport-ws`; STOMP servers `v12.stomp`).
       *[refused] The upgrade offered { $offered ->
            [none] no subprotocol
           *[other] “{ $offered }”
        } and was answered “{ $status_line }”: “{ $words }”.
    }
    .fix = { $how ->
        [unoffered] Fix the server to choose only from what the client offers (Spring: `setSupportedProtocols`; Node `ws`: `handleProtocols`), or offer that subprotocol from the client.
       *[other] Offer the subprotocol the server expects: in a browser `new WebSocket(url, ["graphql-transport-ws"])`; use the protocol's client library (graphql-ws `createClient`, STOMP.js), which offers it. From here: `handshake check URL --protocol graphql-ws` (or `--subprotocol NAME`).
    }
    .window = { $how ->
        [unoffered] Fix the server to choose only from what the client offers (Spring: `setSupportedProtocols`; Node `ws`: `handleProtocols`), or offer that subprotocol from the client.
       *[other] Offer the subprotocol the server expects: in a browser `new WebSocket(url, ["graphql-transport-ws"])`; use the protocol's client library (graphql-ws `createClient`, STOMP.js), which offers it. From here: the Verify step with Protocol set to graphql-ws.
    }

ws-closed-at-once = The server accepted the WebSocket, then closed it at once ({ $code })
    .explanation = The upgrade was answered 101 and the server closed the connection on its own right after, with close code { $code }{ $has_reason ->
        [yes] {" "}“{ $reason }”
       *[no] {""}
    }: { $code ->
        [1000] a normal close — the application ends every session at once, or this one on purpose.
        [1001] “going away” — the server is shutting down.
        [1002] a protocol error — the application wants something the client did not send (a subprotocol, a first message).
        [1003] unsupported data.
        [1008] a policy violation — usually a token, a cookie or the Origin the application checks after accepting.
        [1011] an error inside the server — its log has the exception.
       *[other] a code the application defines (4000–4999) or a rare one.
    } The handshake works; the connection does not, so browsers report a close right after open.
    .fix = Look in the application's log at this time, and give it what it checks after accepting the connection (a token in the URL or a cookie, an Origin, a first message); for a 4xxx code, the application's documentation.

ws-no-answer = The WebSocket opened, but nothing answered within { $timeout_s } s
    .explanation = After the upgrade, { $protocol ->
        [echo] the message “{ $sent }” got no answer: an echo check waits for any message back. Applications that speak a protocol (STOMP, Socket.IO, graphql-ws) stay silent until they get their own first frame.
       *[other] “{ $sent }” ({ $protocol }) got no answer within { $timeout_s } s.
    }
    .fix = { $protocol ->
        [echo] Name the application's protocol: `handshake check URL --protocol stomp` (or sockjs, socketio, graphql-ws; `auto` picks from the URL and the subprotocol). If this is an echo endpoint, its handler did not answer: check the application's log.
       *[other] Check the application's log at this time, and that its { $protocol } endpoint is the one at this path; behind a proxy, that the proxy forwards WebSocket frames both ways.
    }
    .window = { $protocol ->
        [echo] Name the application's protocol: the Verify step's Protocol (STOMP, SockJS, Socket.IO, graphql-ws; Automatic picks from the URL and the subprotocol). If this is an echo endpoint, its handler did not answer: check the application's log.
       *[other] Check the application's log at this time, and that its { $protocol } endpoint is the one at this path; behind a proxy, that the proxy forwards WebSocket frames both ways.
    }

ws-closed-by-server = The server closed the WebSocket ({ $code }) instead of answering
    .explanation = After the upgrade the { $protocol } exchange ended with close code { $code }{ $has_reason ->
        [yes] {" "}“{ $reason }”
       *[no] {""}
    }: { $code ->
        [1000] a normal close — the application ended the session on purpose.
        [1001] “going away” — the server is shutting down or the page moved.
        [1002] a protocol error — the server did not understand what was sent.
        [1003] unsupported data — the server does not take this kind of message (text or binary).
        [1006] no close frame at all — the connection was dropped: a crash, a proxy's timeout or a reset.
        [1007] invalid data in a message.
        [1008] a policy violation — usually authentication, an Origin check or a rate limit.
        [1009] the message was too big for the server.
        [1011] an error inside the server — its log has the exception.
       *[other] a code the application defines (4000–4999) or a rare one.
    }
    .fix = Look in the server's log at this time. For 1008, check the credentials and the allowed origins; for 1006 behind a proxy, the proxy's log and timeouts; for a 4xxx code, the application's documentation.

ws-protocol-refused = { $how ->
        [refused] { $refusal ->
            [login] The { $protocol } server refused the login
            [vhost] The { $protocol } broker refused the virtual host
           *[other] The { $protocol } server refused the client
        }
        [too-large] The server's answer is over the size limit
       *[other] The server does not speak { $protocol }
    }
    .explanation = { $how ->
        [refused] The WebSocket opened and the { $protocol } handshake was answered with a refusal: “{ $words }”{ $has_detail ->
            [yes] {" "}— “{ $detail }”.
           *[no] {""}.
        }
        [too-large] The server sent a message over { $words } during the { $protocol } exchange.
       *[other] The WebSocket opened, but the answer to the { $protocol } handshake is not { $protocol }: “{ $words }”.
    }
    .fix = { $how ->
        [refused] { $refusal ->
            [login] The login and passcode were refused: check both (`--stomp-login`, `--stomp-passcode-env`; STOMP.js: `login` and `passcode` in `connectHeaders`). RabbitMQ lets its guest user in only from localhost unless `loopback_users` says otherwise; other users need `rabbitmqctl add_user` and permissions on the virtual host.
            [vhost] The broker reads the CONNECT frame's `host` header as the name of a virtual host, and this user may not use that one (or it does not exist). Send the virtual host the user has permissions on — RabbitMQ's default is “/” (`rabbitmqctl list_permissions -p /`): `--stomp-host /`, in STOMP.js `host: "/"` in `connectHeaders` — or send no `host` at all, as STOMP.js does by default (Handshake sends none without --stomp-host).
           *[other] The application refuses this client: { $protocol ->
            [stomp] Spring answers ERROR to a CONNECT its `ChannelInterceptor` or security rejects (login, passcode, token) — send what it expects (a token header: `--bearer-env`, `--header-env`) and check its log.
           *[other] a middleware (authentication, a token in `auth`) rejected the connection — check the server's middleware and log.
            }
        }
        [too-large] Send smaller messages, or raise the server's limit.
       *[other] Check with another protocol: `handshake check URL --protocol auto` picks from the URL and the negotiated subprotocol.
    }
    .window = { $how ->
        [refused] { $refusal ->
            [login] The login and passcode were refused: check both (STOMP.js: `login` and `passcode` in `connectHeaders`). RabbitMQ lets its guest user in only from localhost unless `loopback_users` says otherwise; other users need `rabbitmqctl add_user` and permissions on the virtual host.
            [vhost] The broker reads the CONNECT frame's `host` header as the name of a virtual host, and this user may not use that one (or it does not exist). Send the virtual host the user has permissions on — RabbitMQ's default is “/” (`rabbitmqctl list_permissions -p /`): in STOMP.js `host: "/"` in `connectHeaders` — or send no `host` at all, as STOMP.js does by default.
           *[other] The application refuses this client: { $protocol ->
            [stomp] Spring answers ERROR to a CONNECT its `ChannelInterceptor` or security rejects (login, passcode, token) — send what it expects and check its log.
           *[other] a middleware (authentication, a token in `auth`) rejected the connection — check the server's middleware and log.
            }
        }
        [too-large] Send smaller messages, or raise the server's limit.
       *[other] Check with another protocol: the Verify step's Protocol set to Automatic picks from the URL and the negotiated subprotocol.
    }

ws-accept-mismatch = The server switched protocols with a wrong Sec-WebSocket-Accept
    .explanation = It answered “{ $status_line }” with Sec-WebSocket-Accept “{ $accept }”, but the key sent requires “{ $expected }”. Browsers drop such a connection.
    .fix = Something between client and server rewrites the handshake, or the server's WebSocket implementation is broken: use a maintained WebSocket library.

ws-path-not-found = Nothing is at { $path } (404)
    .explanation = The server answered { $answer } for { $path }.
    .fix = Check the endpoint's path (Spring: the path given to `registry.addHandler(handler, "/ws")` or `addEndpoint`, plus any server.servlet.context-path), and the proxy's location block.

ws-origin-forbidden = The server refuses the Origin { $origin }
    .explanation = With Origin: { $origin } the upgrade got “{ $status_line }”; without an Origin header it got { $status_without_origin }. The server checks the Origin (Spring's default allows the same origin only).
    .fix = Allow the page's origin on the server (Spring: `registry.addHandler(…).setAllowedOrigins("{ $origin }")` or `setAllowedOriginPatterns`).

ws-forbidden = The endpoint refuses the upgrade (403)
    .explanation = { $origin_sent ->
        [yes] The upgrade was answered { $answer }, with and without an Origin header.
       *[no] The upgrade was answered { $answer }.
    }{ $asgi ->
        [yes] {" "}The server is a Python ASGI server (uvicorn or hypercorn): it answers 403 both when no WebSocket route of the application matches the path and when the application closes the connection before accepting it.
       *[no] {""}
    }
    .fix = { $asgi ->
        [yes] Check the path first: it must match a WebSocket route of the application (Starlette and FastAPI: `@app.websocket("/ws")`, `WebSocketRoute`); then what the endpoint checks before `accept()` (a token, the Origin).
       *[no] The server's security rules refuse this client: check its access rules and log. Pass --origin with the page's origin to check whether an Origin check is the cause.
    }
    .window = { $asgi ->
        [yes] Check the path first: it must match a WebSocket route of the application (Starlette and FastAPI: `@app.websocket("/ws")`, `WebSocketRoute`); then what the endpoint checks before `accept()` (a token, the Origin).
       *[no] The server's security rules refuse this client: check its access rules and log. Fill in "Page that opens it" on the first screen with the page's origin to check whether an Origin check is the cause.
    }

ws-auth-required = The endpoint requires authentication (401)
    .explanation = The upgrade was answered { $answer }.
    .fix = Send the credentials the endpoint expects (a cookie, or a token in a header or query parameter); browsers cannot set headers on a WebSocket, so a token in the query or a cookie is usual.

proxy-idle-timeout = The connection was closed after { $after_s } s idle
    .explanation = After the { $protocol } exchange the connection was held idle{ $pinged ->
        [yes] {" "}(with WebSocket pings)
       *[no] {""}
    } and was closed after { $after_s } s with { $code ->
        [1006] no close frame (what browsers report as 1006)
       *[other] close code { $code }{ $has_reason ->
            [yes] {" "}“{ $reason }”
           *[no] {""}
        }
    }: a proxy or load balancer on the way ends connections that carry no traffic for that long — the “disconnects every minute” of WebSocket apps.{ $matched ->
        [yes] {" "}That matches { $matches }.
       *[no] {""}
    }
    .fix = Raise the idle timeout where the connection passes — nginx: `proxy_read_timeout 3600s; proxy_send_timeout 3600s;` in the WebSocket location (`handshake generate nginx` writes them); HAProxy: `timeout tunnel 1h` in the defaults or the backend; AWS ALB: the load balancer's idle timeout attribute; Cloudflare's 100 s is fixed — and send heartbeats more often than it: STOMP `heart-beat` (Spring: `setHeartbeatValue(new long[] {"{"}10000, 10000{"}"})` with a task scheduler), Socket.IO's ping (every 25 s by default), or WebSocket pings every 30 s. `handshake check URL --idle 120 --ping 20` shows whether a heartbeat keeps it open.
    .window = Raise the idle timeout where the connection passes — nginx: `proxy_read_timeout 3600s; proxy_send_timeout 3600s;` in the WebSocket location (Choose a fix → "Nginx in front" writes them); HAProxy: `timeout tunnel 1h` in the defaults or the backend; AWS ALB: the load balancer's idle timeout attribute; Cloudflare's 100 s is fixed — and send heartbeats more often than it: STOMP `heart-beat` (Spring: `setHeartbeatValue(new long[] {"{"}10000, 10000{"}"})` with a task scheduler), Socket.IO's ping (every 25 s by default), or WebSocket pings every 30 s. The Verify step's "Hold idle" 120 and "Ping every" 20 show whether a heartbeat keeps it open.

proxy-upstream-down = A proxy answered { $status }: the application behind it is down
    .explanation = { $answer } comes from a reverse proxy that could not reach its upstream (the application server).
    .fix = Start the application, and check the proxy's upstream address and port (nginx: `proxy_pass`; its error.log says “connect() failed (111: Connection refused) while connecting to upstream”).

ws-ok = The WebSocket handshake succeeded
    .explanation = { $transport ->
        [tls] { $url } answered “{ $status_line }” over { $tls_version } ({ $tls_cipher }) in { $elapsed_ms } ms, with a correct Sec-WebSocket-Accept
       *[plain] { $url } answered “{ $status_line }” in { $elapsed_ms } ms, with a correct Sec-WebSocket-Accept
    }{ $subprotocol ->
        [none] {""}; no subprotocol.
       *[other] ; subprotocol: { $subprotocol }.
    }
    .fix = Nothing to fix. `handshake check` also sends a message and waits for the answer.
    .window = Nothing to fix. The Verify step also sends a message and waits for the answer.

## The page that opens the connection

mixed-content = { $blocked ->
        [yes] Browsers block this { $kind ->
            [websocket] WebSocket
           *[fetch] fetch/XHR
        } connection from an https page
       *[no] This unencrypted { $kind ->
            [websocket] WebSocket
           *[fetch] fetch/XHR
        } connection from an https page works only because { $host } is this machine
    }
    .explanation = { $blocked ->
        [yes] The page { $origin } is served over HTTPS, but the endpoint { $url } is not encrypted. Browsers refuse it as mixed content before any packet is sent: { $kind ->
            [websocket] `new WebSocket` throws — Chromium: “SecurityError: Failed to construct 'WebSocket': An insecure WebSocket connection may not be initiated from a page loaded over HTTPS.”; Firefox: “SecurityError: The operation is insecure.”
           *[fetch] Chrome's console says “Mixed Content: The page at '{ $origin }' was loaded over HTTPS, but requested an insecure resource '{ $url }'. This request has been blocked”.
        }
       *[no] The page { $origin } is served over HTTPS and the endpoint { $url } is not encrypted, but browsers treat { $host } as potentially trustworthy (it is loopback), so Chromium and Firefox open it. The same page is blocked as mixed content against any other host — a colleague's machine, staging, production — where `new WebSocket` throws a SecurityError.
    }
    .fix = { $blocked ->
        [yes] Connect with { $secure_url } and serve it over TLS: { -fix-tls-on-server }.
       *[no] Before it leaves this machine, connect with { $secure_url } and serve it over TLS: { -fix-tls-on-server }.
    } In the client, { -scheme-from-page }; `handshake generate client` writes that snippet.
    .window = { $blocked ->
        [yes] Connect with { $secure_url } and serve it over TLS: { -window-fix-tls-on-server }.
       *[no] Before it leaves this machine, connect with { $secure_url } and serve it over TLS: { -window-fix-tls-on-server }.
    } In the client, { -scheme-from-page }; Choose a fix → "Only the client changes" writes that snippet.

cors-missing = No CORS answer for { $origin }
    .explanation = The preflight (OPTIONS with Origin: { $origin }) got “{ $status_line }” without Access-Control-Allow-Origin: browsers block the page's requests (“has been blocked by CORS policy”).
    .fix = Allow the origin on the server (Spring: `@CrossOrigin(origins = "{ $origin }")` or a `CorsConfigurationSource`).

cors-origin-mismatch = CORS allows { $allowed }, not { $origin }
    .explanation = The preflight got Access-Control-Allow-Origin: { $allowed }, which does not match the page's origin { $origin }; browsers block the requests.
    .fix = Add { $origin } to the server's allowed origins.

## The user's own browser (check --browser)

browser-ok = { $browser } opened { $url } and got its answer
    .explanation = Handshake served a page on { $page_origin } that ran `new WebSocket("{ $url }")` in { $browser } ({ $user_agent }): it opened, and the first message was answered { $ms } ms after the page began. What the browser sees matches what Handshake sees.
    .fix = Nothing to fix. Your application's page has an origin of its own, which the server may treat differently: `handshake diagnose { $url } --origin <your page's origin>` checks it.
    .window = Nothing to fix. Your application's page has an origin of its own, which the server may treat differently: fill in "Page that opens it" on the first screen to check it.
browser-ca-untrusted = { $browser } does not trust the CA that Handshake was given with --ca
    .explanation = Handshake connects to { $url } trusting the certificate given with --ca, but in { $browser } the socket closed with code { $code } before it opened — a certificate the browser does not trust. { $browser } reads the CA from { $stores }, and it is in none of them (compared by SHA-256).
    .fix = Trust the CA in the browsers' stores: `handshake trust --store browsers` (or the window's Trust step), then try again; the browser may need a restart to read its store again. For a public site, use a certificate from a public CA.
    .window = Trust the CA in the browsers' stores (the Trust step), then try again; the browser may need a restart to read its store again. For a public site, use a certificate from a public CA.
browser-origin-refused = The server refuses the Origin of Handshake's probe page, { $page_origin }
    .explanation = { $browser } sent the upgrade for { $url } from Handshake's page on { $page_origin }, and the server refused that Origin: Handshake sent the same upgrade with it and got { $status } as well, while its own check { $origin ->
        [none] without an Origin
       *[other] with your page's Origin { $origin }
    } passed. The browser is not at fault: the server's Origin check met a page that is not your application.
    .fix = { $origin ->
        [none] Check as your application's page: `handshake check { $url } --origin <your page's origin> --browser`. To let local test pages in, allow http://127.0.0.1 in the server's Origin check while developing only.
       *[other] Nothing to fix for { $origin }: your page is let in. To let the probe page in too, allow http://127.0.0.1 in the server's Origin check while developing only.
    }
    .window = { $origin ->
        [none] Check as your application's page: fill in "Page that opens it" on the first screen, then "Try it in my browser" in the Verify step. To let local test pages in, allow http://127.0.0.1 in the server's Origin check while developing only.
       *[other] Nothing to fix for { $origin }: your page is let in. To let the probe page in too, allow http://127.0.0.1 in the server's Origin check while developing only.
    }
browser-failed = { $browser } could not open { $url }
    .explanation = In { $browser }, { $event ->
        [close] the socket closed with code { $code } { $opened ->
            [yes] after it opened
           *[no] before it opened
        }
       *[threw] `new WebSocket` threw “{ $name }: { $message }”
    }. { $handshake_ok ->
        [yes] Handshake's own check of the same URL passed, so the cause is in the browser: a store or policy of its own, a proxy or an extension, or the page's origin (the probe page runs on 127.0.0.1).
       *[no] Handshake's own check failed too: the findings beside this one say why.
    }
    .fix = { $handshake_ok ->
        [yes] Open the browser's developer tools (Console and Network) on your own page for its exact words; `handshake explain-log` reads them. `handshake diagnose { $url } --origin <your page's origin>` checks the server's Origin rule.
       *[no] Fix what the other findings name first, then try the browser again.
    }
    .window = { $handshake_ok ->
        [yes] Open the browser's developer tools (Console and Network) on your own page for its exact words; "I have an error message" on the first screen reads them. "Page that opens it" on the first screen checks the server's Origin rule.
       *[no] Fix what the other findings name first, then try the browser again.
    }
browser-no-report = { $browser ->
        [default] The default browser
       *[other] { $browser }
    } never reported back within { $seconds } s
    .explanation = Handshake asked { $browser ->
        [default] the desktop to open its probe page in the default browser
       *[other] { $browser } to open its probe page
    } on { $page_origin }, and no report came back: the browser did not start, opened the page in a window that is not shown, or blocked a page on 127.0.0.1.
    .fix = Open the page by hand in the browser you use, or name another with `--browser chromium|firefox|PROGRAM`.
    .window = Open the page by hand in the browser you use; "Try it in my browser" opens the desktop's default browser.
