// Transactional batch (POST .../docs with x-ms-cosmos-is-batch-request) as Cosmos runs
// it: every operation on the request's partition, all applied or none.
//
// The stock handler applied each operation as it went and left the earlier ones in place
// when a later one failed. Here the operations still run one by one through the stock
// operations (their if-match and conflict rules), but on the first failure the
// container's items are put back as they were before the batch.
//
// The wire format is the one azure-cosmos reads (aio _cosmos_client_connection.Batch):
// a JSON array with one result per operation, in order. All succeeded: HTTP 200, each
// {statusCode, requestCharge, eTag, resourceBody} (a delete has no eTag or body). One
// failed: HTTP 207 Multi-Status, the failed one {statusCode, requestCharge} and every
// other one 424 Failed Dependency; the SDK then raises CosmosBatchOperationError with
// the failed operation's index and status.
import { notFound, partitionKeyHeader, partitionKeyOf } from "./handlers.mjs";
import { documentOperations, patchOperation, readJson } from "./stock.mjs";

// Cosmos's limit on operations in one transactional batch.
const MAX_OPERATIONS = 100;
const MULTI_STATUS = 207;
const FAILED_DEPENDENCY = 424;

export async function batchDocuments(account, req, res, { dbId, collId }) {
  const operations = await readJson(req);
  const collection = account.database(dbId).collection(collId);
  if (!collection.read()) {
    res.statusCode = 404;
    return notFound();
  }
  const header = partitionKeyHeader(req);
  const refusal = refuse(operations, header);
  if (refusal) {
    res.statusCode = 400;
    return { code: "BadRequest", message: refusal };
  }
  const { key, error } = partitionKeyOf(header, undefined);
  if (error) {
    res.statusCode = 400;
    return error;
  }

  const before = snapshot(collection.documents);
  const results = [];
  try {
    for (const operation of operations) {
      const result = run(collection, operation, header, key);
      if (result.statusCode >= 400) {
        restore(collection.documents, before);
        res.statusCode = MULTI_STATUS;
        return operations.map((_, index) =>
          index === results.length
            ? { statusCode: result.statusCode, requestCharge: 0 }
            : { statusCode: FAILED_DEPENDENCY, requestCharge: 0 },
        );
      }
      results.push(succeeded(result));
    }
  } catch (err) {
    restore(collection.documents, before);
    throw err;
  }
  return results;
}

function refuse(operations, header) {
  if (!Array.isArray(operations)) return "The batch request body must be a JSON array.";
  if (operations.length === 0) return "Batch request has no operations.";
  if (operations.length > MAX_OPERATIONS) {
    return "Batch request has more operations than what is supported.";
  }
  if (header === undefined) return "A transactional batch needs the partition key header.";
  return null;
}

/** One operation through the stock operations, as {statusCode, body}. */
function run(collection, operation, header, partitionKey) {
  const { operationType, id, resourceBody, ifMatch } = operation ?? {};
  if (operation?.ifNoneMatch !== undefined) {
    // Refused loudly rather than ignored: a precondition that silently passes would let
    // a test believe in a guard the test server does not check.
    return badRequest("ifNoneMatch in a batch is not supported by the test server.");
  }
  const input = { partitionKey: header, ifMatch, id, resourceBody };
  switch (operationType) {
    case "Create":
      return (
        misplaced(collection, resourceBody, partitionKey) ??
        documentOperations.createOperation(collection, input)
      );
    case "Upsert":
      return (
        misplaced(collection, resourceBody, partitionKey) ??
        documentOperations.upsertOperation(collection, input)
      );
    case "Replace":
      if (resourceBody?.id !== id) return badRequest("The id of the item cannot be changed.");
      return (
        misplaced(collection, resourceBody, partitionKey) ??
        documentOperations.replaceOperation(collection, input)
      );
    case "Read":
      return documentOperations.readOperation(collection, input);
    case "Delete":
      return documentOperations.deleteOperation(collection, input);
    case "Patch":
      return patchOperation(collection, {
        id,
        partitionKey: header,
        ifMatch,
        operations: resourceBody?.operations ?? [],
        condition: resourceBody?.condition,
      });
    default:
      return badRequest(`Operation type '${operationType}' is not supported in Batch.`);
  }
}

/** Cosmos refuses an item whose partition key is not the batch's (sub-status 1001). */
function misplaced(collection, item, partitionKey) {
  if (!item || typeof item !== "object") return badRequest("The operation has no item.");
  if (collection.documents._getPartition(item) !== partitionKey) {
    return badRequest(
      "PartitionKey extracted from document doesn't match the one specified in the header.",
    );
  }
  return null;
}

function badRequest(message) {
  return { statusCode: 400, body: { code: "BadRequest", message } };
}

function succeeded({ statusCode, body }) {
  // requestCharge 1 as the stock server charges every request: no real RU figure.
  const result = { statusCode, requestCharge: 1 };
  if (body && body._etag) {
    result.eTag = body._etag;
    result.resourceBody = body;
  }
  return result;
}

// The store keeps items in two maps and a counter and replaces item objects instead of
// changing them, so copies of the maps are a complete snapshot.
function snapshot(documents) {
  return {
    data: new Map(documents._data),
    index: new Map(documents._index),
    ridCount: documents._ridCount,
  };
}

function restore(documents, { data, index, ridCount }) {
  documents._data = data;
  documents._index = index;
  documents._ridCount = ridCount;
}
