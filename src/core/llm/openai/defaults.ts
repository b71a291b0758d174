// The OpenAI endpoint a config without `base_url` calls: the providers table's (format/providers.ts).
export { OPENAI_BASE_URL } from '../../format/pure';
