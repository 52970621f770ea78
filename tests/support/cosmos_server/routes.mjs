// The stock handlers the launcher replaces, swapped in where the stock router picks them,
// so every other route (databases, containers, writes, patch) runs the package unchanged.
import { batchDocuments } from "./batch.mjs";
import { COPY_PATH, copyDatabase } from "./copy.mjs";
import { normalizedPath } from "./control.mjs";
import { queryDocuments, readDocument, readDocuments } from "./handlers.mjs";
import { handlers, routes } from "./stock.mjs";

const replacements = new Map([
  [handlers.readDocument, readDocument],
  [handlers.readDocuments, readDocuments],
  [handlers.queryDocuments, queryDocuments],
  [handlers.batchDocuments, batchDocuments],
]);

export function replaceStockHandlers() {
  const stockRoute = routes.default;
  // The stock request handler looks `routes.default` up on every request.
  routes.default = (req) => {
    const copy = req.method === "POST" && normalizedPath(req.url).match(COPY_PATH);
    if (copy) return [{ source: decodeURIComponent(copy[1]) }, copyDatabase];
    const found = stockRoute(req);
    const replacement = found && replacements.get(found[1]);
    return replacement ? [found[0], replacement] : found;
  };
}
