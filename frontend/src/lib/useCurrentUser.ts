import { createContext, useContext } from 'react';
import type { User } from '../api/types';

/** The signed-in user, provided by RequireAuth once GET /me has answered. */
export const CurrentUserContext = createContext<User | null>(null);

/** The signed-in user; only call below RequireAuth. */
export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser called outside RequireAuth');
  return user;
}
