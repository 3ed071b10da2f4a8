import "server-only";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

/** The four Lighthouse categories the bench reports, in table order. */
export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

/** One Lighthouse run of one page: the category scores (0-100), what fell short, and its script bytes. */
export type PageRun = {
  scores: Record<Category, number>;
  /** Audits of the non-performance categories below full marks, and the page's largest content element timing. */
  shortfalls: string[];
  /** Sum of the transfer sizes (as sent: compressed) of every script the page loaded. */
  scriptTransferBytes: number;
};

type NetworkItem = { url?: string; resourceType?: string; transferSize?: number };

/**
 * Runs Lighthouse once against `url` in a fresh headless Chromium (no cache,
 * no profile), with Lighthouse's default settings: the mobile form factor, a
 * Moto G Power-sized screen and simulated slow 4G with a 4x slower CPU.
 * `--no-sandbox` because the bench may run as root (CI, containers), where
 * Chromium refuses to start sandboxed.
 */
export async function lighthouseRun(url: string, chromePath: string): Promise<PageRun> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]),
    ) as Record<Category, number>;
    const shortfalls = CATEGORIES.filter((category) => category !== "performance").flatMap((category) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${category}: ${ref.id}`),
    );
    for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"]) {
      const audit = lhr.audits[id];
      if (audit && (audit.score ?? 1) < 0.9) shortfalls.push(`performance: ${id} ${audit.displayValue ?? ""}`.trim());
    }
    const details = lhr.audits["network-requests"]?.details as { items?: NetworkItem[] } | undefined;
    const scriptTransferBytes = (details?.items ?? [])
      .filter((item) => item.resourceType === "Script")
      .reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
    return { scores, shortfalls, scriptTransferBytes };
  } finally {
    chrome.kill();
  }
}

/** The middle value (the lower middle of an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}
