/** The reader's chosen odds format, remembered in localStorage: the server never needs to know it. */
import { create } from "zustand";
import { persist } from "zustand/middleware";
import type { OddsFormat } from "../../shared/domain/odds";

type OddsFormatState = { format: OddsFormat; setFormat: (format: OddsFormat) => void };

export const useOddsFormat = create<OddsFormatState>()(
  persist((set) => ({ format: "percent", setFormat: (format) => set({ format }) }), {
    name: "frontrunner.oddsFormat",
    version: 1,
    // Only the choice is stored; a tampered value falls back to the default instead of breaking the page.
    partialize: (state) => ({ format: state.format }),
    merge: (persisted, current) => {
      const format = (persisted as { format?: unknown } | undefined)?.format;
      return format === "percent" || format === "fractional" || format === "american"
        ? { ...current, format }
        : current;
    },
  }),
);
