import { cpus, totalmem, type as osType, release } from 'node:os'

export interface MachineInfo {
  cpu: string
  cores: number
  memoryGb: number
  os: string
  node: string
}

export function describeMachine(): MachineInfo {
  const cpu = cpus()
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${osType()} ${release()}`,
    node: process.version,
  }
}
