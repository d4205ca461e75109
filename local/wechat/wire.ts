import protobuf from 'protobufjs'

/**
 * The wire of an open-API cloud call as wx-server-sdk 4.0.2 sends it (src/protobuf/openapi.js and
 * src/api/openapi/openapi.ts in its bundle): a multipart POST with `action=wx.openApi`, `apiName`, and
 * `requestData`, a CommApiData message whose OpenApiData holds one pair per request field, the value
 * JSON-encoded. The answer is a bare CommOpenApiResp message: WeChat's JSON answer in `respData`.
 * Only the fields wx-server-sdk reads or writes for OPEN_API calls are declared.
 */
const root = protobuf.Root.fromJSON({
  nested: {
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        appid: { type: 'string', id: 6 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
        svrkitErrorCode: { type: 'int32', id: 6 },
      },
    },
  },
})
const CommApiData = root.lookupType('CommApiData')
const CommOpenApiResp = root.lookupType('CommOpenApiResp')
const OPEN_API = 0

/** The request fields of one call, snake_case as WeChat's HTTP API names them. */
export function decodeOpenApiCall(requestData: Uint8Array): Record<string, unknown> {
  const message = CommApiData.toObject(CommApiData.decode(requestData), { defaults: true }) as {
    apiType: number
    openapiData?: { pairs: { key: string; value: Uint8Array }[] }
  }
  if (message.apiType !== OPEN_API) throw new Error(`apiType ${message.apiType} is not an open-API call`)
  const fields: Record<string, unknown> = {}
  for (const pair of message.openapiData?.pairs ?? []) fields[pair.key] = JSON.parse(Buffer.from(pair.value).toString('utf8'))
  return fields
}

export function encodeOpenApiAnswer(answer: object): Buffer {
  const message = CommOpenApiResp.create({
    respData: Buffer.from(JSON.stringify(answer)),
    contentType: 'application/json; charset=utf-8',
    errorCode: 0,
    httpCode: 200,
    svrkitErrorCode: 0,
  })
  return Buffer.from(CommOpenApiResp.encode(message).finish())
}

/** For tests and the admin view: a call encoded as wx-server-sdk encodes it. */
export function encodeOpenApiCall(fields: Record<string, unknown>): Buffer {
  const pairs = Object.entries(fields).map(([key, value]) => ({ key, value: Buffer.from(JSON.stringify(value)) }))
  return Buffer.from(CommApiData.encode(CommApiData.create({ apiType: OPEN_API, openapiData: { pairs } })).finish())
}
