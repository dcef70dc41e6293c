import { AdjustableClock, ScaledClock, clockFrom, realMsBetween, systemClock } from '../../../src/kernel/clock';

describe('clocks: platform stamps (real time) read on the bot clock', () => {
  it('on the wall clock a real instant is itself and durations are real', () => {
    const real = new Date(Date.now() - 5_000);
    expect(Math.abs(systemClock.at(real).getTime() - real.getTime())).toBeLessThan(50);
    expect(realMsBetween(systemClock, new Date(0), new Date(90_000))).toBe(90_000);
  });

  it('on a simulated clock a message sent a real second ago was sent speed seconds ago on the clock', () => {
    const clock = new ScaledClock(new Date('2027-03-01T09:00:00+08:00'), Date.now(), 7200);
    const oneSecondAgo = new Date(Date.now() - 1_000);
    const at = clock.at(oneSecondAgo);
    const clockAge = clock.now().getTime() - at.getTime();
    // 7,200 clock seconds = two hours, within what the test's own run time adds.
    expect(clockAge).toBeGreaterThanOrEqual(7_200_000);
    expect(clockAge).toBeLessThan(7_200_000 + 7200 * 200);
    // ...and that is one real second, not two hours, when the stale limit asks.
    expect(realMsBetween(clock, at, new Date(at.getTime() + clockAge))).toBeCloseTo(clockAge / 7200, 5);
    expect(realMsBetween(clock, new Date(0), new Date(7_200_000))).toBe(1_000);
  });

  it('an adjusted clock shifts platform stamps by its offset, at real speed', () => {
    const clock = new AdjustableClock(new Date('2027-03-01T09:00:00+08:00'));
    const justNow = new Date();
    expect(Math.abs(clock.at(justNow).getTime() - clock.now().getTime())).toBeLessThan(50);
    expect(clock.speed).toBe(1);
  });

  it('a message stamped the instant a clock is set reads that instant, however the real clock ticks meanwhile', () => {
    // Every read of the real clock moves it on one millisecond, as on a busy machine.
    let realMs = Date.parse('2026-12-07T07:00:00Z');
    const now = jest.spyOn(Date, 'now').mockImplementation(() => realMs++);
    try {
      const nineTwelve = new Date('2027-03-01T09:12:00+08:00');
      const adjusted = new AdjustableClock(nineTwelve);
      const stamped = new Date(realMs - 1); // the real instant the clock was set
      expect(adjusted.at(stamped)).toEqual(nineTwelve);
      const scaled = new ScaledClock(nineTwelve, realMs, 720);
      expect(scaled.at(new Date(realMs - 1))).toEqual(new Date(nineTwelve.getTime() - 720));
      expect(scaled.at(new Date(scaled.anchorMs + 1000))).toEqual(new Date(nineTwelve.getTime() + 720_000));
    } finally {
      now.mockRestore();
    }
  });

  it('SIMULATED_CLOCK keeps its speed', () => {
    expect(clockFrom('2027-03-01T08:00:00+08:00@1700000000000x720').speed).toBe(720);
    expect(clockFrom(undefined)).toBe(systemClock);
  });
});
