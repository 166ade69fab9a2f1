# `handshake diagnose`와 `handshake check`의 진단 결과. 코드마다 메시지 하나:
# 값은 제목, `.explanation`은 원인(관찰한 내용을 인용), `.fix`는 해결 방법입니다.
# 변수는 진단의 사실(`--json`의 facts)이고, 서버가 보낸 문구와 프로토콜 바이트는
# 번역하지 않고 그대로 인용합니다.

## 공통 문구: 같은 원인을 말하는 진단과 로그 분석은 같은 말을 씁니다.

-fix-tls-on-server = 서버에서 TLS를 켜거나(`handshake keystore`로 PKCS12 키스토어를, `handshake generate spring`으로 server.ssl.* 속성을 만듭니다), 앞단에 Nginx를 두어 TLS를 처리하세요(`handshake generate nginx`)
-scheme-from-page = 페이지에 맞춰 스킴을 정하세요(`location.protocol === 'https:' ? 'wss:' : 'ws:'`)
-forward-upgrade = `proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade;`와 `map $http_upgrade $connection_upgrade` 블록을 넣으세요. `handshake generate nginx`가 전부 작성해 줍니다
-allow-origin = WebSocket은 `registry.addHandler(…).setAllowedOrigins("https://app.example.com")`(또는 `setAllowedOriginPatterns`), REST는 `@CrossOrigin`이나 `CorsConfigurationSource`로 허용하세요
-trust-dev-ca = 시스템, 브라우저, Java 신뢰 저장소에 설치하세요(`handshake trust`)
-window-fix-tls-on-server = 서버에서 TLS를 켜거나(해결 방법 고르기 → "Spring Boot가 TLS 처리": PKCS12 키스토어와 server.ssl.* 속성), 앞단에 Nginx를 두어 TLS를 처리하세요(해결 방법 고르기 → "앞단에 Nginx")
-window-forward-upgrade = `proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade;`와 `map $http_upgrade $connection_upgrade` 블록을 넣으세요. 해결 방법 고르기 → "앞단에 Nginx"가 전부 작성해 줍니다
-window-trust-dev-ca = 시스템, 브라우저, Java 신뢰 저장소에 설치하세요(신뢰 단계)

## 서버에 닿기까지

proxy-unreachable = 프록시 { $proxy }에 닿을 수 없습니다
    .explanation = { $from }이(가) 이 연결의 프록시로 { $proxy }을(를) 지정하는데, { $how ->
        [refused] 그곳에서 대기하는 프로세스가 없습니다(연결 거부)
        [timeout] 제시간에 응답하지 않았습니다
        [dns] 그 이름을 해석할 수 없습니다
        [no-answer] 연결은 받았지만 터널 요청에 끝내 응답하지 않았습니다
       *[other] 연결이 실패했습니다
    }. 프록시를 거치는 연결은 모두 { $authority }에 닿기 전에 실패합니다.
    .fix = { $from }의 프록시를 확인하세요(조직의 프록시 설정, 또는 브라우저가 쓰는 프록시). { $authority }에 프록시 없이 닿을 수 있다면 그 호스트를 NO_PROXY에 넣거나 --no-proxy로 실행하세요.
    .window = { $from }의 프록시를 확인하세요(조직의 프록시 설정, 또는 브라우저가 쓰는 프록시). { $authority }에 프록시 없이 닿을 수 있다면 Handshake를 실행하는 환경의 NO_PROXY에 그 호스트를 넣으세요.

proxy-auth-required = 프록시 { $proxy }이(가) 자격 증명을 요구합니다(407)
    .explanation = 프록시가 터널 요청에 “{ $status_line }”(으)로 응답하며 { $schemes } 인증을 요구합니다{ $has_realm ->
        [yes] (realm “{ $realm }”)
       *[no] {""}
    }. { $sent ->
        [yes] 보낸 자격 증명이 거부되었습니다.
       *[no] 자격 증명을 보내지 않았습니다.
    }{ $basic ->
        [no] {" "}Handshake, curl과 대부분의 클라이언트는 프록시에 Basic만 씁니다. NTLM과 Negotiate(Kerberos)에는 로컬 중계기(cntlm, px)나 NO_PROXY 예외가 필요합니다.
       *[yes] {""}
    } Java는 `jdk.http.auth.tunneling.disabledSchemes`가 기본값(Basic)인 동안에는 Authenticator가 있어도 HTTPS 터널에 Basic 자격 증명을 보내지 않습니다.
    .fix = 프록시 자격 증명을 주세요. 프록시 URL(`http://user:password@proxy:port`, 퍼센트 인코딩)에 넣거나 --proxy-user USER와 --proxy-password-env VAR를 쓰세요. Java라면 `-Djdk.http.auth.tunneling.disabledSchemes=`와 함께 `-Dhttps.proxyUser`, `-Dhttps.proxyPassword`를 주세요.
    .window = Handshake를 실행하는 환경의 프록시 URL에 자격 증명을 넣으세요(HTTPS_PROXY=`http://user:password@proxy:port`, 퍼센트 인코딩). Java라면 `-Djdk.http.auth.tunneling.disabledSchemes=`와 함께 `-Dhttps.proxyUser`, `-Dhttps.proxyPassword`를 주세요.

proxy-tunnel-refused = 프록시가 { $authority }(으)로의 터널을 거부합니다({ $status })
    .explanation = 프록시 { $proxy }이(가) 터널 요청에 “{ $status_line }”(으)로 응답했습니다{ $has_words ->
        [yes] : “{ $words }”
       *[no] {""}
    }. { $squid_ports ->
        [yes] Squid 기본 설정은 443 포트로만 터널을 엽니다(`http_access deny CONNECT !SSL_ports`). { $port } 포트는 SSL_ports에 없습니다.
       *[no] 프록시의 규칙(접근 목록, 카테고리 필터)이 이 목적지를 허용하지 않습니다.
    }
    .fix = { $squid_ports ->
        [yes] { $scheme ->
            [ws] 443 포트의 wss://를 쓰세요. 프록시는 TLS 포트로 터널을 열고, WebSocket 업그레이드는 터널 안에서만 전달됩니다(전달형 프록시는 홉 단위 헤더인 Upgrade를 버립니다). 아니면 프록시 관리자에게 { $port } 포트를 SSL_ports에 넣어 달라고 하세요.
           *[other] 엔드포인트를 443 포트로 제공하거나, 프록시 관리자에게 { $port } 포트를 SSL_ports에 넣어 달라고 하세요(`acl SSL_ports port { $port }`).
        }
       *[no] 프록시 관리자에게 { $authority }을(를) 허용해 달라고 하거나, 직접 닿을 수 있다면 그 호스트를 NO_PROXY에 넣으세요.
    }

proxy-target-failed = 프록시가 { $authority }에 닿지 못했습니다
    .explanation = { $how ->
        [silent] 프록시 { $proxy }이(가) 터널 요청을 받고 { $timeout_s }초 안에 아무 응답도 하지 않았습니다. 아직 대상을 해석하거나 연결하는 중입니다. 프록시의 DNS가 거부하는 데 오래 걸리는 이름이거나, 프록시에 응답하지 않는 서버입니다.
       *[answered] 프록시 { $proxy }이(가) 터널 요청에 “{ $status_line }”(으)로 응답했습니다{ $has_words ->
            [yes] : “{ $words }”
           *[no] {""}
        }. 프록시가 대상을 해석하거나 연결하지 못했습니다. 프록시의 DNS가 모르는 이름이거나, 서버가 꺼져 있거나 프록시에 닫혀 있습니다.
    }
    .fix = 프록시가 보는 호스트와 포트를 확인하세요. --no-proxy로 이 컴퓨터에서 직접 연결해 볼 수 있습니다.
    .window = 프록시가 보는 호스트와 포트를 확인하세요. 이 컴퓨터에서 직접 연결해 보려면 Handshake를 실행하는 환경의 NO_PROXY에 그 호스트를 넣으세요.

proxy-upgrade-dropped = 프록시 { $proxy }이(가) 터널을 쓰지 않는 클라이언트의 WebSocket 업그레이드를 버립니다
    .explanation = 프록시 터널을 거치면 { $url }(으)로의 업그레이드가 성공합니다. 그런데 전달형 클라이언트가 ws://를 보내는 방식대로 일반 요청으로 같은 프록시({ $from }에서 지정)에 보내면 { $how ->
        [answered] “{ $status_line }”이(가) 돌아왔습니다{ $has_via ->
            [yes] (Via: { $via })
           *[no] {""}
        }. 프록시가 홉 단위 헤더인 Upgrade와 Connection을 전달하지 않아 서버는 평범한 GET을 받았습니다.
       *[silent] { $waited_ms }ms 안에 응답이 없었습니다. 프록시가 홉 단위 헤더인 Upgrade와 Connection을 전달하지 않아 서버는 평범한 GET을 받았고, 서버는 그 요청에 응답하지 않습니다.
    }
    .fix = 터널을 쓰는 클라이언트(브라우저, Java HttpClient, Handshake)는 연결됩니다. `http-proxy-agent`를 쓰는 Node 클라이언트처럼 ws://를 일반 요청으로 프록시에 보내는 클라이언트는 실패합니다. wss://를 쓰세요. 업그레이드가 터널 안으로 지나가므로 프록시가 떼어 낼 수 없습니다. Node에서는 CONNECT를 보내는 에이전트(`https-proxy-agent`)를 쓰세요. 아니면 프록시가 업그레이드를 전달하게 하세요. Squid 5 이상: `http_upgrade_request_protocols websocket allow all`. 소문자로 쓰세요. Squid는 이름의 대소문자를 구분하므로 `WebSocket`은 클라이언트가 보내는 `websocket`과 맞지 않습니다.

dns-unresolved = { $host } 이름을 찾을 수 없습니다
    .explanation = { $cause ->
        [timeout] { $host }의 주소를 찾지 못했습니다. 리졸버가 { $timeout_s }초 안에 응답하지 않았습니다.
        [no-addresses] { $host }의 주소를 찾지 못했습니다. 리졸버가 주소 없이 응답했습니다.
       *[not-found] { $host }의 주소를 찾지 못했습니다. 리졸버 응답: “{ $reason }”
    }
    .fix = 호스트 이름의 철자를 확인하고, 이 컴퓨터가 그 이름이 등록된 DNS 서버(또는 /etc/hosts 항목)를 쓰는지 확인하세요. 같은 컴퓨터의 서버라면 localhost나 127.0.0.1을 쓰세요.

tcp-refused = 포트 { $port }에서 대기 중인 프로세스가 없습니다
    .explanation = { $wait_s ->
        [0] { $addresses }(으)로의 연결이 거부되었습니다. 그 포트에서 연결을 받는 프로세스가 없습니다.
       *[other] { $wait_s }초 동안 기다리는 내내 { $addresses }(으)로의 연결이 거부되었습니다. 그 포트에서 연결을 받는 프로세스가 없습니다.
    }
    .fix = 서버를 시작하거나, 서버가 실제로 대기하는 포트를 확인하세요(서버에서 `ss -ltnp`). 재시작 중이라면 --wait 30을 붙여 다시 실행하세요.{ $port_hint ->
        [spring-tls] {" "}TLS를 켠 Spring Boot 앱이라면 다른 포트, 즉 server.port(보통 8443)에서 대기하고 있을 수 있습니다.
       *[none] {""}
    }
    .window = 서버를 시작하거나, 서버가 실제로 대기하는 포트를 확인하세요(서버에서 `ss -ltnp`). 재시작 중이라면 검증 단계의 "서버 재시작 대기(초)"를 설정하거나, 서버가 뜬 뒤 다시 진단하세요.{ $port_hint ->
        [spring-tls] {" "}TLS를 켠 Spring Boot 앱이라면 다른 포트, 즉 server.port(보통 8443)에서 대기하고 있을 수 있습니다.
       *[none] {""}
    }

