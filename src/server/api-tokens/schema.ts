import { z } from "zod";

export const ZCreateApiToken = z.object({ name: z.string().trim().min(1, "required").max(80, "tooLong") });
export const ZRevokeApiToken = z.object({ tokenId: z.string().min(1).max(64) });
