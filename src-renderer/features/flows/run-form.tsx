/**
 * The parameters of a new run: server, app, flow (only those the app allows; the others say why),
 * scopes from the server's scopes, state and nonce (generated, editable), response type and mode,
 * prompt, max_age, login_hint, PKCE method, client authentication; then Run or Step.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CLIENT_AUTH_METHODS, FLOW_RESPONSE_TYPES } from '../../../src-main/contracts/flow-run.js';
import type { Flow, FlowRunInput } from '../../../src-main/contracts/flow-run.js';
import { selectServers } from '../../state/servers-slice.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { SelectField, TextField } from '../../ui/field.js';

const randomValue = () => Math.random().toString(36).slice(2, 12);
const OIDC_SCOPES = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'device_sso'];

/** What a flow asks for until the user picks: OIDC sign-in for a user's flows, the server's own scopes for a client's. */
function defaultScopes(flow: Flow | '', serverScopes: string[]): string[] {
  if (flow === 'client-credentials') return serverScopes.filter((s) => !OIDC_SCOPES.includes(s)).slice(0, 1);
  if (flow === 'refresh') return [];
  return ['openid', 'profile'];
}
const NOT_SET = '';

export function RunForm({ onStart }: { onStart: (input: FlowRunInput, to: 'step' | 'end') => void }) {
  const servers = useAppStore(useShallow(selectServers));
  const apps = useAppStore((s) => s.flowApps);
  const allOptions = useAppStore((s) => s.flowOptions);
  const allScopes = useAppStore((s) => s.flowScopes);
  const busy = useAppStore((s) => s.runBusy);
  const { loadFlowOptions, loadFlowScopes, addRunnerRedirectUri } = useAppStore(
    useShallow((s) => ({
      loadFlowOptions: s.loadFlowOptions,
      loadFlowScopes: s.loadFlowScopes,
      addRunnerRedirectUri: s.addRunnerRedirectUri,
    })),
  );
  const [serverId, setServerId] = useState('');
  const [appId, setAppId] = useState('');
  const [flow, setFlow] = useState<Flow | ''>('');
  const [responseType, setResponseType] = useState('');
  const [pickedScopes, setScopes] = useState<string[] | null>(null);
  const [state, setState] = useState(randomValue);
  const [nonce, setNonce] = useState(randomValue);
  const [responseMode, setResponseMode] = useState(NOT_SET);
  const [prompt, setPrompt] = useState(NOT_SET);
  const [maxAge, setMaxAge] = useState('');
  const [loginHint, setLoginHint] = useState('');
  const [pkceMethod, setPkceMethod] = useState<'S256' | 'plain'>('S256');
  const [clientAuth, setClientAuth] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [refreshFrom, setRefreshFrom] = useState('');

  const server = serverId || servers[0]?.id || '';
  const app = appId || apps[0]?.id || '';
  const options = app ? allOptions[app] : undefined;
  const serverScopes = server ? allScopes[server] : undefined;
  const chosenFlow: Flow | '' = flow || options?.flows.find((f) => f.allowed)?.flow || '';
  const responseTypes = chosenFlow ? FLOW_RESPONSE_TYPES[chosenFlow] : undefined;
  const browserFlow = responseTypes !== undefined;
  const scopes = pickedScopes ?? defaultScopes(chosenFlow, serverScopes ?? []);

  useEffect(() => {
    if (app && !allOptions[app]) void loadFlowOptions(app);
  }, [app, allOptions, loadFlowOptions]);
  useEffect(() => {
    if (server && !allScopes[server]) void loadFlowScopes(server);
  }, [server, allScopes, loadFlowScopes]);

  const flowChoice = options?.flows.find((f) => f.flow === chosenFlow);
  const refused = useMemo(() => options?.flows.filter((f) => !f.allowed) ?? [], [options]);

  const submit = (to: 'step' | 'end') => (event?: FormEvent) => {
    event?.preventDefault();
    if (!chosenFlow) return;
    const input: FlowRunInput = { serverId: server, appId: app, flow: chosenFlow, scopes };
    if (browserFlow) {
      input.responseType = responseType || responseTypes[0]!;
      input.state = state;
      if (scopes.includes('openid')) input.nonce = nonce;
      if (responseMode) input.responseMode = responseMode as FlowRunInput['responseMode'];
      if (prompt) input.prompt = prompt as FlowRunInput['prompt'];
      if (maxAge.trim()) input.maxAge = Number(maxAge);
      if (loginHint.trim()) input.loginHint = loginHint.trim();
      if (chosenFlow === 'code-pkce') input.pkceMethod = pkceMethod;
    }
    if (clientAuth) input.clientAuth = clientAuth as FlowRunInput['clientAuth'];
    if (chosenFlow === 'password') {
      input.username = username;
      input.password = password;
    }
    if (chosenFlow === 'refresh') input.refreshFrom = refreshFrom || options?.refreshSources[0]?.id || '';
    onStart(input, to);
  };

  const toggleScope = (name: string) =>
    setScopes(scopes.includes(name) ? scopes.filter((s) => s !== name) : [...scopes, name]);

  return (
    <form className="card flow-form" aria-label="New run" onSubmit={submit('end')}>
      <h2>New run</h2>
      <div className="flow-form__grid">
        <SelectField
          label="Authorization server"
          value={server}
          onChange={(e) => setServerId(e.target.value)}
          options={servers.map((s) => ({ value: s.id, label: s.name }))}
        />
        <SelectField
          label="Application"
          value={app}
          onChange={(e) => {
            setAppId(e.target.value);
            setFlow('');
          }}
          options={apps.map((a) => ({ value: a.id, label: a.label }))}
        />
        <SelectField
          label="Flow"
          value={chosenFlow}
          onChange={(e) => {
            setFlow(e.target.value as Flow);
            setScopes(null);
          }}
          options={(options?.flows ?? []).filter((f) => f.allowed).map((f) => ({ value: f.flow, label: f.label }))}
        />
        {responseTypes && (
          <SelectField
            label="Response type"
            value={responseType || responseTypes[0]!}
            onChange={(e) => setResponseType(e.target.value)}
            options={responseTypes.map((t) => ({ value: t, label: t }))}
          />
        )}
      </div>
      {refused.length > 0 && (
        <details className="flow-form__refused">
          <summary>Flows this app cannot run ({refused.length})</summary>
          <ul>
            {refused.map((f) => (
              <li key={f.flow}>
                <strong>{f.label}</strong>: {f.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {browserFlow && options && !options.redirectUriListed && (
        <div className="flow-form__warning" role="alert">
          <p>
            This app does not list the runner&apos;s callback <code>{options.redirectUri}</code> as a Sign-in redirect
            URI, so the authorization server would refuse the redirect.
          </p>
          <Button variant="primary" onClick={() => void addRunnerRedirectUri(app)}>
            Add redirect URI
          </Button>
        </div>
      )}
      <fieldset className="flow-form__scopes">
        <legend>Scopes</legend>
        {(serverScopes ?? []).map((name) => (
          <label key={name} className="checkbox">
            <input type="checkbox" checked={scopes.includes(name)} onChange={() => toggleScope(name)} /> {name}
          </label>
        ))}
      </fieldset>
      <div className="flow-form__grid">
        {browserFlow && (
          <>
            <TextField label="state" value={state} onChange={(e) => setState(e.target.value)} />
            <TextField label="nonce" value={nonce} onChange={(e) => setNonce(e.target.value)} />
            <SelectField
              label="response_mode"
              value={responseMode}
              onChange={(e) => setResponseMode(e.target.value)}
              options={[
                { value: NOT_SET, label: '(default for the response type)' },
                ...['query', 'fragment', 'form_post'].map((m) => ({ value: m, label: m })),
              ]}
            />
            <SelectField
              label="prompt"
              value={prompt}
              onChange={(e) => setPrompt(e.target.value)}
              options={[
                { value: NOT_SET, label: '(none sent)' },
                ...['none', 'login', 'consent', 'login consent'].map((m) => ({ value: m, label: m })),
              ]}
            />
            <TextField label="max_age" inputMode="numeric" value={maxAge} onChange={(e) => setMaxAge(e.target.value)} />
            <TextField label="login_hint" value={loginHint} onChange={(e) => setLoginHint(e.target.value)} />
          </>
        )}
        {chosenFlow === 'code-pkce' && (
          <SelectField
            label="PKCE method"
            value={pkceMethod}
            onChange={(e) => setPkceMethod(e.target.value as 'S256' | 'plain')}
            options={[
              { value: 'S256', label: 'S256' },
              { value: 'plain', label: 'plain' },
            ]}
          />
        )}
        <SelectField
          label="Client authentication"
          value={clientAuth || options?.defaultClientAuth || 'none'}
          onChange={(e) => setClientAuth(e.target.value)}
          options={CLIENT_AUTH_METHODS.map((m) => ({ value: m, label: m }))}
        />
        {chosenFlow === 'password' && (
          <>
            <TextField label="Username" value={username} onChange={(e) => setUsername(e.target.value)} />
            <TextField
              label="Password"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </>
        )}
        {chosenFlow === 'refresh' && (
          <SelectField
            label="Refresh token from run"
            value={refreshFrom || options?.refreshSources[0]?.id || ''}
            onChange={(e) => setRefreshFrom(e.target.value)}
            options={(options?.refreshSources ?? []).map((r) => ({
              value: r.id,
              label: `${r.id} (${new Date(r.created).toLocaleString()})`,
            }))}
          />
        )}
      </div>
      {flowChoice && !flowChoice.allowed && <p className="field__error">{flowChoice.reason}</p>}
      <div className="flow-form__actions">
        <Button type="submit" variant="primary" busy={busy} disabled={!chosenFlow}>
          Run
        </Button>
        <Button onClick={() => submit('step')()} disabled={!chosenFlow || busy}>
          Step
        </Button>
      </div>
    </form>
  );
}
