// Point reads and queries as Cosmos answers them, where the stock handlers do not, and
// the place every read of a whole container is noticed for the fan-out log.
import { recordFanOut } from "./control.mjs";
import { handlers, parsePartitionKey, readItems, readJson, trueHeader } from "./stock.mjs";

const PARTITION_KEY = "x-ms-documentdb-partitionkey";
const CROSS_PARTITION = "x-ms-documentdb-query-enablecrosspartition";

/** The raw partition-key header (a JSON array such as ["a"]), or undefined. */
export function partitionKeyHeader(req) {
  const header = req.headers[PARTITION_KEY];
  return Array.isArray(header) ? header[0] : header;
}

/** The header's value as the store keys items by it; `fallback` when it names none. */
export function partitionKeyOf(header, fallback) {
  try {
    return { key: parsePartitionKey(header, fallback) };
  } catch (err) {
    return { error: { code: "BadRequest", message: err.message } };
  }
}

export const notFound = () => ({
  code: "NotFound",
  message: "Entity with the specified id does not exist in the system.",
});

/** GET .../docs/:id. The stock handler reads a field of the missing item and answers 500. */
export function readDocument(account, req, res, params) {
  const collection = account.database(params.dbId).collection(params.collId);
  const header = partitionKeyHeader(req);
  if (collection.read() && header !== undefined && !trueHeader(req, CROSS_PARTITION)) {
    const { key, error } = partitionKeyOf(header, params.docId);
    if (error) {
      res.statusCode = 400;
      return error;
    }
    if (!collection.document(params.docId, key).read()) {
      res.statusCode = 404;
      return notFound();
    }
  }
  return handlers.readDocument(account, req, res, params);
}

/** GET .../docs: a read feed (or change feed) with no partition key reads every partition. */
export function readDocuments(account, req, res, params) {
  if (partitionKeyHeader(req) === undefined) {
    recordFanOut({
      database: params.dbId,
      container: params.collId,
      kind: req.headers["a-im"] ? "change_feed" : "read_feed",
      query: null,
    });
  }
  return handlers.readDocuments(account, req, res, params);
}

/**
 * POST .../docs as a query. With a partition-key header the query sees that partition
 * only, as on Cosmos; the stock handler instead refused any query whose SQL did not
 * itself filter on the partition key. Without the header it fans out (logged) when the
 * SDK allowed a cross-partition query, and is otherwise refused as before.
 */
export function queryDocuments(account, req, res, { dbId, collId }) {
  return readItems(req, res, "Documents", async ({ continuation, maxItemCount }) => {
    const body = await readJson(req);
    if (!body.query) {
      res.statusCode = 400;
      return { code: "BadRequest", message: "missing query" };
    }
    const collection = account.database(dbId).collection(collId);
    const header = partitionKeyHeader(req);
    const options = { continuation, maxItemCount };
    if (header !== undefined) {
      const { key, error } = partitionKeyOf(header, undefined);
      if (error) {
        res.statusCode = 400;
        return error;
      }
      return badRequestOnFailure(res, () => queryPartition(collection, body, key, options));
    }
    if (trueHeader(req, CROSS_PARTITION)) {
      recordFanOut({ database: dbId, container: collId, kind: "query", query: body.query });
    } else {
      const paths = collection.read()?.partitionKey?.paths ?? [];
      const query = collection.documents._getQuery(body.query);
      if (paths.length && !query.containsPartitionKeys(paths)) {
        res.statusCode = 400;
        return { code: "BadRequest", message: "missing partition keys" };
      }
    }
    return badRequestOnFailure(res, () => collection.documents.query(body, options));
  });
}

/** The stock Items.query, over the items of one partition instead of all of them. */
function queryPartition(collection, body, partitionKey, { continuation, maxItemCount }) {
  const properties = collection.read();
  if (!properties) return null;
  const { documents } = collection;
  const items = [...documents._data.values()]
    .map((item) => item.read())
    .filter((item) => documents._getPartition(item) === partitionKey);
  const query = documents._getQuery(body.query);
  try {
    return query.exec(items, {
      parameters: body.parameters,
      udf: documents._userDefinedFunctions(),
      maxItemCount,
      continuation,
      compositeIndexes: properties.indexingPolicy?.compositeIndexes ?? [],
    });
  } catch (err) {
    err.badRequest = true;
    throw err;
  }
}

function badRequestOnFailure(res, run) {
  try {
    return run();
  } catch (err) {
    if (!err.badRequest) throw err;
    res.statusCode = 400;
    return { code: "BadRequest", message: err.message };
  }
}
