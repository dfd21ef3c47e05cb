import { runMeasured } from './measure.ts';
const r = await runMeasured(process.execPath, ['scripts/bench/zz-pf.ts', '.cache/bench/10000/hub/dist'], { pollMs: 200 });
console.log(r.output, 'wall', (r.wallMs/1000).toFixed(1), 'peak MB', (r.peakRss!/2**20).toFixed(0), 'main MB', (r.mainHwm!/2**20).toFixed(0), 'cpu s', (r.cpuMs!/1000).toFixed(1));
