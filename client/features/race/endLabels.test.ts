import { describe, expect, it } from "vitest";
import { shortLabel, spreadLabels } from "./endLabels";

describe("spreadLabels", () => {
  it("leaves labels that are already far enough apart where they are", () => {
    const placed = spreadLabels(
      new Map([
        ["a", 40],
        ["b", 100],
      ]),
      12,
      0,
      300,
    );
    expect(placed).toEqual(
      new Map([
        ["a", 40],
        ["b", 100],
      ]),
    );
  });

  it("pushes overlapping labels apart in their order, as two long shots near 0% would be", () => {
    const placed = spreadLabels(
      new Map([
        ["silence", 296],
        ["jackie", 295],
        ["la-la-land", 80],
      ]),
      12,
      0,
      300,
    );
    expect(placed.get("la-la-land")).toBe(80);
    // Jackie's line ends higher, so its label stays above Silence's; both fit above the bottom edge.
    expect(placed.get("jackie")).toBe(288);
    expect(placed.get("silence")).toBe(300);
  });

  it("keeps every label inside the plot, even when they crowd an edge", () => {
    const placed = spreadLabels(
      new Map([
        ["a", 2],
        ["b", 3],
        ["c", 4],
      ]),
      10,
      20,
      300,
    );
    expect([...placed.values()]).toEqual([20, 30, 40]);
  });
});

describe("shortLabel", () => {
  it("keeps short names and cuts long ones with an ellipsis", () => {
    expect(shortLabel("Jackie", 12)).toBe("Jackie");
    expect(shortLabel("Manchester by the Sea", 12)).toBe("Manchester…");
  });
});
