// POST /_test/databases/:source/copy {"to": "name"}: a new database holding a copy of
// every container and document of another, made in memory, so each test can start from
// a seeded store in milliseconds instead of loading the seed again over HTTPS.
// Documents keep their ids, partition keys and bodies; the server gives them new
// ETags and resource ids as any create does.
import { readJson } from "./stock.mjs";

export const COPY_PATH = /^\/_test\/databases\/([^/]+)\/copy$/;

const SYSTEM_FIELDS = ["_rid", "_self", "_etag", "_ts", "_docs", "_sprocs", "_triggers", "_udfs",
  "_conflicts"];

function withoutSystemFields(data) {
  const copy = { ...data };
  for (const field of SYSTEM_FIELDS) delete copy[field];
  return copy;
}

export async function copyDatabase(account, req, res, { source }) {
  const body = await readJson(req);
  const target = body && typeof body.to === "string" ? body.to : "";
  const from = account.database(source);
  if (!target || !from.read()) {
    res.statusCode = !target ? 400 : 404;
    return { message: !target ? 'expected {"to": "database name"}' : `no database ${source}` };
  }
  if (account.database(target).read()) {
    res.statusCode = 409;
    return { message: `database ${target} exists` };
  }
  account.databases.create({ id: target });
  const to = account.database(target);
  for (const collection of from.collections._data.values()) {
    const definition = withoutSystemFields(collection.read());
    to.collections.create(definition);
    const copy = to.collection(definition.id);
    for (const document of collection.documents._data.values()) {
      copy.documents.create(withoutSystemFields(document.read()));
    }
  }
  res.statusCode = 201;
  return { id: target };
}
