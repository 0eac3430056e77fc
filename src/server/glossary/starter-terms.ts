/**
 * The starter glossary every new workspace gets, in English and Italian, all
 * proposed: the team reads, adjusts and agrees them itself. Definitions follow
 * the product's own metric definitions (docs/product-brief) so that the words
 * on the dashboards mean what the glossary says.
 */
import type { TermCategory } from "@/generated/prisma/enums";

export type StarterTerm = {
  key: string;
  category: TermCategory;
  en: { name: string; synonyms: string[]; definition: string; example: string };
  it: { name: string; synonyms: string[]; definition: string; example: string };
  related: string[];
};

export const STARTER_TERMS: StarterTerm[] = [
  {
    key: "lead",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "Lead",
      synonyms: ["Contact", "Prospect"],
      definition:
        "A person who left at least a name and an email address through one of our channels (form, event, import, API). A lead is not yet qualified: it only tells us someone exists and how they reached us.",
      example: "A logistics manager who downloaded our fleet-cost guide from a LinkedIn ad.",
    },
    it: {
      name: "Lead",
      synonyms: ["Contatto", "Potenziale cliente"],
      definition:
        "Una persona che ha lasciato almeno nome e indirizzo email attraverso uno dei nostri canali (modulo, evento, importazione, API). Un lead non è ancora qualificato: ci dice solo che qualcuno esiste e come ci ha raggiunti.",
      example:
        "Un responsabile logistico che ha scaricato la nostra guida sui costi della flotta da un annuncio LinkedIn.",
    },
    related: ["mql", "funnel", "lead-scoring"],
  },
  {
    key: "mql",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "MQL",
      synonyms: ["Marketing Qualified Lead", "Marketing-qualified lead"],
      definition:
        "A lead whose score reached the MQL threshold of the published scoring model, with no disqualifier, and who showed what they want and when. Marketing hands every MQL to sales, which must accept or reject it within the SLA.",
      example: "A fleet manager at a 200-person retailer who viewed the pricing page twice and requested a demo.",
    },
    it: {
      name: "MQL",
      synonyms: ["Marketing Qualified Lead", "Lead qualificato dal marketing"],
      definition:
        "Un lead il cui punteggio ha raggiunto la soglia MQL del modello di scoring pubblicato, senza criteri di esclusione, e che ha mostrato cosa vuole e quando. Il marketing passa ogni MQL alle vendite, che devono accettarlo o rifiutarlo entro lo SLA.",
      example:
        "Un fleet manager di un'azienda retail di 200 persone che ha visto due volte la pagina prezzi e ha chiesto una demo.",
    },
    related: ["lead", "sql", "lead-scoring", "sla", "handoff"],
  },
  {
    key: "sql",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "SQL",
      synonyms: ["Sales Qualified Lead", "Sales-accepted lead"],
      definition:
        "An MQL that a sales rep accepted as ready for direct follow-up (a call, a meeting, an offer). The lead becomes SQL at the moment of acceptance, not when sales first looks at it.",
      example: "The rep calls the fleet manager, confirms budget and timing for next quarter, and accepts the handoff.",
    },
    it: {
      name: "SQL",
      synonyms: ["Sales Qualified Lead", "Lead qualificato dalle vendite"],
      definition:
        "Un MQL che un commerciale ha accettato come pronto per un contatto diretto (telefonata, incontro, offerta). Il lead diventa SQL nel momento dell'accettazione, non quando le vendite lo guardano per la prima volta.",
      example:
        "Il commerciale chiama il fleet manager, conferma budget e tempi per il prossimo trimestre e accetta il passaggio.",
    },
    related: ["mql", "opportunity", "handoff"],
  },
  {
    key: "opportunity",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "Opportunity",
      synonyms: ["Deal", "Pipeline deal"],
      definition:
        "An SQL for which sales has a concrete deal in progress, with an expected amount and an expected close date. It ends as won (the lead becomes a customer) or lost, with a reason.",
      example: "An offer of 48,000 EUR for 60 vehicles, expected to close by the end of March.",
    },
    it: {
      name: "Opportunità",
      synonyms: ["Trattativa", "Deal"],
      definition:
        "Un SQL per cui le vendite hanno una trattativa concreta in corso, con un importo e una data di chiusura previsti. Si conclude come vinta (il lead diventa cliente) o persa, con un motivo.",
      example: "Un'offerta da 48.000 EUR per 60 veicoli, con chiusura prevista entro fine marzo.",
    },
    related: ["sql", "customer"],
  },
  {
    key: "customer",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "Customer",
      synonyms: ["Client", "Won deal"],
      definition:
        "A lead whose opportunity was won: they bought. Won revenue is counted at the close date and feeds ROI, CAC and persona performance.",
      example: "The retailer signs the 48,000 EUR contract on 28 March.",
    },
    it: {
      name: "Cliente",
      synonyms: ["Trattativa vinta"],
      definition:
        "Un lead la cui opportunità è stata vinta: ha acquistato. Il fatturato vinto si conta alla data di chiusura e alimenta ROI, CAC e risultati delle buyer persona.",
      example: "L'azienda retail firma il contratto da 48.000 EUR il 28 marzo.",
    },
    related: ["opportunity", "cac", "roi"],
  },
  {
    key: "nurturing",
    category: "PROCESS",
    en: {
      name: "Lead nurturing",
      synonyms: ["Nurturing", "Nurture"],
      definition:
        "Keeping in touch with leads that are not ready to buy (useful content, emails, events) until they show buying intent. Leads that sales rejects for timing go back to nurturing, not to the bin.",
      example:
        "A lead rejected with 'timing: contact later' receives a monthly case-study email until it scores as MQL again.",
    },
    it: {
      name: "Lead nurturing",
      synonyms: ["Nurturing", "Coltivazione dei lead"],
      definition:
        "Mantenere il contatto con i lead non ancora pronti all'acquisto (contenuti utili, email, eventi) finché non mostrano intenzione d'acquisto. I lead rifiutati dalle vendite per i tempi tornano al nurturing, non nel cestino.",
      example:
        "Un lead rifiutato con 'tempi: ricontattare più avanti' riceve ogni mese un caso di studio finché non torna MQL.",
    },
    related: ["lead", "mql", "tofu"],
  },
  {
    key: "lead-scoring",
    category: "PROCESS",
    en: {
      name: "Lead scoring",
      synonyms: ["Scoring", "Qualification rules", "MQL criteria"],
      definition:
        "The agreed way to score every lead: fit points for who they are (industry, company size, title, persona match) plus behaviour points for what they do (demo requests, pricing views), with time decay and disqualifiers. The MQL threshold is part of the model.",
      example:
        "Industry automotive +15, demo requested +30, pricing page viewed +10 (halving every 14 days), free-mail address disqualifies.",
    },
    it: {
      name: "Lead scoring",
      synonyms: ["Punteggio dei lead", "Regole di qualificazione", "Criteri MQL"],
      definition:
        "Il modo concordato di dare un punteggio a ogni lead: punti di fit per chi è (settore, dimensione aziendale, ruolo, corrispondenza con una persona) più punti di comportamento per ciò che fa (richieste di demo, visite ai prezzi), con decadimento nel tempo e criteri di esclusione. La soglia MQL fa parte del modello.",
      example:
        "Settore automotive +15, demo richiesta +30, pagina prezzi visitata +10 (dimezzati ogni 14 giorni), email gratuita esclude.",
    },
    related: ["mql", "buyer-persona", "icp"],
  },
  {
    key: "buyer-persona",
    category: "PROCESS",
    en: {
      name: "Buyer persona",
      synonyms: ["Persona", "Customer persona"],
      definition:
        "A semi-fictional portrait of an ideal customer, defined by marketing and sales together: role, company, goals, pains, objections, buying triggers and channels, plus structured fit attributes that lead scoring matches leads against.",
      example:
        "'Fleet Manager Francesca': runs 50 to 500 vehicles in logistics, wants lower fuel costs, fears downtime during rollout.",
    },
    it: {
      name: "Buyer persona",
      synonyms: ["Persona", "Profilo del cliente tipo"],
      definition:
        "Un ritratto semi-immaginario di un cliente ideale, definito insieme da marketing e vendite: ruolo, azienda, obiettivi, problemi, obiezioni, fattori d'acquisto e canali, più attributi di fit strutturati con cui il lead scoring confronta i lead.",
      example:
        "'Francesca, Fleet Manager': gestisce da 50 a 500 veicoli nella logistica, vuole ridurre i costi del carburante, teme i fermi durante l'avvio.",
    },
    related: ["icp", "lead-scoring"],
  },
  {
    key: "icp",
    category: "ACRONYM",
    en: {
      name: "ICP",
      synonyms: ["Ideal Customer Profile"],
      definition:
        "Ideal Customer Profile: the kind of company (industry, size, region, situation) that gets the most value from us and brings the most value back. Personas describe the people inside it.",
      example:
        "Logistics and retail companies in Italy and Germany with 50 to 1,000 employees and their own vehicle fleet.",
    },
    it: {
      name: "ICP",
      synonyms: ["Ideal Customer Profile", "Profilo del cliente ideale"],
      definition:
        "Ideal Customer Profile: il tipo di azienda (settore, dimensione, area, situazione) che ricava più valore da noi e ce ne restituisce di più. Le buyer persona descrivono le persone al suo interno.",
      example:
        "Aziende di logistica e retail in Italia e Germania con 50-1.000 dipendenti e una flotta di veicoli propria.",
    },
    related: ["buyer-persona", "lead-scoring"],
  },
  {
    key: "sla",
    category: "ACRONYM",
    en: {
      name: "SLA",
      synonyms: ["Service Level Agreement", "Marketing-sales agreement"],
      definition:
        "The written agreement between marketing and sales: sales accepts or rejects every MQL within an agreed number of business hours, and marketing delivers an agreed number of MQLs per month. The clock starts when the lead is assigned to a rep.",
      example:
        "Sales answers every MQL within 4 business hours (Rome time, Monday to Friday, 9:00-18:00); marketing delivers 120 MQLs a month.",
    },
    it: {
      name: "SLA",
      synonyms: ["Service Level Agreement", "Accordo tra marketing e vendite"],
      definition:
        "L'accordo scritto tra marketing e vendite: le vendite accettano o rifiutano ogni MQL entro un numero concordato di ore lavorative e il marketing consegna un numero concordato di MQL al mese. Il conteggio parte quando il lead è assegnato a un commerciale.",
      example:
        "Le vendite rispondono a ogni MQL entro 4 ore lavorative (ora di Roma, lunedì-venerdì, 9-18); il marketing consegna 120 MQL al mese.",
    },
    related: ["handoff", "mql", "smarketing"],
  },
  {
    key: "handoff",
    category: "PROCESS",
    en: {
      name: "Handoff",
      synonyms: ["Lead handover", "Lead routing"],
      definition:
        "The moment an MQL is assigned to one sales rep, who must accept it (it becomes SQL) or reject it with a reason within the SLA. Leads contacted within an hour are about seven times likelier to qualify, so speed matters.",
      example: "At 10:12 the demo request is assigned to Luca; he accepts it at 11:03, well within the 4-hour SLA.",
    },
    it: {
      name: "Passaggio alle vendite",
      synonyms: ["Handoff", "Assegnazione del lead"],
      definition:
        "Il momento in cui un MQL viene assegnato a un commerciale, che deve accettarlo (diventa SQL) o rifiutarlo con un motivo entro lo SLA. I lead contattati entro un'ora hanno circa sette volte più probabilità di qualificarsi: la velocità conta.",
      example:
        "Alle 10:12 la richiesta di demo è assegnata a Luca, che la accetta alle 11:03, ben dentro lo SLA di 4 ore.",
    },
    related: ["sla", "mql", "sql", "disqualified-lead"],
  },
  {
    key: "disqualified-lead",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "Disqualified lead",
      synonyms: ["Disqualified", "Rejected lead"],
      definition:
        "A lead that will not become a customer as things stand: a competitor, a student, spam, fake contact data, or a clear mismatch with our offer. Rejections say why, so marketing can fix targeting.",
      example: "A 'demo request' from a competitor's domain is rejected as competitor/student/spam and disqualified.",
    },
    it: {
      name: "Lead squalificato",
      synonyms: ["Squalificato", "Lead scartato"],
      definition:
        "Un lead che allo stato attuale non diventerà cliente: un concorrente, uno studente, spam, dati di contatto falsi o un chiaro disallineamento con la nostra offerta. Ogni rifiuto dice il perché, così il marketing può correggere il targeting.",
      example:
        "Una 'richiesta di demo' dal dominio di un concorrente viene rifiutata come concorrente/studente/spam e squalificata.",
    },
    related: ["handoff", "lead-scoring", "nurturing"],
  },
  {
    key: "funnel",
    category: "PROCESS",
    en: {
      name: "Funnel",
      synonyms: ["Sales funnel", "Marketing funnel", "Pipeline"],
      definition:
        "The path every lead follows through the lifecycle stages: lead, MQL, SQL, opportunity, customer. Counting how many leads enter each stage, and how fast, shows where both teams lose them.",
      example: "Last quarter: 2,000 leads, 240 MQLs, 150 SQLs, 60 opportunities, 21 customers.",
    },
    it: {
      name: "Funnel",
      synonyms: ["Imbuto di vendita", "Pipeline"],
      definition:
        "Il percorso che ogni lead segue attraverso le fasi del ciclo di vita: lead, MQL, SQL, opportunità, cliente. Contare quanti lead entrano in ogni fase, e con che velocità, mostra dove i due team li perdono.",
      example: "Lo scorso trimestre: 2.000 lead, 240 MQL, 150 SQL, 60 opportunità, 21 clienti.",
    },
    related: ["tofu", "mofu", "bofu", "conversion-rate"],
  },
  {
    key: "tofu",
    category: "ACRONYM",
    en: {
      name: "TOFU",
      synonyms: ["Top of the funnel"],
      definition:
        "Top of the funnel: the attraction and interest phases, where people first meet us (traffic, first contacts, content). Owned mostly by marketing; measured in new leads and cost per lead.",
      example: "A blog post on cutting fleet fuel costs that brings 300 new leads a month.",
    },
    it: {
      name: "TOFU",
      synonyms: ["Top of the funnel", "Parte alta del funnel"],
      definition:
        "Parte alta del funnel: le fasi di attrazione e interesse, in cui le persone ci incontrano per la prima volta (traffico, primi contatti, contenuti). È soprattutto del marketing; si misura in nuovi lead e costo per lead.",
      example: "Un articolo del blog su come ridurre i consumi della flotta che porta 300 nuovi lead al mese.",
    },
    related: ["funnel", "mofu", "bofu", "cpl"],
  },
  {
    key: "mofu",
    category: "ACRONYM",
    en: {
      name: "MOFU",
      synonyms: ["Middle of the funnel"],
      definition:
        "Middle of the funnel: the consideration phase, where leads compare options and marketing nurtures them until they qualify as MQLs.",
      example: "A webinar comparing telematics providers, attended by leads who already downloaded a guide.",
    },
    it: {
      name: "MOFU",
      synonyms: ["Middle of the funnel", "Parte centrale del funnel"],
      definition:
        "Parte centrale del funnel: la fase di valutazione, in cui i lead confrontano le alternative e il marketing li coltiva finché non si qualificano come MQL.",
      example:
        "Un webinar di confronto tra fornitori di telematica seguito da lead che avevano già scaricato una guida.",
    },
    related: ["funnel", "tofu", "bofu", "nurturing"],
  },
  {
    key: "bofu",
    category: "ACRONYM",
    en: {
      name: "BOFU",
      synonyms: ["Bottom of the funnel"],
      definition:
        "Bottom of the funnel: the decision and purchase phases, where sales turns SQLs into customers. Measured in win rate, revenue and time to close.",
      example: "A tailored offer and a pilot on ten vehicles for an SQL that asked for pricing.",
    },
    it: {
      name: "BOFU",
      synonyms: ["Bottom of the funnel", "Parte bassa del funnel"],
      definition:
        "Parte bassa del funnel: le fasi di decisione e acquisto, in cui le vendite trasformano gli SQL in clienti. Si misura in tasso di vittoria, fatturato e tempi di chiusura.",
      example: "Un'offerta su misura e un progetto pilota su dieci veicoli per un SQL che ha chiesto i prezzi.",
    },
    related: ["funnel", "tofu", "mofu", "opportunity"],
  },
  {
    key: "conversion-rate",
    category: "METRIC",
    en: {
      name: "Conversion rate",
      synonyms: ["Stage conversion", "Conversion"],
      definition:
        "Leads entering the next stage divided by leads entering this stage, for the same cohort (leads created in the period). MQL to SQL conversion, for example, is MQLs of the period that reached SQL divided by MQLs of the period.",
      example: "Of 240 MQLs created in March, 150 reached SQL: a 62.5% MQL to SQL conversion rate.",
    },
    it: {
      name: "Tasso di conversione",
      synonyms: ["Conversione tra fasi", "Conversione"],
      definition:
        "I lead che entrano nella fase successiva divisi per i lead entrati in questa fase, per la stessa coorte (lead creati nel periodo). La conversione da MQL a SQL, per esempio, è il numero di MQL del periodo arrivati a SQL diviso per gli MQL del periodo.",
      example: "Dei 240 MQL creati a marzo, 150 sono arrivati a SQL: un tasso di conversione MQL-SQL del 62,5%.",
    },
    related: ["funnel", "mql", "sql"],
  },
  {
    key: "lead-velocity",
    category: "METRIC",
    en: {
      name: "Lead velocity rate",
      synonyms: ["LVR", "Lead velocity"],
      definition:
        "Month-on-month growth of qualified leads: (MQLs this month minus MQLs last month) divided by MQLs last month. Comparable only while the MQL definition (the scoring model) is unchanged.",
      example: "132 MQLs in April after 120 in March: a lead velocity rate of 10%.",
    },
    it: {
      name: "Lead velocity rate",
      synonyms: ["LVR", "Velocità dei lead"],
      definition:
        "La crescita mese su mese dei lead qualificati: (MQL di questo mese meno MQL del mese scorso) diviso MQL del mese scorso. Confrontabile solo finché la definizione di MQL (il modello di scoring) resta la stessa.",
      example: "132 MQL ad aprile dopo i 120 di marzo: un lead velocity rate del 10%.",
    },
    related: ["mql", "lead-scoring"],
  },
  {
    key: "cac",
    category: "METRIC",
    en: {
      name: "CAC",
      synonyms: ["Customer Acquisition Cost"],
      definition:
        "Customer Acquisition Cost: marketing and sales spend in a period divided by the new customers won in that period.",
      example: "60,000 EUR of spend in Q1 and 20 new customers: a CAC of 3,000 EUR.",
    },
    it: {
      name: "CAC",
      synonyms: ["Customer Acquisition Cost", "Costo di acquisizione cliente"],
      definition:
        "Customer Acquisition Cost: la spesa di marketing e vendite di un periodo divisa per i nuovi clienti acquisiti nello stesso periodo.",
      example: "60.000 EUR di spesa nel primo trimestre e 20 nuovi clienti: un CAC di 3.000 EUR.",
    },
    related: ["cpl", "roi", "customer"],
  },
  {
    key: "cpl",
    category: "METRIC",
    en: {
      name: "CPL",
      synonyms: ["Cost per lead"],
      definition:
        "Cost per lead: spend in a period divided by the new leads of that period. Cost per MQL and cost per SQL divide the same spend by MQLs and SQLs, and say more about quality.",
      example: "A trade fair costing 12,000 EUR that brings 300 leads: a CPL of 40 EUR; with 30 MQLs, 400 EUR per MQL.",
    },
    it: {
      name: "CPL",
      synonyms: ["Costo per lead"],
      definition:
        "Costo per lead: la spesa di un periodo divisa per i nuovi lead dello stesso periodo. Il costo per MQL e per SQL dividono la stessa spesa per MQL e SQL, e dicono di più sulla qualità.",
      example: "Una fiera da 12.000 EUR che porta 300 lead: un CPL di 40 EUR; con 30 MQL, 400 EUR per MQL.",
    },
    related: ["cac", "roi", "tofu"],
  },
  {
    key: "roi",
    category: "METRIC",
    en: {
      name: "ROI",
      synonyms: ["Return on investment"],
      definition:
        "Return on investment: (won revenue minus spend) divided by spend, for a channel, a campaign or the whole period. We judge marketing and sales on ROI, not on revenue alone; each campaign's spend is counted once.",
      example: "A campaign that cost 10,000 EUR and brought 35,000 EUR of won revenue: an ROI of 250%.",
    },
    it: {
      name: "ROI",
      synonyms: ["Ritorno sull'investimento"],
      definition:
        "Ritorno sull'investimento: (fatturato vinto meno spesa) diviso la spesa, per un canale, una campagna o l'intero periodo. Marketing e vendite si valutano sul ROI, non solo sul fatturato; la spesa di ogni campagna si conta una sola volta.",
      example: "Una campagna costata 10.000 EUR che ha portato 35.000 EUR di fatturato vinto: un ROI del 250%.",
    },
    related: ["cac", "cpl", "attribution"],
  },
  {
    key: "attribution",
    category: "PROCESS",
    en: {
      name: "Attribution",
      synonyms: ["Revenue attribution", "First touch", "Last touch"],
      definition:
        "Crediting won revenue to the campaigns that touched the customer: first touch (all to the first campaign), last touch (all to the last) or linear (equal shares). Marketing-sourced and marketing-influenced revenue are reported apart, never added.",
      example:
        "A customer first met us at a fair and last clicked a webinar email: first touch credits the fair, last touch the webinar.",
    },
    it: {
      name: "Attribuzione",
      synonyms: ["Attribuzione del fatturato", "Primo contatto", "Ultimo contatto"],
      definition:
        "Assegnare il fatturato vinto alle campagne che hanno toccato il cliente: primo contatto (tutto alla prima campagna), ultimo contatto (tutto all'ultima) o lineare (quote uguali). Il fatturato generato dal marketing e quello influenzato dal marketing si riportano separati, mai sommati.",
      example:
        "Un cliente ci ha conosciuti a una fiera e ha cliccato per ultimo un'email del webinar: il primo contatto premia la fiera, l'ultimo il webinar.",
    },
    related: ["roi", "closed-loop-reporting"],
  },
  {
    key: "closed-loop-reporting",
    category: "PROCESS",
    en: {
      name: "Closed-loop reporting",
      synonyms: ["Closed loop", "Deal outcome feedback"],
      definition:
        "Feeding what happens to leads after the handoff (accepted, rejected and why, won, lost) back to marketing, per channel, campaign and persona, so targeting, content and scoring improve. Nothing runs on autopilot.",
      example: "Rejections for 'no budget' cluster on one paid campaign, so marketing changes its audience.",
    },
    it: {
      name: "Closed-loop reporting",
      synonyms: ["Ciclo chiuso", "Feedback sugli esiti"],
      definition:
        "Riportare al marketing cosa succede ai lead dopo il passaggio alle vendite (accettati, rifiutati e perché, vinti, persi), per canale, campagna e persona, così targeting, contenuti e scoring migliorano. Niente va avanti col pilota automatico.",
      example:
        "I rifiuti per 'nessun budget' si concentrano su una campagna a pagamento, e il marketing ne cambia il pubblico.",
    },
    related: ["attribution", "handoff", "buyer-persona"],
  },
  {
    key: "smarketing",
    category: "PROCESS",
    en: {
      name: "Smarketing",
      synonyms: ["Sales and marketing alignment", "Revenue alignment"],
      definition:
        "Sales and marketing working as one team: one glossary, shared personas, an SLA both sides keep, shared goals and one set of numbers. Aligned companies grow about 20% faster.",
      example: "A monthly meeting where both teams review the funnel, rejection reasons and the goals they share.",
    },
    it: {
      name: "Smarketing",
      synonyms: ["Allineamento vendite e marketing"],
      definition:
        "Vendite e marketing che lavorano come un'unica squadra: un solo glossario, buyer persona condivise, uno SLA rispettato da entrambi, obiettivi comuni e un unico insieme di numeri. Le aziende allineate crescono circa del 20% più in fretta.",
      example: "Una riunione mensile in cui i due team rivedono funnel, motivi di rifiuto e obiettivi comuni.",
    },
    related: ["sla", "closed-loop-reporting", "buyer-persona"],
  },
];
