// Reads one NoSQL Workbench file off the page's thread (see workbenchOpening.ts): its text in, a WorkbenchOpening out.
import { readWorkbenchNow } from './workbenchOpening.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<string>) => void) | null;
  postMessage: (reply: ReturnType<typeof readWorkbenchNow>) => void;
};

scope.onmessage = (event) => scope.postMessage(readWorkbenchNow(event.data));
