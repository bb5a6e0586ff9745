// S9.3: the tab numbers its interactions and keeps those the server has not acknowledged, so that after a
// reconnect (to this server or, through a load balancer, to another) it re-sends exactly those; a server applies
// each number at most once. Pure: connection.js sends what this returns.

/** A fresh numbering: nothing sent yet. */
export function createSequence() {
  let seq = 0;
  let unacked = [];
  return {
    /** Gives `msg` the next number and keeps it until acknowledged; returns it. */
    number(msg) {
      msg.seq = ++seq;
      unacked.push(msg);
      return msg;
    },
    /**
     * The server's state includes every interaction up to `acked`. With `attached` (the answer to hello), returns
     * the messages to re-send, oldest first, or none when the session is a new one (`sameSession` false: they
     * were meant for a session that is gone); `received` is where the server's numbering stands.
     */
    acknowledge(acked, { attached = false, sameSession = true, received = 0 } = {}) {
      const upTo = numberOr0(acked);
      seq = Math.max(seq, numberOr0(received), upTo);
      if (attached && !sameSession) {
        unacked = [];
        return [];
      }
      unacked = unacked.filter((m) => m.seq > upTo);
      return attached ? [...unacked] : [];
    },
    /** The numbers sent and not yet acknowledged, oldest first. */
    pending() {
      return unacked.map((m) => m.seq);
    },
  };
}

function numberOr0(value) {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
