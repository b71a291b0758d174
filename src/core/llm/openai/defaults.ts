// The OpenAI endpoint a config without `base_url` calls. Its own module so that code which only
// reasons about endpoints (limits, validation) does not load the `openai` package.
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
