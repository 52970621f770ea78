// The stock handlers the launcher replaces, swapped in where the stock router picks them,
// so every other route (databases, containers, writes, patch) runs the package unchanged.
import { batchDocuments } from "./batch.mjs";
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
    const found = stockRoute(req);
    const replacement = found && replacements.get(found[1]);
    return replacement ? [found[0], replacement] : found;
  };
}
