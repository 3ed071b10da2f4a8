// Loaded in the browser only (custom elements need `window`): the widget's
// CSP-friendly build, which injects no <style> and no inline or blob worker.
// Its stylesheet is bundled as a file from this origin (style-src 'self').
import "altcha/external";
import "altcha/altcha.css";
import "./altcha-theme.css";

const SOLVER = "PBKDF2/SHA-256";

if (!globalThis.$altcha.algorithms.has(SOLVER)) {
  globalThis.$altcha.algorithms.set(SOLVER, () => new Worker(new URL("./altcha-pbkdf2-worker.ts", import.meta.url), { type: "module" }));
}
