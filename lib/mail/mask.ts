import "server-only";

const DOT = "•••";

/**
 * An address masked for a notice or a log line: `jane@example.com` becomes
 * `j•••@e•••.com`. Enough for the owner to recognise, too little to harvest.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) return DOT;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const labels = domain.split(".");
  const tld = labels.length > 1 ? `.${labels[labels.length - 1]}` : "";
  return `${local[0]}${DOT}@${domain[0]}${DOT}${tld}`;
}
