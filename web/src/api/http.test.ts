import type { AxiosAdapter, AxiosResponse } from 'axios'
import { AxiosError } from 'axios'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, http } from './http.ts'

// The interceptor under test sits after the transport; the adapter plays the server.
const realAdapter = http.defaults.adapter
function answer(status: number, data: unknown): AxiosAdapter {
  return async (config) => {
    const response = { status, statusText: '', headers: {}, config, data } as AxiosResponse
    // What axios's own adapters do with a non-2xx answer.
    if (status >= 400) throw new AxiosError(`Request failed with status code ${status}`, 'ERR_BAD_RESPONSE', config, null, response)
    return response
  }
}

describe('the api client', () => {
  afterEach(() => { http.defaults.adapter = realAdapter })

  it('should turn the server\'s error body into an ApiError with status, code and message', async () => {
    http.defaults.adapter = answer(409, { error: { code: 'DUPLICATE', message: '已有同名标签“高意向”', details: { id: 3 } } })
    const err = await http.post('/personal-tags', { name: '高 意向' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 409, code: 'DUPLICATE', message: '已有同名标签“高意向”', details: { id: 3 } })
  })

  it('should still give an ApiError when the body is not the error shape', async () => {
    http.defaults.adapter = answer(502, '<html>Bad Gateway</html>')
    const err = await http.get('/me').catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 502, code: 'INTERNAL' })
  })

  it('should report a network failure in Chinese', async () => {
    http.defaults.adapter = async () => { throw Object.assign(new Error('Network Error'), { isAxiosError: true }) }
    const err = await http.get('/me').catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 0, message: '网络异常，请检查网络后重试' })
  })

  it('should pass successful answers through untouched', async () => {
    http.defaults.adapter = answer(200, { ok: true, mode: 'demo' })
    expect((await http.get('/health')).data).toEqual({ ok: true, mode: 'demo' })
  })
})
