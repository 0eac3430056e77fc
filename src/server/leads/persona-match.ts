/**
 * Which buyer persona a lead matches (pure). A persona matches when every fit
 * attribute it defines matches the lead; among matches, the most specific
 * persona (most attributes defined) wins, then the name.
 */
export type PersonaFit = {
  id: string;
  name: string;
  fitIndustries: string[];
  fitSizeMin: number | null;
  fitSizeMax: number | null;
  fitTitleKeywords: string[];
  fitCountries: string[];
};

export type LeadFitFacts = { industry: string; companySize: number | null; title: string; country: string };

const lower = (s: string) => s.trim().toLowerCase();

function criteria(persona: PersonaFit, lead: LeadFitFacts): boolean[] {
  const checks: boolean[] = [];
  if (persona.fitIndustries.length > 0) checks.push(persona.fitIndustries.map(lower).includes(lower(lead.industry)));
  if (persona.fitSizeMin !== null || persona.fitSizeMax !== null) {
    const size = lead.companySize;
    checks.push(
      size !== null && size >= (persona.fitSizeMin ?? 0) && size <= (persona.fitSizeMax ?? Number.POSITIVE_INFINITY),
    );
  }
  if (persona.fitTitleKeywords.length > 0) {
    const title = lower(lead.title);
    checks.push(title !== "" && persona.fitTitleKeywords.some((k) => title.includes(lower(k))));
  }
  if (persona.fitCountries.length > 0)
    checks.push(persona.fitCountries.map((c) => c.toUpperCase()).includes(lead.country.toUpperCase()));
  return checks;
}

export function matchPersona(lead: LeadFitFacts, personas: readonly PersonaFit[]): string | null {
  let best: { id: string; name: string; specificity: number } | null = null;
  for (const persona of personas) {
    const checks = criteria(persona, lead);
    if (checks.length === 0 || !checks.every(Boolean)) continue;
    if (
      !best ||
      checks.length > best.specificity ||
      (checks.length === best.specificity && persona.name.localeCompare(best.name) < 0)
    ) {
      best = { id: persona.id, name: persona.name, specificity: checks.length };
    }
  }
  return best?.id ?? null;
}
