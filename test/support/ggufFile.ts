// A GGUF v3 model file written byte by byte for tests: metadata (strings, and whole numbers as
// u32) and F32 tensors with their data, so the header checks run without a real model.
export function ggufFile(meta: Record<string, string | number>, tensors = [{ name: 'a', values: 64 }]): Buffer {
  const parts: Buffer[] = [];
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    parts.push(b);
  };
  const u64 = (n: number) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    parts.push(b);
  };
  const str = (s: string) => {
    u64(Buffer.byteLength(s));
    parts.push(Buffer.from(s));
  };
  parts.push(Buffer.from('GGUF'));
  u32(3);
  u64(tensors.length);
  u64(Object.keys(meta).length);
  for (const [k, v] of Object.entries(meta)) {
    str(k);
    if (typeof v === 'number') {
      u32(4);
      u32(v);
    } else {
      u32(8);
      str(v);
    }
  }
  let offset = 0;
  for (const t of tensors) {
    str(t.name);
    u32(1);
    u64(t.values);
    u32(0);
    u64(offset);
    offset += t.values * 4;
  }
  const header = Buffer.concat(parts);
  const start = Math.ceil(header.length / 32) * 32;
  return Buffer.concat([header, Buffer.alloc(start - header.length + offset)]);
}

/** SmolLM2-135M's header figures: trained on 8,192 tokens; 30 layers of 576 wide, 9 heads, 3 keeping keys. */
export const SMOLLM2_META = {
  'general.architecture': 'llama',
  'tokenizer.chat_template': '{{ messages }}',
  'llama.context_length': 8192,
  'llama.block_count': 30,
  'llama.embedding_length': 576,
  'llama.attention.head_count': 9,
  'llama.attention.head_count_kv': 3,
};
