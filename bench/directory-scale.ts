// npm run bench: the simulator's directory of cloud recipients at 200,000 mailboxes (DESIGN §7), in this
// process. The figure was a timing assertion in test/backends/simulator/directory.test.ts (at most 10 s:
// linear is well under a second, quadratic takes minutes); the test keeps what the directory answers.
import { performance } from 'node:perf_hooks';
import { cloudDirectory, emptyState, invokeCmdlet, type SimState } from '../src/backends/simulator/index.js';

export const DIRECTORY_LIMIT_MS = 10_000;

function ok(state: SimState, cmdlet: string, parameters: Parameters<typeof invokeCmdlet>[1]['parameters']): SimState {
  const r = invokeCmdlet(state, { cmdlet, parameters });
  if (!r.result.ok) throw new Error(`${cmdlet} failed in the bench set-up`);
  return r.state;
}

/** Milliseconds to classify 200,000 provisioned mailboxes (100 batches × 2,000). */
export function directoryFigure(): { ms: number; mailboxes: number } {
  let s = ok(emptyState(new Date('2026-01-05T09:00:00Z')), 'New-MigrationEndpoint', {
    Name: 'StagedEndpoint', ExchangeOutlookAnywhere: true, Autodiscover: true, EmailAddress: 'administrator@contoso.com',
    Credentials: { credential: { username: 'CONTOSO\\administrator', password: 'bench-only' } },
  });
  s = ok(s, 'New-MigrationBatch', { Name: 'W', SourceEndpoint: 'StagedEndpoint', CSVData: { bytes: Buffer.from('EmailAddress\r\nseed@contoso.com\r\n').toString('base64') } });
  const [seed] = s.users;
  for (let b = 0; b < 100; b++) {
    for (let i = 1; i <= 2000; i++) s.users.push({ ...seed!, email: `w${b}-${String(i).padStart(4, '0')}@contoso.com`, batch: 'W', provisioned: true });
  }
  s.users.shift();
  const t = performance.now();
  const d = cloudDirectory(s);
  let mailboxes = 0;
  for (const u of s.users) if (d.kind(u.email) === 'mailbox') mailboxes += 1;
  return { ms: performance.now() - t, mailboxes };
}
