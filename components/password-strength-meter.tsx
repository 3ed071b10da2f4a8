"use client";

import { useEffect, useId, useState } from "react";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

type Strength = { score: 0 | 1 | 2 | 3 | 4; warning: string | null; suggestions: string[] };

const LABELS = ["weak", "fair", "good", "strong", "very strong"] as const;
// Joins the inputs into one dependency so a parent passing a fresh array each render costs nothing.
const SEPARATOR = "\u0000";

/**
 * zxcvbn matches user inputs as whole dictionary words, so "jane.doe@example.com"
 * alone would not catch "janedoe2024": add the squashed forms and each word too.
 */
function expandUserInputs(inputs: string[]): string[] {
  const squash = (value: string) => value.replace(/[^\p{L}\p{N}]/gu, "");
  const expanded = inputs.flatMap((raw) => {
    const input = raw.toLowerCase();
    const words = input.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3);
    return [input, squash(input), squash(input.split("@")[0] ?? ""), ...words];
  });
  return [...new Set(expanded.filter((value) => value.length > 0))];
}

let estimator: Promise<ZxcvbnFactory> | undefined;

// The dictionaries are large: fetch them only when someone starts typing, and configure once per page load.
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
        useLevenshteinDistance: true,
      }),
    (error: unknown) => {
      estimator = undefined; // let a later keystroke retry a failed chunk load
      throw error;
    },
  );
  return estimator;
}

/**
 * Advisory password strength (zxcvbn) with concrete feedback. The server's
 * password policy decides; this only helps the person choose. `userInputs`
 * (email, name, shop name) make guesses built from them score low.
 */
export function PasswordStrengthMeter({ password, userInputs }: { password: string; userInputs: string[] }) {
  const id = useId();
  const [strength, setStrength] = useState<Strength | null>(null);
  const inputsKey = userInputs.join(SEPARATOR);

  useEffect(() => {
    if (!password) return;
    let current = true;
    loadEstimator()
      .then((zxcvbn) => {
        if (!current) return;
        const result = zxcvbn.check(password, expandUserInputs(inputsKey ? inputsKey.split(SEPARATOR) : []));
        setStrength({ score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions });
      })
      // Advisory only: without the estimator the form still works and the server still checks.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [password, inputsKey]);

  const shown = password ? strength : null;

  return (
    <div className="mt-2 space-y-1">
      {shown && (
        // low/high/optimum let the browser colour the bar (red, amber, green) without inline styles.
        <meter
          aria-labelledby={`${id}-label`}
          min={0}
          max={4}
          low={2}
          high={3}
          optimum={4}
          value={shown.score}
          className="block h-2 w-full max-w-64"
        />
      )}
      <div aria-live="polite" className="text-sm text-neutral-700">
        {shown && (
          <>
            <p id={`${id}-label`} className="font-medium">
              Strength: {LABELS[shown.score]}
            </p>
            {shown.warning && <p className="text-danger-700">{shown.warning}</p>}
            {shown.suggestions.length > 0 && (
              <ul className="list-disc pl-5">
                {shown.suggestions.map((suggestion) => (
                  <li key={suggestion}>{suggestion}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}
