import { workerSize } from "./worker-size";
console.log(await workerSize());
