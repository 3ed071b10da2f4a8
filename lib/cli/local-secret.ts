import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * A secret generated once for a local installation and kept in DATA_DIR
 * (readable by its owner only), so the demo needs no configuration while a
 * production deployment still has to provide its own (AUTH_SECRET).
 */
export async function localSecret(dataDir: string, name: string): Promise<string> {
  const file = join(dataDir, `${name}.secret`);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
