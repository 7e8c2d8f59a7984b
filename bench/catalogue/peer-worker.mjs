// Runs dayjs-business-time on a slice of the benchmark's instants, in a worker thread of the
// benchmark's process, and reports the ns per computation it measured on its own core.
// Plain JavaScript so the worker needs no TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import dayjs from "dayjs";
import businessTime from "dayjs-business-time";

const { mode, instants, businessHours, holidays } = workerData;
dayjs.extend(businessTime);
dayjs.setBusinessTime(businessHours);
dayjs.setHolidays(holidays);

const compute =
  mode === "service-hours"
    ? (ms) => dayjs(ms).addBusinessHours(24).valueOf()
    : (ms) => dayjs(ms).addBusinessDays(10).hour(23).minute(59).second(0).millisecond(0).lastBusinessTime().valueOf();

const out = new Float64Array(instants.length);
for (let i = 0; i < Math.min(instants.length, 200); i += 1) out[i] = compute(instants[i]);
const start = process.hrtime.bigint();
for (let i = 0; i < instants.length; i += 1) out[i] = compute(instants[i]);
const ns = Number(process.hrtime.bigint() - start);
parentPort.postMessage({ out, nsPerOp: ns / instants.length });
