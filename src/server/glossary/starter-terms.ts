/**
 * The starter glossary every new workspace gets, in English and Italian, all
 * proposed: the team reads, adjusts and agrees them itself. Definitions follow
 * the product's own metric definitions (docs/product-brief) so that the words
 * on the dashboards mean what the glossary says. Plain text only: the app
 * refuses markup in term fields.
 */
import type { TermCategory } from "@/generated/prisma/enums";

export type StarterTerm = {
  /** Stable lowercase handle, [a-z0-9-], used by the app to show definitions (e.g. "mql"). */
  key: string;
  category: TermCategory;
  en: { name: string; synonyms: string[]; definition: string; example: string };
  it: { name: string; synonyms: string[]; definition: string; example: string };
  /** Keys of other starter terms. */
  related: string[];
};

export const STARTER_TERMS: StarterTerm[] = [
  // ───────────────────────── Lifecycle stages ─────────────────────────
  {
    key: "lead",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "Lead",
      synonyms: ["Contact", "Raw lead"],
      definition:
        "A person who left at least a name and a valid email address through one of our channels (form, event, CSV import, API), with source channel and campaign recorded. Every new contact starts here; duplicates are matched by email. A lead is not qualified yet: quantity is not quality.",
      example:
        "The operations manager of a 40-store fashion retail chain who leaves name and email to download our inventory checklist.",
    },
    it: {
      name: "Lead",
      synonyms: ["Contatto", "Nominativo"],
      definition:
        "Una persona che ha lasciato almeno nome e un indirizzo email valido attraverso uno dei nostri canali (modulo, evento, import CSV, API), con canale di provenienza e campagna registrati. Ogni nuovo contatto parte da qui; i duplicati si riconoscono dall'email. Un lead non è ancora qualificato: quantità non è sinonimo di qualità.",
      example:
        "La responsabile operations di una catena di 40 negozi di abbigliamento che lascia nome ed email per scaricare la nostra checklist sull'inventario.",
    },
    related: ["mql", "lead-scoring", "channel", "funnel", "disqualified-lead"],
  },
  {
    key: "mql",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "MQL",
      synonyms: ["Marketing Qualified Lead", "Marketing-qualified lead"],
      definition:
        "A lead that meets the agreed MQL criteria: its score is at or above the threshold of the published scoring model and no disqualifier applies, so it has shown what it wants and when. Reaching MQL hands the lead to a sales rep, who must accept or reject it within the SLA.",
      example:
        "A fleet manager at a logistics company with 120 vans who downloaded the fuel-cost guide, visited the pricing page twice and requested a demo, scoring 72 points against a threshold of 60.",
    },
    it: {
      name: "MQL",
      synonyms: ["Marketing Qualified Lead", "Lead qualificato dal marketing", "Lead qualificato"],
      definition:
        "Un lead che soddisfa i criteri MQL concordati: il suo punteggio è pari o superiore alla soglia del modello di scoring pubblicato e non scatta alcun criterio di esclusione, quindi ha fatto capire cosa gli interessa e in che tempi. Diventato MQL, il lead passa a un commerciale, che deve accettarlo o rifiutarlo entro lo SLA.",
      example:
        "Il fleet manager di un'azienda di logistica con 120 furgoni che ha scaricato la guida sui costi del carburante, visitato due volte la pagina prezzi e chiesto una demo: 72 punti contro una soglia di 60.",
    },
    related: ["lead", "sql", "lead-scoring", "handoff", "sla"],
  },
  {
    key: "sql",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "SQL",
      synonyms: ["Sales Qualified Lead", "Sales-accepted lead"],
      definition:
        "An MQL that the assigned sales rep accepted as ready for direct follow-up (call, meeting, offer). The lead becomes SQL at the moment of acceptance, recorded with who and when; an MQL that was rejected or is still unanswered is not an SQL.",
      example:
        "Within two hours the rep calls the purchasing manager of a car dealer group, confirms budget for 30 diagnostic tablets this quarter and accepts the handoff.",
    },
    it: {
      name: "SQL",
      synonyms: ["Sales Qualified Lead", "Lead qualificato dalle vendite", "Lead accettato dalle vendite"],
      definition:
        "Un MQL che il commerciale assegnato ha accettato come maturo per un follow-up diretto (telefonata, incontro, offerta). Il lead diventa SQL nel momento dell'accettazione, registrata con autore e ora; un MQL rifiutato o ancora senza risposta non è un SQL.",
      example:
        "Entro due ore il commerciale chiama il responsabile acquisti di un gruppo di concessionarie, conferma il budget per 30 tablet diagnostici nel trimestre e accetta il lead.",
    },
    related: ["mql", "opportunity", "handoff", "acceptance-rate"],
  },
  {
    key: "opportunity",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "Opportunity",
      synonyms: ["Deal", "Open deal"],
      definition:
        "An SQL with a concrete deal in progress: a need confirmed by sales, an expected amount and an expected close date. It stays open until it is closed won (the lead becomes a customer) or closed lost (with a reason).",
      example:
        "A proposal of 48,000 EUR a year for route-planning software to a regional logistics carrier, expected to close by 31 March.",
    },
    it: {
      name: "Opportunità",
      synonyms: ["Trattativa", "Deal", "Trattativa aperta"],
      definition:
        "Un SQL con una trattativa concreta in corso: un'esigenza confermata dalle vendite, un importo e una data di chiusura previsti. Resta aperta finché non viene chiusa vinta (il lead diventa cliente) o persa (con il motivo).",
      example:
        "Un'offerta da 48.000 EUR l'anno per il software di pianificazione dei percorsi a un corriere regionale, con chiusura prevista entro il 31 marzo.",
    },
    related: ["sql", "customer", "lost", "bofu"],
  },
  {
    key: "customer",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "Customer",
      synonyms: ["Client", "Closed won"],
      definition:
        "A lead whose opportunity was closed won: a contract is signed or an order paid. The won amount counts at the close date and feeds ROI, CAC, attribution and the buyer persona's track record. A satisfied customer can go on to become a testimonial and an ambassador.",
      example:
        "An automotive parts distributor signs a 36,000 EUR annual subscription on 28 March and is a customer from that day.",
    },
    it: {
      name: "Cliente",
      synonyms: ["Trattativa vinta", "Closed won"],
      definition:
        "Un lead la cui opportunità è stata chiusa vinta: contratto firmato o ordine pagato. L'importo vinto si conta alla data di chiusura e alimenta ROI, CAC, attribuzione e lo storico della buyer persona. Un cliente soddisfatto può poi diventare testimonial e ambassador.",
      example:
        "Un distributore di ricambi auto firma il 28 marzo un abbonamento annuale da 36.000 EUR e da quel giorno è cliente.",
    },
    related: ["opportunity", "cac", "roi", "attribution"],
  },
  {
    key: "lost",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "Lost opportunity",
      synonyms: ["Closed lost", "Lost deal"],
      definition:
        "An opportunity closed without a sale, with a reason from the agreed list (price, competitor, no decision, timing, product fit). Lost reasons flow back to marketing by channel, campaign and persona; a lost lead may later return to nurturing.",
      example:
        "The opportunity with a software reseller is closed lost with reason 'competitor' after they chose a cheaper CRM add-on.",
    },
    it: {
      name: "Opportunità persa",
      synonyms: ["Trattativa persa", "Closed lost"],
      definition:
        "Un'opportunità chiusa senza vendita, con un motivo scelto dall'elenco concordato (prezzo, concorrente, nessuna decisione, tempi, prodotto non adatto). I motivi di perdita tornano al marketing per canale, campagna e buyer persona; un lead perso può in seguito tornare in nurturing.",
      example:
        "La trattativa con un rivenditore di software viene chiusa persa con motivo 'concorrente': ha scelto un componente aggiuntivo per il CRM più economico.",
    },
    related: ["opportunity", "closed-loop-reporting", "nurturing"],
  },
  {
    key: "disqualified-lead",
    category: "LIFECYCLE_STAGE",
    en: {
      name: "Disqualified lead",
      synonyms: ["Disqualified", "Unqualified lead"],
      definition:
        "A lead that cannot become a customer as things stand: it matches a disqualifier of the scoring model (competitor, student, invalid email) or sales rejected it as not a fit. It is no longer worked, and the reason is kept so marketing can fix its targeting.",
      example:
        "A demo request from a student writing a thesis on electric vans, stopped by the 'student' disqualifier before reaching sales.",
    },
    it: {
      name: "Lead squalificato",
      synonyms: ["Lead scartato", "Lead non qualificato"],
      definition:
        "Un lead che allo stato attuale non può diventare cliente: rientra in un criterio di esclusione del modello di scoring (concorrente, studente, email non valida) oppure le vendite lo hanno rifiutato perché fuori target. Non viene più lavorato e il motivo resta registrato, così il marketing può correggere il targeting.",
      example:
        "Una richiesta di demo da parte di uno studente che scrive la tesi sui furgoni elettrici, bloccata dal criterio di esclusione 'studente' prima di arrivare alle vendite.",
    },
    related: ["lead-scoring", "handoff", "acceptance-rate", "icp"],
  },

  // ───────────────────────────── Funnel ─────────────────────────────
  {
    key: "funnel",
    category: "PROCESS",
    en: {
      name: "Funnel",
      synonyms: ["Sales funnel", "Marketing funnel", "Pipeline"],
      definition:
        "The path from first contact to purchase, tracked as lifecycle stages: lead, MQL, SQL, opportunity, customer (roughly attraction, interest, consideration, decision, evaluation and purchase). Every stage change is logged, so counts per stage, conversion and time in stage trace back to the leads behind them.",
      example:
        "Last quarter a B2B software company had 2,000 leads, 240 MQLs, 150 SQLs, 60 opportunities and 21 customers.",
    },
    it: {
      name: "Funnel",
      synonyms: ["Imbuto di vendita", "Funnel di vendita", "Pipeline"],
      definition:
        "Il percorso dal primo contatto all'acquisto, seguito attraverso le fasi del ciclo di vita: lead, MQL, SQL, opportunità, cliente (all'incirca attrazione, interesse, considerazione, decisione, valutazione e acquisto). Ogni cambio di fase viene registrato, così conteggi, conversioni e tempi di permanenza risalgono ai lead che li compongono.",
      example:
        "Lo scorso trimestre un'azienda di software B2B ha avuto 2.000 lead, 240 MQL, 150 SQL, 60 opportunità e 21 clienti.",
    },
    related: ["tofu", "mofu", "bofu", "conversion-rate", "lead"],
  },
  {
    key: "tofu",
    category: "ACRONYM",
    en: {
      name: "TOFU",
      synonyms: ["Top of the funnel", "Top of funnel"],
      definition:
        "Top of the funnel: the attraction and interest phases, where traffic turns into first contacts (content, social, trade fairs). Owned mostly by marketing; measured in new leads, cost per lead and lead-to-MQL conversion.",
      example:
        "A blog article on cutting delivery-van fuel costs, promoted on LinkedIn, that brings 300 new leads a month.",
    },
    it: {
      name: "TOFU",
      synonyms: ["Top of the funnel", "Parte alta del funnel"],
      definition:
        "Top of the funnel, la parte alta del funnel: le fasi di attrazione e interesse, in cui il traffico genera i primi contatti (contenuti, social, fiere). È dominio soprattutto del marketing; si misura in nuovi lead, costo per lead e conversione da lead a MQL.",
      example:
        "Un articolo del blog su come ridurre i consumi dei furgoni, promosso su LinkedIn, che porta 300 nuovi lead al mese.",
    },
    related: ["funnel", "mofu", "bofu", "cpl"],
  },
  {
    key: "mofu",
    category: "ACRONYM",
    en: {
      name: "MOFU",
      synonyms: ["Middle of the funnel", "Middle of funnel"],
      definition:
        "Middle of the funnel: the consideration phase, where leads compare options and marketing nurtures them with deeper content until they reach the MQL threshold. Measured in lead-to-MQL conversion and time to MQL.",
      example:
        "A webinar comparing e-commerce platforms, attended by retail leads who already downloaded a buyer's guide.",
    },
    it: {
      name: "MOFU",
      synonyms: ["Middle of the funnel", "Parte centrale del funnel"],
      definition:
        "Middle of the funnel, la parte centrale del funnel: la fase di considerazione, in cui i lead confrontano le alternative e il marketing li coltiva con contenuti più approfonditi finché non raggiungono la soglia MQL. Si misura in conversione da lead a MQL e tempo per diventare MQL.",
      example:
        "Un webinar di confronto tra piattaforme e-commerce seguito da lead del retail che avevano già scaricato una guida all'acquisto.",
    },
    related: ["funnel", "tofu", "bofu", "nurturing"],
  },
  {
    key: "bofu",
    category: "ACRONYM",
    en: {
      name: "BOFU",
      synonyms: ["Bottom of the funnel", "Bottom of funnel"],
      definition:
        "Bottom of the funnel: the decision, evaluation and purchase phases, where sales turns SQLs into opportunities and customers. Owned mostly by sales; measured in SQL-to-customer conversion, share of opportunities won, won revenue and time to close.",
      example: "A tailored offer and a 30-day pilot on ten vehicles for a logistics SQL that asked for pricing.",
    },
    it: {
      name: "BOFU",
      synonyms: ["Bottom of the funnel", "Parte bassa del funnel"],
      definition:
        "Bottom of the funnel, la parte bassa del funnel: le fasi di decisione, valutazione e acquisto, in cui le vendite trasformano gli SQL in opportunità e clienti. È dominio soprattutto delle vendite; si misura in conversione da SQL a cliente, quota di trattative vinte, fatturato vinto e tempi di chiusura.",
      example:
        "Un'offerta su misura e un progetto pilota di 30 giorni su dieci veicoli per un SQL della logistica che ha chiesto i prezzi.",
    },
    related: ["funnel", "tofu", "mofu", "opportunity"],
  },

  // ───────────────────────────── Process ─────────────────────────────
  {
    key: "nurturing",
    category: "PROCESS",
    en: {
      name: "Lead nurturing",
      synonyms: ["Nurturing", "Nurture"],
      definition:
        "Marketing's planned follow-up of leads not yet ready for sales (useful content, emails, webinars) until their score reaches the MQL threshold. Leads that sales rejects for timing or missing budget go back to nurturing instead of being dropped.",
      example:
        "The IT manager of a retail chain, rejected with 'no budget this year', receives a monthly case study and returns as MQL when she registers for the spring webinar.",
    },
    it: {
      name: "Lead nurturing",
      synonyms: ["Nurturing", "Coltivazione dei lead"],
      definition:
        "Il percorso di contatti programmati con cui il marketing accompagna i lead non ancora pronti per le vendite (contenuti utili, email, webinar) finché il loro punteggio non raggiunge la soglia MQL. I lead rifiutati dalle vendite per tempi o budget tornano in nurturing invece di andare persi.",
      example:
        "La responsabile IT di una catena retail, rifiutata con 'nessun budget quest'anno', riceve ogni mese un caso di studio e torna MQL quando si iscrive al webinar di primavera.",
    },
    related: ["mofu", "mql", "lead-scoring", "handoff"],
  },
  {
    key: "lead-scoring",
    category: "PROCESS",
    en: {
      name: "Lead scoring",
      synonyms: ["Scoring model", "Qualification rules", "MQL criteria"],
      definition:
        "The versioned model that scores every lead: fit points for who they are (industry, size, title, persona match) plus behaviour points for what they do (demo requested, pricing page visited), with time decay, disqualifiers and the MQL threshold. Publishing a version re-scores all leads. Past about 10% qualified leads, raising quality further stops paying off (SalesFusion).",
      example:
        "Automotive industry +15, 50 to 500 employees +10, demo requested +30, pricing page visited +10 halving every 14 days, competitor domain disqualifies; MQL threshold 60.",
    },
    it: {
      name: "Lead scoring",
      synonyms: ["Punteggio dei lead", "Regole di qualificazione", "Criteri MQL"],
      definition:
        "Il modello versionato che assegna un punteggio a ogni lead: punti di fit per chi è (settore, dimensioni, ruolo, buyer persona) e punti di comportamento per ciò che fa (demo richiesta, pagina prezzi visitata), con decadimento nel tempo, criteri di esclusione e soglia MQL. Pubblicare una versione ricalcola tutti i punteggi. Oltre il 10% circa di lead qualificati, alzare ancora la qualità non ripaga (SalesFusion).",
      example:
        "Settore automotive +15, da 50 a 500 dipendenti +10, demo richiesta +30, pagina prezzi visitata +10 dimezzati ogni 14 giorni, dominio di un concorrente esclude; soglia MQL 60.",
    },
    related: ["mql", "buyer-persona", "icp", "disqualified-lead", "lead-velocity"],
  },
  {
    key: "buyer-persona",
    category: "PROCESS",
    en: {
      name: "Buyer persona",
      synonyms: ["Persona", "Customer persona"],
      definition:
        "A semi-fictional portrait of an ideal buyer, written by marketing and sales together: role, industry, company size, goals, pains, objections, buying triggers, preferred channels, plus the fit attributes lead scoring matches against. Sales feedback on won and rejected leads keeps it true to reality.",
      example:
        "'Francesca, Fleet Manager': runs 50 to 500 vans at a logistics company in northern Italy, wants lower fuel costs, fears vehicles standing still during the rollout.",
    },
    it: {
      name: "Buyer persona",
      synonyms: ["Persona", "Profilo del cliente tipo"],
      definition:
        "Il ritratto semi-immaginario di un acquirente ideale, scritto insieme da marketing e vendite: ruolo, settore, dimensione aziendale, obiettivi, problemi, obiezioni, fattori che fanno scattare l'acquisto, canali preferiti e attributi di fit usati dal lead scoring. Il feedback delle vendite sui lead vinti e rifiutati la mantiene aderente alla realtà.",
      example:
        "'Francesca, Fleet Manager': gestisce da 50 a 500 furgoni in un'azienda di logistica del Nord Italia, vuole ridurre i costi del carburante e teme il fermo dei mezzi durante l'avvio.",
    },
    related: ["icp", "lead-scoring", "closed-loop-reporting", "smarketing"],
  },
  {
    key: "icp",
    category: "ACRONYM",
    en: {
      name: "ICP",
      synonyms: ["Ideal Customer Profile"],
      definition:
        "Ideal Customer Profile: the type of company (industry, size, country, situation) that gets the most value from our offer and is the most profitable for us. The ICP describes companies; buyer personas describe the people who buy inside them.",
      example:
        "For a luxury-car dealer, someone looking for a small city car is outside the ICP: handing that lead to a salesperson wastes both teams' time.",
    },
    it: {
      name: "ICP",
      synonyms: ["Ideal Customer Profile", "Profilo del cliente ideale"],
      definition:
        "Ideal Customer Profile: il tipo di azienda (settore, dimensione, paese, situazione) che trae più valore dalla nostra offerta ed è più redditizia per noi. L'ICP descrive le aziende; le buyer persona descrivono le persone che al loro interno decidono l'acquisto.",
      example:
        "Per un concessionario di auto di lusso, chi cerca un'utilitaria è fuori dall'ICP: passarlo a un venditore fa perdere tempo, e quindi denaro, a entrambi i team.",
    },
    related: ["buyer-persona", "lead-scoring", "disqualified-lead"],
  },
  {
    key: "sla",
    category: "ACRONYM",
    en: {
      name: "SLA",
      synonyms: ["Service Level Agreement", "Marketing-sales SLA"],
      definition:
        "The written agreement between marketing and sales: sales accepts or rejects every handed-off MQL within an agreed number of business hours (workspace time zone and working days), and marketing delivers an agreed number of MQLs per month. The clock starts at assignment; a breach escalates to the manager and the lead is reassigned.",
      example:
        "Sales answers every MQL within 4 business hours (Rome time, Monday to Friday, 9:00 to 18:00); marketing delivers 120 MQLs a month to the software sales team.",
    },
    it: {
      name: "SLA",
      synonyms: ["Service Level Agreement", "Accordo sul livello di servizio", "Accordo marketing-vendite"],
      definition:
        "L'accordo scritto tra marketing e vendite: le vendite accettano o rifiutano ogni MQL ricevuto entro un numero concordato di ore lavorative (fuso orario e giorni lavorativi del workspace) e il marketing consegna un numero concordato di MQL al mese. Il conteggio parte dall'assegnazione; in caso di violazione scatta l'escalation al manager e il lead viene riassegnato.",
      example:
        "Le vendite rispondono a ogni MQL entro 4 ore lavorative (ora di Roma, dal lunedì al venerdì, 9-18); il marketing consegna 120 MQL al mese al team che vende il software.",
    },
    related: ["handoff", "sla-compliance", "response-time", "mql", "smarketing"],
  },
  {
    key: "handoff",
    category: "PROCESS",
    en: {
      name: "Handoff",
      synonyms: ["Lead handover", "Lead routing", "Lead assignment"],
      definition:
        "The moment an MQL is assigned to one sales rep (round-robin, or by persona or territory), who must accept it (it becomes SQL) or reject it with a reason within the SLA. Only the assigned rep answers, and only once. Every MQL gets an explicit answer: without alignment about 80% of marketing's leads are simply ignored.",
      example:
        "At 10:12 a demo request from a retail chain is assigned to Luca, who calls at 10:40 and accepts it at 11:03, well within the 4-hour SLA.",
    },
    it: {
      name: "Passaggio alle vendite",
      synonyms: ["Handoff", "Assegnazione del lead", "Passaggio di consegne"],
      definition:
        "Il momento in cui un MQL viene assegnato a un commerciale (a rotazione, oppure per buyer persona o territorio), che deve accettarlo (diventa SQL) o rifiutarlo con un motivo entro lo SLA. Risponde solo il commerciale assegnato, una volta sola. Ogni MQL riceve una risposta esplicita: senza allineamento circa l'80% dei lead del marketing viene semplicemente ignorato.",
      example:
        "Alle 10:12 una richiesta di demo di una catena retail viene assegnata a Luca, che chiama alle 10:40 e la accetta alle 11:03, ben dentro lo SLA di 4 ore.",
    },
    related: ["sla", "mql", "sql", "acceptance-rate", "response-time"],
  },
  {
    key: "closed-loop-reporting",
    category: "PROCESS",
    en: {
      name: "Closed-loop reporting",
      synonyms: ["Closed loop", "Outcome feedback loop"],
      definition:
        "Feeding what happens to every lead after the handoff (accepted or rejected and why, won with amount, lost with reason) back to marketing by channel, campaign and persona, so targeting, content and scoring rules improve. Nothing runs on autopilot: both teams review the loop regularly.",
      example:
        "Rejections for 'no budget' cluster on one paid-social campaign aimed at small shops, so marketing narrows the audience to retail chains with 20 or more stores.",
    },
    it: {
      name: "Closed-loop reporting",
      synonyms: ["Reporting a ciclo chiuso", "Feedback sugli esiti delle trattative"],
      definition:
        "Riportare al marketing cosa succede a ogni lead dopo il passaggio alle vendite (accettato o rifiutato e perché, vinto con importo, perso con motivo) per canale, campagna e buyer persona, così targeting, contenuti e regole di scoring migliorano. Niente va avanti col pilota automatico: i due team rivedono il ciclo con regolarità.",
      example:
        "I rifiuti per 'nessun budget' si concentrano su una campagna social a pagamento rivolta ai piccoli negozi, così il marketing restringe il pubblico alle catene con almeno 20 punti vendita.",
    },
    related: ["attribution", "handoff", "buyer-persona", "lost", "acceptance-rate"],
  },
  {
    key: "attribution",
    category: "PROCESS",
    en: {
      name: "Attribution",
      synonyms: ["Revenue attribution", "Marketing attribution"],
      definition:
        "Crediting won revenue to the campaigns that touched the customer: first touch (100% to the first campaign), last touch (100% to the last) or linear (1/n to each of n campaigns). Shown apart and never added: marketing-sourced revenue: won amounts of leads captured by a campaign; marketing-influenced revenue: won amounts of leads with any campaign touch before the win.",
      example:
        "A car dealer group first met us at a trade fair and last clicked a webinar email before signing: first touch credits the fair, last touch the webinar, linear half each.",
    },
    it: {
      name: "Attribuzione",
      synonyms: ["Attribuzione del fatturato", "Marketing attribution"],
      definition:
        "L'assegnazione del fatturato vinto alle campagne che hanno toccato il cliente: first touch (100% alla prima campagna), last touch (100% all'ultima) o lineare (1/n a ciascuna delle n campagne). Si mostrano separati e non si sommano mai: fatturato generato dal marketing: importi vinti dei lead acquisiti da una campagna; fatturato influenzato dal marketing: importi vinti dei lead con un contatto di una campagna prima della vittoria.",
      example:
        "Un gruppo di concessionarie ci ha conosciuti a una fiera e prima della firma ha cliccato per ultima un'email del webinar: il first touch premia la fiera, il last touch il webinar, il lineare metà ciascuno.",
    },
    related: ["roi", "campaign", "channel", "closed-loop-reporting"],
  },
  {
    key: "smarketing",
    category: "PROCESS",
    en: {
      name: "Smarketing",
      synonyms: ["Sales and marketing alignment", "Marketing and sales alignment"],
      definition:
        "Sales and marketing working as one team: one shared dictionary, buyer personas defined together, an SLA both sides keep, shared goals and one set of numbers judged on ROI. Aligned companies grow about 20% faster (Aberdeen) and close about 27% more sales (HubSpot).",
      example:
        "Every Monday the marketing and sales leads of a car-leasing company review the funnel, the rejection reasons and their shared goal of 25 new customers this quarter.",
    },
    it: {
      name: "Smarketing",
      synonyms: ["Allineamento vendite e marketing", "Allineamento marketing e vendite"],
      definition:
        "Vendite e marketing che lavorano come un'unica squadra: un dizionario condiviso, buyer persona definite insieme, uno SLA rispettato da entrambi, obiettivi comuni e un solo insieme di numeri valutati sul ROI. Le aziende allineate crescono circa il 20% più in fretta (Aberdeen) e chiudono circa il 27% di vendite in più (HubSpot).",
      example:
        "Ogni lunedì i responsabili marketing e vendite di una società di noleggio auto rivedono il funnel, i motivi di rifiuto e l'obiettivo comune di 25 nuovi clienti nel trimestre.",
    },
    related: ["sla", "buyer-persona", "closed-loop-reporting", "roi"],
  },

  // ───────────────────────────── Metrics ─────────────────────────────
  {
    key: "conversion-rate",
    category: "METRIC",
    en: {
      name: "Conversion rate",
      synonyms: ["Stage conversion", "Stage-to-stage conversion"],
      definition:
        "Leads entering stage k+1 ÷ leads entering stage k, for the same cohort. MQL-to-SQL conversion, for example, is MQLs created in the period that reached SQL ÷ MQLs created in the period; cohorts are used because current-stage counts are distorted when leads move backwards.",
      example:
        "Of 240 MQLs created in March by a car-parts retailer, 150 reached SQL: a 62.5% MQL-to-SQL conversion rate.",
    },
    it: {
      name: "Tasso di conversione",
      synonyms: ["Conversione tra fasi", "Conversion rate"],
      definition:
        "Lead entrati nella fase k+1 ÷ lead entrati nella fase k, per la stessa coorte. La conversione da MQL a SQL, per esempio, è data dagli MQL creati nel periodo arrivati a SQL ÷ MQL creati nel periodo; si usano le coorti perché i conteggi sulla fase attuale vengono falsati quando i lead tornano indietro.",
      example:
        "Dei 240 MQL creati a marzo da un rivenditore di ricambi auto, 150 sono arrivati a SQL: tasso di conversione MQL-SQL del 62,5%.",
    },
    related: ["funnel", "mql", "sql", "acceptance-rate"],
  },
  {
    key: "acceptance-rate",
    category: "METRIC",
    en: {
      name: "Acceptance rate",
      synonyms: ["MQL acceptance rate", "Handoff acceptance rate"],
      definition:
        "Handoffs accepted by sales ÷ (accepted + rejected) in the period. Its companion, the rejection mix, is rejects per reason ÷ all rejects, sliced by channel, campaign and persona: it shows why sales refuses marketing's leads.",
      example:
        "In May the software sales team accepted 84 handoffs and rejected 36: a 70% acceptance rate, with 'no budget' behind half of the rejections.",
    },
    it: {
      name: "Tasso di accettazione",
      synonyms: ["Tasso di accettazione degli MQL", "Acceptance rate"],
      definition:
        "Passaggi accettati dalle vendite ÷ (accettati + rifiutati) nel periodo. Lo affianca il mix dei rifiuti: rifiuti per motivo ÷ totale dei rifiuti, per canale, campagna e buyer persona, che mostra perché le vendite scartano i lead del marketing.",
      example:
        "A maggio il team commerciale del software ha accettato 84 passaggi e ne ha rifiutati 36: tasso di accettazione del 70%, con 'nessun budget' dietro metà dei rifiuti.",
    },
    related: ["handoff", "sql", "closed-loop-reporting", "disqualified-lead"],
  },
  {
    key: "sla-compliance",
    category: "METRIC",
    en: {
      name: "SLA compliance",
      synonyms: ["SLA adherence"],
      definition:
        "Assignments answered within the SLA ÷ assignments decided in the period, in business time. An assignment is decided when it is answered (in time or late) or when its due time passes unanswered (a breach, charged to the rep who held it). Each assignment has its own clock from its assignment: after a breach the next rep starts a new one. Reported per rep, the headline being the sum of the reps, next to median and 90th-percentile response times.",
      example:
        "Of 95 assignments decided in April at a logistics software vendor, 88 were answered in time: 92.6% SLA compliance, with 7 breaches escalated to the manager.",
    },
    it: {
      name: "Rispetto dello SLA",
      synonyms: ["SLA compliance", "Conformità allo SLA"],
      definition:
        "Assegnazioni con risposta entro lo SLA ÷ assegnazioni decise nel periodo, in ore lavorative. Un'assegnazione è decisa quando riceve risposta (in tempo o in ritardo) o quando la sua scadenza passa senza risposta (una violazione, attribuita al commerciale che la teneva). Ogni assegnazione ha il suo orologio dall'assegnazione: dopo una violazione il commerciale successivo ne inizia uno nuovo. Si riporta per commerciale, con il dato complessivo pari alla somma dei commerciali, accanto ai tempi di risposta mediano e al 90° percentile.",
      example:
        "Delle 95 assegnazioni decise ad aprile presso un fornitore di software per la logistica, 88 hanno avuto risposta in tempo: rispetto dello SLA al 92,6%, con 7 violazioni segnalate al manager.",
    },
    related: ["sla", "handoff", "response-time"],
  },
  {
    key: "response-time",
    category: "METRIC",
    en: {
      name: "Response time",
      synonyms: ["Speed to lead", "Time to first response"],
      definition:
        "Business time from a handoff's assignment to the rep's answer (accept or reject). Report the median and the 90th percentile, not only the average. Leads contacted within an hour are about seven times likelier to qualify than those contacted later.",
      example:
        "The reps of an automotive dealer group answer in a median of 35 minutes, but the 90th percentile is 6 hours because of leads arriving on Friday afternoon.",
    },
    it: {
      name: "Tempo di risposta",
      synonyms: ["Speed to lead", "Tempo di prima risposta"],
      definition:
        "Il tempo lavorativo tra l'assegnazione di un passaggio e la risposta del commerciale (accettazione o rifiuto). Si riportano mediana e 90° percentile, non solo la media. I lead contattati entro un'ora hanno circa sette volte più probabilità di qualificarsi di quelli contattati più tardi.",
      example:
        "I commerciali di un gruppo di concessionarie rispondono in una mediana di 35 minuti, ma il 90° percentile è di 6 ore per colpa dei lead che arrivano il venerdì pomeriggio.",
    },
    related: ["handoff", "sla", "sla-compliance"],
  },
  {
    key: "lead-velocity",
    category: "METRIC",
    en: {
      name: "Lead velocity rate",
      synonyms: ["LVR", "Lead velocity"],
      definition:
        "Month-on-month growth of qualified leads: (MQLs this month − MQLs last month) ÷ MQLs last month, counting MQL entries. A month still in progress is compared with the same days of the month before. Comparable only while the MQL definition is unchanged, so every figure records the scoring model version in force.",
      example:
        "A logistics software vendor had 120 MQLs in March and 132 in April under the same scoring model: a lead velocity rate of 10%.",
    },
    it: {
      name: "Lead velocity rate",
      synonyms: ["LVR", "Velocità di crescita dei lead"],
      definition:
        "La crescita mensile dei lead qualificati: (MQL di questo mese − MQL del mese scorso) ÷ MQL del mese scorso, contando gli ingressi in MQL. Un mese non ancora finito si confronta con gli stessi giorni del mese prima. È confrontabile solo finché la definizione di MQL non cambia, per questo ogni valore registra la versione del modello di scoring in vigore.",
      example:
        "Un fornitore di software per la logistica è passato da 120 MQL a marzo a 132 ad aprile con lo stesso modello di scoring: lead velocity rate del 10%.",
    },
    related: ["mql", "lead-scoring", "funnel"],
  },
  {
    key: "cpl",
    category: "METRIC",
    en: {
      name: "CPL",
      synonyms: ["Cost per lead"],
      definition:
        "Cost per lead: spend in the period ÷ new leads in the period. Cost per MQL and cost per SQL divide the same spend by MQLs and SQLs and say more about quality. Each campaign's spend is counted once.",
      example:
        "A 12,000 EUR stand at an automotive trade fair brings 300 leads and 30 MQLs: a CPL of 40 EUR and 400 EUR per MQL.",
    },
    it: {
      name: "CPL",
      synonyms: ["Costo per lead"],
      definition:
        "Costo per lead: spesa del periodo ÷ nuovi lead del periodo. Il costo per MQL e il costo per SQL dividono la stessa spesa per gli MQL e gli SQL e dicono di più sulla qualità. La spesa di ogni campagna si conta una sola volta.",
      example:
        "Uno stand da 12.000 EUR a una fiera dell'automotive porta 300 lead e 30 MQL: CPL di 40 EUR e 400 EUR per MQL.",
    },
    related: ["cac", "roi", "tofu", "campaign"],
  },
  {
    key: "cac",
    category: "METRIC",
    en: {
      name: "CAC",
      synonyms: ["Customer Acquisition Cost", "Cost per customer"],
      definition:
        "Customer Acquisition Cost: campaign spend recorded in the app in the period ÷ new customers won in the period. Today the app records campaign spend only: sales costs, tools and team costs are not in it, so this CAC is marketing's share of the full acquisition cost.",
      example:
        "A retail software company recorded 45,000 EUR of campaign spend in Q1 and won 40 new customers: a CAC of 1,125 EUR on campaign spend.",
    },
    it: {
      name: "CAC",
      synonyms: ["Customer Acquisition Cost", "Costo di acquisizione cliente"],
      definition:
        "Customer Acquisition Cost: spesa delle campagne registrata nell'app nel periodo ÷ nuovi clienti acquisiti nel periodo. Oggi l'app registra solo la spesa delle campagne: costi commerciali, strumenti e personale non sono inclusi, quindi questo CAC è la quota del marketing del costo di acquisizione completo.",
      example:
        "Un'azienda di software per il retail ha registrato 45.000 EUR di spesa delle campagne nel primo trimestre e acquisito 40 nuovi clienti: CAC di 1.125 EUR sulla spesa delle campagne.",
    },
    related: ["cpl", "roi", "customer"],
  },
  {
    key: "roi",
    category: "METRIC",
    en: {
      name: "ROI",
      synonyms: ["Return on investment"],
      definition:
        "Return on investment: (won revenue − campaign spend) ÷ campaign spend, for a channel, a campaign or the whole funnel in a period. Both teams are judged on ROI, not on revenue alone: sales figures without the spend behind them show only half the picture.",
      example:
        "A LinkedIn campaign for a logistics software product cost 10,000 EUR and led to 35,000 EUR of won revenue: an ROI of 250%.",
    },
    it: {
      name: "ROI",
      synonyms: ["Ritorno sull'investimento", "Return on investment"],
      definition:
        "Ritorno sull'investimento: (fatturato vinto − spesa delle campagne) ÷ spesa delle campagne, per un canale, una campagna o l'intero funnel in un periodo. Entrambi i team si valutano sul ROI, non sul solo fatturato: le vendite senza la spesa sostenuta per ottenerle restituiscono un'immagine a metà.",
      example:
        "Una campagna LinkedIn per un software di logistica è costata 10.000 EUR e ha portato 35.000 EUR di fatturato vinto: ROI del 250%.",
    },
    related: ["cac", "cpl", "attribution", "campaign"],
  },

  // ───────────────────────────── Channels ─────────────────────────────
  {
    key: "channel",
    category: "CHANNEL",
    en: {
      name: "Source channel",
      synonyms: ["Channel", "Lead source"],
      definition:
        "Where a lead first came from, chosen from a fixed list: organic search, paid search, social, email, events, referral, direct, partner, other. It is set at capture and kept for the lead's whole life, so every funnel, cost and ROI figure can be split by channel.",
      example:
        "A fleet manager met at a logistics trade fair and imported from the badge-scan file has Events as source channel.",
    },
    it: {
      name: "Canale di provenienza",
      synonyms: ["Canale", "Fonte del lead"],
      definition:
        "Da dove arriva un lead, scelto da un elenco fisso: ricerca organica, ricerca a pagamento, social, email, eventi, referral, diretto, partner, altro. Si registra all'acquisizione e resta per tutta la vita del lead, così ogni dato di funnel, costo e ROI si può suddividere per canale.",
      example:
        "Un fleet manager conosciuto a una fiera della logistica e importato dal file delle scansioni dei badge ha Eventi come canale di provenienza.",
    },
    related: ["campaign", "attribution", "cpl", "lead"],
  },
  {
    key: "campaign",
    category: "CHANNEL",
    en: {
      name: "Campaign",
      synonyms: ["Marketing campaign"],
      definition:
        "A named marketing initiative with one channel, dates and a recorded spend, such as a trade fair, a webinar series or an ad set. Leads and their events reference the campaign that produced them, so CPL, ROI and attribution can be computed per campaign.",
      example:
        "'Retail Tech Spring', a webinar series on the Email channel with 4,000 EUR of spend and 180 registrations from store chains.",
    },
    it: {
      name: "Campagna",
      synonyms: ["Campagna marketing"],
      definition:
        "Un'iniziativa di marketing con un nome, un canale, delle date e una spesa registrata, come una fiera, un ciclo di webinar o un gruppo di annunci. Lead ed eventi fanno riferimento alla campagna che li ha generati, così CPL, ROI e attribuzione si calcolano per campagna.",
      example:
        "'Retail Tech Spring', un ciclo di webinar sul canale Email con 4.000 EUR di spesa e 180 iscrizioni da catene di negozi.",
    },
    related: ["channel", "attribution", "roi", "cpl"],
  },
];
