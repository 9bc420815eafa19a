import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';

describe('sales over HTTPS', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('convert a lead with a deal, move the deal on the board, and lose it only with a reason (400 naming lostReason)', async () => {
    const lead = await s.api('leads.create', { firstName: 'Lin', lastName: 'Wu', company: 'Wu Trading 有限公司', email: 'lin@wu.example' });
    expect(lead.status).toBe(200);
    const converted = await s.api('leads.convert', { id: lead.body.id, opportunity: { name: 'Wu Trading fleet', amount: 8000 } });
    expect(converted.status).toBe(200);
    const { opportunityId } = converted.body;

    const board = await s.api('opportunities.board', {});
    const prospecting = board.body.columns.find((c: { stage: string }) => c.stage === 'Prospecting');
    const card = prospecting.cards.find((c: { id: string }) => c.id === opportunityId);
    expect(card).toMatchObject({ name: 'Wu Trading fleet', accountName: 'Wu Trading 有限公司', amount: 8000 });

    const moved = await s.api('opportunities.update', { id: card.id, version: card.version, patch: { stage: 'Proposal' } });
    expect(moved.body).toMatchObject({ stage: 'Proposal', probability: 50 });
    const refused = await s.api('opportunities.update', { id: card.id, version: moved.body.version, patch: { stage: 'Closed Lost' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'patch.lostReason', message: 'Required when a deal is lost' }] });
    const lost = await s.api('opportunities.update', { id: card.id, version: moved.body.version, patch: { stage: 'Closed Lost', lostReason: 'Went with a competitor' } });
    expect(lost.status).toBe(200);

    const report = await s.api('reports.sales', { groupBy: 'owner' });
    expect(report.body.totals).toMatchObject({ open: 0, won: 0, lost: 1, winRate: 0 });
    const updateLead = await s.api('leads.update', { id: lead.body.id, version: 2, patch: { title: 'CEO' } });
    expect(updateLead.status).toBe(409);

    const openapi = await s.http('GET', '/api/v1/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/api/v1/leads.convert', '/api/v1/opportunities.lineItems.set', '/api/v1/reports.sales']));
  });
});
