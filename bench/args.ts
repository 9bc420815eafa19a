export interface BenchArgs {
  /** Multiplies the sizes the issues name (1 = 200,000 accounts, 1,000,000 contacts, 2,000,000 activities). */
  scale: number;
  /** Write the results here as JSON (API.md's shape). */
  json: string | null;
  /** Regenerate the data set even when a matching one exists. */
  fresh: boolean;
  /** Run only cases whose name contains one of these texts. */
  only: string[];
  /** Timed samples per case, overriding each case's own count. */
  samples: number | null;
  /** Print each case's SQL and query plan instead of timing it. */
  explain: boolean;
}

export const USAGE = `Usage: npm run bench -- [--scale N] [--json FILE] [--fresh] [--only TEXT]... [--samples N] [--explain]

  --scale N      multiply the data set sizes of the issues (default 1: 200,000 accounts,
                 1,000,000 contacts, 2,000,000 activities); 0.01 is a quick smoke run
  --json FILE    also write the results as JSON: [{name, rows, n, p50_ms, p95_ms, max_ms, per_s?, rss_mb?}]
  --fresh        regenerate the data set (it is otherwise reused from bench/out/scale-N/)
  --only TEXT    run only the cases whose name contains TEXT (repeatable)
  --samples N    timed samples per case (default: each case's own, mostly 200)
  --explain      print the SQL each case runs with SQLite's query plan, instead of timing`;

export class UsageError extends Error {}

function positive(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || !Number.isFinite(value) || value <= 0) throw new UsageError(`${flag} needs a positive number`);
  return value;
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { scale: 1, json: null, fresh: false, only: [], samples: null, explain: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const [name, inline] = flag.startsWith('--') && flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = () => inline ?? argv[++i];
    switch (name) {
      case '--scale':
        args.scale = positive('--scale', value());
        break;
      case '--json': {
        const file = value();
        if (!file) throw new UsageError('--json needs a file name');
        args.json = file;
        break;
      }
      case '--fresh':
        args.fresh = true;
        break;
      case '--explain':
        args.explain = true;
        break;
      case '--only': {
        const text = value();
        if (!text) throw new UsageError('--only needs a text');
        args.only.push(text);
        break;
      }
      case '--samples':
        args.samples = Math.ceil(positive('--samples', value()));
        break;
      case '--help':
      case '-h':
        throw new UsageError('');
      default:
        throw new UsageError(`Unknown option ${flag}`);
    }
  }
  return args;
}
