// The whole flow against the dev mock host: start a transition for a manager,
// see the impact, create the plan, tick an item, and undo the structure change.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it } from 'vitest';

import * as api from '../../lib/api';
import { installMockHost } from '../../dev/mockHost';
import TransitionScreen from './TransitionScreen.svelte';
import { resetTransitionState } from './transitionState';

type Internals = { invoke: (cmd: string, args?: unknown, options?: unknown) => Promise<unknown> };

beforeAll(async () => {
  installMockHost();
  // The mock host has no `today` command; answer it with the date its own clock uses (UTC).
  const internals = (window as unknown as { __TAURI_INTERNALS__: Internals }).__TAURI_INTERNALS__;
  const invoke = internals.invoke.bind(internals);
  internals.invoke = (cmd, args, options) => (cmd === 'today' ? Promise.resolve(new Date().toISOString().slice(0, 10)) : invoke(cmd, args, options));
  await api.workspaceOpenDemo();
  resetTransitionState();
});

async function assessedManager() {
  for (const n of (await api.orgSearch('Engineering Manager', 200)).filter((x) => x.span >= 2)) {
    const list = await api.assessmentList(n.id, 'ai-native-ic-leader');
    if (list.some((a) => a.assessor_role === 'self' || a.assessor_role === 'manager')) return api.personGet(n.id);
  }
  throw new Error('the demo org should have an assessed manager with reports');
}

const enabled = (testid: string) => expect((screen.getByTestId(testid) as HTMLButtonElement).disabled).toBe(false);

describe('transition flow on the mock host', () => {
  it('creates a plan that moves the reports up, then undoes the move', { timeout: 20_000 }, async () => {
    const mgr = await assessedManager();
    render(TransitionScreen);
    await fireEvent.click(screen.getByTestId('transition-start'));
    await fireEvent.input(screen.getByTestId('wizard-person-search'), { target: { value: mgr.name } });
    const options = await screen.findAllByTestId('wizard-person-search-result', {}, { timeout: 3000 });
    await fireEvent.click(options.find((o) => o.getAttribute('data-person-id') === String(mgr.id))!);
    await waitFor(() => enabled('wizard-next'), { timeout: 3000 });
    await fireEvent.click(screen.getByTestId('wizard-next'));

    await screen.findByTestId('impact-after', {}, { timeout: 3000 });
    const managers = (side: string) => Number(within(screen.getByTestId(side)).getByTestId('impact-managers').querySelector('[data-value]')!.getAttribute('data-value'));
    expect(managers('impact-after')).toBe(managers('impact-before') - 1);
    const receiving = screen.getByTestId('impact-receiving');
    expect(receiving.getAttribute('data-person-id')).toBe(String(mgr.manager_id));
    expect(Number(receiving.getAttribute('data-span-after')) - Number(receiving.getAttribute('data-span-before'))).toBe(mgr.direct_reports);
    await waitFor(() => enabled('wizard-next'));
    await fireEvent.click(screen.getByTestId('wizard-next'));
    await fireEvent.click(screen.getByTestId('wizard-create'));

    const page = await screen.findByTestId('plan-page', {}, { timeout: 3000 });
    expect(within(page).getByTestId('plan-person').getAttribute('data-person-id')).toBe(String(mgr.id));
    expect(within(page).getByTestId('plan-from').textContent).toBe(`Manager of ${mgr.direct_reports}`);
    expect((await api.personGet(mgr.id)).direct_reports).toBe(0);
    const items = screen.getAllByTestId('plan-item');
    expect(items.length).toBeGreaterThan(1);
    expect(items[items.length - 1].getAttribute('data-checkpoint')).toBe('true');
    expect(screen.getAllByTestId('transition-plan-row')).toHaveLength(1);

    await fireEvent.click(within(items[0]).getByTestId('plan-item-check'));
    await waitFor(() => expect(screen.getAllByTestId('plan-item')[0].getAttribute('data-done')).toBe('true'), { timeout: 3000 });
    expect(screen.getAllByTestId('plan-phase-progress')[0].getAttribute('data-done')).toBe('1');

    await fireEvent.click(screen.getByTestId('plan-undo-structure'));
    await fireEvent.click(screen.getByTestId('plan-undo-confirm'));
    await screen.findByTestId('plan-structure-undone', {}, { timeout: 3000 });
    expect((await api.personGet(mgr.id)).direct_reports).toBe(mgr.direct_reports);
  });
});
