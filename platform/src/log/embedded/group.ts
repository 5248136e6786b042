import type { Database } from 'better-sqlite3';
import { partitionUnit } from '../port';

export interface TopicPartition {
  topic: string;
  partition: number;
}

export const partitionKey = ({ topic, partition }: TopicPartition): string => `${topic}\u0000${partition}`;

/**
 * Group membership through rows of the shared SQLite file, so members in one process or
 * in several split the partitions. A member row and its partition leases expire unless
 * renewed by heartbeats; every member computes the same assignment from the live members,
 * releases what is no longer its own, and takes what is free.
 */
export function createGroupMembership(
  db: Database,
  options: { groupId: string; memberId: string; topics: readonly string[]; sessionTimeoutMs: number; partitionUnits?: number },
) {
  const { groupId, memberId, sessionTimeoutMs } = options;
  const topics = JSON.stringify([...new Set(options.topics)].sort());
  const statements = {
    upsertMember: db.prepare(
      `INSERT INTO log_group_members (group_id, member_id, topics, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (group_id, member_id) DO UPDATE SET topics = excluded.topics, expires_at = excluded.expires_at`,
    ),
    dropExpiredMembers: db.prepare('DELETE FROM log_group_members WHERE group_id = ? AND expires_at <= ?'),
    dropExpiredLeases: db.prepare('DELETE FROM log_partition_leases WHERE group_id = ? AND expires_at <= ?'),
    renewLeases: db.prepare('UPDATE log_partition_leases SET expires_at = ? WHERE group_id = ? AND member_id = ?'),
    heldLeases: db.prepare('SELECT topic, partition FROM log_partition_leases WHERE group_id = ? AND member_id = ?'),
    members: db.prepare('SELECT member_id, topics FROM log_group_members WHERE group_id = ? ORDER BY member_id'),
    partitionCount: db.prepare('SELECT partitions FROM log_topics WHERE name = ?').pluck(),
    acquire: db.prepare(
      `INSERT INTO log_partition_leases (group_id, topic, partition, member_id, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET member_id = excluded.member_id, expires_at = excluded.expires_at
       WHERE log_partition_leases.member_id = excluded.member_id OR log_partition_leases.expires_at <= ?`,
    ),
    holder: db
      .prepare('SELECT member_id FROM log_partition_leases WHERE group_id = ? AND topic = ? AND partition = ?')
      .pluck(),
    release: db.prepare(
      'DELETE FROM log_partition_leases WHERE group_id = ? AND topic = ? AND partition = ? AND member_id = ?',
    ),
    leaveLeases: db.prepare('DELETE FROM log_partition_leases WHERE group_id = ? AND member_id = ?'),
    leaveMember: db.prepare('DELETE FROM log_group_members WHERE group_id = ? AND member_id = ?'),
  };

  /**
   * Round-robin over every (topic, partition) in a fixed order, among the members subscribed to its
   * topic; in units, round-robin over the units, each unit's partitions of every topic to one member.
   */
  const assignmentOf = (members: Array<{ member_id: string; topics: string }>): TopicPartition[] => {
    const subscribed = members.map((member) => ({ id: member.member_id, topics: JSON.parse(member.topics) as string[] }));
    const allTopics = [...new Set(subscribed.flatMap((member) => member.topics))].sort();
    const mine: TopicPartition[] = [];
    let index = 0;
    for (const topic of allTopics) {
      const count = statements.partitionCount.get(topic) as number | undefined;
      const eligible = subscribed.filter((member) => member.topics.includes(topic));
      for (let partition = 0; count !== undefined && partition < count; partition++, index++) {
        const turn = options.partitionUnits ? partitionUnit(partition, options.partitionUnits) : index;
        if (eligible[turn % eligible.length]?.id === memberId) mine.push({ topic, partition });
      }
    }
    return mine;
  };

  const heartbeat = db.transaction(() => {
    const now = Date.now();
    const expiresAt = now + sessionTimeoutMs;
    statements.upsertMember.run(groupId, memberId, topics, expiresAt);
    statements.dropExpiredMembers.run(groupId, now);
    statements.renewLeases.run(expiresAt, groupId, memberId);
    statements.dropExpiredLeases.run(groupId, now);
    const held = statements.heldLeases.all(groupId, memberId) as TopicPartition[];
    const assigned = assignmentOf(statements.members.all(groupId) as Array<{ member_id: string; topics: string }>);
    return { held, assigned };
  });

  return {
    /** Renews this member and its leases, forgets dead members; returns what it holds and what it should hold. */
    heartbeat: (): { held: TopicPartition[]; assigned: TopicPartition[] } => heartbeat.immediate(),

    /** Takes a partition unless a live member holds it. */
    acquire(tp: TopicPartition): boolean {
      const now = Date.now();
      return statements.acquire.run(groupId, tp.topic, tp.partition, memberId, now + sessionTimeoutMs, now).changes > 0;
    },

    /** Whether this member still holds the lease; call inside the transaction that depends on it. */
    holds(tp: TopicPartition): boolean {
      return statements.holder.get(groupId, tp.topic, tp.partition) === memberId;
    },

    release(partitions: readonly TopicPartition[]): void {
      db.transaction(() => {
        for (const tp of partitions) statements.release.run(groupId, tp.topic, tp.partition, memberId);
      }).immediate();
    },

    leave(): void {
      db.transaction(() => {
        statements.leaveLeases.run(groupId, memberId);
        statements.leaveMember.run(groupId, memberId);
      }).immediate();
    },
  };
}

export type GroupMembership = ReturnType<typeof createGroupMembership>;
