/**
 * What the app computes for each figure a starter glossary term names, in
 * the words that term uses (English and Italian). One home: the dashboards'
 * formula lines read it, and a test holds every starter term to it, so a
 * definition never promises another computation than the one on the page.
 */
export type Formula = { en: string; it: string };

export const METRIC_FORMULAS = {
  cac: {
    en: "campaign spend recorded in the app in the period ÷ new customers won in the period",
    it: "spesa delle campagne registrata nell'app nel periodo ÷ nuovi clienti acquisiti nel periodo",
  },
  roi: {
    en: "(won revenue − campaign spend) ÷ campaign spend",
    it: "(fatturato vinto − spesa delle campagne) ÷ spesa delle campagne",
  },
  cpl: {
    en: "spend in the period ÷ new leads in the period",
    it: "spesa del periodo ÷ nuovi lead del periodo",
  },
  "acceptance-rate": {
    en: "handoffs accepted by sales ÷ (accepted + rejected) in the period",
    it: "passaggi accettati dalle vendite ÷ (accettati + rifiutati) nel periodo",
  },
  "sla-compliance": {
    en: "assignments answered within the SLA ÷ assignments decided in the period",
    it: "assegnazioni con risposta entro lo SLA ÷ assegnazioni decise nel periodo",
  },
  "response-time": {
    en: "business time from a handoff's assignment to the rep's answer",
    it: "tempo lavorativo tra l'assegnazione di un passaggio e la risposta del commerciale",
  },
  "lead-velocity": {
    en: "(MQLs this month − MQLs last month) ÷ MQLs last month",
    it: "(MQL di questo mese − MQL del mese scorso) ÷ MQL del mese scorso",
  },
  "conversion-rate": {
    en: "MQLs created in the period that reached SQL ÷ MQLs created in the period",
    it: "MQL creati nel periodo arrivati a SQL ÷ MQL creati nel periodo",
  },
  attribution: {
    en: "marketing-sourced revenue: won amounts of leads captured by a campaign; marketing-influenced revenue: won amounts of leads with any campaign touch before the win",
    it: "fatturato generato dal marketing: importi vinti dei lead acquisiti da una campagna; fatturato influenzato dal marketing: importi vinti dei lead con un contatto di una campagna prima della vittoria",
  },
} as const satisfies Record<string, Formula>;

/**
 * Figures the app composes from the ones above, with no starter glossary term of their own (so the test that holds
 * METRIC_FORMULAS to the starter glossary does not apply): their formula lines live here all the same.
 */
export const COMPOSITE_FORMULAS = {
  "alignment-index": {
    en: "mean of the month's parts that have data × 100: MQLs delivered ÷ the SLA's monthly MQL commitment (at most 100%), SLA compliance, acceptance rate, and the share of the qualification terms agreed by both sides at the month's end",
    it: "media delle componenti del mese con dati × 100: MQL consegnati ÷ impegno mensile di MQL dello SLA (al massimo 100%), rispetto dello SLA, tasso di accettazione e quota dei termini di qualificazione concordati da entrambe le parti a fine mese",
  },
} as const satisfies Record<string, Formula>;

export type FormulaKey = keyof typeof METRIC_FORMULAS | keyof typeof COMPOSITE_FORMULAS;

const FORMULAS: Record<FormulaKey, Formula> = { ...METRIC_FORMULAS, ...COMPOSITE_FORMULAS };

/** A formula in the reader's language, capitalised as a line of its own. */
export function formulaLine(key: FormulaKey, locale: string): string {
  const text = FORMULAS[key][locale === "it" ? "it" : "en"];
  return text.charAt(0).toUpperCase() + text.slice(1);
}
