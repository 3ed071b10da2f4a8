import "server-only";
import { erasedAccountEmail } from "@/lib/accounts/erased-account";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password/hashing";
import { isRecentlyAuthenticated } from "@/lib/auth/step-up-window";
import { dataClasses } from "@/lib/data-classes/schema-classes";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type CustomerAddressDTO, listMyAddresses } from "@/lib/dal/accounts/addresses";
import { erasedShippingAddress } from "@/lib/dal/orders/shipping-address";
import { cancelUnpaidOrder, lockOrder } from "@/lib/dal/orders/internal";
import { eraseReturnReasons } from "@/lib/dal/orders/returns/return-rows";
import { listMyOrderDetails, type CustomerOrderDTO, type CustomerOrderLineDTO } from "@/lib/dal/orders/my-orders";
import { listMySessions } from "@/lib/dal/sessions/my-sessions";
import { purgeAccountJobsAndGatewayRecords } from "./purge";
import { userCodec } from "@/lib/dal/accounts/user-codec";
import { recordSecurityEvent } from "@/lib/dal/audit/security-events";
import { type ActiveSession, revokeUserSessions } from "@/lib/dal/sessions/sessions";
import type { RequestContext } from "@/lib/context/request-context";

/**
 * The customer's privacy rights: a copy of their data (GDPR art. 15/20) and
 * erasure (art. 17). Both are as sensitive as a password change, so both
 * demand a recent step-up here too: a DAL guard never trusts its callers.
 */

/** Everything the shop holds about the viewer, as downloaded from /account/privacy/export. */
export type CustomerDataExportDTO = {
  exportedAt: string;
  profile: {
    name: string;
    email: string;
    emailVerified: boolean;
    phone: string | null;
    memberSince: string;
    twoFactorEnabled: boolean;
  };
  /** The viewer's addresses, decrypted, without their internal ids. */
  addresses: Array<Omit<CustomerAddressDTO, "id">>;
  /** The viewer's orders with their lines, totals and (decrypted) shipping address, without internal ids. */
  orders: Array<Omit<CustomerOrderDTO, "id" | "actions" | "reservationExpiresAt" | "lines"> & { lines: Array<Omit<CustomerOrderLineDTO, "productSlug">> }>;
  sessions: Array<{ current: boolean; persistent: boolean; createdAt: string; lastSeenAt: string; ip: string | null; userAgent: string | null }>;
  securityEvents: Array<{ type: string; createdAt: string; ip: string | null; userAgent: string | null; details: Prisma.JsonValue }>;
};

/** Thrown when a privacy operation is attempted without a recent factor (the callers redirect before this). */
export class StepUpRequiredError extends Error {
  override readonly name = "StepUpRequiredError";
  constructor() {
    super("This operation needs a recent re-authentication.");
  }
}

function requireStepUp(viewer: ActiveSession): void {
  if (!isRecentlyAuthenticated(viewer)) throw new StepUpRequiredError();
}

// Hashes, secrets and blind indexes (data class "confidential") never leave the database.
const confidentialNames = new Set(dataClasses.fieldsOfClass("confidential").map((entry) => entry.field));

/**
 * Where `exported` would leak: a key named like a confidential column, or a
 * string equal to one of `storedSecrets` (the stored hash or ciphertexts).
 * Returns paths only, never the values, so the result is safe to log.
 */
export function exportLeaks(exported: unknown, storedSecrets: readonly string[], path = "$"): string[] {
  if (typeof exported === "string") return storedSecrets.includes(exported) ? [path] : [];
  if (exported === null || typeof exported !== "object") return [];
  return Object.entries(exported).flatMap(([key, value]) => [
    ...(confidentialNames.has(key) ? [`${path}.${key}`] : []),
    ...exportLeaks(value, storedSecrets, `${path}.${key}`),
  ]);
}

const iso = (date: Date) => date.toISOString();

/**
 * The viewer's data, built field by field from an allow-list (ASVS V15.3.1):
 * decrypted where stored encrypted, and only rows the viewer owns. Records a
 * `personal_data_exported` event (OWASP logging: exports are always logged).
 */
