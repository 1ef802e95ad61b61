/** Ids of the k highest `score[id]` among `ids`, best first (binary min-heap). */
export function topK(ids: readonly number[], score: Float64Array, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => score[heap[a]] < score[heap[b]];
  const swap = (a: number, b: number) => {
    const t = heap[a];
    heap[a] = heap[b]!;
    heap[b] = t;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const id of ids) {
    if (heap.length < k) {
      heap.push(id);
      let i = heap.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!less(i, p)) break;
        swap(i, p);
        i = p;
      }
    } else if (k > 0 && score[id] > score[heap[0]]) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort((a, b) => score[b] - score[a]);
}
