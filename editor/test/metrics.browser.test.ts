/**
 * Browser test of the manager's live views on the real stack: the metrics page draws its
 * charts from interactions answered just now, and a declared crisis puts a banner on every
 * open page (an agent's too, through live events) until a manager stands it down from it.
 */
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { publishPinned, post, runId, until } from '../../api/test/support/cases';
import { api } from '../../api/test/support/http';
import { chain } from '../../api/test/support/playbooks';
import { baseUrl, launch, openPage, screenshot, unexpected } from './support/browser';
import { signIn } from './support/session';

jest.setTimeout(120_000);

let db: Client;
let browser: Browser;
const errors: string[] = [];
const replyKey = `metrics-browser-${runId}`;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  // Every message gets a reply at once: volume, response times and a channel breakdown to draw.
  await publishPinned(
    db,
    chain(replyKey, [
      { id: 'start', kind: 'start', next: 'next' },
      { id: 'draft', kind: 'draft', config: { source: 'template', template: 'acknowledge' }, next: 'next' },
      { id: 'send', kind: 'send', config: { visibility: 'public' }, next: 'sent', ends: ['failed'] },
      { id: 'end', kind: 'end' },
    ]),
  );
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await db?.end();
});

async function pageAs(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await signIn(context, baseUrl, email);
  return { context, page: await openPage(context, errors) };
}

test('the metrics page shows the figures and charts of interactions answered just now', async () => {
  const channels = ['x', 'facebook', 'x'];
  const ids: string[] = [];
  for (const [i, channel] of channels.entries()) {
    const { id } = await post({
      channel,
      externalId: `metrics-browser-${runId}-${i}`,
      author: { id: `metrics-browser-${runId}-${i}`, handle: `mia${i}`, name: `Mia Metrics${i}` },
      text: 'my order is late, where is it?',
      playbook: replyKey,
    });
    ids.push(id);
  }
  for (const id of ids) await until(id, (r) => r.status === 'completed');
  const summary = (await api('GET', '/api/metrics/summary', undefined, { as: 'manager@demo' })).body;
  expect(summary.volume.inbound).toBeGreaterThanOrEqual(3);

  const { context, page } = await pageAs('manager@demo');
  await page.goto(`${baseUrl}/metrics`);
  await page.getByTestId('metrics').waitFor();
  const inbound = Number(await page.getByTestId('kpi-inbound').locator('.kpi-value').textContent());
  expect(inbound).toBeGreaterThanOrEqual(3);
  // FRT has a value (replies went out), not the dash of "nothing measured".
  expect(await page.getByTestId('kpi-frt').locator('.kpi-value').textContent()).toMatch(/\d+ (s|min)/);

  // Each chart is drawn with data: bars for inbound and replies, per tier and per channel; lines for FRT/ART/AHT.
  await page.getByTestId('chart-volume').locator('.recharts-bar-rectangle').first().waitFor();
  expect(await page.getByTestId('chart-volume').locator('.recharts-legend-item').allTextContents()).toEqual([
    'Inbound messages',
    'Replies sent',
  ]);
  expect(await page.getByTestId('chart-volume').textContent()).toMatch(/[1-9]\d* replies/);
  expect(await page.getByTestId('chart-response-times').locator('.recharts-legend-item').allTextContents()).toEqual(['FRT', 'ART', 'AHT']);
  expect(await page.getByTestId('chart-response-times').locator('.recharts-line-dot').count()).toBeGreaterThan(0);
  // SLA and sentiment conversion over time: drawn, or saying the window has nothing due yet.
  expect(await page.getByTestId('chart-quality').textContent()).toMatch(/SLA attainment and sentiment conversion/);
  expect(await page.getByTestId('chart-tier').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
  const channelChart = page.getByTestId('chart-channel');
  expect(await channelChart.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(2);
  expect(await channelChart.textContent()).toContain('facebook');
  await screenshot(page, 'metrics');

  // A longer window per day still draws; the choice is a labelled control.
  await page.getByLabel('Window').selectOption('7d');
  await page.getByTestId('chart-volume').locator('.recharts-bar-rectangle').first().waitFor();
  expect(await page.getByTestId('metrics-interval').inputValue()).toBe('day');
  await context.close();
});

test("the workbench's Live tab counts the runs per node on the canvas, and lists a node's runs", async () => {
  const { context, page } = await pageAs('manager@demo');
  await page.goto(`${baseUrl}/playbooks/${replyKey}`);
  await page.getByTestId('tab-live').click();
  const counts = page.getByTestId('live-counts');
  await counts.waitFor();
  // The three messages of the first test ran start → draft → send → end.
  for (const node of ['start', 'draft', 'send', 'end'])
    expect(await counts.getByTestId(`live-row-${node}`).locator('td').first().textContent()).toBe('3');
  expect(await page.getByTestId('node-send-overlay').textContent()).toBe('3');
  expect(await page.getByTestId('live-summary').textContent()).toContain('3 runs');
  await counts.getByRole('button', { name: 'send' }).click();
  const list = page.getByTestId('live-node-runs');
  await list.waitFor();
  expect(await list.locator('li').count()).toBe(3);
  expect(await list.textContent()).toContain('→ sent');
  await screenshot(page, 'live-overlay');
  await context.close();
});

test('a declared crisis shows a banner on every open page, live, until a manager stands it down', async () => {
  const topic = `broken discount link ${runId}`;
  const agent = await pageAs('agent@demo');
  await agent.page.goto(`${baseUrl}/inbox`);
  await agent.page.getByTestId('live-status').getByText('Live').waitFor();
  expect(await agent.page.getByTestId('crisis-banner').count()).toBe(0);

  const manager = await pageAs('manager@demo');
  await manager.page.goto(`${baseUrl}/crises`);
  await manager.page.getByRole('textbox', { name: 'Topic' }).fill(topic);
  await manager.page.getByRole('button', { name: 'Declare crisis' }).click();
  const banner = manager.page.getByTestId(`crisis-${topic}`);
  await banner.waitFor();
  expect(await banner.textContent()).toContain(`Crisis: ${topic}`);
  await screenshot(manager.page, 'crisis-banner');

  // The agent's page hears the crisis.declared event: no reload.
  const agentBanner = agent.page.getByTestId(`crisis-${topic}`);
  await agentBanner.waitFor({ timeout: 15_000 });
  // Only managers may stand it down.
  expect(await agentBanner.getByRole('button').count()).toBe(0);
  await screenshot(agent.page, 'crisis-banner-agent');

  await banner.getByRole('button', { name: 'Stand down…' }).click();
  await banner.getByRole('button', { name: 'Yes, stand down' }).click();
  await banner.waitFor({ state: 'detached' });
  await agentBanner.waitFor({ state: 'detached', timeout: 15_000 });
  const crises = (await api('GET', '/api/crises', undefined, { as: 'manager@demo' })).body as any[];
  expect(crises.find((c) => c.topic === topic)).toMatchObject({ status: 'stood_down', stoodDownBy: 'manager@demo' });
  await agent.context.close();
  await manager.context.close();
});

test('no script errors in the browser', () => {
  expect(unexpected(errors)).toEqual([]);
});
