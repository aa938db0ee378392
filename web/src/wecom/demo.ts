// Outside the WeCom client the demo bar stands in for WeCom: it says who acts and which
// customer's chat is "open". The choice survives a reload.
const KEY = 'tag-sidebar.demo'

export interface DemoChoice { userId: string, externalUserId: string }

const DEFAULT_DEMO_CHOICE: DemoChoice = { userId: 'zhangsan', externalUserId: 'wmDemo001' }

export function loadDemoChoice(): DemoChoice {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<DemoChoice> | null
    return { ...DEFAULT_DEMO_CHOICE, ...saved }
  }
  catch {
    // A corrupt entry is not worth an error: start from the defaults.
    return { ...DEFAULT_DEMO_CHOICE }
  }
}

export function saveDemoChoice(choice: DemoChoice): void {
  localStorage.setItem(KEY, JSON.stringify(choice))
}
