import { describe, expect, it } from 'vitest'
import { signJsApi } from './js-signature.ts'

describe('JS-SDK signature', () => {
  it('should reproduce WeCom\'s official example', () => {
    const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg'
    expect(signJsApi(ticket, 'Wm3WZYTPz0wzccnW', 1414587457, 'http://mp.weixin.qq.com?params=value'))
      .toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed')
  })

  it('should sign the URL without its #fragment', () => {
    expect(signJsApi('T', 'N', 1, 'https://a.example/p?x=1#/customer')).toBe(signJsApi('T', 'N', 1, 'https://a.example/p?x=1'))
  })
})
