import type { Report } from '@vigie/shared';
import { ringTones } from './alertRules.ts';

let context: AudioContext | null = null;

/**
 * Browsers keep audio suspended until the user interacts with the page: the first click or key
 * press anywhere creates (or resumes) the context, so that a ring at 3 a.m. is not silent.
 */
export function unlockAudioOnFirstGesture() {
  if (typeof window === 'undefined' || !('AudioContext' in window)) return () => undefined;
  const unlock = () => {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
  };
  const options = { capture: true, passive: true } as const;
  window.addEventListener('pointerdown', unlock, options);
  window.addEventListener('keydown', unlock, options);
  return () => {
    window.removeEventListener('pointerdown', unlock, options);
    window.removeEventListener('keydown', unlock, options);
  };
}

/** A few sine beeps, synthesised (no audio file), with soft edges so they do not click. */
export function ring(priority: Report['priority']) {
  if (!context || context.state !== 'running') return;
  const start = context.currentTime + 0.02;
  for (const tone of ringTones(priority)) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = tone.frequency;
    const t0 = start + tone.start;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.25, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + tone.duration);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(t0);
    oscillator.stop(t0 + tone.duration + 0.02);
  }
}
