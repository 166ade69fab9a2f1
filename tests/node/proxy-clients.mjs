// Node's usual ways through an HTTP proxy, as their projects document
// them, each printing its own error on one line:
//
//   node proxy-clients.mjs PROXY_URL HOST PORT
//
// undici's ProxyAgent (its request(): fetch() hides the cause behind
// "Request was cancelled"), `ws` with https-proxy-agent (the agent `ws`'s
// README names), and the `tunnel` package (older SDKs' agent). A watchdog
// ends the process after 20 s whatever the proxy does.
import https from "node:https";
import { ProxyAgent, request } from "undici";
import WebSocket from "ws";
import { HttpsProxyAgent } from "https-proxy-agent";
import tunnel from "tunnel";

const [proxy, host, port] = process.argv.slice(2);
setTimeout(() => process.exit(3), 20_000).unref();
const say = (client) => (error) => console.error(`${client}: ${error}`);

try {
  await request(`https://${host}:${port}/`, { dispatcher: new ProxyAgent(proxy) });
} catch (error) {
  say("undici")(error);
}

await new Promise((done) => {
  const socket = new WebSocket(`wss://${host}:${port}/ws`, { agent: new HttpsProxyAgent(proxy) });
  socket.on("error", (error) => done(say("ws")(error)));
  socket.on("open", () => done(socket.close()));
});

const url = new URL(proxy);
const proxyAuth = url.username ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined;
await new Promise((done) => {
  const agent = tunnel.httpsOverHttp({ proxy: { host: url.hostname, port: Number(url.port), proxyAuth } });
  https
    .get({ host, port: Number(port), agent }, (response) => done(response.resume()))
    .on("error", (error) => done(say("tunnel")(error)));
});
