# 명령줄이 직접 하는 말: 출력의 이름표와 사용법 오류.
# 경로, URL, 명령, 속성 이름은 그대로 인용합니다.

## 모든 명령이 출력하는 진단 결과

cli-severity = { $severity ->
        [error] ✗ 오류
        [warning] ! 경고
       *[info] ✓ 정보
    }
cli-fix = 해결: { $fix }
cli-error = 오류: { $message }

## handshake diagnose

cli-diagnose-summary = { $errors ->
        [0] 오류 없음
       *[other] 오류 { $errors }개
    } · { $total_ms }ms ({ $steps })
cli-step = { $step } { $ms }

## handshake scan

cli-scan-target = { $group ->
        [healthy] ✓ { $url } · { $ms }ms
        [unreachable] ✗ { $url } · 닿지 않음: { $codes }
       *[failing] ✗ { $url } · { $codes }
    }
cli-scan-expiring = ! { $certificate } { $days ->
        [0] 오늘 만료
       *[other] { $days }일 뒤 만료
    }
cli-scan-timed-out = ✗ { $url } · { $deadline_s }초 안에 결론 없음
cli-scan-summary = 대상 { $scanned }개를 { $seconds }초에 스캔했습니다
cli-scan-healthy = 정상: { $count }
cli-scan-expiring-count = 30일 안에 끝나는 인증서: { $count } (7일 안: { $week })
cli-scan-failing = 실패: { $count }{ $count ->
        [0] {""}
       *[other] {" "}({ $codes })
    }
cli-scan-unreachable = 닿지 않음: { $count }
cli-scan-skipped = 건너뛴 줄: { $count }
cli-scan-duplicates = 중복된 줄: { $count }

## handshake serve

cli-serve-listening = http://{ $address }/probe?target=URL 에서 프로브를 받습니다(Ctrl-C로 멈춤)

## handshake check

cli-check-idling = 연결을 유휴 상태로 유지하는 중… { $left }초 남음
cli-check-because = 원인:
cli-check-waiting = 서버가 연결을 받을 때까지 기다리는 중… { $left }초 남음

## handshake explain-log

cli-log-summary = { $name }: { $lines }줄에서 { $problems ->
        [0] 알려진 문제 없음
       *[other] 문제 { $problems }개
    }
cli-log-stdin = 표준 입력
cli-log-lines = { $count ->
        [1] { $first }행
       *[other] { $first }–{ $last }행({ $count }회)
    }
cli-log-diagnose = 엔드포인트 확인: handshake diagnose { $url }

## handshake target

cli-target-transport = { $transport ->
        [wss] TLS 위의 WebSocket
        [ws] WebSocket, 암호화 안 됨
        [https] TLS 위의 HTTP
       *[http] HTTP, 암호화 안 됨
    }
cli-target-host-kind = { $kind ->
        [domain] DNS 이름
        [ipv4] IPv4 주소
       *[ipv6] IPv6 주소
    }
cli-target-default-port = { $scheme } 기본값
cli-target-scheme = 스킴
cli-target-host = 호스트
cli-target-port = 포트
cli-target-path = 경로

## 쓴 파일(keystore, csr, generate, trust --export)

cli-wrote = { $path } 작성{ $secret ->
        [yes] {" "}(본인만 읽을 수 있음)
       *[no] {""}
    }
cli-backup = 이전 파일은 { $path }(으)로 보관했습니다
cli-warning = ! { $warning }
cli-trust-ca = 클라이언트가 개발용 CA를 신뢰해야 합니다: { $path } (handshake trust가 시스템·브라우저·Java 저장소를 찾아 줍니다)
cli-next = 다음: { $next_steps }을(를) 읽고 확인하세요: { $check }
cli-no-ssl-env = ! ssl.env를 쓰지 않았습니다. 쓰려면 { $variable }을(를) 설정하세요
cli-error-listen = { $address }에서 연결을 받을 수 없습니다: { $detail }
cli-error-output = 출력을 쓸 수 없습니다: { $detail }

## handshake keystore

cli-keystore-wrote = { $path } 작성 (PKCS12, 별칭 "{ $alias }", 본인만 읽을 수 있음)
cli-keystore-certificate = 인증서       { $subject } · 대상 { $names } · 발급자 { $issuer } · { $not_after }까지 유효
cli-keystore-chain = 체인         인증서 { $count }개{ $count ->
        [1] {""}
       *[other] , 리프부터
    }
cli-keystore-trust = 신뢰         클라이언트가 개발용 CA를 신뢰해야 합니다: { $path }
cli-keystore-spring = Spring Boot (application.properties):

## handshake inspect

cli-inspect-entries = { $path }: 항목 { $count }개
cli-inspect-entry = 별칭 "{ $alias }" · { $kind } · 체인 { $chain }개{ $key ->
        [matches] {" "}· 키가 인증서와 짝이 맞습니다
        [differs] {" "}· ✗ 키가 인증서와 짝이 맞지 않습니다
       *[none] {""}
    }
