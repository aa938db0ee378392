import type { DemoDirectory, DemoLogin, Health, Me } from '@app/shared'
import { http } from './http.ts'

export async function getHealth(): Promise<Health> {
  return (await http.get<Health>('/health')).data
}

export async function getMe(): Promise<Me> {
  return (await http.get<Me>('/me')).data
}

/** Demo mode only: act as this member. */
export async function demoLogin(body: DemoLogin): Promise<Me> {
  return (await http.post<Me>('/auth/demo', body)).data
}

export async function getDemoDirectory(): Promise<DemoDirectory> {
  return (await http.get<DemoDirectory>('/demo/directory')).data
}

export async function logout(): Promise<void> {
  await http.post('/auth/logout')
}
