import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return { ...real, metricsGet: vi.fn(), thresholdsSet: vi.fn(), workspaceInfo: vi.fn(), orgSearch: vi.fn() };
});
const api = await import('../../lib/api');
const stores = await import('../../lib/stores');
const { default: DashboardScreen } = await import('./DashboardScreen.svelte');

function value(testid: string) {
  return screen.getByTestId(testid).querySelector('[data-value]')?.getAttribute('data-value');
}

// The sample org: 10 people and 2 agents; Grace and Ada manage four each, Alan one.
const metrics = core.metrics;

beforeEach(() => {
  stores.workspace.set({ path: '/w.leadline', file_name: 'w.leadline', people: 20, teams: 1 });
  stores.dashboardScope.set(null);
  vi.mocked(api.metricsGet).mockReset().mockResolvedValue(metrics());
  vi.mocked(api.workspaceInfo).mockResolvedValue({ path: '/w.leadline', file_name: 'w.leadline', people: 20, teams: 1 });
});

describe('DashboardScreen', () => {
  it('shows each metric in its card, numbers as text and as data-value', async () => {
    render(DashboardScreen);
    await screen.findByTestId('metric-headcount');
    expect(api.metricsGet).toHaveBeenCalledWith(null);
    expect(value('metric-headcount')).toBe('10');
    expect(value('metric-ratio')).toBe('2.33');
    expect(screen.getByTestId('metric-ratio').textContent).toContain('2.33');
    expect(value('metric-span-mean')).toBe('3.00');
    expect(value('metric-span-median')).toBe('4');
    expect(value('metric-layers')).toBe('3');
    expect(value('metric-agents')).toBe('2');
    // every bar's number is also in a table
    const rows = within(screen.getByTestId('span-histogram-table')).getAllByTestId('span-histogram-row');
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()))).toEqual([
      ['1', '1'],
      ['4', '2'],
    ]);
  });

  it('draws the span histogram on a numeric axis, leaving gaps for spans nobody has', async () => {
    render(DashboardScreen);
    const chart = await screen.findByTestId('span-histogram');
    // The core reports spans 1 and 4; the axis runs 1..4 with 2 and 3 empty.
    expect(chart.querySelector('svg')?.getAttribute('data-columns')).toBe('4');
    const bars = within(chart).getAllByTestId('span-histogram-bar');
    expect(bars.map((b) => [b.getAttribute('data-key'), b.getAttribute('data-value')])).toEqual([
      ['1', '1'],
      ['4', '2'],
    ]);
    expect(chart.textContent).toContain('Span (human direct reports)');
    expect(chart.textContent).not.toContain('bins of');
  });

  it('bins a very wide span range and says so on the axis; every span stays in the table', async () => {
    const m = metrics();
    m.span_distribution = [
      { span: 2, managers: 3100 },
      { span: 6, managers: 9200 },
      { span: 300, managers: 1 },
    ];
    vi.mocked(api.metricsGet).mockResolvedValue(m);
    render(DashboardScreen);
    const chart = await screen.findByTestId('span-histogram');
    const columns = Number(chart.querySelector('svg')?.getAttribute('data-columns'));
    expect(columns).toBeLessThan(300);
    expect(chart.textContent).toMatch(/in bins of \d+/);
    const total = within(chart)
      .getAllByTestId('span-histogram-bar')
      .reduce((sum, b) => sum + Number(b.getAttribute('data-value')), 0);
    expect(total).toBe(3100 + 9200 + 1);
    const rows = within(screen.getByTestId('span-histogram-table')).getAllByTestId('span-histogram-row');
    expect(rows.map((r) => r.getAttribute('data-key'))).toEqual(['2', '6', '300']);
  });

  it('keeps 100k-sized counts readable: shortened on the bar, exact in its tooltip and in the table', async () => {
    const m = metrics();
    m.per_layer = [1, 12, 96, 780, 5210, 28431, 52190, 13280, 9000, 4200, 1800, 640, 120, 8];
    vi.mocked(api.metricsGet).mockResolvedValue(m);
    render(DashboardScreen);
    const chart = await screen.findByTestId('layer-chart');
    const labels = within(chart).getAllByTestId('layer-chart-value');
    const big = labels.find((l) => l.getAttribute('data-key') === '6')!;
    expect(big.textContent).toContain('28.4K');
    expect(big.querySelector('title')?.textContent).toBe('Layer 6: 28,431 people');
    const row = within(screen.getByTestId('layer-chart-table'))
      .getAllByTestId('layer-chart-row')
      .find((r) => r.getAttribute('data-key') === '6')!;
    expect(row.textContent).toContain('28,431');
  });

  it('shows a dash for the ratio when there are no managers', async () => {
    // Nobody manages anyone: the missing ratio is the point.
    vi.mocked(api.metricsGet).mockResolvedValue({ ...metrics(), managers: 0, ic_to_manager_ratio: null });
    render(DashboardScreen);
    await screen.findByTestId('metric-ratio');
    expect(screen.getByTestId('metric-ratio').textContent).toContain('—');
    expect(value('metric-ratio')).toBe('');
  });

  it('lists the first 100 flagged managers, then all on request', async () => {
    // 150 wide spans: how many is the point.
    const m = metrics();
    const flagged = m.flags.single_report[0];
    m.flags.wide = Array.from({ length: 150 }, (_, i) => ({ ...flagged, id: 100 + i, name: `Wide ${i}`, span: 20 + i }));
    vi.mocked(api.metricsGet).mockResolvedValue(m);
    render(DashboardScreen);
    const wide = await screen.findByTestId('flags-wide');
    expect(within(wide).getAllByTestId('flag-item').length).toBe(100);
    await fireEvent.click(within(wide).getByTestId('flags-wide-show-all'));
    expect(within(wide).getAllByTestId('flag-item').length).toBe(150);
  });

  it("a flagged name opens that person's page; the chart button beside it focuses them in the org chart", async () => {
    render(DashboardScreen);
    const single = await screen.findByTestId('flags-single');
    const alan = metrics().flags.single_report[0];
    await fireEvent.click(within(single).getByRole('button', { name: 'Alan Turing' }));
    expect(get(stores.selectedPerson)).toEqual({ id: alan.id, name: 'Alan Turing' });
    expect(get(stores.screen)).toBe('person');
    await fireEvent.click(within(single).getByRole('button', { name: 'Show Alan Turing in the org chart' }));
    expect(get(stores.orgFocusRequest)?.id).toBe(alan.id);
    expect(get(stores.screen)).toBe('org');
  });

  it("a role mismatch's name opens that person's page", async () => {
    render(DashboardScreen);
    const linus = metrics().role_mismatches[0];
    const list = await screen.findByTestId('role-mismatches');
    await fireEvent.click(within(list).getByRole('button', { name: linus.name }));
    expect(get(stores.selectedPerson)?.id).toBe(linus.id);
    expect(get(stores.screen)).toBe('person');
  });

  it('tells flagged namesakes apart with the host\'s words beside the name', async () => {
    // Katherine moved under Alexander the staff engineer, declared an IC: he has
    // one report and a role the structure contradicts; his title tells him
    // from the other Alexander. Alan and Linus have no namesakes.
    const m = core.metricsNamesakes();
    vi.mocked(api.metricsGet).mockResolvedValue(m);
    render(DashboardScreen);
    const namesakeOf = (row: HTMLElement) => row.querySelector('[data-testid="namesake"]')?.textContent ?? null;
    const single = within(await screen.findByTestId('flags-single')).getAllByTestId('flag-item');
    expect(single.map((r) => r.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Alan Turing span 1', 'Alexander · Staff Engineer span 1']);
    expect(single.map(namesakeOf)).toEqual([null, '· Staff Engineer']);
    const narrow = within(screen.getByTestId('flags-narrow')).getAllByTestId('flag-item');
    expect(narrow.map(namesakeOf)).toEqual([null, '· Staff Engineer']);
    const mismatches = within(screen.getByTestId('role-mismatches')).getAllByTestId('mismatch-item');
    expect(mismatches.map((r) => r.getAttribute('data-person-id'))).toEqual(m.role_mismatches.map((r) => String(r.id)));
    expect(mismatches.map(namesakeOf)).toEqual(['· Staff Engineer', null]);
    // The button still bears the name alone, and opens that Alexander's page.
    await fireEvent.click(within(single[1]).getByRole('button', { name: 'Alexander' }));
    expect(get(stores.selectedPerson)?.id).toBe(m.flags.single_report[1].id);
  });

  it('shows the host validation error when thresholds are refused', async () => {
    vi.mocked(api.thresholdsSet).mockRejectedValue({ kind: 'invalid_input', message: 'narrow must be below wide' });
    render(DashboardScreen);
    const narrow = await screen.findByTestId('thresholds-narrow');
    await fireEvent.input(narrow, { target: { value: '20' } });
    await fireEvent.click(screen.getByTestId('thresholds-save'));
    const alert = await within(screen.getByTestId('thresholds-editor')).findByTestId('error-alert');
    expect(alert.textContent).toContain('narrow must be below wide');
    expect(api.thresholdsSet).toHaveBeenCalledWith({ narrow_span_max: 20, wide_span_min: 8 });
  });

  it('reloads for a subtree scope and after a write', async () => {
    render(DashboardScreen);
    await screen.findByTestId('metric-headcount');
    stores.dashboardScope.set({ id: 42, name: 'Ada' });
    await waitFor(() => expect(api.metricsGet).toHaveBeenLastCalledWith(42));
    const calls = vi.mocked(api.metricsGet).mock.calls.length;
    stores.bumpRevision();
    await waitFor(() => expect(vi.mocked(api.metricsGet).mock.calls.length).toBe(calls + 1));
  });
});
