import { TrialsError } from '../../core/errors'

export function noKeyError(): TrialsError {
  return new TrialsError(
    'NO_KEY',
    'No data.go.kr service key is set. Get a free key at data.go.kr (press 활용신청 on datasets 3074271 "임상연구 과제정보" ' +
      'and 3033869 "임상연구 DB (CRIS)"), paste it in Settings, then press Sync now.',
  )
}

export function noSourceEnabledError(): TrialsError {
  return new TrialsError('USAGE', 'No registry is switched on. Turn on iCReaT or CRIS in Settings, then sync again.')
}