export async function exportMyData(viewer: ActiveSession, context: RequestContext): Promise<CustomerDataExportDTO> {
  requireStepUp(viewer);
  const user = await db.user.findUniqueOrThrow({
    where: { id: viewer.userId },
    select: {
      name: true,
      email: true,
      emailVerifiedAt: true,
      phone: true,
      createdAt: true,
      totpEnabledAt: true,
      // Read only to prove they are not in the export (exportLeaks below).
      passwordHash: true,
      totpSecret: true,
      totpPendingSecret: true,
    },
  });
  const [addresses, orders, sessions, events] = await Promise.all([
    listMyAddresses(viewer),
    listMyOrderDetails(viewer),
    listMySessions(viewer),
    db.securityEvent.findMany({
      where: { userId: viewer.userId },
      select: { type: true, createdAt: true, ip: true, userAgent: true, details: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const exported: CustomerDataExportDTO = {
    exportedAt: iso(new Date()),
    profile: {
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerifiedAt !== null,
      phone: userCodec.openField({ id: viewer.userId }, "phone", user.phone),
      memberSince: iso(user.createdAt),
      twoFactorEnabled: user.totpEnabledAt !== null,
    },
    addresses: addresses.map(({ id: _id, ...address }) => address),
    orders: orders.map(({ id: _id, actions: _actions, reservationExpiresAt: _expires, lines, ...order }) => ({
      ...order,
      lines: lines.map(({ productSlug: _slug, ...line }) => line),
    })),
    sessions: sessions.map((s) => ({
      current: s.current,
      persistent: s.persistent,
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      ip: s.ip,
      userAgent: s.userAgent,
    })),
    securityEvents: events.map((e) => ({ type: e.type, createdAt: iso(e.createdAt), ip: e.ip, userAgent: e.userAgent, details: e.details })),
  };
  const secrets = [user.passwordHash, user.totpSecret, user.totpPendingSecret].filter((value) => value !== null);
  // Defence in depth: a future field added carelessly fails loudly instead of leaking.
  if (exportLeaks(exported, secrets).length > 0) throw new Error("The data export would contain a confidential value.");
  // Reading is not a transaction; the event follows the successful build.
  await db.$transaction((tx) => recordSecurityEvent(tx, { type: "personal_data_exported", userId: viewer.userId, context }));
  return exported;
}

/**
 * Erases the viewer's account: sessions ended, addresses, recovery codes,
 * tokens, known devices and the cart deleted, the user row anonymised (its id
 * stays, so security events and orders keep their reference), orders kept for
 * accounting with their address snapshot crypto-shredded (the ciphertext is
 * removed), unpaid orders cancelled with their stock released, and the IP and
 * user agent stripped from what is kept. One transaction: all of it or none.
 */
export async function deleteMyAccount(viewer: ActiveSession, context: RequestContext): Promise<void> {
  // Staff accounts hold permissions and audit history: an owner closes them, not the holder.
  if (viewer.audience === "staff") throw new Error("Staff accounts cannot be deleted from the customer privacy page.");
  requireStepUp(viewer);
  // A hash of 32 random bytes nobody ever sees: no password can match it, and
  // it keeps the column's argon2id shape. Hashed before the transaction (slow).
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  const userId = viewer.userId;
  await db.$transaction(async (tx) => {
    const sessionsEnded = await revokeUserSessions(tx, userId, { keep: null, reason: "account_deleted" });
    await tx.session.updateMany({ where: { userId }, data: { ip: null, userAgent: null } });
    await tx.address.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.accountToken.deleteMany({ where: { userId } });
    await tx.knownDevice.deleteMany({ where: { userId } });
    // A breach notice's copy of their address and name (the notice keeps its totals).
    await tx.breachNoticeRecipient.deleteMany({ where: { userId } });
    await eraseOrderPersonalData(tx, userId);
    await tx.cart.deleteMany({ where: { userId } });
    await purgeAccountJobsAndGatewayRecords(tx, { userId, email: viewer.user.email });
    await tx.user.update({
      where: { id: userId },
      data: {
        email: erasedAccountEmail(),
        name: "Deleted customer",
        phone: null,
        passwordHash,
        passwordChangedAt: new Date(),
        emailVerifiedAt: null,
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
      },
    });
    await recordSecurityEvent(tx, { type: "account_deleted", userId, context, details: { sessionsEnded } });
    // Events stay for fraud checks and audit, but where they came from (this
    // one included) is personal data of an erased customer.
    await tx.securityEvent.updateMany({ where: { userId }, data: { ip: null, userAgent: null } });
    // The sign-in country (CLIENT_COUNTRY_HEADER) says where they were: personal data too.
    await tx.$executeRaw`UPDATE "SecurityEvent" SET details = details - 'country' WHERE "userId" = ${userId} AND details ? 'country'`;
  });
}

async function eraseOrderPersonalData(tx: Prisma.TransactionClient, userId: string) {
  const now = new Date();
  const unpaid = await tx.order.findMany({
    where: { userId, paymentStatus: "pending", paymentIntentId: null },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const order of unpaid) {
    if (await lockOrder(tx, order.id)) await cancelUnpaidOrder(tx, order.id, now, { status: "cancelled", actor: "customer", reason: "Account deleted" });
  }
  await tx.order.updateMany({ where: { userId, addressErasedAt: null }, data: erasedShippingAddress(now) });
  // Orders placed as a guest before they joined the account: their mailed status links stop working.
  await tx.orderStatusToken.deleteMany({ where: { order: { userId } } });
  await eraseReturnReasons(tx, userId);
}
