// The delegated-admin page: signs in through the realm (authorization code with PKCE, public
// client userdata-delegated-admin) and calls /realms/{realm}/user-data/organizations/…/members.
'use strict';

const CLIENT_ID = 'userdata-delegated-admin';
const place = location.pathname.match(/^(.*)\/realms\/([^/]+)\/user-data\/delegated-admin\//);
const BASE = location.origin + (place ? place[1] : '');
const REALM = place ? decodeURIComponent(place[2]) : '';
const OIDC = `${BASE}/realms/${encodeURIComponent(REALM)}/protocol/openid-connect`;
const API = `${BASE}/realms/${encodeURIComponent(REALM)}/user-data`;
const REDIRECT = location.origin + location.pathname;

const $ = (id) => document.getElementById(id);
const state = { token: sessionStorage.getItem('kcud.token'), org: null, member: null };

function show(id, visible) { $(id).hidden = !visible; }

function say(text, ok) {
  const box = $('message');
  box.textContent = text;
  box.className = ok ? 'ok' : '';
  box.hidden = !text;
  if (text) box.focus?.();
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function signIn() {
  const verifier = randomString();
  const nonce = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem('kcud.pkce', JSON.stringify({ verifier, nonce }));
  const query = new URLSearchParams({
    client_id: CLIENT_ID, response_type: 'code', scope: 'openid', redirect_uri: REDIRECT,
    state: nonce, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${OIDC}/auth?${query}`);
}

async function finishSignIn(params) {
  const saved = JSON.parse(sessionStorage.getItem('kcud.pkce') || '{}');
  sessionStorage.removeItem('kcud.pkce');
  history.replaceState(null, '', REDIRECT);
  if (params.get('error')) throw new Error(params.get('error_description') || params.get('error'));
  if (!saved.nonce || params.get('state') !== saved.nonce) throw new Error('The sign-in answer did not match this page; sign in again.');
  const response = await fetch(`${OIDC}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: CLIENT_ID, code: params.get('code'),
      redirect_uri: REDIRECT, code_verifier: saved.verifier,
    }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error_description || body.error || `sign-in failed (${response.status})`);
  state.token = body.access_token;
  sessionStorage.setItem('kcud.token', state.token);
  sessionStorage.setItem('kcud.idToken', body.id_token || '');
}

function signOut() {
  const idToken = sessionStorage.getItem('kcud.idToken');
  sessionStorage.clear();
  const query = new URLSearchParams({ client_id: CLIENT_ID, post_logout_redirect_uri: REDIRECT });
  if (idToken) query.set('id_token_hint', idToken);
  location.assign(`${OIDC}/logout?${query}`);
}

async function api(method, path, body) {
  const headers = { Authorization: `Bearer ${state.token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${API}${path}`, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    sessionStorage.removeItem('kcud.token');
    state.token = null;
    render();
    throw new Error('Your session has ended; sign in again.');
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error((json && (json.error_description || json.error)) || `${method} failed (${response.status})`);
  return json;
}

function displayName(m) {
  const name = [m.first_name, m.last_name].filter(Boolean).join(' ');
  return name ? `${name} (${m.username})` : m.username;
}

async function loadOrganizations() {
  const organizations = await api('GET', '/organizations');
  const select = $('organization');
  select.replaceChildren(...organizations.map((o) => new Option(o.name || o.alias, o.id)));
  if (!organizations.length) {
    say('You administer no organization in this realm.');
    return;
  }
  state.organizations = organizations;
  state.org = organizations[0];
  await loadMembers();
}

async function loadMembers() {
  const search = $('search').value.trim();
  const query = new URLSearchParams({ max: '100' });
  if (search) query.set('search', search);
  const members = await api('GET', `/organizations/${state.org.id}/members?${query}`);
  $('count').textContent = `${members.length} member${members.length === 1 ? '' : 's'} shown`;
  $('members').replaceChildren(...members.map((m) => {
    const item = document.createElement('li');
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'name';
    open.textContent = displayName(m);
    open.setAttribute('aria-label', `Open ${m.username}`);
    open.addEventListener('click', () => openEditor(m));
    const status = document.createElement('span');
    status.className = 'status';
    status.textContent = [m.email || 'no email', m.suspended ? 'suspended' : (m.enabled ? 'active' : 'disabled')].join(' · ');
    item.append(open, status);
    return item;
  }));
}

function openEditor(member) {
  state.member = member;
  const alias = state.org.alias;
  $('editor-title').textContent = member ? `Member ${member.username}` : 'New member';
  show('username-row', !member);
  $('f-username').required = !member;
  $('f-username').value = '';
  $('f-first').value = member?.first_name || '';
  $('f-last').value = member?.last_name || '';
  $('f-email').value = member?.email || '';
  $('f-data').value = JSON.stringify(member?.org?.[alias] || {}, null, 2);
  $('reason').value = '';
  show('member-actions', !!member);
  if (member) {
    show('suspend-form', !member.suspended);
    show('unsuspend', !!member.suspended);
  }
  show('editor', true);
  $(member ? 'f-first' : 'f-username').focus();
}

function orgPatch(before, after) {
  const patch = { ...after };
  Object.keys(before).forEach((key) => { if (!(key in after)) patch[key] = null; });
  return patch;
}

async function save(event) {
  event.preventDefault();
  let data;
  try {
    data = JSON.parse($('f-data').value || '{}');
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error();
  } catch {
    say('Organization data must be a JSON object, like {"team": "red"}.');
    $('f-data').focus();
    return;
  }
  const alias = state.org.alias;
  const body = { first_name: $('f-first').value.trim() || null, last_name: $('f-last').value.trim() || null,
    email: $('f-email').value.trim() || null };
  if (state.member) {
    body.org = { [alias]: orgPatch(state.member.org?.[alias] || {}, data) };
    state.member = await api('PATCH', `/organizations/${state.org.id}/members/${state.member.id}`, body);
    say(`Saved ${state.member.username}.`, true);
  } else {
    body.username = $('f-username').value.trim();
    Object.keys(body).forEach((key) => body[key] === null && delete body[key]);
    body.org = { [alias]: data };
    const created = await api('POST', `/organizations/${state.org.id}/members`, body);
    say(`Created ${created.username}.`, true);
  }
  show('editor', false);
  await loadMembers();
}

async function act(action, body, done) {
  const member = state.member;
  await api('POST', `/organizations/${state.org.id}/members/${member.id}/${action}`, body);
  say(done(member), true);
  show('editor', false);
  await loadMembers();
}

function guarded(handler) {
  return (event) => Promise.resolve(handler(event)).catch((e) => say(e.message));
}

function render() {
  show('signed-out', !state.token);
  show('workspace', !!state.token);
  show('sign-out', !!state.token);
  if (!state.token) show('editor', false);
}

function wire() {
  $('sign-in').addEventListener('click', guarded(signIn));
  $('sign-out').addEventListener('click', signOut);
  $('organization').addEventListener('change', guarded(() => {
    state.org = state.organizations.find((o) => o.id === $('organization').value);
    show('editor', false);
    return loadMembers();
  }));
  $('search-form').addEventListener('submit', guarded((e) => { e.preventDefault(); say(''); return loadMembers(); }));
  $('new-member').addEventListener('click', () => openEditor(null));
  $('cancel').addEventListener('click', () => show('editor', false));
  $('member-form').addEventListener('submit', guarded(save));
  $('suspend-form').addEventListener('submit', guarded((e) => {
    e.preventDefault();
    const reason = $('reason').value.trim();
    if (!reason) { say('Give a reason for suspending.'); $('reason').focus(); return undefined; }
    return act('suspend', { reason }, (m) => `Suspended ${m.username}.`);
  }));
  $('unsuspend').addEventListener('click', guarded(() => act('unsuspend', undefined, (m) => `Unsuspended ${m.username}.`)));
  $('verify-email').addEventListener('click', guarded(() => act('send-verify-email', undefined, (m) => `Verification email sent to ${m.email}.`)));
  $('reset-password').addEventListener('click', guarded(() => act('reset-password-email', undefined, (m) => `Password reset email sent to ${m.email}.`)));
  $('remove').addEventListener('click', guarded(async () => {
    const member = state.member;
    if (!confirm(`Remove ${member.username} from ${state.org.name || state.org.alias}?`)) return;
    await api('DELETE', `/organizations/${state.org.id}/members/${member.id}`);
    say(`Removed ${member.username} from the organization.`, true);
    show('editor', false);
    await loadMembers();
  }));
}

async function start() {
  wire();
  if (!place) { say('This page must be served at /realms/{realm}/user-data/delegated-admin/.'); return; }
  const params = new URLSearchParams(location.search);
  try {
    if (params.get('code') || params.get('error')) await finishSignIn(params);
  } catch (e) {
    say(e.message);
  }
  render();
  if (state.token) {
    await loadOrganizations().catch((e) => say(e.message));
  }
}

start();
