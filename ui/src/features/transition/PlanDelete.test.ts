// Deleting a whole plan: asked first, says the people it moved stay, and can be undone.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, planGet: vi.fn(), planItemsFilter: vi.fn(), planDelete: vi.fn(), planRestore: vi.fn(), auditList: vi.fn() };
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
  vi.mocked(api.planItemsFilter).mockImplementation(core.planItemsFilterFor);
});

it('deletes the plan after asking, says the moved people stay, and undo brings the plan back', async () => {
  const shown = core.plan();
  const deleted = core.planDeleted();
  vi.mocked(api.planGet).mockResolvedValue(shown);
  vi.mocked(api.planDelete).mockResolvedValue(deleted);
  vi.mocked(api.planRestore).mockResolvedValue(core.plan());
  state.transitionPlanId.set(shown.id);
  render(Toasts);
  render(PlanPage, { planId: shown.id });

  await fireEvent.click(await screen.findByTestId('plan-delete'));
  // The plan's structure change is not undone: the people it moved stay where they are.
  expect(screen.getByTestId('plan-delete-moves-stay')).toBeTruthy();
  expect(api.planDelete).not.toHaveBeenCalled();
  await fireEvent.click(screen.getByTestId('plan-delete-confirm'));

  await waitFor(() => expect(api.planDelete).toHaveBeenCalledWith(shown.id));
  expect(get(state.transitionPlanId)).toBeNull();
  await screen.findByTestId('plan-deleted-toast');
  await fireEvent.click(screen.getByTestId('plan-delete-undo'));
  await waitFor(() => expect(api.planRestore).toHaveBeenCalledWith(deleted));
  await waitFor(() => expect(get(state.transitionPlanId)).toBe(shown.id));
  await screen.findByTestId('plan-restored-toast');
});

it('keeps the plan when the dialog is cancelled', async () => {
  const shown = core.plan();
  vi.mocked(api.planGet).mockResolvedValue(shown);
  vi.mocked(api.planDelete).mockReset();
  render(PlanPage, { planId: shown.id });
  await fireEvent.click(await screen.findByTestId('plan-delete'));
  await fireEvent.click(screen.getByTestId('plan-delete-cancel'));
  expect(screen.queryByTestId('plan-delete-dialog')).toBeNull();
  expect(api.planDelete).not.toHaveBeenCalled();
});
