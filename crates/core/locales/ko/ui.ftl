# The window's own words (buttons, headings, labels). Findings, errors and
# 창에서 쓰는 말(버튼, 제목, 이름표). 진단 결과, 오류, NEXT-STEPS는 CLI와 함께 쓰는
# 이 폴더의 다른 파일에 있습니다.

app-tagline = TLS · WebSocket 설정
app-steps = 설정 단계
app-language = 언어

step-target = 대상
step-target-caption = 실패하는 URL
step-diagnose = 진단
step-diagnose-caption = 근본 원인 찾기
step-fix = 해결 방법
step-fix-caption = Spring, 앞단 프록시, 클라이언트
step-generate = 생성
step-generate-caption = 키스토어와 설정
step-export = 내보내기
step-export-caption = 파일을 안전하게 저장
step-trust = 신뢰
step-trust-caption = 브라우저가 CA를 신뢰하도록
step-verify = 검증
step-verify-caption = 실제 wss:// 핸드셰이크
step-of = { $total }단계 중 { $n }단계

back = 뒤로

next = 다음

target-title = 어느 엔드포인트가 실패하나요?
target-lede = 클라이언트가 연결하는 URL을 붙여 넣으세요. 입력하는 동안 확인하고, 그 포트에서 서버가 실제로 무엇을 말하는지 진단합니다.
target-url = 대상 URL
target-origin = 소켓을 여는 페이지
target-origin-hint = (선택: 혼합 콘텐츠, Origin, CORS 확인)
target-try = 예시
target-recent = 최근
target-encrypted = 암호화됨
target-plain = 암호화 안 됨
target-scheme = 스킴
target-host = 호스트
target-port = 포트
target-path = 경로
target-default = { $scheme } 기본값
target-cli = 명령줄에서:
target-diagnose = 진단
target-log = 오류 메시지가 있어요
target-scan = 엔드포인트 목록이 있어요
target-report = 보고서 열기…
target-keystore = 키스토어가 있어요
target-tls = TLS 위
target-notls = 암호화 안 됨

host-domain = DNS 이름
host-ipv4 = IPv4 주소
host-ipv6 = IPv6 주소

diagnose-running = 진단 중…
diagnose-failed = 진단을 실행하지 못했습니다
diagnose-stopped = 진단을 멈췄습니다
diagnose-none = 문제를 찾지 못했습니다
diagnose-one = 문제 1개 발견
diagnose-many = 문제 { $n }개 발견
diagnose-from = 페이지:
diagnose-cancel = 중지
diagnose-again = 다시 진단
diagnose-change = 대상 바꾸기
diagnose-copy = 보고서 복사
diagnose-copied = Markdown으로 복사했습니다
diagnose-seen = Handshake가 본 것
diagnose-choose = 해결 방법 고르기
diagnose-replayed = { $file }에서 읽었습니다(`handshake diagnose --json`으로 저장한 보고서). 접속하지 않고 보고서의 증거로 진단 결과를 다시 만들어 이 언어로 보여 줍니다. 지금 상태를 보려면 다시 진단하세요.

stage-dns = 이름 확인
stage-tcp = 연결
stage-tls = TLS 핸드셰이크와 인증서
stage-http = 요청과 업그레이드

evidence-route = 경로
evidence-addresses = 주소
evidence-certificate = 인증서
evidence-bytes = 받은 바이트
evidence-response = 응답
evidence-timings = 소요 시간

severity-error = 오류
severity-warning = 경고
severity-info = 정상

finding-fix = 해결 방법
finding-cli = 명령줄에서는:

