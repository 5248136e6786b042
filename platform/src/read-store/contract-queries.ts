/** Contract: MongoDB query semantics of find, findOne and count. */
import type { ContractContext } from './contract-helpers';
import type { Document, ReadCollection } from './port';

interface Listing extends Document {
  name: string;
  category: string;
  price: { amount: number; currency: string };
  tags: string[];
}

const names = ['Blue Shoe', 'red hat', 'BLUE scarf', 'green sock', 'Bluebird mug'];
const categories = ['shoes', 'hats', 'home'];

/** 50 listings; prices repeat, so sorting by price alone is ambiguous and _id breaks ties. */
const listings = (): Listing[] =>
  Array.from({ length: 50 }, (_, index) => ({
    _id: `l${String(index).padStart(2, '0')}`,
    name: `${names[index % names.length]} ${index}`,
    category: categories[index % categories.length] as string,
    price: { amount: 100 + (index % 7) * 50, currency: 'EUR' },
    tags: index % 2 === 0 ? ['even'] : ['odd'],
  }));

const seed = async (collection: ReadCollection<Listing>): Promise<Listing[]> => {
  const all = listings();
  const outcomes = await collection.replaceManyIfNewer(all.map((doc) => ({ id: doc._id, doc, guard: { stream: `listing-${doc._id}`, revision: 0 } })));
  expect(outcomes.every((outcome) => outcome === 'applied')).toBe(true);
  return all;
};

const ids = (docs: Document[]) => docs.map((doc) => doc._id);

const byPriceThenId = (left: Listing, right: Listing) =>
  left.price.amount - right.price.amount || (left._id < right._id ? -1 : left._id > right._id ? 1 : 0);

export function queriesContract({ freshCollection }: ContractContext): void {
  describe('queries', () => {
    let collection: ReadCollection<Listing>;
    let all: Listing[];

    beforeAll(async () => {
      collection = freshCollection<Listing>('listings');
      all = await seed(collection);
    });

    it('filters with equality, $eq, $in and $ne', async () => {
      const hats = all.filter((doc) => doc.category === 'hats');
      expect(ids(await collection.find({ category: 'hats' }, { sort: { _id: 1 } }))).toEqual(ids(hats));
      expect(ids(await collection.find({ category: { $eq: 'hats' } }, { sort: { _id: 1 } }))).toEqual(ids(hats));
      expect(ids(await collection.find({ category: { $in: ['hats', 'home'] } }, { sort: { _id: 1 } }))).toEqual(
        ids(all.filter((doc) => doc.category !== 'shoes')),
      );
      expect(await collection.count({ category: { $ne: 'shoes' } })).toBe(all.filter((doc) => doc.category !== 'shoes').length);
      expect(ids(await collection.find({ tags: 'odd', category: 'home' }, { sort: { _id: 1 } }))).toEqual(
        ids(all.filter((doc) => doc.tags.includes('odd') && doc.category === 'home')),
      );
    });

    it('selects by _id and by a list of ids, alone or with other conditions', async () => {
      expect(await collection.findOne({ _id: 'l07' })).toEqual({ ...all[7], _revisions: { 'listing-l07': 0 } });
      expect(await collection.findOne({ _id: 'missing' })).toBeNull();
      expect(ids(await collection.find({ _id: { $in: ['l03', 'l01', 'nope', 'l01'] } }, { sort: { _id: 1 } }))).toEqual(['l01', 'l03']);
      expect(ids(await collection.find({ _id: { $in: ['l01', 'l02', 'l03'] }, category: 'hats' }))).toEqual(['l01']);
      expect(await collection.count({ _id: { $in: ['l01', 'l02', 'nope'] } })).toBe(2);
    });

    it('filters ranges on nested fields and case-insensitive regular expressions', async () => {
      const midRange = all.filter((doc) => doc.price.amount >= 150 && doc.price.amount <= 250);
      expect(ids(await collection.find({ 'price.amount': { $gte: 150, $lte: 250 } }, { sort: { _id: 1 } }))).toEqual(ids(midRange));
      expect(await collection.count({ 'price.amount': { $gt: 300 } })).toBe(all.filter((doc) => doc.price.amount > 300).length);
      const blue = all.filter((doc) => doc.name.toLowerCase().includes('blue'));
      expect(blue.length).toBeGreaterThan(10);
      expect(ids(await collection.find({ name: { $regex: 'blue', $options: 'i' } }, { sort: { _id: 1 } }))).toEqual(ids(blue));
      expect(await collection.count({ name: { $regex: '^blue ', $options: 'i' } })).toBe(all.filter((doc) => /^blue /i.test(doc.name)).length);
    });

    it('sorts by several keys, descending too, with skip and limit', async () => {
      const expected = [...all].sort((left, right) =>
        left.category.localeCompare(right.category) || right.price.amount - left.price.amount || (left._id < right._id ? 1 : -1),
      );
      const sort = { category: 1, 'price.amount': -1, _id: -1 } as const;
      expect(ids(await collection.find({}, { sort }))).toEqual(ids(expected));
      expect(ids(await collection.find({}, { sort, skip: 10, limit: 5 }))).toEqual(ids(expected.slice(10, 15)));
      expect(ids(await collection.find({}, { sort, limit: 3 }))).toEqual(ids(expected.slice(0, 3)));
      expect(await collection.find({}, { sort, skip: 60 })).toEqual([]);
    });

    it('pages through every document with a keyset cursor, without duplicates or gaps', async () => {
      const expected = [...all].sort(byPriceThenId);
      const seen: string[] = [];
      let after: Listing | undefined;
      for (let page = 0; page < 20; page += 1) {
        const filter = after
          ? { $or: [{ 'price.amount': { $gt: after.price.amount } }, { 'price.amount': after.price.amount, _id: { $gt: after._id } }] }
          : {};
        const docs = await collection.find(filter, { sort: { 'price.amount': 1, _id: 1 }, limit: 7 });
        if (docs.length === 0) break;
        seen.push(...ids(docs));
        after = docs[docs.length - 1];
      }
      expect(seen).toEqual(ids(expected));
    });

    it('counts with and without a filter', async () => {
      expect(await collection.count()).toBe(50);
      expect(await collection.count({})).toBe(50);
      expect(await collection.count({ category: 'shoes', 'price.amount': { $lt: 200 } })).toBe(
        all.filter((doc) => doc.category === 'shoes' && doc.price.amount < 200).length,
      );
      expect(await collection.findOne({ category: 'nothing' })).toBeNull();
    });
  });
}
