import type { CreatePersonalTag, PersonalTagDeleteResult, PersonalTagList, PersonalTagWriteResult, UpdatePersonalTag } from '@app/shared'
import { http } from './http.ts'

export async function listPersonalTags(): Promise<PersonalTagList> {
  return (await http.get<PersonalTagList>('/personal-tags')).data
}

export async function createPersonalTag(body: CreatePersonalTag): Promise<PersonalTagWriteResult> {
  return (await http.post<PersonalTagWriteResult>('/personal-tags', body)).data
}

export async function renamePersonalTag(id: number, body: UpdatePersonalTag): Promise<PersonalTagWriteResult> {
  return (await http.patch<PersonalTagWriteResult>(`/personal-tags/${id}`, body)).data
}

/** Deletes the tag from the member's library and from every customer that carried it. */
export async function deletePersonalTag(id: number): Promise<PersonalTagDeleteResult> {
  return (await http.delete<PersonalTagDeleteResult>(`/personal-tags/${id}`)).data
}
