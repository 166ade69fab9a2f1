# Errors: one message per error kind of the core and the command line, filled
# with the error's facts. Each says what is wrong and what to do instead;
# what the system or a library said is quoted as it is.

## Languages

error-language-unknown = “{ $given }” ({ $from }) is not a language Handshake speaks: use one of { $languages }.

## Target URLs

error-target-empty = Enter a URL to check, for example wss://api.example.com/socket.
error-target-whitespace = The URL contains a space (character { $position }). URLs cannot contain spaces: remove it, or write it as %20 in the path.
error-target-missing-scheme = The URL has no scheme. Start it with wss://, ws://, https:// or http://, for example { $suggestion }.
error-target-malformed-separator = The scheme must be followed by "://". Did you mean { $suggestion }?
error-target-unsupported-scheme = Handshake checks WebSocket and HTTP endpoints, not "{ $scheme }://". Use wss:// or ws:// for a WebSocket, https:// or http:// for an API.
error-target-missing-host = The URL has no host name. Write one after { $scheme }://, for example { $scheme }://localhost:8443/ws.
error-target-invalid-port = Port "{ $port }" is not valid: a port is a number from 1 to 65535.
error-target-credentials = The URL contains a user name or password ("…@"). Handshake does not send credentials in URLs, where they end up in logs and history: remove the part before "@".
error-check-bad-header = { $what ->
        [stomp] The STOMP login or passcode cannot be sent in a STOMP header
       *[other] The { $what ->
            [origin] origin
            [subprotocol] subprotocol
            [url] URL
           *[header] header value
        } cannot be sent in an HTTP header
    } (it holds a newline or another control character): fix it and run again.
error-check-too-long = { $what ->
        [ping] A ping every { $seconds } s
       *[idle] An idle hold of { $seconds } s
    } is longer than Handshake holds a connection ({ $max } s): choose { $max } s or less.
error-proxy-unparsable = The proxy { $proxy } (from { $from }) is not a URL Handshake can use: write it as http://host:port, with user:password@ before the host when the proxy wants credentials.
error-proxy-scheme = The proxy from { $from } is a { $scheme }:// proxy; Handshake speaks to HTTP proxies (CONNECT) only. Give an http:// proxy with --proxy, or --no-proxy to connect directly.
error-target-not-websocket = handshake check proves a WebSocket connection, so it needs a ws:// or wss:// URL: { $suggestion }. For an http(s) endpoint, use handshake diagnose.
error-target-invalid-host = "{ $host }" is not a valid host name or IP address ({ $problem ->
        [character] it contains a character no host name may have
        [idna] the international name does not convert to ASCII
        [ipv4] it is not a valid IPv4 address
        [ipv6] it is not a valid IPv6 address
        [zone-id] a zone id such as %eth0 cannot be part of a URL, for browsers and WebSocket clients alike: use the host's global or unique-local address, or its name
       *[other] the URL parser refuses it
    }).

## Files given on the command line

error-ca-file-no-certificate = { $path } contains no PEM certificate (a block starting with -----BEGIN CERTIFICATE-----). Pass the CA's certificate, not its key; convert DER with `openssl x509 -inform der -in FILE -out ca.pem`.
error-file-unreadable = Cannot read { $path }: { $detail }. Check the path and its permissions.
error-file-too-large = { $path } is larger than { $limit } { $unit ->
        [mib] MiB
       *[kib] KiB
    }: that is not a { $what ->
        [report] Handshake report
        [list] list of endpoints (one URL per line)
        [ca] CA certificate file
        [certificate] certificate, key or keystore file
        [profile] handshake.toml profile
        [password] password file
       *[other] file Handshake expects here
    }.
error-file-not-regular = { $path } is not a regular file (a directory, a device, a pipe or a socket): give the path of the file itself.

## Replaying a saved report

error-replay-too-large = The report is larger than { $limit_mib } MiB: no report of `handshake diagnose --json` is that big.
error-replay-not-json = The report is not JSON (line { $line }, column { $column }). Pass the output of `handshake diagnose --json`.
error-replay-not-a-report = The JSON is not a report of `handshake diagnose --json`: { $detail }.
error-replay-newer = The report was written by Handshake { $version }, newer than this one ({ $ours }), and holds evidence this version cannot read. Open it with Handshake { $version } or later.

