import { fail, UsageError, type Command } from './command.js';

export const merge: Command = {
  name: 'merge',
  summary: 'combine the outputs of sharded runs into one dataset',
  usage: 'imr merge <dir>... --out <dir>',
  help: `Combines the output folders of runs made with --shard 1/N ... N/N into the
dataset a single run over all the inputs would write (the same bytes; only
the manifest's options and timings differ). Each folder is read as a stream.
Shards made with different options or extractor versions, the same shard
twice, or an input in two shards are refused (exit 2); a shard set with
shards missing is merged, marked "complete": false, and exits 1. Shards
extracted with --parquet (all of them, or none) give the Parquet files too.

  -o, --out <dir>   Output folder (required)
      --force       Write into a non-empty folder that holds no imr dataset
  -q, --quiet       Print nothing but errors`,
  options: {
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', short: 'q', default: false },
  },
  async run(dirs, values) {
    if (dirs.length === 0) throw new UsageError('merge needs at least one output folder');
    if (typeof values.out !== 'string') throw new UsageError('merge needs --out <dir>');
    const { mergeOutputs } = await import('../run/merge.js');
    let summary;
    try {
      summary = mergeOutputs(dirs, values.out, values.force === true);
    } catch (error) {
      return fail(`could not merge: ${error instanceof Error ? error.message : String(error)}`, 2);
    }
    if (values.quiet !== true) process.stdout.write(`merged ${summary.shards} outputs: ${summary.inputs} inputs -> ${summary.cases} cases, ${summary.errors} errors; wrote ${values.out}\n`);
    if (summary.missing.length > 0) return fail(`the shard set is incomplete: shard(s) ${summary.missing.join(', ')} missing; the merged manifest says "complete": false`, 1);
    return 0;
  },
};
