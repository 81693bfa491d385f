import { DataSource } from 'typeorm';

/** The teams the example playbooks route to; created on every first start (agents are the site's own). */
export const TEAMS = [
  { key: 'care', name: 'Care team' },
  { key: 'priority', name: 'Priority desk (VIPs and influencers)' },
  { key: 'engagement', name: 'Engagement queue' },
  { key: 'care-leads', name: 'Care team leads' },
] as const;

/**
 * Demo agents (embedded default only). One care agent declares no languages: someone
 * always answers a message in a language nobody else speaks. Capacities are open cases
 * at once; social care agents juggle many asynchronous conversations.
 */
export const DEMO_AGENTS = [
  {
    name: 'Alex Agent',
    email: 'agent@demo',
    signature: 'AA',
    teams: ['care', 'engagement'],
    skills: ['orders', 'billing'],
    languages: ['en'],
    capacity: 20,
  },
  {
    name: 'Sofia Reyes',
    email: 'sofia@demo',
    signature: 'SR',
    teams: ['care'],
    skills: ['orders', 'billing'],
    languages: ['en', 'es'],
    capacity: 20,
  },
  {
    name: 'Chris Taylor',
    email: 'chris@demo',
    signature: 'CT',
    teams: ['care', 'engagement'],
    skills: ['orders'],
    languages: [],
    capacity: 20,
  },
  {
    name: 'Morgan Lee',
    email: 'morgan@demo',
    signature: 'ML',
    teams: ['priority'],
    skills: ['vip', 'influencer', 'orders'],
    languages: ['en'],
    capacity: 10,
  },
  {
    name: 'Riley Chen',
    email: 'riley@demo',
    signature: 'RC',
    teams: ['priority'],
    skills: ['vip', 'influencer'],
    languages: [],
    capacity: 10,
  },
  {
    name: 'Taylor Brooks',
    email: 'lead@demo',
    signature: 'TB',
    teams: ['care-leads'],
    skills: ['escalations'],
    languages: [],
    capacity: 10,
  },
];

/** Idempotent: existing teams and agents (matched by key and e-mail) are left as a manager changed them. */
export async function seedAgents(db: DataSource, options: { demoUsers: boolean }): Promise<{ teams: string[]; agents: string[] }> {
  const report = { teams: [] as string[], agents: [] as string[] };
  for (const t of TEAMS) {
    const rows = await db.query(`INSERT INTO teams (key, name) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`, [
      t.key,
      t.name,
    ]);
    if (rows.length) report.teams.push(t.key);
  }
  if (!options.demoUsers) return report;
  for (const a of DEMO_AGENTS) {
    await db.transaction(async (tx) => {
      const rows = await tx.query(
        `INSERT INTO agents (name, email, signature, skills, languages, channels, capacity) VALUES ($1, $2, $3, $4, $5, '{}', $6) ON CONFLICT (email) DO NOTHING RETURNING id`,
        [a.name, a.email, a.signature, a.skills, a.languages, a.capacity],
      );
      if (!rows.length) return;
      await tx.query(`INSERT INTO agent_teams (agent_id, team_id) SELECT $1, id FROM teams WHERE key = ANY($2)`, [rows[0].id, a.teams]);
      report.agents.push(a.email);
    });
  }
  return report;
}
