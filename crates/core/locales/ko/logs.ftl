# `handshake explain-log`의 결과. `log-` 코드마다 메시지 하나이며 진단 결과와
# 같은 모양입니다(값 = 제목, `.explanation`, `.fix`). 일치한 로그 줄은 프로그램이
# 출력한 그대로 옆에 보여 줍니다.

-fix-plain-scheme-or-tls = 클라이언트가 이 포트에 평문 스킴(ws://, http://)을 쓰게 하거나, { -fix-tls-on-server }.
-run-diagnose = 그 URL로 `handshake diagnose`를 실행하세요
-window-fix-plain-scheme-or-tls = 클라이언트가 이 포트에 평문 스킴(ws://, http://)을 쓰게 하거나, { -window-fix-tls-on-server }.
-window-run-diagnose = 그 URL을 진단하세요(아래 링크, 또는 첫 화면)

log-tls-on-plain-port = TLS 클라이언트가 평문 HTTP 포트에 연결했습니다
    .explanation = { $source ->
        [java-client] Java 클라이언트가 TLS 핸드셰이크를 시작했는데 평문(HTTP 오류 응답)이 돌아왔습니다. 포트는 평문 HTTP를 쓰는데 URL은 https:// 또는 wss://입니다.
        [openssl-client] OpenSSL 기반 클라이언트(curl, openssl s_client)가 TLS 핸드셰이크를 시작했는데 평문(HTTP 오류 응답)이 돌아왔습니다. 포트는 평문 HTTP를 쓰는데 URL은 https:// 또는 wss://입니다.
        [go-client] Go 클라이언트(Caddy의 reverse_proxy, Traefik, Go로 만든 서비스)가 TLS 핸드셰이크를 시작했는데 평문이 돌아왔습니다. 연결한 포트는 평문 HTTP를 쓰는데 주소는 https:// 또는 wss://입니다(프록시라면 업스트림 URL).
       *[server] { $server ->
            [tomcat] Tomcat의 HTTP 커넥터가
            [nginx] nginx가
            [node] Node의 HTTP 서버가
            [aiohttp] aiohttp(HTTP 파서)가
            [uvicorn] uvicorn(HTTP 파서)이
            [jetty] Jetty가
           *[other] 서버가
        } HTTP 요청 줄이 올 자리에서 TLS ClientHello 바이트를 받았습니다{ $decoded ->
            [hello] ({ $record }: TLS 핸드셰이크 레코드, 레코드 버전 { $record_version }, supported_versions 확장으로 { $hello_version } 이상을 제시하는 ClientHello)
            [record] ({ $record }: TLS 핸드셰이크 레코드, 레코드 버전 { $record_version })
           *[none] {""}
        }. 클라이언트가 평문 HTTP 포트에 https:// 또는 wss://로 연결했습니다.
    }
    .fix = { -fix-plain-scheme-or-tls }
    .window = { -window-fix-plain-scheme-or-tls }

log-port-probed = 무언가가 { $sent ->
        [socks4] SOCKS 4 요청으로
        [socks5] SOCKS 5 인사 메시지로
        [rdp] 원격 데스크톱(RDP) 연결 요청으로
        [ssh] SSH 클라이언트 배너로
       *[other] HTTP가 아닌 바이트로
    } 포트를 떠봤습니다
    .explanation = { $server ->
        [tomcat] Tomcat의 HTTP 커넥터가
        [nginx] nginx가
       *[other] 서버가
    } HTTP 요청 줄이 올 자리에서 { $bytes }를 받았습니다. { $sent ->
        [socks4] SOCKS 4 클라이언트(프록시 클라이언트, 또는 열린 프록시를 찾는 스캐너)가 이 포트에 연결 중계를 요청했습니다.
        [socks5] SOCKS 5 클라이언트(프록시 클라이언트, 또는 열린 프록시를 찾는 스캐너)가 이 포트를 프록시로 여기고 인사했습니다.
        [rdp] 인터넷 전체를 훑는 스캐너가 원격 데스크톱을 찾으며 열린 포트마다 보내는 요청입니다.
        [ssh] SSH 클라이언트가 이 포트에 연결했습니다. 스캐너이거나 포트를 잘못 안 사람입니다.
       *[other] TLS 핸드셰이크도 아닙니다. 다른 프로토콜을 쓰는 클라이언트나 스캐너입니다.
    } WebSocket 클라이언트 문제가 아닙니다. 서버는 400으로 응답했고 아무것도 제공하지 않았습니다.
    .fix = 인터넷에 열린 포트라면 해가 없습니다. 로그를 가득 채운다면 포트를 공용 인터넷에서 막거나(방화벽, 또는 프록시 뒤에서 127.0.0.1로만 대기), 로그 수준을 낮추세요. Tomcat은 이런 요청을 처음 한 번만 INFO로 남기고 나머지는 DEBUG로 남기며, nginx는 `info` 수준으로 남기므로 `error_log … warn`이면 빠집니다.

log-prior-knowledge-preface = HTTP/2 클라이언트가 TLS 없이 HTTP/1.1 포트에 요청했습니다
    .explanation = { $server ->
        [tomcat] Tomcat의 HTTP 커넥터가
        [nginx] nginx가
       *[other] 서버가
    } HTTP/2 연결 서문(“PRI * HTTP/2.0”)을 받았습니다. 클라이언트가 HTTP/1.1을 쓰는 포트에 사전 지식(prior knowledge, h2c)으로 HTTP/2를 보냈습니다. 브라우저는 이렇게 하지 않고, gRPC 클라이언트, `curl --http2-prior-knowledge`, h2c로 설정된 일부 프록시가 이렇게 합니다.
    .fix = 클라이언트가 이 포트의 HTTP/1.1을 쓰게 하거나(사전 지식 끄기: curl에서 --http2-prior-knowledge 빼기), 서버에서 h2c를 켜세요. Tomcat은 `<UpgradeProtocol className="org.apache.coyote.http2.Http2Protocol"/>`(Spring Boot는 `server.http2.enabled=true`), nginx는 TLS 포트에 `listen … http2`. HTTP/2 위의 WebSocket에는 RFC 8441이 필요한데 이 서버들은 지원하지 않으니 WebSocket 클라이언트는 HTTP/1.1로 두세요.

log-invalid-request-target = 요청 URL에 퍼센트 인코딩해야 하는 문자가 있습니다
    .explanation = Tomcat이 요청 대상 “{ $target }”을(를) 거부했습니다. | {"{"} {"}"} [ ] 같은 문자와 공백은 퍼센트 인코딩해야 합니다(RFC 3986).
    .fix = 클라이언트에서 쿼리를 인코딩하세요(JavaScript는 `encodeURIComponent`). 클라이언트를 바꿀 수 없다면 Tomcat 커넥터의 `relaxedQueryChars`/`relaxedPathChars` 속성으로 허용하세요(Spring Boot: `WebServerFactoryCustomizer`).

log-plain-on-tls-port = 평문 HTTP 클라이언트가 TLS 포트에 연결했습니다
    .explanation = { $server ->
        [netty] Netty가
        [jsse] Java(JSSE)가
        [apache] Apache httpd가
        [tomcat] Tomcat이
        [go] Go의 net/http(Caddy, Go로 만든 서버)가
        [openssl] 서버의 TLS 라이브러리인 OpenSSL(lighttpd, stunnel, Node, Python 등)이
       *[nginx] nginx가
    } TLS를 기대하는 포트에서 평문 HTTP 요청을 받았습니다. 클라이언트가 https:// 또는 wss://를 써야 할 곳에 http:// 또는 ws://를 썼습니다.
    .fix = 이 포트에는 클라이언트가 https:// 또는 wss://를 쓰게 하세요(브라우저에서는 { -scheme-from-page }). 평문 HTTP도 계속 받아야 한다면 다른 포트에서 받아 리디렉트하세요.

log-upgrade-header-missing = WebSocket 핸드셰이크에 Upgrade 헤더가 없습니다
    .explanation = Upgrade 헤더가 없거나(“null”) “websocket”이 아니어서 Spring이 WebSocket 핸드셰이크를 거부했습니다. 앞단의 리버스 프록시가 홉 단위 헤더인 Upgrade와 Connection을 빼고 요청을 전달합니다. Nginx는 기본값이 그렇습니다(업스트림에 HTTP/1.0).
    .fix = nginx에서: { -forward-upgrade }.
    .window = nginx에서: { -window-forward-upgrade }.

log-origin-rejected = Origin 때문에 요청이 거부되었습니다
    .explanation = 페이지의 출처가 허용 목록에 없어서 서버가 WebSocket 또는 CORS 요청을 거부했습니다(Spring은 기본값으로 같은 출처만 허용하고 403으로 응답합니다).
    .fix = 페이지의 출처를 허용하세요. { -allow-origin }.

log-upstream-refused = { $proxy ->
        [caddy] Caddy가
       *[nginx] Nginx가
    } 뒤의 애플리케이션에 닿지 못합니다
    .explanation = 업스트림 { $upstream }(으)로의 { $proxy ->
        [caddy] Caddy
       *[nginx] nginx
    } 연결이 거부되었습니다. 애플리케이션이 실행 중이 아니거나 다른 포트나 주소에서 대기합니다. 클라이언트는 502 Bad Gateway를 받습니다.
    .fix = 애플리케이션을 시작하고, { $proxy ->
        [caddy] `reverse_proxy`가
       *[nginx] `proxy_pass`가
    } 애플리케이션이 대기하는 주소와 포트를 가리키는지 확인하세요(Spring Boot: server.port와 server.address).

log-upstream-closed = 애플리케이션이 nginx에 응답하기 전에 연결을 닫았습니다
    .explanation = nginx가 응답을 읽는 동안 업스트림이 연결을 닫았습니다. WebSocket이라면 대개 유휴 타임아웃입니다. nginx는 proxy_read_timeout(기본 60초) 동안 조용한 소켓을 닫습니다. 그렇지 않다면 애플리케이션이 죽었거나 재시작했습니다.
    .fix = WebSocket location에서는 `proxy_read_timeout`을 늘리거나(예: 3600s) 한쪽에서 ping을 보내세요. 그렇지 않다면 그 시각의 애플리케이션 로그를 확인하세요.

log-no-live-upstreams = nginx의 업스트림이 모두 다운으로 표시되었습니다
    .explanation = 실패가 반복되어(max_fails) nginx가 업스트림 서버에 요청을 보내지 않습니다. 하나라도 살아날 때까지 모든 요청이 502를 받습니다.
    .fix = 애플리케이션 서버를 시작하세요. 앞선 “connect() failed” 줄에 실패한 이유가 있습니다.

log-pkix-path-building = Java가 서버 인증서를 신뢰하지 않습니다
    .explanation = Java 클라이언트(또는 다른 서비스를 부르는 Spring 앱)가 서버 인증서에서 truststore의 CA까지 경로를 만들지 못했습니다. 인증서가 자체 서명이거나, 개발용 CA가 발급했거나, 서버가 중간 인증서를 보내지 않습니다.
    .fix = Java truststore에 CA를 넣거나(`keytool -importcert -cacerts -file ca.pem -alias dev-ca`, 또는 `handshake trust --java`), 서버가 전체 체인을 보내게 하세요. 어느 쪽인지는 { -run-diagnose }.
    .window = Java truststore에 CA를 넣거나(`keytool -importcert -cacerts -file ca.pem -alias dev-ca`, 또는 신뢰 단계), 서버가 전체 체인을 보내게 하세요. 어느 쪽인지는 { -window-run-diagnose }.

log-cert-untrusted = { $client ->
        [browser] 브라우저가
        [curl] curl이
        [python] Python이
        [node] Node.js가
        [go] Go 프로그램이
       *[other] 클라이언트가
    } 서버 인증서를 신뢰하지 않습니다
    .explanation = { $client ->
        [browser] 브라우저가
        [curl] curl(OpenSSL, 시스템 CA 번들 사용)이
        [python] Python의 ssl 모듈(websockets, aiohttp, urllib. requests는 대신 certifi 번들을 씁니다)이
        [node] 시스템 저장소가 아니라 내장 CA 목록을 신뢰하는 Node.js(ws, fetch, https)가
        [go] 시스템 CA 번들을 쓰는 Go의 crypto/x509(Caddy의 reverse_proxy, Go로 만든 서비스)가
       *[other] 클라이언트가
    } 인증서를 거부했습니다. 자체 서명이거나, 신뢰하지 않는 CA(아직 설치하지 않은 개발용 CA)가 발급했습니다.
    .fix = { $client ->
        [browser] { -trust-dev-ca-capitalized }
        [curl] `handshake trust --store system`을 실행하세요(한 번만이라면 `curl --cacert handshake-dev-ca.pem`)
        [python] `handshake trust --store system`을 실행하세요(requests는 `REQUESTS_CA_BUNDLE=handshake-dev-ca.pem`, 한 번만이라면 `SSL_CERT_FILE`)
        [node] Node를 `NODE_EXTRA_CA_CERTS=handshake-dev-ca.pem`으로 시작하세요(시스템 저장소는 읽지 않습니다)
        [go] `handshake trust --store system`을 실행하세요(한 번만이라면 `SSL_CERT_FILE`)
       *[other] { -trust-dev-ca-capitalized }
    }. 아니면 공개 CA의 인증서를 쓰세요.
    .window = { $client ->
        [browser] { -window-trust-dev-ca-capitalized }
        [curl] 시스템 저장소에 CA를 신뢰하도록 추가하세요(신뢰 단계). 한 번만이라면 `curl --cacert handshake-dev-ca.pem`
        [python] 시스템 저장소에 CA를 신뢰하도록 추가하세요(신뢰 단계). requests는 `REQUESTS_CA_BUNDLE=handshake-dev-ca.pem`, 한 번만이라면 `SSL_CERT_FILE`
        [node] Node를 `NODE_EXTRA_CA_CERTS=handshake-dev-ca.pem`으로 시작하세요(시스템 저장소는 읽지 않습니다)
        [go] 시스템 저장소에 CA를 신뢰하도록 추가하세요(신뢰 단계). 한 번만이라면 `SSL_CERT_FILE`
       *[other] { -window-trust-dev-ca-capitalized }
    }. 또는 공개 CA의 인증서를 쓰세요.

-trust-dev-ca-capitalized = 개발용 CA를 시스템과 브라우저 신뢰 저장소에 설치하세요(`handshake trust`)
-window-trust-dev-ca-capitalized = 개발용 CA를 시스템과 브라우저 신뢰 저장소에 설치하세요(신뢰 단계)

log-keystore-password = 키스토어 비밀번호가 틀렸습니다
    .explanation = Java가 키스토어를 열지 못했습니다(“keystore password was incorrect”). 비밀번호(server.ssl.key-store-password, spring.ssl.bundle.jks.…keystore.password)가 틀렸거나, 그 값이 가리키는 환경 변수 {"${SSL_KEYSTORE_PASSWORD}"}가 애플리케이션 환경에 설정되지 않은 경우입니다. 변수가 없으면 Spring Boot는 자리표시자 문자열 자체를 비밀번호로 넘기고 똑같이 실패합니다. 8u301 / 11.0.12보다 오래된 JDK도 AES/SHA-256으로 쓴 PKCS12 파일에 이 오류를 냅니다.
    .fix = 변수를 설정한 채로 애플리케이션을 시작하고(같은 셸에서 `set -a; . ./ssl.env; set +a`, 또는 systemd의 `EnvironmentFile=`), 비밀번호를 확인하세요(`keytool -list -storetype PKCS12 -keystore FILE`). 오래된 JDK라면 레거시 옵션으로 키스토어를 만드세요(`handshake keystore --legacy`).
    .window = 변수를 설정한 채로 애플리케이션을 시작하고(같은 셸에서 `set -a; . ./ssl.env; set +a`, 또는 systemd의 `EnvironmentFile=`), 비밀번호를 확인하세요(첫 화면의 "키스토어가 있어요"에서 입력한 비밀번호로 열어 봅니다). 오래된 JDK라면 그 JDK용으로 키스토어를 다시 만드세요.

log-keystore-alias = 키스토어에 키 별칭이 없습니다
    .explanation = server.ssl.key-alias가 “{ $alias }”을(를) 가리키는데, 키스토어에 그 별칭이 없거나 개인 키 없이 인증서만 있습니다.
    .fix = 별칭 목록을 보고(`keytool -list -storetype PKCS12 -keystore FILE`) server.ssl.key-alias를 PrivateKeyEntry의 별칭으로 설정하세요.

log-certificate-file-missing = 인증서, 키 또는 키스토어 파일을 읽을 수 없습니다
    .explanation = { $server ->
        [java] Java가 { $path }을(를) 열지 못했습니다({ $reason }). 이 오류로 Spring Boot가 시작하다 멈췄다면 server.ssl.* 또는 spring.ssl.bundle.*에 지정한 파일(키스토어, 인증서, 키)입니다. Spring Boot는 상대 경로 file: 위치를 application.properties가 있는 폴더가 아니라 애플리케이션을 시작한 폴더 기준으로 찾습니다.
        [nginx] nginx가 ssl_certificate 또는 ssl_certificate_key에 지정된 { $path }을(를) 불러오지 못했습니다({ $reason }). 설정 전체가 거부되어 nginx -t가 실패하고, reload해도 이전 설정이 그대로 유지됩니다.
       *[apache] Apache가 SSLCertificateFile 또는 SSLCertificateKeyFile에 지정된 { $path }을(를) 읽지 못했습니다({ $reason }). 설정 전체가 거부됩니다.
    }
    .fix = 그 경로에 파일이 있는지, 서버 실행 사용자가 읽을 수 있는지 확인하세요(`ls -l { $path }`). 위치는 절대 경로로 쓰고(`handshake generate`는 절대 경로로 씁니다), 파일을 옮기거나 갱신했다면 설정이 새 파일을 가리키게 하세요.
    .window = 그 경로에 파일이 있는지, 서버 실행 사용자가 읽을 수 있는지 확인하세요(`ls -l { $path }`). 위치는 절대 경로로 쓰고(생성 단계는 절대 경로로 씁니다), 파일을 옮기거나 갱신했다면 설정이 새 파일을 가리키게 하세요.

log-key-mismatch = 개인 키가 인증서와 짝이 아닙니다
    .explanation = { $server ->
        [nginx] nginx가 키 { $key }을(를) 거부했습니다. OpenSSL은 “key values mismatch”라고 합니다. 이 키의 공개 키가 인증서의 것과 다릅니다.
       *[apache] Apache가 키 { $key }을(를) 거부했습니다(AH02565). 이 키의 공개 키가 인증서의 것과 다릅니다.
    } 두 파일이 서로 다른 쌍에서 왔습니다. 갱신하면서 한쪽만 바뀌었거나, 서로 다른 폴더의 파일입니다. Spring Boot는 시작할 때 이를 검사하지 않아서 정상적으로 뜬 다음 모든 TLS 핸드셰이크가 실패합니다(`handshake diagnose`가 잘못된 서명을 보여 줍니다).
    .fix = 한 쌍의 인증서와 키를 쓰세요(Let's Encrypt: 같은 live/ 폴더의 fullchain.pem과 privkey.pem). `openssl x509 -noout -pubkey -in CERT | openssl sha256`과 `openssl pkey -pubout -in KEY | openssl sha256`의 해시가 같으면 짝이 맞습니다.

log-no-server-certificate = TLS 서버에 쓸 수 있는 인증서가 없습니다
    .explanation = Java TLS 서버가 쓸 수 있는 인증서와 개인 키를 찾지 못했습니다(활성화된 암호 스위트에 맞는 것. JDK 17은 “no cipher suites in common”이라고 하는데, 클라이언트와 서버가 공유하는 암호 스위트가 없을 때도 같은 말을 합니다. TLS 1.3에서는 클라이언트가 제시한 서명 방식에 맞는 것: “No available authentication scheme”). 설정된 별칭에 PrivateKeyEntry가 없거나(인증서만으로는 안 됩니다), 키 종류가 맞지 않습니다.
    .fix = server.ssl.key-alias와 키스토어를 확인하세요(`keytool -list -v`). `handshake keystore`로 만든 키스토어에는 전체 체인을 담은 PrivateKeyEntry가 하나 있습니다.
    .window = server.ssl.key-alias와 키스토어를 확인하세요(첫 화면의 "키스토어가 있어요"가 별칭을 보여 주고 Spring Boot에 필요한 것을 알려 줍니다). 생성 단계에서 만든 키스토어에는 전체 체인을 담은 PrivateKeyEntry가 하나 있습니다.

log-tls-handshake-failed = TLS 핸드셰이크가 실패했습니다
    .explanation = { $source ->
        [browser] 브라우저의 TLS 핸드셰이크가 실패했습니다. 가장 흔한 원인은 포트가 평문 HTTP를 써서 브라우저가 TLS 레코드 대신 HTTP 응답을 받은 경우입니다(Firefox는 SSL_ERROR_RX_RECORD_TOO_LONG이라고 합니다).
        [haproxy] 클라이언트와 HAProxy의 TLS 핸드셰이크가 실패했습니다. HAProxy는 원인과 상관없이 같은 줄을 남깁니다. 가장 흔한 경우는 TLS 포트에 평문 HTTP 클라이언트가 연결한 것이고, 클라이언트가 HAProxy가 받아들이는 프로토콜 버전이나 암호 스위트를 제시하지 않았거나 인증서에서 포기한 경우도 있습니다.
       *[nginx] 클라이언트와 nginx의 TLS 핸드셰이크가 실패했습니다. 클라이언트가 nginx가 받아들이는 프로토콜 버전이나 암호 스위트를 제시하지 않았거나, TLS가 아닌 것을 보냈거나, 도중에 포기했습니다.
    }
    .fix = { -run-diagnose }. 평문 HTTP 포트인지, 프로토콜이나 인증서 문제인지 구분해 줍니다.
    .window = { -window-run-diagnose }. 평문 HTTP 포트인지, 프로토콜이나 인증서 문제인지 구분해 줍니다.

log-proxy-auth-required = 프록시가 터널에 자격 증명을 요구합니다(407)
    .explanation = { $client ->
        [java] Java 클라이언트의 터널 요청에 407이 돌아왔습니다. Java는 `jdk.http.auth.tunneling.disabledSchemes`가 기본값(Basic)인 동안에는 Authenticator가 있어도 HTTPS 터널에 Basic 자격 증명을 보내지 않습니다.
        [curl] curl의 터널 요청에 407이 돌아왔습니다. 프록시가 받지 못한 자격 증명을 요구합니다.
        [python] Python websockets의 터널 요청에 407이 돌아왔습니다(“InvalidProxyStatus: proxy rejected connection: HTTP 407”). 찾은 프록시 URL(`proxy` 인자나 HTTPS_PROXY)에 자격 증명이 없거나 틀렸습니다.
        [node] Node 클라이언트의 터널 요청에 407이 돌아왔습니다. undici의 ProxyAgent는 “Proxy response (407) !== 200 when HTTP Tunneling”, https-proxy-agent를 쓰는 `ws`는 “Unexpected server response: 407”, `tunnel` 패키지는 “statusCode=407”이라고 합니다. 에이전트에 준 프록시 URL에 자격 증명이 없거나 틀렸습니다.
        [squid] Squid가 자격 증명이 없어서{ $has_authority ->
            [yes] {" "}{ $authority }(으)로의
           *[no] {""}
        } 터널을 거부했습니다(TCP_DENIED/407). 프록시 비밀번호가 없는 클라이언트입니다.
       *[other] 프록시가 터널 요청에 407로 응답했습니다. 자격 증명을 요구합니다.
    }
    .fix = 클라이언트에 프록시 자격 증명을 주세요. Java: `-Djdk.http.auth.tunneling.disabledSchemes=`와 함께 `-Dhttps.proxyUser`, `-Dhttps.proxyPassword`. curl: `--proxy-user`. Node: 에이전트에 주는 프록시 URL에 넣으세요(`http://user:password@proxy:3128`, 퍼센트 인코딩). `handshake diagnose URL --proxy-user USER --proxy-password-env VAR`로 확인할 수 있습니다.
    .window = 클라이언트에 프록시 자격 증명을 주세요. Java: `-Djdk.http.auth.tunneling.disabledSchemes=`와 함께 `-Dhttps.proxyUser`, `-Dhttps.proxyPassword`. curl: `--proxy-user`. Node: 에이전트에 주는 프록시 URL에 넣으세요(`http://user:password@proxy:3128`, 퍼센트 인코딩). HTTPS_PROXY에 자격 증명을 넣고 진단하면 맞는지 확인할 수 있습니다.

log-proxy-tunnel-refused = 프록시가 터널을 열지 않았습니다{ $has_status ->
        [yes] ({ $status })
       *[no] {""}
    }
    .explanation = { $client ->
        [java] Java 클라이언트의
        [curl] curl의
        [node] Node 클라이언트의
        [python] Python websockets의
        [squid] 클라이언트의
        [browser] 브라우저의
       *[other] 클라이언트의
    }{ $has_authority ->
        [yes] {" "}{ $authority }(으)로의
       *[no] {""}
    } 터널 요청을 프록시가 { $has_status ->
        [yes] { $status }(으)로 거부했습니다.
       *[no] 거부했습니다(Chromium은 상태 코드 없이 “Establishing a tunnel via proxy server failed”라고만 합니다).
    } 프록시 규칙이 이 목적지를 허용하지 않습니다. Squid 기본 설정은 443 포트로만 터널을 엽니다(`http_access deny CONNECT !SSL_ports`).
    .fix = 엔드포인트를 443 포트로 제공하거나, 프록시 관리자에게 그 포트를 허용해 달라고 하세요. `handshake diagnose URL`이 프록시의 응답과 문구를 보여 줍니다.
    .window = 엔드포인트를 443 포트로 제공하거나, 프록시 관리자에게 그 포트를 허용해 달라고 하세요. 그 URL을 진단하면 프록시의 응답과 문구를 보여 줍니다.

log-proxy-unreachable = 브라우저가 프록시에 닿지 못합니다
    .explanation = 브라우저가 프록시를 쓰도록 설정되어 있는데(시스템 설정, 브라우저 설정, PAC 파일) 그 프록시에 연결하지 못했습니다. 모든 요청이 서버에 닿기 전에 실패합니다.
    .fix = 브라우저나 시스템 설정의 프록시를 확인하세요. `handshake diagnose URL`은 HTTPS_PROXY가 지정한 프록시나 `--proxy URL`을 쓰고, 그 프록시가 응답하는지 알려 줍니다.
    .window = 브라우저나 시스템 설정의 프록시를 확인하세요. 그 URL을 진단하면 HTTPS_PROXY가 지정한 프록시를 거치고, 그 프록시가 응답하는지 알려 줍니다.

log-mixed-content = 브라우저가 https 페이지의 암호화되지 않은 연결을 막았습니다
    .explanation = HTTPS로 연 페이지가 암호화되지 않은 엔드포인트(ws:// 또는 http://)에 연결하려 했습니다. 브라우저는 보안 페이지에서 이런 연결을 혼합 콘텐츠로 막습니다. 단, 루프백(localhost, 127.0.0.1)은 허용합니다.{ $said ->
        [firefox-exception] {" "}Firefox는 https 페이지에서 `new WebSocket`에 ws:// URL을 주면 “The operation is insecure.”라고만 말합니다. Chromium은 이유를 밝힙니다(“An insecure WebSocket connection may not be initiated from a page loaded over HTTPS.”).
       *[other] {""}
    }
    .fix = 엔드포인트를 TLS로 제공하고 wss://로 연결하세요({ -scheme-from-page }).

log-cors-blocked = 브라우저가 CORS 정책으로 요청을 막았습니다
    .explanation = 서버 응답이 페이지의 출처를 허용하지 않았습니다. 맞는 Access-Control-Allow-Origin이 없으면 브라우저는 응답을 숨깁니다.
    .fix = 서버에서 페이지의 출처를 허용하세요(Spring: `@CrossOrigin` 또는 `CorsConfigurationSource`). `handshake diagnose URL --origin PAGE`로 사전 요청의 응답을 볼 수 있습니다.
    .window = 서버에서 페이지의 출처를 허용하세요(Spring: `@CrossOrigin` 또는 `CorsConfigurationSource`). "소켓을 여는 페이지"를 채우고 진단하면 사전 요청의 응답을 볼 수 있습니다.

log-ws-unexpected-status = WebSocket 업그레이드 응답이 { $status }입니다
    .explanation = 서버가 핸드셰이크에 101 Switching Protocols가 아니라 { $status }(으)로 응답했습니다. { $status ->
        [200] 요청이 Upgrade를 무시하는 곳(업그레이드를 전달하지 않는 프록시, 또는 엔드포인트가 아닌 페이지)에 닿았습니다.
        [400] 서버가 업그레이드 자체를 거부했습니다. 대개 프록시가 Upgrade와 Connection 헤더를 버렸기 때문입니다.
        [401] 엔드포인트가 자격 증명을 요구합니다.
        [403] 서버가 거부했습니다. 대개 Origin 때문입니다(Spring은 기본값으로 같은 출처만 허용합니다).
        [404] 그 경로에 아무것도 없습니다.
        [502] 프록시가 뒤의 애플리케이션에 닿지 못했습니다.
        [503] 프록시가 뒤의 애플리케이션에 닿지 못했습니다.
        [504] 프록시가 뒤의 애플리케이션에 닿지 못했습니다.
       *[other] 서버가 프로토콜을 전환하지 않았습니다.
    }
    .fix = { -run-diagnose }. 핸드셰이크를 다시 해 보고 원인을 알려 줍니다.
    .window = { -window-run-diagnose }. 핸드셰이크를 다시 해 보고 원인을 알려 줍니다.

log-ws-connection-failed = 브라우저가 WebSocket을 열지 못했습니다
    .explanation = { $said ->
        [firefox] Firefox는 거부된 포트, TLS 핸드셰이크 실패, 신뢰하지 않는 인증서, 거부된 업그레이드(403, 404) 등 모든 실패에 이 한 줄만 출력하고 원인을 말하지 않습니다. 페이지의 close 이벤트 코드만 TLS 실패(1015)와 나머지(1006)를 구분해 줍니다.
        [net-error] Chromium은 줄 끝에 네트워크 오류 { $net_error }를 붙입니다. WebSocket 핸드셰이크 전에 연결이 실패했습니다(ERR_CONNECTION_REFUSED: 그 포트에서 대기 중인 프로세스가 없음 — 서버가 꺼졌거나 재시작 중이거나 다른 포트; ERR_NAME_NOT_RESOLVED: 이름이 해석되지 않음; ERR_CONNECTION_RESET, ERR_CONNECTION_CLOSED: 서버나 프록시가 연결을 끊음).
       *[other] WebSocket이 맺어지기 전에 연결이 실패했습니다. 콘솔은 이유를 알려 주지 않습니다(거부된 포트, TLS 실패, 닫힌 연결 등).
    }
    .fix = 원인을 찾으려면 { -run-diagnose }.
    .window = 원인을 찾으려면 { -window-run-diagnose }.
