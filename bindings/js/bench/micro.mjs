// Micro-benchmark of single calls through the WebAssembly boundary (fastest of 7 rounds):
// `node bench/micro.mjs` after `npm run build`.
import { Calendar, version } from 'reglament';
const cal = Calendar.defaultKyiv(); let s = 0;
const time = (name, f) => { for (let i = 0; i < 20000; i++) f(); let best = 1e9; for (let r = 0; r < 7; r++) { const t0 = process.hrtime.bigint(); for (let i = 0; i < 50000; i++) s += f() ? 1 : 0; best = Math.min(best, Number(process.hrtime.bigint() - t0) / 50000); } console.log(name.padEnd(16), best.toFixed(0), 'ns'); };
time('version', () => version());
time('isWorking str', () => cal.isWorking('2026-03-27T15:00:00Z'));
time('isWorking date', () => cal.isWorking(new Date(1774623600000)));
time('add str', () => cal.add('2026-03-27T15:00:00Z', 7200));
time('add date', () => cal.add(new Date(1774623600000), 7200));
time('elapsed str', () => cal.elapsed('2026-03-27T15:00:00Z', '2026-03-30T07:00:00Z'));
