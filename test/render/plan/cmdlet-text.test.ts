import { describe, expect, it } from 'vitest';
import { formatStep } from '../../../src/render/plan/cmdlet-text.js';
import { quotePs } from '../../../src/render/runbook/powershell-quote.js';
import { newEndpointStep, newBatchStep, removeUserStep } from '../../../src/plan/cmdlets.js';
import { batch, endpoint } from '../../helpers/states.js';

describe('quotePs', () => {
  it('single-quotes and doubles every kind of single quote, so nothing expands', () => {
    expect(quotePs("O'Brien $(rm -rf /) `n")).toBe("'O''Brien $(rm -rf /) `n'");
    expect(quotePs('it\u2019s')).toBe("'it\u2019\u2019s'");
  });
});

describe('formatStep', () => {
  it('renders the exact cmdlet with the credential as (sensitive)', () => {
    expect(formatStep(newEndpointStep(endpoint()))).toBe(
      "New-MigrationEndpoint -Name 'StagedEndpoint' -ExchangeOutlookAnywhere -Autodiscover " +
        "-EmailAddress 'administrator@contoso.com' -Credentials (sensitive) " +
        '-MaxConcurrentMigrations 20 -MaxConcurrentIncrementalSyncs 10',
    );
  });

  it('names the CSV rows a batch receives and the switches it uses', () => {
    const b = batch('Wave1', ['a@x.com', 'b@x.com'], { notificationEmails: ['team@x.com'] });
    expect(formatStep(newBatchStep(b, ['a@x.com', 'b@x.com'], true))).toBe(
      "New-MigrationBatch -Name 'Wave1' -SourceEndpoint 'StagedEndpoint' -CSVData (2 rows from 'batches/Wave1.csv') " +
        "-NotificationEmails 'team@x.com' -AutoStart",
    );
    expect(formatStep(removeUserStep('Wave1', 'a@x.com'))).toBe("Remove-MigrationUser -Identity 'a@x.com' -Confirm:$false");
  });
});
