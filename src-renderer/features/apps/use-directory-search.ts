/**
 * The people or groups a picker offers: Okta's `q` search (a prefix of the name, login or email),
 * asked again as the text changes; the newest answer wins, so a slow reply never replaces a newer one.
 */
import { useCallback, useEffect, useState } from 'react';
import type { GroupDto } from '../../../src-main/contracts/group.js';
import type { UserDto } from '../../../src-main/contracts/user.js';
import type { SearchOutcome } from '../../state/apps-slice.js';
import { useAppStore } from '../../state/store-context.js';
import { useNewestAnswer } from '../preview/use-newest-answer.js';

export type DirectoryKind = 'people' | 'groups';
export type DirectoryItem<K extends DirectoryKind> = K extends 'people' ? UserDto : GroupDto;

export function useDirectorySearch<K extends DirectoryKind>(kind: K) {
  const searchPeople = useAppStore((s) => s.searchPeople);
  const searchGroups = useAppStore((s) => s.searchGroups);
  const call = useCallback(
    (q: string) => (kind === 'people' ? searchPeople(q) : searchGroups(q)) as Promise<SearchOutcome<DirectoryItem<K>>>,
    [kind, searchPeople, searchGroups],
  );
  const { state, run } = useNewestAnswer(call);
  const [text, setText] = useState('');
  useEffect(() => {
    void run(text);
  }, [run, text]);
  const answer = state.answer;
  return {
    text,
    setText,
    running: state.running,
    items: answer?.ok ? answer.items : [],
    error: answer && !answer.ok ? answer.error : null,
    retry: () => void run(text),
  };
}

/** How a person shows in a picker or table: their name, then their login. */
export function personName(profile: Record<string, unknown>): string {
  const name = [profile['firstName'], profile['lastName']].filter((p) => typeof p === 'string' && p !== '').join(' ');
  return name || String(profile['login'] ?? '');
}
