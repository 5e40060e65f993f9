package org.sngw.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.sngw.broker.topic.SharedFilter;
import org.sngw.message.Message;
import org.sngw.message.Qos;

/**
 * The members of one shared subscription. Each message goes to one member, round robin: the next
 * connected member that can take the message now; if none can, the next connected one (which holds
 * its publisher back as any full queue does); if none is connected, the next persistent one, whose
 * queue keeps it until it returns. Owned by the core loop.
 */
final class ShareGroup {
  /** A member session and the QoS it subscribed with. */
  record Member(Session session, Qos qos) {}

  private final SharedFilter filter;
  private final List<Member> members = new ArrayList<>();
  private int next;

  ShareGroup(SharedFilter filter) {
    this.filter = filter;
  }

  SharedFilter filter() {
    return filter;
  }

  /** Joins, or changes the member's QoS. */
  void add(Session session, Qos qos) {
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).session() == session) {
        members.set(i, new Member(session, qos));
        return;
      }
    }
    members.add(new Member(session, qos));
  }

  void remove(Session session) {
    members.removeIf(member -> member.session() == session);
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  int size() {
    return members.size();
  }

  /** The member to send {@code message} to, among those {@code eligible}, now its turn; null when there is none. */
  Member choose(Message message, Predicate<Session> eligible) {
    int index = pick(message, eligible);
    if (index < 0) {
      return null;
    }
    next = index + 1;
    return members.get(index);
  }

  /** The member {@link #choose} would choose now, without taking its turn. */
  Member peek(Message message, Predicate<Session> eligible) {
    int index = pick(message, eligible);
    return index < 0 ? null : members.get(index);
  }

  private int pick(Message message, Predicate<Session> eligible) {
    int connected = -1;
    int offline = -1;
    int count = members.size();
    for (int step = 0; step < count; step++) {
      int index = (next + step) % count;
      Member member = members.get(index);
      if (!eligible.test(member.session())) {
        continue;
      }
      if (member.session().handle() != null) {
        if (member.session().outbound().wouldTake(message.withFlags(message.qos().min(member.qos()), false))) {
          return index;
        }
        connected = connected < 0 ? index : connected;
      } else {
        offline = offline < 0 ? index : offline;
      }
    }
    return connected >= 0 ? connected : offline;
  }
}
