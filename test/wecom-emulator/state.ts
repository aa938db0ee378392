/** The emulated corp's data: what WeCom's servers would hold. Tests seed and read it. */
export interface EmuTag { id: string, name: string, create_time: number, order: number }
export interface EmuGroup { group_id: string, group_name: string, create_time: number, order: number, tag: EmuTag[] }
export interface EmuCustomer { external_userid: string, name: string, type: number, gender: number, avatar?: string, corp_name?: string }
export interface EmuFollow { userid: string, external_userid: string, remark: string, createtime: number, add_way: number, state: string, tags: Set<string> }
export interface EmuMark { seq: number, userid: string, external_userid: string, add_tag: string[], remove_tag: string[], at: number }

export interface SeedInput {
  members?: string[]
  customers?: EmuCustomer[]
  follows?: Array<{ userid: string, external_userid: string, tags?: string[] }>
  groups?: Array<{ group_name: string, order?: number, tags: Array<string | { name: string, order?: number }> }>
}

export class EmulatorState {
  members = new Set<string>()
  customers = new Map<string, EmuCustomer>()
  follows: EmuFollow[] = []
  groups: EmuGroup[] = []
  marks: EmuMark[] = []
  /** Every API call by name, to check caching (tickets) and backoff. */
  calls = new Map<string, number>()
  tokens = new Map<string, number>()
  codes = new Map<string, string>()
  /** Groups and tags the app made through add_corp_tag: the only ones it may edit or delete. */
  byApp = new Set<string>()
  private nextId = 1

  id(prefix: string): string {
    return `${prefix}${String(this.nextId++).padStart(6, '0')}`
  }

  seed(input: SeedInput): void {
    const now = Math.floor(Date.now() / 1000)
    input.members?.forEach(m => this.members.add(m))
    input.customers?.forEach(c => this.customers.set(c.external_userid, c))
    for (const g of input.groups ?? []) this.addTags(g.group_name, g.tags.map(t => typeof t === 'string' ? { name: t } : t), g.order)
    for (const f of input.follows ?? []) {
      const tags = new Set((f.tags ?? []).map(name => this.tagByName(name)?.id).filter((x): x is string => !!x))
      this.follows.push({ userid: f.userid, external_userid: f.external_userid, remark: '', createtime: now, add_way: 1, state: '', tags })
    }
  }

  tagByName(name: string): EmuTag | undefined {
    for (const g of this.groups) {
      const t = g.tag.find(x => x.name === name)
      if (t) return t
    }
  }

  findTag(id: string): { group: EmuGroup, tag: EmuTag } | undefined {
    for (const group of this.groups) {
      const tag = group.tag.find(x => x.id === id)
      if (tag) return { group, tag }
    }
  }

  /** add_corp_tag: into the group with that id or name (created when new). Duplicate names → 40071. */
  addTags(groupNameOrId: string, tags: Array<{ name: string, order?: number }>, order = 0, byId = false): EmuGroup | number {
    const now = Math.floor(Date.now() / 1000)
    let group = this.groups.find(g => (byId ? g.group_id : g.group_name) === groupNameOrId)
    if (!group && byId) return 40068
    if (tags.some(t => !t.name || [...t.name].length > 30)) return 40058
    if (group && tags.some(t => group!.tag.some(x => x.name === t.name))) return 40071
    if (!group) {
      group = { group_id: this.id('et'), group_name: groupNameOrId, create_time: now, order, tag: [] }
      this.groups.push(group)
    }
    const created = tags.map(t => ({ id: this.id('et'), name: t.name, create_time: now, order: t.order ?? 0 }))
    group.tag.push(...created)
    return { ...group, tag: created }
  }

  /** del_corp_tag: tags and whole groups; a group left empty disappears, marks go with them. */
  deleteTags(tagIds: string[], groupIds: string[]): void {
    const gone = new Set(tagIds)
    for (const g of this.groups) if (groupIds.includes(g.group_id)) g.tag.forEach(t => gone.add(t.id))
    for (const g of this.groups) g.tag = g.tag.filter(t => !gone.has(t.id))
    this.groups = this.groups.filter(g => g.tag.length > 0)
    for (const f of this.follows) gone.forEach(id => f.tags.delete(id))
  }

  follow(userid: string, externalUserId: string): EmuFollow | undefined {
    return this.follows.find(f => f.userid === userid && f.external_userid === externalUserId)
  }

  contactDetail(externalUserId: string) {
    const c = this.customers.get(externalUserId)
    if (!c) return undefined
    return {
      external_contact: c,
      follow_user: this.follows.filter(f => f.external_userid === externalUserId).map(f => ({
        userid: f.userid,
        remark: f.remark,
        createtime: f.createtime,
        add_way: f.add_way,
        state: f.state,
        tags: [...f.tags].map((id) => {
          const found = this.findTag(id)!
          return { group_name: found.group.group_name, tag_name: found.tag.name, type: 1, tag_id: id }
        }),
      })),
    }
  }
}
