// Scenario keys of the tenant around the service (stagemig check): parsing, errors with positions, duplicates.
import { describe, expect, it } from 'vitest';
import { applyScenario, emptyState, faultsInForce, parseScenario } from '../../../src/backends/simulator/index.js';
import { faultLines } from '../../../src/render/simulator/faults-lines.js';

describe('scenario tenant keys', () => {
  it('reads accepted and federated domains, recipients and DNS answers', () => {
    const text = [
      'version: 1', 'acceptedDomains: [Contoso.com, fabrikam.com]', 'federatedDomains: [contoso.com]',
      'recipients:', '  Ann@Contoso.com: missing', '  bob@contoso.com: contact',
      'dns:', '  contoso.com:', '    mx: [contoso-com.mail.protection.outlook.com]', '    autodiscover: ""', '',
    ].join('\n');
    const { scenario, diagnostics } = parseScenario(text, 's.yaml');
    expect(diagnostics).toEqual([]);
    expect(scenario!.faults.recipients).toEqual({ 'ann@contoso.com': 'missing', 'bob@contoso.com': 'contact' });
    expect(scenario!.tenant).toEqual({
      acceptedDomains: ['contoso.com', 'fabrikam.com'], federatedDomains: ['contoso.com'],
      dns: { 'contoso.com': { mx: ['contoso-com.mail.protection.outlook.com'], autodiscover: '' } },
    });
    const applied = applyScenario(emptyState(new Date('2026-01-01T00:00:00Z')), scenario!);
    expect('state' in applied && faultLines(faultsInForce(applied.state))).toEqual([
      'address ann@contoso.com has no cloud recipient (directory sync did not create it)', 'address bob@contoso.com is held by a mail contact',
      'accepted domains: contoso.com, fabrikam.com', 'federated domains: contoso.com',
      'dns contoso.com: MX contoso-com.mail.protection.outlook.com, Autodiscover none',
    ]);
  });

  it('reports a bad value and a duplicate address with their line', () => {
    const { diagnostics } = parseScenario('version: 1\nrecipients:\n  a@contoso.com: gone\n  b@contoso.com: missing\n  b@contoso.com: mailbox\nacceptedDomains: [not a domain]\n', 's.yaml');
    expect(diagnostics.map((d) => `${d.range?.start.line}: ${d.summary}`).sort()).toEqual([
      '3: recipients.a@contoso.com must be one of: missing, mailUser, mailbox, contact, group',
      '5: Scenario file: Map keys must be unique ("b@contoso.com" appears twice in recipients)',
      '6: acceptedDomains: "not a domain" is not a domain name',
    ]);
  });
});
