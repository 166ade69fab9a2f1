//! `NEXT-STEPS.md`: where each generated file goes and the commands that
//! put the fix live, in the user's language.

use super::Fix;
use crate::profile::Profile;

/// The Markdown text for the files in `names`.
pub(super) fn render(profile: &Profile, names: &[String]) -> String {
    let l = profile.language;
    let t = |en: &'static str, ko: &'static str| l.pick(en, ko);
    let (title, places, commands, notes, client_url) = match &profile.fix {
        Fix::Spring(plan) => {
            let url = format!("wss://{}:{}{}", profile.host(), plan.port, profile.path());
            (
                t("Spring Boot serves wss:// itself", "Spring Boot가 직접 wss://를 제공합니다"),
                vec![
                    ("application.properties", t("merge into src/main/resources/application.properties — or use application.yml, not both", "src/main/resources/application.properties에 합치세요. application.yml을 쓴다면 둘 중 하나만")),
                    ("application.yml", t("the same settings in YAML", "같은 설정의 YAML 판")),
                    ("ssl.env", t("next to the application, mode 600, out of version control; load it into the application's environment", "애플리케이션 옆에 두고 권한 600, 버전 관리에서 제외하세요. 애플리케이션 환경 변수로 읽어 들입니다")),
                    ("server.p12", t("where server.ssl.key-store points", "server.ssl.key-store가 가리키는 곳")),
                    ("fullchain.pem", t("where server.ssl.certificate points", "server.ssl.certificate가 가리키는 곳")),
                    ("privkey.pem", t("where server.ssl.certificate-private-key points, mode 600", "server.ssl.certificate-private-key가 가리키는 곳, 권한 600")),
                ],
                [
                    plan.needs_password().then(|| "set -a; . ./ssl.env; set +a".to_owned()),
                    Some(t("./mvnw spring-boot:run   # or restart the service: sudo systemctl restart <your-app>", "./mvnw spring-boot:run   # 또는 서비스 재시작: sudo systemctl restart <your-app>").to_owned()),
                    Some(format!("handshake check {url}")),
                ]
                .into_iter()
                .flatten()
                .collect(),
                plan.advice(l),
                url,
            )
        }
        Fix::Nginx(plan) | Fix::Apache(plan) => {
            let url = format!("wss://{}{}", plan.server_names.first().map_or("localhost", String::as_str), plan.ws_path);
            let nginx = matches!(profile.fix, Fix::Nginx(_));
            let mut commands = if nginx {
                vec![
                    "sudo cp handshake-nginx.conf /etc/nginx/conf.d/".to_owned(),
                    "sudo nginx -t && sudo systemctl reload nginx".to_owned(),
                ]
            } else {
                vec![
                    format!("sudo a2enmod {}", super::apache::MODULES.join(" ")),
                    "sudo cp handshake-apache.conf /etc/apache2/sites-available/ && sudo a2ensite handshake-apache".to_owned(),
                    "sudo apache2ctl configtest && sudo systemctl reload apache2".to_owned(),
                ]
            };
            commands.push(format!("handshake check {url}"));
            (
                if nginx { t("Nginx terminates TLS in front of the application", "Nginx가 애플리케이션 앞에서 TLS를 처리합니다") } else { t("Apache httpd terminates TLS in front of the application", "Apache httpd가 애플리케이션 앞에서 TLS를 처리합니다") },
                vec![
                    ("handshake-nginx.conf", t("/etc/nginx/conf.d/ (inside the http block)", "/etc/nginx/conf.d/ (http 블록 안)")),
                    ("handshake-apache.conf", t("/etc/apache2/sites-available/", "/etc/apache2/sites-available/")),
                    ("application-behind-proxy.properties", t("merge into the application's properties, so it sees the client's https scheme and address", "애플리케이션 속성에 합치세요. 클라이언트의 https 스킴과 주소를 알게 됩니다")),
                    ("fullchain.pem", t("where the config's certificate line points", "설정의 인증서 줄이 가리키는 곳")),
                    ("privkey.pem", t("where the config's key line points, mode 600", "설정의 키 줄이 가리키는 곳, 권한 600")),
                ],
                commands,
                vec![
                    format!("{} `{}`.", t("The application keeps listening on plain HTTP at", "애플리케이션은 계속 평문 HTTP로 대기합니다:"), plan.upstream),
                    t("Idle WebSockets stay open for an hour; raise the read timeout if clients stay silent longer.", "유휴 WebSocket은 한 시간 동안 유지됩니다. 클라이언트가 더 오래 조용하다면 읽기 타임아웃을 늘리세요.").to_owned(),
                ],
                url,
            )
        }
        Fix::Client(plan) => (
            t("Only the browser client changes", "브라우저 클라이언트만 바꾸면 됩니다"),
            vec![
                ("socket.ts", t("your front-end sources (TypeScript)", "프런트엔드 소스(TypeScript)")),
                ("socket.js", t("your front-end sources (plain JavaScript), instead of socket.ts", "socket.ts 대신 프런트엔드 소스(일반 JavaScript)")),
            ],
            vec![format!("handshake check {}", profile.target)],
            vec![
                t("The socket's scheme now follows the page: wss: on https: pages, ws: on http: pages.", "소켓 스킴이 페이지를 따릅니다. https: 페이지에서는 wss:, http: 페이지에서는 ws:.").to_owned(),
                t("It connects on first use and reconnects with backoff and jitter while the server restarts.", "처음 쓸 때 연결하고, 서버가 재시작하는 동안 백오프와 지터로 다시 연결합니다.").to_owned(),
            ],
            match &plan.host {
                Some(host) => format!("wss://{host}{}", plan.path),
                None => format!("wss://<{}>{}", t("the page's host", "페이지의 호스트"), plan.path),
            },
        ),
    };
    let mut out = format!(
        "# {} — {title}\n\n{} {}\n\n## {}\n\n| {} | {} |\n|---|---|\n",
        t("Next steps", "다음 단계"),
        t(
            "Generated by Handshake for",
            "Handshake가 생성했습니다. 대상:"
        ),
        profile.target,
        t("Files", "파일"),
        t("File", "파일"),
        t("Where it goes", "둘 곳"),
    );
    for (name, place) in places
        .iter()
        .filter(|(name, _)| names.iter().any(|n| n == name))
    {
        out.push_str(&format!("| `{name}` | {place} |\n"));
    }
    if matches!(profile.fix, Fix::Client(_)) {
        out.push_str(&format!(
            "\n## {}\n\n```ts\nimport {{ LazySocket }} from \"./socket\";\n\nconst socket = new LazySocket({{ onMessage: (text) => console.log(text) }});\nsendButton.onclick = () => socket.send(\"hello\"); // {}\n```\n",
            t("Use it", "사용법"),
            t("connects on first use", "처음 쓸 때 연결"),
        ));
    }
    out.push_str(&format!("\n## {}\n\n```sh\n", t("Commands", "명령")));
    for command in commands {
        out.push_str(&command);
        out.push('\n');
    }
    out.push_str(&format!(
        "```\n\n## {}\n\n",
        t("Good to know", "알아 둘 것")
    ));
    for note in notes {
        out.push_str(&format!("- {note}\n"));
    }
    out.push_str(&format!(
        "\n## {}\n\n{} `{client_url}`. {}\n",
        t("The client", "클라이언트"),
        t("Browsers connect to", "브라우저는 여기에 연결합니다:"),
        t(
            "On an https: page the socket must be wss: (the browser blocks ws: there as mixed content).",
            "https: 페이지에서는 소켓이 wss:여야 합니다(브라우저가 ws:를 혼합 콘텐츠로 막습니다)."
        ),
    ));
    out
}
