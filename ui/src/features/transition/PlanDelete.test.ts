// Deleting a whole plan: asked first, says the people it moved stay, and can be undone.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, expect, it, vi } from 'vitest';

import type { DeletedPlan } from '../../lib/bindings/DeletedPlan';
import { plan } from '../../test/planFixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, planGet: vi.fn(), planDelete: vi.fn(), planRestore: vi.fn(), auditList: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const state = await import('./transitionState');
const { default: PlanPage } = await import('./PlanPage.svelte');
const { default: Toasts } = await import('../../lib/components/Toasts.svelte');

beforeEach(() => {
  state.resetTransitionState();
  stores.toasts.set([]);
  vi.mocked(api.auditList).mockResolvedValue([]);
});

it('deletes the plan after asking, says the moved people stay, and undo brings the plan back', async () => {
  const shown = plan();
  const deleted: DeletedPlan = { undo_id: 9, plan: shown, positions: shown.items.map((_, i) => i) };
  vi.mocked(api.planGet).mockResolvedValue(shown);
  vi.mocked(api.planDelete).mockResolvedValue(deleted);
  vi.mocked(api.planRestore).mockResolvedValue(shown);
  state.transitionPlanId.set(7);
  render(Toasts);
  render(PlanPage, { planId: 7 });

  await fireEvent.click(await screen.findByTestId('plan-delete'));
  // The fixture's structure change (id 12) is not undone: its people stay where they are.
  expect(screen.getByTestId('plan-delete-moves-stay')).toBeTruthy();
  expect(api.planDelete).not.toHaveBeenCalled();
  await fireEvent.click(screen.getByTestId('plan-delete-confirm'));

  await waitFor(() => expect(api.planDelete).toHaveBeenCalledWith(7));
  expect(get(state.transitionPlanId)).toBeNull();
  await screen.findByTestId('plan-deleted-toast');
  await fireEvent.click(screen.getByTestId('plan-delete-undo'));
  await waitFor(() => expect(api.planRestore).toHaveBeenCalledWith(deleted));
  await waitFor(() => expect(get(state.transitionPlanId)).toBe(7));
  await screen.findByTestId('plan-restored-toast');
});

it('keeps the plan when the dialog is cancelled', async () => {
  vi.mocked(api.planGet).mockResolvedValue(plan());
  vi.mocked(api.planDelete).mockReset();
  render(PlanPage, { planId: 7 });
  await fireEvent.click(await screen.findByTestId('plan-delete'));
  await fireEvent.click(screen.getByTestId('plan-delete-cancel'));
  expect(screen.queryByTestId('plan-delete-dialog')).toBeNull();
  expect(api.planDelete).not.toHaveBeenCalled();
});