fix-title = TLS를 어디에서 처리할까요?
fix-lede = 진단 결과로 추천 방법을 미리 골라 두었습니다. 어느 방법이든 저장하기 전에 파일을 검토할 수 있습니다.
fix-recommended = 추천
fix-because = { $code } 때문에
fix-spring = Spring Boot가 TLS 처리
fix-spring-when = 프록시 없이 애플리케이션에 바로 연결할 때: PKCS12 키스토어와 server.ssl.* 속성.
fix-nginx = 앞단에 Nginx
fix-nginx-when = 애플리케이션은 평문 HTTP로 두고, 443의 프록시가 WebSocket 업그레이드를 전달하게 할 때.
fix-apache = 앞단에 Apache httpd
fix-apache-when = Nginx와 같지만, 이미 Apache 2.4.47 이상을 쓰는 서버용.
fix-haproxy = 앞단에 HAProxy
fix-haproxy-when = 이미 HAProxy를 쓰는 서버용. 프런트엔드에서 TLS를 처리하고, 조용한 WebSocket을 유지하는 tunnel 타임아웃을 설정합니다.
fix-caddy = 앞단에 Caddy
fix-caddy-when = 가장 짧은 설정. Caddy는 WebSocket을 알아서 전달하고, 나중에 인증서를 직접 받을 수도 있습니다.
fix-client = 클라이언트만 변경
fix-client-when = 서버는 정상이고, 페이지가 잘못된 스킴을 쓰거나 재시작 뒤 다시 연결하지 않을 때.

generate-title = 생성할 내용을 검토하세요
generate-lede = 기본값은 대상에서 가져왔습니다. 바꾸면 파일 미리보기가 바로 갱신됩니다.
generate-hosts = 호스트 이름
generate-hosts-hint = 공백으로 구분
generate-upstream = 애플리케이션(평문 HTTP)
generate-wspath = WebSocket 경로
generate-listen = TLS 대기 주소
generate-redirect = 리디렉트할 평문 주소
generate-hsts = HSTS 보내기(브라우저가 2년 동안 이 호스트에 https만 사용. localhost에서는 모든 포트에 적용되므로 기본으로 꺼 둠)
generate-port = server.port
generate-boot = Spring Boot 버전
generate-form = 속성 형식
generate-alias = 키 별칭
generate-certificate = 인증서

cert-choice-dev-ca = 새 인증서, Handshake 개발용 CA 서명
cert-choice-self-signed = 새 인증서, 자체 서명
cert-choice-import = 내 PEM 파일(가져오기)
cert-choice-existing = 서버에 이미 있는 파일
cert-choice-in-place = 애플리케이션의 키스토어 그대로
generate-keystore = 키스토어(server.ssl.key-store)
csr-summary = 공인 CA에서 인증서를 받나요? 먼저 키와 CSR을 만드세요
csr-lede = 이 호스트들을 담은 새 개인 키와 인증서 서명 요청(CSR)을 만듭니다. DigiCert, Sectigo, 사내 CA 같은 곳에 보낼 때 씁니다. 키는 이 컴퓨터에 남고 나만 읽을 수 있으며, CA에는 CSR만 보냅니다.
csr-folder = 폴더
csr-make = 키와 CSR 만들기
csr-written = `{ $key }`(개인 키, 나만 읽을 수 있음)와 `{ $csr }`을(를) 만들었습니다. CSR을 CA에 보내고, 인증서를 받으면 위에서 "내 PEM 파일(가져오기)"을 골라 그 인증서와 이 키를 지정하세요.

generate-certfile = 인증서 체인(PEM)
generate-keyfile = 개인 키(PEM)
generate-keytype = 키 종류
generate-language = NEXT-STEPS.md 언어
generate-files = 파일
generate-secret = 비공개, 권한 0600 — 표시하지 않음
generate-binary = 바이너리({ $size }바이트)
generate-export = 파일 내보내기

export-title = 파일을 어디에 저장할까요?
export-lede = 모든 파일을 한 번에 쓰거나 하나도 쓰지 않습니다. 기존 파일은 확인했을 때만 바꾸고 .bak으로 보관합니다.
export-folder = 폴더
export-choose = 선택…
export-conflicts = 다음 파일이 이미 있어 바뀝니다:
export-replace = 바꾸기(기존 파일은 .bak으로 보관)
export-write = 내보내기
export-done = 파일 { $n }개를 내보냈습니다
export-private = 비공개 · 0600
export-backup = 이전 파일 보관:
export-open = 폴더 열기
export-next = 다음 단계
export-verify = 해결 검증
export-to-trust = 다음: CA 신뢰하기
export-cancelled = 폴더를 고르지 않았습니다. 아무것도 쓰지 않았습니다.
export-trust = 클라이언트가 개발용 CA를 신뢰해야 합니다:

