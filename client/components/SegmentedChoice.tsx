/**
 * A few exclusive choices shown side by side (`.segmented` in styles.css): radio buttons in a fieldset its legend
 * names, so the keyboard's arrow keys move between them and a screen reader hears the group and each choice.
 */
import type { ReactNode } from "react";

type Props<Value extends string> = {
  legend: string;
  /** The radio group's name, unique on the page. */
  name: string;
  options: readonly { value: Value; label: ReactNode }[];
  value: Value;
  onChange: (value: Value) => void;
};

export function SegmentedChoice<Value extends string>({ legend, name, options, value, onChange }: Props<Value>) {
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
