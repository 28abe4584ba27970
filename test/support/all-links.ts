import type { PaymentOrderStore, StoredLink } from "../../src/ports";

/** Every link in a store, read directly through its pages (not through the service). */
export async function allLinks(store: PaymentOrderStore): Promise<StoredLink[]> {
  const links: StoredLink[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listLinks({}, { limit: 1000, cursor });
    links.push(...page.links);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return links;
}
