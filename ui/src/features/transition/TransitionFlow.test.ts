// The whole flow on the transition screen, each screen leading to the next:
// start a transition for a manager, see the impact, create the plan, tick an
// item and undo the structure change. The host answers with what the core
// answered for the same steps on the sample workspace (test/core.ts).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import * as core from '../../test/core';

vi.mock('../../lib/api', async (orig) => {
  const real = await orig<typeof import('../../lib/api')>();
  return {
    ...real,
    orgSearch: vi.fn(),
    orgChildren: vi.fn(),
    personGet: vi.fn(),
    profileList: vi.fn(),
    assessmentList: vi.fn(),
    reorgPreview: vi.fn(),
    planCreate: vi.fn(),
    planPreview: vi.fn(),
    planList: vi.fn(),
    planGet: vi.fn(),
    planItemsFilter: vi.fn(),
    planItemCheck: vi.fn(),
    reorgUndo: vi.fn(),
    auditList: vi.fn(),
    workspaceInfo: vi.fn(),
    today: vi.fn(),
    placementCandidates: vi.fn(),
  };
});
const api = await import('../../lib/api');
const { default: TransitionScreen } = await import('./TransitionScreen.svelte');
const { resetTransitionState } = await import('./transitionState');

const ada = core.personAda();
const plan = core.plan();
const late = plan.items.find((i) => i.overdue)!;

/** Where the flow is: the host's answers change as it goes. */
let step: 'before' | 'created' | 'ticked' | 'undone';

/** Presses Create plan once the plan's preview has made it possible. */
async function create() {
  const button = screen.getByTestId('wizard-create') as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false));
  await fireEvent.click(button);
}

beforeEach(() => {
  resetTransitionState();
  step = 'before';
  vi.mocked(api.workspaceInfo).mockResolvedValue(null);
  // The shell's today: the day the plan fixture starts on.
  vi.mocked(api.today).mockResolvedValue(core.plan().start_date);
  vi.mocked(api.placementCandidates).mockResolvedValue(core.placementCandidatesAda());
  // A plan that fits unless a test says otherwise.
  vi.mocked(api.planPreview).mockReset().mockResolvedValue(core.planPreviewAdaTechLead());
  vi.mocked(api.orgSearch).mockImplementation(core.orgSearchFor);
  vi.mocked(api.orgChildren).mockResolvedValue(core.orgChildrenAda());
  vi.mocked(api.personGet).mockImplementation(async () => (step === 'before' || step === 'undone' ? core.personAda() : core.personAdaAfterPlan()));
  vi.mocked(api.profileList).mockResolvedValue(core.profileList());
  vi.mocked(api.assessmentList).mockResolvedValue(core.assessmentListAda());
  vi.mocked(api.reorgPreview).mockResolvedValue(core.reorgPreviewAdaToIc());
  vi.mocked(api.planCreate).mockImplementation(async () => {
    step = 'created';
    return core.plan();
  });
  // Before this plan, Ada had only her tech-lead plan.
  vi.mocked(api.planList).mockImplementation(async () => (step === 'before' ? [core.planTechLead()] : core.planListAda()));
  vi.mocked(api.planItemsFilter).mockReset().mockImplementation(core.planItemsFilterFor);
  vi.mocked(api.planGet).mockImplementation(async (id) =>
    id !== plan.id ? core.planTechLead() : step === 'ticked' ? core.planItemChecked() : step === 'undone' ? core.planStructureUndone() : core.plan(),
  );
  vi.mocked(api.planItemCheck).mockImplementation(async () => {
    step = 'ticked';
    return core.planItemChecked();
  });
  vi.mocked(api.reorgUndo).mockImplementation(async () => {
    step = 'undone';
    return core.structureChangeUndone();
  });
  vi.mocked(api.auditList).mockResolvedValue([]);
});

const enabled = (testid: string) => expect((screen.getByTestId(testid) as HTMLButtonElement).disabled).toBe(false);

describe('transition flow', () => {
  it('creates a plan that moves the reports up, ticks an item, then undoes the move', { timeout: 20_000 }, async () => {
    render(TransitionScreen);
    await fireEvent.click(screen.getByTestId('transition-start'));
    await fireEvent.input(screen.getByTestId('wizard-person-search'), { target: { value: 'ada' } });
    const options = await screen.findAllByTestId('wizard-person-search-result', {}, { timeout: 3000 });
    await fireEvent.click(options.find((o) => o.getAttribute('data-person-id') === String(ada.id))!);
    await waitFor(() => enabled('wizard-next'), { timeout: 3000 });
    await fireEvent.click(screen.getByTestId('wizard-next'));

    await screen.findByTestId('impact-after', {}, { timeout: 3000 });
    const managers = (side: string) => Number(within(screen.getByTestId(side)).getByTestId('impact-managers').querySelector('[data-value]')!.getAttribute('data-value'));
    expect(managers('impact-after')).toBe(managers('impact-before') - 1);
    const receiving = screen.getByTestId('impact-receiving');
    expect(receiving.getAttribute('data-person-id')).toBe(String(ada.manager_id));
    expect(Number(receiving.getAttribute('data-span-after')) - Number(receiving.getAttribute('data-span-before'))).toBe(ada.direct_reports);
    await waitFor(() => enabled('wizard-next'));
    await fireEvent.click(screen.getByTestId('wizard-next'));
    await create();

    const page = await screen.findByTestId('plan-page', {}, { timeout: 3000 });
    expect(api.planCreate).toHaveBeenCalledWith(expect.objectContaining({ person_id: ada.id, moves: plan.structure_change!.moves.map((m) => ({ person_id: m.person_id, to_manager: m.to })) }));
    expect(page.getAttribute('data-plan-id')).toBe(String(plan.id));
    expect(within(page).getByTestId('plan-person').getAttribute('data-person-id')).toBe(String(ada.id));
    expect(within(page).getByTestId('plan-from').textContent).toBe(`Manager of ${ada.direct_reports}`);
    const items = screen.getAllByTestId('plan-item');
    expect(items).toHaveLength(plan.items.length);
    expect(items[items.length - 1].getAttribute('data-checkpoint')).toBe('true');
    await waitFor(() => expect(screen.getAllByTestId('transition-plan-row')).toHaveLength(2));

    const item = () => screen.getAllByTestId('plan-item').find((el) => el.getAttribute('data-item-id') === String(late.id))!;
    await fireEvent.click(within(item()).getByTestId('plan-item-check'));
    await waitFor(() => expect(item().getAttribute('data-done')).toBe('true'), { timeout: 3000 });
    expect(api.planItemCheck).toHaveBeenCalledWith(plan.id, late.id, true);
    expect(screen.getAllByTestId('plan-phase-progress')[0].getAttribute('data-done')).toBe('2');

    await fireEvent.click(screen.getByTestId('plan-undo-structure'));
    await fireEvent.click(screen.getByTestId('plan-undo-confirm'));
    await screen.findByTestId('plan-structure-undone', {}, { timeout: 3000 });
    expect(api.reorgUndo).toHaveBeenCalledWith(plan.structure_change_id);
  });
});
