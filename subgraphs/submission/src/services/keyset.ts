/** Keyset page condition for lists sorted newest first on (createdAt, id). */
export function newestFirstAfter(after: [string, string] | null) {
  if (!after) return {};
  const at = new Date(after[0]);
  return { $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: after[1] } }] };
}
