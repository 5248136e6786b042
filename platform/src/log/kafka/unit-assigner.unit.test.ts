import { assignUnits } from './unit-assigner';

const partitions = (count: number) => Array.from({ length: count }, (_, index) => index);

describe('assignUnits', () => {
  it('gives each member whole units, the same units in every topic', () => {
    const assignment = assignUnits(['m-b', 'm-a'], new Map([['orders', partitions(8)], ['inventory', partitions(8)]]), 2);
    expect(assignment.get('m-a')).toEqual({ inventory: [0, 2, 4, 6], orders: [0, 2, 4, 6] });
    expect(assignment.get('m-b')).toEqual({ inventory: [1, 3, 5, 7], orders: [1, 3, 5, 7] });
  });

  it('leaves members beyond the unit count without partitions', () => {
    const assignment = assignUnits(['a', 'b', 'c'], new Map([['orders', partitions(4)]]), 2);
    expect(assignment.get('a')).toEqual({ orders: [0, 2] });
    expect(assignment.get('b')).toEqual({ orders: [1, 3] });
    expect(assignment.has('c')).toBe(false);
  });

  it('gives a lone member everything, and round-robins the units over fewer members', () => {
    expect(assignUnits(['a'], new Map([['orders', partitions(3)]]), 2).get('a')).toEqual({ orders: [0, 1, 2] });
    const assignment = assignUnits(['a', 'b'], new Map([['orders', partitions(6)]]), 3);
    expect(assignment.get('a')).toEqual({ orders: [0, 2, 3, 5] });
    expect(assignment.get('b')).toEqual({ orders: [1, 4] });
  });

  it('assigns nothing without members', () => {
    expect(assignUnits([], new Map([['orders', partitions(4)]]), 2).size).toBe(0);
  });
});
