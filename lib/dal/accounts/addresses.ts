import "server-only";
import { randomUUID } from "node:crypto";
import type { AddressInput } from "@/lib/addresses/address-schema";
import { blindIndex, normalizePostalCode } from "@/lib/crypto/blind-index";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addressCodec, type AddressText } from "@/lib/dal/accounts/address-codec";
import type { EncryptedValues } from "@/lib/dal/encrypted-model-codec";
import type { ActiveSession } from "@/lib/dal/sessions/sessions";

/**
 * The customer's address book. Every field but the country is encrypted
 * (lib/dal/address-codec.ts) with its owner's id and the address's own id in
 * the additional data, so a value copied into another row, the customer's own
 * or anyone else's, does not decrypt (it shows as UNREADABLE_VALUE); every
 * query names the owner, so another customer's address id finds nothing (V8.2.2).
 */
export type CustomerAddressDTO = { id: string } & AddressText & { country: string; isDefault: boolean };

/** The columns of an address row, for any DAL query that decrypts one with toAccountAddress. */
export const addressRowSelect = { ...addressCodec.select, country: true, isDefault: true } as const;

export type AddressRow = { id: string; userId: string; country: string; isDefault: boolean } & EncryptedValues<"Address">;

/** Decrypts an address row (each value bound to its owning user and row) into the owner's view of it. */
export function toAccountAddress(row: AddressRow): CustomerAddressDTO {
  return { id: row.id, ...addressCodec.open(row), country: row.country, isDefault: row.isDefault };
}

/** The columns written for `input` as address `addressId` of `ownerId`: encrypted, with the postal code's blind index. */
function sealed(ownerId: string, addressId: string, input: AddressInput) {
  return {
    ...addressCodec.seal({ userId: ownerId, id: addressId }, input),
    postalCodeIndex: blindIndex(normalizePostalCode(input.postalCode), "postal-code"),
    country: input.country,
  };
}

export async function listMyAddresses(viewer: ActiveSession): Promise<CustomerAddressDTO[]> {
  const rows = await db.address.findMany({
    where: { userId: viewer.userId },
    select: addressRowSelect,
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
  });
  return rows.map(toAccountAddress);
}

/** One of the viewer's addresses, or null (also for another customer's id). */
export async function getMyAddress(viewer: ActiveSession, id: string): Promise<CustomerAddressDTO | null> {
  const row = await db.address.findFirst({ where: { id, userId: viewer.userId }, select: addressRowSelect });
  return row ? toAccountAddress(row) : null;
}

/** Adds an address; the first one, or one marked default, becomes the default. */
export async function createMyAddress(viewer: ActiveSession, input: AddressInput): Promise<string> {
  return db.$transaction((tx) => addAddress(tx, viewer.userId, input));
}

/** createMyAddress inside a caller's transaction (checkout saves a new address with the order). */
export async function addAddress(tx: Prisma.TransactionClient, userId: string, input: AddressInput): Promise<string> {
  const count = await tx.address.count({ where: { userId } });
  const isDefault = input.isDefault || count === 0;
  if (isDefault) await tx.address.updateMany({ where: { userId }, data: { isDefault: false } });
  // The id is chosen here, before the insert: the values are encrypted bound to it.
  const id = randomUUID();
  await tx.address.create({ data: { id, userId, ...sealed(userId, id, input), isDefault }, select: { id: true } });
  return id;
}

/** One of `userId`'s addresses inside a caller's transaction, or null for anyone else's id. */
export async function findOwnAddress(tx: Prisma.TransactionClient, userId: string, id: string): Promise<CustomerAddressDTO | null> {
  const row = await tx.address.findFirst({ where: { id, userId }, select: addressRowSelect });
  return row ? toAccountAddress(row) : null;
}

/** Replaces one of the viewer's addresses; false when it is not theirs (nothing changes). */
export async function updateMyAddress(viewer: ActiveSession, id: string, input: AddressInput): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (input.isDefault) {
      await tx.address.updateMany({ where: { userId: viewer.userId, id: { not: id } }, data: { isDefault: false } });
    }
    const result = await tx.address.updateMany({
      where: { id, userId: viewer.userId },
      data: { ...sealed(viewer.userId, id, input), ...(input.isDefault ? { isDefault: true } : {}) },
    });
    return result.count === 1;
  });
}

/** Deletes one of the viewer's addresses; a deleted default passes to the oldest remaining one. */
export async function deleteMyAddress(viewer: ActiveSession, id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const target = await tx.address.findFirst({ where: { id, userId: viewer.userId }, select: { isDefault: true } });
    if (!target) return false;
    await tx.address.delete({ where: { id } });
    if (target.isDefault) {
      const next = await tx.address.findFirst({ where: { userId: viewer.userId }, orderBy: { createdAt: "asc" }, select: { id: true } });
      if (next) await tx.address.update({ where: { id: next.id }, data: { isDefault: true } });
    }
    return true;
  });
}

export async function setMyDefaultAddress(viewer: ActiveSession, id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const owned = await tx.address.count({ where: { id, userId: viewer.userId } });
    if (owned !== 1) return false;
    await tx.address.updateMany({ where: { userId: viewer.userId }, data: { isDefault: false } });
    await tx.address.update({ where: { id }, data: { isDefault: true } });
    return true;
  });
}
