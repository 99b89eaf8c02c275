#!/usr/bin/env node
/**
 * The `imr` command line: a thin adapter that dispatches to the commands in
 * src/commands/ (one module each).
 */
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './commands/command.js';
import { extract } from './commands/extract.js';
import { merge } from './commands/merge.js';
import { report } from './commands/report.js';
import { explain } from './commands/explain.js';
import { TOOL_VERSION } from './version.js';

const COMMANDS: readonly Command[] = [extract, merge, report, explain];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `imr ${TOOL_VERSION}: California IMR determination letters -> research dataset`,
    '',
    'Usage:',
    ...COMMANDS.map((c) => `  ${c.usage}`),
    '  imr <command> --help',
    '  imr --help | --version',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    ...COMMANDS.flatMap((c) => [`imr ${c.name}`, ...c.help.split('\n').map((l) => (l ? `  ${l}` : '')), '']),
    'Global options:',
    '  -h, --help        Show this help (or a command\'s)',
    '  -v, --version     Show the version',
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`imr: unknown command "${name}"\nTry 'imr --help'.\n`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { ...command.options, help: { type: 'boolean', short: 'h', default: false } },
    });
    if (values.help) {
      process.stdout.write(`Usage: ${command.usage}\n\n${command.help}\n`);
      return 0;
    }
    return await command.run(positionals, values);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`imr: ${error.message}\nTry 'imr ${command.name} --help'.\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
