import { Converter } from 'opencc-js/t2cn';

/**
 * Traditional → simplified with OpenCC's dictionaries (shipped inside the opencc-js package,
 * nothing is downloaded), so citizens typing on a traditional keyboard (Hong Kong, Taiwan,
 * some older phones) still reach the simplified FAQ. Simplified text passes through unchanged.
 */
const convert = Converter({ from: 't', to: 'cn' });

/** Converts the traditional characters and phrases of `text` to simplified ones. */
export function toSimplified(text: string): string {
  return convert(text);
}
