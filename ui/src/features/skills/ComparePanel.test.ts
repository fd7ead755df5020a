import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Comparison } from '../../lib/bindings/Comparison';
import { assessment } from '../../test/skillsFixtures';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, assessmentCompare: vi.fn() };
});
const api = await import('../../lib/api');
const state = await import('./skillsState');
const { default: ComparePanel } = await import('./ComparePanel.svelte');

const comparison: Comparison = {
  self_assessment_id: 3,
  manager_assessment_id: 5,
  skills: [
    { area: 'Directing work', skill_key: 'delegating-work', skill_name: 'Delegating', self_level: 4, manager_level: 2, difference: -2, self_note: 'I hand off a lot', manager_note: '<b>redoes</b> work' },
    { area: 'Directing work', skill_key: 'decomposing-work', skill_name: 'Breaking down', self_level: 3, manager_level: 4, difference: 1, self_note: '', manager_note: '' },
    { area: 'Leading people', skill_key: 'coaching', skill_name: 'Coaching', self_level: 3, manager_level: 3, difference: 0, self_note: '', manager_note: '' },
    { area: 'Leading people', skill_key: 'trust', skill_name: 'Trust', self_level: null, manager_level: 5, difference: null, self_note: '', manager_note: '' },
  ],
};

const list = [
  assessment({ id: 6, assessor_role: 'self', round: '2026-H2', assessed_on: '2026-08-01' }),
  assessment({ id: 5, assessor_role: 'manager', round: '2026-H1', assessed_on: '2026-04-02' }),
  assessment({ id: 3, assessor_role: 'self', round: '2026-H1', assessed_on: '2026-03-30' }),
  assessment({ id: 2, assessor_role: 'manager', round: '2025-H2', assessed_on: '2025-10-01' }),
];

function row(key: string) {
  return screen.getAllByTestId('compare-row').find((r) => r.getAttribute('data-skill-key') === key)!;
}
const cell = (key: string, testid: string) => row(key).querySelector(`[data-testid="${testid}"]`)!;

beforeEach(() => {
  state.compareRequest.set(null);
  vi.mocked(api.assessmentCompare).mockReset().mockResolvedValue(comparison);
});

describe('ComparePanel', () => {
  it('compares the same-round pair by default, side by side with the difference', async () => {
    render(ComparePanel, { assessments: list, loaded: true, onassess: vi.fn() });
    await screen.findByTestId('compare-table');
    expect(api.assessmentCompare).toHaveBeenCalledWith(3, 5);
    expect(cell('delegating-work', 'compare-self').getAttribute('data-value')).toBe('4');
    expect(cell('delegating-work', 'compare-manager').getAttribute('data-value')).toBe('2');
    expect(cell('delegating-work', 'compare-diff').getAttribute('data-value')).toBe('-2');
    expect(cell('delegating-work', 'compare-diff').textContent).toContain('−2');
    expect(cell('trust', 'compare-diff').getAttribute('data-value')).toBe('');
    expect(cell('trust', 'compare-self').textContent).toBe('—');
  });

  it('highlights differences of 2 or more strongly and of 1 mildly, and sums them up', async () => {
    render(ComparePanel, { assessments: list, loaded: true, onassess: vi.fn() });
    await screen.findByTestId('compare-table');
    expect(row('delegating-work').getAttribute('data-diff')).toBe('strong');
    expect(row('delegating-work').classList.contains('strong')).toBe(true);
    expect(row('decomposing-work').classList.contains('mild')).toBe(true);
    expect(row('coaching').classList.contains('mild') || row('coaching').classList.contains('strong')).toBe(false);
    const summary = screen.getByTestId('compare-summary');
    expect(summary.textContent).toContain('1 skill differs by 2 or more');
    expect(summary.getAttribute('data-strong')).toBe('1');
  });

  it('renders notes as text', async () => {
    render(ComparePanel, { assessments: list, loaded: true, onassess: vi.fn() });
    await screen.findByTestId('compare-table');
    expect(row('delegating-work').textContent).toContain('<b>redoes</b> work');
    expect(row('delegating-work').querySelector('b')).toBeNull();
  });

  it('opens on a requested pair and lets the user pick another', async () => {
    state.compareRequest.set({ selfId: 6, managerId: 2 });
    render(ComparePanel, { assessments: list, loaded: true, onassess: vi.fn() });
    await waitFor(() => expect(api.assessmentCompare).toHaveBeenCalledWith(6, 2));
    expect(screen.getByTestId('compare-round-mismatch')).toBeTruthy();
    await fireEvent.change(screen.getByTestId('compare-manager-select'), { target: { value: '5' } });
    await waitFor(() => expect(api.assessmentCompare).toHaveBeenLastCalledWith(6, 5));
  });

  it('says what is missing without a manager assessment', () => {
    const onassess = vi.fn();
    render(ComparePanel, { assessments: [list[0]], loaded: true, onassess });
    expect(screen.getByTestId('compare-missing').textContent).toContain('no manager assessment');
    expect(api.assessmentCompare).not.toHaveBeenCalled();
  });
});
