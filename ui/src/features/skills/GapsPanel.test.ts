import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { gapReport, gapRow, profiles } from '../../test/skillsFixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, profileList: vi.fn(), gapAnalysis: vi.fn() };
});
const api = await import('../../lib/api');
const { default: GapsPanel } = await import('./GapsPanel.svelte');

const person = { id: 4, name: 'Ada' };

function gapRowEl(key: string) {
  return screen.getAllByTestId('gap-row').find((r) => r.getAttribute('data-skill-key') === key)!;
}
const value = (key: string, testid: string) => gapRowEl(key).querySelector(`[data-testid="${testid}"]`)!.getAttribute('data-value');

beforeEach(() => {
  vi.mocked(api.profileList).mockReset().mockResolvedValue(profiles());
  vi.mocked(api.gapAnalysis).mockReset().mockResolvedValue(gapReport());
});

describe('GapsPanel', () => {
  it('opens on the IC leader profile of the framework', async () => {
    render(GapsPanel, { person, frameworkKey: 'ai-native-ic-leader' });
    await screen.findByTestId('radar-table');
    expect(api.profileList).toHaveBeenCalledWith('ai-native-ic-leader');
    expect(api.gapAnalysis).toHaveBeenCalledWith(4, 22);
    expect((screen.getByTestId('gaps-profile') as HTMLSelectElement).value).toBe('22');
    await fireEvent.change(screen.getByTestId('gaps-profile'), { target: { value: '21' } });
    await waitFor(() => expect(api.gapAnalysis).toHaveBeenLastCalledWith(4, 21));
  });

  it('draws a radar with an accessible name: an axis per skill and a shape per rated series', async () => {
    render(GapsPanel, { person, frameworkKey: 'ai-native-ic-leader' });
    const svg = await screen.findByTestId('radar-chart');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/Ada on 3 skills against the IC leader profile/);
    expect(svg.getAttribute('aria-label')).toContain('2 skills are below target');
    expect(svg.querySelectorAll('.axes line')).toHaveLength(3);
    expect([...svg.querySelectorAll('.series')].map((g) => g.getAttribute('data-series'))).toEqual(['target', 'manager', 'self', 'previous']);
    // five rings
    expect(svg.querySelectorAll('.rings path')).toHaveLength(5);
  });

  it('hides and shows a series from its legend button', async () => {
    render(GapsPanel, { person, frameworkKey: 'ai-native-ic-leader' });
    const svg = await screen.findByTestId('radar-chart');
    const self = screen.getByTestId('radar-legend-self');
    await fireEvent.click(self);
    expect(self.getAttribute('aria-pressed')).toBe('false');
    expect(svg.querySelector('[data-series="self"]')).toBeNull();
    await fireEvent.click(self);
    expect(svg.querySelector('[data-series="self"]')).not.toBeNull();
  });

  it('puts every number of the chart in the table', async () => {
    render(GapsPanel, { person, frameworkKey: 'ai-native-ic-leader' });
    await screen.findByTestId('radar-table');
    expect(screen.getAllByTestId('gap-row').map((r) => r.getAttribute('data-skill-key'))).toEqual(['delegating-work', 'decomposing-work', 'coaching']);
    expect(value('delegating-work', 'gap-value')).toBe('2');
    expect(value('delegating-work', 'gap-target')).toBe('4');
    expect(value('delegating-work', 'gap-self')).toBe('3');
    expect(value('delegating-work', 'gap-manager')).toBe('2');
    expect(value('delegating-work', 'gap-previous')).toBe('1');
    expect(value('delegating-work', 'gap-current')).toBe('2');
    expect(value('coaching', 'gap-previous')).toBe('');
    expect(gapRowEl('delegating-work').textContent).toContain('Wants to grow');
  });

  it('lists the gaps in the order the host ranked them', async () => {
    const r = gapReport();
    r.gaps = [gapRow({ skill_key: 'decomposing-work', skill_name: 'Breaking down big work', gap: 1 }), gapRow({ gap: 1 })];
    vi.mocked(api.gapAnalysis).mockResolvedValue(r);
    render(GapsPanel, { person, frameworkKey: 'ai-native-ic-leader' });
    const list = await screen.findByTestId('gaps-list');
    expect(within(list).getAllByTestId('gap-item').map((i) => i.getAttribute('data-skill-key'))).toEqual(['decomposing-work', 'delegating-work']);
  });

  it('shows only the targets before any assessment', async () => {
    const empty = gapReport({
      self_assessed_on: null,
      manager_assessed_on: null,
      previous_assessed_on: null,
      gaps: [],
      skills: gapReport().skills.map((s) => ({ ...s, current: null, self_level: null, manager_level: null, previous_level: null, gap: null, interest: null })),
    });
    vi.mocked(api.gapAnalysis).mockResolvedValue(empty);
    render(GapsPanel, { person, frameworkKey: 'ai-native-ic-leader' });
    await screen.findByTestId('gaps-not-assessed');
    expect(screen.getByTestId('gaps-none').textContent).toContain('Nothing rated');
    const svg = screen.getByTestId('radar-chart');
    expect([...svg.querySelectorAll('.series')].map((g) => g.getAttribute('data-series'))).toEqual(['target']);
    expect((screen.getByTestId('radar-legend-self') as HTMLButtonElement).disabled).toBe(true);
  });
});
