/**
 * Percent, fractional or American: the reader's choice, remembered on this device. Each option shows the same
 * made-up chance in its format, marked "e.g." so it is never read as a live figure.
 */
import type { OddsFormat } from "../../../shared/domain/odds";
import { SegmentedChoice } from "../../components/SegmentedChoice";
import { useOddsFormat } from "../../stores/oddsFormat";

const formats: { value: OddsFormat; label: string; example: string }[] = [
  { value: "percent", label: "Percent", example: "22.2%" },
  { value: "fractional", label: "Fractional", example: "7/2" },
  { value: "american", label: "American", example: "+350" },
];

export function OddsFormatPicker() {
  const format = useOddsFormat((state) => state.format);
  const setFormat = useOddsFormat((state) => state.setFormat);
  return (
    <SegmentedChoice
      legend="Show odds as"
      name="odds-format"
      options={formats.map(({ value, label, example }) => ({
        value,
        label: (
          <>
            {label} <span className="segmented-example">e.g. {example}</span>
          </>
        ),
      }))}
      value={format}
      onChange={setFormat}
    />
  );
}
