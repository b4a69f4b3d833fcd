// The week grid's arithmetic: hour cells from 06:00 to 22:00 per weekday, and back to time windows.

export const FIRST_HOUR = 6;
export const LAST_HOUR = 22; // exclusive: the last cell is 21:00-22:00
export const HOURS = Array.from({ length: LAST_HOUR - FIRST_HOUR }, (_, i) => FIRST_HOUR + i);

export type Grid = Record<number, Set<number>>; // weekday 1-7 -> hours switched on

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const pad = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

/** Cells a window touches (a 07:30-09:00 window switches on 7 and 8). */
export function gridFrom(windows: { weekday: number; start_time: string; end_time: string }[]): Grid {
  const grid: Grid = {};
  for (let day = 1; day <= 7; day += 1) grid[day] = new Set();
  for (const w of windows) {
    const start = toMinutes(w.start_time);
    const end = toMinutes(w.end_time);
    for (const hour of HOURS) if (hour * 60 < end && (hour + 1) * 60 > start) grid[w.weekday]?.add(hour);
  }
  return grid;
}

/** Runs of neighbouring cells become one window each. */
export function windowsFrom(grid: Grid): { weekday: number; start_time: string; end_time: string }[] {
  const out: { weekday: number; start_time: string; end_time: string }[] = [];
  for (let day = 1; day <= 7; day += 1) {
    const hours = [...(grid[day] ?? [])].sort((a, b) => a - b);
    let runStart: number | null = null;
    hours.forEach((hour, i) => {
      if (runStart === null) runStart = hour;
      if (hours[i + 1] !== hour + 1) {
        out.push({ weekday: day, start_time: pad(runStart), end_time: pad(hour + 1) });
        runStart = null;
      }
    });
  }
  return out;
}
