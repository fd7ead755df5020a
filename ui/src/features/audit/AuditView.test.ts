import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    auditGet: vi.fn(),
    auditDelete: vi.fn(),
    auditRestore: vi.fn(),
    planList: vi.fn(),
    planAddAuditActions: vi.fn(),
    workspaceInfo: vi.fn(),
  };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const state = await import('./auditState');
const { default: AuditView } = await import('./AuditView.svelte');
const { default: Toasts } = await import('../../lib/components/Toasts.svelte');

function stageRow(key: string) {
  return screen.getAllByTestId('audit-stage-row').find((el) => el.getAttribute('data-stage') === key)!;
}

function cell(key: string, testid: string) {
  return within(stageRow(key)).getByTestId(testid);
}

// Ada's audit of 2026-09-07, compared with hers of 2026-08-17.
const later = core.auditLater();
const earlier = core.auditEarlier();

beforeEach(() => {
  stores.toasts.set([]);
  state.resetAuditState();
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  vi.mocked(api.auditGet).mockReset().mockImplementation(async (id) => (id === earlier.id ? core.auditEarlier() : core.auditLater()));
  vi.mocked(api.planList).mockReset().mockResolvedValue(core.planListAda());
  vi.mocked(api.auditDelete).mockReset();
  vi.mocked(api.auditRestore).mockReset();
});

