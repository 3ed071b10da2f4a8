import "server-only";

/** One option a product will have after the import, at its position. */
export type OptionPlan = { name: string; position: number; values: string[] };

/**
 * The options an imported product ends with: the file's option names, in its
 * order. An option that keeps its name and position keeps its stored values in
 * their order (the storefront's picker shows them so); values the file or the
 * variants it leaves alone use are added after them, in order of first use.
 * `changed`: whether that differs from what is stored.
 */
export function planOptions(
  names: readonly string[],
  fileValues: readonly string[][],
  stored: readonly { name: string; position: number; values: string[] }[],
  leftAlone: readonly { optionValues: string[] }[],
): { options: OptionPlan[]; changed: boolean } {
  const options = names.map((name, position): OptionPlan => {
    const kept = stored.find((option) => option.position === position && option.name === name);
    const values = [...(kept?.values ?? [])];
    const add = (value: string | undefined) => {
      if (value !== undefined && !values.includes(value)) values.push(value);
    };
    for (const value of fileValues[position] ?? []) add(value);
    for (const variant of leftAlone) add(variant.optionValues[position]);
    return { name, position, values };
  });
  const same =
    stored.length === options.length &&
    options.every((option) => {
      const old = stored.find((candidate) => candidate.position === option.position);
      return old?.name === option.name && old.values.length === option.values.length && old.values.every((value, i) => value === option.values[i]);
    });
  return { options, changed: !same };
}
