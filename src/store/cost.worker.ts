// The cost worker: the engine's costReport off the page's thread.
// Messages: { id, request } in, { id, result } out (the design and the report are plain data).
import type { CostRequest, CostResult } from './costEstimator.ts';
import { estimateCost } from './estimateCost.ts';

export interface CostMessage {
  id: number;
  request: CostRequest;
}

export interface CostReply {
  id: number;
  result: CostResult;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CostMessage>) => void) | null;
  postMessage: (reply: CostReply) => void;
};

scope.onmessage = (event) => {
  const { id, request } = event.data;
  void estimateCost(request).then((result) => scope.postMessage({ id, result }));
};
