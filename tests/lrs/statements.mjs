// Generated xAPI statements for the client tests and the send benchmark. Statement i
// carries i in a context extension (`<base>/extensions/<source>-seq`), so what the LRS
// holds can be counted without trusting the client; even statements carry their own id,
// odd ones none (the client derives those).
import { randomUUID } from 'node:crypto';

const VERBS = ['initialized', 'experienced', 'answered', 'passed', 'failed', 'completed', 'terminated'];

/// The extension IRI that numbers the statements of `source` ("test", "bench").
export const sequenceExtension = (source) => `https://coursepack.example/xapi/extensions/${source}-seq`;

export function makeStatements(n, { registration = randomUUID(), source = 'test' } = {}) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const verb = VERBS[i % VERBS.length];
    const s = {
      actor: { objectType: 'Agent', name: `Learner ${i % 50}`, mbox: `mailto:learner${i % 50}@example.org` },
      verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
      object: {
        objectType: 'Activity',
        id: `https://coursepack.example/xapi/${source}/module/${i % 20}`,
        definition: { name: { en: `Module ${i % 20}` } },
      },
      context: { registration, extensions: { [sequenceExtension(source)]: i } },
      timestamp: new Date(Date.UTC(2026, 10, 28, 10, 0, 0) + i * 1000).toISOString(),
    };
    if (i % 2 === 0) s.id = randomUUID();
    out.push(s);
  }
  return out;
}
