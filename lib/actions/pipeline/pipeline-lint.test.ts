import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * Lints `source` as the content of a real file in lib/actions (type-aware rules only accept files
 * the TypeScript project knows), with the project's own configuration.
 */
async function restrictedSyntax(source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(source, { filePath: "lib/actions/change-password.ts" });
  // A file ESLint could not parse has no rule messages at all: that must fail, not pass as "nothing found".
  const fatal = result?.messages.find((message) => message.fatal);
  if (fatal) throw new Error(`ESLint could not lint the snippet: ${fatal.message}`);
  return (result?.messages ?? []).filter((message) => message.ruleId === "no-restricted-syntax").map((message) => message.message);
}

const header = `"use server";\n\nimport "server-only";\nimport { customerAction } from "./pipeline/audiences";\n\n`;

// The first lint builds the TypeScript program of the whole project (type-aware rules): it grows with the code.
describe("lint: server actions are built by the pipeline", { timeout: 120_000 }, () => {
  it("fires on an exported async function in a \"use server\" module", async () => {
    const messages = await restrictedSyntax(`${header}export async function deleteEverythingAction(formData: FormData) {\n  return formData.get("id");\n}\n`);
    expect(messages).toEqual([expect.stringMatching(/Build server actions with publicAction, customerAction or staffAction/)]);
  });

  it("fires on an exported arrow function and on a re-export", async () => {
    const arrow = await restrictedSyntax(`${header}export const handWrittenAction = async (formData: FormData) => formData.get("id");\n`);
    expect(arrow).toHaveLength(1);
    const reexport = await restrictedSyntax(`${header}async function hidden() {\n  return null;\n}\nexport { hidden };\n`);
    expect(reexport).toHaveLength(1);
  });

  it("fires on an inline server action", async () => {
    const messages = await restrictedSyntax(`export async function Page() {\n  async function act() {\n    "use server";\n  }\n  return act;\n}\n`);
    expect(messages).toEqual([expect.stringMatching(/No inline server actions/)]);
  });

  it("accepts an action built by the pipeline, and type exports", async () => {
    const messages = await restrictedSyntax(
      `${header}export type Result = { ok: boolean };\n\nexport const fineAction = customerAction({ returnTo: "/account" }, async () => ({ status: "success" }));\n`,
    );
    expect(messages).toEqual([]);
  });
});
