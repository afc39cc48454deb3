import { TrialsError } from '../../core/errors'

export function noKeyError(): TrialsError {
  return new TrialsError(
    'NO_KEY',
    'No data.go.kr service key is set. Get a free key at data.go.kr (search "임상연구 과제정보", dataset 3074271), ' +
      'paste it in Settings, then press Sync now.',
  )
}

export function noSourceEnabledError(): TrialsError {
  return new TrialsError('USAGE', 'No registry is switched on. Turn on iCReaT or CRIS in Settings, then sync again.')
}
