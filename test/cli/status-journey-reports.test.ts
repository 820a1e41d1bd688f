// The journey at a glance (issue 10 item 5) in the status reports: --format markdown and --format html
// show, from the same status document as JSON, each batch's phase, what is next and what it waits for,
// and, once every batch is removed, the post-migration steps with the DNS the simulated tenant answers.
// In-process, on the simulator.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planYaml, tempDir } from '../config/helpers.js';
import { runCli } from '../helpers/in-process.js';

const csv = (p: string, k: number) => `EmailAddress\n${Array.from({ length: k }, (_, i) => `${p}${i}@contoso.com`).join('\n')}\n`;
const fixed = { now: () => new Date('2026-11-25T09:00:00Z') };

interface JourneyDoc { journey: { batches: Array<{ name: string; phase: string; next: string; waiting_for: string | null }>; all_removed: boolean; post_migration: Array<{ step: string; state: string }> | null } }

async function reports(cwd: string) {
  const [json, md, html] = await Promise.all(['json', 'markdown', 'html'].map((f) => runCli(['status', 'plan.yaml', '--format', f], { cwd, ...fixed })));
  for (const r of [json, md, html]) expect(r!.exitCode, r!.stderr).toBe(0);
  return { doc: JSON.parse(json!.stdout) as JourneyDoc, md: md!.stdout, html: html!.stdout };
}

