import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArxivId } from '@/lib/arxiv/types';
import { emptyState, mergeState, type ReplicatedState } from '@/lib/store/merge';
import { Device, settle, type Edit } from './devices';
import { ManualClock, SyncServer } from './emulator';
import { replicated } from './replicated';

const YEAR = 365 * 24 * 60 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;
/** Device clocks: right, a year fast, a day slow. */
const SKEWS = [0, YEAR, -DAY];

const IDS = ['2602.22290', '2602.00004', 'hep-th/9901001'] as ArxivId[];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('star' as const, 'hide' as const, 'seen' as const), id: fc.constantFrom(...IDS), on: fc.boolean() }),
  fc.record({ kind: fc.constant('tag' as const), id: fc.constantFrom(...IDS), name: fc.constantFrom('ml', 'to read', '__proto__'), on: fc.boolean() }),
  fc.record({ kind: fc.constant('note' as const), id: fc.constantFrom(...IDS), text: fc.constantFrom('', 'first', 'second', 'ü ☃') }),
  fc.record({ kind: fc.constant('mark' as const), id: fc.constantFrom(...IDS), on: fc.boolean() }),
  fc.record({ kind: fc.constant('tagDef' as const), name: fc.constantFrom('ml', 'gpu'), color: fc.option(fc.constantFrom('#111111', '#222222'), { nil: undefined }) }),
  fc.record({ kind: fc.constant('rule' as const), id: fc.constantFrom('r1', 'r2'), pattern: fc.option(fc.constantFrom('consensus', 'gpu'), { nil: undefined }) }),
  fc.record({ kind: fc.constant('setting' as const), key: fc.constantFrom('theme', 'layout'), value: fc.option(fc.constantFrom<string | number | null>('dark', 2, null), { nil: undefined }) }),
);

type Action =
  | { do: 'edit'; device: number; edit: Edit }
  | { do: 'wait'; ms: number }
  | { do: 'sync' }
  | { do: 'offline' | 'online' | 'sleep' | 'restart'; device: number }
  | { do: 'redeliver'; device: number; index: number };

function actions(devices: number): fc.Arbitrary<Action[]> {
  const device = fc.integer({ min: 0, max: devices - 1 });
  const action: fc.Arbitrary<Action> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ do: fc.constant('edit' as const), device, edit }) },
    { weight: 2, arbitrary: fc.record({ do: fc.constant('wait' as const), ms: fc.constantFrom(500, 5_000, 61_000) }) },
    { weight: 2, arbitrary: fc.record({ do: fc.constant('sync' as const) }) },
    { weight: 1, arbitrary: fc.record({ do: fc.constantFrom('offline' as const, 'online' as const, 'sleep' as const, 'restart' as const), device }) },
    { weight: 1, arbitrary: fc.record({ do: fc.constant('redeliver' as const), device, index: fc.nat() }) },
  );
  return fc.array(action, { minLength: 1, maxLength: 40 });
}

/** Runs `script` on `count` devices, then lets everything settle; returns the devices and every edit's result merged. */
async function run(count: number, script: readonly Action[]): Promise<{ devices: Device[]; oracle: ReplicatedState }> {
  const clock = new ManualClock();
  const server = new SyncServer(clock);
  const devices = SKEWS.slice(0, count).map((skew, i) => new Device(server, `device-${i}`, clock, skew));
  for (const device of devices) await device.engine.start();
  const oracle = emptyState();
  const asleep = new Set<number>();
  for (const step of script) {
    switch (step.do) {
      case 'edit': {
        const device = devices[step.device]!;
        device.edit(step.edit);
        mergeState(oracle, structuredClone(device.replica.state));
        break;
      }
      case 'wait':
        await settleFor(clock, step.ms);
        break;
      case 'sync':
        server.sync();
        await drainAll();
        break;
      case 'offline':
      case 'online':
        devices[step.device]!.area.online = step.do === 'online';
        break;
      case 'sleep':
        devices[step.device]!.sleep();
        asleep.add(step.device);
        break;
      case 'restart':
        await devices[step.device]!.restart();
        asleep.delete(step.device);
        break;
      case 'redeliver':
        devices[step.device]!.area.redeliver(step.index);
        await drainAll();
        break;
    }
  }
  for (const device of devices) device.area.online = true;
  for (const index of asleep) await devices[index]!.restart();
  await settle(server, clock);
  return { devices, oracle };
}

async function drainAll(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function settleFor(clock: ManualClock, ms: number): Promise<void> {
  const until = clock.now() + ms;
  for (let due = clock.nextDue(); due !== undefined && due <= until; due = clock.nextDue()) {
    clock.runDue(due);
    await drainAll();
  }
  clock.runDue(until);
  await drainAll();
}

describe('convergence over the emulated sync area', () => {
  it.each([2, 3])('any interleaving of edits, syncs, outages, restarts and repeated events on %i devices ends in one state with no edit lost', async (count) => {
    await fc.assert(
      fc.asyncProperty(actions(count), async (script) => {
        const { devices, oracle } = await run(count, script);
        const expected = replicated(oracle);
        for (const device of devices) expect(replicated(device.replica.state)).toBe(expected);
      }),
      { numRuns: count === 2 ? 60 : 40 },
    );
  }, 120_000);
});

describe('the merge as a state CRDT', () => {
  /** States three devices reach by editing and merging in random order. */
  const histories = fc.array(
    fc.oneof(
      fc.record({ do: fc.constant('edit' as const), device: fc.integer({ min: 0, max: 2 }), edit }),
      fc.record({ do: fc.constant('merge' as const), from: fc.integer({ min: 0, max: 2 }), to: fc.integer({ min: 0, max: 2 }) }),
    ),
    { maxLength: 40 },
  );

  it('gives the same result whatever the order and however often states are merged', async () => {
    await fc.assert(
      fc.asyncProperty(histories, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 9 }), async (history, order) => {
        const clock = new ManualClock();
        const server = new SyncServer(clock);
        // Two devices with the same clock, editing seconds apart: ties of equal stamps are common.
        const devices = [0, 0, YEAR].map((skew, i) => new Device(server, `d${i}`, clock, skew));
        for (const step of history) {
          if (step.do === 'edit') devices[step.device]!.edit(step.edit);
          else mergeState(devices[step.to]!.replica.state, structuredClone(devices[step.from]!.replica.state));
          clock.advance(10_000);
        }
        const states = devices.map((device) => device.replica.state);
        const everyOnce = emptyState();
        for (const state of states) mergeState(everyOnce, structuredClone(state));
        const shuffled = emptyState();
        for (const index of [...order, 0, 1, 2]) mergeState(shuffled, structuredClone(states[index]!));
        const reversed = emptyState();
        for (const index of [...order].reverse()) mergeState(reversed, structuredClone(states[index]!));
        for (const state of [...states].reverse()) mergeState(reversed, structuredClone(state));
        mergeState(reversed, structuredClone(reversed));
        expect(replicated(shuffled)).toBe(replicated(everyOnce));
        expect(replicated(reversed)).toBe(replicated(everyOnce));
        for (const device of devices) device.engine.stop();
      }),
      { numRuns: 300 },
    );
  });
});
