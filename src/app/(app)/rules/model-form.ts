import type { BehaviourRule, Condition, ScoringModel } from "@/server/scoring/engine";

/** Editable rows of the rules editor; `toModel` turns them back into a definition the server validates. */
export type ConditionRow = {
  attribute: Condition["attribute"];
  operator: string;
  values: string;
  value: string;
  min: string;
  max: string;
  personaId: string;
};
export type FitRow = { id: string; label: string; points: string } & ConditionRow;
export type BehaviourRow = {
  id: string;
  label: string;
  eventType: string;
  points: string;
  cap: string;
  decay: BehaviourRule["decay"]["mode"];
  days: string;
};
export type DisqualifierRow = { id: string; label: string } & ConditionRow;
export type ModelForm = {
  threshold: string;
  fit: FitRow[];
  behaviour: BehaviourRow[];
  disqualifiers: DisqualifierRow[];
};

export const OPERATORS: Record<Condition["attribute"], string[]> = {
  industry: ["in", "notIn"],
  country: ["in", "notIn"],
  channel: ["in", "notIn"],
  emailDomain: ["in", "notIn"],
  title: ["containsAny"],
  companySize: ["lt", "lte", "gt", "gte", "between"],
  persona: ["is", "any"],
};

export const emptyCondition = (): ConditionRow => ({
  attribute: "industry",
  operator: "in",
  values: "",
  value: "",
  min: "",
  max: "",
  personaId: "",
});

function conditionRow(c: Condition): ConditionRow {
  const row = { ...emptyCondition(), attribute: c.attribute, operator: c.operator };
  if ("values" in c) row.values = c.values.join(", ");
  if ("value" in c) row.value = String(c.value);
  if ("min" in c) {
    row.min = String(c.min);
    row.max = String(c.max);
  }
  if ("personaId" in c) row.personaId = c.personaId;
  return row;
}

const list = (value: string) =>
  value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
const num = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

function condition(row: ConditionRow): unknown {
  const { attribute, operator } = row;
  if (attribute === "companySize") {
    return operator === "between"
      ? { attribute, operator, min: num(row.min), max: num(row.max) }
      : { attribute, operator, value: num(row.value) };
  }
  if (attribute === "persona")
    return operator === "any" ? { attribute, operator } : { attribute, operator, personaId: row.personaId };
  return { attribute, operator, values: list(row.values) };
}

export function toForm(model: ScoringModel): ModelForm {
  return {
    threshold: String(model.mqlThreshold),
    fit: model.fitRules.map((r) => ({ id: r.id, label: r.label, points: String(r.points), ...conditionRow(r.when) })),
    behaviour: model.behaviourRules.map((r) => ({
      id: r.id,
      label: r.label,
      eventType: r.eventType,
      points: String(r.points),
      cap: r.cap === null ? "" : String(r.cap),
      decay: r.decay.mode,
      days: r.decay.mode === "none" ? "" : String(r.decay.days),
    })),
    disqualifiers: model.disqualifiers.map((d) => ({ id: d.id, label: d.label, ...conditionRow(d.when) })),
  };
}

/** The definition to send; invalid numbers become NaN, which the server refuses with a field path. */
export function toModel(form: ModelForm): unknown {
  return {
    mqlThreshold: num(form.threshold),
    fitRules: form.fit.map((r) => ({ id: r.id, label: r.label, points: num(r.points), when: condition(r) })),
    behaviourRules: form.behaviour.map((r) => ({
      id: r.id,
      label: r.label,
      eventType: r.eventType,
      points: num(r.points),
      cap: r.cap.trim() === "" ? null : num(r.cap),
      decay: r.decay === "none" ? { mode: "none" } : { mode: r.decay, days: num(r.days) },
    })),
    disqualifiers: form.disqualifiers.map((d) => ({ id: d.id, label: d.label, when: condition(d) })),
  };
}
