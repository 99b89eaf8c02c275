/**
 * The extract command: discover inputs, process each, stream the results to
 * the dataset sink in sorted order, publish atomically.
 */
import { discover } from '../io/discover.js';
import { DatasetWriter } from '../sinks/dataset.js';
import { TOOL_VERSION } from '../version.js';
import { processFile, type FileResult } from './process-file.js';

export interface ExtractOptions {
  inputs: string[];
  out: string;
  rawCsv: boolean;
}

export interface ExtractSummary {
  inputs: number;
  cases: number;
  errors: number;
  decisions: number;
  overturned: number;
  out: string;
  ms: number;
}

export function record(writer: DatasetWriter, result: FileResult): void {
  const entry = { source_file: result.sourceFile, sha256: result.sha256, bytes: result.bytes, encoding: result.encoding };
  if (result.outcome.ok) writer.addCase(result.outcome.record, entry);
  else writer.addError({ source_file: result.sourceFile, error_code: result.outcome.code, message: result.outcome.message }, entry);
}

export async function runExtract(options: ExtractOptions): Promise<ExtractSummary> {
  const t0 = performance.now();
  const files = await discover(options.inputs);
  const t1 = performance.now();
  const writer = new DatasetWriter(options.out, { rawCsv: options.rawCsv });
  try {
    for (const file of files) record(writer, processFile(file));
  } catch (error) {
    writer.abandon();
    throw error;
  }
  const t2 = performance.now();
  writer.publish({
    tool: 'imr-extract',
    version: TOOL_VERSION,
    options: { inputs: options.inputs, raw_csv: options.rawCsv },
    timings_ms: { discover: Math.round(t1 - t0), extract: Math.round(t2 - t1) },
  });
  const c = writer.counts;
  return { inputs: c.inputs, cases: c.cases, errors: c.errors, decisions: c.decisions, overturned: c.overturned, out: options.out, ms: Math.round(performance.now() - t0) };
}
