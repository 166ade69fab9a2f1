# 오류: 코어와 명령줄의 오류 종류마다 메시지 하나를 두고 오류의 사실로 채웁니다.
# 무엇이 잘못되었고 대신 무엇을 하면 되는지 말합니다. 시스템이나 라이브러리가
# 한 말은 그대로 인용합니다.

## 언어

error-language-unknown = “{ $given }”({ $from })은(는) Handshake가 지원하는 언어가 아닙니다. { $languages } 중 하나를 쓰세요.

## 대상 URL

error-target-empty = 확인할 URL을 입력하세요. 예: wss://api.example.com/socket
error-target-whitespace = URL에 공백이 있습니다({ $position }번째 문자). URL에는 공백을 넣을 수 없으니 지우거나, 경로라면 %20으로 쓰세요.
error-target-missing-scheme = URL에 스킴이 없습니다. wss://, ws://, https://, http:// 중 하나로 시작하세요(예: { $suggestion }).
error-target-malformed-separator = 스킴 뒤에는 "://"가 와야 합니다. { $suggestion }을(를) 말씀하신 건가요?
error-target-unsupported-scheme = Handshake는 "{ $scheme }://"가 아니라 WebSocket과 HTTP 엔드포인트를 확인합니다. WebSocket은 wss:// 또는 ws://, API는 https:// 또는 http://를 쓰세요.
error-target-missing-host = URL에 호스트 이름이 없습니다. { $scheme }:// 뒤에 호스트를 쓰세요. 예: { $scheme }://localhost:8443/ws
error-target-invalid-port = 포트 "{ $port }"이(가) 올바르지 않습니다. 포트는 1부터 65535까지의 숫자입니다.
error-target-credentials = URL에 사용자 이름이나 비밀번호("…@")가 있습니다. URL의 자격 증명은 로그와 기록에 남기 때문에 Handshake는 보내지 않습니다. "@" 앞부분을 지우세요.
error-check-bad-header = { $what ->
        [stomp] STOMP login이나 passcode는 STOMP 헤더로 보낼 수 없습니다
       *[other] { $what ->
            [origin] Origin은
            [subprotocol] 서브프로토콜은
            [url] URL은
           *[header] 헤더 값은
        } HTTP 헤더로 보낼 수 없습니다
    }(줄바꿈이나 다른 제어 문자가 있습니다). 고친 뒤 다시 실행하세요.
error-check-too-long = { $what ->
        [ping] ping 간격 { $seconds }초는
       *[idle] 유휴 유지 시간 { $seconds }초는
    } Handshake가 연결을 유지하는 최대 시간({ $max }초)보다 깁니다. { $max }초 이하로 정하세요.
error-proxy-unparsable = { $from }의 프록시 { $proxy }은(는) Handshake가 쓸 수 있는 URL이 아닙니다. http://host:port 형식으로 쓰고, 프록시가 자격 증명을 요구하면 호스트 앞에 user:password@를 붙이세요.
error-proxy-scheme = { $from }의 프록시는 { $scheme }:// 프록시입니다. Handshake는 HTTP 프록시(CONNECT)만 씁니다. --proxy로 http:// 프록시를 주거나, --no-proxy로 직접 연결하세요.
error-target-not-websocket = handshake check는 WebSocket 연결을 확인하므로 ws:// 또는 wss:// URL이 필요합니다: { $suggestion }. http(s) 엔드포인트는 handshake diagnose로 확인하세요.
error-target-invalid-host = "{ $host }"은(는) 올바른 호스트 이름이나 IP 주소가 아닙니다({ $problem ->
        [character] 호스트 이름에 쓸 수 없는 문자가 있습니다
        [idna] 국제화 도메인 이름을 ASCII로 바꿀 수 없습니다
        [ipv4] 올바른 IPv4 주소가 아닙니다
        [ipv6] 올바른 IPv6 주소가 아닙니다
        [zone-id] %eth0 같은 존 ID는 브라우저든 WebSocket 클라이언트든 URL에 넣을 수 없습니다. 호스트의 전역 또는 고유 로컬 주소나 이름을 쓰세요
       *[other] URL 파서가 거부합니다
    }).

## 명령줄에서 준 파일

