import type { RouteRecordRaw } from 'vue-router'
import { createRouter, createWebHistory } from 'vue-router'
import SidebarPage from '../pages/SidebarPage.vue'

// The sidebar is the first screen, so it is bundled eagerly. Every other page is a lazy
// `() => import(...)` so sidebar users never download it (DESIGN §7).
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'sidebar', component: SidebarPage },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
})
