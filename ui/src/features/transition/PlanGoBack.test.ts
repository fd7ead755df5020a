// After a checkpoint decided to go back, the plan page starts the move back in the wizard.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, planGet: vi.fn(), planItemsFilter: vi.fn(), profileList: vi.fn(), auditList: vi.fn() };
});
const api = await import('../../lib/api');
const state = await import('./transitionState');
const { default: PlanPage } = await import('./PlanPage.svelte');

beforeEach(() => {
  state.resetTransitionState();
  vi.mocked(api.auditList).mockResolvedValue([]);
  vi.mocked(api.planItemsFilter).mockImplementation(core.planItemsFilterFor);
  vi.mocked(api.profileList).mockResolvedValue(core.profileList());
});

it('offers the move back only once the decision is "go back", and opens the wizard on a manager profile', async () => {
  const adjusted = core.planCheckpointAdjust();
  vi.mocked(api.planGet).mockResolvedValue(adjusted);
  const { unmount } = render(PlanPage, { planId: adjusted.id });
  await screen.findByTestId('plan-checkpoint');
  expect(screen.queryByTestId('plan-go-back')).toBeNull();
  unmount();

  vi.mocked(api.planGet).mockResolvedValue(core.planCheckpointGoBack());
  render(PlanPage, { planId: adjusted.id });
  await fireEvent.click(await screen.findByTestId('plan-go-back-start'));
  await waitFor(() => expect(get(state.wizardOpen)).toBe(true));
  // The plan is Ada Lovelace's move to IC leader: back means the manager profile.
  const manager = core.profileList().find((p) => p.key === 'engineering-manager')!;
  expect(get(state.wizardDraft)).toMatchObject({ person: { id: adjusted.person_id, name: 'Ada Lovelace' }, profileId: manager.id });
});
