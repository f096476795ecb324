/**
 * Colors as Excel's JavaScript API takes them (`#RRGGBB`, `#RGB` or an HTML
 * color name) and gives them back (`#RRGGBB`, upper case).
 */
import { SimError } from './errors';

const NAMED: Readonly<Record<string, string>> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  lime: '#00FF00',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  maroon: '#800000',
  navy: '#000080',
  teal: '#008080',
  olive: '#808000',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  pink: '#FFC0CB',
  lightgreen: '#90EE90',
  lightyellow: '#FFFFE0',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
};

export function normalizeColor(input: unknown): string {
  if (typeof input !== 'string') throw new SimError('InvalidArgument', 'A color must be a string.');
  const text = input.trim();
  const long = /^#([0-9a-f]{6})$/i.exec(text);
  if (long) return `#${long[1]!.toUpperCase()}`;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  const named = NAMED[text.toLowerCase()];
  if (named) return named;
  throw new SimError('InvalidArgument', `'${text}' is not a color.`);
}
