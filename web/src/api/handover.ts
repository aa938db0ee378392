import type { Handover, HandoverResult } from '@app/shared'
import { http } from './http.ts'

/** Admin only: moves customers (and the personal tags on them) to another member. */
export async function handOver(body: Handover): Promise<HandoverResult> {
  return (await http.post<HandoverResult>('/admin/handover', body)).data
}
