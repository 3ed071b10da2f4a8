/**
 * Limits of a product's gallery, shared by the admin forms (client components,
 * so this module is not server-only) and the server, which enforces them.
 */

/** The most images one product may have; an 11th upload is refused. */
export const MAX_PRODUCT_IMAGES = 10;

/** The longest alt text (the column is VARCHAR(200)). */
export const MAX_IMAGE_ALT_LENGTH = 200;
