import type { ApproveProposal, ApproveResult, CreateProposal, Proposal, ProposalList, ProposalSummary } from '@app/shared'
import { http } from './http.ts'

export async function listProposals(view: 'mine' | 'queue'): Promise<ProposalList> {
  return (await http.get<ProposalList>('/proposals', { params: { view } })).data
}

export async function getProposalSummary(): Promise<ProposalSummary> {
  return (await http.get<ProposalSummary>('/proposals/summary')).data
}

/** The proposer has looked at their decisions: the "new" badge goes away. */
export async function markProposalsSeen(): Promise<{ marked: number }> {
  return (await http.post<{ marked: number }>('/proposals/seen')).data
}

export async function createProposal(body: CreateProposal): Promise<Proposal> {
  return (await http.post<Proposal>('/proposals', body)).data
}

export async function approveProposal(id: number, body: ApproveProposal): Promise<ApproveResult> {
  return (await http.post<ApproveResult>(`/proposals/${id}/approve`, body)).data
}

export async function rejectProposal(id: number, reason: string): Promise<Proposal> {
  return (await http.post<Proposal>(`/proposals/${id}/reject`, { reason })).data
}

export async function withdrawProposal(id: number): Promise<Proposal> {
  return (await http.post<Proposal>(`/proposals/${id}/withdraw`)).data
}
