import { readFileSync } from "node:fs";

/** The values of an enum of prisma/schema.prisma, so a status list can be checked against the schema. */
export function schemaEnumValues(name: string): string[] {
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema)?.[1] ?? "";
  return body.split(/\s+/).filter(Boolean);
}
