// The analysis worker: parse → derive → samples → code, off the page's thread.
// Messages: { id, request } in, { id, result } out (Maps and plain data clone as they are).
import { analyzeSource, type AnalysisRequest, type AnalysisResult } from './analyzeSource.ts';

export interface AnalysisMessage {
  id: number;
  request: AnalysisRequest;
}

export interface AnalysisReply {
  id: number;
  result: AnalysisResult;
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AnalysisMessage>) => void) | null;
  postMessage: (reply: AnalysisReply) => void;
};

scope.onmessage = (event) => {
  const { id, request } = event.data;
  scope.postMessage({ id, result: analyzeSource(request) });
};
