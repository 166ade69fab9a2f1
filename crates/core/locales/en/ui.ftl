# The window's own words (buttons, headings, labels). Findings, errors and
# NEXT-STEPS come from the other files of this folder, shared with the CLI.

app-tagline = TLS & WebSocket setup
app-steps = Setup steps
app-language = Language

step-target = Target
step-target-caption = The URL that fails
step-diagnose = Diagnose
step-diagnose-caption = Name the root cause
step-fix = Choose a fix
step-fix-caption = Spring, a proxy in front, or the client
step-generate = Generate
step-generate-caption = Keystore and configs
step-export = Export
step-export-caption = Write the files safely
step-trust = Trust
step-trust-caption = The CA in your browsers
step-verify = Verify
step-verify-caption = A real wss:// handshake
step-of = Step { $n } of { $total }

back = Back

next = Next

target-title = Which endpoint fails?
target-lede = Paste the URL your client connects to. Handshake checks it as you type and then diagnoses what the server really speaks on that port.
target-url = Target URL
target-origin = Page that opens it
target-origin-hint = (optional: checks mixed content, Origin and CORS)
target-try = Try
target-recent = Recent
target-encrypted = Encrypted
target-plain = Not encrypted
target-scheme = Scheme
target-host = Host
target-port = Port
target-path = Path
target-default = default for { $scheme }
target-cli = On the command line:
target-diagnose = Diagnose
target-log = I have an error message
target-scan = I have a list of endpoints
target-report = Open a report…
target-keystore = I have a keystore
target-tls = over TLS
target-notls = not encrypted

host-domain = DNS name
host-ipv4 = IPv4 address
host-ipv6 = IPv6 address

diagnose-running = Diagnosing…
diagnose-failed = The diagnosis could not run
diagnose-stopped = Diagnosis stopped
diagnose-none = No problems found
diagnose-one = 1 problem found
diagnose-many = { $n } problems found
diagnose-from = from a page at
diagnose-cancel = Stop
diagnose-again = Diagnose again
diagnose-change = Change the target
diagnose-copy = Copy report
diagnose-copied = Copied as Markdown
diagnose-seen = What Handshake saw
diagnose-choose = Choose a fix
diagnose-replayed = Read from { $file }, saved by `handshake diagnose --json`: the findings are derived again from its evidence, in this language, without connecting. Diagnose again to see the endpoint as it is now.

stage-dns = Resolve the name
stage-tcp = Connect
stage-tls = TLS handshake and certificate
stage-http = Request and upgrade

evidence-route = Way
evidence-addresses = Addresses
evidence-certificate = Certificate
evidence-bytes = Bytes received
evidence-response = Response
evidence-timings = Timings

severity-error = Error
severity-warning = Warning
severity-info = OK

finding-fix = How to fix
finding-cli = On the command line:

fix-title = How should TLS reach your WebSocket server?
fix-lede = The recommended path is preselected from the diagnosis. Every path ends with files you can review before anything is written.
fix-recommended = Recommended
fix-because = Because of { $code }
fix-spring = Spring Boot terminates TLS
fix-spring-when = Pick this when the application is reached directly (no proxy): a PKCS12 keystore and server.ssl.* properties.
fix-nginx = Nginx in front
fix-nginx-when = Pick this when the app should stay on plain HTTP behind a proxy on 443 that forwards the WebSocket upgrade.
fix-apache = Apache httpd in front
fix-apache-when = The same as Nginx, for servers that already run Apache 2.4.47 or later.
fix-haproxy = HAProxy in front
fix-haproxy-when = For servers that already run HAProxy: TLS on its frontend, and the tunnel timeout that keeps quiet WebSockets open.
fix-caddy = Caddy in front
fix-caddy-when = The shortest configuration: Caddy forwards WebSockets by itself, and can get its own certificate later.
fix-client = Only the client changes
fix-client-when = Pick this when the server is fine and the page uses the wrong scheme or gives up after a restart.