cli-inspect-certificate = { $subject } · 발급자 { $issuer } · 대상 { $names } · { $not_after }까지 유효({ $days }일 남음)
cli-inspect-expired = { $subject } · 발급자 { $issuer } · 대상 { $names } · { $not_after }에 만료
cli-inspect-refused = ✗ { $path }: { $reason }

## handshake csr

cli-csr-wrote = { $key }(개인 키, 본인만 읽을 수 있음)와 { $csr }({ $hosts }용 CSR) 작성
cli-csr-next = CA에 CSR을 보내세요. 인증서를 받으면 `handshake keystore --cert CERT.pem --key { $key }`로 키스토어를 만듭니다.

## handshake trust

cli-trust-ca-file = 개발용 CA: { $path }
cli-trust-no-ca = { $path }에 아직 개발용 CA가 없습니다. 확인하거나 제거할 것이 없습니다(설치할 때 만들어집니다).
cli-trust-state = { $trusted ->
        [yes] ✓ 신뢰함: { $store }
       *[no] ✗ 신뢰하지 않음: { $store }
    }
cli-trust-plan = 다음을 실행합니다:
cli-trust-confirm = 적용할까요? [y/N]{" "}
cli-trust-unchanged = 아무것도 바꾸지 않았습니다. 적용하려면 --yes를 붙여 다시 실행하세요.
cli-trust-done = 완료: { $store }
cli-browser-page-title = Handshake: 브라우저 검사
cli-browser-page-checking = Handshake가 이 브라우저에서 { $url }을(를) 검사하는 중…
cli-browser-page-done = 완료: 결과는 Handshake에 있습니다. 이 탭은 닫아도 됩니다.
cli-check-browser-opening = { $browser }에서 { $url }을(를) 엽니다(보고를 최대 { $seconds }초 기다립니다)…
cli-trust-unreadable = ? { $store }을(를) 읽을 수 없습니다: { $reason }
cli-trust-store-failed = 실패: { $store }: { $reason } (그 저장소는 바뀌기 전 그대로입니다)
cli-trust-none-found = 신뢰 저장소를 찾지 못했습니다. Chromium의 ~/.pki/nssdb와 Firefox 프로필은 브라우저를 한 번 실행하면 생기고, JDK는 JAVA_HOME이나 PATH의 java로 찾습니다. --nss DIR, --java-cacerts FILE, --system으로 직접 지정하세요.

## 명령줄 사용법 오류

cli-error-env-unset = 환경 변수 { $variable }이(가) 설정되지 않았습니다(또는 UTF-8이 아닙니다). { $what ->
        [password] 키스토어 비밀번호를
        [passcode] STOMP passcode를
       *[value] 값을
    } 넣으세요
cli-error-password-short = 키스토어 비밀번호는 6자 이상이어야 합니다(keytool과 Java가 더 짧은 비밀번호를 거부합니다)
cli-error-profile-password-env = 프로필이 키스토어 비밀번호를 ${ $variable }에서 읽으라고 합니다. 공유된 프로필이 다른 비밀을 ssl.env에 복사하지 못하도록 프로필에서는 $SSL_KEYSTORE_PASSWORD에서만 읽습니다. 그 변수를 설정하거나, 직접 `handshake generate spring … --password-env { $variable }`를 실행하세요.
cli-error-header-env = --header-env는 NAME=VAR 형식입니다(예: X-Api-Key=API_KEY). “{ $given }”이(가) 아닙니다
cli-error-seconds = { $flag }은(는) 0보다 큰 초 단위 숫자여야 합니다
cli-error-key-type = 알 수 없는 키 종류 “{ $given }”: ecdsa-p256, rsa-2048, rsa-3072, rsa-4096 중 하나를 쓰세요
cli-error-no-hosts = 인증서를 쓸 호스트를 지정하거나(--host localhost --host 127.0.0.1), --cert와 --key로 가져오세요
cli-error-flag = { $flag }: { $reason }
cli-error-generate-what = 무엇을 만들지(nginx, apache, spring, client) 지정하거나 --profile FILE을 쓰세요
cli-error-profile-and-subcommand = --profile은 프로필을 그대로 다시 만듭니다. 하위 명령은 빼세요
cli-error-no-out = 저장할 폴더를 지정하세요: --out DIR
cli-error-java-home = JAVA_HOME이 설정되지 않았습니다. JDK를 가리키게 하거나(예: /usr/lib/jvm/java-17-openjdk-amd64), --java-cacerts로 truststore를 지정하세요
cli-error-java-cacerts = { $home }에 lib/security/cacerts가 없습니다. JAVA_HOME이 JDK인가요? 아니면 --java-cacerts로 truststore를 지정하세요
cli-error-ca-unreadable = 개발용 CA 인증서를 읽을 수 없습니다
cli-error-no-url = 진단할 엔드포인트를 지정하세요. 예: handshake diagnose wss://localhost:8443/ws (또는 --replay report.json)
cli-error-empty-list = 목록에 대상이 없습니다. 한 줄에 URL 하나씩 쓰세요. 예: wss://api.example.com/ws (#으로 시작하는 줄은 주석)
