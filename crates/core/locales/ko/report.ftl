# 진단 보고서(Markdown, 창의 “보고서 복사”).

report-heading = ## Handshake 진단: { $url }
report-verdict = **{ $verdict ->
        [works] 정상 동작
       *[fails] 실패
    }** ({ $wait_s ->
        [0] {""}
       *[other] 서버를 { $wait_s }초 기다린 뒤 {""}
    }{ $total_ms }ms)
report-severity = { $severity ->
        [error] 오류
        [warning] 경고
       *[info] 정보
    }
report-fix = **해결:** { $fix }
report-seen = 관찰한 내용
report-seen-addresses = 주소: { $addresses }
report-seen-tls = TLS: { $version } { $cipher }
report-seen-certificate = 인증서: { $subject } (발급자 { $issuer }, { $not_after }까지)
report-seen-response = 응답: { $status_line }
report-seen-bytes = 받은 바이트: `{ $bytes }`
report-reproduce = 다시 실행: `handshake diagnose { $url }`

## `handshake check` 실패 이유(아래 진단 결과가 자세한 원인을 말합니다).

check-unresolved = { $host } 이름을 찾을 수 없습니다
check-refused = 포트 { $port }에서 대기 중인 프로세스가 없습니다
check-unanswered = { $authority }에서 응답이 없습니다
check-network = 연결이 실패했습니다: { $detail }
check-proxy = 프록시 { $proxy }이(가) 서버로 가는 길을 열지 않았습니다
check-tls = TLS 핸드셰이크가 실패했습니다
check-untrusted = 인증서를 신뢰할 수 없습니다
check-upgrade-timeout = 서버가 { $timeout_s }초 안에 업그레이드에 응답하지 않았습니다
check-upgrade-status = 업그레이드 응답이 101이 아니라 { $status }입니다
check-upgrade = 업그레이드가 실패했습니다. { $cause ->
        [closed] 서버가 연결을 닫았습니다
        [protocol] 서버가 WebSocket 핸드셰이크 규칙을 어겼습니다
       *[other] 연결이 실패했습니다
    }(“{ $detail }”)
check-bad-header = { $what ->
        [stomp] STOMP login이나 passcode를 STOMP 헤더로 보낼 수 없습니다
       *[other] { $what ->
            [origin] Origin 값을
            [subprotocol] 서브프로토콜을
            [url] URL을
           *[header] 헤더 값을
        } HTTP 헤더로 보낼 수 없습니다
    }
check-send = 보내기가 실패했습니다. { $cause ->
        [closed] 연결이 이미 닫혔습니다
       *[other] 연결이 실패했습니다
    }(“{ $detail }”)
check-no-answer = “{ $sent }”을(를) 보낸 뒤 { $timeout_s }초 동안 응답이 없습니다
check-closed = 서버가 응답 없이 연결을 닫았습니다
check-closed-websocket = 서버가 응답 대신 WebSocket을 닫았습니다(코드 { $code }{ $has_reason ->
        [yes] , “{ $reason }”
       *[no] {""}
    })
check-protocol-refused = { $protocol ->
        [stomp] STOMP 서버가
        [socketio] Socket.IO 서버가
       *[other] 서버가
    } 클라이언트를 거부했습니다: “{ $message }”{ $has_detail ->
        [yes] {" "}— “{ $detail }”
       *[no] {""}
    }
check-not-this-protocol = { $protocol ->
        [stomp] STOMP
        [sockjs] SockJS
        [socketio] Socket.IO
        [graphql-ws] graphql-ws
       *[other] { $protocol }
    } 프로토콜의 응답이 아닙니다: “{ $answer }”(다른 --protocol이나 auto가 맞을 수 있습니다)
check-too-large = 서버가 { $limit_kib }KiB 제한을 넘는 메시지를 보냈습니다
check-connection = 연결이 실패했습니다. { $cause ->
        [closed] 서버가 종료 핸드셰이크 없이 연결을 닫았습니다
        [protocol] 서버가 WebSocket 프로토콜을 어겼습니다
        [encoding] 서버가 UTF-8이 아닌 텍스트 메시지를 보냈습니다
        [io] 소켓이 실패했습니다
       *[other] WebSocket 라이브러리가 연결을 포기했습니다
    }(“{ $detail }”)
