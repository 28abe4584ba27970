export type { CapturedMail, CaptureTransport, CaptureTransportOptions, FailureRule } from "./capture-transport";
export { createCaptureTransport } from "./capture-transport";
export type { MemoryStore, MemoryStoreSize } from "./memory-store";
export { createMemoryStore } from "./memory-store";
