import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../dist/database/data-source';
import { seed } from '../dist/runtime/seed';
import { api } from './support/http';

/** A workspace on its own database has no demo users: its first admin comes from the environment, once. */
let db: DataSource;
beforeAll(async () => {
  db = new DataSource(dataSourceOptions(process.env.DATABASE_URL));
  await db.initialize();
});
afterAll(async () => {
  delete process.env.FIREBREAK_ADMIN_EMAIL;
  delete process.env.FIREBREAK_ADMIN_PASSWORD;
  await db.destroy();
});

test('FIREBREAK_ADMIN_EMAIL/PASSWORD create an admin only while there is none', async () => {
  process.env.FIREBREAK_ADMIN_EMAIL = 'First.Admin@Example.com';
  process.env.FIREBREAK_ADMIN_PASSWORD = 'a-long-first-password';
  // The demo admin exists in the test stack: nothing is created.
  expect((await seed(db, { demoUsers: false })).users).toEqual([]);

  await db.query(`UPDATE users SET role = 'manager' WHERE role = 'admin'`);
  try {
    expect((await seed(db, { demoUsers: false })).users).toEqual(['first.admin@example.com']);
    const login = await api(
      'POST',
      '/api/auth/login',
      { email: 'first.admin@example.com', password: 'a-long-first-password' },
      { as: null },
    );
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('admin');
    // Seeding again (every start) leaves that admin and their password alone.
    process.env.FIREBREAK_ADMIN_PASSWORD = 'another-long-password';
    expect((await seed(db, { demoUsers: false })).users).toEqual([]);
    process.env.FIREBREAK_ADMIN_PASSWORD = 'short';
    await db.query(`UPDATE users SET role = 'manager' WHERE role = 'admin'`);
    await expect(seed(db, { demoUsers: false })).rejects.toThrow(/at least 10 characters/);
  } finally {
    await db.query(`DELETE FROM users WHERE email = 'first.admin@example.com'`);
    await db.query(`UPDATE users SET role = 'admin' WHERE email = 'admin@demo'`);
  }
});
