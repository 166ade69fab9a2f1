# The command line's own words: labels of its output and its usage errors.
# Paths, URLs, commands and property names are quoted as they are.

## Findings, as every command prints them

cli-severity = { $severity ->
        [error] ✗ error
        [warning] ! warning
       *[info] ✓ info
    }
cli-fix = Fix: { $fix }
cli-error = error: { $message }

## handshake diagnose

cli-diagnose-summary = { $errors ->
        [0] no errors
        [one] 1 error
       *[other] { $errors } errors
    } · { $total_ms } ms ({ $steps })
cli-step = { $step } { $ms }

## handshake scan

cli-scan-target = { $group ->
        [healthy] ✓ { $url } · { $ms } ms
        [unreachable] ✗ { $url } · unreachable: { $codes }
       *[failing] ✗ { $url } · { $codes }
    }
cli-scan-expiring = ! { $certificate } { $days ->
        [0] ends today
        [one] ends in 1 day
       *[other] ends in { $days } days
    }
cli-scan-timed-out = ✗ { $url } · no verdict within { $deadline_s } s
cli-scan-summary = Scanned { $scanned ->
        [one] 1 target
       *[other] { $scanned } targets
    } in { $seconds } s
cli-scan-healthy = healthy: { $count }
cli-scan-expiring-count = a certificate ending within 30 days: { $count } (within 7 days: { $week })
cli-scan-failing = failing: { $count }{ $count ->
        [0] {""}
       *[other] {" "}({ $codes })
    }
cli-scan-unreachable = unreachable: { $count }
cli-scan-skipped = lines skipped: { $count }
cli-scan-duplicates = duplicate lines: { $count }

## handshake serve

cli-serve-listening = Serving probes on http://{ $address }/probe?target=URL (Ctrl-C stops)

## handshake check

cli-check-idling = holding the connection idle… { $left } s left
cli-check-because = Because:
cli-check-waiting = waiting for the server to accept connections… { $left } s left

## handshake explain-log

cli-log-summary = { $name }: { $problems ->
        [0] no known problem
        [one] 1 problem
       *[other] { $problems } problems
    } in { $lines ->
        [one] 1 line
       *[other] { $lines } lines
    }
cli-log-stdin = standard input
cli-log-lines = { $count ->
        [one] line { $first }
       *[other] lines { $first }–{ $last } ({ $count } times)
    }
cli-log-diagnose = Check the endpoint: handshake diagnose { $url }

## handshake target

cli-target-transport = { $transport ->
        [wss] WebSocket over TLS
        [ws] WebSocket, not encrypted
        [https] HTTP over TLS
       *[http] HTTP, not encrypted
    }
cli-target-host-kind = { $kind ->
        [domain] DNS name
        [ipv4] IPv4 address
       *[ipv6] IPv6 address
    }
cli-target-default-port = default for { $scheme }
cli-target-scheme = scheme
cli-target-host = host
cli-target-port = port
cli-target-path = path

## Files written (keystore, csr, generate, trust --export)

cli-wrote = wrote { $path }{ $secret ->
        [yes] {" "}(readable by you alone)
       *[no] {""}
    }
cli-backup = the previous file is kept as { $path }
cli-warning = ! { $warning }
cli-trust-ca = clients must trust the development CA: { $path } (handshake trust finds the system, browser and Java stores)
cli-next = Next: read { $next_steps }, then prove it: { $check }
cli-no-ssl-env = ! ssl.env not written: set { $variable } to write it

## handshake keystore

cli-keystore-wrote = wrote { $path } (PKCS12, alias "{ $alias }", readable by you alone)
cli-keystore-certificate = certificate  { $subject } · covers { $names } · issued by { $issuer } · valid until { $not_after }
cli-keystore-chain = chain        { $count ->
        [one] 1 certificate
       *[other] { $count } certificates, leaf first
    }
cli-keystore-trust = trust        clients must trust the development CA: { $path }
cli-keystore-spring = Spring Boot (application.properties):

## handshake inspect

cli-inspect-entries = { $path }: { $count ->
        [one] 1 entry
       *[other] { $count } entries
    }
