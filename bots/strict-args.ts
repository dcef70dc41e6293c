import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * A command's --options, strictly: an unknown flag, a flag without its value or a stray word is
 * refused with one short line (the caller adds its usage), never silently ignored (`--sped 10`
 * must not start the demo in real time).
 */
export function strictArgs(args: string[], options: NonNullable<ParseArgsConfig['options']>): Record<string, string | undefined> | string {
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    const out: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' ? v : undefined;
    return out;
  } catch (err) {
    const code = (err as { code?: string }).code;
    const flag = /'(-[^'\s]*)/.exec((err as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${flag}`;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${flag || 'an option'} needs a value`;
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${/'([^']*)'/.exec((err as Error).message)?.[1] ?? ''}`.trim();
    return (err as Error).message.split('\n')[0] ?? 'bad arguments';
  }
}
