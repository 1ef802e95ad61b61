import { useEffect, useState } from 'react';

/** Reading aloud with the browser's speech synthesis (a Chinese voice when the browser has one). */
export const canSpeak = (): boolean =>
  typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;

let current: SpeechSynthesisUtterance | null = null;
let currentId: string | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((fn) => fn());

export function speak(id: string, text: string, lang: 'zh' | 'en'): void {
  if (!canSpeak()) return;
  const synth = window.speechSynthesis;
  synth.cancel();
  const u = new SpeechSynthesisUtterance(text);
  const want = lang === 'zh' ? /^zh(-|_)?(CN|Hans)?/i : /^en/i;
  const voices = synth.getVoices();
  const voice =
    voices.find((v) => want.test(v.lang) && /CN|Hans/i.test(v.lang)) ?? voices.find((v) => want.test(v.lang));
  if (voice) u.voice = voice;
  u.lang = lang === 'zh' ? 'zh-CN' : 'en-GB';
  u.rate = 0.9;
  u.onend = u.onerror = () => {
    if (current === u) {
      current = null;
      currentId = null;
      notify();
    }
  };
  current = u;
  currentId = id;
  synth.speak(u);
  notify();
}

export function stopSpeaking(): void {
  if (!canSpeak()) return;
  current = null;
  currentId = null;
  window.speechSynthesis.cancel();
  notify();
}

/** Which text is being read now (by id), so each button can say "停止朗读". */
export function useSpeaking(): string | null {
  const [, setTick] = useState(0);
  useEffect(() => {
    const fn = () => setTick((n) => n + 1);
    listeners.add(fn);
    return () => {
      listeners.delete(fn);
    };
  }, []);
  return currentId;
}
