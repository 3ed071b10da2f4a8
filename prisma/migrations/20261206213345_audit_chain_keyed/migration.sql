-- Keyed audit chain: entries carry the version of their hash. Entries written
-- before this migration were hashed with plain SHA-256 (version 1) and stay
-- verifiable as such; from now on the application writes HMAC-SHA-256 entries
-- keyed with AUDIT_CHAIN_KEY (version 2), and the verifier refuses an unkeyed
-- entry after a keyed one. Adding a column with a default rewrites no row, so
-- the append-only trigger is not involved; the default is dropped at once so
-- that every new entry must state its version.
ALTER TABLE "AuditEntry" ADD COLUMN "hashVersion" SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE "AuditEntry" ALTER COLUMN "hashVersion" DROP DEFAULT;
