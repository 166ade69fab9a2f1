# Findings of `handshake explain-log`: one message per `log-` code, shaped
# like the diagnosis findings (value = title, `.explanation`, `.fix`). The
# matched log line is shown beside them, as the program printed it.

-fix-plain-scheme-or-tls = Either make the client use the plain scheme (ws://, http://) on this port, or { -fix-tls-on-server }.
-run-diagnose = Run `handshake diagnose` on the URL
-window-fix-plain-scheme-or-tls = Either make the client use the plain scheme (ws://, http://) on this port, or { -window-fix-tls-on-server }.
-window-run-diagnose = Diagnose the URL (the link below, or the first screen)

log-tls-on-plain-port = A TLS client connected to a plain HTTP port
    .explanation = { $source ->
        [java-client] A Java client started a TLS handshake and got plain text back (an HTTP error answer): the port speaks plain HTTP, but the URL says https:// or wss://.
        [openssl-client] An OpenSSL-based client (curl, openssl s_client) started a TLS handshake and got plain text back (an HTTP error answer): the port speaks plain HTTP, but the URL says https:// or wss://.
        [go-client] A Go client (Caddy's reverse_proxy, Traefik, a Go service) started a TLS handshake and got plain text back: the port it was sent to speaks plain HTTP, but its address says https:// or wss:// (for a proxy: its upstream URL).
       *[server] { $server ->
            [tomcat] Tomcat's HTTP connector
            [nginx] nginx
            [node] Node's HTTP server
            [aiohttp] aiohttp (its HTTP parser)
            [uvicorn] uvicorn (its HTTP parser)
            [jetty] Jetty
           *[other] The server
        } received the bytes of a TLS ClientHello where it expected an HTTP request line{ $decoded ->
            [hello] {" "}({ $record }: a TLS handshake record, record version { $record_version }, a ClientHello offering { $hello_version } or newer through its supported_versions extension)
            [record] {" "}({ $record }: a TLS handshake record, record version { $record_version })
           *[none] {""}
        }: a client used https:// or wss:// on a port that speaks plain HTTP.
    }
    .fix = { -fix-plain-scheme-or-tls }
    .window = { -window-fix-plain-scheme-or-tls }

log-port-probed = Something probed the port with { $sent ->
        [socks4] a SOCKS 4 request
        [socks5] a SOCKS 5 greeting
        [rdp] a Remote Desktop (RDP) connection request
        [ssh] an SSH client's banner
       *[other] bytes that are not HTTP
    }
    .explanation = { $server ->
        [tomcat] Tomcat's HTTP connector
        [nginx] nginx
       *[other] The server
    } received { $bytes } where an HTTP request line belongs. { $sent ->
        [socks4] A SOCKS 4 client (a proxy client, or a scanner looking for open proxies) asked this port to relay a connection.
        [socks5] A SOCKS 5 client (a proxy client, or a scanner looking for open proxies) greeted this port as a proxy.
        [rdp] This is what internet-wide scanners send to every open port, looking for Remote Desktop.
        [ssh] An SSH client connected to this port, a scanner or someone who mistook the port.
       *[other] They are not a TLS handshake either: a client speaking another protocol, or a scanner.
    } Not your WebSocket clients: the server answered 400 and nothing was served.
    .fix = Harmless on a port open to the internet. If it floods the log, keep the port off the public internet (a firewall, or listen on 127.0.0.1 behind your proxy), or lower the logger: Tomcat logs only the first such request at INFO and the rest at DEBUG; nginx logs these at `info`, which `error_log … warn` leaves out.

log-prior-knowledge-preface = An HTTP/2 client spoke to an HTTP/1.1 port without TLS
    .explanation = { $server ->
        [tomcat] Tomcat's HTTP connector
        [nginx] nginx
       *[other] The server
    } received HTTP/2's connection preface (“PRI * HTTP/2.0”): a client sent HTTP/2 with prior knowledge (h2c) to a port that speaks HTTP/1.1. Browsers never do this; gRPC clients, `curl --http2-prior-knowledge` and some proxies configured for h2c do.
    .fix = Point the client at the port's HTTP/1.1 (turn off prior knowledge: curl without --http2-prior-knowledge), or enable h2c on the server: Tomcat `<UpgradeProtocol className="org.apache.coyote.http2.Http2Protocol"/>` (Spring Boot: `server.http2.enabled=true`), nginx `listen … http2` on a TLS port. WebSockets over HTTP/2 need RFC 8441, which these servers do not offer: keep WebSocket clients on HTTP/1.1.

log-invalid-request-target = A request URL has characters that must be percent-encoded
    .explanation = Tomcat refused the request target “{ $target }”: characters such as | {"{"} {"}"} [ ] and spaces must be percent-encoded (RFC 3986).
    .fix = Encode the query in the client (`encodeURIComponent` in JavaScript); or, if the client cannot change, allow them with Tomcat's `relaxedQueryChars`/`relaxedPathChars` connector attributes (Spring Boot: a `WebServerFactoryCustomizer`).

log-plain-on-tls-port = A plain HTTP client connected to a TLS port
    .explanation = { $server ->
        [netty] Netty
        [jsse] Java (JSSE)
        [apache] Apache httpd
        [tomcat] Tomcat
        [go] Go's net/http (Caddy, any Go server)
        [openssl] OpenSSL, the TLS library of the server (lighttpd, stunnel, Node, Python…),
       *[nginx] nginx
    } received a plain HTTP request on a port that expects TLS: a client used http:// or ws:// where it should use https:// or wss://.
    .fix = Make the client use https:// or wss:// for this port (in a browser, { -scheme-from-page }). If plain HTTP must keep working, serve it on another port that redirects.

log-upgrade-header-missing = A WebSocket handshake arrived without its Upgrade header
    .explanation = Spring refused a WebSocket handshake because the Upgrade header was missing (“null”) or not “websocket”: a reverse proxy in front forwards the request without the hop-by-hop Upgrade and Connection headers. Nginx does so by default (HTTP/1.0 to the upstream).
    .fix = In nginx: { -forward-upgrade }.
    .window = In nginx: { -window-forward-upgrade }.

log-origin-rejected = A request was refused for its Origin
    .explanation = The server refused a WebSocket or CORS request because the page's origin is not in its allowed list (Spring allows only the same origin by default, and answers 403).
    .fix = Allow the page's origin: { -allow-origin }.

log-upstream-refused = { $proxy ->
        [caddy] Caddy
       *[nginx] Nginx
    } cannot reach the application behind it
    .explanation = { $proxy ->
        [caddy] Caddy's
       *[nginx] nginx's
    } connection to its upstream { $upstream } was refused: the application is not running, or listens on another port or address. Clients get 502 Bad Gateway.
    .fix = Start the application, and check that { $proxy ->
        [caddy] `reverse_proxy`
       *[nginx] `proxy_pass`
    } names the address and port it listens on (Spring Boot: server.port and server.address).

log-upstream-closed = The application closed the connection before answering nginx
    .explanation = nginx's upstream closed the connection while nginx read its response. For WebSockets this is often the idle timeout: nginx closes a quiet socket after proxy_read_timeout (60 s by default); otherwise the application crashed or restarted.
    .fix = For WebSocket locations raise `proxy_read_timeout` (e.g. 3600s) or send pings from one side; otherwise check the application's log at that time.

log-no-live-upstreams = Every upstream of nginx is marked down
    .explanation = nginx has stopped sending to its upstream servers after repeated failures (max_fails): every request gets 502 until one recovers.
    .fix = Start the application servers; the earlier “connect() failed” lines say why they failed.

log-pkix-path-building = Java does not trust the server's certificate
    .explanation = A Java client (or a Spring app calling another service) could not build a path from the server's certificate to a CA in its truststore: the certificate is self-signed, from a development CA, or the server omits its intermediate.
    .fix = Trust the CA in Java's truststore (`keytool -importcert -cacerts -file ca.pem -alias dev-ca`, or `handshake trust --java`), or have the server send its full chain. { -run-diagnose } to see which.
    .window = Trust the CA in Java's truststore (`keytool -importcert -cacerts -file ca.pem -alias dev-ca`, or the Trust step), or have the server send its full chain. { -window-run-diagnose } to see which.

log-cert-untrusted = { $client ->
        [browser] The browser
        [curl] curl
        [python] Python
        [node] Node.js
        [go] A Go program
       *[other] The client
    } does not trust the server's certificate
    .explanation = { $client ->
        [browser] The browser
        [curl] curl (OpenSSL, with the system's CA bundle)
        [python] Python's ssl module (websockets, aiohttp, urllib; requests uses certifi's bundle instead)
        [node] Node.js (ws, fetch, https), which trusts its own bundled CA list, not the system's,
        [go] Go's crypto/x509 (Caddy's reverse_proxy, any Go service), with the system's CA bundle,
       *[other] The client
    } rejected the certificate: it is self-signed or issued by a CA it does not trust (a development CA not installed yet).
    .fix = { $client ->
        [browser] { -trust-dev-ca-capitalized }
        [curl] Run `handshake trust --store system` (or `curl --cacert handshake-dev-ca.pem` for one call)
        [python] Run `handshake trust --store system` (requests: `REQUESTS_CA_BUNDLE=handshake-dev-ca.pem`; or `SSL_CERT_FILE` for one run)
        [node] Start Node with `NODE_EXTRA_CA_CERTS=handshake-dev-ca.pem` (it reads no system store)
        [go] Run `handshake trust --store system` (or `SSL_CERT_FILE` for one run)
       *[other] { -trust-dev-ca-capitalized }
    }, or use a certificate from a public CA.
    .window = { $client ->
        [browser] { -window-trust-dev-ca-capitalized }
        [curl] Trust the CA in the system store (the Trust step), or `curl --cacert handshake-dev-ca.pem` for one call
        [python] Trust the CA in the system store (the Trust step); requests: `REQUESTS_CA_BUNDLE=handshake-dev-ca.pem`, or `SSL_CERT_FILE` for one run
        [node] Start Node with `NODE_EXTRA_CA_CERTS=handshake-dev-ca.pem` (it reads no system store)
        [go] Trust the CA in the system store (the Trust step), or `SSL_CERT_FILE` for one run
       *[other] { -window-trust-dev-ca-capitalized }
    }, or use a certificate from a public CA.

-trust-dev-ca-capitalized = Install the development CA in the system and browser trust stores (`handshake trust`)
-window-trust-dev-ca-capitalized = Install the development CA in the system and browser trust stores (the Trust step)

log-keystore-password = The keystore password is wrong
    .explanation = Java could not open the keystore: “keystore password was incorrect”. Either the password does not match (server.ssl.key-store-password, spring.ssl.bundle.jks.…keystore.password), or the variable it names — {"${SSL_KEYSTORE_PASSWORD}"} — is not set in the application's environment: Spring Boot then passes the placeholder text itself as the password, and fails the same way. An old JDK (before 8u301 / 11.0.12) also says this for a PKCS12 written with AES/SHA-256.
    .fix = Start the application with the variable set (`set -a; . ./ssl.env; set +a` in the same shell, or systemd's `EnvironmentFile=`), and check the password (`keytool -list -storetype PKCS12 -keystore FILE`); for an old JDK, make the keystore with the legacy option (`handshake keystore --legacy`).
    .window = Start the application with the variable set (`set -a; . ./ssl.env; set +a` in the same shell, or systemd's `EnvironmentFile=`), and check the password ("I have a keystore" on the first screen opens it with the password you give); for an old JDK, make the keystore again for it.

log-keystore-alias = The key alias is not in the keystore
    .explanation = server.ssl.key-alias names “{ $alias }”, which the keystore lacks, or which holds only a certificate, not a private key.
    .fix = List the aliases (`keytool -list -storetype PKCS12 -keystore FILE`) and set server.ssl.key-alias to the PrivateKeyEntry's alias.

log-certificate-file-missing = A certificate, key or keystore file cannot be read
    .explanation = { $server ->
        [java] Java could not open { $path } ({ $reason }). When this stops Spring Boot at start-up, the file is one named in server.ssl.* or spring.ssl.bundle.* (a keystore, certificate or key): Spring Boot resolves a relative file: location against the folder the application was started from, not the folder of application.properties.
        [nginx] nginx could not load { $path } ({ $reason }), named by ssl_certificate or ssl_certificate_key, and refuses the whole configuration: nginx -t fails and a reload keeps the old one.
       *[apache] Apache could not read { $path } ({ $reason }), named by SSLCertificateFile or SSLCertificateKeyFile, and refuses the whole configuration.
    }
    .fix = Check that the file is at that path and that the server's user can read it (`ls -l { $path }`); write locations as absolute paths (`handshake generate` does), and after a move or a renewal point the configuration at the new files.
    .window = Check that the file is at that path and that the server's user can read it (`ls -l { $path }`); write locations as absolute paths (the Generate step does), and after a move or a renewal point the configuration at the new files.

log-key-mismatch = The private key does not belong to the certificate
    .explanation = { $server ->
        [nginx] nginx refused the key { $key }: OpenSSL says “key values mismatch”, its public key is not the certificate's.
       *[apache] Apache refused the key { $key } (AH02565): its public key is not the certificate's.
    } The two files are from different pairs: a renewal replaced one and not the other, or they come from two folders. Spring Boot does not check this at start-up: it starts, and every TLS handshake fails instead (`handshake diagnose` shows the bad signature).
    .fix = Use the certificate and key of one pair (Let's Encrypt: fullchain.pem and privkey.pem from the same live/ folder). They match when `openssl x509 -noout -pubkey -in CERT | openssl sha256` and `openssl pkey -pubout -in KEY | openssl sha256` print the same hash.

log-no-server-certificate = The TLS server has no usable certificate
    .explanation = Java's TLS server found no certificate and private key it can use (for the enabled cipher suites — JDK 17 says “no cipher suites in common”, which also means client and server share no suite; over TLS 1.3, for the signature schemes the client offered: “No available authentication scheme”): the keystore has no PrivateKeyEntry under the configured alias — a certificate alone is not enough — or its key type does not fit.
    .fix = Check server.ssl.key-alias and the keystore (`keytool -list -v`); a keystore from `handshake keystore` has one PrivateKeyEntry with the full chain.
    .window = Check server.ssl.key-alias and the keystore ("I have a keystore" on the first screen lists its aliases and says what Spring Boot needs); a keystore from the Generate step has one PrivateKeyEntry with the full chain.

log-tls-handshake-failed = A TLS handshake failed
    .explanation = { $source ->
        [browser] The browser's TLS handshake failed. The most common cause: the port speaks plain HTTP, so the browser received an HTTP answer instead of a TLS record (Firefox says SSL_ERROR_RX_RECORD_TOO_LONG).
        [haproxy] HAProxy's TLS handshake with a client failed. HAProxy logs the same line whatever the cause: a plain HTTP client on its TLS port (the commonest), a client that offered no protocol version or cipher it accepts, or one that gave up on the certificate.
       *[nginx] nginx's TLS handshake with a client failed: the client offered no protocol version or cipher nginx accepts, sent something that is not TLS, or gave up.
    }
    .fix = { -run-diagnose }: it tells a plain HTTP port from a protocol or certificate problem.
    .window = { -window-run-diagnose }: it tells a plain HTTP port from a protocol or certificate problem.

log-proxy-auth-required = The proxy wants credentials for the tunnel (407)
    .explanation = { $client ->
        [java] A Java client's tunnel was answered 407. Java never sends Basic credentials for an HTTPS tunnel while `jdk.http.auth.tunneling.disabledSchemes` keeps its default (Basic), even from an Authenticator.
        [curl] curl's tunnel request was answered 407: the proxy wants credentials it was not given.
        [python] Python's websockets had its tunnel request answered 407 (“InvalidProxyStatus: proxy rejected connection: HTTP 407”): the proxy URL it found (the `proxy` argument, or HTTPS_PROXY) carries no credentials, or wrong ones.
        [node] A Node client's tunnel request was answered 407 — undici's ProxyAgent says “Proxy response (407) !== 200 when HTTP Tunneling”, `ws` with https-proxy-agent “Unexpected server response: 407”, the `tunnel` package “statusCode=407”: the proxy URL it was given carries no credentials, or wrong ones.
        [squid] Squid refused a tunnel{ $has_authority ->
            [yes] {" "}to { $authority }
           *[no] {""}
        } for lack of credentials (TCP_DENIED/407): a client without the proxy's password.
       *[other] The proxy answered the tunnel request 407: it wants credentials.
    }
    .fix = Give the client the proxy's credentials — Java: `-Djdk.http.auth.tunneling.disabledSchemes=` with `-Dhttps.proxyUser` and `-Dhttps.proxyPassword`; curl: `--proxy-user`; Node: in the proxy URL given to the agent (`http://user:password@proxy:3128`, percent-encoded). `handshake diagnose URL --proxy-user USER --proxy-password-env VAR` proves them.
    .window = Give the client the proxy's credentials — Java: `-Djdk.http.auth.tunneling.disabledSchemes=` with `-Dhttps.proxyUser` and `-Dhttps.proxyPassword`; curl: `--proxy-user`; Node: in the proxy URL given to the agent (`http://user:password@proxy:3128`, percent-encoded). A diagnosis with them in HTTPS_PROXY proves them.

log-proxy-tunnel-refused = The proxy refused to open the tunnel{ $has_status ->
        [yes] {" "}({ $status })
       *[no] {""}
    }
    .explanation = { $client ->
        [java] A Java client's
        [curl] curl's
        [node] A Node client's
        [python] Python's websockets'
        [squid] A client's
        [browser] The browser's
       *[other] The
    } tunnel request{ $has_authority ->
        [yes] {" "}to { $authority }
       *[no] {""}
    } was { $has_status ->
        [yes] answered { $status } by the proxy
       *[no] refused by the proxy (Chromium gives no status: “Establishing a tunnel via proxy server failed”)
    }: its rules do not let this destination through. Squid's default configuration opens tunnels to port 443 only (`http_access deny CONNECT !SSL_ports`).
    .fix = Serve the endpoint on port 443, or have the proxy's administrators allow its port; `handshake diagnose URL` shows the proxy's answer and its words.
    .window = Serve the endpoint on port 443, or have the proxy's administrators allow its port; a diagnosis of the URL shows the proxy's answer and its words.

log-proxy-unreachable = The browser cannot reach its proxy
    .explanation = The browser is set to use a proxy (the system's or its own settings, a PAC file) and could not connect to it: every request fails before reaching the server.
    .fix = Check the proxy in the browser's or the system's settings; `handshake diagnose URL` uses the proxy HTTPS_PROXY names, or `--proxy URL`, and says whether it answers.
    .window = Check the proxy in the browser's or the system's settings; a diagnosis of the URL goes through the proxy HTTPS_PROXY names and says whether it answers.

log-mixed-content = The browser blocked an insecure connection from an https page
    .explanation = The page was loaded over HTTPS but tried to reach an unencrypted endpoint (ws:// or http://): browsers block those from secure pages as mixed content, except to loopback (localhost, 127.0.0.1), which they allow.{ $said ->
        [firefox-exception] {" "}Firefox says only “The operation is insecure.” when `new WebSocket` is given a ws:// URL on an https page; Chromium names it (“An insecure WebSocket connection may not be initiated from a page loaded over HTTPS.”).
       *[other] {""}
    }
    .fix = Serve the endpoint over TLS and connect with wss:// ({ -scheme-from-page }).

log-cors-blocked = The browser blocked a request by CORS policy
    .explanation = The server's answer did not allow the page's origin: without a matching Access-Control-Allow-Origin the browser hides the response.
    .fix = Allow the page's origin on the server (Spring: `@CrossOrigin` or a `CorsConfigurationSource`); `handshake diagnose URL --origin PAGE` shows the preflight's answer.
    .window = Allow the page's origin on the server (Spring: `@CrossOrigin` or a `CorsConfigurationSource`); a diagnosis with "Page that opens it" filled in shows the preflight's answer.

log-ws-unexpected-status = The WebSocket upgrade was answered { $status }
    .explanation = The server answered the handshake with { $status } instead of 101 Switching Protocols: { $status ->
        [200] the request reached something that ignored the Upgrade (a proxy that does not forward it, or a page instead of the endpoint).
        [400] the server refused the upgrade itself, typically because a proxy dropped the Upgrade and Connection headers.
        [401] the endpoint requires credentials.
        [403] the server refused it, usually for its Origin (Spring allows the same origin only by default).
        [404] nothing is at that path.
        [502] a proxy could not reach the application behind it.
        [503] a proxy could not reach the application behind it.
        [504] a proxy could not reach the application behind it.
       *[other] the server did not switch protocols.
    }
    .fix = { -run-diagnose }: it repeats the handshake and names the cause.
    .window = { -window-run-diagnose }: it repeats the handshake and names the cause.

log-ws-connection-failed = The browser could not open the WebSocket
    .explanation = { $said ->
        [firefox] Firefox prints this one line for every failure — a refused port, a failed TLS handshake, an untrusted certificate, a refused upgrade (403, 404) — and names no cause; only the page's close event tells a TLS failure (code 1015) from the rest (1006).
        [net-error] Chromium ends the line with the network error { $net_error }: the connection failed before the WebSocket handshake (ERR_CONNECTION_REFUSED: nothing listens on that port — the server is down, restarting, or on another port; ERR_NAME_NOT_RESOLVED: the name does not resolve; ERR_CONNECTION_RESET or ERR_CONNECTION_CLOSED: the server or a proxy dropped it).
       *[other] The connection failed before a WebSocket was established; the console does not say why (a refused port, a TLS failure, or a closed connection).
    }
    .fix = { -run-diagnose } to name the cause.
    .window = { -window-run-diagnose } to name the cause.
