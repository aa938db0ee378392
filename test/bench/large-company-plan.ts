/**
 * The shape of the large benchmark company (DESIGN §8), as plain data: departments,
 * members, roles and the 300 tag groups with their scopes. generate.ts writes it out and
 * adds the customers and assignments. Everything is deterministic (no randomness here).
 */

export type MemberKind = 'sales' | 'manager' | 'director' | 'service' | 'marketing' | 'office' | 'admin'
export interface PlanDepartment { id: number, name: string, parentId: number | null }
export interface PlanMember { userId: string, name: string, departmentId: number, kind: MemberKind }
export interface PlanRole { userId: string, role: 'admin' | 'approver', departmentId: number | null }
export interface PlanAccess { kind: 'scope' | 'editor', targetType: 'department' | 'member' | 'role', targetId: string }
export interface PlanGroup {
  id: number
  name: string
  parentId: number | null
  locked: boolean
  exclusive: boolean
  access: PlanAccess[]
  tags: string[]
}

export const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北', '海外'] as const
export const TEAMS_PER_REGION = 6
export const SALES_PER_TEAM = 18
const SALES_CENTER = 2
const SERVICE = 3
const MARKETING = 4
const OFFICE = 5
export const regionDept = (r: number) => 10 + r
export const teamDept = (r: number, k: number) => 100 + r * 10 + k

export function planDepartments(): PlanDepartment[] {
  const out: PlanDepartment[] = [
    { id: 1, name: '远航集团', parentId: null },
    { id: SALES_CENTER, name: '销售中心', parentId: 1 },
    { id: SERVICE, name: '售后服务部', parentId: 1 },
    { id: MARKETING, name: '市场部', parentId: 1 },
    { id: OFFICE, name: '管理部', parentId: 1 },
    { id: 31, name: '售后一组', parentId: SERVICE },
    { id: 32, name: '售后二组', parentId: SERVICE },
    { id: 33, name: '售后三组', parentId: SERVICE },
    { id: 41, name: '品牌组', parentId: MARKETING },
    { id: 42, name: '投放组', parentId: MARKETING },
  ]
  REGIONS.forEach((region, r) => {
    out.push({ id: regionDept(r), name: `${region}大区`, parentId: SALES_CENTER })
    for (let k = 1; k <= TEAMS_PER_REGION; k++) out.push({ id: teamDept(r, k), name: `${region}销售${k}组`, parentId: regionDept(r) })
  })
  return out
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文'
const GIVEN = '伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建波宁琳晨浩然嘉怡欣宇轩睿哲博文思雨佳俊'
/** A deterministic Chinese personal name for index n. */
export function personName(n: number): string {
  const s = SURNAMES[n % SURNAMES.length]!
  const g1 = GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]!
  const g2 = n % 3 === 0 ? '' : GIVEN[Math.floor(n / 7) % GIVEN.length]!
  return s + g1 + g2
}

/** 1,000 members: 864 salespeople in 48 teams, 8 region managers, a director, 售后, 市场, 管理 (5 admins). */
export function planMembers(): { members: PlanMember[], roles: PlanRole[] } {
  const members: PlanMember[] = []
  const roles: PlanRole[] = []
  const add = (userId: string, departmentId: number, kind: MemberKind) => members.push({ userId, name: personName(members.length), departmentId, kind })
  let s = 0
  REGIONS.forEach((_, r) => {
    for (let k = 1; k <= TEAMS_PER_REGION; k++) {
      for (let i = 0; i < SALES_PER_TEAM; i++) add(`s${String(++s).padStart(4, '0')}`, teamDept(r, k), 'sales')
    }
    const manager = `mgr${r + 1}`
    add(manager, regionDept(r), 'manager')
    roles.push({ userId: manager, role: 'approver', departmentId: regionDept(r) })
  })
  add('director', SALES_CENTER, 'director')
  roles.push({ userId: 'director', role: 'approver', departmentId: SALES_CENTER })
  for (let i = 1; i <= 60; i++) add(`sv${String(i).padStart(3, '0')}`, 30 + ((i - 1) % 3) + 1, 'service')
  for (let i = 1; i <= 40; i++) add(`mk${String(i).padStart(3, '0')}`, 40 + ((i - 1) % 2) + 1, 'marketing')
  for (let i = 1; i <= 5; i++) {
    add(`adm${i}`, OFFICE, 'admin')
    roles.push({ userId: `adm${i}`, role: 'admin', departmentId: null })
  }
  while (members.length < 1000) add(`of${String(members.length).padStart(4, '0')}`, OFFICE, 'office')
  return { members, roles }
}

const LEVELS = ['一级', '二级', '三级', '四级', '五级', '六级', '七级', '八级', '九级', '十级']
const RANGES = ['很低', '较低', '偏低', '中等', '偏高', '较高', '很高', '极高', '未知', '待确认']
const STAGES = ['初次接触', '需求确认', '方案沟通', '报价中', '谈判中', '已成交', '复购', '流失', '沉睡', '重新激活']
const GRADES = ['A类', 'B类', 'C类', 'D类', 'E类', 'F类', 'G类', 'H类', 'I类', 'J类']
const VALUE_SETS = [LEVELS, RANGES, STAGES, GRADES]
const DIMENSIONS = ['购买意向', '预算范围', '决策角色', '行业', '公司规模', '跟进阶段', '活动参与', '产品兴趣', '价格敏感', '复购潜力', '服务满意', '投诉风险', '沟通偏好', '到店频次', '线上活跃', '推荐意愿']

