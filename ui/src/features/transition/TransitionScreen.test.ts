import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    planList: vi.fn(),
    planGet: vi.fn(),
    planItemsFilter: vi.fn(),
    orgSearch: vi.fn(),
    workspaceInfo: vi.fn(),
    profileList: vi.fn().mockResolvedValue([]),
    personGet: vi.fn().mockRejectedValue(new real.ApiError('not_found', 'not in this test')),
    assessmentList: vi.fn().mockResolvedValue([]),
  };
});
const api = await import('../../lib/api');
const state = await import('./transitionState');
const stores = await import('../../lib/stores');
const { default: TransitionScreen } = await import('./TransitionScreen.svelte');

// Ada's plans, newest first: IC leader, then the tech-lead one before it.
const [newer, older] = core.planListAda();
const ada = core.orgChildrenGrace().nodes.find((n) => n.name === 'Ada Lovelace')!;

beforeEach(() => {
  state.resetTransitionState();
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.planList).mockReset().mockResolvedValue(core.planListAda());
  vi.mocked(api.planItemsFilter).mockReset().mockImplementation(core.planItemsFilterFor);
  vi.mocked(api.planGet).mockReset().mockImplementation(async (id) => (id === older.id ? core.planTechLead() : core.plan()));
  vi.mocked(api.orgSearch).mockReset().mockImplementation(core.orgSearchFor);
});

describe('TransitionScreen', () => {
  it('lists the plans of the person picked, and opens the one clicked', async () => {
    render(TransitionScreen);
    expect(screen.getByTestId('transition-empty')).toBeTruthy();
    await fireEvent.input(screen.getByTestId('transition-person-search'), { target: { value: 'ada' } });
    await fireEvent.click(await screen.findByTestId('transition-person-search-result'));
    expect(api.planList).toHaveBeenCalledWith(ada.id);
    const rows = await screen.findAllByTestId('transition-plan-row');
    expect(rows.map((r) => r.getAttribute('data-plan-id'))).toEqual([String(newer.id), String(older.id)]);
    expect(rows[1].textContent).toContain('Tech lead');
    expect(rows[0].textContent).toContain(`1/${newer.items.length} done`);
    expect(screen.queryByTestId('plan-page')).toBeNull();
    await fireEvent.click(rows[1]);
    const page = await screen.findByTestId('plan-page');
    expect(page.getAttribute('data-plan-id')).toBe(String(older.id));
    expect(api.planGet).toHaveBeenCalledWith(older.id);
    expect(rows[1].getAttribute('aria-current')).toBe('true');
    expect(get(state.transitionPlanId)).toBe(older.id);
  });

  it('says so when the person has no plan yet', async () => {
    vi.mocked(api.planList).mockResolvedValue([]);
    state.transitionPerson.set({ id: ada.id, name: 'Ada Lovelace' });
    render(TransitionScreen);
    expect((await screen.findByTestId('transition-no-plans')).textContent).toContain('Ada Lovelace has no transition plan yet');
  });

  it('opens the wizard from "Start a transition" on the person shown', async () => {
    state.transitionPerson.set({ id: ada.id, name: 'Ada Lovelace' });
    render(TransitionScreen);
    await fireEvent.click(screen.getByTestId('transition-start'));
    expect(get(state.wizardOpen)).toBe(true);
    expect(await screen.findByTestId('transition-wizard')).toBeTruthy();
    expect(screen.getByTestId('wizard-person').getAttribute('data-person-id')).toBe(String(ada.id));
    expect(screen.queryByTestId('transition-start')).toBeNull();
    expect(screen.queryByTestId('transition-plan-row')).toBeNull();
    await fireEvent.click(screen.getByTestId('wizard-cancel'));
    expect(get(state.wizardOpen)).toBe(false);
    expect(await screen.findAllByTestId('transition-plan-row')).toHaveLength(2);
  });

  it('comes back to the plan that was open', async () => {
    state.transitionPerson.set({ id: ada.id, name: 'Ada Lovelace' });
    state.transitionPlanId.set(newer.id);
    render(TransitionScreen);
    await waitFor(() => expect(screen.getByTestId('plan-page').getAttribute('data-plan-id')).toBe(String(newer.id)));
  });

  it('in a workspace without people, offers to import or add someone', async () => {
    stores.workspace.set({ path: '/tmp/w.leadline', file_name: 'w.leadline', people: 0, teams: 0 });
    render(TransitionScreen);
    const empty = await screen.findByTestId('transition-no-people');
    expect(empty.textContent).toContain('Nobody to plan for yet');
    expect(screen.queryByTestId('transition-empty')).toBeNull();
    stores.workspace.set(undefined);
  });
});
