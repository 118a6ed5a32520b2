import type { Value } from '../../graph/graph.js';

/**
 * Where generated code is written: the functions, the constants hoisted before them, and the
 * data they refer to as `K[i]`. A function body is opened, filled line by line (temporaries are
 * numbered across the whole program, so names never clash), then closed under its header.
 */
export class Emitter {
  readonly hoisted: string[] = [];
  readonly functions: string[] = [];
  readonly constants: unknown[] = [];
  private lines: string[] = [];
  private temps = 0;

  /** Starts a function body; returns the body being written, to give back to `close`. */
  open(): string[] {
    const outer = this.lines;
    this.lines = [];
    return outer;
  }

  /** Ends the function body under `header` and goes back to the body that was being written. */
  close(header: string, outer: string[]): void {
    this.functions.push([header, ...this.lines.map((l) => `  ${l}`), '}'].join('\n'));
    this.lines = outer;
  }

  line(text: string): void {
    this.lines.push(text);
  }

  /** A statement placed before every function (constants, shared sentinels). */
  hoist(text: string): void {
    this.hoisted.push(text);
  }

  /** A fresh temporary name. */
  temp(): string {
    return `t${this.temps++}`;
  }

  /** A value as a JS literal, or as a hoisted constant when it has no literal form (a duration, a type). */
  literal(value: Value): string {
    switch (typeof value) {
      case 'number':
        return Object.is(value, -0) ? '-0' : String(value);
      case 'string':
        return JSON.stringify(value);
      case 'boolean':
        return String(value);
      default:
        return this.constant(value);
    }
  }

  /** Any value, passed to the generated code in `K` and named by a hoisted constant. */
  constant(value: unknown): string {
    const i = this.constants.push(value) - 1;
    this.hoist(`const k${i} = K[${i}];`);
    return `k${i}`;
  }
}

/** A name as it may appear in a `//` comment of generated code. */
export function comment(text: string): string {
  return text.replace(/[^\w.-]/g, '?');
}
