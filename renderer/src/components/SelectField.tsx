/**
 * A labelled native select (the label wraps it, so a screen reader names the combobox by its text). Options carry
 * typed values (numbers, null, string unions); the DOM option value is `String(value)`, mapped back here, so call
 * sites never parse strings.
 */
export interface SelectOption<T> {
  value: T
  label: string
}

export function SelectField<T>({
  label,
  options,
  value,
  onChange,
  disabled,
  className = 'field',
}: {
  label: string
  options: ReadonlyArray<SelectOption<T>>
  value: T
  onChange: (value: T) => void
  disabled?: boolean
  className?: string
}) {
  return (
    <label className={className}>
      {label}
      <select
        value={String(value)}
        disabled={disabled}
        onChange={(e) => {
          const picked = options.find((o) => String(o.value) === e.target.value)
          if (picked) onChange(picked.value)
        }}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}
