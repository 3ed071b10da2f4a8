import pg from "pg";
import { isAffectedByProduct } from "./catalog-routes";
import type { PageCache } from "./page-cache";

export const CATALOG_CHANNEL = "catalog_changed";
const RECONNECT_MS = 1_000;

/** Which kept pages a notice names: a product's page and the listings, or everything. */
export function affectedBy(notice: string): (key: string) => boolean {
  if (notice.startsWith("product:")) {
    const slug = notice.slice("product:".length);
    return (key) => isAffectedByProduct(key, slug);
  }
  return () => true;
}

type Logger = { warn: (fields: object, message: string) => void };

/**
 * Listens for the database's catalog notices (the triggers of migration
 * catalog_change_notices) and drops the pages they name, which the page cache
 * then rebuilds. Every instance listens on its own connection, so a change made
 * through any instance reaches all of them within milliseconds. While the
 * connection is down nothing would be heard, so every page is dropped and the
 * cache is bypassed (`connected` false) until it is back.
 */
export class CatalogChanges {
  private client: pg.Client | null = null;
  private stopped = false;
  connected = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly cache: PageCache,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: "shop-page-cache" });
    this.client = client;
    client.on("notification", (message) => this.cache.invalidate(affectedBy(message.payload ?? "all")));
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${CATALOG_CHANNEL}`);
      // Anything that changed while nobody listened: start from a clean slate.
      this.cache.invalidate(() => true);
      this.connected = true;
    } catch (error) {
      this.lost(client, error);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.connected = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || this.stopped) return;
    this.client = null;
    this.connected = false;
    this.cache.invalidate(() => true);
    client.removeAllListeners();
    void client.end().catch(() => {});
    if (this.stopped) return;
    this.log.warn({ err: error }, "catalog change notices lost; shared pages are rendered per request until they are back");
    // start() handles its own failures (it comes back here and waits again).
    setTimeout(() => {
      this.start().catch(() => {});
    }, RECONNECT_MS).unref();
  }
}
