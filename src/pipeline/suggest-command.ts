import { pinyin } from 'pinyin-pro';

/** Edit distance (insertions, deletions, substitutions) between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length]!;
}

/** Toneless pinyin syllables of a word, joined (签道 → qiandao), or the word lowercased when it has no Chinese. */
function soundOf(word: string): string {
  return pinyin(word, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
}

/** The bare command words (sent without #) as sounds: 签到 and 签退, which trainees type every day. */
const BARE_SOUNDS = commandSounds(['签到', '签退']);

/**
 * The bare command word a lone word sounds exactly like (签道 → 签到, 钱到 → 签到), typed with the
 * wrong characters by a pinyin keyboard; null for the word itself and for anything else, so
 * ordinary chat gets no answer.
 */
export function soundsLikeBareWord(word: string): string | null {
  const sound = soundOf(word);
  return BARE_SOUNDS.find((b) => b.sound === sound && b.name !== word)?.name ?? null;
}

/** Command names with their sound worked out once (the pinyin of each name is the costly part). */
export type CommandSounds = readonly { name: string; lower: string; sound: string }[];

/** Works out the sounds of the command names, for `suggestCommand`. */
export function commandSounds(names: readonly string[]): CommandSounds {
  return names.map((name) => ({ name, lower: name.toLowerCase(), sound: soundOf(name.toLowerCase()) }));
}

/**
 * The command a mistyped word most likely meant: the same sound (签道 → 签到, typed with the
 * wrong character), one character off for a Chinese word of two or more characters (签字到 →
 * 签到 is not; 交做业 → 交作业 is), or a pinyin/ASCII spelling close to a command's (qiandao,
 * chekin). Null when nothing is close enough to be a fair guess; ties go to the shorter name.
 */
export function suggestCommand(word: string, names: readonly string[] | CommandSounds): string | null {
  const known: CommandSounds = names.length > 0 && typeof names[0] === 'string' ? commandSounds(names as readonly string[]) : (names as CommandSounds);
  const w = word.trim().toLowerCase();
  if (w === '' || [...w].length > 12) return null;
  const sound = soundOf(w);
  let best: { name: string; score: number } | null = null;
  for (const { name, lower: n, sound: nameSound } of known) {
    let score = Infinity;
    if (sound.length >= 4 && nameSound === sound) score = 0;
    else {
      const chars = editDistance(w, n);
      const cjk = /\p{Script=Han}/u.test(n);
      if (cjk && [...n].length >= 2 && chars === 1 && [...w].length >= 2) score = 1;
      const soundDistance = editDistance(sound, nameSound);
      // Pinyin or ASCII typed by hand: allow one slip in a short word, two in a long one.
      if (sound.length >= 4 && soundDistance <= (sound.length >= 8 ? 2 : 1)) score = Math.min(score, 1 + soundDistance);
    }
    if (score < Infinity && (!best || score < best.score || (score === best.score && n.length < best.name.length))) best = { name, score };
  }
  return best?.name ?? null;
}
