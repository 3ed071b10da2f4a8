/** Shown on every page while lockdown mode is on (incident response): what is paused, in plain words. */
export function LockdownBanner({ message }: { message: string }) {
  return (
    <section aria-label="Shop paused" className="border-b border-warning-400 bg-warning-100 px-4 py-3 text-center font-medium text-warning-950 print:hidden">
      {message}
    </section>
  );
}
