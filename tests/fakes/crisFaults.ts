/** The error forms CRIS and the apis.data.go.kr gateway in front of it answer with (open-apis.md §2.5). */

export type CrisFault =
  /** CRIS's own flat envelope with a non-'00' resultCode, HTTP 200. */
  | { form: 'result-code'; code: string; message?: string }
  /** Gateway error as XML OpenAPI_ServiceResponse, with status 200, 401 or 403. */
  | { form: 'gateway-xml'; status: number; code: string; authMessage?: string }
  /** Gateway error as JSON {"OpenAPI_ServiceResponse":…}. */
  | { form: 'gateway-json'; status: number; code: string; authMessage?: string }
  /** Right after key approval: HTTP 403 plain-text `Forbidden`. */
  | { form: 'forbidden' }
  /** A plain HTTP failure (5xx) with an HTML body. */
  | { form: 'http'; status: number }

export interface FaultResponse {
  status: number
  contentType: string
  body: string
}

const GATEWAY_MESSAGES: Record<string, string> = {
  '05': 'SERVICETIMEOUT_ERROR',
  '10': 'INVALID_REQUEST_PARAMETER_ERROR',
  '20': 'SERVICE_ACCESS_DENIED_ERROR',
  '22': 'LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR',
  '23': 'LIMITED_NUMBER_OF_SERVICE_REQUESTS_PER_SECOND_EXCEEDS_ERROR',
  '30': 'SERVICE_KEY_IS_NOT_REGISTERED_ERROR',
  '31': 'DEADLINE_HAS_EXPIRED_ERROR',
  '32': 'UNREGISTERED_IP_ERROR',
  '99': 'UNKNOWN_ERROR',
}
const messageFor = (code: string) => GATEWAY_MESSAGES[code] ?? 'UNKNOWN_ERROR'

export function gatewayXml(code: string, authMessage = messageFor(code)): string {
  return (
    '<OpenAPI_ServiceResponse>\n\t<cmmMsgHeader>\n\t\t<errMsg>SERVICE ERROR</errMsg>\n' +
    `\t\t<returnAuthMsg>${authMessage}</returnAuthMsg>\n\t\t<returnReasonCode>${code}</returnReasonCode>\n` +
    '\t</cmmMsgHeader>\n</OpenAPI_ServiceResponse>'
  )
}

export function renderFault(fault: CrisFault): FaultResponse {
  switch (fault.form) {
    case 'result-code':
      return {
        status: 200,
        contentType: 'application/json;charset=UTF-8',
        body: JSON.stringify({ resultCode: fault.code, resultMsg: fault.message ?? messageFor(fault.code) }),
      }
    case 'gateway-xml':
      return {
        status: fault.status,
        contentType: 'text/xml;charset=UTF-8',
        body: gatewayXml(fault.code, fault.authMessage),
      }
    case 'gateway-json':
      return {
        status: fault.status,
        contentType: 'application/json;charset=UTF-8',
        body: JSON.stringify({
          OpenAPI_ServiceResponse: {
            cmmMsgHeader: {
              errMsg: 'SERVICE ERROR',
              returnAuthMsg: fault.authMessage ?? messageFor(fault.code),
              returnReasonCode: fault.code,
            },
          },
        }),
      }
    case 'forbidden':
      return { status: 403, contentType: 'text/plain', body: 'Forbidden' }
    case 'http':
      return {
        status: fault.status,
        contentType: 'text/html',
        body: `<html><body><h1>${fault.status} Service Unavailable</h1></body></html>`,
      }
  }
}
