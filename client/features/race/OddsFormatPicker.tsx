/**
 * Percent, fractional or American: the reader's choice, remembered on this device. Each option shows the same
 * made-up chance in its format, marked "e.g." so it is never read as a live figure.
 */
import type { OddsFormat } from "../../../shared/domain/odds";
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
    <fieldset className="segmented">
      <legend>Show odds as</legend>
      {formats.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name="odds-format"
            value={option.value}
            checked={format === option.value}
            onChange={() => setFormat(option.value)}
          />
          <span>
            {option.label} <span className="segmented-example">e.g. {option.example}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
