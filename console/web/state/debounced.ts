// A value that follows another once it has stopped changing for a moment: a search asks the
// server when the person pauses typing, not on every keystroke.
import { useEffect, useState } from 'preact/hooks';

export function useDebounced<T>(value: T, pauseMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), pauseMs);
    return () => clearTimeout(timer);
  }, [value, pauseMs]);
  return settled;
}
