-- Announces every change to what the catalog's shared pages show, on the channel the HTTP
-- servers listen to (lib/http/page-cache/catalog-changes.ts): a product by its slug (its page
-- and the listings), anything else as "all". NOTIFY is transactional: listeners hear of a change
-- only once it is committed, and identical notices within one transaction arrive once.
-- In the database, not in the data access layer, so no way of writing (staff pages, orders
-- taking stock, imports, scripts) can leave a page stale.
CREATE FUNCTION "notify_catalog_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Product' AND TG_LEVEL = 'ROW' THEN
    IF TG_OP <> 'INSERT' THEN
      PERFORM pg_notify('catalog_changed', 'product:' || OLD."slug");
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."slug" <> OLD."slug") THEN
      PERFORM pg_notify('catalog_changed', 'product:' || NEW."slug");
    END IF;
  ELSE
    PERFORM pg_notify('catalog_changed', 'all');
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Product_catalog_change_row"
  AFTER INSERT OR DELETE ON "Product"
  FOR EACH ROW EXECUTE FUNCTION "notify_catalog_change"();

-- Only a real change: a write that leaves the row as it was shows nothing new.
CREATE TRIGGER "Product_catalog_change_update"
  AFTER UPDATE ON "Product"
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "notify_catalog_change"();

CREATE TRIGGER "Product_catalog_change_truncate"
  AFTER TRUNCATE ON "Product"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();

CREATE TRIGGER "Category_catalog_change"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Category"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();

CREATE TRIGGER "ProductImage_catalog_change"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProductImage"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_catalog_change"();
