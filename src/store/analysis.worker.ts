// The analysis worker: parse → derive → samples → items → lint, and the code on demand, off the
// page's thread, in phases (analysisWorkerHost.ts; messages in analysisProtocol.ts).
import { serveAnalysis, type HostPort } from './analysisWorkerHost.ts';

/** A task after the messages already queued: a newer request is seen before the run goes on. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

serveAnalysis(self as unknown as HostPort, nextTask);
