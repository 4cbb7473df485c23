// The bench's load shape in-process: `count` pieces of work, `inFlight` of them outstanding at
// a time, each started as another finishes (as autocannon's connections do over HTTP).
export async function inFlight(count: number, inFlight: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) await work(next++);
    }),
  );
}
