import type { DtoMapping } from "@/lib/data-classes/dto-audience";
import type { CustomerSecurityActivityDTO } from "./security-activity";

/* The account's own security activity as its browser receives it (see dto-classes.test.ts). */
export const customerSecurityActivity: DtoMapping<CustomerSecurityActivityDTO> = {
  dto: "CustomerSecurityActivityDTO",
  audience: "owner",
  keys: {
    id: { fields: ["SecurityEvent.id"] },
    type: { fields: ["SecurityEvent.type"] },
    at: { fields: ["SecurityEvent.createdAt"] },
    browser: { fields: ["SecurityEvent.userAgent"], derived: "a browser family name, never the header itself" },
    system: { fields: ["SecurityEvent.userAgent"], derived: "an operating system name, never the header itself" },
    maskedIp: { fields: ["SecurityEvent.ip"], derived: "the network part only (203.0.113.x), never the full address" },
    country: { fields: ["SecurityEvent.details"], derived: "a two-letter country code, the only key read from the details" },
  },
};
