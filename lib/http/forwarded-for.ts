/**
 * What the shop's HTTP server (lib/cli/http-server.ts) sets before Next sees a
 * request: the incoming X-Forwarded-For with the socket's peer address
 * appended, so the header's last entry is always trustworthy. Pure, because
 * the server process loads it outside React's server environment.
 */
export function appendPeerAddress(incoming: string | string[] | undefined, peer: string | undefined): string {
  const previous = [incoming ?? []].flat().join(", ");
  const self = peer ?? "unknown";
  return previous ? `${previous}, ${self}` : self;
}
