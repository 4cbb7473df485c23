import { LONDON } from "../../lib/time";

const spoken = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  weekday: "long",
  day: "numeric",
  month: "long",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "Tuesday 3 March at 10:00", London time: how a person at the door would say it. */
export function londonDescription(instant: number): string {
  const p = Object.fromEntries(spoken.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month} at ${p.hour}:${p.minute}`;
}
