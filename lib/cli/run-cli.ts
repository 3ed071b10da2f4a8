import "server-only";

/**
 * Runs a one-shot command and ends the process with its status, explicitly.
 * `process.exitCode` alone is not enough: the embedded PostgreSQL package
 * installs an exit hook (async-exit-hook) that calls `process.exit(0)` on
 * `beforeExit`, which would turn every failure into a success for a scheduler
 * or a CI step. An exception is printed and ends the process with 1.
 */
export async function runCli(main: () => Promise<number | void>): Promise<never> {
  try {
    const code = await main();
    process.exit(code ?? 0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
