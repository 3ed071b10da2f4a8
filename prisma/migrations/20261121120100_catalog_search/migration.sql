-- Hand-written: objects Prisma's schema language cannot describe. Their names
-- start with "sql_" so the drift check (prisma/tools/schema-fingerprint.ts)
-- knows they are intended.

-- Trigram matching for typo-tolerant search ("hedphones" finds "Headphones").
-- pg_trgm is a trusted extension: a database owner may create it without superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Full-text search over a product's name and description. Queries must use the
-- same expression (lib/dal/catalog-search.ts) for PostgreSQL to use this index.
CREATE INDEX "sql_product_search_idx" ON "Product"
  USING GIN (to_tsvector('english'::regconfig, "name" || ' ' || "description"));

CREATE INDEX "sql_product_name_trgm_idx" ON "Product" USING GIN ("name" gin_trgm_ops);
