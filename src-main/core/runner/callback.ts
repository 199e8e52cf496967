/**
 * Reading an authorization response where the redirect put it: the query (`response_mode=query`,
 * RFC 6749 §4.1.2), the fragment (`fragment`, OAuth 2.0 Multiple Response Type Encoding Practices §2.1;
 * the default of every response type that returns a token), or the posted form (`form_post`, OAuth 2.0
 * Form Post Response Mode §2).
 */
import { formDecode, splitUrl } from './form.js';

export type CallbackSource = 'query' | 'fragment' | 'form_post';

export interface ParsedCallback {
  source: CallbackSource;
  params: Record<string, string>;
}

/** The response mode a request with this `response_type` gets when it names none. */
export function defaultResponseMode(responseType: string): 'query' | 'fragment' {
  return responseType === 'code' ? 'query' : 'fragment';
}

/**
 * The parameters of a callback: a URL's fragment when it has one with parameters, else its query;
 * or the fields of a posted form. @throws Error naming the fault for a URL that does not parse or carries nothing.
 */
export function parseCallback(input: { url: string } | { form: Record<string, string> }): ParsedCallback {
  if ('form' in input) return { source: 'form_post', params: { ...input.form } };
  const url = splitUrl(input.url);
  if (!url) throw new Error(`the callback URL '${input.url.slice(0, 80)}' is not an absolute URL`);
  if (url.fragment.includes('=')) return { source: 'fragment', params: formDecode(url.fragment) };
  const query = formDecode(url.query);
  if (Object.keys(query).length === 0)
    throw new Error('the callback URL carries no parameters in its query or fragment');
  return { source: 'query', params: query };
}