/**
 * 300 groups × 10 tags. Most are scoped to departments: a salesperson sees 24 company-wide
 * + 12 销售中心 + 9 of their region + 3 of their team = 48 groups; an admin sees all 300.
 * Some groups nest (children follow their parent's scope), about one in five is
 * exclusive, one in twelve locked, and some are editable only by approvers or 售后部.
 */
export function planGroups(): PlanGroup[] {
  const groups: PlanGroup[] = []
  const add = (name: string, scopeDept: number | null, extra: Partial<PlanGroup> = {}) => {
    const id = groups.length + 1
    const values = VALUE_SETS[id % VALUE_SETS.length]!
    const access: PlanAccess[] = scopeDept === null ? [] : [{ kind: 'scope', targetType: 'department', targetId: String(scopeDept) }]
    groups.push({ id, name, parentId: null, locked: id % 12 === 5, exclusive: values === GRADES || id % 5 === 0, access, tags: values, ...extra })
    if (id % 9 === 4) groups.at(-1)!.access.push({ kind: 'editor', targetType: 'role', targetId: 'approver' })
    if (id % 17 === 8) groups.at(-1)!.access.push({ kind: 'editor', targetType: 'department', targetId: String(SERVICE) })
    return id
  }
  // Company-wide (24), including the demo's 客户等级 and a three-level tree.
  add('客户等级', null, { exclusive: true, tags: GRADES })
  add('会员等级', null, { locked: true, tags: LEVELS })
  const pref = add('消费偏好', null)
  const baby = add('母婴类', null, { parentId: pref })
  add('奶粉段位', null, { parentId: baby })
  for (let i = 0; groups.length < 24; i++) add(`${DIMENSIONS[i % DIMENSIONS.length]}${i >= DIMENSIONS.length ? '二' : ''}`, null)
  for (let i = 0; i < 12; i++) add(`销售·${DIMENSIONS[i]}`, SALES_CENTER)
  REGIONS.forEach((region, r) => {
    let first = 0
    for (let i = 0; i < 9; i++) {
      // Groups 1–2 of each region nest under group 0, group 3 under group 1.
      const parentId = i === 1 || i === 2 ? first : i === 3 ? first + 1 : null
      const id = add(`${region}·${DIMENSIONS[(i + r) % DIMENSIONS.length]}`, regionDept(r), { parentId })
      if (i === 0) first = id
    }
  })
  REGIONS.forEach((region, r) => {
    for (let k = 1; k <= TEAMS_PER_REGION; k++) {
      for (let i = 0; i < 3; i++) add(`${region}${k}组·${DIMENSIONS[(i * 5 + k) % DIMENSIONS.length]}`, teamDept(r, k))
    }
  })
  for (const [dept, label] of [[SERVICE, '售后'], [MARKETING, '市场'], [OFFICE, '管理']] as const) {
    for (let i = 0; i < 16; i++) add(`${label}·${DIMENSIONS[i]}`, dept)
  }
  return groups
}

/** Personal tag names members pick from; every salesperson has the first one. */
export const PERSONAL_TAG_NAMES = ['高意向', '爱砍价', '非工作日活跃', '决策慢', '老客户转介绍', '关注售后', '价格敏感', '要发票', '喜欢视频号', '晚上回复', '需要上门', '老板亲自谈', '比价中', '竞品用户', '预算充足', '对接采购', '技术型客户', '喜欢优惠券', '节日送礼', '孕期妈妈', '二胎家庭', '宝宝过敏', '进口奶粉', '国产奶粉', '团购组织者', '社群活跃', '朋友圈点赞', '直播下单', '到店体验', '线上下单', '分期付款', '月底结账', '合同审批慢', '多人决策', '海外采购', '大客户', '小批量', '试用中', '待回访', '已流失预警', '投诉过', '好评多', '愿意推荐', '需要样品', '看重交期', '看重质量', '看重服务', '看重品牌', '回款慢', '回款快', '年会采购', '展会认识', '地推认识', '老乡', '同行介绍', '合作伙伴', '潜在代理', '渠道商', '终端用户', '学校客户', '医院客户', '政府客户', '连锁门店', '电商卖家', '外贸公司', '工厂客户', '装修中', '新店开业', '换季采购', '周末有空', '只接电话', '只回微信', '需要翻译', '生日在本月', '关注新品', '关注活动', '积分用户', '会员续费', '长期合作', '短期项目']

/** Short notes salespeople write on a personal tag assignment. */
export const NOTES = ['连续三次提到价格贵', '周末才回消息', '要求先寄样品', '老板下周出差回来再定', '对比了两家竞品', '上次活动到店', '希望月底前交付', '孩子八个月大', '需要增值税专用发票', '朋友介绍来的']
