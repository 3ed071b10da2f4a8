import "server-only";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const fileIn = (dataDir: string) => join(dataDir, "site-url");

/**
 * Records where a local shop (the demo, `npm run dev`) answers, beside its
 * embedded database in DATA_DIR, so a command run later against that database
 * from another terminal, without the shop's PORT or SITE_URL, still prints the
 * shop's own links (staff:create's sign-in and set-up links).
 */
export async function recordLocalSiteUrl(dataDir: string, siteUrl: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(fileIn(dataDir), `${siteUrl}\n`);
}

/** The recorded origin, if there is one and it is a plain http(s) origin. */
export async function recordedLocalSiteUrl(dataDir: string): Promise<string | undefined> {
  if (!existsSync(fileIn(dataDir))) return undefined;
  const text = (await readFile(fileIn(dataDir), "utf8")).trim();
  return /^https?:\/\/[^\s/]+$/.test(text) ? text : undefined;
}

/**
 * The SITE_URL a command against the shop's database runs with: the operator's
 * own SITE_URL or PORT always win (undefined: keep them); on the embedded
 * database without either, the origin the local shop recorded.
 */
export function commandSiteUrl(options: { embedded: boolean; operatorSetSiteUrl: boolean; recorded: string | undefined }): string | undefined {
  if (!options.embedded || options.operatorSetSiteUrl) return undefined;
  return options.recorded;
}
