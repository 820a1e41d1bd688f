// The journey part of the `status` JSON document (snake_case like the rest of it).
import type { Journey } from '../../operations/journey.js';

export function toJourneyJson(j: Journey) {
  return {
    batches: j.batches.map((b) => ({ name: b.name, phase: b.phase, next: b.next, waiting_for: b.waitingFor ?? null })),
    licenses: j.licenses ? { unlicensed: j.licenses.unlicensed, alerts: j.licenses.alerts.map((a) => ({ ...a })) } : null,
    all_removed: j.allRemoved,
    post_migration: j.post ? j.post.map((p) => ({ ...p })) : null,
  };
}
