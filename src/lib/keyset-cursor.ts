/**
 * The opaque cursor of keyset pagination over (time, id): the last row's
 * sort time and id, base64url-encoded. One format for every listing that
 * pages by time (leads for sync, handoffs, returned leads).
 */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

/** The (time, id) of a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const date = new Date(at ?? "");
  return id && !Number.isNaN(date.getTime()) ? { at: date, id } : null;
}