trust-title = 개발용 CA 신뢰하기
trust-lede = 브라우저, Java, 시스템은 인증서를 발급한 CA를 신뢰할 때만 그 인증서를 받아들입니다. 아래는 Handshake가 이 컴퓨터에서 찾은 신뢰 저장소입니다. CA를 신뢰할 곳을 고르고, 무엇이 바뀌는지 정확히 확인한 다음 적용하세요. 제거하면 다시 빠집니다.
trust-ca = 개발용 CA:
trust-found = 이 컴퓨터의 신뢰 저장소
trust-none = 신뢰 저장소를 찾지 못했습니다. Chromium 데이터베이스와 Firefox 프로필은 브라우저를 한 번 실행하면 생깁니다.
trust-yes = 신뢰함
trust-no = 신뢰하지 않음
trust-unreadable = 읽을 수 없음
trust-admin = 관리자 권한 필요
trust-add = 여기에 CA 신뢰 추가
trust-remove = 여기에서 CA 제거
trust-plan = 다음이 바뀝니다:
trust-plan-nothing = 고른 저장소에서 바꿀 것이 없습니다.
trust-apply = 이대로 적용
trust-applying = 적용하는 중…
trust-done = 완료: { $store }
trust-failed = 실패: { $store }. { $reason }
trust-refused = { $store }은(는) 바꿀 수 없습니다: { $reason }
trust-to-verify = 해결 검증

verify-title = 실제 핸드셰이크로 확인하세요
verify-lede = 새 파일로 서버를 재시작한 뒤 검증하세요. 실제 WebSocket을 열어 메시지를 보내고 응답을 기다립니다.
verify-url = URL
verify-ca = 신뢰할 CA(PEM)
verify-protocol = 프로토콜
verify-protocol-name = { $protocol ->
        [auto] 자동(URL과 서브프로토콜로 판단)
        [echo] 에코(아무 응답이나)
        [stomp] STOMP
        [sockjs] SockJS(안에 STOMP)
        [socketio] Socket.IO
       *[other] graphql-ws
    }
verify-idle = 유휴 유지(초)
verify-ping = ping 간격(초)
verify-idling = 연결을 유휴 상태로 유지하는 중… { $n }초 남음
verify-wait = 서버 재시작 대기(초)
verify-run = 검증
verify-browser = 내 브라우저에서 시도
verify-browser-waiting = 브라우저를 기다리는 중: URL에 연결하는 페이지를 열고 결과를 보내옵니다(최대 30초)…
verify-waiting = 서버를 기다리는 중… { $n }초
verify-retry = 다시 시도

log-title = 오류 메시지 설명
log-lede = 서버 로그, 브라우저 콘솔, 스택 트레이스를 붙여 넣으세요. 이 컴퓨터 밖으로 나가지 않습니다.
log-text = 로그 내용
log-explain = 설명
log-none = 이 텍스트에서 알아본 것이 없습니다. 대신 URL을 진단해 보세요. 서버 자체를 살펴봅니다.
log-lines = { $count ->
        [1] { $first }행
       *[other] { $first }–{ $last }행 · { $count }회
    }

