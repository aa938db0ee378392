import type {
  AccessPreview, AuditPage, AuditQuery, CreateGroupInput, CreateTagInput, Directory, GroupSettingsInput, LibraryTree,
  LibraryWriteResult, MoveInput, RecycleItem, RestoreResult, RoleChange, UpdateGroupInput, UpdateTagInput, WhyAnswer,
} from '@app/shared'
import { http } from './http.ts'

/** The admin endpoints (issue 4), one typed function each. Only the lazy admin pages import this. */

export const getLibrary = async () => (await http.get<LibraryTree>('/admin/library')).data
export const createGroup = async (body: CreateGroupInput) => (await http.post<LibraryWriteResult>('/admin/groups', body)).data
export const updateGroup = async (id: number, body: UpdateGroupInput) => (await http.patch<LibraryWriteResult>(`/admin/groups/${id}`, body)).data
export const moveGroup = async (id: number, body: MoveInput) => (await http.post<{ order: number[] }>(`/admin/groups/${id}/move`, body)).data
export const sortTagsByUsage = async (id: number) => (await http.post<{ order: number[] }>(`/admin/groups/${id}/sort-tags-by-usage`, {})).data
export const previewGroupSettings = async (id: number, body: GroupSettingsInput) => (await http.post<AccessPreview>(`/admin/groups/${id}/settings/preview`, body)).data
export const saveGroupSettings = async (id: number, body: GroupSettingsInput) => (await http.put<{ id: number }>(`/admin/groups/${id}/settings`, body)).data
export const deleteGroup = async (id: number) => (await http.delete<{ deletionId: number, assignmentCount: number }>(`/admin/groups/${id}`)).data

export const createTag = async (body: CreateTagInput) => (await http.post<LibraryWriteResult>('/admin/tags', body)).data
export const updateTag = async (id: number, body: UpdateTagInput) => (await http.patch<LibraryWriteResult>(`/admin/tags/${id}`, body)).data
export const moveTag = async (id: number, body: MoveInput) => (await http.post<{ order: number[] }>(`/admin/tags/${id}/move`, body)).data
export const deleteTag = async (id: number) => (await http.delete<{ deletionId: number, assignmentCount: number }>(`/admin/tags/${id}`)).data

export const whyAccess = async (userId: string, groupId: number) => (await http.get<WhyAnswer>('/admin/access/why', { params: { userId, groupId } })).data

export const getRecycleBin = async () => (await http.get<{ items: RecycleItem[], retentionDays: number }>('/admin/recycle-bin')).data
export const restoreItem = async (id: number) => (await http.post<RestoreResult>(`/admin/recycle-bin/${id}/restore`, {})).data
export const purgeItem = async (id: number) => (await http.delete<{ purged: true }>(`/admin/recycle-bin/${id}`)).data

export const getAuditLog = async (query: Partial<AuditQuery>) => (await http.get<AuditPage>('/admin/audit', { params: query })).data

export const getDirectory = async () => (await http.get<Directory>('/admin/directory')).data
export const grantRole = async (body: RoleChange) => (await http.post<{ changed: boolean }>('/admin/roles/grant', body)).data
export const revokeRole = async (body: RoleChange) => (await http.post<{ changed: boolean }>('/admin/roles/revoke', body)).data
