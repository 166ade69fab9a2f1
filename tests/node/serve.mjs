// The WebSocket application servers the tests talk to, on loopback, as
// their own projects document them:
//
//   node serve.mjs socketio|graphql-ws|sockjs|echo|app-origin|verify-origin|picky PORT [CERT KEY]
//
// Socket.IO at /socket.io/ (namespace "/" echoes, "/private" refuses every
// client in a middleware) and at /live/; graphql-ws at /graphql; SockJS echo at /echo and
// an endpoint at /goaway that closes each session with 3000 "Go away!"; a
// plain WebSocket echo (ws, what browsers' `new WebSocket` meets) at /echo;
// app-origin: the same echo letting in only the page https://app.example.com
// (or a client that sends no Origin), refusing any other with 403;
// verify-origin: the same check as `ws` users write it, a verifyClient
// returning false, which `ws` answers 401; picky: an echo at /chat that
// closes 1002 unless the client names the subprotocol chat.v1, and one at
// /live that closes 1008 "token required" without ?token= in its URL.
// With CERT and KEY (PEM files) it serves TLS. Prints "listening PORT" when
// ready.
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";

const [kind, port, cert, key] = process.argv.slice(2);
const server = cert
  ? https.createServer({ cert: readFileSync(cert), key: readFileSync(key) })
  : http.createServer();

if (kind === "socketio") {
  const { Server } = await import("socket.io");
  // Each server leaves the other's path alone (no destroyUpgrade).
  const io = new Server(server, { destroyUpgrade: false });
  io.on("connection", (socket) => {
    socket.on("echo", (message, ack) => ack?.(message));
  });
  io.of("/private").use((_socket, next) => next(new Error("not authorized")));
  // An application's own path, nothing like /socket.io/ in it.
  new Server(server, { path: "/live/", destroyUpgrade: false });
} else if (kind === "graphql-ws") {
  const { WebSocketServer } = await import("ws");
  const { useServer } = await import("graphql-ws/use/ws");
  const { buildSchema } = await import("graphql");
  const schema = buildSchema("type Query { hello: String }");
  const wss = new WebSocketServer({ server, path: "/graphql" });
  useServer({ schema, roots: { query: { hello: () => "world" } } }, wss);
} else if (kind === "sockjs") {
  const sockjs = (await import("sockjs")).default;
  const quiet = { log: () => {} };
  const echo = sockjs.createServer(quiet);
  echo.on("connection", (conn) => conn.on("data", (message) => conn.write(message)));
  echo.installHandlers(server, { prefix: "/echo" });
  const goaway = sockjs.createServer(quiet);
  goaway.on("connection", (conn) => conn.close(3000, "Go away!"));
  goaway.installHandlers(server, { prefix: "/goaway" });
} else if (kind === "echo") {
  await echoes({ path: "/echo" });
} else if (kind === "app-origin") {
  await echoes({
    path: "/echo",
    verifyClient: (info, done) => done(fromApp(info.origin), 403, "Forbidden"),
  });
} else if (kind === "verify-origin") {
  await echoes({ path: "/echo", verifyClient: (info) => fromApp(info.origin) });
} else if (kind === "picky") {
  await echoes({}, (socket, request) => {
    const url = new URL(request.url, "http://localhost");
    if (url.pathname === "/chat" && socket.protocol !== "chat.v1") {
      socket.close(1002, "Sec-WebSocket-Protocol chat.v1 required");
      return false;
    }
    if (url.pathname === "/live" && !url.searchParams.has("token")) {
      socket.close(1008, "token required");
      return false;
    }
    return true;
  });
} else {
  console.error(`unknown server kind: ${kind}`);
  process.exit(2);
}

// A plain WebSocket echo (ws) with `options`, echoing on each connection
// that `accept` (when given) lets through.
async function echoes(options, accept = () => true) {
  const { WebSocketServer } = await import("ws");
  const wss = new WebSocketServer({ server, maxPayload: 1 << 20, ...options });
  wss.on("connection", (socket, request) => {
    if (!accept(socket, request)) return;
    socket.on("message", (message, binary) => socket.send(message, { binary }));
  });
}

// The page the app-origin and verify-origin servers let in (or no Origin).
function fromApp(origin) {
  return origin === undefined || origin === "https://app.example.com";
}

// What an application's clientError handler does (Node's own default
// answers 400 and logs nothing): it logs the parser's error, with its code.
server.on("clientError", (error, socket) => {
  console.error(error);
  // Node's own advice: a reset socket has nobody to answer.
  if (error.code === "ECONNRESET" || !socket.writable) return;
  socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
});

// And its tlsClientError handler, for a TLS server: OpenSSL's reason for a
// client that did not speak TLS (Node's default logs nothing).
server.on("tlsClientError", (error) => console.error(error));

server.listen(Number(port), "127.0.0.1", () => {
  console.log(`listening ${server.address().port}`);
});
