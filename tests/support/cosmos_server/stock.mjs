// The parts of @vercel/cosmosdb-server the launcher reuses or replaces.
//
// The package is CommonJS and exports only its server factories, so its internals are
// reached by path. Those paths, and the private fields of its document store that the
// fixes use (_data, _index, _ridCount, _getPartition, _getQuery), belong to one
// release: the version is pinned exactly in package.json and checked here, so an
// upgrade fails at start-up instead of misbehaving in a test.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const PACKAGE = "@vercel/cosmosdb-server";
const PINNED = "1.0.1";

const { version } = require(`${PACKAGE}/package.json`);
if (version !== PINNED) {
  throw new Error(
    `${PACKAGE} ${version} is installed, but the launcher patches ${PINNED} only: ` +
      "run make cosmos-server",
  );
}

const lib = (path) => require(`${PACKAGE}/lib/${path}`);

export const { createHttpsServer } = require(PACKAGE);

// The router object whose `default` the stock request handler calls for every request.
export const routes = lib("routes");

export const handlers = {
  readDocument: lib("handler/read-document").default,
  readDocuments: lib("handler/read-documents").default,
  queryDocuments: lib("handler/query-documents").default,
  batchDocuments: lib("handler/batch-documents").default,
};

export const documentOperations = lib("handler/_document-operations");
export const { patchOperation } = lib("handler/_patch-operations");
export const { parsePartitionKey } = lib("utils/get-partition-from-header");
export const readItems = lib("handler/_read-items").default;
export const readJson = lib("json").default;
export const trueHeader = lib("true-header").default;
