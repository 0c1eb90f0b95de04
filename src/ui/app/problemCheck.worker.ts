// Reads one problem off the page's thread (see problemCheck.ts): its text in, a ProblemCheck out.
import { checkProblemNow } from './problemCheck.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  postMessage: (reply: ReturnType<typeof checkProblemNow>) => void;
};

scope.onmessage = (event) => scope.postMessage(checkProblemNow(event.data));
