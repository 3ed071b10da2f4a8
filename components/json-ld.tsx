import { type JsonLd, serializeJsonLd } from "@/lib/seo/json-ld";

/**
 * Structured data as a `<script type="application/ld+json">` data block. The
 * browser never executes a data block, so the CSP does not apply to it and it
 * carries no nonce (catalog pages are shared, built once for everyone). The
 * JSON is escaped (serializeJsonLd) so catalog text cannot end the element.
 */
export function JsonLdScript({ data }: { data: JsonLd }) {
  // serializeJsonLd escapes every "<", so the content cannot contain "</script" or "<!--".
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
