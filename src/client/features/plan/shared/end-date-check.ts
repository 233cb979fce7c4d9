import { useRef, useState } from 'react';

/**
 * The client-side twin of the server's "end ≥ start" rule: checked before sending, so the message shows under the
 * end date at once and focus goes there. The server still checks, and its message shows in the same place.
 */
export function useEndDateCheck() {
  const ref = useRef<HTMLInputElement>(null);
  const [invalid, setInvalid] = useState(false);
  return {
    ref,
    invalid,
    /** True when the dates may be sent: either is missing, or the end is on or after the start. */
    check(start: string | null | undefined, end: string | null | undefined): boolean {
      const bad = Boolean(start && end && end < start);
      setInvalid(bad);
      if (bad) ref.current?.focus();
      return !bad;
    },
    reset: () => setInvalid(false),
  };
}
