/**
 * The demo company of DESIGN §6. Tests and checks rely on these names and ids, so change
 * them only together with the tests.
 */
export const DEMO_DEPARTMENTS = [
  { id: 1, name: '示例科技有限公司', parentId: null },
  { id: 2, name: '销售部', parentId: 1 },
  { id: 3, name: '华东销售部', parentId: 2 },
  { id: 4, name: '华南销售部', parentId: 2 },
  { id: 5, name: '售后部', parentId: 1 },
  { id: 6, name: '市场部', parentId: 1 },
  { id: 7, name: '管理部', parentId: 1 },
] as const

export const DEMO_MEMBERS = [
  { userId: 'zhangsan', name: '张三', departmentId: 3 },
  { userId: 'lisi', name: '李四', departmentId: 3 },
  { userId: 'wangwu', name: '王五', departmentId: 2 },
  { userId: 'zhaoliu', name: '赵六', departmentId: 5 },
  { userId: 'admin', name: '管理员', departmentId: 7 },
  { userId: 'sunqi', name: '孙七', departmentId: 6 },
  { userId: 'zhouba', name: '周八', departmentId: 4 },
] as const

export const DEMO_ROLES = [
  { userId: 'wangwu', role: 'approver', departmentId: 2 },
  { userId: 'admin', role: 'admin', departmentId: null },
] as const

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const GIVEN = ['晓明', '丽华', '建国', '芳', '伟', '静', '磊', '婷', '强', '敏', '洋', '艳', '杰', '娟', '勇']
const COMPANIES = ['上海云帆贸易', '杭州青禾母婴', '南京瑞丰电器', '苏州恒信家居', '宁波海川科技', null]

/** 30 customers wmDemo001…wmDemo030 with deterministic names. */
export const DEMO_CUSTOMERS = Array.from({ length: 30 }, (_, i) => {
  const n = i + 1
  return {
    externalUserId: `wmDemo${String(n).padStart(3, '0')}`,
    name: n === 1 ? '陈女士' : `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`,
    corpName: n === 1 ? '杭州青禾母婴' : COMPANIES[i % COMPANIES.length] ?? null,
    type: i % 4 === 3 ? 2 : 1,
    gender: (i % 2) + 1,
  }
})

/** Who follows whom: zhangsan and lisi both follow wmDemo001 (DESIGN §6). */
export function demoFollowers(n: number): string[] {
  const out: string[] = []
  if (n <= 15) out.push('zhangsan')
  if (n === 1 || (n >= 10 && n <= 20)) out.push('lisi')
  if (n >= 16 && n <= 20) out.push('zhouba')
  if (n >= 21) out.push('zhaoliu')
  if (n % 5 === 0) out.push('wangwu')
  return out
}

type Access = { kind: 'scope' | 'editor', targetType: 'department' | 'member' | 'role', targetId: string }

export interface DemoGroup {
  key: string
  name: string
  parent?: string
  locked?: boolean
  exclusive?: boolean
  access?: Access[]
  tags: string[]
}

export const DEMO_GROUPS: DemoGroup[] = [
  { key: 'level', name: '客户等级', exclusive: true, tags: ['A类', 'B类', 'C类'] },
  { key: 'region', name: '区域', tags: ['华东', '华南', '华北'] },
  { key: 'channel', name: '渠道来源', tags: ['地推活动', '经销商', '广告投放'] },
  { key: 'pref', name: '消费偏好', tags: ['价格敏感', '品质优先'] },
  { key: 'baby', name: '母婴类', parent: 'pref', tags: ['备孕', '孕期', '新生儿'] },
  { key: 'milk', name: '奶粉段位', parent: 'baby', exclusive: true, tags: ['一段', '二段', '三段'] },
  { key: 'ads', name: '广告渠道', access: [{ kind: 'scope', targetType: 'department', targetId: '6' }], tags: ['朋友圈', '公众号', '搜索'] },
  { key: 'member', name: '会员等级', locked: true, tags: ['普通会员', '银卡', '金卡'] },
  { key: 'repair', name: '维修记录', access: [{ kind: 'editor', targetType: 'department', targetId: '5' }], tags: ['已报修', '维修中', '已修复'] },
]

/** Corporate tags already on customers at first start: [customer no., group key, tag, marked by]. */
export const DEMO_CORP_ASSIGNMENTS: Array<[number, string, string, string]> = [
  [1, 'level', 'A类', 'wangwu'],
  [1, 'region', '华东', 'zhangsan'],
  [1, 'channel', '经销商', 'lisi'],
  [1, 'member', '银卡', 'admin'],
  [1, 'baby', '孕期', 'zhangsan'],
  [2, 'level', 'B类', 'zhangsan'],
  [2, 'region', '华东', 'zhangsan'],
  [3, 'region', '华南', 'zhangsan'],
  [3, 'repair', '已报修', 'zhaoliu'],
  [21, 'repair', '维修中', 'zhaoliu'],
]

/** Personal tags: [owner, name, [customer no., note][]]. Both zhangsan and lisi have 高意向. */
export const DEMO_PERSONAL_TAGS: Array<[string, string, Array<[number, string | null]>]> = [
  ['zhangsan', '爱砍价', [[1, '连续三次提到价格贵'], [4, null]]],
  ['zhangsan', '非工作日活跃', [[1, '周末晚上回消息最快']]],
  ['zhangsan', '高意向', [[2, '主动问了到货时间'], [5, null], [7, '已要报价单']]],
  ['zhangsan', '需要发票', []],
  ['lisi', '高意向', [[1, '问了团购价'], [12, null]]],
  ['lisi', '老客户转介绍', [[10, '王女士介绍']]],
  ['zhaoliu', '脾气急', [[21, '报修两次未上门']]],
]
