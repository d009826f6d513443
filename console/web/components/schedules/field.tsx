// A labelled form field with its hint and the error about it, tied to the input by id so a
// screen reader reads the hint and the error with the field.
import type { ComponentChildren } from 'preact';

export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={`field${props.error ? ' field-invalid' : ''}`}>
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      {props.children}
      {props.hint && <span class="field-hint">{props.hint}</span>}
      <FieldError id={`${props.id}-error`} message={props.error} />
    </div>
  );
}

export function FieldError(props: { id: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p id={props.id} class="field-error" role="alert">
      {props.message}
    </p>
  );
}
