import { AssignerProtocol } from './kafkajs';
import type { PartitionAssigner } from 'kafkajs';
import { partitionUnit } from '../port';

/** Which member gets which partitions, before kafkajs encodes it: the assigner's pure part. */
export function assignUnits(memberIds: readonly string[], partitionsByTopic: ReadonlyMap<string, readonly number[]>, units: number): Map<string, Record<string, number[]>> {
  const members = [...memberIds].sort();
  const assignment = new Map<string, Record<string, number[]>>();
  if (members.length === 0) return assignment;
  for (const [topic, partitions] of [...partitionsByTopic].sort(([a], [b]) => a.localeCompare(b))) {
    for (const partition of [...partitions].sort((a, b) => a - b)) {
      const member = members[partitionUnit(partition, units) % members.length] as string;
      const topics = assignment.get(member) ?? {};
      (topics[topic] ??= []).push(partition);
      assignment.set(member, topics);
    }
  }
  return assignment;
}

/**
 * kafkajs's round-robin over units instead of partitions (`ConsumerOptions.partitionUnits`). The
 * count is in the protocol's name: a member asking for another count cannot join the group (the
 * coordinator finds no protocol common to all) rather than split a unit between two members.
 */
export function unitAssigner(units: number): PartitionAssigner {
  const name = `UnitAssigner${units}`;
  const version = 0;
  return ({ cluster }) => ({
    name,
    version,
    async assign({ members, topics }) {
      const partitionsByTopic = new Map(topics.map((topic) => [topic, cluster.findTopicPartitionMetadata(topic).map((metadata) => metadata.partitionId)]));
      const assignment = assignUnits(
        members.map((member) => member.memberId),
        partitionsByTopic,
        units,
      );
      return members.map(({ memberId }) => ({
        memberId,
        memberAssignment: AssignerProtocol.MemberAssignment.encode({ version, assignment: assignment.get(memberId) ?? {}, userData: Buffer.alloc(0) }),
      }));
    },
    protocol({ topics }) {
      return { name, metadata: AssignerProtocol.MemberMetadata.encode({ version, topics, userData: Buffer.alloc(0) }) };
    },
  });
}
