import { useCallback, useEffect, useState } from 'react';

/** Text-size steps offered by A- / A+ (1 = the mode's normal size). */
export const TEXT_SCALES = [0.9, 1, 1.15, 1.3, 1.5] as const;
const CARE_KEY = 'bb_care_mode';
const SCALE_KEY = 'bb_text_scale';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* private mode: not remembered */
  }
}

/** The citizen's display choices — elderly mode (长辈版) and text size — remembered on this device. */
export function useDisplayPrefs() {
  const [care, setCare] = useState(() => read(CARE_KEY) === '1');
  const [scaleIndex, setScaleIndex] = useState(() => {
    const saved = read(SCALE_KEY);
    const i = saved === null ? NaN : Number(saved);
    return Number.isInteger(i) && i >= 0 && i < TEXT_SCALES.length ? i : 1;
  });
  useEffect(() => {
    write(CARE_KEY, care ? '1' : '0');
  }, [care]);
  useEffect(() => {
    write(SCALE_KEY, String(scaleIndex));
  }, [scaleIndex]);

  const toggleCare = useCallback(() => setCare((c) => !c), []);
  const smaller = useCallback(() => setScaleIndex((i) => Math.max(0, i - 1)), []);
  const larger = useCallback(() => setScaleIndex((i) => Math.min(TEXT_SCALES.length - 1, i + 1)), []);
  return {
    care,
    toggleCare,
    scale: TEXT_SCALES[scaleIndex],
    smaller,
    larger,
    canShrink: scaleIndex > 0,
    canGrow: scaleIndex < TEXT_SCALES.length - 1,
  };
}
