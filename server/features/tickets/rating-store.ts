// The requester's rating of a resolved ticket: one per ticket; rating again replaces it.
import type { Db } from '../../db/database.js';

export interface RatingRow {
  rating: number;
  comment: string;
  at: number;
}

export function createRatingStore(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO ticket_ratings (ticket_id, rating, comment, at) VALUES (?, ?, ?, ?)
     ON CONFLICT(ticket_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, at = excluded.at`,
  );
  const byTicket = db.prepare('SELECT rating, comment, at FROM ticket_ratings WHERE ticket_id = ?');
  return {
    put: (ticketId: number, rating: number, comment: string, at: number) =>
      void upsert.run(ticketId, rating, comment, at),
    of: (ticketId: number) => (byTicket.get(ticketId) as RatingRow | undefined) ?? null,
  };
}
export type RatingStore = ReturnType<typeof createRatingStore>;
