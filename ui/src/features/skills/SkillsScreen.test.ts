import { fireEvent, render, screen } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, frameworkList: vi.fn(), teamList: vi.fn(), profileList: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const state = await import('./skillsState');
const { default: SkillsScreen } = await import('./SkillsScreen.svelte');

beforeEach(() => {
  state.skillsView.set('person');
  state.resetSkillsState();
  vi.mocked(api.frameworkList).mockResolvedValue(core.frameworkList());
  vi.mocked(api.teamList).mockResolvedValue([]);
  vi.mocked(api.profileList).mockResolvedValue(core.profileList());
});

describe('SkillsScreen', () => {
  it('switches between the person, team and frameworks views', async () => {
    render(SkillsScreen);
    expect(screen.getByTestId('skills-tab-person').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('skills-person')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('skills-tab-team'));
    expect(screen.getByTestId('skills-team')).toBeTruthy();
    expect(screen.getByTestId('heatmap-empty')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('skills-tab-frameworks'));
    // The built-in framework and both versions of Platform craft.
    expect(await screen.findAllByTestId('framework-row')).toHaveLength(3);
    expect(screen.getByTestId('skills-tab-frameworks').getAttribute('tabindex')).toBe('0');
    expect(screen.getByTestId('skills-tab-person').getAttribute('tabindex')).toBe('-1');
  });

  it('forgets the chosen person when another workspace opens', () => {
    state.skillsPerson.set({ id: 4, name: 'Ada' });
    stores.workspaceChanged({ path: '/b.leadline', file_name: 'b.leadline', people: 1, teams: 0 });
    expect(get(state.skillsPerson)).toBeNull();
  });
});
