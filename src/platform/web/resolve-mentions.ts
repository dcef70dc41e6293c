/** Someone who can be @mentioned in a group: a member's id and display name. */
export interface Mentionable {
  id: string;
  name: string;
}

/**
 * The members a group message @mentions: those the page picked from its @ list (ids), and
 * any `@name` typed by hand that names a member, in order of appearance, each once. Ids that
 * are not members are dropped, as a real group drops a mention of a stranger.
 */
export function resolveMentions(text: string, members: Mentionable[], pickedIds: string[] = []): string[] {
  const memberIds = new Set(members.map((m) => m.id));
  const found: { id: string; at: number }[] = [];
  // Longer names first, so @王小明 is not read as @王小 when both are members.
  const byLength = [...members].filter((m) => m.name.length > 0).sort((a, b) => b.name.length - a.name.length);
  const taken: [number, number][] = [];
  for (const m of byLength) {
    const needle = `@${m.name}`;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      const end = at + needle.length;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      found.push({ id: m.id, at });
    }
  }
  const ordered = [...pickedIds.filter((id) => memberIds.has(id)), ...found.sort((a, b) => a.at - b.at).map((f) => f.id)];
  return [...new Set(ordered)];
}
