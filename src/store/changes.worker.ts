// The changes worker: the deployed design's diff and migration plan off the page's thread.
// Messages: { id, request } in, { id, result } out (designs, plan and diff are plain data).
import type { ChangesRequest, ChangesResult } from './changesComputer.ts';
import { computeChanges } from './computeChanges.ts';

export interface ChangesMessage {
  id: number;
  request: ChangesRequest;
}

export interface ChangesReply {
  id: number;
  result: ChangesResult;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ChangesMessage>) => void) | null;
  postMessage: (reply: ChangesReply) => void;
};

scope.onmessage = (event) => {
  const { id, request } = event.data;
  scope.postMessage({ id, result: computeChanges(request) });
};
