import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, connectSocket, createStaff, signIn, startTestServer, waitFor, type TestServer } from '../test/harness.ts';

let t: TestServer;
const sockets: Socket[] = [];
const open = async (role: 'officer' | 'supervisor' | 'townhall') => {
  const staff = await createStaff(t.sql, role);
  const c = await signIn(t.base, staff.email);
  const socket = connectSocket(t.base, c.cookie);
  sockets.push(socket);
  await connected(socket);
  return { socket, staff };
};

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await t?.stop();
});

describe('who is on it', () => {
  it('tells every officer who has a report open, until they leave or disconnect', async () => {
    const julien = await open('officer');
    const claire = await open('supervisor');
    const first = await julien.socket.timeout(5000).emitWithAck('report:join', { report_id: 42 });
    expect(first.viewers.map((v: { staff_id: number }) => v.staff_id)).toEqual([julien.staff.id]);

    const seen = waitFor<{ report_id: number; viewers: Array<{ staff_id: number }> }>(julien.socket, 'report:presence');
    const second = await claire.socket.timeout(5000).emitWithAck('report:join', { report_id: 42 });
    expect(second.viewers.map((v: { staff_id: number }) => v.staff_id)).toEqual([julien.staff.id, claire.staff.id]);
    expect((await seen).viewers).toHaveLength(2);

    const left = waitFor<{ viewers: Array<{ staff_id: number }> }>(julien.socket, 'report:presence');
    claire.socket.emit('report:leave', { report_id: 42 });
    expect((await left).viewers.map((v) => v.staff_id)).toEqual([julien.staff.id]);

    await claire.socket.timeout(5000).emitWithAck('report:join', { report_id: 42 });
    const gone = new Promise<{ viewers: unknown[] }>((resolve) => {
      claire.socket.on('report:presence', (p: { report_id: number; viewers: unknown[] }) => {
        if (p.report_id === 42 && p.viewers.length === 1) resolve(p);
      });
    });
    julien.socket.close();
    expect((await gone).viewers).toHaveLength(1);
  });

  it('refuses presence to town-hall staff and junk report ids', async () => {
    const clerk = await open('townhall');
    expect(await clerk.socket.timeout(5000).emitWithAck('report:join', { report_id: 1 })).toEqual({ error: 'forbidden' });
    const officer = await open('officer');
    for (const report_id of [0, -1, 'abc', 1.5, null, 2 ** 40]) {
      expect(await officer.socket.timeout(5000).emitWithAck('report:join', { report_id })).toHaveProperty('error');
    }
  });
});
