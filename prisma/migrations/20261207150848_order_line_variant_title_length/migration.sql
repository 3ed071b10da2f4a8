-- An order line's variant title must hold three options at their longest (40-character names,
-- 60-character values): 312 characters. VARCHAR(200) made such an order fail to be placed.
ALTER TABLE "OrderItem" ALTER COLUMN "variantTitle" SET DATA TYPE VARCHAR(320);
