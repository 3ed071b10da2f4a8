import type { SetupFacts } from "@/lib/dal/operations/setup-facts";
import {
  backupsItem,
  cookiePrefixItem,
  devMailboxItem,
  encryptionKeysItem,
  hstsItem,
  httpsItem,
  runtimeItem,
  secretsItem,
  type SetupConfig,
  testGatewayItem,
} from "./configuration-checks";
import { databaseRoleItem, staffTwoFactorItem } from "./database-checks";
import type { SelfCheckItem } from "./self-check-item";

/**
 * The setup's security state, item by item (`npm run security:check` and
 * /admin/security/setup both render exactly this list).
 */
export function selfCheckItems(config: SetupConfig, facts: SetupFacts | null, nodeVersion: string, now: Date): SelfCheckItem[] {
  const production = config.NODE_ENV === "production";
  return [
    encryptionKeysItem(config, now),
    secretsItem(config),
    httpsItem(config),
    hstsItem(config),
    cookiePrefixItem(config),
    testGatewayItem(config),
    devMailboxItem(config),
    runtimeItem(config, nodeVersion, now),
    databaseRoleItem(facts, production),
    staffTwoFactorItem(facts),
    backupsItem(config, now),
  ];
}

export function hasFailure(items: readonly SelfCheckItem[]): boolean {
  return items.some((entry) => entry.status === "fail");
}
