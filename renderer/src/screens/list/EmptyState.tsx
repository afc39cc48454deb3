import type { ReactNode } from 'react'

export function EmptyState({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">{title}</h2>
      <p>{body}</p>
      {children && <div className="empty-actions">{children}</div>}
    </section>
  )
}
