/**
 * The actor runtime (router, inboxes, actor hosts, timers, dead letters) arrives with the
 * order lifecycle issue (#4). The package exists so the layering and the CLI are in place.
 */
export const processorsReady = false;
