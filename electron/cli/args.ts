// A small argument parser: `--name value`, `--flag`, and positional words. Enough for our commands.
export interface ParsedArgs {
  positional: string[]
  options: Record<string, string | true>
  /** Options given more than once (e.g. --map), in order. */
  repeated: Record<string, string[]>
}

const FLAGS = new Set(['json', 'dry-run', 'help', 'web', 'full', 'force', 'skip-errors', 'verbose'])

export function parseArgs(argv: string[]): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], options: {}, repeated: {} }
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!
    if (!word.startsWith('--') || word === '--') {
      if (word !== '--') parsed.positional.push(word)
      continue
    }
    const eq = word.indexOf('=')
    const name = eq > 0 ? word.slice(2, eq) : word.slice(2)
    let value: string | true
    if (eq > 0) value = word.slice(eq + 1)
    else if (FLAGS.has(name) || i + 1 >= argv.length || argv[i + 1]!.startsWith('--')) value = true
    else value = argv[++i]!
    parsed.options[name] = value
    if (typeof value === 'string') (parsed.repeated[name] ??= []).push(value)
  }
  return parsed
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name]
  return typeof value === 'string' ? value : undefined
}