cli-inspect-entry = alias "{ $alias }" · { $kind } · chain of { $chain }{ $key ->
        [matches] {" "}· key matches its certificate
        [differs] {" "}· ✗ the key does NOT match its certificate
       *[none] {""}
    }
cli-inspect-certificate = { $subject } · issued by { $issuer } · covers { $names } · valid until { $not_after } ({ $days ->
        [one] 1 day left
       *[other] { $days } days left
    })
cli-inspect-expired = { $subject } · issued by { $issuer } · covers { $names } · expired { $not_after }
cli-inspect-refused = ✗ { $path }: { $reason }

## handshake csr

cli-csr-wrote = wrote { $key } (private key, readable by you alone) and { $csr } (CSR for { $hosts })
cli-csr-next = Send the CSR to your CA; then `handshake keystore --cert CERT.pem --key { $key }` makes the keystore.

## handshake trust

cli-trust-ca-file = development CA: { $path }
cli-trust-no-ca = There is no development CA in { $path } yet: nothing to check or remove (installing makes one).
cli-trust-state = { $trusted ->
        [yes] ✓ trusted in { $store }
       *[no] ✗ not trusted in { $store }
    }
cli-trust-plan = This will:
cli-trust-confirm = Apply? [y/N]{" "}
cli-trust-unchanged = Nothing changed. Re-run with --yes to apply.
cli-trust-done = done: { $store }
cli-browser-page-title = Handshake: browser check
cli-browser-page-checking = Handshake is checking { $url } in this browser…
cli-browser-page-done = Done: the result is in Handshake. You can close this tab.
cli-check-browser-opening = Opening { $url } in { $browser } (waiting up to { $seconds } s for its report)…
cli-trust-unreadable = ? cannot read { $store }: { $reason }
cli-trust-store-failed = failed: { $store }: { $reason } (nothing was left half-changed there)
cli-trust-none-found = No trust store found: Chromium's ~/.pki/nssdb and Firefox profiles appear once the browser has run, the JDK from JAVA_HOME or the java on PATH. Name one with --nss DIR, --java-cacerts FILE or --system.

## Usage errors of the command line

cli-error-env-unset = the environment variable { $variable } is not set (or not UTF-8); put the { $what ->
        [password] keystore password
        [passcode] STOMP passcode
       *[value] value
    } in it
cli-error-password-short = the keystore password must have at least 6 characters (keytool and Java refuse shorter ones)
cli-error-profile-password-env = the profile reads the keystore password from ${ $variable }: so that a shared profile cannot copy another secret into ssl.env, a profile reads it only from $SSL_KEYSTORE_PASSWORD. Set that variable, or run `handshake generate spring … --password-env { $variable }` yourself.
cli-error-header-env = --header-env takes NAME=VAR, e.g. X-Api-Key=API_KEY, not “{ $given }”
cli-error-seconds = { $flag } must be a positive number of seconds
cli-error-key-type = unknown key type “{ $given }”: use ecdsa-p256, rsa-2048, rsa-3072 or rsa-4096
cli-error-no-hosts = name the hosts the certificate is for (--host localhost --host 127.0.0.1), or import one with --cert and --key
cli-error-flag = { $flag }: { $reason }
cli-error-generate-what = name what to generate (nginx, apache, spring, client) or --profile FILE
cli-error-profile-and-subcommand = --profile reproduces a profile; leave out the subcommand
cli-error-no-out = name the folder to write into: --out DIR
cli-error-java-home = JAVA_HOME is not set: point it at a JDK (e.g. /usr/lib/jvm/java-17-openjdk-amd64), or name the truststore with --java-cacerts
cli-error-java-cacerts = { $home } has no lib/security/cacerts: is JAVA_HOME a JDK? Or name the truststore with --java-cacerts
cli-error-ca-unreadable = the development CA certificate cannot be read
cli-error-no-url = name the endpoint to diagnose, e.g. handshake diagnose wss://localhost:8443/ws (or --replay report.json)
cli-error-empty-list = the list names no target: one URL per line, e.g. wss://api.example.com/ws (lines starting with # are comments)
cli-error-listen = cannot listen on { $address }: { $detail }
cli-error-output = cannot write the output: { $detail }
