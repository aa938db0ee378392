import { foldName } from './normalize.ts'

/**
 * Names that say nothing about which dimension they measure. A report cannot use
 * "重要客户": important how? The hint steers towards the 属性_特征 form.
 */
const VAGUE_NAMES = [
  '重要客户', '重要', '其他', '其它', '待定', '一般', '普通', '未知', '特殊', '临时',
  '备用', '杂项', '新标签', '标签', '测试', '默认', '好客户', '大客户', '优质客户', '关注',
  '跟进', '需跟进', 'vip', '客户', 'a', 'b', 'c', 'test', 'other', 'misc', 'tbd',
].map(foldName)

export const VAGUE_HINT = '请写明维度，建议用“属性_特征”的形式，如“咨询次数_3次以上”'

export function isVagueName(name: string): boolean {
  const key = foldName(name)
  return key.length === 0 || VAGUE_NAMES.includes(key)
}
