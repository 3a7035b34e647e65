// The operator's extra communication-policy phrases per marketplace (MSG-8..11).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { withQuery } from '../../app/router';

export const PHRASE_RULES = ['marketing', 'review_manipulation', 'off_platform', 'opt_out_link'] as const;
export type PhraseRule = (typeof PHRASE_RULES)[number];
export type PhraseLanguage = 'ja' | 'en' | 'it';

export interface PolicyPhrase {
  id: string;
  marketplaceId: string;
  rule: PhraseRule;
  phrase: string;
  language: PhraseLanguage | null;
  createdAt: string;
}

const key = ['ops', 'policy-phrases'] as const;

export function usePolicyPhrases(marketplaceId: string) {
  return useQuery({
    queryKey: [...key, marketplaceId],
    queryFn: ({ signal }) =>
      api.get<{ phrases: PolicyPhrase[] }>(withQuery('/api/ops/policy-phrases', { marketplaceId }), signal),
    select: (d) => d.phrases,
  });
}

export function useAddPolicyPhrase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { marketplaceId: string; rule: PhraseRule; phrase: string; language?: PhraseLanguage }) =>
      api.post<{ phrase: PolicyPhrase } | PolicyPhrase>('/api/ops/policy-phrases', v),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useDeletePolicyPhrase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/ops/policy-phrases/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
