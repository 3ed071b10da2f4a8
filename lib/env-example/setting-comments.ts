import "server-only";
import ts from "typescript";

/** One setting as written in lib/env.ts: its documentation comments and where its group starts. */
export type SettingSource = { name: string; comments: string[]; startsGroup: boolean };

/**
 * The settings of `envSchema` in the source of lib/env.ts, in order, with the
 * `/** … *\/` comments written above each. Comments are not kept at run time,
 * so the source is read with the TypeScript parser rather than the schema.
 * A blank line in the source starts a new group (a comment above a group's
 * first setting describes the settings below it that have none of their own).
 */
export function settingSources(source: string): SettingSource[] {
  const file = ts.createSourceFile("env.ts", source, ts.ScriptTarget.Latest, true);
  const schema = findSchemaObject(file);
  if (!schema) throw new Error("lib/env.ts: no `export const envSchema = z.object({ … })` found");
  return schema.properties.map((property) => {
    const trivia = source.slice(property.getFullStart(), property.getStart(file));
    const comments = (ts.getLeadingCommentRanges(source, property.getFullStart()) ?? [])
      .map((range) => source.slice(range.pos, range.end))
      .filter((text) => text.startsWith("/**"))
      .map(commentText);
    return { name: property.name?.getText(file) ?? "", comments, startsGroup: /\n[ \t]*\r?\n/.test(trivia) };
  });
}

function findSchemaObject(file: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.name.getText(file) !== "envSchema" || !declaration.initializer) continue;
      const call = declaration.initializer;
      if (ts.isCallExpression(call) && call.arguments[0] && ts.isObjectLiteralExpression(call.arguments[0])) return call.arguments[0];
    }
  }
  return undefined;
}

/** The words of a `/** … *\/` comment, one line each, without the comment markers. */
function commentText(comment: string): string {
  return comment
    .replace(/^\/\*\*/, "")
    .replace(/\*\/$/, "")
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/, "").trim())
    .filter(Boolean)
    .join("\n");
}
