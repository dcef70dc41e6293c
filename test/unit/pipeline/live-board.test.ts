import pino from 'pino';
import { LiveBoard } from '../../../src/pipeline/live-board';
import type { ChatTarget, OutgoingMessage } from '../../../src/platform/chat-event';
import { manualTiming } from '../../support/manual-board-timing';

const INTERVAL = 3000;


const group = (id: string): ChatTarget => ({ kind: 'group', id });

function setup() {
  const clock = manualTiming();
  const sent: { target: ChatTarget; text: string }[] = [];
  const send = async (target: ChatTarget, message: OutgoingMessage) => void sent.push({ target, text: message.text });
  const board = new LiveBoard(send, pino({ level: 'silent' }), INTERVAL, clock.timing);
  let count = 0;
  const render = async () => `已交 ${count}`;
  return { clock, sent, board, render, hand: () => ++count };
}

describe('LiveBoard', () => {
  it('sends the first touch before it returns, and coalesces the rest of a burst into one send after the interval', async () => {
    const { clock, sent, board, render, hand } = setup();
    hand();
    await board.touch('hw1', group('g1'), render);
    expect(sent.map((s) => s.text)).toEqual(['已交 1']);
    for (let i = 0; i < 9; i++) {
      hand();
      await board.touch('hw1', group('g1'), render);
    }
    expect(sent).toHaveLength(1);
    expect(clock.pending()).toHaveLength(1);
    clock.advance(INTERVAL - 1);
    expect(await clock.fireDue()).toBe(0);
    clock.advance(1);
    await clock.fireDue();
    expect(sent.map((s) => s.text)).toEqual(['已交 1', '已交 10']);
  });

  it('does not send a board again when its text has not changed', async () => {
    const { clock, sent, board, render, hand } = setup();
    hand();
    await board.touch('hw1', group('g1'), render);
    await board.touch('hw1', group('g1'), render);
    clock.advance(INTERVAL);
    await clock.fireDue();
    clock.advance(INTERVAL);
    await board.touch('hw1', group('g1'), render);
    expect(sent.map((s) => s.text)).toEqual(['已交 1']);
    hand();
    clock.advance(INTERVAL);
    await board.touch('hw1', group('g1'), render);
    expect(sent.map((s) => s.text)).toEqual(['已交 1', '已交 2']);
    // Forgotten by the sweep, the board still knows what it last said.
    clock.advance(INTERVAL);
    expect(board.sweep()).toBe(1);
    await board.touch('hw1', group('g1'), render);
    expect(sent.map((s) => s.text)).toEqual(['已交 1', '已交 2']);
  });

  it('keeps one board per key and conversation', async () => {
    const { sent, board, render, hand } = setup();
    hand();
    await board.touch('hw1', group('g1'), render);
    await board.touch('hw1', group('g2'), render);
    await board.touch('hw2', group('g1'), render);
    expect(sent.map((s) => s.target.id)).toEqual(['g1', 'g2', 'g1']);
    expect(board.size).toBe(3);
  });

  it('a touch while the board is being sent asks for one more refresh, after the interval', async () => {
    const clock = manualTiming();
    const sent: string[] = [];
    let release: () => void = () => undefined;
    const send = (_: ChatTarget, m: OutgoingMessage) =>
      new Promise<void>((resolve) => {
        sent.push(m.text);
        release = resolve;
      });
    const board = new LiveBoard(send, pino({ level: 'silent' }), INTERVAL, clock.timing);
    let n = 1;
    const render = async () => `v${n}`;
    const first = board.touch('hw1', group('g1'), render);
    await new Promise((r) => setImmediate(r));
    n = 2;
    await board.touch('hw1', group('g1'), render);
    release();
    await first;
    expect(clock.pending()).toHaveLength(1);
    clock.advance(INTERVAL);
    const second = clock.fireDue();
    await new Promise((r) => setImmediate(r));
    release();
    await second;
    expect(sent).toEqual(['v1', 'v2']);
  });

  it('logs a failed update without throwing, and sends the same text on the next refresh', async () => {
    const clock = manualTiming();
    const sent: string[] = [];
    let fail = true;
    const send = async (_: ChatTarget, m: OutgoingMessage) => {
      if (fail) throw new Error('platform down');
      sent.push(m.text);
    };
    const board = new LiveBoard(send, pino({ level: 'silent' }), INTERVAL, clock.timing);
    const render = async () => '已交 1';
    await expect(board.touch('hw1', group('g1'), render)).resolves.toBeUndefined();
    fail = false;
    clock.advance(INTERVAL);
    await board.touch('hw1', group('g1'), render);
    expect(sent).toEqual(['已交 1']);
  });

  it('says a render is shown once the group reads it (sent, or the same as last sent), never after a failed send', async () => {
    const clock = manualTiming();
    let fail = false;
    const send = async () => {
      if (fail) throw new Error('platform down');
    };
    const board = new LiveBoard(send, pino({ level: 'silent' }), INTERVAL, clock.timing);
    const shown: string[] = [];
    await board.touch('hw1', group('g1'), async () => '已交 1', () => void shown.push('sent'));
    clock.advance(INTERVAL);
    await board.touch('hw1', group('g1'), async () => '已交 1', () => void shown.push('unchanged'));
    fail = true;
    clock.advance(INTERVAL);
    await board.touch('hw1', group('g1'), async () => '已交 2', () => void shown.push('failed'));
    expect(shown).toEqual(['sent', 'unchanged']);
  });

  it('flushAll sends what is pending and sweep forgets only idle boards', async () => {
    const { clock, sent, board, render, hand } = setup();
    hand();
    await board.touch('hw1', group('g1'), render);
    hand();
    await board.touch('hw1', group('g1'), render);
    await board.touch('hw2', group('g1'), render);
    expect(board.sweep()).toBe(0);
    await board.flushAll();
    expect(sent.map((s) => s.text)).toEqual(['已交 1', '已交 2', '已交 2']);
    expect(board.size).toBe(0);
    hand();
    await board.touch('hw1', group('g1'), render);
    expect(board.sweep()).toBe(0);
    clock.advance(INTERVAL);
    expect(board.sweep()).toBe(1);
    expect(board.size).toBe(0);
  });
});
