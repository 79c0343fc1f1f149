// Queue: a producer and a consumer joined by Queue(100); null is the sentinel, and the main script ends right after starting both.
const queue = threads.Queue(100);

function producer() {
  for (let i = 0; i < 10; i++) queue.put(i);
  queue.put(null); // sentinel: nothing more is coming
}

function consumer() {
  for (;;) {
    const item = queue.get();
    if (item === null) break;
    console.log(`Processing ${item}`); // one consumer and a FIFO: the order is always 0..9
  }
}

threads.run(producer);
threads.run(consumer);
// Nothing waits here: the host keeps running until every thread it started has finished.
