/**
 * One BM25 field (e.g. jieba words, or character bigrams) of the question index, with
 * incremental add/remove: removing a document only updates statistics and marks it
 * dead; dead postings are skipped and swept out by `compact()`.
 */
export class FieldIndex {
  readonly termIds = new Map<string, number>();
  private postDocs: number[][] = [];
  private postTf: number[][] = [];
  protected df: number[] = [];
  protected docLen: number[] = [];
  protected docTerms: (Int32Array | undefined)[] = [];
  protected docTfs: (Uint16Array | undefined)[] = [];
  protected totalLen = 0;
  protected live = 0;
  private deadPostings = 0;
  private livePostings = 0;

  /**
   * @param maxDfShare terms found in more than this share of the questions (e.g. 的, 吗)
   *   still count in the query's idf mass but their long posting lists are not walked:
   *   their idf is near zero, so this saves time without changing the ranking much.
   */
  constructor(
    readonly k1 = 1.2,
    readonly b = 0.75,
    readonly maxDfShare = 1,
  ) {}

  get docCount(): number {
    return this.live;
  }

  /** Adds document `doc` (a dense id) with its tokens. */
  add(doc: number, tokens: readonly string[]): void {
    const counts = new Map<number, number>();
    for (const t of tokens) {
      let id = this.termIds.get(t);
      if (id === undefined) {
        id = this.postDocs.length;
        this.termIds.set(t, id);
        this.postDocs.push([]);
        this.postTf.push([]);
        this.df.push(0);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const terms = new Int32Array(counts.size);
    const tfs = new Uint16Array(counts.size);
    let i = 0;
    for (const [id, tf] of counts) {
      terms[i] = id;
      tfs[i] = Math.min(tf, 65535);
      i++;
      this.postDocs[id].push(doc);
      this.postTf[id].push(tf);
      this.df[id]++;
    }
    this.docTerms[doc] = terms;
    this.docTfs[doc] = tfs;
    this.docLen[doc] = tokens.length;
    this.totalLen += tokens.length;
    this.live++;
    this.livePostings += counts.size;
  }

  /** Removes document `doc`; its postings stay until the next compaction. */
  remove(doc: number): void {
    const terms = this.docTerms[doc];
    if (!terms) return;
    for (const id of terms) this.df[id]--;
    this.totalLen -= this.docLen[doc];
    this.live--;
    this.deadPostings += terms.length;
    this.livePostings -= terms.length;
    this.docTerms[doc] = undefined;
    this.docTfs[doc] = undefined;
    if (this.deadPostings > 10_000 && this.deadPostings > this.livePostings * 0.25) this.compact();
  }

  /** Drops postings of removed documents. */
  compact(): void {
    for (let id = 0; id < this.postDocs.length; id++) {
      const docs = this.postDocs[id];
      const tfs = this.postTf[id];
      let w = 0;
      for (let r = 0; r < docs.length; r++) {
        if (this.docTerms[docs[r]] === undefined) continue;
        docs[w] = docs[r]!;
        tfs[w] = tfs[r]!;
        w++;
      }
      docs.length = w;
      tfs.length = w;
    }
    this.deadPostings = 0;
  }

  idf(term: string): number {
    const id = this.termIds.get(term);
    return this.termIdf(term, id === undefined ? 0 : this.df[id]);
  }

  /** BM25 idf of a term found in `df` questions (a subclass may weight it by the term). */
  protected termIdf(_term: string, df: number): number {
    return Math.log(1 + (this.live - df + 0.5) / (df + 0.5));
  }

  /** Document frequency of a term (0 if unknown). */
  dfOf(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.df[id];
  }

  /**
   * Adds weight × BM25 / (sum of the query terms' idf) to `acc` for each live document
   * holding a query term, so a document that contains every query term scores ≈ weight.
   * Returns the idf mass of the query.
   */
  score(queryTerms: readonly string[], weight: number, acc: Float64Array, touched: number[], seen: Uint8Array): number {
    if (this.live === 0 || queryTerms.length === 0) return 0;
    const uniq = [...new Set(queryTerms)];
    let mass = 0;
    const ids: number[] = [];
    const idfs: number[] = [];
    for (const t of uniq) {
      const id = this.termIds.get(t);
      const df = id === undefined ? 0 : this.df[id];
      const idf = this.termIdf(t, df);
      mass += idf;
      if (id !== undefined && df > 0 && df <= this.maxDfShare * this.live) {
        ids.push(id);
        idfs.push(idf);
      }
    }
    if (mass === 0) return 0;
    const avgdl = this.totalLen / Math.max(1, this.live);
    const k1 = this.k1;
    const bb = this.b;
    const scale = weight / mass;
    for (let q = 0; q < ids.length; q++) {
      const docs = this.postDocs[ids[q]];
      const tfs = this.postTf[ids[q]];
      const w = idfs[q] * scale * (k1 + 1);
      for (let p = 0; p < docs.length; p++) {
        const d = docs[p];
        if (this.docTerms[d] === undefined) continue;
        const tf = tfs[p];
        const norm = k1 * (1 - bb + (bb * this.docLen[d]) / avgdl);
        acc[d] += (w * tf) / (tf + norm);
        if (seen[d] === 0) {
          seen[d] = 1;
          touched.push(d);
        }
      }
    }
    return mass;
  }
}
