import { parseDemoArgs } from '../../../bots/demo-command';

describe('cohort-bot demo arguments', () => {
  it('runs in real time with 20 trainees by default', () => {
    expect(parseDemoArgs([])).toEqual({ speed: 1, start: undefined, trainees: 20 });
  });
  it('takes a speed, a start time and a number of trainees', () => {
    expect(parseDemoArgs(['--speed', '720', '--start', '08:40', '--trainees', '5'])).toEqual({ speed: 720, start: '08:40', trainees: 5 });
  });
  it('names what is wrong with a bad value', () => {
    expect(parseDemoArgs(['--speed', '0'])).toMatch(/--speed/);
    expect(parseDemoArgs(['--speed'])).toMatch(/--speed/);
    expect(parseDemoArgs(['--start', '25:00'])).toMatch(/--start/);
    expect(parseDemoArgs(['--trainees', '1.5'])).toMatch(/--trainees/);
  });
  it('refuses an unknown flag or a stray word instead of ignoring it', () => {
    expect(parseDemoArgs(['--sped', '10'])).toBe('unknown option --sped');
    expect(parseDemoArgs(['fast'])).toMatch(/unexpected argument fast/);
  });
});
