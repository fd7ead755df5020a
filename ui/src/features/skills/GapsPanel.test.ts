import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, profileList: vi.fn(), gapAnalysis: vi.fn() };
});
const api = await import('../../lib/api');
const { default: GapsPanel } = await import('./GapsPanel.svelte');

const ada = core.personAda();
const person = { id: ada.id, name: 'Ada' };
const profile = (key: string) => core.profileList().find((p) => p.key === key)!;

function gapRowEl(key: string) {
  return screen.getAllByTestId('gap-row').find((r) => r.getAttribute('data-skill-key') === key)!;
}
const value = (key: string, testid: string) => gapRowEl(key).querySelector(`[data-testid="${testid}"]`)!.getAttribute('data-value');

beforeEach(() => {
  vi.mocked(api.profileList).mockReset().mockResolvedValue(core.profileList());
  vi.mocked(api.gapAnalysis).mockReset().mockResolvedValue(core.gapAnalysisAda());
});

describe('GapsPanel', () => {
  it('opens on the IC leader profile of the framework', async () => {
    render(GapsPanel, { person, frameworkKey: 'ai-native-ic-leader' });
    await screen.findByTestId('radar-table');
    expect(api.profileList).toHaveBeenCalledWith('ai-native-ic-leader');
    expect(api.gapAnalysis).toHaveBeenCalledWith(ada.id, profile('ic-leader').id);
    expect((screen.getByTestId('gaps-profile') as HTMLSelectElement).value).toBe(String(profile('ic-leader').id));
    const manager = profile('engineering-manager').id;
    await fireEvent.change(screen.getByTestId('gaps-profile'), { target: { value: String(manager) } });
    await waitFor(() => expect(api.gapAnalysis).toHaveBeenLastCalledWith(ada.id, manager));
  });

  it('draws a radar with an accessible name: an axis per skill and a shape per rated series', async () => {
    render(GapsPanel, { person, frameworkKey: 'ai-native-ic-leader' });
    const svg = await screen.findByTestId('radar-chart');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toMatch(/Ada on 14 skills against the IC leader profile/);
    expect(svg.getAttribute('aria-label')).toContain('3 skills are below target');
    expect(svg.querySelectorAll('.axes line')).toHaveLength(14);
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
    expect(screen.getAllByTestId('gap-row').map((r) => r.getAttribute('data-skill-key'))).toEqual(core.gapAnalysisAda().skills.map((s) => s.skill_key));
    // Delegating: self 4, manager 2 (2 before, in 2026-H1), against a target of 4.
    const columns = ['gap-value', 'gap-target', 'gap-self', 'gap-manager', 'gap-previous', 'gap-current'];
    expect(columns.map((c) => value('delegating-work', c))).toEqual(['2', '4', '4', '2', '2', '2']);
    expect(value('giving-feedback', 'gap-previous')).toBe('');
    expect(gapRowEl('delegating-work').textContent).toContain('Wants to grow');
  });

  it('lists the gaps in the order the host ranked them', async () => {
    render(GapsPanel, { person, frameworkKey: 'ai-native-ic-leader' });
    const list = await screen.findByTestId('gaps-list');
    // Biggest first, coaching (2) before decomposing (1), unlike the framework's order.
    expect(within(list).getAllByTestId('gap-item').map((i) => i.getAttribute('data-skill-key'))).toEqual(['delegating-work', 'coaching', 'decomposing-work']);
  });

  it('shows only the targets before any assessment', async () => {
    // Linus was never assessed.
    vi.mocked(api.gapAnalysis).mockResolvedValue(core.gapAnalysisLinus());
    render(GapsPanel, { person, frameworkKey: 'ai-native-ic-leader' });
    await screen.findByTestId('gaps-not-assessed');
    expect(screen.getByTestId('gaps-none').textContent).toContain('Nothing rated');
    const svg = screen.getByTestId('radar-chart');
    expect([...svg.querySelectorAll('.series')].map((g) => g.getAttribute('data-series'))).toEqual(['target']);
    expect((screen.getByTestId('radar-legend-self') as HTMLButtonElement).disabled).toBe(true);
  });
});
