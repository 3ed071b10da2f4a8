/**
 * The request header the HTTP server sets on its own cookie-less renders of the
 * catalog's shared pages (and removes from every visitor's request): proxy.ts
 * then issues no nonce and no cookies, and the root layout renders nothing per
 * visitor. Its own module, so the proxy bundle stays free of node: imports.
 */
export const SHARED_RENDER_HEADER = "x-shop-render";
export const SHARED_RENDER_VALUE = "shared";

export function isSharedRender(headers: Headers): boolean {
  return headers.get(SHARED_RENDER_HEADER) === SHARED_RENDER_VALUE;
}
