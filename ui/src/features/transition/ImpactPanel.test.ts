// The receiving managers' spans, before and after, as the core reported them:
// highlighted when the manager is wide after the move, whether they become
// wide or were wide already.
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';

import * as core from '../../test/core';
import ImpactPanel from './ImpactPanel.svelte';

function receivingRow() {
  const row = screen.getByTestId('impact-receiving');
  return {
    row,
    spans: [row.getAttribute('data-span-before'), row.getAttribute('data-span-after')],
    cells: within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent?.trim()),
  };
}

describe('ImpactPanel', () => {
  it('marks a manager who becomes wide', () => {
    render(ImpactPanel, { preview: core.reorgPreviewAdaToIc() });
    const { row, spans, cells } = receivingRow();
    expect(spans).toEqual(['4', '8']);
    expect(cells).toEqual(['4', '→ 8', 'Becomes wide']);
    expect(row.classList.contains('wide')).toBe(true);
    expect(screen.queryByTestId('impact-already-wide')).toBeNull();
  });

  it('shows the growth of a manager who was wide already, and the flag the core wrote for it', () => {
    const preview = core.reorgPreviewAdaToIcGraceWide();
    render(ImpactPanel, { preview });
    const { row, spans, cells } = receivingRow();
    expect(spans).toEqual(['4', '8']);
    expect(row.getAttribute('data-becomes-wide')).toBe('false');
    expect(row.classList.contains('wide')).toBe(true);
    expect(cells).toEqual(['4', '→ 8', 'Already wide']);
    expect(screen.getByRole('columnheader', { name: /Wide span \(≥ 4\)/ })).toBeTruthy();
    const flags = within(screen.getByTestId('impact-new-flags'))
      .getAllByTestId('impact-new-flag')
      .map((li) => li.textContent);
    expect(flags).toContain("Grace Hopper's span grows from 4 to 8 (already wide, ≥ 4)");
  });

  it('does not highlight a manager who stays under the threshold', () => {
    render(ImpactPanel, { preview: core.reorgPreviewKatherineToManager() });
    const { row, cells } = receivingRow();
    expect(row.classList.contains('wide')).toBe(false);
    expect(cells[2]).toBe('No');
  });
});
