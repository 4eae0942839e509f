// Throughput for npm run bench (issue 15, point 5): autocannon, 10 connections, short runs, the
// targets in turn (A B C D A B C D …) so that drift on a shared machine hits all of them; medians,
// ratios taken within each round, and the spread and the load average beside them.
// The emulator runs in one child process and the proxies in another (scripts/bench/throughput-servers.ts),
// as in production: a proxied request then costs the proxy's process only its own work, and the
// emulator's figure is measured on the same process the proxies call. The request log of the
// emulator is bounded, so long runs do not grow its memory.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run({ seconds = Number(process.env.BENCH_SECONDS ?? 3), rounds = Number(process.env.BENCH_ROUNDS ?? 3) } = {}) {
  const children = [];
  const start = (role, env = {}) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/throughput-servers.ts', role], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`throughput servers (${role}) exited (${code})`)));
    });
  };
  try {
    const emulatorLine = await start('emulator');
    const { auth } = JSON.parse(emulatorLine);
    const targets = JSON.parse(await start('front', { BENCH_EMULATOR: emulatorLine }));
    const results = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
    const loads = [loadavg()[0]];
    for (let round = 0; round < rounds; round++) {
      for (const [name, url] of Object.entries(targets)) {
        const result = await autocannon({ url, connections: 10, duration: seconds, headers: { authorization: auth } });
        if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        results[name].push(result.requests.average);
      }
      loads.push(loadavg()[0]);
    }
    // Ratios within a round (A B C D run back to back) before the median: drift on a shared machine
    // moves both sides of a pair, so paired ratios spread less than a ratio of medians.
    const paired = (values, base) => median(values.map((v, i) => v / base[i]));
    const forwarder = Object.entries(results).find(([name]) => name.startsWith('bare forwarder'))[1];
    const range = (xs) => `${Math.round(Math.min(...xs)).toLocaleString('en')}–${Math.round(Math.max(...xs)).toLocaleString('en')}`;
    const ratios = (xs, base) => `${paired(xs, base).toFixed(2)}× (${Math.min(...xs.map((v, i) => v / base[i])).toFixed(2)}–${Math.max(...xs.map((v, i) => v / base[i])).toFixed(2)})`;
    console.log(
      `\n## Throughput (autocannon, 10 connections, ${seconds} s runs, ${rounds} rounds in turn, medians; emulator and proxies in separate processes; load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)})\n`,
    );
    console.log('| server | req/s median | req/s range | vs the emulator (paired, range) | vs the bare forwarder (paired, range) |\n|---|---:|---:|---:|---:|');
    for (const [name, values] of Object.entries(results)) {
      console.log(`| ${name} | ${Math.round(median(values)).toLocaleString('en')} | ${range(values)} | ${ratios(values, results.emulator)} | ${ratios(values, forwarder)} |`);
    }
  } finally {
    for (const child of children) child.kill();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
