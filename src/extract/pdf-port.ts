// The channel between pdf.js's API and its parser when both run on this thread (in Node they
// always do). pdf.js's own LoopbackPort structuredClones every message, and that clone was the
// largest single cost of reading a page (~20% of the time, plus the garbage it leaves). This
// port hands messages over by reference instead.
//
// Passing by reference is safe because neither side changes a message after sending it, with
// one exception, copied here: OperatorList.flush empties its fnArray and argsArray right after
// enqueueing them, to reuse the arrays for the next chunk.
import { PDFWorker } from "./pdfjs.ts";
import { WorkerMessageHandler } from "pdfjs-dist/legacy/build/pdf.worker.mjs";

type Listener = (event: { data: unknown }) => void;

interface OperatorListChunk {
  fnArray: number[];
  argsArray: unknown[];
}

const isOperatorListChunk = (chunk: unknown): chunk is OperatorListChunk =>
  typeof chunk === "object" && chunk !== null && Array.isArray((chunk as OperatorListChunk).fnArray) && Array.isArray((chunk as OperatorListChunk).argsArray);

/** The message as the receiver must see it once the sender has moved on. */
function detach(message: unknown): unknown {
  const chunk = (message as { chunk?: unknown } | null)?.chunk;
  if (!isOperatorListChunk(chunk)) return message;
  return { ...(message as object), chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() } };
}

class SameThreadPort {
  private listeners = new Set<Listener>();
  private readonly delivered = Promise.resolve();

  postMessage(message: unknown): void {
    const event = { data: detach(message) };
    // Delivered later, as a real port would: pdf.js relies on send() returning first.
    void this.delivered.then(() => {
      for (const listener of this.listeners) listener.call(this, event);
    });
  }

  addEventListener(_type: "message", listener: Listener, options?: { signal?: AbortSignal }): void {
    if (options?.signal?.aborted) return;
    this.listeners.add(listener);
    options?.signal?.addEventListener("abort", () => this.listeners.delete(listener), { once: true });
  }

  removeEventListener(_type: "message", listener: Listener): void {
    this.listeners.delete(listener);
  }

  terminate(): void {
    this.listeners.clear();
  }
}

/** A pdf.js worker whose parser runs on this thread and talks to the API without cloning.
 * Pass it to getDocument({ worker }) and destroy it after the document. `verbosity`: what the
 * parser prints (it is told once, as the worker starts; a document's own `verbosity` reaches
 * only pdf.js's API side). */
export function sameThreadWorker(verbosity?: number): PDFWorker {
  const port = new SameThreadPort();
  WorkerMessageHandler.initializeFromPort(port);
  return new PDFWorker({ port: port as never, verbosity }); // typed as a DOM Worker; pdf.js needs only the port methods
}
