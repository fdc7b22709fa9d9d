/** Whether the fan has waved away the "finish your ballot" reminder; remembered for this browser session only. */
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";

type BallotReminderState = { dismissed: boolean; dismiss: () => void };

export const useBallotReminder = create<BallotReminderState>()(
  persist((set) => ({ dismissed: false, dismiss: () => set({ dismissed: true }) }), {
    name: "frontrunner.ballotReminder",
    storage: createJSONStorage(() => sessionStorage),
    partialize: (state) => ({ dismissed: state.dismissed }),
  }),
);
