/**
 * `PropertiesService.getUserProperties()`: strings per user and script, under
 * Google's quotas "Property value size: 9 KB / val" and "Properties total
 * storage: 500 KB / property store".
 * https://developers.google.com/apps-script/reference/properties/properties
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations
 */
import { exception } from './errors';
import type { ExecutionClock } from './execution';

export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export class FakeProperties {
  readonly values = new Map<string, string>();

  constructor(private readonly clock: ExecutionClock) {}

  private total(except?: string): number {
    let sum = 0;
    for (const [k, v] of this.values) if (k !== except) sum += bytes(k) + bytes(v);
    return sum;
  }

  getProperty(key: string): string | null {
    this.clock.check();
    return this.values.get(key) ?? null;
  }

  getProperties(): Record<string, string> {
    this.clock.check();
    return Object.fromEntries(this.values);
  }

  getKeys(): string[] {
    return [...this.values.keys()];
  }

  setProperty(key: string, value: string): FakeProperties {
    this.clock.check();
    const text = String(value);
    if (bytes(text) > MAX_PROPERTY_VALUE_BYTES) exception('Argument too large: value');
    if (this.total(key) + bytes(key) + bytes(text) > MAX_PROPERTY_STORE_BYTES)
      exception('You have exceeded the property storage quota. Please remove some properties and try again.');
    this.values.set(key, text);
    return this;
  }

  setProperties(properties: Record<string, string>): FakeProperties {
    for (const [k, v] of Object.entries(properties)) this.setProperty(k, v);
    return this;
  }

  deleteProperty(key: string): FakeProperties {
    this.clock.check();
    this.values.delete(key);
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this.values.clear();
    return this;
  }
}
