import fs from 'node:fs';

const demoFile = (name: string) => new URL(`./demo/${name}`, import.meta.url);

/**
 * The water-domain user dictionary ('term freq tag' lines) and synonym groups that every new
 * installation starts with (editable afterwards in the back office); the benchmark uses the same.
 */
export function defaultTerms(): { dictionary: string[]; synonyms: string[] } {
  const lines = (name: string) =>
    fs
      .readFileSync(demoFile(name), 'utf8')
      .split('\n')
      .map((l) => l.trim().replace(/\s+/g, ' '))
      .filter((l) => l && !l.startsWith('#'));
  return { dictionary: [...new Set(lines('water-dictionary.txt'))], synonyms: [...new Set(lines('synonyms.txt'))] };
}
