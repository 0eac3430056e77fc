/** The public JSON shape of a lead (API and CSV export share it). */
type LeadRow = {
  id: string;
  email: string;
  name: string;
  phone: string;
  company: string;
  title: string;
  industry: string;
  companySize: number | null;
  country: string;
  channel: string;
  campaignId: string | null;
  personaId: string | null;
  stage: string;
  fitScore: number;
  engagementScore: number;
  totalScore: number;
  qualifies: boolean;
  scoreExplanation: unknown;
  scoredAt: Date | null;
  ownerId: string | null;
  mqlAt: Date | null;
  sqlAt: Date | null;
  opportunityAt: Date | null;
  customerAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export function leadDto(lead: LeadRow) {
  return {
    id: lead.id,
    email: lead.email,
    name: lead.name,
    phone: lead.phone,
    company: lead.company,
    title: lead.title,
    industry: lead.industry,
    companySize: lead.companySize,
    country: lead.country,
    channel: lead.channel,
    campaignId: lead.campaignId,
    personaId: lead.personaId,
    stage: lead.stage,
    score: {
      fit: lead.fitScore,
      engagement: lead.engagementScore,
      total: lead.totalScore,
      qualifies: lead.qualifies,
      // A re-score (publish, nightly decay) moves this, not updatedAt (which follows the lead's own fields and stage).
      scoredAt: lead.scoredAt,
    },
    scoreExplanation: lead.scoreExplanation,
    ownerId: lead.ownerId,
    stageEnteredAt: { mql: lead.mqlAt, sql: lead.sqlAt, opportunity: lead.opportunityAt, customer: lead.customerAt },
    createdAt: lead.createdAt,
    updatedAt: lead.updatedAt,
  };
}
