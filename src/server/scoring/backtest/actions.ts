"use server";

import { z } from "zod";
import { authorizedAction } from "@/server/action";
import { cancelBacktest, getBacktest, startBacktest, ZBacktestInput } from "@/server/scoring/backtest/service";

const id = z.object({ id: z.string().min(1).max(64) });

export const startBacktestAction = authorizedAction(
  { schema: ZBacktestInput, capability: "rules.edit" },
  async (input, actor) => startBacktest(actor, input),
);

export const backtestProgressAction = authorizedAction({ schema: id, capability: "rules.read" }, async (input, actor) =>
  getBacktest(actor, input.id),
);

export const cancelBacktestAction = authorizedAction({ schema: id, capability: "rules.edit" }, async (input, actor) =>
  cancelBacktest(actor, input.id),
);
