import type { InputHTMLAttributes, ReactNode } from 'react';

/** `relatives.2.phone` → `relatives-2-phone`: a valid id, linked to its error by aria-describedby. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;
export const errorId = (path: string) => `${fieldId(path)}-error`;

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  optional?: boolean;
}

/** A labelled text input; its error is announced with it (aria-describedby) and marks it invalid. */
export function Field({ path, label, value, onChange, error, hint, optional, ...input }: FieldProps) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, error ? errorId(path) : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="optional"> (facultatif)</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        {...input}
        id={id}
        name={path}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        required={!optional}
      />
      <FieldError path={path} error={error} />
    </div>
  );
}

export const FieldError = ({ path, error }: { path: string; error?: string }) =>
  error ? (
    <p className="error" id={errorId(path)}>
      {error}
    </p>
  ) : null;
