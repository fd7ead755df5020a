import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, assessmentCompare: vi.fn() };
});
const api = await import('../../lib/api');
const state = await import('./skillsState');
const { default: ComparePanel } = await import('./ComparePanel.svelte');

// Ada's assessments, newest first: manager and self of 2026-H2, then of 2026-H1;
// the host's comparison of the 2026-H2 pair.
const list = core.assessmentListAda();
const [managerH2, selfH2, managerH1] = list;
const comparison = core.assessmentCompareAda();

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
    expect(api.assessmentCompare).toHaveBeenCalledWith(selfH2.id, managerH2.id);
    expect(cell('delegating-work', 'compare-self').getAttribute('data-value')).toBe('4');
    expect(cell('delegating-work', 'compare-manager').getAttribute('data-value')).toBe('2');
    expect(cell('delegating-work', 'compare-diff').getAttribute('data-value')).toBe('-2');
    expect(cell('delegating-work', 'compare-diff').textContent).toContain('−2');
    // Rated by the manager only.
    expect(cell('technical-judgment', 'compare-diff').getAttribute('data-value')).toBe('');
    expect(cell('technical-judgment', 'compare-self').textContent).toBe('—');
  });

  it('highlights differences of 2 or more strongly and of 1 mildly, and sums them up', async () => {
    render(ComparePanel, { assessments: list, loaded: true, onassess: vi.fn() });
    await screen.findByTestId('compare-table');
    expect(row('delegating-work').getAttribute('data-diff')).toBe('strong');
    expect(row('delegating-work').classList.contains('strong')).toBe(true);
    expect(row('coaching').classList.contains('mild')).toBe(true);
    expect(row('decomposing-work').classList.contains('mild') || row('decomposing-work').classList.contains('strong')).toBe(false);
    const summary = screen.getByTestId('compare-summary');
    expect(summary.textContent).toContain('1 skill differs by 2 or more');
    expect(summary.getAttribute('data-strong')).toBe('1');
  });

  it('renders notes as text', async () => {
    render(ComparePanel, { assessments: list, loaded: true, onassess: vi.fn() });
    await screen.findByTestId('compare-table');
    expect(row('delegating-work').textContent).toContain('<b>Redoes</b> what agents hand back');
    expect(row('delegating-work').querySelector('b')).toBeNull();
  });

  it('opens on a requested pair and lets the user pick another', async () => {
    state.compareRequest.set({ selfId: selfH2.id, managerId: managerH1.id });
    render(ComparePanel, { assessments: list, loaded: true, onassess: vi.fn() });
    await waitFor(() => expect(api.assessmentCompare).toHaveBeenCalledWith(selfH2.id, managerH1.id));
    expect(screen.getByTestId('compare-round-mismatch')).toBeTruthy();
    await fireEvent.change(screen.getByTestId('compare-manager-select'), { target: { value: String(managerH2.id) } });
    await waitFor(() => expect(api.assessmentCompare).toHaveBeenLastCalledWith(selfH2.id, managerH2.id));
  });

  it('says what is missing without a manager assessment', () => {
    const onassess = vi.fn();
    render(ComparePanel, { assessments: [selfH2], loaded: true, onassess });
    expect(screen.getByTestId('compare-missing').textContent).toContain('no manager assessment');
    expect(api.assessmentCompare).not.toHaveBeenCalled();
  });
});