check-spoken = { $protocol ->
        [stomp] STOMP { $version }{ $over_sockjs ->
            [yes] {" "}(SockJS 위)
           *[no] {""}
        } — CONNECTED{ $server ->
            [none] {""}
           *[other] , 서버 { $server }
        }, heart-beat { $heart_beat }
        [sockjs-echo] SockJS — 오픈 프레임, 메시지 에코
        [socketio] Socket.IO — 세션 { $sid }, 네임스페이스 { $namespace } 연결, { $ping_interval_ms }ms마다 ping
        [graphql-ws] graphql-ws — connection_ack
       *[echo] 에코
    }{ $picked ->
        [path] {" "}(--protocol auto가 선택: URL 경로가 그 전송 경로)
        [subprotocol] {" "}(--protocol auto가 선택: 서버가 그 서브프로토콜을 고름)
        [greeting] {" "}(--protocol auto가 선택: 서버의 첫 메시지가 그 인사 메시지)
        [sockjs-info] {" "}(--protocol auto가 선택: URL이 …/info에 SockJS 엔드포인트처럼 응답함)
        [socketio-handshake] {" "}(--protocol auto가 선택: URL이 Engine.IO polling 핸드셰이크에 응답함)
        [nothing] {" "}(--protocol auto가 선택: 다른 프로토콜을 가리키는 것이 없음)
       *[no] {""}
    }
check-idle-closed = 유휴 상태 { $after_s }초 뒤에 연결이 끊겼습니다(코드 { $code })
check-not-websocket = SockJS 엔드포인트로도 Socket.IO 엔드포인트로도 응답하지 않습니다. check는 WebSocket 연결을 확인하므로 ws(s) URL을 주세요: { $suggestion }. http(s) 엔드포인트라면 handshake diagnose를 쓰세요.
check-not-reloaded = 서버가 기대한 일련번호 { $expected_serial }이(가) 아니라 { $served_serial } 인증서를 씁니다
check-revoked = 서버가 보낸 OCSP 스테이플에 따르면 인증서(일련번호 { $serial })는 { $at }에 폐기되었습니다

## 연결이 간 길.

report-route-proxy = 프록시 { $proxy }을(를) 거쳐서({ $from }{ $authenticated ->
        [yes] , 자격 증명 포함
       *[no] {""}
    })
report-route-exempt = 직접: { $variable }이(가) 이 호스트를 프록시에서 뺍니다
report-route-disabled = 직접(--no-proxy)
report-route-direct = 직접(적용되는 프록시 변수 없음)

## A check's summary (`handshake check` and the Verify step): the verdict,
## then one line per thing seen, each a label and a value.

check-verdict-ok = ✓ { $url } — 연결됨, { $protocol ->
        [stomp] STOMP CONNECTED 받음
        [socketio] Socket.IO 네임스페이스 참여
        [graphql-ws] graphql-ws connection_ack 받음
       *[other] 메시지 { $sent }개 중 { $answered }개 응답
    }, { $close ->
        [none] 서버가 종료 요청에 응답하지 않았습니다
       *[other] 정상 종료({ $close })
    }
check-verdict-failed = ✗ { $url } — { $reason }
check-label-phases = 단계
check-seen-phases = dns { $dns ->
        [none] –
       *[other] { $dns }ms
    } · tcp { $tcp ->
        [none] –
       *[other] { $tcp }ms
    } · tls { $tls ->
        [none] –
       *[other] { $tls }ms
    } · 업그레이드 { $upgrade ->
        [none] –
       *[other] { $upgrade }ms
    } · 첫 응답 { $first_answer ->
        [none] –
       *[other] { $first_answer }ms
    }
check-label-waited = 대기
check-seen-waited = 서버가 올라오기까지 { $waited_s }초
check-label-tls = tls
check-seen-tls = { $version } · { $cipher } · ALPN { $alpn ->
        [none] 없음
       *[other] { $alpn }
    }
check-label-certificate = 인증서
check-seen-certificate = { $subject } · 발급자 { $issuer } · { $not_after }까지 유효
check-label-subprotocol = 서브프로토콜
check-seen-subprotocol = { $subprotocol ->
        [none] 없음
       *[other] { $subprotocol }
    }
check-label-protocol = 프로토콜
check-label-answer = 응답
check-seen-answer = “{ $text }”
check-seen-answer-binary = 바이너리 { $bytes }바이트
check-label-idle = 유휴
check-seen-idle = { $held_s }초 동안 열려 있음{ $pings ->
        [0] {""}
       *[other] , ping { $pings }회 보냄
    }
check-label-round-trip = 왕복
check-seen-round-trip = 최소 { $min } · 중간값 { $median } · 최대 { $max }ms ({ $count }회)
