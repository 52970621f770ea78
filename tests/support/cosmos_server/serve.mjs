// The in-memory Cosmos DB for NoSQL server the tests and benchmarks talk to:
//
//   node serve.mjs [--port 0] [--host 127.0.0.1] [--exit-with-stdin]
//
// It prints "cosmosdb-server ready at https://HOST:PORT" once it accepts connections
// (with --port 0 the system picks the port, so parallel test workers never race for one).
// With --exit-with-stdin it stops when its standard input closes, so a test run that is
// killed outright leaves no server behind.
//
// This is @vercel/cosmosdb-server 1.0.1 with its handlers for point reads, queries and
// transactional batches replaced (routes.mjs), and test controls under /_test/
// (control.mjs) answered before the stock server sees a request.
import { parseArgs } from "node:util";

import selfsigned from "selfsigned";

import {
  answerControl,
  answerThrottled,
  isControl,
  normalizedPath,
  recordRequest,
} from "./control.mjs";
import { COPY_PATH } from "./copy.mjs";
import { replaceStockHandlers } from "./routes.mjs";
import { createHttpsServer } from "./stock.mjs";

const { values: options } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    "exit-with-stdin": { type: "boolean", default: false },
  },
});

// The package's bundled certificate expired in 2021. A certificate made at each start
// cannot expire in the repository, and its key never touches the disk. The Cosmos SDKs
// skip certificate checks for localhost and 127.0.0.1, so nothing needs to trust it.
async function certificate(host) {
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const altNames = [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }];
  if (!["localhost", "127.0.0.1"].includes(host)) altNames.push({ type: 2, value: host });
  return selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate: new Date(now - day),
    notAfterDate: new Date(now + 30 * day),
    extensions: [{ name: "subjectAltName", altNames }],
  });
}

replaceStockHandlers();
const pems = await certificate(options.host);
// Keep-alive: without it every request would open a new TLS connection.
const server = createHttpsServer({ cert: pems.cert, key: pems.private, keepAlive: true });

const [stockListener] = server.listeners("request");
server.removeAllListeners("request");
server.on("request", (req, res) => {
  // A copy needs the server's account, which only the stock request handler holds.
  if (isControl(req) && !COPY_PATH.test(normalizedPath(req.url))) {
    answerControl(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  } else if (!answerThrottled(req, res)) {
    recordRequest(req, res);
    stockListener(req, res);
  }
});

server.on("error", (err) => {
  console.error(`cosmosdb-server could not listen: ${err.message}`);
  process.exit(1);
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => process.exit(0));
if (options["exit-with-stdin"]) {
  process.stdin.on("end", () => process.exit(0));
  process.stdin.resume();
}

server.listen(Number(options.port), options.host, () => {
  const { port } = server.address();
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  console.log(`cosmosdb-server ready at https://${host}:${port}`);
});
