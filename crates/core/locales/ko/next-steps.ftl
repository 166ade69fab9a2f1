# NEXT-STEPS.md: 생성한 파일을 둘 곳과 수정 사항을 적용하는 명령.
# 명령, 경로, 속성 이름은 그대로 둡니다.

next-steps-title = 다음 단계 — { $fix ->
        [spring] Spring Boot가 직접 wss://를 제공합니다
        [nginx] Nginx가 애플리케이션 앞에서 TLS를 처리합니다
        [apache] Apache httpd가 애플리케이션 앞에서 TLS를 처리합니다
        [haproxy] HAProxy가 애플리케이션 앞에서 TLS를 처리합니다
        [caddy] Caddy가 애플리케이션 앞에서 TLS를 처리합니다
       *[client] 클라이언트만 바꾸면 됩니다(브라우저와 Node.js)
    }
next-steps-generated = Handshake가 생성했습니다. 대상: { $target }
next-steps-files = 파일
next-steps-file = 파일
next-steps-where = 둘 곳
next-steps-use-it = 사용법
next-steps-first-use = 처음 쓸 때 연결
next-steps-commands = 명령
next-steps-good-to-know = 알아 둘 것
next-steps-client = 클라이언트
next-steps-client-url = 브라우저는 `{ $url }`에 연결합니다. https: 페이지에서는 소켓이 wss:여야 합니다(브라우저가 ws:를 혼합 콘텐츠로 막습니다).
next-steps-page-host = 페이지의 호스트
next-steps-run-spring = ./mvnw spring-boot:run   # 또는 서비스 재시작: sudo systemctl restart <your-app>
next-steps-trust = 브라우저
next-steps-trust-browsers = 위의 check는 그 한 번의 실행에서만 CA를 신뢰합니다. 브라우저는 개발용 CA가 신뢰 저장소에 들어가야 인증서를 받아들입니다. 이 컴퓨터의 Chromium과 Firefox에는 다음 명령을 실행하세요(다른 클라이언트용은 `--store system`이나 `--store java`를 붙이세요).

place-application-properties = src/main/resources/application.properties에 합치세요. application.yml을 쓴다면 둘 중 하나만 쓰세요
place-application-yml = 같은 설정의 YAML 버전
place-ssl-env = 애플리케이션 옆에 두고 권한 600, 버전 관리에서 제외하세요. 애플리케이션 환경 변수로 읽어 들입니다
place-server-p12 = server.ssl.key-store가 가리키는 곳
place-spring-fullchain = server.ssl.certificate가 가리키는 곳
place-spring-privkey = server.ssl.certificate-private-key가 가리키는 곳, 권한 600
place-nginx-conf = /etc/nginx/conf.d/ (http 블록 안)
place-apache-conf = /etc/apache2/sites-available/
place-haproxy-cfg = /etc/haproxy/haproxy.cfg 끝에 덧붙입니다(HAProxy 2.2 이상)
place-caddyfile = /etc/caddy/Caddyfile, 또는 사이트 블록을 기존 파일에 합칩니다
place-haproxy-key = fullchain.pem 옆, 모드 600. HAProxy는 `crt` 파일의 키를 `<파일>.key`에서 읽습니다
place-behind-proxy = 애플리케이션 속성에 합치세요. 클라이언트의 https 스킴과 주소를 알 수 있게 됩니다
place-proxy-fullchain = 설정의 인증서 줄이 가리키는 곳
place-proxy-privkey = 설정의 키 줄이 가리키는 곳, 권한 600
place-dev-ca = 개발용 CA 인증서(공개 파일). 클라이언트가 신뢰할 대상이며 아래 check가 사용합니다
place-self-signed = 인증서 자체(공개 파일). 클라이언트가 신뢰해야 할 대상이며 아래 check가 사용합니다
place-socket-ts = 프런트엔드 소스(TypeScript)
place-socket-js = socket.ts 대신 쓸 프런트엔드 소스(일반 JavaScript)
place-socket-node = 엔드포인트와 통신하는 Node.js 서비스나 스크립트(`npm install ws https-proxy-agent proxy-from-env`, `node socket-node.mjs`로 시험). curl처럼 환경 변수가 지정한 프록시를 거칩니다

