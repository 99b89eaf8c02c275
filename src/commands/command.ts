/**
 * A subcommand of `imr`: its name, its help text, its options (node:util
 * parseArgs form) and what it does. cli.ts lists the commands and dispatches;
 * each command lives in its own module.
 */
import type { ParseArgsConfig } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The usage line(s), e.g. "imr extract <file|dir|glob>... [--out <dir>]". */
  usage: string;
  /** Help for the command's own options, one option per line. */
  help: string;
  options: Options;
  /** Runs the command; resolves to the process exit code. */
  run: (positionals: string[], values: Values) => Promise<number>;
}

/** A usage error: the CLI prints it with a pointer to the command's --help and exits 2. */
export class UsageError extends Error {}

export function fail(message: string, code: number): number {
  process.stderr.write(`imr: ${message}\n`);
  return code;
}
