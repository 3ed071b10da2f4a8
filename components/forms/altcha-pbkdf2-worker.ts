// The widget's PBKDF2 solver, bundled by Next as a worker file served from this
// origin (worker-src 'self'): the CSP-friendly "external" widget build ships
// without inline workers, so each algorithm's worker is registered explicitly.
import "altcha/workers/pbkdf2";