describe('status reports show the journey', () => {
  it('per batch: phase, next and what it waits for; then the post-migration steps once every batch is removed', async () => {
    const cwd = tempDir({ 'plan.yaml': `${planYaml({ W1: 'w1.csv' })}  Held:\n    endpoint: StagedEndpoint\n    csv: w2.csv\n    state: stopped\n`, 'w1.csv': csv('a', 3), 'w2.csv': csv('b', 2) });
    expect((await runCli(['apply', 'plan.yaml', '--auto-approve'], { cwd, ...fixed })).exitCode).toBe(0);

    let { doc, md, html } = await reports(cwd);
    const [held, w1] = [doc.journey.batches.find((b) => b.name === 'Held')!, doc.journey.batches.find((b) => b.name === 'W1')!];
    expect(held.phase).toBe('created');
    expect(md).toContain('### Journey (seed steps 4-8)\n\n| Batch | Phase | Next | Waiting for |\n|---|---|---|---|\n');
    expect(md).toContain('| Held | created | start it: set \\`state: started\\`, then stagemig apply | — |');
    expect(md).toContain(`| W1 | ${w1.phase} | `);
    // No batch declares `license`: licences are not read (no Microsoft Graph), and the reports say so.
    expect(md).toContain('Licences: not read (no batch declares \\`license\\`, so stagemig does not sign in to Microsoft Graph); migrated mailboxes may still be unlicensed');
    expect(html).toContain('<p class="licences">Licences: not read (no batch declares `license`, so stagemig does not sign in to Microsoft Graph)');
    expect(md).not.toContain('Post-migration');
    expect(html).toContain('<tr data-journey="Held" data-phase="created"><td>Held</td><td>created</td><td>start it: set `state: started`, then stagemig apply</td><td>—</td></tr>');
    expect(html).not.toContain('Post-migration');

    // Synced: the next step names the plan file as the user gave it (the JSON keeps <plan>).
    expect((await runCli(['simulator', 'advance', 'plan.yaml', '6h'], { cwd, ...fixed })).exitCode).toBe(0);
    ({ doc, md, html } = await reports(cwd));
    expect(doc.journey.batches.find((b) => b.name === 'W1')).toMatchObject({ phase: 'synced', next: expect.stringContaining('stagemig convert <plan> --batch W1') });
    expect(md).toMatch(/\| W1 \| synced \| convert the on-premises mailboxes \(seed step 5\): stagemig convert plan\.yaml --batch W1, run the script on premises, then record \\`convertedAt\\` \| — \|/);
    expect(html).toContain('<td>convert the on-premises mailboxes (seed step 5): stagemig convert plan.yaml --batch W1, run the script on premises, then record `convertedAt`</td>');
    expect(md).toContain('Licences: not read (no batch declares \\`license\\`, so stagemig does not sign in to Microsoft Graph); migrated mailboxes may still be unlicensed');

    // Converted: licences come next (seed step 7); not read, so what they wait for cannot be counted.
    const simNow = (JSON.parse(readFileSync(join(cwd, '.stagemig', 'simulator.json'), 'utf8')) as { now: string }).now;
    const batch = (name: string, csvFile: string, extra: string[]) => [`  ${name}:`, '    endpoint: StagedEndpoint', `    csv: ${csvFile}`, ...extra.map((l) => `    ${l}`)].join('\n');
    writeFileSync(join(cwd, 'plan.yaml'), `${planYaml({})}${batch('W1', 'w1.csv', [`convertedAt: ${simNow}`])}\n${batch('Held', 'w2.csv', ['state: stopped'])}\n`);
    ({ doc, md, html } = await reports(cwd));
    expect(doc.journey.batches.find((b) => b.name === 'W1')).toMatchObject({ phase: 'converted', waiting_for: 'licences not read (no batch declares `license`)' });
    expect(md).toMatch(/\| W1 \| converted \| assign licences \(seed step 7\): declare \\`license\\` on the batch, or assign them yourself \| licences not read \(no batch declares \\`license\\`\) \|/);
    expect(html).toContain('<tr data-journey="W1" data-phase="converted">');
    // Once a batch declares `license`, licences are read: W1's are counted (it declares none itself).
    writeFileSync(join(cwd, 'plan.yaml'), `${planYaml({})}${batch('W1', 'w1.csv', [`convertedAt: ${simNow}`])}\n${batch('Held', 'w2.csv', ['state: stopped', 'license: {skuPartNumber: ENTERPRISEPACK, usageLocation: DE}'])}\n`);
    ({ doc, md, html } = await reports(cwd));
    expect(doc.journey.batches.find((b) => b.name === 'W1')).toMatchObject({ phase: 'converted', waiting_for: '0 of 3 mailboxes licensed' });
    expect(md).toMatch(/\| W1 \| converted \| assign licences \(seed step 7\): declare \\`license\\` on the batch, or assign them yourself \| 0 of 3 mailboxes licensed \|/);
    expect(md).toContain('Licences: 3 migrated mailboxes are unlicensed; the service disables a mailbox 30 days after its user was created.');

    // Licensed and asked to be removed: the gate (no sync since the conversion) is what it waits for.
    const removed = (name: string, csvFile: string) => batch(name, csvFile, ['state: removed', `convertedAt: ${simNow}`, 'license: {skuPartNumber: ENTERPRISEPACK, usageLocation: DE}']);
    writeFileSync(join(cwd, 'plan.yaml'), `${planYaml({})}${removed('W1', 'w1.csv')}\n${removed('Held', 'w2.csv')}\n`);
    expect((await runCli(['apply', 'plan.yaml', '--auto-approve'], { cwd, ...fixed })).exitCode).toBe(0);
    ({ doc, md, html } = await reports(cwd));
    const w1Licensed = doc.journey.batches.find((b) => b.name === 'W1')!;
    expect(w1Licensed.phase).toBe('licensed');
    expect(w1Licensed.waiting_for).toMatch(/not synced since the conversion/);
    expect(md).toContain(`| W1 | licensed | stagemig apply removes it once the gates open | ${w1Licensed.waiting_for} |`);
    expect(html).toContain(`<td>${w1Licensed.waiting_for}</td></tr>`);

    // A day later every mailbox has synced again: apply removes both batches, and step 8 follows.
    expect((await runCli(['simulator', 'advance', 'plan.yaml', '25h'], { cwd, ...fixed })).exitCode).toBe(0);
    expect((await runCli(['apply', 'plan.yaml', '--auto-approve', '--allow-remove', '--wait'], { cwd, ...fixed })).exitCode).toBe(0);
    writeFileSync(join(cwd, 'dns.yaml'), 'dns:\n  contoso.com: {mx: [contoso-com.mail.protection.outlook.com], autodiscover: autodiscover.outlook.com}\n');
    expect((await runCli(['simulator', 'faults', 'plan.yaml', 'dns.yaml'], { cwd, ...fixed })).exitCode).toBe(0);
    ({ doc, md, html } = await reports(cwd));
    expect(doc.journey.all_removed).toBe(true);
    expect(doc.journey.post_migration!.map((p) => [p.step, p.state])).toEqual([
      ['Autodiscover for contoso.com', 'done'], ['MX for contoso.com', 'done'], ['Migration endpoints', 'to do'], ['Decommission on-premises Exchange', 'unknown'],
    ]);
    expect(md).toContain('### Post-migration (seed step 8)\n\nEvery batch is removed.\n\n| Step | State | What |\n|---|---|---|\n');
    expect(md).toContain('| Autodiscover for contoso.com | done | CNAME autodiscover.contoso.com → autodiscover.outlook.com (now: autodiscover.outlook.com) |');
    expect(md).toContain('| Migration endpoints | to do | set \\`state: removed\\` on StagedEndpoint, then stagemig apply |');
    expect(html).toContain('<tr data-step="MX for contoso.com" data-state="done"><td>MX for contoso.com</td><td>done</td>');
    expect(html).toContain('<tr data-step="Decommission on-premises Exchange" data-state="unknown">');
  }, 60_000);

  it('escapes what the journey carries from the service and the plan in both reports', async () => {
    const cwd = tempDir({ 'plan.yaml': planYaml({ 'W_1|x': 'w1.csv' }), 'w1.csv': csv('a', 1) });
    const { md, html } = await reports(cwd);
    expect(md).toContain('| W\\_1\\|x | not created | stagemig apply creates it (seed step 4) | — |');
    expect(html).toContain('<tr data-journey="W_1|x" data-phase="not created">');
  });
});
