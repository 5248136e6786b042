/** The bench's sections, in the order they run; `--only` picks among them. Apart from the runner, so that the CLI lists them without loading it. */
export const benchSections = ['store', 'mirror', 'mirror-kafka', 'rebuild', 'rebuild-server', 'http', 'orders', 'orders-kafka', 'lifecycle', 'lifecycle-kafka', 'graphql', 'sse', 'search', 'orders-sweep', 'orders-kafka-sweep'] as const;