## Certificates and keys

error-pki-no-host = Name at least one host the certificate is for, e.g. --host localhost --host 127.0.0.1.
error-pki-io = Cannot use { $path }: { $detail }.
error-pki-no-certificate = { $file ->
        [named] { $path }
       *[certificate] The certificate file
    } contains no PEM certificate (a block starting with -----BEGIN CERTIFICATE-----).
error-pki-invalid-certificate = The certificate file has a CERTIFICATE block that is not a valid X.509 certificate.
error-pki-no-key = The key file contains no private key Handshake can read (PKCS#8 "PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY" or SEC1 "EC PRIVATE KEY").
error-pki-encrypted-key = The private key is encrypted: give its passphrase (CLI: --key-password-file FILE, a file only you can read).
error-pki-wrong-passphrase = The passphrase does not decrypt the private key (or its encryption is not PBES2 with PBKDF2/scrypt and AES; convert it with `openssl pkcs8 -topk8 -v2 aes-256-cbc`).
error-pki-key-mismatch = The private key does not belong to the certificate for { $subject }: their public keys differ. Check that the key and certificate files are a pair (Let's Encrypt: privkey.pem with fullchain.pem from the same live/ folder).
error-pki-generation = The certificate could not be made: { $detail }
error-pki-key-required = { $path } holds a certificate without its key: give the key with --client-key, or a PKCS12 file (.p12) that holds both.
error-pki-password-required = { $path } is a PKCS12 keystore: give its password in an environment variable with --password-env VAR.
error-pki-no-key-in-keystore = { $path } holds certificates only, no private key: a client certificate needs its key (export it from the keystore with its key, e.g. `keytool -importkeystore`).
error-pki-key-derivation-too-costly = The private key's encryption asks for { $work } rounds of key derivation, more than the { $limit } Handshake runs: no tool writes that many. Re-encrypt it: `openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-new.pem`.
error-pki-keystore-password = The password does not open the keystore { $path }: check the variable given to --password-env.
error-pki-not-pem-or-pkcs12 = { $path } is neither PEM nor a PKCS12 keystore ({ $detail }). Convert a JKS file with `keytool -importkeystore -srcstoretype JKS -deststoretype PKCS12`, a DER certificate with `openssl x509 -inform der -in FILE -out cert.pem`.

warning-self-signed = A self-signed certificate is trusted by no client until it is installed in each one; a development CA (--ca-dir) is trusted once for all.
warning-chain-incomplete = The file holds only the certificate for { $subject }, not the intermediate that issued it ({ $issuer }): Java, curl and mobile clients will reject the chain. Use the full chain (Let's Encrypt: fullchain.pem).
warning-expires-soon = { $expired ->
        [yes] The certificate has expired ({ $not_after }): renew it.
       *[no] The certificate expires in { $days ->
            [0] less than a day
            [one] one day
           *[other] { $days } days
        } ({ $not_after }): renew it soon.
    }

## Keystores

error-keystore-no-certificate = A keystore needs at least the server's certificate; none was given.
error-keystore-encoding = The certificate or key could not be stored in a PKCS12 keystore: { $detail }
error-keystore-not-pkcs12 = This is not a PKCS12 keystore ({ $detail }). A JKS file needs `keytool -importkeystore -srcstoretype JKS -deststoretype PKCS12` first.
error-keystore-wrong-password = The password does not open this keystore: Spring Boot stops with "keystore password was incorrect". Check server.ssl.key-store-password, and that the variable it names is set where the application starts (an unset {"${VAR}"} reaches Java as the text itself).
error-keystore-too-costly = The keystore asks for { $iterations } key-derivation iterations, more than the { $limit } Handshake runs: no tool writes that many. Export it again with `keytool -importkeystore` or `openssl pkcs12 -export`.
error-keystore-alias-missing = The keystore has no alias "{ $alias }" (it has: { $available }). Spring Boot's embedded Tomcat stops with "Alias name [{ $alias }] does not identify a key entry"; set server.ssl.key-alias to one of these.
error-keystore-alias-not-key = The alias "{ $alias }" holds only a certificate, no private key: Spring Boot's embedded Tomcat stops with "Alias name [{ $alias }] does not identify a key entry". Use the PrivateKeyEntry's alias for server.ssl.key-alias.

## Generating and exporting

error-plan-form-too-new = The { $form } form needs Spring Boot { $since } or later, and the application uses { $boot }; choose one of: { $offered }.
error-plan-not-a-location = "{ $location }" is not a Spring resource location: start it with file: or classpath:, e.g. file:/etc/chat/server.p12.
error-render-no-password = A keystore needs a password: set one (CLI: --password-env).
error-render-password-not-portable = The password in { $variable } has characters that a shell (`set -a; . ./ssl.env`), systemd's EnvironmentFile= and `docker --env-file` each read differently (spaces, quotes, $, `, \, …): choose one of letters, digits and _ - . , / : @ % + = (e.g. `openssl rand -base64 18 | tr +/ -_`).
error-render-invalid-value = { $field } is “{ $value }”, which is not { $kind ->
        [host] a host name (letters, digits, hyphens and dots; a leading *. allowed), an IPv4 or an IPv6 address
        [path] a file path (letters, digits and / . _ - + ~ @ : = , %; no spaces, quotes or ;)
        [listen] a port or address:port
        [upstream] the application's address: http:// or https://, a host and a port, no path
        [url-path] a URL path starting with / (letters, digits and / . _ - ~ %)
        [alias] a keystore alias (letters, digits and . _ -)
       *[variable] an environment variable name (letters, digits and _)
    }. Handshake does not write it into a configuration file, where it could add a directive or a line.
error-export-exists = { $path } already exists; nothing was written. Choose another name, or replace it (CLI: --force), which keeps the old file as { $path }.bak.
error-export-io = Cannot write { $path }: { $detail }. Check that the folder exists and is writable; nothing was changed.
error-profile-invalid = { $file } is not a Handshake profile: { $detail }. Fix the line it names, or generate a new one.
error-profile-target = { $file } is not a Handshake profile: its target is not usable. { $reason }

## Trust stores

error-trust-missing = { $program } is not installed: { $program ->
        [certutil] apt-get install libnss3-tools (Fedora: dnf install nss-tools)
        [keytool] install a JDK, or set JAVA_HOME to one
        [update-ca-certificates] apt-get install ca-certificates
        [update-ca-trust] dnf install ca-certificates (this is Fedora's tool; on Debian or Ubuntu use the Debian store)
       *[other] install it with the system's package manager
    }.
error-trust-failed = `{ $command }` failed: { $output }
error-trust-needs-admin = this store belongs to the administrator: run `sudo handshake trust --java` (or `--java-cacerts FILE`) in a terminal, or pick a truststore of your own
error-browser-listen = Cannot serve the browser check's page on 127.0.0.1: { $detail }
error-browser-open = Cannot start the browser “{ $browser }”: { $detail }. Name one that is installed: --browser chromium, --browser firefox, or a program's path.
error-trust-system = the Windows certificate store failed: { $detail }
error-trust-io = Cannot change { $path }: { $detail }. Run as a user who may (the system store needs root).

## The desktop app, before it has a window

app-error-start = Handshake could not start its window: { $detail }

## A scan's list

error-scan-line = Line { $line }: { $reason } The line is skipped.
error-scan-unknown-option = “{ $option }” is not an option a list takes: a line is a URL, then --origin PAGE_ORIGIN or --ca PEM.
error-scan-missing-value = { $option } needs a value after it.
error-scan-line-too-long = The line is longer than { $max } bytes.
error-scan-line-not-text = The line is not UTF-8 text.

## handshake serve

error-probe-no-target = Name the endpoint to probe: /probe?target=wss://api.example.com/ws
error-probe-not-allowed = { $host } is not among the hosts this exporter probes (--allow).

## A fix request the choices cannot make (`handshake generate`).
error-client-target = name the socket's URL: --target wss://host/path
error-proxy-certificate = name the certificate: --cert and --key (files already on the server), or make one with --dev-ca or --self-signed
error-proxy-host = name the host clients use: --host NAME
error-pem-forms = the PEM forms need the certificate: --cert and --key (the key is written as PKCS#8), or --dev-ca / --self-signed
error-no-keystore = name the keystore: --key-store file:/path/server.p12, or make one with --dev-ca, --self-signed or --cert/--key
