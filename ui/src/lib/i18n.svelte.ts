import type { Language } from "./bindings";

/** Every UI string, in English and Korean. `{name}` is filled in by `t`. */
const dictionary = {
  "app.tagline": { en: "TLS & WebSocket setup", ko: "TLS · WebSocket 설정" },
  "app.steps": { en: "Setup steps", ko: "설정 단계" },
  "app.language": { en: "Language", ko: "언어" },
  "step.target": { en: "Target", ko: "대상" },
  "step.target.caption": { en: "The URL that fails", ko: "실패하는 URL" },
  "step.diagnose": { en: "Diagnose", ko: "진단" },
  "step.diagnose.caption": { en: "Name the root cause", ko: "근본 원인 찾기" },
  "step.fix": { en: "Choose a fix", ko: "해결 방법" },
  "step.fix.caption": { en: "Spring, Nginx, Apache or client", ko: "Spring, Nginx, Apache, 클라이언트" },
  "step.generate": { en: "Generate", ko: "생성" },
  "step.generate.caption": { en: "Keystore and configs", ko: "키스토어와 설정" },
  "step.export": { en: "Export", ko: "내보내기" },
  "step.export.caption": { en: "Write the files safely", ko: "파일을 안전하게 저장" },
  "step.verify": { en: "Verify", ko: "검증" },
  "step.verify.caption": { en: "A real wss:// handshake", ko: "실제 wss:// 핸드셰이크" },
  "step.of": { en: "Step {n} of 6", ko: "6단계 중 {n}단계" },
  back: { en: "Back", ko: "뒤로" },
  next: { en: "Next", ko: "다음" },

  "target.title": { en: "Which endpoint fails?", ko: "어느 엔드포인트가 실패하나요?" },
  "target.lede": {
    en: "Paste the URL your client connects to. Handshake checks it as you type and then diagnoses what the server really speaks on that port.",
    ko: "클라이언트가 연결하는 URL을 붙여 넣으세요. 입력하는 동안 확인하고, 그 포트에서 서버가 실제로 무엇을 말하는지 진단합니다.",
  },
  "target.url": { en: "Target URL", ko: "대상 URL" },
  "target.origin": { en: "Page that opens it", ko: "소켓을 여는 페이지" },
  "target.origin.hint": {
    en: "(optional: checks mixed content, Origin and CORS)",
    ko: "(선택: 혼합 콘텐츠, Origin, CORS 확인)",
  },
  "target.try": { en: "Try", ko: "예시" },
  "target.recent": { en: "Recent", ko: "최근" },
  "target.encrypted": { en: "Encrypted", ko: "암호화됨" },
  "target.plain": { en: "Not encrypted", ko: "암호화 안 됨" },
  "target.scheme": { en: "Scheme", ko: "스킴" },
  "target.host": { en: "Host", ko: "호스트" },
  "target.port": { en: "Port", ko: "포트" },
  "target.path": { en: "Path", ko: "경로" },
  "target.default": { en: "default for {scheme}", ko: "{scheme} 기본값" },
  "target.cli": { en: "On the command line:", ko: "명령줄에서:" },
  "target.diagnose": { en: "Diagnose", ko: "진단" },
  "target.log": { en: "I have an error message", ko: "오류 메시지가 있어요" },
  "target.tls": { en: "over TLS", ko: "TLS 위" },
  "target.notls": { en: "not encrypted", ko: "암호화 안 됨" },
  "host.domain": { en: "DNS name", ko: "DNS 이름" },
  "host.ipv4": { en: "IPv4 address", ko: "IPv4 주소" },
  "host.ipv6": { en: "IPv6 address", ko: "IPv6 주소" },

  "diagnose.running": { en: "Diagnosing…", ko: "진단 중…" },
  "diagnose.failed": { en: "The diagnosis could not run", ko: "진단을 실행하지 못했습니다" },
  "diagnose.none": { en: "No problems found", ko: "문제를 찾지 못했습니다" },
  "diagnose.one": { en: "1 problem found", ko: "문제 1개 발견" },
  "diagnose.many": { en: "{n} problems found", ko: "문제 {n}개 발견" },
  "diagnose.from": { en: "from a page at", ko: "페이지:" },
  "diagnose.cancel": { en: "Stop", ko: "중지" },
  "diagnose.again": { en: "Diagnose again", ko: "다시 진단" },
  "diagnose.change": { en: "Change the target", ko: "대상 바꾸기" },
  "diagnose.copy": { en: "Copy report", ko: "보고서 복사" },
  "diagnose.copied": { en: "Copied as Markdown", ko: "Markdown으로 복사했습니다" },
  "diagnose.seen": { en: "What Handshake saw", ko: "Handshake가 본 것" },
  "diagnose.choose": { en: "Choose a fix", ko: "해결 방법 고르기" },
  "stage.dns": { en: "Resolve the name", ko: "이름 확인" },
  "stage.tcp": { en: "Connect", ko: "연결" },
  "stage.tls": { en: "TLS handshake and certificate", ko: "TLS 핸드셰이크와 인증서" },
  "stage.http": { en: "Request and upgrade", ko: "요청과 업그레이드" },
  "evidence.addresses": { en: "Addresses", ko: "주소" },
  "evidence.certificate": { en: "Certificate", ko: "인증서" },
  "evidence.bytes": { en: "Bytes received", ko: "받은 바이트" },
  "evidence.response": { en: "Response", ko: "응답" },
  "evidence.timings": { en: "Timings", ko: "소요 시간" },
  "severity.error": { en: "Error", ko: "오류" },
  "severity.warning": { en: "Warning", ko: "경고" },
  "severity.info": { en: "OK", ko: "정상" },
  "finding.fix": { en: "How to fix", ko: "해결 방법" },

  "fix.title": { en: "How should TLS reach your WebSocket server?", ko: "TLS를 어디에서 처리할까요?" },
  "fix.lede": {
    en: "The recommended path is preselected from the diagnosis. Every path ends with files you can review before anything is written.",
    ko: "진단 결과로 추천 방법을 미리 골라 두었습니다. 어느 방법이든 저장하기 전에 파일을 검토할 수 있습니다.",
  },
  "fix.recommended": { en: "Recommended", ko: "추천" },
  "fix.because": { en: "Because of {code}", ko: "{code} 때문에" },
  "fix.spring": { en: "Spring Boot terminates TLS", ko: "Spring Boot가 TLS 처리" },
  "fix.spring.when": {
    en: "Pick this when the application is reached directly (no proxy): a PKCS12 keystore and server.ssl.* properties.",
    ko: "프록시 없이 애플리케이션에 바로 연결할 때: PKCS12 키스토어와 server.ssl.* 속성.",
  },
  "fix.nginx": { en: "Nginx in front", ko: "앞단에 Nginx" },
  "fix.nginx.when": {
    en: "Pick this when the app should stay on plain HTTP behind a proxy on 443 that forwards the WebSocket upgrade.",
    ko: "애플리케이션은 평문 HTTP로 두고, 443의 프록시가 WebSocket 업그레이드를 전달하게 할 때.",
  },
  "fix.apache": { en: "Apache httpd in front", ko: "앞단에 Apache httpd" },
  "fix.apache.when": {
    en: "The same as Nginx, for servers that already run Apache 2.4.47 or later.",
    ko: "Nginx와 같지만, 이미 Apache 2.4.47 이상을 쓰는 서버용.",
  },
  "fix.client": { en: "Only the client changes", ko: "클라이언트만 변경" },
  "fix.client.when": {
    en: "Pick this when the server is fine and the page uses the wrong scheme or gives up after a restart.",
    ko: "서버는 정상이고, 페이지가 잘못된 스킴을 쓰거나 재시작 뒤 다시 연결하지 않을 때.",
  },

  "generate.title": { en: "Review what will be generated", ko: "생성할 내용을 검토하세요" },
  "generate.lede": {
    en: "Defaults come from the target. Every change updates the preview of the files.",
    ko: "기본값은 대상에서 가져왔습니다. 바꾸면 파일 미리보기가 바로 갱신됩니다.",
  },
  "generate.hosts": { en: "Host names", ko: "호스트 이름" },
  "generate.hosts.hint": { en: "separated by spaces", ko: "공백으로 구분" },
  "generate.upstream": { en: "Application (plain HTTP)", ko: "애플리케이션(평문 HTTP)" },
  "generate.wspath": { en: "WebSocket path", ko: "WebSocket 경로" },
  "generate.listen": { en: "TLS listen", ko: "TLS 대기 주소" },
  "generate.redirect": { en: "Redirect from (plain)", ko: "리디렉트할 평문 주소" },
  "generate.hsts": { en: "Send HSTS (browsers remember to use https)", ko: "HSTS 보내기(브라우저가 https를 기억)" },
  "generate.port": { en: "server.port", ko: "server.port" },
  "generate.boot": { en: "Spring Boot version", ko: "Spring Boot 버전" },
  "generate.form": { en: "Properties form", ko: "속성 형식" },
  "generate.alias": { en: "Key alias", ko: "키 별칭" },
  "generate.certificate": { en: "Certificate", ko: "인증서" },
  "cert.dev-ca": { en: "New, signed by the Handshake development CA", ko: "새 인증서, Handshake 개발용 CA 서명" },
  "cert.self-signed": { en: "New, self-signed", ko: "새 인증서, 자체 서명" },
  "cert.import": { en: "My PEM files (imported)", ko: "내 PEM 파일(가져오기)" },
  "cert.existing": { en: "Files already on the server", ko: "서버에 이미 있는 파일" },
  "generate.certfile": { en: "Certificate chain (PEM)", ko: "인증서 체인(PEM)" },
  "generate.keyfile": { en: "Private key (PEM)", ko: "개인 키(PEM)" },
  "generate.keytype": { en: "Key type", ko: "키 종류" },
  "generate.language": { en: "NEXT-STEPS.md language", ko: "NEXT-STEPS.md 언어" },
  "generate.files": { en: "Files", ko: "파일" },
  "generate.secret": { en: "private, mode 0600 — not shown", ko: "비공개, 권한 0600 — 표시하지 않음" },
  "generate.binary": { en: "binary ({size} bytes)", ko: "바이너리({size}바이트)" },
  "generate.export": { en: "Export the files", ko: "파일 내보내기" },

  "export.title": { en: "Where should the files go?", ko: "파일을 어디에 저장할까요?" },
  "export.lede": {
    en: "Everything is written at once or not at all. An existing file is only replaced when you confirm, and then kept as .bak.",
    ko: "모든 파일을 한 번에 쓰거나 하나도 쓰지 않습니다. 기존 파일은 확인했을 때만 바꾸고 .bak으로 보관합니다.",
  },
  "export.folder": { en: "Folder", ko: "폴더" },
  "export.choose": { en: "Choose…", ko: "선택…" },
  "export.conflicts": { en: "These files exist and would be replaced:", ko: "다음 파일이 이미 있어 바뀝니다:" },
  "export.replace": { en: "Replace them (the old ones are kept as .bak)", ko: "바꾸기(기존 파일은 .bak으로 보관)" },
  "export.write": { en: "Export", ko: "내보내기" },
  "export.done": { en: "Exported {n} files", ko: "파일 {n}개를 내보냈습니다" },
  "export.private": { en: "private · 0600", ko: "비공개 · 0600" },
  "export.backup": { en: "previous kept as", ko: "이전 파일 보관:" },
  "export.open": { en: "Open folder", ko: "폴더 열기" },
  "export.next": { en: "Next steps", ko: "다음 단계" },
  "export.verify": { en: "Verify the fix", ko: "해결 검증" },
  "export.cancelled": { en: "No folder chosen; nothing was written.", ko: "폴더를 고르지 않았습니다. 아무것도 쓰지 않았습니다." },
  "export.trust": { en: "Clients must trust the development CA:", ko: "클라이언트가 개발용 CA를 신뢰해야 합니다:" },

  "verify.title": { en: "Prove it with a real handshake", ko: "실제 핸드셰이크로 확인하세요" },
  "verify.lede": {
    en: "Restart the server with the new files, then verify. Handshake opens a real WebSocket, sends a message and waits for the answer.",
    ko: "새 파일로 서버를 재시작한 뒤 검증하세요. 실제 WebSocket을 열어 메시지를 보내고 응답을 기다립니다.",
  },
  "verify.url": { en: "URL", ko: "URL" },
  "verify.ca": { en: "Trust this CA (PEM)", ko: "신뢰할 CA(PEM)" },
  "verify.wait": { en: "Wait for the server to restart (seconds)", ko: "서버 재시작 대기(초)" },
  "verify.run": { en: "Verify", ko: "검증" },
  "verify.waiting": { en: "Waiting for your server… {n} s", ko: "서버를 기다리는 중… {n}초" },
  "verify.ok": { en: "Verified: the wss:// connection works", ko: "검증 완료: wss:// 연결이 동작합니다" },
  "verify.failed": { en: "Still failing", ko: "아직 실패합니다" },
  "verify.retry": { en: "Try again", ko: "다시 시도" },
  "verify.phases": { en: "Phases", ko: "단계별 시간" },
  "verify.rtt": { en: "round trip", ko: "왕복" },

  "log.title": { en: "Explain an error message", ko: "오류 메시지 설명" },
  "log.lede": {
    en: "Paste a server log, a browser console or a stack trace. Nothing leaves this machine.",
    ko: "서버 로그, 브라우저 콘솔, 스택 트레이스를 붙여 넣으세요. 이 컴퓨터 밖으로 나가지 않습니다.",
  },
  "log.text": { en: "Log text", ko: "로그 내용" },
  "log.explain": { en: "Explain", ko: "설명" },
  "log.none": {
    en: "Handshake recognised nothing in this text. Diagnose the URL instead: it looks at the server itself.",
    ko: "이 텍스트에서 알아본 것이 없습니다. 대신 URL을 진단해 보세요. 서버 자체를 살펴봅니다.",
  },
  "log.lines": { en: "lines {first}–{last} · {count}×", ko: "{first}–{last}행 · {count}회" },
} as const;

/** A key of the dictionary. */
export type Key = keyof typeof dictionary;

/** The UI language: reactive, so every `t(…)` re-renders when it changes. */
export const locale = $state<{ current: Language }>({ current: "en" });

/** The system's language, if the UI speaks it. */
export function systemLanguage(): Language {
  return navigator.language.toLowerCase().startsWith("ko") ? "ko" : "en";
}

/** The text for `key` in the current language, `{name}` filled from `params`. */
export function t(key: Key, params: Record<string, string | number> = {}): string {
  const text: string = dictionary[key][locale.current];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
