/**
 * The parts of a multipart/form-data body, each as its raw bytes. wx-server-sdk sends a cloud call's
 * protobuf `requestData` as a part without a filename, which the WHATWG FormData parser would decode
 * as UTF-8 text and so corrupt; here nothing is decoded.
 */
export function multipartFields(body: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  const fields = new Map<string, Buffer>()
  if (!boundary) return fields
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`)
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    const partStart = start + delimiter.length
    if (body.subarray(partStart, partStart + 2).toString() === '--') break
    const next = body.indexOf(delimiter, partStart)
    if (next === -1) break
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = body.subarray(partStart + 2, next - 2)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd !== -1) {
      const name = /name="([^"]*)"/i.exec(part.subarray(0, headerEnd).toString('utf8'))?.[1]
      if (name !== undefined) fields.set(name, part.subarray(headerEnd + 4))
    }
    start = next
  }
  return fields
}
