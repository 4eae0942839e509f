// Throughput for npm run bench (issue 15, point 5): autocannon, 10 connections, short runs, the
// targets in turn (A B C D A B C D …) so that drift on a shared machine hits all of them; medians.
// The servers run in a child process (scripts/bench/throughput-servers.ts). The request log of the
// emulator is bounded, so long runs do not grow its memory.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run({ seconds = Number(process.env.BENCH_SECONDS ?? 3), rounds = Number(process.env.BENCH_ROUNDS ?? 3) } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/throughput-servers.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await new Promise((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`throughput servers exited (${code})`)));
    });
    const { auth, targets } = JSON.parse(line);
    const results = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const [name, url] of Object.entries(targets)) {
        const result = await autocannon({ url, connections: 10, duration: seconds, headers: { authorization: auth } });
        if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        results[name].push(result.requests.average);
      }
    }
    const emulator = median(results.emulator);
    console.log(`\n## Throughput (autocannon, 10 connections, ${seconds} s runs, median of ${rounds}, in turn)\n`);
    console.log('| server | req/s | vs the emulator |\n|---|---:|---:|');
    for (const [name, values] of Object.entries(results)) {
      const m = median(values);
      console.log(`| ${name} | ${Math.round(m).toLocaleString('en')} | ${(m / emulator).toFixed(2)}× |`);
    }
  } finally {
    child.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
