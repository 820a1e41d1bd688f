import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/plan/index.js';
import { Sensitive } from '../../../src/model/index.js';
import { commentText, renderPowershellRunbook } from '../../../src/render/runbook/powershell-runbook.js';
import { quotePs } from '../../../src/render/runbook/powershell-quote.js';
import { batch, desired, endpoint, live } from '../../helpers/states.js';

const HOSTILE = "Wave 'one' $(Remove-Item -Recurse /) `n; \"two\" ‘three’ Zürich";
const HOSTILE_NEWLINE = 'Wave\nRemove-Item /\r\n# x';

function hostilePlan() {
  const ep = endpoint({ name: "EP '$(x)'", username: "CONTOSO\\o'brien `$env:PATH", passwordEnv: 'ONPREM_PW' });
  const b1 = batch(HOSTILE, ["o'neil@contoso.com", 'zoë.müller@contoso.com'], {
    endpoint: ep.name, notificationEmails: ["ops'$(x)@contoso.com"],
  });
  b1.users[0]!.password = new Sensitive("Pa'ss$(whoami)`;");
  const b2 = batch(HOSTILE_NEWLINE, ['b@contoso.com'], { endpoint: ep.name, state: 'stopped' });
  const d = desired([b1, b2], [ep]);
  d.backend = {
    type: 'exchange-online', appId: "app'id", certificateFile: "/plans/o'brien/app.pfx", certificatePasswordEnv: 'EXO_CERT_PASSWORD',
    module: '/opt/StagemigSimulator/StagemigSimulator.psd1',
  };
  return { d, plan: buildPlan(d, live({ endpoints: [] })) };
}

describe('PowerShell runbook', () => {
  it('quotes every value as a single-quoted literal', () => {
    const { d, plan } = hostilePlan();
    const text = renderPowershellRunbook(plan, d);
    expect(text).toContain(`-Name ${quotePs(HOSTILE)}`);
    expect(text).toContain("'Wave ''one'' $(Remove-Item -Recurse /) `n; \"two\" ‘‘three’’ Zürich'");
    expect(text).toContain(`-Name ${quotePs(HOSTILE_NEWLINE)}`);
    expect(text).toContain(`-SourceEndpoint 'EP ''$(x)'''`);
    expect(text).toContain(`[pscredential]::new('CONTOSO\\o''brien \`$env:PATH', (Get-StagemigSecret 'ONPREM_PW'))`);
    expect(text).toContain(`-NotificationEmails @('ops''$(x)@contoso.com')`);
    // Files the YAML names are found relative to the plan folder ($PlanDir), not by this machine's path.
    expect(text).toContain("-CertificateFilePath (Join-Path $PlanDir 'o''brien/app.pfx') -CertificatePassword (Get-StagemigSecret 'EXO_CERT_PASSWORD')");
    expect(text).toContain("Import-Module '/opt/StagemigSimulator/StagemigSimulator.psd1'");
  });

  it('never contains a secret: passwords come from the environment and the CSV at run time', () => {
    const { d, plan } = hostilePlan();
    const text = renderPowershellRunbook(plan, d);
    expect(text).not.toContain('Pa\'ss');
    expect(text).not.toContain("Pa''ss");
    expect(text).not.toContain('whoami');
    expect(text).toContain("foreach ($name in @('EXO_CERT_PASSWORD','ONPREM_PW')) { $null = Get-StagemigSecret $name }");
    expect(text).toMatch(/\$csvData\d+ = Get-StagemigCsvData -Path \(Join-Path \$PlanDir 'batches\/Wave /);
    expect(text).toContain("    'o''neil@contoso.com'");
  });

  it('keeps comments on one line whatever the names hold', () => {
    const { d, plan } = hostilePlan();
    const comments = renderPowershellRunbook(plan, d).split('\n').filter((l) => /^\s*#/.test(l));
    expect(comments.some((l) => l.includes('batch.Wave\\nRemove-Item /\\r\\n# x'))).toBe(true);
    expect(commentText('a\u2028b\u0085c\u0000')).toBe('a\\u2028b\\u0085c\\u0000');
  });

  it('stops on the first error, names each step by address and always disconnects', () => {
    const { d, plan } = hostilePlan();
    const text = renderPowershellRunbook(plan, d);
    expect(text).toContain("$ErrorActionPreference = 'Stop'");
    const steps = text.split('\n').filter((l) => /^ {4}# \[\d+\/\d+\] /.test(l));
    expect(steps).toHaveLength(plan.steps.length);
    expect(steps[0]).toBe("    # [1/3] endpoint.EP '$(x)': new-endpoint");
    expect(text.indexOf('Connect-ExchangeOnline -AppId')).toBeLessThan(text.indexOf('try {'));
    expect(text.trimEnd().endsWith('finally {\n    Disconnect-ExchangeOnline -Confirm:$false\n}')).toBe(true);
  });

  it('says when there is nothing to do', () => {
    const d = desired([]);
    const text = renderPowershellRunbook(buildPlan(d, live()), d);
    expect(text).toContain('# Nothing to do');
    expect(text).not.toContain('Connect-ExchangeOnline');
  });
});
