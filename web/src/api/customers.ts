import type { CorporateDelta, CustomerTags, PersonalAssign, PersonalUnassignResult } from '@app/shared'
import { http } from './http.ts'

/** What PUT answers: the assignment as stored (same shape DELETE returns as `removed`). */
export type PersonalAssignment = PersonalUnassignResult['removed']

const base = (externalUserId: string) => `/customers/${encodeURIComponent(externalUserId)}`

export async function getCustomerTags(externalUserId: string): Promise<CustomerTags> {
  return (await http.get<CustomerTags>(`${base(externalUserId)}/tags`)).data
}

/** A delta, never the whole set, so two people editing at once keep both changes. */
export async function changeCorporateTags(externalUserId: string, delta: CorporateDelta): Promise<CustomerTags> {
  return (await http.post<CustomerTags>(`${base(externalUserId)}/corporate-tags`, delta)).data
}

export async function assignPersonalTag(externalUserId: string, tagId: number, body: PersonalAssign = {}): Promise<PersonalAssignment> {
  return (await http.put<PersonalAssignment>(`${base(externalUserId)}/personal-tags/${tagId}`, body)).data
}

export async function unassignPersonalTag(externalUserId: string, tagId: number): Promise<PersonalUnassignResult> {
  return (await http.delete<PersonalUnassignResult>(`${base(externalUserId)}/personal-tags/${tagId}`)).data
}
