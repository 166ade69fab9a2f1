# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_handshake_global_optspecs
    string join \n lang= h/help V/version
end

function __fish_handshake_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_handshake_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_handshake_using_subcommand
    set -l cmd (__fish_handshake_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c handshake -n "__fish_handshake_needs_command" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_needs_command" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_needs_command" -s V -l version -d 'Print version'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "check" -d 'Open a real WebSocket, send a message, wait for the answer, close cleanly'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "completions" -d 'Print the completion script for a shell (bash, zsh, fish, elvish, powershell)'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "csr" -d 'Make a private key and a CSR with the host names, for a public CA'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "diagnose" -d 'Diagnose an endpoint: what fails, why, and what to do'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "explain-log" -d 'Explain the errors in a server or browser log'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "generate" -d 'Generate the configuration that fixes the connection'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "inspect" -d 'Inspect a PKCS12 keystore: aliases, key entries, certificates, and the error Spring Boot would show when server.ssl.* does not fit it'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "keystore" -d 'Make a PKCS12 keystore: from a development CA, self-signed, or from your PEM certificate and key'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "man" -d 'Write the man pages: handshake.1 and one per subcommand'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "scan" -d 'Diagnose a list of endpoints at once: what fails, what expires'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "serve" -d 'Serve probes for Prometheus, as blackbox_exporter does'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "target" -d 'Show how a target URL is understood: scheme, host, port, path, TLS'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "trust" -d 'Trust (or stop trusting) the development CA in the stores found on this machine — the system store, Chromium\'s and every Firefox profile\'s NSS database, the JDK\'s truststore — or in the stores named'
complete -c handshake -n "__fish_handshake_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c handshake -n "__fish_handshake_using_subcommand check" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l origin -d 'The origin of the page that opens the connection, e.g. https://app.example.com (sent as Origin; enables the mixed-content, Origin and CORS checks)' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l ca -d 'Also trust the CA certificates in this PEM file (e.g. a development CA)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand check" -l wait -d 'Keep retrying a refused port for this many seconds (a server restarting)' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l timeout -d 'How long each step may take, in seconds' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l proxy -d 'Go through this HTTP proxy (CONNECT), whatever HTTPS_PROXY and the other variables say; user:password@ in it for a proxy that asks' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l proxy-user -d 'The user name for the proxy (Basic), with --proxy-password-env' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l proxy-password-env -d 'The environment variable holding the proxy\'s password (never given on the command line, never printed)' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l client-cert -d 'Present this client certificate when the server asks for one (mutual TLS): a PEM chain with --client-key, or a PKCS12 file with --password-env' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand check" -l client-key -d 'The private key of a PEM --client-cert (PKCS#8, PKCS#1 or SEC1)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand check" -l key-password-file -d 'A file holding the passphrase of an encrypted --client-key' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand check" -l expect-cert -d 'The certificate the server should serve (PEM, or PKCS12 with --password-env; e.g. the renewed one on disk): says so when it serves another (renewed, not reloaded)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand check" -l password-env -d 'The environment variable holding the password of a PKCS12 --client-cert or --expect-cert' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l protocol -d 'The application protocol to prove the connection in: auto picks from the URL and the negotiated subprotocol; echo sends --send and waits for any answer' -r -f -a "auto\t''
echo\t''
stomp\t''
sockjs\t''
socketio\t''
graphql-ws\t''"
complete -c handshake -n "__fish_handshake_using_subcommand check" -l send -d 'The text message to send (echo)' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l count -d 'How many round trips (min/median/max latency are reported)' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l idle -d 'After the exchange, hold the connection idle this many seconds (at most 3600): a proxy\'s idle timeout shows as proxy-idle-timeout' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l ping -d 'While idle, send a WebSocket ping every SECS seconds (a heartbeat)' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l stomp-login -d 'The STOMP CONNECT frame\'s login (stomp, sockjs)' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l stomp-passcode-env -d 'Read the STOMP passcode from this environment variable (never from the command line, never printed)' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l stomp-host -d 'The STOMP CONNECT frame\'s host header: the broker\'s virtual host (RabbitMQ: "/" unless yours has others). Without it none is sent' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l subprotocol -d 'Offer this subprotocol (Sec-WebSocket-Protocol); repeatable' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l bearer-env -d 'Send `Authorization: Bearer <token>` with the token read from this environment variable (never from the command line, never printed)' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l header-env -d 'Send header NAME with the value of environment variable VAR; repeatable' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l browser -d 'Then open the URL from a page in a browser and say what it saw: the desktop\'s default, chromium, firefox, or a program\'s path' -r
complete -c handshake -n "__fish_handshake_using_subcommand check" -l no-proxy -d 'Connect directly, even when HTTPS_PROXY or ALL_PROXY names a proxy'
complete -c handshake -n "__fish_handshake_using_subcommand check" -l json -d 'Print the result as JSON'
complete -c handshake -n "__fish_handshake_using_subcommand check" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand completions" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand completions" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand csr" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand csr" -l host -d 'A host name or IP address; repeatable' -r
complete -c handshake -n "__fish_handshake_using_subcommand csr" -l key-type -d 'Key type: ecdsa-p256, rsa-2048, rsa-3072, rsa-4096' -r
complete -c handshake -n "__fish_handshake_using_subcommand csr" -l key-out -d 'Where to write the private key (readable by you alone: mode 0600, or on Windows an access list)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand csr" -l csr-out -d 'Where to write the CSR' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand csr" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l origin -d 'The origin of the page that opens the connection, e.g. https://app.example.com (sent as Origin; enables the mixed-content, Origin and CORS checks)' -r
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l ca -d 'Also trust the CA certificates in this PEM file (e.g. a development CA)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l wait -d 'Keep retrying a refused port for this many seconds (a server restarting)' -r
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l timeout -d 'How long each step may take, in seconds' -r
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l proxy -d 'Go through this HTTP proxy (CONNECT), whatever HTTPS_PROXY and the other variables say; user:password@ in it for a proxy that asks' -r
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l proxy-user -d 'The user name for the proxy (Basic), with --proxy-password-env' -r
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l proxy-password-env -d 'The environment variable holding the proxy\'s password (never given on the command line, never printed)' -r
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l client-cert -d 'Present this client certificate when the server asks for one (mutual TLS): a PEM chain with --client-key, or a PKCS12 file with --password-env' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l client-key -d 'The private key of a PEM --client-cert (PKCS#8, PKCS#1 or SEC1)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l key-password-file -d 'A file holding the passphrase of an encrypted --client-key' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l expect-cert -d 'The certificate the server should serve (PEM, or PKCS12 with --password-env; e.g. the renewed one on disk): says so when it serves another (renewed, not reloaded)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l password-env -d 'The environment variable holding the password of a PKCS12 --client-cert or --expect-cert' -r
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l replay -d 'Re-derive the findings from a saved `--json` report, with no network' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l no-proxy -d 'Connect directly, even when HTTPS_PROXY or ALL_PROXY names a proxy'
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -l json -d 'Print the report as JSON'
complete -c handshake -n "__fish_handshake_using_subcommand diagnose" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand explain-log" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand explain-log" -l json -d 'Print the result as JSON'
complete -c handshake -n "__fish_handshake_using_subcommand explain-log" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -l profile -d 'Reproduce the files recorded in a profile (into its folder unless --out)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -l out -d 'The folder to write into' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -l target -d 'The wss:// URL the fix is for (default: built from the host, port and path)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -l origin -d 'The origin of the page that opens the socket, e.g. https://app.example.com' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -l force -d 'Replace existing files (the old ones are kept as .bak)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -f -a "nginx" -d 'Nginx terminates TLS in front of the application (which stays on plain HTTP)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -f -a "apache" -d 'Apache httpd terminates TLS in front of the application'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -f -a "haproxy" -d 'HAProxy terminates TLS in front of the application (sections to append to haproxy.cfg)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -f -a "caddy" -d 'Caddy terminates TLS in front of the application (a Caddyfile)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -f -a "spring" -d 'Spring Boot terminates TLS itself: server.ssl.* (or an SSL bundle) as properties and YAML'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -f -a "client" -d 'Only the client changes: socket.ts and socket.js for the browser, socket-node.mjs for Node (needs --target)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and not __fish_seen_subcommand_from nginx apache haproxy caddy spring client help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l host -d 'The host name clients use (server_name); repeatable' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l cert -d 'The certificate chain already on the server (referenced where it is, so renewals apply)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l key -d 'The private key already on the server' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l ca-dir -d 'The development CA\'s folder (default: ~/.local/share/handshake; Windows: %LOCALAPPDATA%\\handshake)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l key-type -d 'ecdsa-p256, rsa-2048, rsa-3072 or rsa-4096' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l days -d 'Days of validity' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l location -d 'Where the certificate files will be on the server (default: the --out folder)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l upstream -d 'Where the application listens, e.g. http://127.0.0.1:8080' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l ws-path -d 'The WebSocket path' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l listen -d 'The TLS listen address' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l redirect-from -d 'The plain listen address redirecting to TLS ("none" for no redirect)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l out -d 'The folder to write into' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l target -d 'The wss:// URL the fix is for (default: built from the host, port and path)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l origin -d 'The origin of the page that opens the socket, e.g. https://app.example.com' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l dev-ca -d 'Make a certificate for the --host names, signed by the development CA'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l self-signed -d 'Make a self-signed certificate for the --host names'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l hsts -d 'Send Strict-Transport-Security (two years), even for localhost, an address or a single-label name, where it is off by default'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l no-hsts -d 'Leave out Strict-Transport-Security (sent by default for a public name)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -l force -d 'Replace existing files (the old ones are kept as .bak)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from nginx" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l host -d 'The host name clients use (server_name); repeatable' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l cert -d 'The certificate chain already on the server (referenced where it is, so renewals apply)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l key -d 'The private key already on the server' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l ca-dir -d 'The development CA\'s folder (default: ~/.local/share/handshake; Windows: %LOCALAPPDATA%\\handshake)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l key-type -d 'ecdsa-p256, rsa-2048, rsa-3072 or rsa-4096' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l days -d 'Days of validity' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l location -d 'Where the certificate files will be on the server (default: the --out folder)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l upstream -d 'Where the application listens, e.g. http://127.0.0.1:8080' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l ws-path -d 'The WebSocket path' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l listen -d 'The TLS listen address' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l redirect-from -d 'The plain listen address redirecting to TLS ("none" for no redirect)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l out -d 'The folder to write into' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l target -d 'The wss:// URL the fix is for (default: built from the host, port and path)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l origin -d 'The origin of the page that opens the socket, e.g. https://app.example.com' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l dev-ca -d 'Make a certificate for the --host names, signed by the development CA'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l self-signed -d 'Make a self-signed certificate for the --host names'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l hsts -d 'Send Strict-Transport-Security (two years), even for localhost, an address or a single-label name, where it is off by default'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l no-hsts -d 'Leave out Strict-Transport-Security (sent by default for a public name)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -l force -d 'Replace existing files (the old ones are kept as .bak)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from apache" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l host -d 'The host name clients use (server_name); repeatable' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l cert -d 'The certificate chain already on the server (referenced where it is, so renewals apply)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l key -d 'The private key already on the server' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l ca-dir -d 'The development CA\'s folder (default: ~/.local/share/handshake; Windows: %LOCALAPPDATA%\\handshake)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l key-type -d 'ecdsa-p256, rsa-2048, rsa-3072 or rsa-4096' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l days -d 'Days of validity' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l location -d 'Where the certificate files will be on the server (default: the --out folder)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l upstream -d 'Where the application listens, e.g. http://127.0.0.1:8080' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l ws-path -d 'The WebSocket path' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l listen -d 'The TLS listen address' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l redirect-from -d 'The plain listen address redirecting to TLS ("none" for no redirect)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l out -d 'The folder to write into' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l target -d 'The wss:// URL the fix is for (default: built from the host, port and path)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l origin -d 'The origin of the page that opens the socket, e.g. https://app.example.com' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l dev-ca -d 'Make a certificate for the --host names, signed by the development CA'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l self-signed -d 'Make a self-signed certificate for the --host names'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l hsts -d 'Send Strict-Transport-Security (two years), even for localhost, an address or a single-label name, where it is off by default'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l no-hsts -d 'Leave out Strict-Transport-Security (sent by default for a public name)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -l force -d 'Replace existing files (the old ones are kept as .bak)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from haproxy" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l host -d 'The host name clients use (server_name); repeatable' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l cert -d 'The certificate chain already on the server (referenced where it is, so renewals apply)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l key -d 'The private key already on the server' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l ca-dir -d 'The development CA\'s folder (default: ~/.local/share/handshake; Windows: %LOCALAPPDATA%\\handshake)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l key-type -d 'ecdsa-p256, rsa-2048, rsa-3072 or rsa-4096' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l days -d 'Days of validity' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l location -d 'Where the certificate files will be on the server (default: the --out folder)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l upstream -d 'Where the application listens, e.g. http://127.0.0.1:8080' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l ws-path -d 'The WebSocket path' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l listen -d 'The TLS listen address' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l redirect-from -d 'The plain listen address redirecting to TLS ("none" for no redirect)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l out -d 'The folder to write into' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l target -d 'The wss:// URL the fix is for (default: built from the host, port and path)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l origin -d 'The origin of the page that opens the socket, e.g. https://app.example.com' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l dev-ca -d 'Make a certificate for the --host names, signed by the development CA'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l self-signed -d 'Make a self-signed certificate for the --host names'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l hsts -d 'Send Strict-Transport-Security (two years), even for localhost, an address or a single-label name, where it is off by default'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l no-hsts -d 'Leave out Strict-Transport-Security (sent by default for a public name)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -l force -d 'Replace existing files (the old ones are kept as .bak)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from caddy" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l boot -d 'The Spring Boot version of the application (decides the forms offered)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l form -d 'keystore (every version), pem (2.7+), keystore-bundle or pem-bundle (3.1+)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l port -d 'server.port' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l key-store -d 'An existing keystore: file:/path/server.p12, or classpath:server.p12' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l alias -d 'The key\'s alias in the keystore' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l password-env -d 'The environment variable with the keystore password (unset: a random one); its value goes to ssl.env only' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l cert -d 'Existing PEM files to import (the key in any format; written as PKCS#8 or into the keystore)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l key -d 'The private key of --cert' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l key-password-file -d 'A file holding the passphrase of an encrypted --key' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l host -d 'The host names of a new certificate (with --dev-ca or --self-signed); repeatable' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l ca-dir -d 'The development CA\'s folder (default: ~/.local/share/handshake; Windows: %LOCALAPPDATA%\\handshake)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l key-type -d 'ecdsa-p256, rsa-2048, rsa-3072 or rsa-4096' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l days -d 'Days of validity' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l location -d 'Where the certificate files will be on the server (default: the --out folder)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l out -d 'The folder to write into' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l target -d 'The wss:// URL the fix is for (default: built from the host, port and path)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l origin -d 'The origin of the page that opens the socket, e.g. https://app.example.com' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l dev-ca -d 'Make a certificate for the --host names, signed by the development CA'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l self-signed -d 'Make a self-signed certificate for the --host names'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -l force -d 'Replace existing files (the old ones are kept as .bak)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from spring" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from client" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from client" -l out -d 'The folder to write into' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from client" -l target -d 'The wss:// URL the fix is for (default: built from the host, port and path)' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from client" -l origin -d 'The origin of the page that opens the socket, e.g. https://app.example.com' -r
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from client" -l force -d 'Replace existing files (the old ones are kept as .bak)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from client" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "nginx" -d 'Nginx terminates TLS in front of the application (which stays on plain HTTP)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "apache" -d 'Apache httpd terminates TLS in front of the application'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "haproxy" -d 'HAProxy terminates TLS in front of the application (sections to append to haproxy.cfg)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "caddy" -d 'Caddy terminates TLS in front of the application (a Caddyfile)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "spring" -d 'Spring Boot terminates TLS itself: server.ssl.* (or an SSL bundle) as properties and YAML'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "client" -d 'Only the client changes: socket.ts and socket.js for the browser, socket-node.mjs for Node (needs --target)'
complete -c handshake -n "__fish_handshake_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c handshake -n "__fish_handshake_using_subcommand inspect" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand inspect" -l password-env -d 'The environment variable holding its password (server.ssl.key-store-password)' -r
complete -c handshake -n "__fish_handshake_using_subcommand inspect" -l alias -d 'The alias Spring Boot will use (server.ssl.key-alias)' -r
complete -c handshake -n "__fish_handshake_using_subcommand inspect" -l json -d 'Print the result as JSON'
complete -c handshake -n "__fish_handshake_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l host -d 'A host name or IP address the certificate is for; repeatable' -r
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l ca-dir -d 'The development CA\'s folder (default: ~/.local/share/handshake; Windows: %LOCALAPPDATA%\\handshake)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l cert -d 'Import this PEM certificate chain (e.g. Let\'s Encrypt\'s fullchain.pem)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l key -d 'The PEM private key of --cert (PKCS#8, PKCS#1 or SEC1)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l key-password-file -d 'A file holding the passphrase of an encrypted --key' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l key-type -d 'Key type for a new certificate: ecdsa-p256, rsa-2048, rsa-3072, rsa-4096' -r
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l days -d 'Days a new certificate is valid' -r
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l out -d 'The keystore file to write (readable by you alone: mode 0600, or on Windows an access list)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l alias -d 'The alias (server.ssl.key-alias)' -r
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l password-env -d 'The environment variable holding the keystore password (never on the command line)' -r
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l self-signed -d 'Sign with a self-signed certificate instead of the development CA'
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l force -d 'Replace an existing file (the old one is kept as FILE.p12.bak)'
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -l legacy -d 'Encrypt with 3DES and a SHA-1 MAC for JDKs before 8u301 / 11.0.12, which report today\'s AES keystores as "keystore password was incorrect"'
complete -c handshake -n "__fish_handshake_using_subcommand keystore" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand man" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand man" -l out -d 'The folder to write them into (created when missing)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand man" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l origin -d 'The origin of the page that opens the connection, e.g. https://app.example.com (sent as Origin; enables the mixed-content, Origin and CORS checks)' -r
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l ca -d 'Also trust the CA certificates in this PEM file (e.g. a development CA)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l wait -d 'Keep retrying a refused port for this many seconds (a server restarting)' -r
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l timeout -d 'How long each step may take, in seconds' -r
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l proxy -d 'Go through this HTTP proxy (CONNECT), whatever HTTPS_PROXY and the other variables say; user:password@ in it for a proxy that asks' -r
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l proxy-user -d 'The user name for the proxy (Basic), with --proxy-password-env' -r
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l proxy-password-env -d 'The environment variable holding the proxy\'s password (never given on the command line, never printed)' -r
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l concurrency -d 'Targets diagnosed at once' -r
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l per-host -d 'Targets diagnosed at once on one host' -r
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l expiring-within -d 'A certificate of a chain (leaf or intermediate) ending within DAYS fails the scan' -r
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l no-proxy -d 'Connect directly, even when HTTPS_PROXY or ALL_PROXY names a proxy'
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l only-failures -d 'Print only the targets that fail (and those expiring within --expiring-within)'
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l json -d 'One JSON report per line (NDJSON), as `diagnose --json` gives it'
complete -c handshake -n "__fish_handshake_using_subcommand scan" -l csv -d 'One CSV row per target'
complete -c handshake -n "__fish_handshake_using_subcommand scan" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand serve" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand serve" -l listen -d 'The address to listen on (loopback unless told otherwise)' -r
complete -c handshake -n "__fish_handshake_using_subcommand serve" -l allow -d 'Probe only this host (repeatable); without it, every host' -r
complete -c handshake -n "__fish_handshake_using_subcommand serve" -l origin -d 'The origin of the page that opens the connection, e.g. https://app.example.com (sent as Origin; enables the mixed-content, Origin and CORS checks)' -r
complete -c handshake -n "__fish_handshake_using_subcommand serve" -l ca -d 'Also trust the CA certificates in this PEM file (e.g. a development CA)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand serve" -l wait -d 'Keep retrying a refused port for this many seconds (a server restarting)' -r
complete -c handshake -n "__fish_handshake_using_subcommand serve" -l timeout -d 'How long each step may take, in seconds' -r
complete -c handshake -n "__fish_handshake_using_subcommand serve" -l proxy -d 'Go through this HTTP proxy (CONNECT), whatever HTTPS_PROXY and the other variables say; user:password@ in it for a proxy that asks' -r
complete -c handshake -n "__fish_handshake_using_subcommand serve" -l proxy-user -d 'The user name for the proxy (Basic), with --proxy-password-env' -r
complete -c handshake -n "__fish_handshake_using_subcommand serve" -l proxy-password-env -d 'The environment variable holding the proxy\'s password (never given on the command line, never printed)' -r
complete -c handshake -n "__fish_handshake_using_subcommand serve" -l no-proxy -d 'Connect directly, even when HTTPS_PROXY or ALL_PROXY names a proxy'
complete -c handshake -n "__fish_handshake_using_subcommand serve" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand target" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand target" -l json -d 'Print the result as JSON'
complete -c handshake -n "__fish_handshake_using_subcommand target" -s h -l help -d 'Print help'
complete -c handshake -n "__fish_handshake_using_subcommand trust" -l lang -d 'The language of the output: en or ko' -r
complete -c handshake -n "__fish_handshake_using_subcommand trust" -l ca-dir -d 'The development CA\'s folder (default: ~/.local/share/handshake; Windows: %LOCALAPPDATA%\\handshake)' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand trust" -l store -d 'Which of the stores found to use (default: all); repeatable' -r -f -a "system\t'The operating system\'s store'
browsers\t'Chromium\'s and Firefox\'s NSS databases'
java\t'The JDK\'s truststore'"
complete -c handshake -n "__fish_handshake_using_subcommand trust" -l nss -d 'An NSS database folder (Chromium: ~/.pki/nssdb; Firefox: the profile folder); repeatable' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand trust" -l java-cacerts -d 'A Java truststore file of your own; repeatable' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand trust" -l export -d 'Also write the CA certificate (PEM and DER) and trust instructions for every platform into this folder' -r -F
complete -c handshake -n "__fish_handshake_using_subcommand trust" -l system -d 'The system store (Debian/Ubuntu: update-ca-certificates; Fedora/RHEL: update-ca-trust; macOS: the System keychain; Windows: your root store); needs root on Linux and macOS'
complete -c handshake -n "__fish_handshake_using_subcommand trust" -l java -d 'The JDK\'s own truststore ($JAVA_HOME/lib/security/cacerts, or the java on PATH)'
complete -c handshake -n "__fish_handshake_using_subcommand trust" -l check -d 'Only report where the CA is trusted; change nothing'
complete -c handshake -n "__fish_handshake_using_subcommand trust" -l uninstall -d 'Remove the CA instead of adding it'
complete -c handshake -n "__fish_handshake_using_subcommand trust" -l yes -d 'Apply without asking'
complete -c handshake -n "__fish_handshake_using_subcommand trust" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "check" -d 'Open a real WebSocket, send a message, wait for the answer, close cleanly'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "completions" -d 'Print the completion script for a shell (bash, zsh, fish, elvish, powershell)'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "csr" -d 'Make a private key and a CSR with the host names, for a public CA'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "diagnose" -d 'Diagnose an endpoint: what fails, why, and what to do'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "explain-log" -d 'Explain the errors in a server or browser log'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "generate" -d 'Generate the configuration that fixes the connection'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "inspect" -d 'Inspect a PKCS12 keystore: aliases, key entries, certificates, and the error Spring Boot would show when server.ssl.* does not fit it'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "keystore" -d 'Make a PKCS12 keystore: from a development CA, self-signed, or from your PEM certificate and key'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "man" -d 'Write the man pages: handshake.1 and one per subcommand'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "scan" -d 'Diagnose a list of endpoints at once: what fails, what expires'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "serve" -d 'Serve probes for Prometheus, as blackbox_exporter does'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "target" -d 'Show how a target URL is understood: scheme, host, port, path, TLS'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "trust" -d 'Trust (or stop trusting) the development CA in the stores found on this machine — the system store, Chromium\'s and every Firefox profile\'s NSS database, the JDK\'s truststore — or in the stores named'
complete -c handshake -n "__fish_handshake_using_subcommand help; and not __fish_seen_subcommand_from check completions csr diagnose explain-log generate inspect keystore man scan serve target trust help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
