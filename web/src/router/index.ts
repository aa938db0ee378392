import type { RouteRecordRaw } from 'vue-router'
import { createRouter, createWebHistory } from 'vue-router'
import SidebarPage from '../pages/SidebarPage.vue'

// The sidebar is the first screen, so it is bundled eagerly. Every other page is a lazy
// `() => import(...)` so sidebar users never download it (DESIGN §7).
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'sidebar', component: SidebarPage },
  { path: '/proposals', name: 'my-proposals', component: () => import('../pages/MyProposalsPage.vue') },
  { path: '/approvals', name: 'approvals', component: () => import('../pages/ApprovalQueuePage.vue') },
  { path: '/admin', name: 'admin-library', component: () => import('../pages/admin/AdminLibraryPage.vue') },
  { path: '/admin/groups/:id(\\d+)', name: 'admin-group', component: () => import('../pages/admin/AdminGroupPage.vue') },
  { path: '/admin/why', name: 'admin-why', component: () => import('../pages/admin/AdminWhyPage.vue') },
  { path: '/admin/recycle-bin', name: 'admin-recycle-bin', component: () => import('../pages/admin/AdminRecycleBinPage.vue') },
  { path: '/admin/audit', name: 'admin-audit', component: () => import('../pages/admin/AdminAuditPage.vue') },
  { path: '/admin/roles', name: 'admin-roles', component: () => import('../pages/admin/AdminRolesPage.vue') },
  { path: '/admin/handover', name: 'admin-handover', component: () => import('../pages/AdminHandoverPage.vue') },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
})
