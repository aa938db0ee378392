/** Limits shared by the UI and the server. WeCom's own limits are noted where they come from. */
export const LIMITS = {
  /** WeCom refuses corporate tag and group names longer than 30 characters. */
  nameMaxLength: 30,
  /** Group names past this many characters get cut off on a phone: warned, not refused. */
  groupNameWarnLength: 5,
  /** WeCom keeps at most this many tag groups per company; the product keeps the same cap. */
  maxGroups: 300,
  /** Personal tags past this count stop being findable: the member is warned. */
  personalTagWarnCount: 50,
  /** Default hard cap on personal tags per member (configurable on the server). */
  personalTagHardCap: 200,
  noteMaxLength: 500,
  /** Most tag ids one corporate delta may carry. */
  deltaMaxIds: 200,
  /** Request bodies above this are refused with 413. */
  bodyMaxBytes: 1024 * 1024,
} as const

export const ROLES = ['staff', 'approver', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const TAG_SOURCES = ['manual', 'rule', 'channel', 'promotion', 'import', 'wecom'] as const
export type TagSource = (typeof TAG_SOURCES)[number]

export const TAG_KINDS = ['personal', 'corporate'] as const
export type TagKind = (typeof TAG_KINDS)[number]