tcp-timeout = { $authority }에서 응답이 없습니다
    .explanation = { $authority }에 연결을 시도했지만 { $timeout_s }초 동안 아무 응답도 없었습니다. 패킷을 버리는 방화벽, 잘못된 호스트, 존재하지 않는 네트워크 경로가 이런 모습을 보입니다.
    .fix = 호스트와 포트, 그리고 서버와의 사이에 있는 방화벽이나 보안 그룹을 확인하세요.

tcp-failed = { $authority }에 연결할 수 없습니다
    .explanation = { $cause ->
        [network-unreachable] 이 컴퓨터에서 { $authority }의 네트워크로 가는 경로가 없습니다(“{ $detail }”).
        [host-unreachable] { $authority } 호스트에 닿을 수 없습니다(“{ $detail }”). 호스트가 꺼져 있거나, 중간 라우터가 그렇게 알려 왔습니다.
        [address-unavailable] 이 컴퓨터에서는 { $authority }의 주소를 쓸 수 없습니다(“{ $detail }”).
        [permission-denied] 시스템이 { $authority }로의 연결을 거부했습니다(“{ $detail }”). 로컬 방화벽이나 보안 정책이 막고 있습니다.
       *[other] { $authority }로의 연결이 실패했습니다. “{ $detail }”
    }
    .fix = 호스트 이름과 네트워크를 확인하세요. VPN, 프록시 설정, 이 컴퓨터의 방화벽을 살펴보세요.

server-not-ready = 서버가 { $waited_s }초 뒤에 올라왔습니다
    .explanation = 포트 { $port }은(는) 처음에는 연결을 거부했고(아직 대기 중인 프로세스가 없었습니다), { $waited_s }초 동안 { $attempts }번 시도한 끝에 연결을 받았습니다.
    .fix = 페이지가 열릴 때 한 번만 연결하는 클라이언트는 서버 재시작 중에 실패합니다. 소켓이 필요할 때 연결하고, 백오프를 두고 다시 연결하세요(`handshake generate client`가 재연결하는 클라이언트를 만들어 줍니다).
    .window = 페이지가 열릴 때 한 번만 연결하는 클라이언트는 서버 재시작 중에 실패합니다. 소켓이 필요할 때 연결하고, 백오프를 두고 다시 연결하세요(해결 방법 고르기 → "클라이언트만 변경"이 재연결하는 클라이언트를 만들어 줍니다).

address-family-mismatch = { $host }은(는) { $accepted_family }로만 응답합니다. { $failed_address }은(는) { $how ->
        [refused] 연결을 거부합니다
        [timed-out] 응답하지 않습니다
       *[failed] 실패합니다
    }
    .explanation = { $host }은(는) { $accepted_family } 주소와 { $failed_family } 주소로 해석됩니다{ $first_family ->
        [IPv6] (IPv6가 먼저)
       *[IPv4] (IPv4가 먼저)
    }. { $accepted_address }은(는) 연결을 받았지만 { $failed_address }은(는) { $how ->
        [refused] 연결을 거부했습니다
        [timed-out] 응답하지 않았습니다
       *[failed] 실패했습니다
    }. 서버가 { $accepted_family }로만 리슨하고 있습니다. { $failed_family }를 먼저 시도하는 클라이언트는 실패하고, 브라우저와 curl은 다른 주소로 넘어가 성공하므로 일부 클라이언트에서만 실패합니다. { $failed_family ->
        [IPv6] Node.js 17 이상은 localhost에 대해 ::1을 먼저 시도하며(“connect ECONNREFUSED ::1:{ $port }”), `-Djava.net.preferIPv6Addresses=true`를 준 Java와 대체 시도가 없는 클라이언트도 마찬가지입니다.
       *[IPv4] Java는 기본적으로 IPv4를 먼저 시도하며, Node.js 17 미만과 `--dns-result-order=ipv4first`도 마찬가지입니다.
    }
    .fix = 서버가 두 주소 체계 모두에서 리슨하게 하세요. Spring Boot는 `server.address`를 비워 두거나(`server.address=::`, 듀얼 스택), Node.js는 호스트 없이 `server.listen({ $port })`(또는 `"::"`), nginx는 `listen { $port };` 옆에 `listen [::]:{ $port };`를 추가하세요. 또는 클라이언트가 이름 대신 동작하는 주소 { $accepted_address }을(를) 쓰게 하세요(Node.js: `--dns-result-order=ipv4first` 또는 `autoSelectFamily: true`).

server-silent = { $authority }이(가) 연결은 받지만 응답하지 않습니다
    .explanation = { $when ->
        [tls-hello] 연결은 받았지만, 서버가 { $timeout_s }초 안에 TLS ClientHello에 응답하지 않았습니다.
        [stalled] 서버가 응답을 { $received }바이트 보냈지만 { $timeout_s }초 안에 헤더를 끝내지 않았습니다.
        [interim] 서버가 중간 응답({ $status })을 { $count }번 보냈지만 { $timeout_s }초 안에 실제 응답은 보내지 않았습니다.
       *[request] 연결은 받았지만, 서버가 요청을 받고 { $timeout_s }초 동안 아무것도 보내지 않았습니다.
    }
    .fix = 이 포트에서 무언가가 연결을 받기만 하고 처리하지 않습니다. 멈춘 애플리케이션(스레드 풀 고갈), 연결을 붙잡는 방화벽이나 로드 밸런서, 또는 클라이언트가 다른 프로토콜로 말하길 기다리는 서비스일 수 있습니다. 서버 로그와 스레드 덤프를 확인하세요.

connection-closed = 서버가 응답 없이 연결을 닫았습니다
    .explanation = { $how ->
        [reset] { $authority }이(가) 응답을 끝까지 보내기 전에 연결을 리셋했습니다.
        [io] 응답을 끝까지 받기 전에 { $authority }와의 연결이 실패했습니다. “{ $detail }”
       *[closed] { $authority }이(가) 응답을 끝까지 보내기 전에 연결을 닫았습니다.
    }
    .fix = { $scheme ->
        [ws] 이 요청 시각의 서버 로그를 확인하세요. 이 포트가 TLS를 쓴다면 wss://로 연결하세요.
        [http] 이 요청 시각의 서버 로그를 확인하세요. 이 포트가 TLS를 쓴다면 https://로 연결하세요.
       *[other] 이 요청 시각의 서버 로그를 확인하세요.
    }

connection-reset = { $authority }이(가) 연결을 받자마자 리셋했습니다
    .explanation = { $authority }로의 연결이 수락된 뒤, 서버가 한 바이트도 보내기 전에 리셋되었습니다. 포트 { $port } 뒤에서 이 연결을 처리한 프로그램이 없습니다. 가장 흔한 원인은 Docker가 포트를 공개했는데(또는 `kubectl port-forward`나 프록시가 전달하는데) 컨테이너 안의 애플리케이션이 127.0.0.1에서만 대기하는 경우입니다. 전달된 연결이 대기 중인 프로세스를 찾지 못해 리셋됩니다. 연결마다 죽는 서버나 TCP 리셋으로 거부하는 방화벽도 똑같이 보입니다.
    .fix = 컨테이너 안의 애플리케이션이 모든 인터페이스에서 대기하게 하세요. Spring Boot는 `server.address`를 비워 두거나 `server.address=0.0.0.0`으로, Node는 `server.listen(port, "0.0.0.0")`으로 설정합니다. `docker ps`로 포트 매핑(`0.0.0.0:{ $port }->…`)을 확인한 다음, 이 시각의 애플리케이션 로그를 확인하세요.

## 포트가 실제로 말하는 프로토콜

