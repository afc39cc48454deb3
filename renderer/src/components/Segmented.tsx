import { useRef, type KeyboardEvent } from 'react'

/**
 * A row of mutually exclusive choices (ARIA radio group): one Tab stop, arrows move and pick, like native radios.
 * Used for the list's time window and the sync log's result filter.
 */
export function Segmented<T>({
  label,
  options,
  value,
  optionLabel,
  onChange,
}: {
  label: string
  options: readonly T[]
  value: T
  optionLabel: (option: T) => string
  onChange: (option: T) => void
}) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([])
  const selected = options.indexOf(value)

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key]
    const from = Math.max(selected, 0)
    const target =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? options.length - 1
          : step === undefined
            ? null
            : (from + step + options.length) % options.length
    if (target === null) return
    e.preventDefault()
    onChange(options[target])
    buttons.current[target]?.focus()
  }

  return (
    <div className="segmented" role="radiogroup" aria-label={label} onKeyDown={onKeyDown}>
      {options.map((option, i) => {
        const checked = i === selected
        return (
          <button
            key={String(option)}
            ref={(el) => {
              buttons.current[i] = el
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked || (selected === -1 && i === 0) ? 0 : -1}
            className={checked ? 'segment is-on' : 'segment'}
            onClick={() => onChange(option)}
          >
            {optionLabel(option)}
          </button>
        )
      })}
    </div>
  )
}
