// The few types the benchmark uses of @gorules/zen-engine. The package is installed by
// test/bench/run.ts into the benchmark's cache, not by `npm ci` (see ZEN_PACKAGE there).
declare module '@gorules/zen-engine' {
  export class ZenEngine {
    createDecision(content: unknown): { evaluate(context: unknown): Promise<{ result: unknown }> };
    dispose(): void;
  }
}
