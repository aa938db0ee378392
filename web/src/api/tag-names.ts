import type { NameCheckRequest, NameCheckResult } from '@app/shared'
import { http } from './http.ts'

export async function checkTagName(body: NameCheckRequest, signal?: AbortSignal): Promise<NameCheckResult> {
  return (await http.post<NameCheckResult>('/tag-names/check', body, { signal })).data
}
