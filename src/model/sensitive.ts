// A secret value that prints, serialises and inspects as "(sensitive)": only reveal() gives the value.
//
// Must not: be unwrapped anywhere but where the service needs the value (apply/csv-data.ts builds -CSVData).
import { inspect } from 'node:util';

const MASK = '(sensitive)';

/** A secret value: prints, serialises and inspects as "(sensitive)"; only reveal() gives the value. */
export class Sensitive {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return MASK;
  }
  toJSON(): string {
    return MASK;
  }
  [inspect.custom](): string {
    return MASK;
  }
}

export const SENSITIVE_MASK = MASK;
