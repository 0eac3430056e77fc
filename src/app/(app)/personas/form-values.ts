import type { PersonaFormValues } from "./persona-form";

type PersonaRow = {
  name: string;
  initials: string;
  color: string;
  title: string;
  seniority: string;
  industry: string;
  companySizeMin: number | null;
  companySizeMax: number | null;
  region: string;
  goals: string;
  pains: string;
  objections: string;
  buyingTriggers: string;
  preferredChannels: string[];
  fitIndustries: string[];
  fitSizeMin: number | null;
  fitSizeMax: number | null;
  fitTitleKeywords: string[];
  fitCountries: string[];
};

const str = (n: number | null) => (n === null ? "" : String(n));

export function toFormValues(p: PersonaRow): PersonaFormValues {
  return {
    ...p,
    companySizeMin: str(p.companySizeMin),
    companySizeMax: str(p.companySizeMax),
    fitSizeMin: str(p.fitSizeMin),
    fitSizeMax: str(p.fitSizeMax),
    fitIndustries: p.fitIndustries.join(", "),
    fitTitleKeywords: p.fitTitleKeywords.join(", "),
    fitCountries: p.fitCountries.join(", "),
  };
}

export const EMPTY_PERSONA: PersonaFormValues = toFormValues({
  name: "",
  initials: "",
  color: "#1f5fd1",
  title: "",
  seniority: "",
  industry: "",
  companySizeMin: null,
  companySizeMax: null,
  region: "",
  goals: "",
  pains: "",
  objections: "",
  buyingTriggers: "",
  preferredChannels: [],
  fitIndustries: [],
  fitSizeMin: null,
  fitSizeMax: null,
  fitTitleKeywords: [],
  fitCountries: [],
});