error-ca-file-no-certificate = { $path }에 PEM 인증서(-----BEGIN CERTIFICATE-----로 시작하는 블록)가 없습니다. 키가 아니라 CA 인증서를 넘기세요. DER 파일은 `openssl x509 -inform der -in FILE -out ca.pem`으로 바꾸세요.
error-file-unreadable = { $path }을(를) 읽을 수 없습니다: { $detail }. 경로와 권한을 확인하세요.
error-file-too-large = { $path }이(가) { $limit }{ $unit ->
        [mib] MiB
       *[kib] KiB
    }보다 큽니다. { $what ->
        [report] Handshake 보고서가 아닙니다.
        [list] 엔드포인트 목록(한 줄에 URL 하나)이 아닙니다.
        [ca] CA 인증서 파일이 아닙니다.
        [certificate] 인증서, 키, 키스토어 파일이 아닙니다.
        [profile] handshake.toml 프로필이 아닙니다.
        [password] 비밀번호 파일이 아닙니다.
       *[other] 여기서 기대하는 파일이 아닙니다.
    }
error-file-not-regular = { $path }은(는) 일반 파일이 아닙니다(디렉터리, 장치, 파이프, 소켓). 파일 자체의 경로를 주세요.

## 저장한 보고서 다시 보기

error-replay-too-large = 보고서가 { $limit_mib }MiB보다 큽니다. `handshake diagnose --json` 보고서는 그렇게 크지 않습니다.
error-replay-not-json = 보고서가 JSON이 아닙니다({ $line }행 { $column }열). `handshake diagnose --json`의 출력을 넘기세요.
error-replay-not-a-report = `handshake diagnose --json`의 보고서가 아닌 JSON입니다: { $detail }
error-replay-newer = Handshake { $version }에서 만든 보고서입니다. 지금 버전({ $ours })보다 새 버전이라 이 버전이 읽지 못하는 증거가 들어 있습니다. Handshake { $version } 이상으로 여세요.

## 인증서와 키

error-pki-no-host = 인증서를 쓸 호스트를 하나 이상 지정하세요. 예: --host localhost --host 127.0.0.1
error-pki-io = { $path }을(를) 쓸 수 없습니다: { $detail }.
error-pki-no-certificate = { $file ->
        [named] { $path }에
       *[certificate] 인증서 파일에
    } PEM 인증서(-----BEGIN CERTIFICATE-----로 시작하는 블록)가 없습니다.