tls-to-plain-port = 포트 { $port }은(는) TLS가 아니라 평문 HTTP를 씁니다
    .explanation = TLS({ $scheme }://)로 연결했지만 이 포트는 평문 HTTP를 씁니다. 서버는 TLS ClientHello 바이트 0x16 0x03 0x01 …을 HTTP 요청으로 읽고 “{ $answer }”(으)로 응답했습니다. Tomcat은 이를 “Invalid character found in method name [0x160x030x01…]. HTTP method names must be tokens”로, nginx는 “client sent invalid method”로 기록합니다.
    .fix = { $plain_url }(암호화 없음)로 연결하거나, { -fix-tls-on-server }.
    .window = { $plain_url }(암호화 없음)로 연결하거나, { -window-fix-tls-on-server }.

plain-to-tls-port = 포트 { $port }은(는) TLS를 쓰는데 URL은 { $scheme }://입니다
    .explanation = { $how ->
        [silent] 포트가 평문 요청을 한 바이트도 보내지 않고 닫았고, TLS ClientHello에는 ServerHello({ $version })로 응답했습니다. 평문 HTTP에는 아무 말 없이 닫는 TLS 포트입니다(HAProxy는 닫고 stunnel은 리셋합니다. HAProxy는 “SSL handshake failure”, OpenSSL 기반 서버는 “http request”를 로그에 남깁니다).
        [server-answer] 서버가 “{ $words }”라며 { $answer }(으)로 응답했습니다. 요청이 암호화되지 않은 채 TLS 포트에 도착했습니다.
        [alert] 요청은 평문 HTTP로 나갔고, 서버는 TLS 경고(alert) 레코드로 응답했습니다(바이트 { $bytes }). 서버 로그에는 “plain HTTP request was sent to HTTPS port”(nginx)나 “Unsupported or unrecognized SSL message”(Java)로 남습니다.
       *[record] 요청은 평문 HTTP로 나갔고, 서버는 TLS 핸드셰이크 레코드로 응답했습니다(바이트 { $bytes }). 서버 로그에는 “plain HTTP request was sent to HTTPS port”(nginx)나 “Unsupported or unrecognized SSL message”(Java)로 남습니다.
    }
    .fix = { $secure_url }(으)로 연결하세요.

not-http = 포트 { $port }은(는) HTTP 서버가 아닙니다
    .explanation = { $kind ->
        [ssh] 포트 { $port }은(는) SSH 서버입니다. “{ $sample }”을(를) 보냈습니다(바이트 { $bytes }).
        [mail] 포트 { $port }은(는) 메일(SMTP)이나 FTP 서버입니다. “{ $sample }”을(를) 보냈습니다(바이트 { $bytes }).
        [binary] 포트 { $port }은(는) HTTP가 아닌 바이너리 데이터를 보냅니다. “{ $sample }”(바이트 { $bytes })
       *[text] 포트 { $port }은(는) HTTP가 아닌 응답을 보냅니다. “{ $sample }”(바이트 { $bytes })
    }
    .fix = 포트를 확인하세요. 애플리케이션의 HTTP 포트는 다른 번호입니다(Spring Boot: server.port).

## 인증서

# 사실 `days`와 `hours`로 만드는 기간(하루 미만일 때만 시간 단위).
time-span = { $days ->
        [0] { $hours ->
            [0] 1시간 미만
           *[other] { $hours }시간
        }
       *[other] { $days }일
    }

cert-expired = 인증서가 { time-span } 전에 만료되었습니다
    .explanation = { $subject } 인증서의 유효 기간은 { $not_after }까지였습니다.
    .fix = 인증서를 갱신하거나(Let's Encrypt는 `certbot renew`), `handshake keystore`로 새 개발용 인증서를 만든 뒤 서버를 재시작하세요.
    .window = 인증서를 갱신하거나(Let's Encrypt는 `certbot renew`), 새 개발용 인증서를 만든 뒤(해결 방법 고르기, 그다음 생성 단계에서 "새 인증서, Handshake 개발용 CA 서명") 서버를 재시작하세요.

cert-not-yet-valid = 인증서는 { time-span } 뒤에야 유효해집니다
    .explanation = { $subject } 인증서의 유효 기간은 { $not_before }부터입니다. 시작일을 미래로 잡아 만들었거나, 이 컴퓨터의 시계가 늦습니다.
    .fix = 이 컴퓨터와 서버의 시계를 확인하거나(`timedatectl`), 지금부터 유효한 인증서를 발급하세요.

cert-expiring-soon = 인증서가 { time-span } 뒤에 만료됩니다
    .explanation = { $subject } 인증서의 유효 기간은 { $not_after }까지입니다.
    .fix = 그 전에 갱신하세요(`certbot renew`를 주기적으로 실행하면 Let's Encrypt 인증서는 만료 30일 전에 갱신됩니다).

cert-hostname-mismatch = 인증서가 { $host }에 유효하지 않습니다
    .explanation = { $name_count ->
        [0] { $host }(으)로 연결했지만 인증서에 호스트 이름이 하나도 없습니다. subjectAltName 확장이 없고, 클라이언트는 CN을 보지 않습니다.
       *[other] { $host }(으)로 연결했지만 인증서가 포함하는 이름은 { $names }뿐입니다.
    }
    .fix = 인증서에 있는 이름으로 연결하거나, { $host }을(를) 포함한 인증서를 발급하세요(`handshake keystore --host { $host } …`).
    .window = 인증서에 있는 이름으로 연결하거나, { $host }을(를) 포함한 인증서를 발급하세요(해결 방법 고르기, 그다음 생성 단계의 호스트 이름에 { $host } 추가).

cert-self-signed = 자체 서명 인증서입니다
    .explanation = 서버가 스스로 발급한 인증서({ $subject })를 보냅니다. 따로 신뢰하도록 설정하지 않는 한 어떤 클라이언트도 믿지 않습니다.
    .fix = 개발 환경이라면 한 번만 신뢰하면 되는 로컬 CA로 서명하거나(`handshake keystore --ca-dir …`), --ca로 인증서를 넘겨 확인하세요. 운영 환경에서는 Let's Encrypt 같은 공개 CA의 인증서를 쓰세요.
    .window = 개발 환경이라면 한 번만 신뢰하면 되는 로컬 CA로 서명하거나(해결 방법 고르기, 생성 단계의 "새 인증서, Handshake 개발용 CA 서명", 그리고 신뢰 단계), 첫 화면 인증서 항목의 "신뢰할 CA"에 인증서를 넣어 확인하세요. 운영 환경에서는 Let's Encrypt 같은 공개 CA의 인증서를 쓰세요.

cert-untrusted-issuer = 이 클라이언트가 신뢰하지 않는 CA가 발급한 인증서입니다
    .explanation = { $cause ->
        [re-signed] 인증서 체인이 서버의 체인이 아니라, 이 연결을 풀고 다시 서명하는 프록시의 루트 { $issuer }에서 끝납니다(아래 항목). 이 루트는 신뢰하는 루트(시스템 루트와 --ca)에 없습니다.
        [root] 인증서 체인이 서버가 보낸 루트 { $issuer }에서 끝나는데, 이 루트는 신뢰하는 루트(시스템 루트와 --ca)에 없습니다.
       *[unseen] 인증서 체인이 { $issuer }에서 끝나는데, 이 CA는 신뢰하는 루트(시스템 루트와 --ca)에 없고 서버도 그 인증서를 보내지 않습니다. 개발용 CA처럼 이 클라이언트가 신뢰하지 않는 루트일 가능성이 가장 높고, 아니라면 서버가 빠뜨린 중간 CA입니다.
    }
    .fix = { $cause ->
        [re-signed] 클라이언트가 도는 곳에서 프록시의 루트를 신뢰하게 하고(방법은 아래 항목), --ca로 넘겨 확인하세요. 서버 자신의 체인은 프록시 없이 닿는 곳에서만 보입니다(--no-proxy).
        [root] 개발용 CA라면 --ca로 넘겨 확인한 뒤 { -trust-dev-ca }. 아니라면 공개 CA의 인증서를 쓰세요.
       *[unseen] 개발용 CA라면 --ca로 넘겨 확인한 뒤 { -trust-dev-ca }. 중간 CA라면 인증서 파일(nginx `ssl_certificate`, Spring `server.ssl.certificate`, 또는 키스토어)에 서버 인증서 다음으로 그 인증서를 붙이세요. 둘 다 아니라면 공개 CA의 인증서를 쓰세요.
    }
    .window = { $cause ->
        [re-signed] 클라이언트가 도는 곳에서 프록시의 루트를 신뢰하게 하고(방법은 아래 항목), 첫 화면 인증서 항목의 "신뢰할 CA"에 넣어 확인하세요. 서버 자신의 체인은 프록시 없이 닿는 곳에서만 보입니다(NO_PROXY에 그 호스트 추가).
        [root] 개발용 CA라면 첫 화면 인증서 항목의 "신뢰할 CA"에 넣어 확인한 뒤 { -window-trust-dev-ca }. 아니라면 공개 CA의 인증서를 쓰세요.
       *[unseen] 개발용 CA라면 첫 화면 인증서 항목의 "신뢰할 CA"에 넣어 확인한 뒤 { -window-trust-dev-ca }. 중간 인증서라면 인증서 파일에서 서버 인증서 다음에 그 인증서를 붙이세요(nginx `ssl_certificate`, Spring `server.ssl.certificate`, 또는 키스토어). 아니라면 공개 CA의 인증서를 쓰세요.
    }

cert-chain-incomplete = 서버가 중간 인증서를 보내지 않습니다
    .explanation = 서버가 인증서를 { $count }개만 보내고, 마지막 인증서 { $last_subject }의 발급자 { $last_issuer }(중간 CA)는 보내지 않습니다{ $sign ->
        [sibling] . 신뢰하는 루트 { $root }와(과) 같은 조직이므로 { $last_issuer }은(는) 그 사이의 중간 CA입니다.
        [name] . 이름으로 보아 중간 CA입니다.
       *[aia] .
    } { $sign ->
        [aia] 브라우저는 인증서에 적힌 주소에서 직접 받아 오기도 하지만 Java, curl, Node, 모바일 클라이언트는 그러지 않습니다.
       *[other] 인증서에 받아 올 주소가 없어서 브라우저를 포함한 모든 클라이언트가 실패합니다.
    }
    .fix = 전체 체인을 설정하세요. Let's Encrypt라면 cert.pem이 아니라 fullchain.pem을 쓰세요(nginx `ssl_certificate`, Spring `server.ssl.certificate`). 사내 CA라면 CA 담당 팀에서 받은 중간 인증서를 서버 인증서 다음에 붙이세요. `handshake keystore --cert fullchain.pem --key privkey.pem`은 체인 전체를 담은 키스토어를 만듭니다.
    .window = 전체 체인을 설정하세요. Let's Encrypt라면 cert.pem이 아니라 fullchain.pem을 쓰세요(nginx `ssl_certificate`, Spring `server.ssl.certificate`). 사내 CA라면 CA 담당 팀에서 받은 중간 인증서를 서버 인증서 다음에 붙이세요. 생성 단계에서 "내 PEM 파일(가져오기)"로 fullchain.pem과 privkey.pem을 고르면 체인 전체를 담은 키스토어를 만듭니다.

cert-chain-outside-validity = 중간 인증서가 { $state ->
        [not-yet-valid] 아직 유효하지 않습니다
       *[expired] 만료되었습니다
    }
    .explanation = { $state ->
        [not-yet-valid] 서버의 체인에 { $subject }이(가) 있는데, 이 인증서는 { $not_before }부터 유효합니다.
       *[expired] 서버의 체인에 { $subject }이(가) 있는데, 이 인증서는 { $not_after }까지 유효했습니다.
    } 서버 자신의 인증서는 문제가 없어도 클라이언트는 체인 전체를 거부합니다.
    .fix = 서버 인증서 파일의 중간 인증서를 CA의 현재 인증서로 바꾸세요(Let's Encrypt라면 최근 갱신에서 받은 fullchain.pem을 쓰세요).

cert-unreadable = 서버 인증서를 읽을 수 없습니다
    .explanation = { $count ->
        [0] 서버가 인증서를 하나도 보내지 않고 핸드셰이크를 마쳤습니다.
       *[other] 서버가 보낸 인증서가 올바른 X.509(DER) 형식이 아닙니다. 어떤 클라이언트도 검사할 수 없습니다.
    }
    .fix = 서버에 설정된 인증서 파일을 확인하세요. 리프 인증서가 맨 앞에 오는 PEM 인증서 체인(-----BEGIN CERTIFICATE-----)이어야 합니다.

cert-rejected = 인증서 체인 검증에 실패했습니다
    .explanation = { $reason ->
        [ca-as-leaf] 서버 인증서 { $subject }이(가) CA로 표시되어 있어서(basicConstraints CA:TRUE) Firefox와 rustls 기반 클라이언트는 서버 인증서로 받아들이지 않습니다(MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY, “CaUsedAsEndEntity”). OpenSSL, curl, Java는 받아들입니다. `openssl req -x509`는 따로 지정하지 않으면 인증서를 이렇게 만듭니다.
        [remade-ca] { $issuer }라는 이름의 루트는 신뢰하지만, 이 체인에 서명한 것은 그 루트가 아닙니다. 같은 이름으로 CA를 새 키와 함께 다시 만들었고(mkcert나 개발용 CA를 다시 설치한 경우), 서버는 아직 예전 CA가 발급한 인증서를 씁니다.
        [bad-signature] { $subject }의 체인에 검증되지 않는 서명이 있습니다. 인증서가 이름에 적힌 발급자가 서명한 것이 아니거나, 변조되었습니다.
        [unsupported-signature] { $subject }의 체인이 클라이언트가 더는 받아들이지 않는 서명 알고리즘({ $signature })을 씁니다.
        [bad-encoding] { $subject } 인증서의 형식이 잘못되어 클라이언트가 해석할 수 없습니다.
        [wrong-purpose] { $subject } 인증서는 TLS 서버용이 아닙니다(확장 키 용도에 serverAuth가 없습니다).
        [revoked] { $subject } 인증서는 CA가 폐기했습니다.
       *[other] { $subject }의 체인이 인증서 검사에서 거부되었습니다.
    }
    .fix = { $reason ->
        [ca-as-leaf] 서버 인증서로 다시 만드세요. `openssl req -x509`에 `-addext basicConstraints=critical,CA:FALSE`(와 `-addext subjectAltName=DNS:localhost`)를 더하거나, `handshake keystore --host localhost`로 개발용 CA에서 발급하세요.
        [remade-ca] 지금 CA로 서버 인증서를 다시 발급하거나(개발용 CA라면 `handshake keystore --host …`), 이 체인에 서명한 CA를 신뢰하세요.
       *[other] 서버에 설정된 인증서 파일을 확인하거나, 새 인증서를 발급하세요(`handshake keystore`).
    }
    .window = { $reason ->
        [ca-as-leaf] 서버 인증서로 다시 만드세요. `openssl req -x509`에 `-addext basicConstraints=critical,CA:FALSE`(와 `-addext subjectAltName=DNS:localhost`)를 더하거나, Handshake가 개발용 CA에서 발급하게 하세요(해결 방법 고르기, 그다음 생성 단계에서 "새 인증서, Handshake 개발용 CA 서명").
        [remade-ca] 지금 CA로 서버 인증서를 다시 발급하거나(개발용 CA라면 해결 방법 고르기, 그다음 생성 단계에서 "새 인증서, Handshake 개발용 CA 서명"), 이 체인에 서명한 CA를 신뢰하세요.
       *[other] 서버에 설정된 인증서 파일을 확인하거나, 새 인증서를 발급하세요(해결 방법 고르기, 그다음 생성 단계).
    }

cert-weak-signature = { $position ->
        [leaf] 서버 인증서가
       *[intermediate] 중간 인증서가
    } { $signature }(으)로 서명되었습니다
    .explanation = { $subject }은(는) { $signature }(으)로 서명되었습니다. SHA-1과 MD5 서명은 위조할 수 있어 브라우저, Java, rustls가 거부하므로 체인 검증에 실패합니다.
    .fix = SHA-256 서명으로 인증서를 다시 발급하세요(`handshake keystore`와 모든 최신 CA가 그렇게 합니다). 중간 인증서라면 CA의 현재 체인을 설치하세요.
    .window = SHA-256 서명으로 인증서를 다시 발급하세요(Handshake의 생성 단계와 모든 최신 CA가 그렇게 합니다). 중간 인증서라면 CA의 현재 체인을 설치하세요.

cert-weak-key = { $position ->
        [leaf] 서버 인증서의
       *[intermediate] 중간 인증서의
    } 키가 { $key }입니다
    .explanation = { $subject }의 키는 { $key }입니다. 클라이언트는 2048비트 미만의 RSA 키를 거부합니다. 인수분해될 수 있고, TLS 1.3 핸드셰이크를 서명하기에도 너무 작습니다.
    .fix = 새 키와 인증서를 만드세요: RSA 2048 이상, 또는 ECDSA P-256(`handshake keystore`의 기본값이 ECDSA P-256입니다).
    .window = 새 키와 인증서를 만드세요: RSA 2048 이상, 또는 ECDSA P-256(해결 방법 고르기, 그다음 생성 단계. 기본값이 ECDSA P-256입니다).

cert-too-large = 서버의 인증서 메시지가 클라이언트가 받기에 너무 큽니다
    .explanation = { $size ->
        [known] 서버가 인증서 { $certificates }개를 { $size_kib }KiB 메시지로 보냅니다.
       *[unknown] 서버가 { $limit_kib }KiB가 넘는 인증서 메시지를 보냅니다.
    } TLS 클라이언트는 { $limit_kib }KiB(rustls, Go), 100KiB(OpenSSL), 32KiB(Java, `jdk.tls.maxHandshakeMessageSize`)에서 멈춥니다. { $cause ->
        [names] 서버 인증서에 이름이 { $names }개 있습니다.
        [bundle] 인증서 파일에 서버 체인뿐 아니라 CA 번들 전체가 들어 있습니다.
       *[unknown] 대개 인증서 파일에 CA 번들 전체가 들어 있거나, 인증서에 이름이 수천 개 있습니다.
    }
    .fix = { $cause ->
        [names] 인증서를 나누세요. 서비스나 도메인 묶음마다 하나씩 발급하거나, 이름 수천 개 대신 와일드카드(`*.example.com`)를 쓰세요.
       *[other] 인증서 파일(nginx `ssl_certificate`, Spring `server.ssl.certificate`, 또는 키스토어)에는 서버 인증서와 중간 인증서만 두세요. CA 번들을 넣으면 안 됩니다. 이름이 수천 개인 인증서는 나누세요.
    }

cert-not-reloaded = 서버가 아직 { $newer ->
        [yes] 예전 인증서를 씁니다. 갱신한 인증서를 읽지 않았습니다
       *[no] 기대한 것과 다른 인증서를 씁니다
    }
    .explanation = 서버는 일련번호 { $served_serial }({ $served_not_after }까지 유효)을(를) 쓰고, 기대한 인증서는 일련번호 { $expected_serial }({ $expected_not_after }까지 유효)입니다. { $newer ->
        [yes] 디스크의 인증서는 갱신되었지만, 서버는 시작할 때 읽은 인증서를 계속 씁니다.
       *[no] 서버가 확인한 파일과 다른 파일을 읽거나, 이 포트에서 다른 서버가 응답합니다.
    }
    .fix = 서버가 파일을 다시 읽도록 리로드하세요: nginx `sudo nginx -s reload`(Let's Encrypt는 `--deploy-hook "systemctl reload nginx"`로 갱신할 때마다 자동으로), Apache `sudo apachectl graceful`, Spring Boot는 재시작하거나 `reload-on-update: true`인 SSL 번들(3.2 이상)을 쓰세요. `handshake generate spring --form keystore-bundle`이 그렇게 작성합니다.
    .window = 서버가 파일을 다시 읽도록 리로드하세요: nginx `sudo nginx -s reload`(Let's Encrypt는 `--deploy-hook "systemctl reload nginx"`로 갱신할 때마다 자동으로), Apache `sudo apachectl graceful`, Spring Boot는 재시작하거나 `reload-on-update: true`인 SSL 번들(3.2 이상)을 쓰세요. 해결 방법 고르기 → "Spring Boot가 TLS 처리"에서 속성 형식을 `keystore-bundle`로 고르면 그렇게 작성합니다.

cert-revoked = 인증서가 폐기되었습니다. 서버가 보낸 OCSP 스테이플이 그렇게 말합니다
    .explanation = 서버가 보낸 OCSP 응답에서 CA가 인증서 { $subject }(일련번호 { $serial })를 { $at }에 폐기했다고 말합니다{ $reason ->
        [unspecified] .
       *[other] (사유: { $reason }).
    } Firefox는 연결을 거부하고(SEC_ERROR_REVOKED_CERTIFICATE), 폐기 여부를 확인하지 않는 클라이언트는 그대로 연결되어 실패가 무작위처럼 보입니다.
    .fix = 새 인증서를 발급받아(키가 유출되었다면 새 키로) 폐기된 인증서 대신 설치하고 서버를 리로드하세요. nginx는 스테이플한 응답을 만료될 때까지 유지하므로, `ssl_stapling_file`을 쓴다면 그 파일도 바꾸세요.

tls-intercepted = { $how ->
        [root] TLS 검사 프록시({ $product })가 이 연결을 다시 서명합니다
       *[key] { $has_proxy ->
            [yes] 프록시 { $proxy }이(가) 이 연결을 다시 서명합니다
           *[no] 서버와의 사이에서 무언가가 이 연결을 다시 서명합니다
        }
    }
    .explanation = { $how ->
        [root] { $host }의 체인이 공개 CA가 아니라 { $product } 검사 제품의 루트인 { $root }에서 끝납니다. 회사 프록시가 서버와의 사이에서 TLS를 풀고 다시 서명합니다.
       *[key] { $host }의 인증서가 발급자 { $root }와(과) 같은 공개 키를 담고 있습니다. 인증 기관은 서버에 자기 키를 주지 않습니다. 검사 프록시(Squid의 ssl_bump, mitmproxy)가 모든 사이트의 인증서를 이렇게 위조합니다{ $has_proxy ->
            [yes] . 이 연결은 프록시 { $proxy }을(를) 거쳤습니다
           *[no] {""}
        }. 서버와의 사이에서 TLS를 풀고 다시 서명합니다.
    } 브라우저는 회사가 설치한 시스템 저장소로 이를 신뢰하지만, Java와 Node는 그 저장소를 읽지 않아 “PKIX path building failed”나 “unable to get local issuer certificate”로 실패합니다.{ $upgrade_lost ->
        [yes] {" "}다시 서명된 연결 안에서 WebSocket 업그레이드에 101이 오지 않았습니다. 프록시가 HTTP를 읽고 Upgrade를 전달하지 않습니다(Squid는 따로 설정하지 않으면 버립니다).
       *[no] {""}
    }
    .fix = 그 클라이언트에 프록시의 루트를 주세요: Java `keytool -importcert -cacerts -alias corporate-proxy -file proxy-root.pem`(또는 `handshake trust --java`), Node `NODE_EXTRA_CA_CERTS=proxy-root.pem`, 이 확인에는 `--ca proxy-root.pem`. 루트 인증서는 IT 부서에 요청하거나 브라우저의 인증서 보기에서 내보내세요.{ $upgrade_lost ->
        [yes] {" "}업그레이드는 프록시 관리자에게 WebSocket을 통과시켜 달라고 하세요. Squid: `http_upgrade_request_protocols websocket allow all`(소문자), 또는 이 호스트를 아예 풀지 않도록 `ssl_bump splice`.
       *[no] {""}
    }
    .window = 그 클라이언트에 프록시의 루트를 주세요: Java `keytool -importcert -cacerts -alias corporate-proxy -file proxy-root.pem`, Node `NODE_EXTRA_CA_CERTS=proxy-root.pem`, 이 진단에는 첫 화면 인증서 항목의 "신뢰할 CA". 루트 인증서는 IT 부서에 요청하거나 브라우저의 인증서 보기에서 내보내세요.{ $upgrade_lost ->
        [yes] {" "}업그레이드는 프록시 관리자에게 WebSocket을 통과시켜 달라고 하세요. Squid: `http_upgrade_request_protocols websocket allow all`(소문자), 또는 이 호스트를 아예 풀지 않도록 `ssl_bump splice`.
       *[no] {""}
    }

## TLS 핸드셰이크

tls-handshake-failed = TLS 핸드셰이크가 실패했습니다
    .explanation = { $cause ->
        [alert] 서버가 { $alert }({ $alert_code }) 경고로 TLS 핸드셰이크를 끝냈습니다. { $alert ->
            [protocol_version] 이 클라이언트가 받아들이는 프로토콜 버전을 서버가 제공하지 않습니다. 최신 브라우저와 Java가 거부하는 TLS 1.0이나 1.1만 쓰는 것으로 보입니다.
            [handshake_failure] 서버와 이 클라이언트가 함께 쓸 수 있는 암호 스위트나 키 교환 방식이 없거나, 서버가 클라이언트 인증서를 요구합니다.
            [insufficient_security] 서버가 이 클라이언트가 제시한 것보다 강하거나 다른 암호 스위트를 요구합니다.
            [unrecognized_name] 서버에 이 호스트 이름(SNI)용 인증서가 없습니다.
            [certificate_required] 서버가 클라이언트 인증서를 요구합니다(상호 TLS).
            [internal_error] 서버 내부에서 문제가 생겼습니다. 서버 로그에 원인이 있습니다.
           *[other] 이 시각의 서버 로그에 원인이 있습니다.
        }
        [closed] 서버가 경고 없이 TLS 핸드셰이크 도중에 연결을 닫았습니다.
        [reset] 서버가 TLS 핸드셰이크 도중에 연결을 리셋했습니다.
        [stalled] 서버가 TLS 핸드셰이크를 시작한 뒤 { $timeout_s }초 동안 응답하지 않았습니다.
        [no-common-version] 이 클라이언트가 받아들이는 프로토콜 버전을 서버가 제공하지 않습니다. 최신 브라우저와 Java가 거부하는 TLS 1.0이나 1.1만 쓰는 것으로 보입니다.
        [no-common-cipher] 서버가 이 클라이언트가 제시하지 않은 암호 스위트, 키 교환 그룹, 서명 방식을 골랐습니다. 레거시 스위트(CBC, 정적 RSA, DHE)나 최신 클라이언트가 거부하는 곡선만 제공합니다.
        [invalid-message] 서버가 핸드셰이크 도중 올바른 TLS가 아닌 바이트를 보냈습니다.
        [signature-rejected] 서버의 핸드셰이크 서명이 인증서의 키({ $key })로 검증되지 않았습니다. 키가 너무 작거나 클라이언트가 거부하는 종류이거나, 인증서와 짝이 아닌 키입니다.
        [misbehaved] 서버가 핸드셰이크 도중 TLS 프로토콜을 어겼습니다.
       *[other] 이 클라이언트가 원인을 특정할 수 없는 이유로 TLS 핸드셰이크가 실패했습니다.
    }
    .fix = 서버의 TLS 설정과 이 시각의 서버 로그를 확인하세요. 서버는 ECDHE와 AES-GCM 또는 ChaCha20 스위트로 TLS 1.2와 1.3을 제공하고, RSA 2048 이상이나 ECDSA P-256 키의 인증서를 써야 합니다(Handshake의 생성기는 Mozilla intermediate 프로필로 설정합니다).

tls-client-cert-required = 서버가 클라이언트 인증서를 요구합니다(상호 TLS)
    .explanation = { $authority_count ->
        [0] 서버가 받아들이는 CA를 알려 주지 않고 클라이언트 인증서를 요청했고, 인증서가 없어 연결을 거부했습니다.
       *[other] 서버가 { $authorities }이(가) 발급한 클라이언트 인증서를 요청했고, 인증서가 없어 연결을 거부했습니다.
    } 상호 TLS입니다. 서버처럼 클라이언트도 인증서로 자신을 증명해야 합니다.
    .fix = 서버가 받아들이는 인증서를 넘기세요: `handshake diagnose { $url } --client-cert client.pem --client-key client-key.pem`, PKCS12 파일이라면 `--client-cert client.p12 --password-env VAR` (`handshake check`도 같습니다). 브라우저는 사용자 인증서 저장소에서 고르고, Java는 `javax.net.ssl.keyStore`에서, Node는 `cert`와 `key` 옵션에서 읽습니다. 이 엔드포인트에 인증서가 필요 없다면 서버에서 끄세요(nginx `ssl_verify_client optional`, Spring Boot `server.ssl.client-auth=none`).
    .window = 서버가 받아들이는 인증서를 아래 칸에 넣고(PEM 인증서와 키, 또는 PKCS12 파일과 비밀번호) 그 인증서로 다시 진단하세요. 검증 단계도 같은 인증서를 씁니다. 브라우저는 사용자 인증서 저장소에서 고르고, Java는 `javax.net.ssl.keyStore`에서, Node는 `cert`와 `key` 옵션에서 읽습니다. 이 엔드포인트에 인증서가 필요 없다면 서버에서 끄세요(nginx `ssl_verify_client optional`, Spring Boot `server.ssl.client-auth=none`).

tls-version-too-old = 서버가 최신 클라이언트가 거부하는 { $version }만 씁니다
    .explanation = TLS 1.2까지 모든 버전을 제시하자 서버는 { $version }({ $cipher })을(를) 골랐습니다. 브라우저, Java 17 이상, Node, OpenSSL 3의 curl, rustls는 TLS 1.0과 1.1을 거부합니다(RFC 8996). 최신 클라이언트는 아무도 연결할 수 없습니다.
    .fix = 서버에서 TLS 1.2와 1.3을 켜세요: nginx `ssl_protocols TLSv1.2 TLSv1.3;`(`handshake generate nginx`가 작성합니다), Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`, Spring Boot `server.ssl.enabled-protocols=TLSv1.2,TLSv1.3`. 서버의 TLS 라이브러리가 지원하지 않는다면 업데이트하세요.
    .window = 서버에서 TLS 1.2와 1.3을 켜세요: nginx `ssl_protocols TLSv1.2 TLSv1.3;`(해결 방법 고르기 → "앞단에 Nginx"가 작성합니다), Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`, Spring Boot `server.ssl.enabled-protocols=TLSv1.2,TLSv1.3`. 서버의 TLS 라이브러리가 지원하지 않는다면 업데이트하세요.

tls-legacy-versions = 서버가 아직 { $version }을(를) 받아들입니다
    .explanation = TLS 1.2나 1.3으로는 핸드셰이크가 되지만, TLS 1.1까지만 제시하자 서버가 { $version }을(를) 받아들였습니다. TLS 1.0과 1.1은 폐기되었고(RFC 8996), 보안 점검과 감사에서 지적됩니다.
    .fix = TLS 1.2와 1.3만 허용하세요: nginx `ssl_protocols TLSv1.2 TLSv1.3;`, Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`, Spring Boot `server.ssl.enabled-protocols=TLSv1.2,TLSv1.3`.

tls-no-shared-cipher = 서버가 이 클라이언트가 거부하는 암호 스위트만 제공합니다
    .explanation = 모든 스위트를 제시하자 서버는 { $cipher }을(를) 골랐습니다. { $family ->
        [cbc] CBC 스위트입니다. rustls 기반 클라이언트와 Handshake는 거부하고, 브라우저는 오래된 서버 때문에만 남겨 두었습니다
        [static-rsa] 정적 RSA 키 교환이라 전방 보안이 없습니다. rustls, Go, TLS 1.3이 지원을 끊었습니다
        [dhe] { $group ->
            [unknown] 유한체 Diffie-Hellman입니다. 브라우저와 rustls가 지원을 끊었습니다
            [small] { $dh_bits }비트 그룹의 유한체 Diffie-Hellman입니다. 그룹이 너무 작아 안전하지 않고(Logjam) 브라우저와 rustls가 지원을 끊었습니다
           *[strong] { $dh_bits }비트 그룹의 유한체 Diffie-Hellman입니다. 브라우저와 rustls가 지원을 끊었습니다
        }
        [triple-des] 3DES입니다. Sweet32로 깨졌고 최신 클라이언트가 거부합니다
        [rc4] RC4입니다. 깨졌고 모든 최신 클라이언트가 거부합니다
        [null] 암호화가 전혀 없습니다
        [anonymous] 아무도 인증하지 않는 익명 스위트입니다
       *[other] 최신 클라이언트가 제시하지 않는 스위트입니다
    }. 최신 클라이언트는 TLS 1.2에서 ECDHE와 AES-GCM 또는 ChaCha20, 그리고 TLS 1.3 스위트를 제시하는데, 서버에는 그중 하나도 없습니다.
    .fix = `ssl_protocols TLSv1.2 TLSv1.3;`와 함께 Mozilla intermediate 스위트를 설정하세요. `handshake generate nginx`와 `handshake generate apache`가 전체 목록을 작성합니다(Spring Boot: `server.ssl.ciphers`를 비워 두거나 같은 스위트를 나열하세요).
    .window = `ssl_protocols TLSv1.2 TLSv1.3;`와 함께 Mozilla intermediate 스위트를 설정하세요. 해결 방법 고르기 → "앞단에 Nginx" 또는 "앞단에 Apache httpd"가 전체 목록을 작성합니다(Spring Boot: `server.ssl.ciphers`를 비워 두거나 같은 스위트를 나열하세요).

## HTTP 응답

http-redirect = URL이 { $location_given ->
        [yes] { $location }(으)로 리디렉트됩니다({ $status })
       *[no] 리디렉트됩니다({ $status })
    }
    .explanation = { $location_given ->
        [yes] 서버가 Location: { $location }와 함께 “{ $status_line }”(으)로 응답했습니다.
       *[no] 서버가 Location 헤더 없이 “{ $status_line }”(으)로 응답했습니다.
    } WebSocket 클라이언트(브라우저 포함)는 리디렉트를 따라가지 않고, API 클라이언트는 메서드나 본문을 잃을 수 있습니다.
    .fix = { $location_given ->
        [yes] 최종 URL({ $location })을 바로 쓰세요. WebSocket이라면 ws:// 또는 wss://로 쓰세요.
       *[no] 서버가 어디로 보내려는지 확인하고 최종 URL을 바로 쓰세요.
    }

http-headers-too-large = 서버가 끝나지 않는 응답 헤더를 보냅니다
    .explanation = 응답 헤더가 끝나지 않은 채 { $max_kib }KiB 또는 헤더 { $max_headers }개를 넘었습니다. 실제 HTTP 서버는 이렇게 보내지 않습니다.
    .fix = 이 포트에서 무엇이 대기하는지 확인하세요. 오작동하는 프록시나 애플리케이션이 헤더를 계속 보내고 있습니다.

http-ok = 서버가 응답했습니다: { $status_line }
    .explanation = { $url }이(가) { $answer }(으)로 응답했습니다. { $hsts ->
        [absent] HSTS 헤더는 보내지 않습니다.
        [plain] {""}
       *[present] HSTS: { $hsts_value }
    }
    .fix = 전송 계층에서 고칠 것은 없습니다.

hsts-on-localhost = { $host }이(가) HSTS를 보냅니다. 브라우저는 이를 localhost의 모든 포트에 적용합니다
    .explanation = 서버가 Strict-Transport-Security: { $hsts_value }(으)로 응답합니다. { $host }에서는 이것이 남습니다. 브라우저는 max-age가 끝날 때까지 이 이름에서 실행하는 모든 앱에 포트와 상관없이 https를 강제합니다.
    .fix = HSTS는 운영 호스트에서만 보내세요(Spring Security: 개발 프로필이 아닐 때만 `headers.httpStrictTransportSecurity`, nginx: 로컬 설정에서 `add_header Strict-Transport-Security` 줄을 빼세요). Chrome에서 되돌리려면 chrome://net-internals/#hsts에서 이름을 삭제하고, Firefox에서는 방문 기록에서 사이트를 잊으세요.

## WebSocket 업그레이드

ws-upgrade-ignored = 업그레이드 요청에 일반 응답이 돌아왔습니다
    .explanation = WebSocket 업그레이드 요청에 { $answer }(으)로 응답했습니다. 요청이 Upgrade 헤더를 무시하는 곳에 닿았습니다. Upgrade/Connection을 전달하지 않는 프록시이거나, WebSocket 엔드포인트가 없는 경로입니다.
    .fix = 프록시 뒤라면 업그레이드를 전달하세요. nginx: { -forward-upgrade }. Apache: `ProxyPass … upgrade=websocket`. lighttpd: `proxy.header = ("upgrade" => "enable")`. 아니라면 엔드포인트 경로를 확인하세요.
    .window = 프록시 뒤라면 업그레이드를 전달하세요. nginx: { -window-forward-upgrade }. Apache: `ProxyPass … upgrade=websocket`, lighttpd: `proxy.header = ("upgrade" => "enable")`. 프록시가 없다면 엔드포인트 경로를 확인하세요.

ws-upgrade-rejected = 서버가 업그레이드를 거부했습니다({ $status })
    .explanation = 업그레이드 요청에 { $answer }(으)로 응답했습니다. HTTP/1.0으로 전달하면서 Upgrade/Connection을 버리는 프록시(nginx 기본값)를 거치면 Spring은 “Can "Upgrade" only to "WebSocket"”로, 다른 서버는 426이나 505로 응답합니다.
    .fix = 프록시가 업그레이드를 전달해야 합니다. nginx: { -forward-upgrade }. Apache: `ProxyPass … upgrade=websocket`(2.4.47 이상). lighttpd: mod_proxy에 `proxy.header = ("upgrade" => "enable")`(HAProxy와 Caddy는 알아서 전달합니다). 프록시 없이 직접 연결했다면 핸드셰이크를 거부한 이유를 서버 로그에서 확인하세요.
    .window = 프록시가 업그레이드를 전달해야 합니다. nginx: { -window-forward-upgrade }. Apache: `ProxyPass … upgrade=websocket`(2.4.47 이상), lighttpd: mod_proxy에 `proxy.header = ("upgrade" => "enable")`(HAProxy와 Caddy는 알아서 전달합니다). 직접 연결이라면 핸드셰이크를 거부한 이유를 서버 로그에서 확인하세요.

ws-sockjs-endpoint = { $url }은(는) WebSocket이 아니라 SockJS 엔드포인트입니다
    .explanation = 업그레이드 요청이 거부되었고, 이 주소는 SockJS처럼 응답합니다(“Welcome to SockJS!”, `/info` 문서). 이 주소는 SockJS 엔드포인트(Spring의 `.withSockJS()`, Node용 SockJS 서버)의 기본 URL입니다. SockJS 클라이언트는 HTTP로 이 주소를 열고 전송 방식을 스스로 고르지만, 일반 WebSocket 클라이언트(브라우저의 `WebSocket`, websocat, 모바일 클라이언트)는 101 대신 이 인사말을 받고 실패합니다.
    .fix = SockJS 클라이언트라면 { $sockjs_url }을(를) 쓰세요(`new SockJS("{ $sockjs_url }")`, STOMP라면 `webSocketFactory: () => new SockJS(…)`). 일반 WebSocket 클라이언트라면 원시 WebSocket URL { $websocket_url }을(를) 쓰거나, `.withSockJS()` 없이 엔드포인트를 하나 더 등록하세요. 여기서 확인하려면 `handshake check { $sockjs_url }`를 실행하세요(SockJS임을 알아보고 SockJS로 확인합니다).
    .window = SockJS 클라이언트라면 { $sockjs_url }을(를) 쓰세요(`new SockJS("{ $sockjs_url }")`, STOMP라면 `webSocketFactory: () => new SockJS(…)`). 일반 WebSocket 클라이언트라면 원시 WebSocket URL { $websocket_url }을(를) 쓰거나, `.withSockJS()` 없이 엔드포인트를 하나 더 등록하세요. 여기서 확인하려면 검증 단계에서 { $sockjs_url }을(를) 검증하세요(SockJS임을 알아보고 SockJS로 확인합니다).

ws-socketio-endpoint = Socket.IO 서버입니다. 일반 WebSocket 클라이언트로는 연결할 수 없습니다
    .explanation = 업그레이드 요청에 Engine.IO의 “{ $words }” 메시지와 함께 “{ $status_line }”(으)로 응답했습니다. Socket.IO는 WebSocket 위에서 자체 프로토콜(Engine.IO 패킷, 네임스페이스, ack)을 쓰며, { $path } 경로에 `EIO=4&transport=websocket` 쿼리로 연결해야 합니다. 브라우저의 `WebSocket`, websocat, STOMP 클라이언트로는 접속할 수 없고, Socket.IO v2 클라이언트(EIO=3)는 v3/v4 서버에 접속할 수 없습니다.
    .fix = 서버와 같은 메이저 버전의 Socket.IO 클라이언트로 연결하세요: `io("{ $client_url }")`(서버가 /socket.io/ 외의 경로를 쓰면 `path` 옵션 추가). 여기서 서버를 확인하려면 `handshake check { $check_url } --protocol socketio`를 실행하세요.
    .window = 서버와 같은 메이저 버전의 Socket.IO 클라이언트로 연결하세요: `io("{ $client_url }")`(서버가 /socket.io/ 외의 경로를 쓰면 `path` 옵션 추가). 여기서 서버를 확인하려면 검증 단계에서 { $check_url }을(를) 프로토콜 Socket.IO로 검증하세요.

ws-subprotocol-required = { $how ->
        [unoffered] 서버가 클라이언트가 제안하지 않은 서브프로토콜을 골랐습니다
       *[other] 서버가 WebSocket 서브프로토콜을 요구합니다
    }
    .explanation = { $how ->
        [unoffered] 업그레이드 요청을 { $offered ->
            [none] 서브프로토콜 없이
           *[other] “{ $offered }”을(를) 제안하며
        } 보냈는데, 서버는 Sec-WebSocket-Protocol: { $chosen }(으)로 응답했습니다. 브라우저와 대부분의 라이브러리는 이런 연결을 끊습니다(RFC 6455: 클라이언트가 요청하지 않은 서브프로토콜).
        [closed] 업그레이드 요청을 { $offered ->
            [none] 서브프로토콜 없이
           *[other] “{ $offered }”을(를) 제안하며
        } 보냈고, 서버는 WebSocket으로 전환한 직후 { $code } “{ $reason }”(으)로 연결을 닫았습니다. 이 서버는 자신의 서브프로토콜을 지정한 클라이언트만 받습니다(graphql-ws는 `graphql-transport-ws`, STOMP 서버는 `v12.stomp`).
       *[refused] 업그레이드 요청을 { $offered ->
            [none] 서브프로토콜 없이
           *[other] “{ $offered }”을(를) 제안하며
        } 보냈고 “{ $status_line }”: “{ $words }”(으)로 응답받았습니다.
    }
    .fix = { $how ->
        [unoffered] 서버가 클라이언트가 제안한 것 중에서만 고르도록 고치거나(Spring: `setSupportedProtocols`, Node `ws`: `handleProtocols`), 클라이언트에서 그 서브프로토콜을 제안하세요.
       *[other] 서버가 기대하는 서브프로토콜을 제안하세요. 브라우저에서는 `new WebSocket(url, ["graphql-transport-ws"])`, 또는 그 프로토콜의 클라이언트 라이브러리(graphql-ws `createClient`, STOMP.js)를 쓰면 알아서 제안합니다. 여기서는 `handshake check URL --protocol graphql-ws`(또는 `--subprotocol 이름`)로 확인하세요.
    }
    .window = { $how ->
        [unoffered] 서버가 클라이언트가 제안한 것 중에서만 고르도록 고치거나(Spring: `setSupportedProtocols`, Node `ws`: `handleProtocols`), 클라이언트에서 그 서브프로토콜을 제안하세요.
       *[other] 서버가 기대하는 서브프로토콜을 제안하세요. 브라우저에서는 `new WebSocket(url, ["graphql-transport-ws"])`, 또는 그 프로토콜의 클라이언트 라이브러리(graphql-ws `createClient`, STOMP.js)를 쓰면 알아서 제안합니다. 여기서는 검증 단계에서 프로토콜을 graphql-ws로 골라 확인하세요.
    }

ws-closed-at-once = 서버가 WebSocket을 받아들인 뒤 바로 닫았습니다({ $code })
    .explanation = 업그레이드에 101로 응답한 직후 서버가 스스로 연결을 닫았습니다. 종료 코드는 { $code }{ $has_reason ->
        [yes] {" "}“{ $reason }”
       *[no] {""}
    }입니다. { $code ->
        [1000] 정상 종료입니다. 애플리케이션이 모든 세션을 바로 끝내거나 이 세션을 일부러 끝냈습니다.
        [1001] “going away”입니다. 서버가 종료 중입니다.
        [1002] 프로토콜 오류입니다. 애플리케이션이 클라이언트가 보내지 않은 것(서브프로토콜, 첫 메시지)을 원합니다.
        [1003] 지원하지 않는 데이터입니다.
        [1008] 정책 위반입니다. 대개 애플리케이션이 연결을 받은 뒤 검사하는 토큰, 쿠키, Origin 때문입니다.
        [1011] 서버 내부 오류입니다. 서버 로그에 예외가 남아 있습니다.
       *[other] 애플리케이션이 정한 코드(4000–4999)이거나 드문 코드입니다.
    } 핸드셰이크는 되지만 연결은 유지되지 않으므로, 브라우저에서는 열리자마자 닫힌 것으로 보입니다.
    .fix = 그 시각의 애플리케이션 로그를 확인하고, 애플리케이션이 연결을 받은 뒤 검사하는 것(URL이나 쿠키의 토큰, Origin, 첫 메시지)을 주세요. 4xxx 코드라면 애플리케이션 문서를 보세요.

ws-no-answer = WebSocket은 열렸지만 { $timeout_s }초 동안 응답이 없습니다
    .explanation = 업그레이드 뒤에 { $protocol ->
        [echo] 보낸 메시지 “{ $sent }”에 응답이 없습니다. 에코 검사는 어떤 메시지든 돌아오기를 기다립니다. 프로토콜을 쓰는 애플리케이션(STOMP, Socket.IO, graphql-ws)은 자기 프로토콜의 첫 프레임을 받기 전까지 아무 말도 하지 않습니다.
       *[other] “{ $sent }”({ $protocol })에 { $timeout_s }초 동안 응답이 없습니다.
    }
    .fix = { $protocol ->
        [echo] 애플리케이션의 프로토콜을 지정하세요: `handshake check URL --protocol stomp`(또는 sockjs, socketio, graphql-ws. `auto`는 URL과 서브프로토콜을 보고 고릅니다). 에코 엔드포인트라면 핸들러가 응답하지 않은 것이니 애플리케이션 로그를 확인하세요.
       *[other] 이 시각의 애플리케이션 로그를 확인하고, 이 경로의 엔드포인트가 { $protocol } 엔드포인트인지 확인하세요. 프록시 뒤라면 프록시가 WebSocket 프레임을 양방향으로 전달하는지 확인하세요.
    }
    .window = { $protocol ->
        [echo] 애플리케이션의 프로토콜을 지정하세요: 검증 단계의 프로토콜(STOMP, SockJS, Socket.IO, graphql-ws. 자동은 URL과 서브프로토콜을 보고 고릅니다). 에코 엔드포인트라면 핸들러가 응답하지 않은 것이니 애플리케이션 로그를 확인하세요.
       *[other] 이 시각의 애플리케이션 로그를 확인하고, 이 경로의 엔드포인트가 { $protocol } 엔드포인트인지 확인하세요. 프록시 뒤라면 프록시가 WebSocket 프레임을 양방향으로 전달하는지도 확인하세요.
    }

ws-closed-by-server = 서버가 응답 대신 WebSocket을 닫았습니다({ $code })
    .explanation = 업그레이드 뒤 { $protocol } 교환이 종료 코드 { $code }{ $has_reason ->
        [yes] {" "}“{ $reason }”
       *[no] {""}
    }(으)로 끝났습니다. { $code ->
        [1000] 정상 종료입니다. 애플리케이션이 일부러 세션을 끝냈습니다.
        [1001] “going away”입니다. 서버가 종료 중이거나 페이지가 이동했습니다.
        [1002] 프로토콜 오류입니다. 서버가 보낸 내용을 이해하지 못했습니다.
        [1003] 지원하지 않는 데이터입니다. 서버가 이 종류의 메시지(텍스트나 바이너리)를 받지 않습니다.
        [1006] 종료 프레임이 전혀 없습니다. 연결이 끊겼습니다: 서버 장애, 프록시 타임아웃, 리셋.
        [1007] 메시지에 잘못된 데이터가 있습니다.
        [1008] 정책 위반입니다. 대개 인증, Origin 검사, 요청 제한 때문입니다.
        [1009] 메시지가 서버 한도보다 큽니다.
        [1011] 서버 내부 오류입니다. 서버 로그에 예외가 있습니다.
       *[other] 애플리케이션이 정의한 코드(4000–4999)이거나 드문 코드입니다.
    }
    .fix = 이 시각의 서버 로그를 확인하세요. 1008이면 인증 정보와 허용된 Origin을, 프록시 뒤의 1006이면 프록시 로그와 타임아웃을, 4xxx 코드면 애플리케이션 문서를 확인하세요.

ws-protocol-refused = { $how ->
        [refused] { $refusal ->
            [login] { $protocol } 서버가 로그인을 거부했습니다
            [vhost] { $protocol } 브로커가 가상 호스트(virtual host)를 거부했습니다
           *[other] { $protocol } 서버가 클라이언트를 거부했습니다
        }
        [too-large] 서버의 응답이 크기 제한을 넘습니다
       *[other] 서버가 { $protocol } 프로토콜을 쓰지 않습니다
    }
    .explanation = { $how ->
        [refused] WebSocket은 열렸지만 { $protocol } 핸드셰이크에 거부 응답이 왔습니다: “{ $words }”{ $has_detail ->
            [yes] {" "}— “{ $detail }”.
           *[no] {""}.
        }
        [too-large] { $protocol } 교환 중에 서버가 { $words }를 넘는 메시지를 보냈습니다.
       *[other] WebSocket은 열렸지만 { $protocol } 핸드셰이크에 대한 응답이 { $protocol }이(가) 아닙니다: “{ $words }”.
    }
    .fix = { $how ->
        [refused] { $refusal ->
            [login] login과 passcode가 거부되었습니다. 둘 다 확인하세요(`--stomp-login`, `--stomp-passcode-env`, STOMP.js에서는 `connectHeaders`의 `login`과 `passcode`). RabbitMQ의 guest 사용자는 `loopback_users`를 바꾸지 않는 한 localhost에서만 접속할 수 있고, 다른 사용자는 `rabbitmqctl add_user`로 만들고 가상 호스트 권한을 줘야 합니다.
            [vhost] 브로커는 CONNECT 프레임의 `host` 헤더를 가상 호스트 이름으로 읽는데, 이 사용자는 그 가상 호스트를 쓸 수 없습니다(또는 그런 가상 호스트가 없습니다). 권한이 있는 가상 호스트를 보내세요. RabbitMQ 기본값은 “/”입니다(`rabbitmqctl list_permissions -p /`). `--stomp-host /`, STOMP.js에서는 `connectHeaders`에 `host: "/"`를 넣어 지정하거나, STOMP.js 기본 동작처럼 `host`를 아예 보내지 마세요(Handshake는 --stomp-host가 없으면 보내지 않습니다).
           *[other] 애플리케이션이 이 클라이언트를 거부합니다. { $protocol ->
                [stomp] Spring은 `ChannelInterceptor`나 보안 설정이 거절한 CONNECT(login, passcode, 토큰)에 ERROR로 응답합니다. 서버가 기대하는 값을 보내고(토큰 헤더: `--bearer-env`, `--header-env`) 로그를 확인하세요.
               *[other] 미들웨어(인증, `auth`의 토큰)가 연결을 거부했습니다. 서버의 미들웨어와 로그를 확인하세요.
            }
        }
        [too-large] 메시지를 더 작게 보내거나 서버의 한도를 올리세요.
       *[other] 다른 프로토콜로 확인하세요: `handshake check URL --protocol auto`는 URL과 협상된 서브프로토콜을 보고 고릅니다.
    }
    .window = { $how ->
        [refused] { $refusal ->
            [login] login과 passcode가 거부되었습니다. 둘 다 확인하세요(STOMP.js에서는 `connectHeaders`의 `login`과 `passcode`). RabbitMQ의 guest 사용자는 `loopback_users`를 바꾸지 않는 한 localhost에서만 접속할 수 있고, 다른 사용자는 `rabbitmqctl add_user`로 만들고 가상 호스트 권한을 줘야 합니다.
            [vhost] 브로커는 CONNECT 프레임의 `host` 헤더를 가상 호스트 이름으로 읽는데, 이 사용자는 그 가상 호스트를 쓸 수 없습니다(또는 그런 가상 호스트가 없습니다). 권한이 있는 가상 호스트를 보내세요. RabbitMQ 기본값은 “/”입니다(`rabbitmqctl list_permissions -p /`). STOMP.js에서는 `connectHeaders`에 `host: "/"`를 넣거나, 기본 동작처럼 `host`를 아예 보내지 마세요.
           *[other] 애플리케이션이 이 클라이언트를 거부합니다. { $protocol ->
                [stomp] Spring은 `ChannelInterceptor`나 보안 설정이 거절한 CONNECT(login, passcode, 토큰)에 ERROR로 응답합니다. 서버가 기대하는 값을 보내고 로그를 확인하세요.
               *[other] 미들웨어(인증, `auth`의 토큰)가 연결을 거부했습니다. 서버의 미들웨어와 로그를 확인하세요.
            }
        }
        [too-large] 메시지를 더 작게 보내거나 서버의 한도를 올리세요.
       *[other] 다른 프로토콜로 확인하세요. 검증 단계의 프로토콜을 자동으로 두면 URL과 협상된 서브프로토콜을 보고 고릅니다.
    }

ws-accept-mismatch = 서버가 잘못된 Sec-WebSocket-Accept로 프로토콜을 전환했습니다
    .explanation = 서버가 Sec-WebSocket-Accept “{ $accept }”와 함께 “{ $status_line }”(으)로 응답했지만, 보낸 키에 맞는 값은 “{ $expected }”입니다. 브라우저는 이런 연결을 끊습니다.
    .fix = 클라이언트와 서버 사이의 무언가가 핸드셰이크를 고쳐 쓰고 있거나, 서버의 WebSocket 구현이 잘못되었습니다. 관리되는 WebSocket 라이브러리를 쓰세요.

ws-path-not-found = { $path }에 아무것도 없습니다(404)
    .explanation = 서버가 { $path }에 대해 { $answer }(으)로 응답했습니다.
    .fix = 엔드포인트 경로를 확인하세요(Spring: `registry.addHandler(handler, "/ws")`나 `addEndpoint`에 준 경로와 server.servlet.context-path). 프록시의 location 블록도 확인하세요.

ws-origin-forbidden = 서버가 Origin { $origin }을(를) 거부합니다
    .explanation = Origin: { $origin }을(를) 보내면 업그레이드에 “{ $status_line }”이(가), Origin 헤더 없이 보내면 { $status_without_origin }이(가) 돌아왔습니다. 서버가 Origin을 검사합니다(Spring 기본값은 같은 출처만 허용합니다).
    .fix = 서버에서 페이지의 출처를 허용하세요(Spring: `registry.addHandler(…).setAllowedOrigins("{ $origin }")` 또는 `setAllowedOriginPatterns`).

ws-forbidden = 엔드포인트가 업그레이드를 거부합니다(403)
    .explanation = { $origin_sent ->
        [yes] 업그레이드 요청에 Origin 헤더가 있든 없든 { $answer }(으)로 응답했습니다.
       *[no] 업그레이드 요청에 { $answer }(으)로 응답했습니다.
    }{ $asgi ->
        [yes] {" "}서버가 Python ASGI 서버(uvicorn 또는 hypercorn)입니다. 경로에 맞는 애플리케이션의 WebSocket 라우트가 없을 때와, 애플리케이션이 연결을 받기 전에 닫을 때 모두 403으로 응답합니다.
       *[no] {""}
    }
    .fix = { $asgi ->
        [yes] 먼저 경로를 확인하세요. 애플리케이션의 WebSocket 라우트와 맞아야 합니다(Starlette와 FastAPI: `@app.websocket("/ws")`, `WebSocketRoute`). 그다음 엔드포인트가 `accept()` 전에 검사하는 것(토큰, Origin)을 확인하세요.
       *[no] 서버의 보안 규칙이 이 클라이언트를 거부합니다. 접근 규칙과 로그를 확인하세요. Origin 검사 때문인지 보려면 --origin에 페이지의 출처를 넘기세요.
    }
    .window = { $asgi ->
        [yes] 먼저 경로를 확인하세요. 애플리케이션의 WebSocket 라우트와 맞아야 합니다(Starlette와 FastAPI: `@app.websocket("/ws")`, `WebSocketRoute`). 그다음 엔드포인트가 `accept()` 전에 검사하는 것(토큰, Origin)을 확인하세요.
       *[no] 서버의 보안 규칙이 이 클라이언트를 거부합니다. 접근 규칙과 로그를 확인하세요. Origin 검사 때문인지 보려면 첫 화면의 "소켓을 여는 페이지"에 페이지의 출처를 넣으세요.
    }

ws-auth-required = 엔드포인트가 인증을 요구합니다(401)
    .explanation = 업그레이드 요청에 { $answer }(으)로 응답했습니다.
    .fix = 엔드포인트가 기대하는 자격 증명(쿠키, 또는 헤더나 쿼리 매개변수의 토큰)을 보내세요. 브라우저는 WebSocket에 헤더를 붙일 수 없으므로 보통 쿼리의 토큰이나 쿠키를 씁니다.

proxy-idle-timeout = 유휴 상태 { $after_s }초 뒤에 연결이 끊겼습니다
    .explanation = { $protocol } 교환 뒤 연결을 유휴 상태로 두었더니{ $pinged ->
        [yes] {" "}(WebSocket ping을 보내는 중에도)
       *[no] {""}
    } { $after_s }초 뒤에 { $code ->
        [1006] 종료 프레임 없이(브라우저가 1006으로 보고하는 경우)
       *[other] 종료 코드 { $code }{ $has_reason ->
            [yes] {" "}“{ $reason }”
           *[no] {""}
        }(으)로
    } 끊겼습니다. 중간의 프록시나 로드 밸런서가 그 시간 동안 트래픽이 없는 연결을 끊습니다. WebSocket 앱에서 흔한 “1분마다 끊김”입니다.{ $matched ->
        [yes] {" "}{ $matches }와(과) 일치합니다.
       *[no] {""}
    }
    .fix = 연결이 지나가는 곳의 유휴 타임아웃을 늘리세요. nginx는 WebSocket location에 `proxy_read_timeout 3600s; proxy_send_timeout 3600s;`(`handshake generate nginx`가 넣어 줍니다), HAProxy는 defaults나 backend에 `timeout tunnel 1h`, AWS ALB는 로드 밸런서의 idle timeout 속성, Cloudflare의 100초는 고정입니다. 그리고 그보다 자주 하트비트를 보내세요: STOMP `heart-beat`(Spring: 작업 스케줄러와 함께 `setHeartbeatValue(new long[] {"{"}10000, 10000{"}"})`), Socket.IO의 ping(기본 25초마다), 또는 30초마다 WebSocket ping. `handshake check URL --idle 120 --ping 20`으로 하트비트가 연결을 유지하는지 확인할 수 있습니다.
    .window = 연결이 지나가는 곳의 유휴 타임아웃을 늘리세요. nginx는 WebSocket location에 `proxy_read_timeout 3600s; proxy_send_timeout 3600s;`(해결 방법 고르기 → "앞단에 Nginx"가 넣어 줍니다), HAProxy는 defaults나 backend에 `timeout tunnel 1h`, AWS ALB는 로드 밸런서의 idle timeout 속성, Cloudflare의 100초는 고정입니다. 그리고 그보다 자주 하트비트를 보내세요: STOMP `heart-beat`(Spring: 작업 스케줄러와 함께 `setHeartbeatValue(new long[] {"{"}10000, 10000{"}"})`), Socket.IO의 ping(기본 25초마다), 또는 30초마다 WebSocket ping. 검증 단계에서 "유휴 유지(초)"를 120, "ping 간격(초)"을 20으로 두면 하트비트가 연결을 유지하는지 볼 수 있습니다.

proxy-upstream-down = 프록시가 { $status }(으)로 응답했습니다. 뒤의 애플리케이션이 내려가 있습니다
    .explanation = { $answer }은(는) 업스트림(애플리케이션 서버)에 닿지 못한 리버스 프록시가 보낸 응답입니다.
    .fix = 애플리케이션을 시작하고, 프록시의 업스트림 주소와 포트를 확인하세요(nginx: `proxy_pass`. error.log에는 “connect() failed (111: Connection refused) while connecting to upstream”이 남습니다).

ws-ok = WebSocket 핸드셰이크가 성공했습니다
    .explanation = { $transport ->
        [tls] { $url }이(가) { $tls_version }({ $tls_cipher }) 위에서 { $elapsed_ms }ms 만에 올바른 Sec-WebSocket-Accept와 함께 “{ $status_line }”(으)로 응답했습니다
       *[plain] { $url }이(가) { $elapsed_ms }ms 만에 올바른 Sec-WebSocket-Accept와 함께 “{ $status_line }”(으)로 응답했습니다
    }{ $subprotocol ->
        [none] . 서브프로토콜은 없습니다.
       *[other] . 서브프로토콜: { $subprotocol }
    }
    .fix = 고칠 것이 없습니다. `handshake check`는 메시지를 보내고 응답까지 기다립니다.
    .window = 고칠 것이 없습니다. 검증 단계는 메시지를 보내고 응답까지 기다립니다.

## 연결을 여는 페이지

mixed-content = { $blocked ->
        [yes] 브라우저가 https 페이지에서 여는 이 { $kind ->
            [websocket] WebSocket
           *[fetch] fetch/XHR
        } 연결을 막습니다
       *[no] https 페이지에서 여는 이 암호화되지 않은 { $kind ->
            [websocket] WebSocket
           *[fetch] fetch/XHR
        } 연결은 { $host }이(가) 이 컴퓨터라서 동작할 뿐입니다
    }
    .explanation = { $blocked ->
        [yes] 페이지 { $origin }은(는) HTTPS로 제공되지만 엔드포인트 { $url }은(는) 암호화되지 않았습니다. 브라우저는 패킷을 보내기도 전에 혼합 콘텐츠로 거부합니다. { $kind ->
            [websocket] `new WebSocket`이 예외를 던집니다. Chromium: “SecurityError: Failed to construct 'WebSocket': An insecure WebSocket connection may not be initiated from a page loaded over HTTPS.”, Firefox: “SecurityError: The operation is insecure.”
           *[fetch] Chrome 콘솔 메시지: “Mixed Content: The page at '{ $origin }' was loaded over HTTPS, but requested an insecure resource '{ $url }'. This request has been blocked”
        }
       *[no] 페이지 { $origin }은(는) HTTPS로 제공되고 엔드포인트 { $url }은(는) 암호화되지 않았지만, 브라우저는 루프백인 { $host }을(를) 잠재적으로 신뢰할 수 있는 주소로 보기 때문에 Chromium과 Firefox 모두 연결을 엽니다. 같은 페이지라도 다른 호스트(동료의 컴퓨터, 스테이징, 운영 서버)로는 혼합 콘텐츠로 막히고, `new WebSocket`이 SecurityError를 던집니다.
    }
    .fix = { $blocked ->
        [yes] { $secure_url }(으)로 연결하고 TLS로 제공하세요. { -fix-tls-on-server }.
       *[no] 이 컴퓨터 밖으로 배포하기 전에 { $secure_url }(으)로 연결하고 TLS로 제공하세요. { -fix-tls-on-server }.
    } 클라이언트에서는 { -scheme-from-page }. `handshake generate client`가 그 코드를 만들어 줍니다.
    .window = { $blocked ->
        [yes] { $secure_url }로 연결하고 TLS로 제공하세요. { -window-fix-tls-on-server }.
       *[no] 이 컴퓨터 밖으로 나가기 전에 { $secure_url }로 연결하고 TLS로 제공하세요. { -window-fix-tls-on-server }.
    } 클라이언트에서는 { -scheme-from-page }. 해결 방법 고르기 → "클라이언트만 변경"이 그 코드를 만들어 줍니다.

cors-missing = { $origin }에 대한 CORS 응답이 없습니다
    .explanation = 사전 요청(Origin: { $origin }을 담은 OPTIONS)에 Access-Control-Allow-Origin 없이 “{ $status_line }”이(가) 돌아왔습니다. 브라우저가 페이지의 요청을 막습니다(“has been blocked by CORS policy”).
    .fix = 서버에서 그 출처를 허용하세요(Spring: `@CrossOrigin(origins = "{ $origin }")` 또는 `CorsConfigurationSource`).

cors-origin-mismatch = CORS가 { $origin }이(가) 아니라 { $allowed }을(를) 허용합니다
    .explanation = 사전 요청에 Access-Control-Allow-Origin: { $allowed }이(가) 돌아왔는데, 페이지의 출처 { $origin }와(과) 다릅니다. 브라우저가 요청을 막습니다.
    .fix = 서버의 허용 출처에 { $origin }을(를) 추가하세요.

## 사용자의 브라우저 (check --browser)

browser-ok = { $browser }에서 { $url }이(가) 열리고 응답을 받았습니다
    .explanation = Handshake가 { $page_origin }에 띄운 페이지가 { $browser }({ $user_agent })에서 `new WebSocket("{ $url }")`을 실행했습니다. 연결이 열렸고, 첫 메시지에 대한 응답이 페이지 시작 후 { $ms }ms에 왔습니다. 브라우저가 보는 것과 Handshake가 보는 것이 같습니다.
    .fix = 고칠 것이 없습니다. 실제 애플리케이션 페이지는 자기 Origin을 가지므로 서버가 다르게 다룰 수 있습니다. `handshake diagnose { $url } --origin <페이지의 Origin>`으로 확인하세요.
    .window = 고칠 것이 없습니다. 실제 애플리케이션 페이지는 자기 Origin을 가지므로 서버가 다르게 다룰 수 있습니다. 첫 화면의 "소켓을 여는 페이지"를 채워 확인하세요.
browser-ca-untrusted = { $browser }가 --ca로 받은 CA를 신뢰하지 않습니다
    .explanation = Handshake는 --ca로 받은 인증서를 신뢰해 { $url }에 연결하지만, { $browser }에서는 소켓이 열리기 전에 코드 { $code }로 닫혔습니다. 브라우저가 신뢰하지 않는 인증서입니다. { $browser }는 { $stores }에서 CA를 읽는데, 그 어디에도 이 CA가 없습니다(SHA-256으로 비교).
    .fix = 브라우저 저장소에 CA를 신뢰하도록 추가하세요: `handshake trust --store browsers`(또는 창의 신뢰 단계). 그런 다음 다시 시도하세요. 브라우저가 저장소를 다시 읽으려면 재시작이 필요할 수 있습니다. 공개 사이트라면 공인 CA의 인증서를 쓰세요.
    .window = 브라우저 저장소에 CA를 신뢰하도록 추가하세요(신뢰 단계). 그런 다음 다시 시도하세요. 브라우저가 저장소를 다시 읽으려면 재시작이 필요할 수 있습니다. 공개 사이트라면 공인 CA의 인증서를 쓰세요.
browser-origin-refused = 서버가 Handshake 검사 페이지의 Origin { $page_origin }을(를) 거부합니다
    .explanation = { $browser }가 { $page_origin }의 Handshake 페이지에서 { $url }로 업그레이드를 보냈고, 서버가 그 Origin을 거부했습니다. Handshake가 같은 Origin으로 같은 업그레이드를 보내도 { $status }을(를) 받았고, { $origin ->
        [none] Origin 없이 한
       *[other] 페이지의 Origin { $origin }으로 한
    } Handshake의 검사는 통과했습니다. 브라우저 문제가 아닙니다. 서버의 Origin 검사가 애플리케이션이 아닌 페이지를 만난 것입니다.
    .fix = { $origin ->
        [none] 애플리케이션 페이지의 Origin으로 확인하세요: `handshake check { $url } --origin <페이지의 Origin> --browser`. 로컬 테스트 페이지를 허용하려면 개발 중에만 서버의 Origin 검사에 http://127.0.0.1을 허용하세요.
       *[other] { $origin }에는 고칠 것이 없습니다. 페이지가 허용됩니다. 검사 페이지도 허용하려면 개발 중에만 서버의 Origin 검사에 http://127.0.0.1을 허용하세요.
    }
    .window = { $origin ->
        [none] 애플리케이션 페이지의 Origin으로 확인하세요: 첫 화면의 "소켓을 여는 페이지"를 채우고 검증 단계에서 "내 브라우저에서 시도"를 누르세요. 로컬 테스트 페이지를 허용하려면 개발 중에만 서버의 Origin 검사에 http://127.0.0.1을 허용하세요.
       *[other] { $origin }은(는) 고칠 것이 없습니다. 페이지가 허용됩니다. 검사용 페이지도 허용하려면 개발 중에만 서버의 Origin 검사에 http://127.0.0.1을 허용하세요.
    }
browser-failed = { $browser }에서 { $url }을(를) 열지 못했습니다
    .explanation = { $browser }에서 { $event ->
        [close] 소켓이 { $opened ->
            [yes] 열린 뒤
           *[no] 열리기 전에
        } 코드 { $code }로 닫혔습니다
       *[threw] `new WebSocket`이 “{ $name }: { $message }” 예외를 던졌습니다
    }. { $handshake_ok ->
        [yes] 같은 URL에 대한 Handshake의 검사는 통과했으므로 원인은 브라우저 쪽에 있습니다: 브라우저 자체의 저장소나 정책, 프록시나 확장 프로그램, 또는 페이지의 Origin(검사 페이지는 127.0.0.1에서 실행됩니다).
       *[no] Handshake의 검사도 실패했습니다. 함께 나온 다른 결과가 이유를 알려 줍니다.
    }
    .fix = { $handshake_ok ->
        [yes] 실제 페이지에서 브라우저 개발자 도구(Console, Network)를 열어 정확한 메시지를 확인하세요. `handshake explain-log`가 읽을 수 있습니다. 서버의 Origin 규칙은 `handshake diagnose { $url } --origin <페이지의 Origin>`으로 확인합니다.
       *[no] 다른 결과가 알려 주는 문제부터 고친 뒤 브라우저로 다시 시도하세요.
    }
    .window = { $handshake_ok ->
        [yes] 실제 페이지에서 브라우저 개발자 도구(Console, Network)를 열어 정확한 메시지를 확인하세요. 첫 화면의 "오류 메시지가 있어요"가 읽을 수 있습니다. 서버의 Origin 규칙은 첫 화면의 "소켓을 여는 페이지"로 확인합니다.
       *[no] 다른 항목이 말하는 문제를 먼저 고친 뒤 브라우저로 다시 시도하세요.
    }
browser-no-report = { $browser ->
        [default] 기본 브라우저
       *[other] { $browser }
    }가 { $seconds }초 안에 결과를 보내오지 않았습니다
    .explanation = Handshake가 { $browser ->
        [default] 기본 브라우저
       *[other] { $browser }
    }에 { $page_origin }의 검사 페이지를 열라고 했지만 결과가 돌아오지 않았습니다. 브라우저가 시작되지 않았거나, 보이지 않는 창에서 페이지를 열었거나, 127.0.0.1의 페이지를 막았습니다.
    .fix = 쓰는 브라우저에서 페이지를 직접 열거나, `--browser chromium|firefox|PROGRAM`으로 다른 브라우저를 지정하세요.
    .window = 쓰는 브라우저에서 페이지를 직접 여세요. "내 브라우저에서 시도"는 데스크톱의 기본 브라우저를 엽니다.
