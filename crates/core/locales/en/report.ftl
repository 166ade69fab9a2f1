# The Markdown report of a diagnosis ("Copy report" in the window).

report-heading = ## Handshake diagnosis: { $url }
report-verdict = **{ $verdict ->
        [works] Works
       *[fails] Fails
    }** in { $total_ms } ms{ $wait_s ->
        [0] {""}
       *[other] , after waiting { $wait_s } s for the server
    }
report-severity = { $severity ->
        [error] error
        [warning] warning
       *[info] info
    }
report-fix = **Fix:** { $fix }
report-seen = Seen
report-seen-addresses = addresses: { $addresses }
report-seen-tls = TLS: { $version } { $cipher }
report-seen-certificate = certificate: { $subject } (issued by { $issuer }, until { $not_after })
report-seen-response = response: { $status_line }
report-seen-bytes = bytes received: `{ $bytes }`
report-reproduce = Reproduce: `handshake diagnose { $url }`

## Why `handshake check` failed (the findings below it say why in depth).

check-unresolved = { $host } does not resolve
check-refused = nothing listens on port { $port }
check-unanswered = no answer from { $authority }
check-network = the connection failed: { $detail }
check-proxy = the proxy { $proxy } did not open the way to the server
check-tls = the TLS handshake failed
check-untrusted = the certificate is not trusted
check-upgrade-timeout = the server did not answer the upgrade within { $timeout_s } s
check-upgrade-status = the upgrade was answered { $status } instead of 101
check-upgrade = the upgrade failed: { $cause ->
        [closed] the server closed the connection
        [protocol] the server broke the WebSocket handshake
       *[other] the connection failed
    } (“{ $detail }”)
check-bad-header = { $what ->
        [stomp] the STOMP login or passcode cannot be sent in a STOMP header
       *[other] the { $what ->
            [origin] origin
            [subprotocol] subprotocol
            [url] URL
           *[header] header
        } cannot be sent in an HTTP header
    }
check-send = sending failed: { $cause ->
        [closed] the connection was already closed
       *[other] the connection failed
    } (“{ $detail }”)
check-no-answer = no answer within { $timeout_s } s after sending “{ $sent }”
check-closed = the server closed the connection without answering
check-closed-websocket = the server closed the WebSocket (code { $code }{ $has_reason ->
        [yes] , “{ $reason }”
       *[no] {""}
    }) instead of answering
check-protocol-refused = the { $protocol ->
        [stomp] STOMP server
        [socketio] Socket.IO server
       *[other] server
    } refused the client: “{ $message }”{ $has_detail ->
        [yes] {" "}— “{ $detail }”
       *[no] {""}
    }
check-not-this-protocol = the answer is not { $protocol ->
        [stomp] STOMP
        [sockjs] SockJS
        [socketio] Socket.IO
        [graphql-ws] graphql-ws
       *[other] { $protocol }
    }: “{ $answer }” (another --protocol, or auto, may fit)
check-too-large = the server sent a message over the { $limit_kib } KiB limit
check-connection = the connection failed: { $cause ->
        [closed] the server closed it without a close handshake
        [protocol] the server broke the WebSocket protocol
        [encoding] the server sent a text message that is not UTF-8
        [io] the socket failed
       *[other] the WebSocket library gave up
    } (“{ $detail }”)
check-spoken = { $protocol ->
        [stomp] STOMP { $version }{ $over_sockjs ->
            [yes] {" "}over SockJS
           *[no] {""}
        } — CONNECTED{ $server ->
            [none] {""}
           *[other] , server { $server }
        }, heart-beat { $heart_beat }
        [sockjs-echo] SockJS — open frame, message echoed
        [socketio] Socket.IO — session { $sid }, namespace { $namespace } joined, pings every { $ping_interval_ms } ms
        [graphql-ws] graphql-ws — connection_ack
       *[echo] echo
    }{ $picked ->
        [path] {" "}(picked by --protocol auto: the URL's path is its transport path)
        [subprotocol] {" "}(picked by --protocol auto: the server chose its subprotocol)
        [greeting] {" "}(picked by --protocol auto: the server's first message is its greeting)
        [sockjs-info] {" "}(picked by --protocol auto: the URL answers …/info as a SockJS endpoint does)
        [socketio-handshake] {" "}(picked by --protocol auto: the URL answers Engine.IO's polling handshake)
        [nothing] {" "}(picked by --protocol auto: nothing named another protocol)
       *[no] {""}
    }
check-idle-closed = the connection was closed after { $after_s } s idle (code { $code })
check-not-websocket = it answers neither as a SockJS nor as a Socket.IO endpoint, and a check proves WebSocket connections: give it the ws(s) URL, { $suggestion }. For an http(s) endpoint, use handshake diagnose.
check-not-reloaded = the server serves certificate serial { $served_serial }, not the expected { $expected_serial }
check-revoked = the certificate (serial { $serial }) was revoked on { $at }, says the server's own OCSP staple

## Which way the connection went.

report-route-proxy = through the proxy { $proxy } ({ $from }{ $authenticated ->
        [yes] , with credentials
       *[no] {""}
    })
report-route-exempt = directly: { $variable } exempts this host from the proxy
report-route-disabled = directly (--no-proxy)
report-route-direct = directly (no proxy variable applies)

## A check's summary (`handshake check` and the Verify step): the verdict,
## then one line per thing seen, each a label and a value.

check-verdict-ok = ✓ { $url } — connected, { $protocol ->
        [stomp] STOMP CONNECTED received
        [socketio] Socket.IO namespace joined
        [graphql-ws] graphql-ws connection acknowledged
       *[other] { $answered } of { $sent } { $sent ->
            [one] message
           *[other] messages
        } answered
    }, { $close ->
        [none] the server did not answer the close
       *[other] closed cleanly ({ $close })
    }
check-verdict-failed = ✗ { $url } — { $reason }
check-label-phases = phases
check-seen-phases = dns { $dns ->
        [none] –
       *[other] { $dns } ms
    } · tcp { $tcp ->
        [none] –
       *[other] { $tcp } ms
    } · tls { $tls ->
        [none] –
       *[other] { $tls } ms
    } · upgrade { $upgrade ->
        [none] –
       *[other] { $upgrade } ms
    } · first answer { $first_answer ->
        [none] –
       *[other] { $first_answer } ms
    }
check-label-waited = waited
check-seen-waited = { $waited_s } s for the server to come up
check-label-tls = tls
check-seen-tls = { $version } · { $cipher } · ALPN { $alpn ->
        [none] none
       *[other] { $alpn }
    }
check-label-certificate = certificate
check-seen-certificate = { $subject } · issued by { $issuer } · valid until { $not_after }
check-label-subprotocol = subprotocol
check-seen-subprotocol = { $subprotocol ->
        [none] none
       *[other] { $subprotocol }
    }
check-label-protocol = protocol
check-label-answer = answer
check-seen-answer = “{ $text }”
check-seen-answer-binary = { $bytes } bytes of binary
check-label-idle = idle
check-seen-idle = held open { $held_s } s{ $pings ->
        [0] {""}
        [one] , 1 ping sent
       *[other] , { $pings } pings sent
    }
check-label-round-trip = round trip
check-seen-round-trip = min { $min } · median { $median } · max { $max } ms ({ $count })
