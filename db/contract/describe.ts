// Pure pieces of the words a history is told in, shared by the core and the window. The sentences
// themselves belong to their areas (db/<area>/history.ts); the registry (db/area.ts) picks one.

/**
 * What a history line shows under its sentence besides the time: the person who acted, only when the
 * sentence does not already name them. Every sentence but a few begins with the actor, and a second
 * mention right under it read as a stutter (issue 7: history lines named the person twice).
 */
export function historyByline(event: { actor_name: string }, sentence: string): string | null {
  const actor = event.actor_name.trim();
  if (!actor || sentence.includes(actor)) return null;
  return actor;
}
