/** The four data classes (ARCHITECTURE.md, "Data classification"), least to most protected. */
export const DATA_CLASSES = ["public", "internal", "sensitive", "confidential"];

/**
 * @typedef {object} FieldTags
 * @property {string | null} dataClass The word after `@class` ("" when none follows), or null without `@class`.
 * @property {boolean} encrypted Marked `@encrypted`.
 * @property {string | null} owner The field named by `owner=` after `@encrypted`, or null.
 * @property {string[]} problems Tags that could not be read, as sentences about the field.
 */

/**
 * The tags in one field's documentation (its `///` comments, leading and
 * trailing, joined by Prisma). A line whose first word starts with `@` holds
 * tags; every other line is human documentation and is left as it is:
 *
 *     /// The customer's phone number.
 *     phone String? /// @class sensitive @encrypted owner=id
 *
 * @param {string | undefined} documentation
 * @returns {FieldTags}
 */
export function readFieldTags(documentation) {
  /** @type {FieldTags} */
  const tags = { dataClass: null, encrypted: false, owner: null, problems: [] };
  for (const line of (documentation ?? "").split("\n")) {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (!words[0]?.startsWith("@")) continue;
    let previous = "";
    for (let index = 0; index < words.length; index++) {
      const word = words[index] ?? "";
      if (word === "@class") {
        const next = words[index + 1];
        const value = next !== undefined && !next.startsWith("@") ? next : "";
        if (value !== "") index++;
        if (tags.dataClass !== null) tags.problems.push("has more than one @class");
        tags.dataClass = value;
      } else if (word === "@encrypted") tags.encrypted = true;
      else if (word.startsWith("owner=") && previous === "@encrypted") tags.owner = word.slice("owner=".length);
      else tags.problems.push(`has an unknown tag "${word}": use \`@class <class>\` and \`@encrypted [owner=<field>]\``);
      previous = word;
    }
  }
  return tags;
}