note-proxy-upstream = 애플리케이션은 계속 `{ $upstream }`에서 평문 HTTP로 대기합니다.
note-proxy-idle = 유휴 WebSocket은 한 시간 동안 유지됩니다. 클라이언트가 더 오래 조용하다면 읽기 타임아웃을 늘리세요.
note-caddy-idle = Caddy는 업그레이드된 WebSocket을 자체 유휴 제한 없이 열어 둡니다. `tls` 줄을 지우면 Caddy가 직접 인증서를 받습니다(공개 이름은 Let's Encrypt, localhost는 내부 CA).
note-client-scheme = 소켓 스킴이 페이지를 따릅니다. https: 페이지에서는 wss:, http: 페이지에서는 ws:를 씁니다.
note-client-reconnect = 처음 쓸 때 연결하고, 서버가 재시작하는 동안 백오프와 지터를 두고 다시 연결합니다.
note-self-signed-browsers = 브라우저는 자체 서명 인증서에 경고 페이지를 띄우고, wss://에서는 그런 페이지도 없이 거부합니다. 브라우저용이라면 --dev-ca로 생성하고 그 CA를 한 번 신뢰하세요.
note-clients-behind-proxy = HTTP 프록시 뒤의 클라이언트: 브라우저와 curl은 알아서 프록시를 씁니다. Java에는 `-Dhttps.proxyHost`와 `-Dhttps.proxyPort`가 필요하고(터널에 Basic 자격 증명을 보내려면 `-Djdk.http.auth.tunneling.disabledSchemes=`도), Spring의 `StandardWebSocketClient`는 JVM 설정을 따릅니다. Node의 `ws`에는 CONNECT를 쓰는 에이전트(`https-proxy-agent`)가 필요합니다. `handshake check URL`은 환경이 지정한 프록시를 거치고, 그렇다고 알려 줍니다.

spring-advice-https-only = Spring Boot는 포트 { $port }에서 HTTP 대신 HTTPS를 제공합니다. 속성만으로는 둘 다 제공할 수 없으니, 모든 클라이언트를 https/wss로 바꾸거나, 앞에 Nginx를 두거나, 코드에서 두 번째(평문) 커넥터를 추가하세요(TomcatServletWebServerFactory.addAdditionalTomcatConnectors).
spring-advice-low-port = 1024 미만 포트는 root 권한이나 CAP_NET_BIND_SERVICE가 필요합니다. 8443(또는 443의 프록시)을 쓰면 필요 없습니다.
spring-advice-bundle-exclusive = server.ssl.bundle은 server.ssl.key-store, server.ssl.certificate 등 다른 server.ssl.* 키 속성과 함께 쓸 수 없습니다. 애플리케이션에 있다면 지우세요.
spring-advice-reload = reload-on-update는 재시작 없이 갱신된 파일을 적용합니다. 내장 Tomcat과 Netty에서만 동작합니다(Jetty, Undertow 제외).
spring-advice-no-reload = reload-on-update는 넣지 않았습니다. 파일을 감시하므로 classpath:가 아닌 file: 위치가 필요합니다.
spring-advice-pem-key = 개인 키 파일은 암호화되지 않은 PKCS#8(BEGIN PRIVATE KEY)이어야 하고, 애플리케이션 사용자만 읽을 수 있어야 합니다(chmod 600).

## 생성된 설정 파일의 주석(지시어는 그대로)

config-generated-proxy = Handshake가 생성: { $names }의 TLS를 맡고 { $upstream }(으)로 프록시합니다.
config-nginx-include = http 블록 안에 포함하세요(예: /etc/nginx/conf.d/). 그다음: nginx -t && systemctl reload nginx
config-nginx-map = Connection: 클라이언트가 요청하면 upgrade, 아니면 close.
config-nginx-redirect = 308은 메서드를 유지합니다. WebSocket 클라이언트는 처음부터 wss://를 써야 합니다.
config-mozilla = Mozilla intermediate 프로필(DHE 없음, 그래서 dhparam 파일도 필요 없음).
config-hsts = 브라우저가 2년 동안 이 호스트로의 평문 HTTP를 거부합니다.
config-nginx-websocket = WebSocket: HTTP/1.1과 홉 단위 헤더 Upgrade/Connection.
config-idle = 프레임 없이 이 시간이 지나면 유휴 소켓을 닫습니다.
config-haproxy-include = /etc/haproxy/haproxy.cfg 끝에 덧붙인 뒤: haproxy -c -f /etc/haproxy/haproxy.cfg && systemctl reload haproxy
config-haproxy-key = HAProxy는 키를 이 파일이나 옆의 `<crt>.key`에서 읽습니다: { $key }.
config-haproxy-key-apart = HAProxy는 키를 이 파일이나 옆의 `<crt>.key`에서만 읽고 { $key }에서는 읽지 않습니다. `ln -s { $key } { $cert }.key`로 링크하거나(갱신해도 그대로 동작합니다) 두 파일을 하나로 합치세요.
config-haproxy-websocket = WebSocket: HAProxy가 업그레이드를 직접 전달합니다. 업그레이드된 뒤에는 timeout tunnel이 유휴 제한입니다(없으면 timeout client/server가 조용한 연결을 끊습니다. Debian 기본값은 50초).
config-caddy-include = Caddyfile(/etc/caddy/Caddyfile)입니다. 그다음: caddy validate --config /etc/caddy/Caddyfile && systemctl reload caddy
config-caddy-no-redirect = 평문 HTTP에서 리디렉트하지 않습니다.
config-caddy-tls = 인증서와 키입니다. 이 줄이 없으면 Caddy가 직접 인증서를 받습니다.
config-caddy-websocket = WebSocket: reverse_proxy가 업그레이드를 전달하고 유휴 제한 없이 연결을 유지합니다.
config-behind-proxy = Nginx 뒤에서: 리디렉트와 요청 URL에 X-Forwarded-Proto/For/Host를 씁니다.
config-apache-needs = 필요한 것: a2enmod { $modules }. 그다음 apache2ctl configtest && systemctl reload apache2
config-apache-websocket = WebSocket: Upgrade를 애플리케이션으로 전달합니다(Apache 2.4.47 이상).
config-spring-generated = Handshake가 Spring Boot { $boot }용으로 생성: 애플리케이션이 포트 { $port }에서 HTTPS와 wss://를 직접 제공합니다.
config-spring-password = 비밀번호는 환경 변수({ $variable })에서 읽습니다. ssl.env를 보세요.
config-ssl-env = Spring Boot의 키스토어 비밀번호입니다. 이 파일은 비공개(모드 0600)로 두고 버전 관리에 넣지 마세요.
config-profile = Handshake 프로필: 대상과, 생성된 파일 뒤의 선택들.
config-profile-reproduce = 비밀 정보는 없습니다. 파일 다시 만들기: handshake generate --profile handshake.toml

## TRUST-CA.md (`handshake trust --export`)

trust-ca-title = Handshake 개발용 CA 신뢰하기
trust-ca-warning = 이 CA는 개발하는 컴퓨터에서만 신뢰하세요. CA 키를 가진 사람은 누구든 그 컴퓨터가 받아들이는 인증서를 발급할 수 있습니다.
trust-ca-debian = Debian/Ubuntu: `sudo cp { $pem } /usr/local/share/ca-certificates/handshake-dev-ca.crt && sudo update-ca-certificates` (또는 `sudo handshake trust --system`)
trust-ca-fedora = Fedora/RHEL: `sudo cp { $pem } /etc/pki/ca-trust/source/anchors/ && sudo update-ca-trust extract`
trust-ca-macos = macOS: `sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain { $pem }`
trust-ca-windows = Windows(관리자 PowerShell): `Import-Certificate -FilePath { $der } -CertStoreLocation Cert:\\LocalMachine\\Root`
trust-ca-firefox = Firefox: 설정 → 개인 정보 및 보안 → 인증서 → 인증서 보기 → 인증 기관 → `{ $pem }` 가져오기, "이 CA가 웹 사이트를 식별하도록 신뢰" 선택 (또는 `handshake trust --store browsers`: 모든 프로필을 찾습니다)
trust-ca-chromium = Linux의 Chromium: `handshake trust --store browsers` (~/.pki/nssdb를 쓰며, Chromium이 아직 만들지 않았으면 만듭니다)
trust-ca-java = Java: `keytool -importcert -cacerts -alias handshake-dev-ca -file { $pem }` (비밀번호 `changeit`), 또는 `handshake trust --java`
trust-ca-undo = 되돌리려면 복사한 파일을 지우고 같은 갱신 명령을 실행하거나, 같은 옵션으로 `handshake trust --uninstall`을 실행하세요.

## `handshake trust`가 보여 주는 신뢰 저장소

trust-store-system = 시스템 신뢰 저장소({ $path })
trust-store-keychain = 키체인 { $path }
trust-store-windows = 이 사용자의 Windows 루트 저장소
trust-store-windows-machine = 이 컴퓨터의 Windows 루트 저장소(모든 사용자)
trust-store-nss = { $browser ->
        [chromium] Chromium NSS 데이터베이스 { $path }
        [firefox] Firefox 프로필 { $path }
       *[other] NSS 데이터베이스 { $path }
    }
trust-store-java = Java truststore { $path }
trust-step-write = { $path } 쓰기
trust-step-delete = { $path } 지우기
trust-step-make-dir = { $path } 폴더 만들기
trust-step-run = { $command } 실행
trust-step-windows-add = { $location ->
        [machine] 이 컴퓨터의
       *[user] 이 사용자의
    } Windows 루트 저장소에 SHA-256 { $sha256 } 인증서 추가{ $location ->
        [machine] {""}
       *[user] (Windows가 확인을 요청합니다)
    }
trust-step-windows-remove = { $location ->
        [machine] 이 컴퓨터의
       *[user] 이 사용자의
    } Windows 루트 저장소에서 SHA-256 { $sha256 } 인증서 제거