describe('AuditView', () => {
  it('lists the worst bottlenecks in order at the top', async () => {
    render(AuditView, { auditId: later.id, scales: core.auditScales(), ondeleted: vi.fn() });
    const worst = await screen.findByTestId('audit-worst');
    expect(worst.getAttribute('data-count')).toBe('3');
    expect(worst.textContent?.replace(/\s+/g, ' ').trim()).toBe('Worst bottlenecks: 1. Code review, 2. Bug fixing, 3. Strategy');
    expect(screen.getAllByTestId('audit-worst-item').map((li) => [li.getAttribute('data-stage'), li.getAttribute('data-rank')])).toEqual([
      ['code_review', '1'],
      ['bug_fixing', '2'],
      ['strategy', '3'],
    ]);
    expect(screen.getByTestId('audit-total').getAttribute('data-value')).toBe('11');
    expect(stageRow('code_review').getAttribute('data-rank')).toBe('1');
    expect(cell('code_review', 'audit-stage-rank').textContent).toBe('Bottleneck #1');
    expect(stageRow('planning').getAttribute('data-rank')).toBe('');
    expect(within(stageRow('planning')).queryByTestId('audit-stage-rank')).toBeNull();
  });

  it('shows each stage in words and numbers, with the change since the previous audit', async () => {
    render(AuditView, { auditId: later.id, scales: core.auditScales(), ondeleted: vi.fn() });
    await screen.findByTestId('audit-view');
    expect(screen.getByTestId('audit-previous').getAttribute('data-audit-id')).toBe(String(earlier.id));
    expect(screen.getAllByTestId('audit-stage-row').map((r) => r.getAttribute('data-stage'))).toEqual([
      'planning',
      'strategy',
      'prioritization',
      'bug_fixing',
      'code_generation',
      'code_review',
    ]);
    const slow = cell('bug_fixing', 'audit-stage-slowdown');
    expect(slow.getAttribute('data-value')).toBe('3');
    expect(slow.textContent).toBe('3 · Major');
    expect(cell('code_review', 'audit-stage-ai-use').textContent).toBe('3 · Used for most tasks');

    const better = cell('bug_fixing', 'audit-slowdown-change');
    expect([better.getAttribute('data-direction'), better.getAttribute('data-value')]).toEqual(['better', '4']);
    expect(better.textContent?.replace(/\s+/g, ' ').trim()).toBe('↓ better, was 4');
    expect(cell('strategy', 'audit-slowdown-change').textContent?.replace(/\s+/g, ' ').trim()).toBe('↑ worse, was 2');
    expect(cell('code_review', 'audit-slowdown-change').textContent?.trim()).toBe('no change');
    expect(cell('code_review', 'audit-ai-use-change').textContent?.replace(/\s+/g, ' ').trim()).toBe('↑ more AI, was 1');
    expect(cell('code_generation', 'audit-slowdown-change').getAttribute('data-direction')).toBe('new');
    expect(cell('code_generation', 'audit-slowdown-change').textContent?.trim()).toBe('not rated before');

    expect(stageRow('prioritization').getAttribute('data-rated')).toBe('false');
    expect(stageRow('prioritization').textContent).toContain('Not rated in this audit');

    const owner = cell('code_review', 'audit-stage-owner');
    expect([owner.getAttribute('data-person-id'), owner.getAttribute('data-kind')]).toEqual([String(later.stages.find((s) => s.stage === 'code_review')!.owner_id), 'agent']);
    expect(owner.textContent).toContain('Review bot');
    expect(owner.textContent).toContain('Agent');
    expect(cell('strategy', 'audit-stage-owner').textContent).not.toContain('Agent');
    expect(cell('code_review', 'audit-stage-next-change').textContent?.trim()).toBe('Agent pre-review of every change');

    const bars = screen.getAllByTestId('audit-chart-bar');
    expect(bars.map((b) => [b.getAttribute('data-stage'), b.getAttribute('data-value')])).toEqual([
      ['planning', '1'],
      ['strategy', '3'],
      ['prioritization', ''],
      ['bug_fixing', '3'],
      ['code_generation', '0'],
      ['code_review', '4'],
    ]);
  });

  it('says so for a first audit, with nothing to compare', async () => {
    render(AuditView, { auditId: earlier.id, scales: core.auditScales(), ondeleted: vi.fn() });
    expect((await screen.findByTestId('audit-first')).textContent).toContain('The first audit of Ada Lovelace');
    expect(screen.queryByTestId('audit-slowdown-change')).toBeNull();
    expect(screen.queryByTestId('audit-previous')).toBeNull();
  });

  it('says when no stage is a bottleneck', async () => {
    const calm = core.auditTeam();
    vi.mocked(api.auditGet).mockResolvedValue(calm);
    render(AuditView, { auditId: calm.id, scales: core.auditScales(), ondeleted: vi.fn() });
    expect((await screen.findByTestId('audit-no-bottleneck')).textContent).toContain('rated 2 (Noticeable) or higher');
    expect(screen.queryByTestId('audit-worst')).toBeNull();
    expect(screen.getByTestId('audit-plan-nothing')).toBeTruthy();
  });

  it('deletes the audit and undoes it from the toast', async () => {
    const deleted = core.auditDeleted();
    vi.mocked(api.auditDelete).mockResolvedValue(deleted);
    vi.mocked(api.auditRestore).mockResolvedValue(core.auditLater());
    const ondeleted = vi.fn();
    render(AuditView, { auditId: later.id, scales: core.auditScales(), ondeleted });
    render(Toasts);
    const rev = get(stores.revision);
    await fireEvent.click(await screen.findByTestId('audit-delete'));
    expect(api.auditDelete).toHaveBeenCalledWith(later.id);
    await waitFor(() => expect(ondeleted).toHaveBeenCalledWith(later.id));
    const toast = await screen.findByTestId('audit-deleted-toast');
    expect(toast.textContent).toContain('Deleted the audit of Ada Lovelace on 2026-09-07.');
    expect(get(stores.revision)).toBe(rev + 1);
    await fireEvent.click(within(toast).getByTestId('undo-button'));
    await waitFor(() => expect(api.auditRestore).toHaveBeenCalledWith(deleted));
    await screen.findByTestId('audit-restored-toast');
    expect(get(state.auditShown)).toBe(later.id);
    expect(get(stores.revision)).toBe(rev + 2);
  });

  it('reports a failed undo', async () => {
    vi.mocked(api.auditDelete).mockResolvedValue(core.auditDeleted());
    vi.mocked(api.auditRestore).mockRejectedValue({ kind: 'conflict', message: 'the audit of Ada Lovelace on 2026-09-07 is already there' });
    render(AuditView, { auditId: later.id, scales: core.auditScales(), ondeleted: vi.fn() });
    render(Toasts);
    await fireEvent.click(await screen.findByTestId('audit-delete'));
    await fireEvent.click(await screen.findByTestId('undo-button'));
    expect((await screen.findByTestId('error-toast')).textContent).toContain('is already there');
  });
});