generate-title = Review what will be generated
generate-lede = Defaults come from the target. Every change updates the preview of the files.
generate-hosts = Host names
generate-hosts-hint = separated by spaces
generate-upstream = Application (plain HTTP)
generate-wspath = WebSocket path
generate-listen = TLS listen
generate-redirect = Redirect from (plain)
generate-hsts = Send HSTS (browsers then use https for this host for two years; off by default for localhost, where it would cover every port)
generate-port = server.port
generate-boot = Spring Boot version
generate-form = Properties form
generate-alias = Key alias
generate-certificate = Certificate

cert-choice-dev-ca = New, signed by the Handshake development CA
cert-choice-self-signed = New, self-signed
cert-choice-import = My PEM files (imported)
cert-choice-existing = Files already on the server
cert-choice-in-place = The application's keystore, as it is
generate-keystore = Keystore (server.ssl.key-store)
csr-summary = A certificate from a public CA? Make its key and CSR first
csr-lede = A new private key and a certificate signing request (CSR) naming these hosts, for a CA such as DigiCert, Sectigo or your company's. The key stays here, readable by you alone; only the CSR goes to the CA.
csr-folder = Folder
csr-make = Make the key and CSR
csr-written = Wrote `{ $key }` (private key, readable by you alone) and `{ $csr }`. Send the CSR to your CA; when it sends the certificate back, choose "My PEM files (imported)" above with that certificate and this key.

generate-certfile = Certificate chain (PEM)
generate-keyfile = Private key (PEM)
generate-keytype = Key type
generate-language = NEXT-STEPS.md language
generate-files = Files
generate-secret = private, mode 0600 — not shown
generate-binary = binary ({ $size } bytes)
generate-export = Export the files

export-title = Where should the files go?
export-lede = Everything is written at once or not at all. An existing file is only replaced when you confirm, and then kept as .bak.
export-folder = Folder
export-choose = Choose…
export-conflicts = These files exist and would be replaced:
export-replace = Replace them (the old ones are kept as .bak)
export-write = Export
export-done = Exported { $n } files
export-private = private · 0600
export-backup = previous kept as
export-open = Open folder
export-next = Next steps
export-verify = Verify the fix
export-to-trust = Next: trust the CA
export-cancelled = No folder chosen; nothing was written.
export-trust = Clients must trust the development CA:

trust-title = Trust the development CA
trust-lede = Browsers, Java and the system accept a certificate only when they trust the CA that issued it. These are the trust stores Handshake found on this machine: tick where the CA should be trusted, read exactly what will change, then apply. Remove takes it out again.
trust-ca = Development CA:
trust-found = Trust stores on this machine
trust-none = No trust store was found. Chromium's database and Firefox profiles appear once the browser has run.
trust-yes = trusted
trust-no = not trusted
trust-unreadable = cannot be read
trust-admin = asks for administrator rights
trust-add = Trust the CA here
trust-remove = Remove the CA from here
trust-plan = This will change:
trust-plan-nothing = Nothing to change in the ticked stores.
trust-apply = Apply these changes
trust-applying = Applying…
trust-done = Done: { $store }
trust-failed = Failed: { $store }. { $reason }
trust-refused = Cannot change { $store }: { $reason }
trust-to-verify = Verify the fix

verify-title = Prove it with a real handshake
verify-lede = Restart the server with the new files, then verify. Handshake opens a real WebSocket, sends a message and waits for the answer.
verify-url = URL
verify-ca = Trust this CA (PEM)
verify-protocol = Protocol
verify-protocol-name = { $protocol ->
        [auto] Automatic (from the URL and subprotocol)
        [echo] Echo (any answer)
        [stomp] STOMP
        [sockjs] SockJS (STOMP inside)
        [socketio] Socket.IO
       *[other] graphql-ws
    }
verify-idle = Hold idle (seconds)
verify-ping = Ping every (seconds)
verify-idling = Holding the connection idle… { $n } s left
verify-wait = Wait for the server to restart (seconds)
verify-run = Verify
verify-browser = Try it in my browser
verify-browser-waiting = Waiting for your browser: it opens a page that connects to the URL and reports back (up to 30 s)…
verify-waiting = Waiting for your server… { $n } s
verify-retry = Try again

