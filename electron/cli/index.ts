// Shell 3, the command line: `npm run cli -- [--db FILE] <command> ...`, over the same handlers.
// This entry imports only the argument parser and the table of commands; the command's module and
// the backend are imported once a command is known (start-up measured by bench case 10).
import { parseArgs } from './args'
import { COMMANDS, usage } from './commands'

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv)
  const [name, ...rest] = args.positional
  const entry = name ? COMMANDS[name] : undefined
  if (!name || !entry || args.options.help) {
    console.log(usage())
    return name && !entry ? 2 : 0
  }
  const [{ runCommand }, command] = await Promise.all([import('./run-command'), entry.load()])
  await runCommand(name, { ...args, positional: rest }, command)
  return 0
}

// A piped stdout is written asynchronously: process.exit() right after a large answer cuts it at
// the pipe's buffer (64 KB). Exit only once both streams have handed over everything written.
function exitAfterOutput(code: number): void {
  process.exitCode = code
  let pending = 2
  const done = () => {
    if (--pending === 0) process.exit(code)
  }
  process.stdout.write('', done)
  process.stderr.write('', done)
}

main(process.argv.slice(2)).then(exitAfterOutput, (error: Error) => {
  console.error(`错误：${error.message}`)
  exitAfterOutput(1)
})
