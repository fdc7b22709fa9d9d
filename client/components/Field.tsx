/** One accessible form field: a label, its control, and an optional hint and error that the control is described by. */
import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from "react";

type FieldText = {
  /** The control's accessible name. */
  label: ReactNode;
  /** Guidance under the control, read out with it. */
  hint?: ReactNode;
  /** What is wrong with the value: shown under the control, announced when it appears, and marks the control invalid. */
  error?: ReactNode;
  /** Marks the control invalid when there is no error text to show (a value the form quietly refuses to submit). */
  invalid?: boolean;
};

/** The attributes that tie a control to its field's label, hint and error. */
type FieldControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** The control's own attributes, less those the field decides. */
type ControlAttributes<Attributes> = Omit<Attributes, "id" | "aria-invalid" | "aria-describedby">;

/** The field's frame around any control: `children` renders the control with the attributes it is given. */
export function Field({
  label,
  hint,
  error,
  invalid = false,
  children,
}: FieldText & { children: (control: FieldControlProps) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        "aria-invalid": error || invalid ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Splits a field component's props into the frame's (label, hint, error) and the control's own. */
function frameAndControl<Props extends FieldText>({ label, hint, error, invalid, ...control }: Props) {
  return { frame: { label, hint, error, invalid }, control };
}

/** A labelled `<input>` of any type; every other prop goes to the input. */
export function TextField(props: FieldText & ControlAttributes<InputHTMLAttributes<HTMLInputElement>>) {
  const { frame, control: input } = frameAndControl(props);
  return <Field {...frame}>{(control) => <input {...input} {...control} />}</Field>;
}

/** A labelled `<select>`; `children` are its options and every other prop goes to the select. */
export function SelectField({
  children,
  ...props
}: FieldText & ControlAttributes<SelectHTMLAttributes<HTMLSelectElement>>) {
  const { frame, control: select } = frameAndControl(props);
  return (
    <Field {...frame}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}
