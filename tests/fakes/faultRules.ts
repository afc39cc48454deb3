/** The fault rules every fake server shares: which fault (if any) the next call of an operation gets. */

export interface FaultRuleOf<F, Op extends string> {
  fault: F
  /** Only this operation (default: every one). */
  op?: Op
  /** Let this many calls (of any operation) succeed first; then the fault applies. */
  afterCalls?: number
  /** Fail this many times, then recover (default: for ever). */
  times?: number
}

export function createFaultRules<F, Op extends string>() {
  const rules: Array<FaultRuleOf<F, Op> & { used: number }> = []
  return {
    add: (rule: FaultRuleOf<F, Op>) => {
      rules.push({ ...rule, used: 0 })
    },
    clear: () => {
      rules.length = 0
    },
    /** The fault for a call of `op` that arrives after `callsBefore` calls, counting it as used. */
    active(op: Op, callsBefore: number): F | undefined {
      for (const rule of rules) {
        if (rule.op && rule.op !== op) continue
        if (callsBefore < (rule.afterCalls ?? 0)) continue
        if (rule.times !== undefined && rule.used >= rule.times) continue
        rule.used++
        return rule.fault
      }
      return undefined
    },
  }
}
