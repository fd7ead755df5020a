// The limits the core holds plans and practice templates to (hours an item
// may take, hours a week may add up to), asked from the core once: the forms
// show them before saving, and the core checks every save anyway.
import { readable } from 'svelte/store';

import * as api from './api';
import type { PlanLimits } from './bindings/PlanLimits';

let asked: Promise<PlanLimits> | null = null;

/** null until the core has answered (the forms then check only what is typed). */
export const planLimits = readable<PlanLimits | null>(null, (set) => {
  asked ??= api.planLimits();
  asked.then(set, () => {
    // Without an answer the core's refusal on saving still names the limit.
    asked = null;
  });
});
