// The work run.ts hands to a fresh process (child.ts), and how it gets the answer back.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type Task =
  | { kind: 'product-export' | 'raw-export'; source: string; out: string }
  | { kind: 'product-import'; bundle: string; target: string }
  | { kind: 'raw-import'; bundle: string; source: string; target: string }
  | { kind: 'product-verify' | 'raw-verify'; source: string }
  /** `at`: the moment the core's clock stands at (ISO), for measures whose figures count back from today. */
  | { kind: 'routes'; source: string; measures: string[]; runs: number; reportRuns: number; at?: string }
  | { kind: 'product-stocktake-open' | 'raw-stocktake-open'; source: string }
  | { kind: 'product-register-pdf' | 'raw-register-pdf'; source: string; out: string }
  // Product and raw scans in one process, taking turns scan by scan, each side on its own copy.
  | { kind: 'stocktake-scans'; product: string; raw: string; scans: number; warmUp: number; seed: number };

export interface BulkResult {
  ms: number;
  /** Resident memory when the measured work started, and its highest while it ran, in MB. */
  rss_start_mb: number;
  rss_peak_mb: number;
  events: number;
  /** Where the time went, for the product's import: checking and staging, then applying. */
  parts?: Record<string, number>;
}

export interface RouteResult {
  name: string;
  /** Milliseconds of each measured call; null when the route refused or failed. */
  samples: number[] | null;
  error?: string;
}

/** The scans of a stocktake, each timed alone, and what they wrote. */
export interface ScansResult {
  samples: number[];
  /** Counts written, warm-up scans included: the same on both sides when the raw side did the product's work. */
  written: number;
  /** The product's answers, by outcome. */
  outcomes?: Record<string, number>;
}

export type TaskResult = { ok: true; bulk?: BulkResult; routes?: RouteResult[]; scans?: { product: ScansResult; raw: ScansResult } } | { ok: false; error: string };

/** The child prints its answer on one line that starts with this, after anything else it printed. */
export const RESULT_MARK = 'BENCH-RESULT ';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

/** Runs one task in a new Node process (its stderr passed through as progress); never throws for the task's own failure. */
export function runChild(task: Task): Promise<TaskResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', CHILD, JSON.stringify(task)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', (error) => resolve({ ok: false, error: error.message }));
    child.on('close', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARK));
      if (line) resolve(JSON.parse(line.slice(RESULT_MARK.length)) as TaskResult);
      else resolve({ ok: false, error: `the measuring process ended (${signal ?? `exit ${code}`}) without an answer` });
    });
  });
}
