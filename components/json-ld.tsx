import { type JsonLd, serializeJsonLd } from "@/lib/seo/json-ld";

/**
 * Structured data as a `<script type="application/ld+json">` data block. The
 * browser never executes a data block, so the CSP does not apply to it; it
 * still carries the page's nonce when there is one, so every <script> on a
 * page is stamped alike. The JSON is escaped (serializeJsonLd) so catalog text
 * cannot end the element.
 */
export function JsonLdScript({ data, nonce }: { data: JsonLd; nonce?: string }) {
  // serializeJsonLd escapes every "<", so the content cannot contain "</script" or "<!--".
  return <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
