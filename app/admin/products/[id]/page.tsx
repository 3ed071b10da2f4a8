import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { z } from "zod";
import { AdjustmentList } from "@/components/admin/products/adjustment-list";
import { ArchiveForm } from "@/components/admin/products/archive-form";
import { OptionsForm } from "@/components/admin/products/options-form";
import { VariantCard } from "@/components/admin/products/variant-card";
import { blankVariant } from "@/components/admin/products/variant-fields";
import { VariantForm } from "@/components/admin/products/variant-form";
import { ProductDetails } from "@/components/admin/products/product-details";
import { ProductForm } from "@/components/admin/products/product-form";
import { ProductGalleryEditor } from "@/components/admin/products/product-gallery-editor";
import { PublishForm } from "@/components/admin/products/publish-form";
import { StatusBadge } from "@/components/admin/products/status-badge";
import { adjustInventoryAction } from "@/lib/actions/admin/products/adjust-inventory";
import { deleteProductImageAction } from "@/lib/actions/admin/products/delete-product-image";
import { moveProductImageAction } from "@/lib/actions/admin/products/move-product-image";
import { productIdSchema } from "@/lib/actions/admin/products/product-schema";
import { saveVariantAction } from "@/lib/actions/admin/products/save-variant";
import { setProductOptionsAction } from "@/lib/actions/admin/products/set-product-options";
import { setVariantArchivedAction } from "@/lib/actions/admin/products/set-variant-archived";
import { setProductArchivedAction } from "@/lib/actions/admin/products/set-product-archived";
import { setProductPublishedAction } from "@/lib/actions/admin/products/set-product-published";
import { updateProductAction } from "@/lib/actions/admin/products/update-product";
import { updateProductImageAltAction } from "@/lib/actions/admin/products/update-product-image-alt";
import { uploadProductImageAction } from "@/lib/actions/admin/products/upload-product-image";
import { can } from "@/lib/auth/permissions";
import { requireStaffPermission } from "@/lib/guards/staff-guard";
import { listCategoryOptions, getStaffProduct } from "@/lib/dal/catalog/staff-products";
import { listRecentAdjustments } from "@/lib/dal/catalog/inventory";
import { listStaffProductImages } from "@/lib/dal/catalog/product-gallery";
import { parseSearchParams, searchChoice } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Product" };

const productParamsSchema = z.object({ notice: searchChoice(["created"]) });

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 border-t border-neutral-200 pt-4">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AdminProductPage({ params, searchParams }: Props) {
  const id = productIdSchema.safeParse((await params).id);
  const viewer = await requireStaffPermission("products:read", { returnTo: id.success ? `/admin/products/${id.data}` : "/admin/products" });
  if (!id.success) notFound();
  const [product, categories, adjustments, images] = await Promise.all([
    getStaffProduct(viewer, id.data),
    listCategoryOptions(viewer),
    listRecentAdjustments(viewer, id.data),
    listStaffProductImages(viewer, id.data),
  ]);
  if (!product) notFound();
  const canEdit = can(viewer.role, "products:write");
  const canAdjust = can(viewer.role, "inventory:write");
  const created = parseSearchParams(productParamsSchema, await searchParams).notice === "created";
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <Link href="/admin/products" className="inline-flex min-h-11 items-center self-start text-brand-700 hover:underline">
        ← All products
      </Link>
      <div className="flex flex-col gap-2">
        <h1 className="break-words text-2xl font-bold">{product.name}</h1>
        <p className="flex flex-wrap items-center gap-3">
          <StatusBadge published={product.published} archived={product.archived} />
          {product.published && (
            <Link href={`/products/${product.slug}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline">
              View in the shop
            </Link>
          )}
        </p>
        {created && (
          <p role="status" className="rounded border border-success-300 bg-success-50 px-3 py-2 text-success-900">
            The product was created, unpublished. Add stock and an image, then publish it.
          </p>
        )}
      </div>

      {/* Each action gets the product id bound here, so no form carries it as a field. */}
      <Section id="image-heading" title="Images">
        <ProductGalleryEditor
          images={images}
          cover={{ src: product.imagePath, alt: product.name }}
          actions={
            canEdit
              ? {
                  upload: uploadProductImageAction.bind(null, product.id),
                  alt: updateProductImageAltAction.bind(null, product.id),
                  move: moveProductImageAction.bind(null, product.id),
                  remove: deleteProductImageAction.bind(null, product.id),
                }
              : undefined
          }
        />
      </Section>

      <Section id="details-heading" title="Details">
        {canEdit ? (
          <ProductForm
            action={updateProductAction.bind(null, product.id)}
            categories={categories}
            submitLabel="Save product"
            initial={{
              name: product.name,
              slug: product.slug,
              description: product.description,
              categoryId: product.categoryId,
              featured: product.featured,
              metaTitle: product.metaTitle ?? "",
              metaDescription: product.metaDescription ?? "",
            }}
          />
        ) : (
          <ProductDetails product={product} />
        )}
      </Section>

      {canEdit && (
        <Section id="visibility-heading" title="Visibility">
          {!product.archived && <PublishForm action={setProductPublishedAction.bind(null, product.id)} published={product.published} />}
          <ArchiveForm action={setProductArchivedAction.bind(null, product.id)} archived={product.archived} />
        </Section>
      )}

      <Section id="options-heading" title="Options">
        {canEdit ? (
          <OptionsForm action={setProductOptionsAction.bind(null, product.id)} options={product.options} />
        ) : product.options.length === 0 ? (
          <p>No options: the product has one variant.</p>
        ) : (
          <ul>
            {product.options.map((option) => (
              <li key={option.name}>
                {option.name}: {option.values.join(", ")}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="variants-heading" title="Variants and stock">
        {product.variants.map((variant) => (
          <VariantCard
            key={variant.id}
            variant={variant}
            options={product.options}
            save={canEdit ? saveVariantAction.bind(null, product.id) : undefined}
            archive={canEdit ? setVariantArchivedAction.bind(null, product.id) : undefined}
            adjust={canAdjust ? adjustInventoryAction.bind(null, product.id) : undefined}
          />
        ))}
        {canEdit && (
          <>
            <h3 className="font-semibold">Add a variant</h3>
            <VariantForm
              action={saveVariantAction.bind(null, product.id)}
              variantId={null}
              options={product.options}
              currency={product.price.currency}
              submitLabel="Add variant"
              initial={{ ...blankVariant, optionValues: [] }}
            />
          </>
        )}
        <h3 className="font-semibold">Recent stock adjustments</h3>
        <AdjustmentList adjustments={adjustments} />
      </Section>
    </div>
  );
}