scan-title = 엔드포인트 목록 스캔
scan-lede = 한 줄에 URL 하나(wss://, https://)를 쓰고, 필요하면 뒤에 --origin PAGE_ORIGIN이나 --ca PEM을 붙이세요. #으로 시작하는 줄은 주석입니다. 한 번에 32개, 호스트마다 5개씩 진단합니다.
scan-text = 엔드포인트
scan-open = 파일 열기…
scan-run = 스캔
scan-running = 스캔하는 중…
scan-summary = 엔드포인트 { $scanned }개 · { $seconds }초
scan-group-healthy = 정상
scan-group-expiring = 30일 안에 끝나는 인증서
scan-group-failing = 실패
scan-group-unreachable = 닿지 않음
scan-ends-in = { $certificate } { $days }일 뒤 만료
scan-timed-out = 제시간에 결론 없음
scan-skipped = 건너뛴 줄
report-title = 저장한 보고서 열기
report-lede = `handshake diagnose --json`으로 저장한 보고서(내 것이든 동료 것이든)를 엽니다. 보고서에 담긴 증거로 진단 결과를 다시 만들어 지금 언어로 보여 주며, 엔드포인트에는 접속하지 않습니다.
report-file = 보고서 파일(JSON)
report-open = 열기
file-choose = 선택…
keystore-title = 이 키스토어로 Spring Boot가 시작될까요?
keystore-lede = PKCS12 키스토어(`.p12`)를 검사합니다. 내 것이든 전달받은 것이든 상관없습니다. 별칭, 키 항목, 인증서를 보여 주고, 키가 인증서와 짝이 맞는지 확인하며, 입력한 비밀번호와 별칭이면 Spring Boot가 어떤 오류로 멈출지 알려 줍니다.
keystore-file = 키스토어 파일
keystore-password = 비밀번호
keystore-password-hint = `server.ssl.key-store-password`: 이번 검사에만 쓰고 저장하지 않습니다.
keystore-alias = 별칭(선택)
keystore-alias-hint = `server.ssl.key-alias`를 설정했다면 입력하세요. Spring Boot는 이 별칭이 키 항목이어야 합니다.
keystore-inspect = 검사
keystore-entries = 항목 { $count }개
keystore-starts = 이 키스토어와 별칭 "{ $alias }"(으)로 Spring Boot가 시작됩니다.
keystore-key-matches = 키가 인증서와 짝이 맞습니다
keystore-key-differs = 키가 인증서와 짝이 맞지 않습니다. Spring Boot는 시작되지만 TLS 핸드셰이크가 모두 실패합니다.
keystore-use-title = 이 키스토어 쓰기
keystore-use-lede = 이 키스토어를 그대로 쓰는 Spring Boot 속성을 이 URL의 애플리케이션용으로 만듭니다. 별칭은 "{ $alias }"이고, 입력한 비밀번호는 `ssl.env`에만 들어갑니다.
keystore-use-url = 애플리케이션 URL
keystore-use = 이 키스토어 쓰기
certificates-title = 인증서
certificates-ca = 신뢰할 CA
certificates-ca-hint = 시스템 CA 외에 추가로 신뢰할 CA 인증서(PEM)입니다. 예: 개발용 CA
certificates-summary = 인증서: 신뢰할 CA, 클라이언트 인증서(상호 TLS), 서버가 제공해야 할 인증서
certificates-client = 클라이언트 인증서
certificates-client-hint = 서버가 클라이언트 인증서를 요구할 때(상호 TLS) 씁니다. PEM 인증서와 아래의 키, 또는 둘을 함께 담은 PKCS12 파일(`.p12`)을 지정하세요.
certificates-key = 개인 키(PEM)
certificates-password = 비밀번호
certificates-password-hint = PKCS12 파일이나 암호화된 키의 비밀번호입니다. 이번 진단에만 쓰고 저장하지 않습니다.
certificates-expected = 기대하는 인증서
certificates-expected-hint = 서버가 제공해야 할 인증서입니다(예: 디스크에 있는 갱신된 인증서). 서버가 아직 다른 인증서를 제공하면 알려 줍니다.
certificates-retry = 이 인증서로 다시 진단

target-ipc-failed = Handshake가 URL을 확인하지 못했습니다: { $detail }
evidence-chain = 체인 { $n }
evidence-total = 전체
evidence-wait = 서버 대기
app-error-cancelled = 중지했습니다. 실행 중이던 단계 이후로는 아무것도 보내지 않았습니다.
app-error-nothing-exported = 아직 내보낸 것이 없습니다.
app-error-folder-not-absolute = 내보낼 폴더(절대 경로)를 고르세요.
app-error-open-folder = 폴더를 열 수 없습니다: { $detail }
app-error-no-dev-ca = 아직 개발용 CA가 없습니다. 개발용 CA를 쓰는 내보내기를 하면 만들어집니다.
app-error-no-trust-plan = 먼저 바뀔 내용을 확인하세요. 보여 준 내용만 적용합니다.
