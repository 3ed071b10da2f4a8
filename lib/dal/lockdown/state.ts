import "server-only";
import { db } from "@/lib/db";

/**
 * How long an instance may act on a lockdown state it read: every app
 * instance sees a switch within this bound (plus one database read). The
 * instance that switched it sees it at once.
 */
export const LOCKDOWN_CACHE_MS = 5_000;

/** The one row's id (LockdownState). */
export const LOCKDOWN_ROW = "shop";

export type LockdownStatus = { active: boolean; reason: string | null; changedAt: Date | null };

const OPEN: LockdownStatus = { active: false, reason: null, changedAt: null };
type CachedStatus = { status: LockdownStatus; readAt: number };
/*
 * Kept on globalThis rather than in a module variable: the server bundles
 * route handlers, pages and actions separately, each with its own copy of this
 * module, and a switch made through an action must reach /api/shopper at once.
 */
const slot = Symbol.for("shop.lockdown-status");
const store = globalThis as { [slot]?: CachedStatus | null };

/**
 * The lockdown switch as stored, read at most once per LOCKDOWN_CACHE_MS per
 * instance. `row` is for tests on a shared database (another row, never cached).
 */
export async function getLockdownStatus(options: { now?: number; row?: string } = {}): Promise<LockdownStatus> {
  const now = options.now ?? Date.now();
  const id = options.row ?? LOCKDOWN_ROW;
  const shared = id === LOCKDOWN_ROW;
  const cached = store[slot];
  if (shared && cached && now - cached.readAt < LOCKDOWN_CACHE_MS) return cached.status;
  const row = await db.lockdownState.findUnique({ where: { id }, select: { active: true, reason: true, changedAt: true } });
  const status = row ? { active: row.active, reason: row.reason, changedAt: row.changedAt } : { ...OPEN };
  if (shared) store[slot] = { status, readAt: now };
  return status;
}

/** Forgets the cached state (after this instance switched it). */
export function forgetLockdownStatus(): void {
  store[slot] = null;
}

/** What a shopper is told while the shop is locked down (the reason stays internal). */
export const LOCKDOWN_MESSAGE =
  "The shop is paused for a security check: orders, payments and new accounts are not being accepted right now. Your cart is kept; please try again later.";

/** A refusal because the shop is locked down; the action pipeline shows LOCKDOWN_MESSAGE. */
export class ShopLockedDownError extends Error {
  override name = "ShopLockedDownError";
  constructor() {
    super(LOCKDOWN_MESSAGE);
  }
}

/**
 * The server-side check of every entry point lockdown closes (placing an
 * order, starting a payment, signing up): throws ShopLockedDownError while it
 * is on. Staff access and signing in are never closed by it.
 */
export async function assertShopOpen(options: { row?: string } = {}): Promise<void> {
  if ((await getLockdownStatus(options)).active) throw new ShopLockedDownError();
}
