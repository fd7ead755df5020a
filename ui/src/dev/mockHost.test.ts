// The mock host must answer the commands the way the UI now calls them.
import { beforeAll, describe, expect, it } from 'vitest';

import * as api from '../lib/api';
import { installMockHost } from './mockHost';

beforeAll(async () => {
  installMockHost();
  await api.workspaceOpenDemo();
});

describe('mock host', () => {
  it('pages org_children and reports the total', async () => {
    const roots = await api.orgChildren(null, 0, 50);
    expect(roots.total).toBe(1);
    const ceo = roots.nodes[0];
    const first = await api.orgChildren(ceo.id, 0, 3);
    expect(first).toMatchObject({ total: ceo.children, offset: 0 });
    expect(first.nodes.length).toBe(3);
    const next = await api.orgChildren(ceo.id, 3, 3);
    expect(next.nodes[0].id).not.toBe(first.nodes[0].id);
  });

  it('refuses org_children without offset and limit, as Tauri does', async () => {
    const err = await api.orgChildren(null, undefined as unknown as number, 50).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(api.ApiError);
    expect((err as api.ApiError).message).toContain('offset');
  });

  it('has no start error unless asked, and writes exports to typed paths', async () => {
    expect(await api.workspaceStartError()).toBeNull();
    expect(await api.exportWrite('csv', '/tmp/out.csv')).toBe('/tmp/out.csv');
    const err = await api.exportWrite('csv', '/root/out.csv').catch((e: unknown) => e);
    expect((err as api.ApiError).kind).toBe('io');
  });
});
