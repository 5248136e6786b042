// Smoke check of the servers up.sh starts: a kafkajs produce/consume round trip and a
// MongoDB insert/find. Run from the repo root so the drivers resolve:
//   eval "$(scripts/infra/env.sh)" && node scripts/infra/smoke.js
// Leaves nothing behind: the topic and the database it makes are deleted again.
'use strict';
const { Kafka, logLevel } = require('kafkajs');
const { MongoClient } = require('mongodb');

const brokers = process.env.KAFKA_BROKERS;
const mongoUrl = process.env.MONGO_URL;
if (!brokers || !mongoUrl) {
  console.error('smoke: set KAFKA_BROKERS and MONGO_URL (eval "$(scripts/infra/env.sh)")');
  process.exit(2);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`smoke: ${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function kafkaRoundTrip() {
  const t0 = Date.now();
  // Silent: the first consumer group on a fresh broker logs a transient "group coordinator
  // is not available" while __consumer_offsets is created; real failures reject below.
  const kafka = new Kafka({ brokers: brokers.split(','), clientId: 'infra-smoke', logLevel: logLevel.NOTHING });
  const topic = `infra-smoke-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.send({ topic, messages: [{ key: 'k', value: 'hello' }, { key: 'k', value: 'world' }] });
  const consumer = kafka.consumer({ groupId: `${topic}-group` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const got = [];
  await withTimeout(new Promise((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        got.push(String(message.value));
        if (got.length === 2) resolve();
      },
    });
  }), 30000, 'consume');
  await consumer.disconnect();
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic] });
  await admin.deleteGroups([`${topic}-group`]).catch(() => undefined);
  await admin.disconnect();
  if (got.join(',') !== 'hello,world') throw new Error(`smoke: kafka gave ${JSON.stringify(got)}`);
  console.log(`kafka ok: produced and consumed 2 messages in ${Date.now() - t0} ms`);
}

async function mongoRoundTrip() {
  const t0 = Date.now();
  const client = new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  const db = client.db(`infra_smoke_${Date.now()}`);
  const items = db.collection('items');
  await items.insertMany([{ _id: 'a', n: 1, tags: ['x'] }, { _id: 'b', n: 2, tags: ['y'] }]);
  await items.updateOne({ _id: 'b' }, { $inc: { n: 1 } });
  const found = await items.find({ n: { $gte: 2 } }).toArray();
  await db.dropDatabase();
  await client.close();
  if (found.length !== 1 || found[0]._id !== 'b' || found[0].n !== 3) {
    throw new Error(`smoke: mongo gave ${JSON.stringify(found)}`);
  }
  console.log(`mongo ok: insert/update/find in ${Date.now() - t0} ms`);
}

withTimeout(Promise.all([kafkaRoundTrip(), mongoRoundTrip()]), 60000, 'smoke check').catch((err) => {
  console.error(err);
  process.exit(1);
});