log-title = Explain an error message
log-lede = Paste a server log, a browser console or a stack trace. Nothing leaves this machine.
log-text = Log text
log-explain = Explain
log-none = Handshake recognised nothing in this text. Diagnose the URL instead: it looks at the server itself.
log-lines = { $count ->
        [1] line { $first }
       *[other] lines { $first }–{ $last } · { $count }×
    }

scan-title = Scan a list of endpoints
scan-lede = One URL per line — wss://, https:// — optionally followed by --origin PAGE_ORIGIN or --ca PEM; a line starting with # is a comment. They are diagnosed at once, 32 at a time and 5 per host.
scan-text = Endpoints
scan-open = Open a file…
scan-run = Scan
scan-running = Scanning…
scan-summary = { $scanned ->
        [one] 1 endpoint
       *[other] { $scanned } endpoints
    } in { $seconds } s
scan-group-healthy = Healthy
scan-group-expiring = A certificate ends within 30 days
scan-group-failing = Failing
scan-group-unreachable = Unreachable
scan-ends-in = { $certificate } ends in { $days ->
        [one] 1 day
       *[other] { $days } days
    }
scan-timed-out = no verdict in time
scan-skipped = Lines skipped
report-title = Open a saved report
report-lede = A report saved with `handshake diagnose --json` — yours or a colleague's. Its findings are derived again from the evidence it holds and shown in your language; nothing connects to the endpoint.
report-file = Report file (JSON)
report-open = Open
file-choose = Choose…
keystore-title = Will Spring Boot start with this keystore?
keystore-lede = A PKCS12 keystore (`.p12`) — yours, or one someone handed over. Handshake lists its aliases, key entries and certificates, checks that each key matches its certificate, and says the error Spring Boot would stop with for the password and alias you give.
keystore-file = Keystore file
keystore-password = Password
keystore-password-hint = `server.ssl.key-store-password`: used for this check only, never saved.
keystore-alias = Alias (optional)
keystore-alias-hint = `server.ssl.key-alias`, if you set one: Spring Boot needs it to name a key entry.
keystore-inspect = Inspect
keystore-entries = { $count ->
        [one] 1 entry
       *[other] { $count } entries
    }
keystore-starts = Spring Boot starts with this keystore and the alias "{ $alias }".
keystore-key-matches = The key matches its certificate
keystore-key-differs = The key does NOT match its certificate: Spring Boot starts, but every TLS handshake fails.
keystore-use-title = Use this keystore
keystore-use-lede = Generate the Spring Boot properties for it as it is — alias "{ $alias }", the password you typed going to `ssl.env` alone — for the application at this URL.
keystore-use-url = The application's URL
keystore-use = Use this keystore
certificates-title = Certificates
certificates-ca = CA to trust
certificates-ca-hint = A CA certificate (PEM) to trust besides the system's, e.g. a development CA.
certificates-summary = Certificates: a CA to trust, a client certificate (mutual TLS), the certificate the server should serve
certificates-client = Client certificate
certificates-client-hint = For a server that asks for one (mutual TLS): a PEM certificate with its key below, or a PKCS12 file (`.p12`) that holds both.
certificates-key = Its private key (PEM)
certificates-password = Password
certificates-password-hint = Of the PKCS12 file, or of an encrypted key: used for this diagnosis only, never saved.
certificates-expected = Expected certificate
certificates-expected-hint = The certificate the server should serve, e.g. the renewed one on disk: Handshake says so when the server still serves another.
certificates-retry = Diagnose again with this certificate

target-ipc-failed = Handshake could not check the URL: { $detail }
evidence-chain = Chain { $n }
evidence-total = total
evidence-wait = waiting for the server
app-error-cancelled = Stopped. Nothing was sent after the step that was running.
app-error-nothing-exported = Nothing was exported yet.
app-error-folder-not-absolute = Choose a folder (an absolute path) to export into.
app-error-open-folder = Cannot open the folder: { $detail }
app-error-no-dev-ca = There is no development CA yet: an export that uses it makes it.
app-error-no-trust-plan = Show the changes first: only what was shown is applied.
