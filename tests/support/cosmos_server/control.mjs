// What a test can see and steer on the server, under /_test/, a path no Cosmos SDK call
// uses: the log of requests that read across partitions, and throttling on demand.
import { randomUUID } from "node:crypto";

const PREFIX = "/_test/";

const fanOuts = [];
// Every request under /dbs since the last clear: what it did and how many bytes moved,
// from which a benchmark computes the request units Cosmos DB would charge.
const requests = [];

/** Log a data request as it is answered. */
export function recordRequest(req, res) {
  if (!normalizedPath(req.url).startsWith("/dbs")) return;
  let requestBytes = 0;
  let responseBytes = 0;
  const isBatch = Boolean(req.headers["x-ms-cosmos-is-batch-request"]);
  const body = [];
  req.on("data", (chunk) => {
    requestBytes += chunk.length;
    if (isBatch) body.push(chunk);
  });
  const { write, end } = res;
  res.write = function (chunk, ...rest) {
    if (chunk) responseBytes += Buffer.byteLength(chunk);
    return write.call(this, chunk, ...rest);
  };
  res.end = function (chunk, ...rest) {
    if (chunk && typeof chunk !== "function") responseBytes += Buffer.byteLength(chunk);
    requests.push({
      method: req.method,
      path: normalizedPath(req.url),
      operation: operationOf(req),
      status: res.statusCode,
      request_bytes: requestBytes,
      response_bytes: responseBytes,
      // A batch's operations, each with the size of the document it writes.
      operations: isBatch ? batchOperations(body) : [],
    });
    return end.call(this, chunk, ...rest);
  };
}

function batchOperations(chunks) {
  try {
    const operations = JSON.parse(Buffer.concat(chunks).toString());
    return operations.map((op) => ({
      operation: String(op.operationType || "").toLowerCase(),
      bytes: op.resourceBody ? Buffer.byteLength(JSON.stringify(op.resourceBody)) : 0,
    }));
  } catch {
    return [];
  }
}

function operationOf(req) {
  const path = normalizedPath(req.url);
  const onDocument = /\/docs\/[^/]+$/.test(path);
  if (req.headers["x-ms-cosmos-is-batch-request"]) return "batch";
  if (req.headers["x-ms-documentdb-isquery"] || req.headers["content-type"] === "application/query+json") return "query";
  if (req.method === "GET") return onDocument ? "read" : "feed";
  if (req.method === "POST") return req.headers["x-ms-documentdb-is-upsert"] ? "upsert" : "create";
  if (req.method === "PUT") return "replace";
  if (req.method === "DELETE") return "delete";
  if (req.method === "PATCH") return "patch";
  return req.method.toLowerCase();
}
const throttle = { remaining: 0, retryAfterMs: 0 };

/** Remember a request that read the whole container instead of one partition. */
export function recordFanOut({ database, container, kind, query }) {
  fanOuts.push({ database, container, kind, query });
}

/** The path as the stock router sees it: one leading slash, no trailing one. */
export function normalizedPath(url) {
  let path = url.split("?")[0].replace(/^\/+/, "/");
  while (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  return path;
}

export function isControl(req) {
  return normalizedPath(req.url).startsWith(PREFIX);
}

/** Answer a /_test/ request. */
export async function answerControl(req, res) {
  const path = normalizedPath(req.url);
  const route = `${req.method} ${path.slice(PREFIX.length)}`;
  if (route === "GET fan-outs") {
    send(res, 200, fanOuts);
  } else if (route === "DELETE fan-outs") {
    fanOuts.length = 0;
    send(res, 204);
  } else if (route === "GET requests") {
    send(res, 200, requests);
  } else if (route === "DELETE requests") {
    requests.length = 0;
    send(res, 204);
  } else if (route === "GET throttle") {
    send(res, 200, { requests: throttle.remaining, retry_after_ms: throttle.retryAfterMs });
  } else if (route === "POST throttle") {
    const body = await readBody(req);
    const { requests, retry_after_ms: retryAfterMs } = body ?? {};
    if (!isCount(requests) || !isCount(retryAfterMs)) {
      const expected = 'expected {"requests": n, "retry_after_ms": m}, both integers >= 0';
      send(res, 400, { message: expected });
    } else {
      throttle.remaining = requests;
      throttle.retryAfterMs = retryAfterMs;
      send(res, 204);
    }
  } else {
    send(res, 404, { message: `no test control ${route}` });
  }
}

/**
 * Answer 429 as Cosmos does when a throttle is pending; false otherwise.
 *
 * Only requests under /dbs count (databases, containers, items, queries, batches): the
 * account read at / is the SDK's health check, which it retries by other rules, and a
 * throttle spent there would not reach the code under test.
 */
export function answerThrottled(req, res) {
  if (throttle.remaining === 0 || !normalizedPath(req.url).startsWith("/dbs")) return false;
  throttle.remaining -= 1;
  // The body is not read: drain it so the socket is left clean.
  req.resume();
  const activityId = randomUUID();
  const errors = JSON.stringify({
    Errors: [
      "Request rate is large. More Request Units may be needed, so no changes were made. " +
        "Please retry this request later. Learn more: http://aka.ms/cosmosdb-error-429",
    ],
  });
  res.setHeader("x-ms-retry-after-ms", String(throttle.retryAfterMs));
  // 3200: "request rate too large", the sub-status of throttling by provisioned RU/s.
  res.setHeader("x-ms-substatus", "3200");
  res.setHeader("x-ms-activity-id", activityId);
  res.setHeader("connection", "close");
  send(res, 429, {
    code: "429",
    message: `Message: ${errors}\r\nActivityId: ${activityId}, Request URI: ${req.url}`,
  });
  return true;
}

function isCount(value) {
  return Number.isInteger(value) && value >= 0;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString() || "null");
  } catch {
    return null;
  }
}

function send(res, status, body) {
  res.statusCode = status;
  if (body === undefined) {
    res.end();
    return;
  }
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(body));
}