error-pki-invalid-certificate = 인증서 파일의 CERTIFICATE 블록 중에 올바른 X.509 인증서가 아닌 것이 있습니다.
error-pki-no-key = 키 파일에 Handshake가 읽을 수 있는 개인 키(PKCS#8 "PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY", SEC1 "EC PRIVATE KEY")가 없습니다.
error-pki-encrypted-key = 개인 키가 암호화되어 있습니다. 암호를 알려 주세요(CLI: --key-password-file FILE, 본인만 읽을 수 있는 파일).
error-pki-wrong-passphrase = 이 암호로는 개인 키를 풀 수 없습니다(또는 암호화 방식이 PBKDF2/scrypt와 AES를 쓰는 PBES2가 아닙니다. `openssl pkcs8 -topk8 -v2 aes-256-cbc`로 변환하세요).
error-pki-key-mismatch = 개인 키가 { $subject }의 인증서와 짝이 아닙니다. 공개 키가 서로 다릅니다. 키와 인증서 파일이 한 쌍인지 확인하세요(Let's Encrypt: 같은 live/ 폴더의 privkey.pem과 fullchain.pem).
error-pki-generation = 인증서를 만들지 못했습니다: { $detail }
error-pki-key-required = { $path }에는 키 없이 인증서만 있습니다. --client-key로 키를 주거나, 둘 다 담긴 PKCS12 파일(.p12)을 주세요.
error-pki-password-required = { $path }은(는) PKCS12 키스토어입니다. 비밀번호를 환경 변수에 넣고 --password-env VAR로 알려 주세요.
error-pki-no-key-in-keystore = { $path }에는 인증서만 있고 개인 키가 없습니다. 클라이언트 인증서에는 키가 필요합니다(`keytool -importkeystore` 등으로 키와 함께 내보내세요).
error-pki-key-derivation-too-costly = 개인 키의 암호화가 키 유도를 { $work }번 요구합니다. Handshake가 수행하는 { $limit }번보다 많고, 이렇게 많이 쓰는 도구는 없습니다. 다시 암호화하세요: `openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-new.pem`.
error-pki-keystore-password = 비밀번호로 키스토어 { $path }을(를) 열 수 없습니다. --password-env에 준 환경 변수를 확인하세요.
error-pki-not-pem-or-pkcs12 = { $path }은(는) PEM도 PKCS12 키스토어도 아닙니다({ $detail }). JKS 파일은 `keytool -importkeystore -srcstoretype JKS -deststoretype PKCS12`로, DER 인증서는 `openssl x509 -inform der -in FILE -out cert.pem`으로 변환하세요.

warning-self-signed = 자체 서명 인증서는 클라이언트마다 설치하기 전에는 어디서도 신뢰받지 못합니다. 개발용 CA(--ca-dir)는 한 번만 신뢰하면 됩니다.
warning-chain-incomplete = 파일에 { $subject }의 인증서만 있고, 이를 발급한 중간 인증서({ $issuer })가 없습니다. Java, curl, 모바일 클라이언트는 이 체인을 거부합니다. 전체 체인을 쓰세요(Let's Encrypt: fullchain.pem).
warning-expires-soon = { $expired ->
        [yes] 인증서가 만료되었습니다({ $not_after }). 갱신하세요.
       *[no] 인증서가 { $days ->
            [0] 하루 안에
           *[other] { $days }일 뒤에
        } 만료됩니다({ $not_after }). 곧 갱신하세요.
    }

## 키스토어

error-keystore-no-certificate = 키스토어에는 적어도 서버 인증서가 있어야 하는데 아무것도 주지 않았습니다.
error-keystore-encoding = 인증서나 키를 PKCS12 키스토어에 담지 못했습니다: { $detail }
error-keystore-not-pkcs12 = PKCS12 키스토어가 아닙니다({ $detail }). JKS 파일이라면 먼저 `keytool -importkeystore -srcstoretype JKS -deststoretype PKCS12`로 바꾸세요.
error-keystore-wrong-password = 이 비밀번호로는 키스토어를 열 수 없습니다. Spring Boot는 "keystore password was incorrect"를 남기고 멈춥니다. server.ssl.key-store-password를 확인하고, 그 값이 가리키는 변수가 애플리케이션을 시작하는 환경에 설정되어 있는지도 확인하세요(설정되지 않은 {"${VAR}"}는 글자 그대로 Java에 전달됩니다).
error-keystore-too-costly = 키스토어가 키 유도를 { $iterations }번 요구합니다. Handshake가 수행하는 { $limit }번보다 많고, 이렇게 많이 쓰는 도구는 없습니다. `keytool -importkeystore`나 `openssl pkcs12 -export`로 다시 내보내세요.
error-keystore-alias-missing = 키스토어에 "{ $alias }" 별칭이 없습니다(있는 별칭: { $available }). Spring Boot의 내장 Tomcat은 "Alias name [{ $alias }] does not identify a key entry"를 남기고 멈춥니다. server.ssl.key-alias를 이 중 하나로 설정하세요.
error-keystore-alias-not-key = "{ $alias }" 별칭에는 개인 키 없이 인증서만 있습니다. Spring Boot의 내장 Tomcat은 "Alias name [{ $alias }] does not identify a key entry"를 남기고 멈춥니다. server.ssl.key-alias에는 PrivateKeyEntry의 별칭을 쓰세요.

## 생성과 내보내기

error-plan-form-too-new = { $form } 형식은 Spring Boot { $since } 이상이 필요한데 애플리케이션은 { $boot }입니다. 다음 중에서 고르세요: { $offered }
error-plan-not-a-location = "{ $location }"은(는) Spring 리소스 위치가 아닙니다. file: 또는 classpath:로 시작하세요. 예: file:/etc/chat/server.p12
error-render-no-password = 키스토어에는 비밀번호가 필요합니다. 비밀번호를 정하세요(CLI: --password-env).
error-render-password-not-portable = { $variable }의 비밀번호에 셸(`set -a; . ./ssl.env`), systemd의 EnvironmentFile=, `docker --env-file`이 서로 다르게 읽는 문자(공백, 따옴표, $, `, \ 등)가 있습니다. 영문자, 숫자와 _ - . , / : @ % + =만 쓰세요(예: `openssl rand -base64 18 | tr +/ -_`).
error-render-invalid-value = { $field } 값 “{ $value }”은(는) { $kind ->
        [host] 호스트 이름(영문자, 숫자, 하이픈, 점. 앞의 *.는 허용), IPv4 또는 IPv6 주소가
        [path] 파일 경로(영문자, 숫자와 / . _ - + ~ @ : = , %. 공백, 따옴표, ;는 불가)가
        [listen] 포트나 주소:포트가
        [upstream] 애플리케이션 주소(http:// 또는 https://, 호스트와 포트만. 경로는 불가)가
        [url-path] /로 시작하는 URL 경로(영문자, 숫자와 / . _ - ~ %)가
        [alias] 키스토어 별칭(영문자, 숫자와 . _ -)이
       *[variable] 환경 변수 이름(영문자, 숫자, _)이
    } 아닙니다. 설정 파일에 지시어나 줄을 덧붙일 수 있으므로 Handshake는 이 값을 쓰지 않습니다.
error-export-exists = { $path }이(가) 이미 있어서 아무것도 쓰지 않았습니다. 다른 이름을 고르거나, 바꾸세요(CLI: --force). 바꾸면 기존 파일은 { $path }.bak으로 보관합니다.
error-export-io = { $path }에 쓸 수 없습니다: { $detail }. 폴더가 있고 쓰기 권한이 있는지 확인하세요. 아무것도 바뀌지 않았습니다.
error-profile-invalid = { $file }은(는) Handshake 프로필이 아닙니다: { $detail }. 해당 줄을 고치거나 프로필을 새로 만드세요.
error-profile-target = { $file }은(는) Handshake 프로필이 아닙니다. 대상 URL을 쓸 수 없습니다. { $reason }

## 신뢰 저장소

error-trust-missing = { $program }이(가) 설치되어 있지 않습니다. { $program ->
        [certutil] apt-get install libnss3-tools (Fedora: dnf install nss-tools)
        [keytool] JDK를 설치하거나 JAVA_HOME을 JDK로 설정하세요
        [update-ca-certificates] apt-get install ca-certificates
        [update-ca-trust] dnf install ca-certificates (Fedora의 도구입니다. Debian이나 Ubuntu에서는 Debian 저장소를 쓰세요)
       *[other] 시스템 패키지 관리자로 설치하세요
    }
error-trust-failed = `{ $command }` 실패: { $output }
error-trust-needs-admin = 관리자 소유의 저장소입니다. 터미널에서 `sudo handshake trust --java`(또는 `--java-cacerts FILE`)를 실행하거나, 직접 만든 truststore를 고르세요
error-browser-listen = 브라우저 검사 페이지를 127.0.0.1에서 제공할 수 없습니다: { $detail }
error-browser-open = 브라우저 “{ $browser }”을(를) 시작할 수 없습니다: { $detail }. 설치된 브라우저를 지정하세요: --browser chromium, --browser firefox, 또는 프로그램 경로.
error-trust-system = Windows 인증서 저장소 작업이 실패했습니다: { $detail }
error-trust-io = { $path }을(를) 바꿀 수 없습니다: { $detail }. 권한이 있는 사용자로 실행하세요(시스템 저장소는 root가 필요합니다).

## 창을 띄우기 전의 데스크톱 앱

app-error-start = Handshake 창을 띄우지 못했습니다: { $detail }

## 스캔 목록

error-scan-line = { $line }번째 줄: { $reason } (이 줄은 건너뜁니다)
error-scan-unknown-option = “{ $option }”은(는) 목록에 쓸 수 있는 옵션이 아닙니다. 한 줄은 URL 하나와, 필요하면 --origin PAGE_ORIGIN이나 --ca PEM입니다.
error-scan-missing-value = { $option } 뒤에 값이 필요합니다.
error-scan-line-too-long = 줄이 { $max }바이트보다 깁니다.
error-scan-line-not-text = 줄이 UTF-8 텍스트가 아닙니다.

## handshake serve

error-probe-no-target = 프로브할 엔드포인트를 지정하세요: /probe?target=wss://api.example.com/ws
error-probe-not-allowed = { $host }은(는) 이 익스포터가 프로브하는 호스트(--allow)에 없습니다.

## A fix request the choices cannot make (`handshake generate`).
error-client-target = 소켓 URL을 지정하세요: --target wss://host/path
error-proxy-certificate = 인증서를 지정하세요: --cert와 --key(서버에 이미 있는 파일), 또는 --dev-ca나 --self-signed로 새로 만드세요
error-proxy-host = 클라이언트가 쓰는 호스트 이름을 지정하세요: --host NAME
error-pem-forms = PEM 형식에는 인증서가 필요합니다: --cert와 --key(키는 PKCS#8로 씁니다), 또는 --dev-ca / --self-signed
error-no-keystore = 키스토어를 지정하세요: --key-store file:/path/server.p12, 또는 --dev-ca, --self-signed, --cert/--key로 새로 만드세요
