// Stable resource addresses: endpoint.<name>, batch.<name>, user.<smtp>.
//
// Must not: do I/O or import from src/ folders other than diag/.

export const endpointAddress = (name: string): string => `endpoint.${name}`;
export const batchAddress = (name: string): string => `batch.${name}`;
export const userAddress = (email: string): string => `user.${email.toLowerCase()}`;

/** Names and addresses compare case-insensitively in the service; this is the comparison key. */
export const nameKey = (name: string): string => name.toLowerCase();

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
