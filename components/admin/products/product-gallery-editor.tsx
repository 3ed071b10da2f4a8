import { ProductImage } from "@/components/product-image";
import type { ActionState } from "@/lib/actions/action-state";
import type { StaffProductImageDTO } from "@/lib/dal/catalog/product-gallery";
import { MAX_PRODUCT_IMAGES } from "@/lib/images/gallery-limits";
import { ImageAltForm } from "./image-alt-form";
import { ImageArrangeForm } from "./image-arrange-form";
import { ImageUploadForm } from "./image-upload-form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  images: StaffProductImageDTO[];
  /** The page's cover when there is no uploaded image (a demo picture or the placeholder). */
  cover: { src: string; alt: string };
  /** The gallery's actions, bound to the product; absent for staff who may only read. */
  actions?: { upload: Action; alt: Action; move: Action; remove: Action };
};

/**
 * The admin product page's images in gallery order (the first is the cover
 * cards, feeds and share tags use), each with its alt text and, for staff
 * with products:write, forms to describe, move and delete it, then the upload
 * form while there is room.
 */
export function ProductGalleryEditor({ images, cover, actions }: Props) {
  // One shape whatever the count, so the upload form keeps its place (and its message) when the first image arrives.
  return (
    <div className="flex flex-col gap-4">
      {images.length === 0 ? (
        <div className="flex flex-col gap-3">
          <ProductImage src={cover.src} alt={cover.alt} size={240} layout="adminPreview" loading="priority" className="size-60 rounded border border-neutral-200 object-contain" />
          <p>No images uploaded yet: the shop shows this picture.</p>
        </div>
      ) : (
        <ol aria-label="Product images" className="flex flex-col gap-4">
          {images.map((image, index) => (
            <GalleryItem key={image.id} image={image} index={index} count={images.length} actions={actions} />
          ))}
        </ol>
      )}
      {actions &&
        (images.length < MAX_PRODUCT_IMAGES ? (
          <ImageUploadForm action={actions.upload} />
        ) : (
          <p>This product has {MAX_PRODUCT_IMAGES} images, the most it can have. Delete one to add another.</p>
        ))}
    </div>
  );
}

function GalleryItem({ image, index, count, actions }: { image: StaffProductImageDTO; index: number; count: number; actions: Props["actions"] }) {
  const label = `Image ${index + 1}`;
  return (
    <li className="flex flex-col gap-3 rounded border border-neutral-200 p-3 sm:flex-row">
      <ProductImage
        src={image.src}
        alt={image.alt}
        size={160}
        layout="adminPreview"
        loading={index === 0 ? "priority" : "lazy"}
        className="size-40 shrink-0 rounded border border-neutral-200 object-contain"
      />
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <p className="font-semibold">
          {label} of {count}
          {index === 0 ? " (cover)" : ""}
        </p>
        {actions ? (
          <>
            <ImageAltForm action={actions.alt} imageId={image.id} alt={image.alt} label={label} />
            <ImageArrangeForm move={actions.move} remove={actions.remove} imageId={image.id} label={label} first={index === 0} last={index === count - 1} />
          </>
        ) : (
          <p className="break-words">Alt text: {image.alt}</p>
        )}
      </div>
    </li>
  );
}
