# The Markdown report of a diagnosis ("Copy report" in the window).

report-heading = ## Handshake diagnosis: { $url }

    **{ $verdict ->
        [works] Works
       *[fails] Fails
    }** in { $total_ms } ms
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
