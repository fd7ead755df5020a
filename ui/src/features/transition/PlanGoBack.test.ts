// After a checkpoint decided to go back, the plan page starts the move back in the wizard.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, expect, it, vi } from 'vitest';

import type { RoleProfile } from '../../lib/bindings/RoleProfile';
import { plan } from '../../test/planFixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, planGet: vi.fn(), profileList: vi.fn(), auditList: vi.fn() };
});
const api = await import('../../lib/api');
const state = await import('./transitionState');
const { default: PlanPage } = await import('./PlanPage.svelte');

const profile = (id: number, key: string, name: string): RoleProfile => ({
  id,
  framework_key: 'ai-native-ic-leader',
  key,
  name,
  description: '',
  builtin: true,
  direction: key.includes('manager') ? 'to_manager' : 'to_ic',
  targets: {},
});

beforeEach(() => {
  state.resetTransitionState();
  vi.mocked(api.auditList).mockResolvedValue([]);
  vi.mocked(api.profileList).mockResolvedValue([profile(30, 'ic-leader', 'IC leader'), profile(31, 'engineering-manager', 'Engineering manager')]);
});

it('offers the move back only once the decision is "go back", and opens the wizard on a manager profile', async () => {
  vi.mocked(api.planGet).mockResolvedValue(plan({ checkpoint_decision: 'adjust' }));
  const { unmount } = render(PlanPage, { planId: 7 });
  await screen.findByTestId('plan-checkpoint');
  expect(screen.queryByTestId('plan-go-back')).toBeNull();
  unmount();

  vi.mocked(api.planGet).mockResolvedValue(plan({ checkpoint_decision: 'go_back' }));
  render(PlanPage, { planId: 7 });
  await fireEvent.click(await screen.findByTestId('plan-go-back-start'));
  await waitFor(() => expect(get(state.wizardOpen)).toBe(true));
  // The fixture plan is Ada Lovelace's (person 4) move to IC leader: back means the manager profile.
  expect(get(state.wizardDraft)).toMatchObject({ person: { id: 4, name: 'Ada Lovelace' }, profileId: 31 });
});
