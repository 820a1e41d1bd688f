// The plan document the views render from, for a plan built in a test.
import type { Plan } from '../../src/plan/index.js';
import { toPlanDocument } from '../../src/render/plan/json-plan.js';
import type { PlanDocument } from '../../src/render/plan/json-plan-types.js';

export const planDoc = (plan: Plan): PlanDocument =>
  toPlanDocument(plan, { toolVersion: 'test', createdAt: null, planFile: 'stagemig.yaml', backend: null });
