import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureDatabase } from './pg.driver';

const server = process.env['DATABASE_URL'];
const describeWithServer = server || process.env['CI'] ? describe : describe.skip;

describeWithServer('ensureDatabase on a PostgreSQL server', () => {
  it('given several services starting at once on a fresh server, when each ensures the database they share, then every one finds it and none fails', async () => {
    if (!server) throw new Error('CI must run this suite; missing: DATABASE_URL (a PostgreSQL server)');
    const name = `ips_ensure_${randomBytes(4).toString('hex')}`;
    const url = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
    try {
      await expect(Promise.all(Array.from({ length: 8 }, () => ensureDatabase(url)))).resolves.toHaveLength(8);
    } finally {
      const admin = new Client({ connectionString: server });
      await admin.connect();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
