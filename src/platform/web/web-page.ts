/**
 * The web chat's one page: plain HTML, CSS and JavaScript in one string, no build step. It
 * looks like a class group on a phone: a persona switcher (act as staff, the lecturer or any
 * trainee), the groups the persona is in and a private chat with the bot, @mentions offered
 * while typing, image upload, boards the bot updates in place, and live updates over /ws.
 * Kept free of backticks and dollar-brace so it can live in this raw string as it is.
 */
export const WEB_PAGE = String.raw`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>班级群 · 网页聊天</title>
<style>
  * { box-sizing: border-box; }
  html, body { margin: 0; height: 100%; }
  body {
    font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
    background: #d9dde3; color: #191919; display: flex; justify-content: center; align-items: center;
  }
  .phone {
    width: 100%; max-width: 430px; height: 100%; max-height: 920px; background: #ededed;
    display: flex; flex-direction: column; position: relative; overflow: hidden;
    box-shadow: 0 10px 40px rgba(0,0,0,.18);
  }
  @media (min-width: 500px) { .phone { border-radius: 28px; height: calc(100% - 32px); border: 8px solid #1f1f1f; } }
  .top { background: #2e2e2e; color: #fff; padding: 8px 12px; display: flex; align-items: center; gap: 8px; font-size: 13px; }
  .top label { opacity: .8; white-space: nowrap; }
  .top select { flex: 1; min-width: 0; font: inherit; font-size: 14px; padding: 4px 6px; border-radius: 6px; border: none; background: #454545; color: #fff; }
  .clock { white-space: nowrap; font-variant-numeric: tabular-nums; opacity: .9; }
  .tabs { display: flex; background: #f7f7f7; border-bottom: 1px solid #dcdcdc; overflow-x: auto; }
  .tabs button {
    flex: 1 0 auto; border: none; background: none; padding: 10px 12px; font: inherit; font-size: 14px; color: #555; cursor: pointer;
    border-bottom: 2px solid transparent; position: relative; white-space: nowrap;
  }
  .tabs button.active { color: #07c160; border-bottom-color: #07c160; font-weight: 600; }
  .badge { display: inline-block; min-width: 18px; padding: 0 5px; margin-left: 4px; border-radius: 9px; background: #fa5151; color: #fff; font-size: 11px; line-height: 18px; text-align: center; }
  .title { display: flex; align-items: center; padding: 8px 12px; background: #ededed; border-bottom: 1px solid #dcdcdc; font-size: 15px; font-weight: 600; }
  .title span { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .title button { border: 1px solid #c8c8c8; background: #fff; border-radius: 14px; padding: 3px 10px; font: inherit; font-size: 12px; font-weight: normal; cursor: pointer; }
  .hint { margin: 0; padding: 6px 12px; background: #fffbe6; color: #7a6400; font-size: 12px; line-height: 1.5; border-bottom: 1px solid #f1e5a8; }
  .hint button { border: none; background: none; color: #7a6400; float: right; cursor: pointer; font-size: 12px; }
  .messages { flex: 1; overflow-y: auto; padding: 8px 10px 12px; }
  .empty { color: #888; text-align: center; font-size: 13px; margin-top: 40px; line-height: 1.7; }
  .time, .notice { text-align: center; color: #999; font-size: 12px; margin: 10px 0 6px; }
  .notice span { background: #dadada; color: #fff; border-radius: 4px; padding: 2px 8px; display: inline-block; }
  .row { display: flex; align-items: flex-start; margin: 8px 0; gap: 8px; }
  .row.mine { flex-direction: row-reverse; }
  .avatar { width: 38px; height: 38px; border-radius: 6px; color: #fff; font-size: 16px; display: flex; align-items: center; justify-content: center; flex: none; }
  .body { max-width: 74%; display: flex; flex-direction: column; }
  .row.mine .body { align-items: flex-end; }
  .name { font-size: 12px; color: #888; margin: 0 0 3px 2px; }
  .bubble { background: #fff; border-radius: 6px; padding: 8px 10px; font-size: 15px; line-height: 1.5; white-space: pre-wrap; word-break: break-word; }
  .row.mine .bubble { background: #95ec69; }
  .bubble .at { color: #576b95; }
  .row.at-me .bubble { box-shadow: inset 3px 0 0 #fa9d3b; }
  .bubble.board { background: #fff; border: 1px solid #07c160; font-size: 14px; min-width: 220px; }
  .bubble.board.flash { animation: flash 1s ease-out; }
  @keyframes flash { from { background: #e3f9e9; } to { background: #fff; } }
  .edited { font-size: 11px; color: #07c160; margin-top: 3px; }
  .bubble img { max-width: 180px; max-height: 220px; display: block; border-radius: 4px; cursor: zoom-in; }
  .bubble.image { padding: 3px; background: #fff !important; }
  a.file { display: flex; gap: 8px; align-items: center; color: #191919; text-decoration: none; min-width: 180px; }
  a.file .icon { font-size: 11px; font-weight: 700; color: #fff; background: #1d9e5a; border-radius: 4px; padding: 10px 6px; }
  a.file small { display: block; color: #07c160; }
  .composer { display: flex; align-items: flex-end; gap: 6px; padding: 8px; background: #f7f7f7; border-top: 1px solid #dcdcdc; }
  .composer textarea { flex: 1; resize: none; font: inherit; font-size: 15px; border: none; border-radius: 6px; padding: 8px; max-height: 120px; background: #fff; }
  .composer button, .attach { border: none; border-radius: 6px; font: inherit; font-size: 14px; padding: 8px 12px; cursor: pointer; }
  .composer button { background: #07c160; color: #fff; }
  .composer button:disabled { background: #b2e5c6; }
  .attach { background: #fff; padding: 6px 8px 3px; }
  .mention-list {
    position: absolute; left: 10px; right: 10px; bottom: 60px; max-height: 220px; overflow-y: auto; background: #fff;
    border-radius: 8px; box-shadow: 0 4px 20px rgba(0,0,0,.2); z-index: 5;
  }
  .mention-list div { padding: 8px 12px; font-size: 14px; cursor: pointer; display: flex; justify-content: space-between; }
  .mention-list div small { color: #999; }
  .mention-list div.active, .mention-list div:hover { background: #e9f7ef; }
  .toast { position: absolute; left: 50%; top: 45%; transform: translateX(-50%); background: rgba(0,0,0,.75); color: #fff; padding: 10px 16px; border-radius: 8px; font-size: 14px; z-index: 9; max-width: 80%; text-align: center; }
  .offline { background: #fa5151; color: #fff; text-align: center; font-size: 12px; padding: 3px; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<div class="phone">
  <header class="top">
    <label for="persona">我是</label>
    <select id="persona" aria-label="切换身份"></select>
    <span class="clock" id="clock" title="聊天的时钟"></span>
  </header>
  <div class="offline" id="offline" hidden>连接已断开，正在重连…</div>
  <nav class="tabs" id="tabs"></nav>
  <div class="title"><span id="title"></span><button id="join" type="button" hidden>＋新同学入群</button></div>
  <p class="hint" id="hint"><button type="button" id="hide-hint">知道了</button>上面「我是」可切换身份：工作人员、讲师或任一学员。学员在群里发「签到」；讲师发「#布置作业 内容」；学员发「#交作业 内容」后点相机发图片；私聊机器人发「#我的」或「#帮助」。输入 @ 可提及成员。</p>
  <main class="messages" id="messages"></main>
  <div class="mention-list" id="mention-list" hidden></div>
  <footer class="composer">
    <label class="attach" title="发送图片" aria-label="发送图片"><svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="#555" stroke-width="1.8"><rect x="3" y="6" width="18" height="14" rx="2"/><circle cx="12" cy="13" r="3.5"/><path d="M8 6l1.5-2h5L16 6"/></svg><input id="image" type="file" accept="image/*" hidden></label>
    <textarea id="input" rows="1" placeholder="输入消息，@ 提及成员，Enter 发送"></textarea>
    <button id="send" type="button">发送</button>
  </footer>
  <div class="toast" id="toast" hidden></div>
</div>
<script>
(function () {
  'use strict';
  var LABEL_ORDER = ['工作人员', '讲师', '学员', ''];
  var COLORS = ['#f29b38', '#5b8ff9', '#5ad8a6', '#e8684a', '#9270ca', '#6dc8ec', '#ff9d4d', '#269a99', '#ff99c3', '#7262fd'];
  var ERRORS = {
    WEB_NOT_A_MEMBER: '你不在这个群里',
    WEB_EMPTY: '消息是空的',
    WEB_NOT_AN_IMAGE: '只能发送图片',
    FST_REQ_FILE_TOO_LARGE: '图片太大（最大 10 MB）'
  };
  var state = { self: null, people: [], groups: [], persona: null, chat: null, cache: {}, unread: {}, clock: null, mentions: [], popup: [], popupIndex: 0 };
  var el = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(location.search);

  function keyOf(c) { return c.kind + ':' + c.id; }
  function person(id) {
    if (state.self && id === state.self.id) return state.self;
    for (var i = 0; i < state.people.length; i++) if (state.people[i].id === id) return state.people[i];
    return null;
  }
  function nameOf(id) { var p = person(id); return p ? p.name : id; }
  function groupsOf(personId) { return state.groups.filter(function (g) { return g.memberIds.indexOf(personId) >= 0; }); }
  function colorOf(id) { var h = 0; for (var i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0; return COLORS[h % COLORS.length]; }
  function visibleTo(personId, c) { return c.kind === 'private' ? c.id === personId : groupsOf(personId).some(function (g) { return g.id === c.id; }); }

  var formatter = null;
  // 12月3日 08:28 (or 08:28 alone), in the chat's time zone.
  function fmt(iso, withDay) {
    if (!formatter) {
      formatter = new Intl.DateTimeFormat('en-GB', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: state.clock ? state.clock.timezone : undefined });
    }
    var p = {};
    formatter.formatToParts(new Date(iso)).forEach(function (x) { p[x.type] = x.value; });
    return (withDay ? Number(p.month) + '月' + Number(p.day) + '日 ' : '') + p.hour + ':' + p.minute;
  }
  function chatNow() {
    if (!state.clock) return Date.now();
    return state.clock.base + (Date.now() - state.clock.fetchedAt) * state.clock.speed;
  }
  function tickClock() {
    if (!state.clock) return;
    el('clock').textContent = fmt(new Date(chatNow()).toISOString(), true) + (state.clock.speed > 1 ? ' · 加速 ' + state.clock.speed + ' 倍' : '');
  }

  function toast(text) {
    var t = el('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { t.hidden = true; }, 2500);
  }

  function api(method, url, body) {
    var init = { method: method, headers: {} };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) { init.body = JSON.stringify(body); init.headers['content-type'] = 'application/json'; }
    return fetch(url, init).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (!res.ok) { var e = new Error(data.message || res.statusText); e.code = data.error; throw e; }
        return data;
      });
    });
  }
  function failed(err) { toast('发送失败：' + (ERRORS[err.code] || err.message)); }

  function loadState() {
    return api('GET', '/api/state').then(function (s) {
      state.self = s.self;
      state.people = s.people;
      state.groups = s.groups;
      state.clock = { base: Date.parse(s.clock.now), fetchedAt: Date.now(), speed: s.clock.speed, timezone: s.clock.timezone };
      formatter = null;
      tickClock();
    });
  }

  function renderPersonas() {
    var select = el('persona');
    select.textContent = '';
    LABEL_ORDER.forEach(function (label) {
      var people = state.people.filter(function (p) { return (LABEL_ORDER.indexOf(p.label) >= 0 ? p.label : '') === label; });
      if (!people.length) return;
      var group = document.createElement('optgroup');
      group.label = label || '其他';
      people.forEach(function (p) {
        var o = document.createElement('option');
        o.value = p.id;
        o.textContent = p.name + (p.label ? ' · ' + p.label : '');
        group.appendChild(o);
      });
      select.appendChild(group);
    });
    if (state.persona) select.value = state.persona;
  }

  function conversationsOf(personId) {
    var list = groupsOf(personId).map(function (g) { return { kind: 'group', id: g.id, title: g.title + '（' + g.memberIds.length + '）' }; });
    list.push({ kind: 'private', id: personId, title: '私聊 · ' + (state.self ? state.self.name : '机器人') });
    return list;
  }

  function renderTabs() {
    var nav = el('tabs');
    nav.textContent = '';
    if (!state.persona) return;
    conversationsOf(state.persona).forEach(function (c) {
      var b = document.createElement('button');
      b.type = 'button';
      b.dataset.key = keyOf(c);
      b.textContent = c.kind === 'group' ? c.title.replace(/（\d+）$/, '') : c.title;
      if (state.chat && keyOf(state.chat) === keyOf(c)) b.className = 'active';
      var n = state.unread[state.persona + '|' + keyOf(c)];
      if (n) { var s = document.createElement('span'); s.className = 'badge'; s.textContent = String(n); b.appendChild(s); }
      b.onclick = function () { openChat({ kind: c.kind, id: c.id }); };
      nav.appendChild(b);
    });
    var current = conversationsOf(state.persona).filter(function (c) { return state.chat && keyOf(c) === keyOf(state.chat); })[0];
    el('title').textContent = current ? current.title : '';
    el('join').hidden = !(state.chat && state.chat.kind === 'group');
  }

  function setPersona(id) {
    state.persona = id;
    try { localStorage.setItem('cohort-bot-persona', id); } catch (e) { /* private mode */ }
    el('persona').value = id;
    var convs = conversationsOf(id);
    var keep = state.chat && convs.some(function (c) { return keyOf(c) === keyOf(state.chat); });
    openChat(keep ? state.chat : { kind: convs[0].kind, id: convs[0].id });
  }

  function openChat(c) {
    state.chat = c;
    delete state.unread[state.persona + '|' + keyOf(c)];
    hideMentions();
    renderTabs();
    var key = keyOf(c);
    if (state.cache[key]) { renderMessages(); return Promise.resolve(); }
    el('messages').textContent = '';
    return api('GET', '/api/messages?kind=' + c.kind + '&id=' + encodeURIComponent(c.id)).then(function (data) {
      state.cache[key] = data.messages;
      if (state.chat && keyOf(state.chat) === key) renderMessages();
    });
  }

  function textWithMentions(m) {
    var frag = document.createDocumentFragment();
    if (m.fromBot && m.mentionIds.length) {
      m.mentionIds.forEach(function (id) {
        var a = document.createElement('span'); a.className = 'at'; a.textContent = '@' + nameOf(id) + ' '; frag.appendChild(a);
      });
    }
    var text = m.text;
    var names = m.mentionIds.map(nameOf).filter(Boolean).sort(function (a, b) { return b.length - a.length; });
    var i = 0;
    while (i < text.length) {
      var at = text.indexOf('@', i);
      if (at < 0) break;
      var hit = names.filter(function (n) { return text.substr(at + 1, n.length) === n; })[0];
      if (!hit) { frag.appendChild(document.createTextNode(text.slice(i, at + 1))); i = at + 1; continue; }
      frag.appendChild(document.createTextNode(text.slice(i, at)));
      var s = document.createElement('span'); s.className = 'at'; s.textContent = '@' + hit; frag.appendChild(s);
      i = at + 1 + hit.length;
    }
    frag.appendChild(document.createTextNode(text.slice(i)));
    return frag;
  }

  function messageNode(m) {
    if (m.notice || m.recalled) {
      var n = document.createElement('div');
      n.className = 'notice';
      n.dataset.id = m.id;
      var span = document.createElement('span');
      span.textContent = m.recalled ? '「' + (m.senderId === state.persona ? '你' : m.senderName) + '」撤回了一条消息' : m.text;
      n.appendChild(span);
      return n;
    }
    var row = document.createElement('div');
    var mine = m.senderId === state.persona;
    row.className = 'row msg' + (mine ? ' mine' : '') + (m.fromBot ? ' bot' : '') + (m.mentionIds.indexOf(state.persona) >= 0 ? ' at-me' : '');
    row.dataset.id = m.id;
    row.dataset.sender = m.senderId;
    var avatar = document.createElement('div');
    avatar.className = 'avatar';
    avatar.style.background = m.fromBot ? '#07c160' : colorOf(m.senderId);
    avatar.textContent = m.fromBot ? '助' : (m.senderName || '?').slice(-1);
    var body = document.createElement('div');
    body.className = 'body';
    if (!mine && m.conversation.kind === 'group') {
      var name = document.createElement('div'); name.className = 'name'; name.textContent = m.senderName; body.appendChild(name);
    }
    var bubble = document.createElement('div');
    bubble.className = 'bubble';
    if (m.file && m.file.kind === 'image') {
      bubble.className += ' image';
      var img = document.createElement('img');
      img.src = m.file.url; img.alt = m.file.name;
      img.onclick = function () { window.open(m.file.url, '_blank'); };
      img.onload = function () { if (atBottom.last) scrollDown(); };
      bubble.appendChild(img);
    } else if (m.file) {
      var a = document.createElement('a');
      a.className = 'file'; a.href = m.file.url; a.setAttribute('download', m.file.name);
      var icon = document.createElement('span'); icon.className = 'icon'; icon.textContent = /\.xlsx$/i.test(m.file.name) ? 'XLS' : 'FILE';
      var label = document.createElement('span'); label.textContent = m.file.name;
      var small = document.createElement('small'); small.textContent = '点击下载'; label.appendChild(small);
      a.appendChild(icon); a.appendChild(label); bubble.appendChild(a);
    } else {
      if ((m.text.indexOf('📋 签到 ') === 0 || m.text.indexOf('📚 作业《') === 0) && m.conversation.kind === 'group') bubble.className += ' board';
      bubble.appendChild(textWithMentions(m));
    }
    body.appendChild(bubble);
    if (m.editedAt) {
      var ed = document.createElement('div'); ed.className = 'edited'; ed.textContent = '已更新 ' + fmt(m.editedAt, false); body.appendChild(ed);
    }
    row.appendChild(avatar);
    row.appendChild(body);
    return row;
  }

  function timeNode(iso) {
    var t = document.createElement('div'); t.className = 'time'; t.textContent = fmt(iso, true); return t;
  }

  function atBottom() {
    var box = el('messages');
    atBottom.last = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    return atBottom.last;
  }
  function scrollDown() { var box = el('messages'); box.scrollTop = box.scrollHeight; }

  function renderMessages() {
    var box = el('messages');
    box.textContent = '';
    var list = state.cache[keyOf(state.chat)] || [];
    if (!list.length) {
      var e = document.createElement('div'); e.className = 'empty';
      e.textContent = state.chat.kind === 'group' ? '还没有消息。试试发「#帮助」。' : '这里是你和' + (state.self ? state.self.name : '机器人') + '的私聊。试试发「#我的」或「#帮助」。';
      box.appendChild(e);
    }
    var last = 0;
    list.forEach(function (m) {
      var t = Date.parse(m.at);
      if (t - last > 5 * 60000) box.appendChild(timeNode(m.at));
      last = t;
      box.appendChild(messageNode(m));
    });
    scrollDown();
    atBottom.last = true;
  }

  function onMessage(m) {
    var key = keyOf(m.conversation);
    var list = state.cache[key];
    if (list) list.push(m);
    if (state.chat && keyOf(state.chat) === key) {
      var box = el('messages');
      var stick = atBottom() || m.senderId === state.persona;
      var empty = box.querySelector('.empty');
      if (empty) empty.remove();
      var prev = list && list.length > 1 ? list[list.length - 2] : null;
      if (!prev || Date.parse(m.at) - Date.parse(prev.at) > 5 * 60000) box.appendChild(timeNode(m.at));
      box.appendChild(messageNode(m));
      if (stick) scrollDown();
    } else if (state.persona && visibleTo(state.persona, m.conversation) && !m.notice) {
      var u = state.persona + '|' + key;
      state.unread[u] = (state.unread[u] || 0) + 1;
      renderTabs();
    }
  }

  function onUpdate(m) {
    var list = state.cache[keyOf(m.conversation)];
    if (list) for (var i = 0; i < list.length; i++) if (list[i].id === m.id) list[i] = m;
    var old = el('messages').querySelector('[data-id="' + m.id + '"]');
    if (!old) return;
    var node = messageNode(m);
    old.replaceWith(node);
    var board = node.querySelector('.bubble.board');
    if (board) board.className += ' flash';
  }

  function connect() {
    var ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    ws.onopen = function () {
      if (!el('offline').hidden) {
        el('offline').hidden = true;
        state.cache = {};
        loadState().then(function () { renderPersonas(); renderTabs(); if (state.chat) openChat(state.chat); });
      }
      document.body.dataset.live = '1';
    };
    ws.onmessage = function (ev) {
      var u = JSON.parse(ev.data);
      if (u.type === 'message') onMessage(u.message);
      else if (u.type === 'update') onUpdate(u.message);
      else if (u.type === 'directory') loadState().then(function () { renderPersonas(); renderTabs(); });
    };
    ws.onclose = function () {
      document.body.dataset.live = '';
      el('offline').hidden = false;
      setTimeout(connect, 1000);
    };
  }

  // @mentions: typing @ offers the group's members; the picked ones travel with the message.
  function mentionQuery() {
    var input = el('input');
    var before = input.value.slice(0, input.selectionStart);
    var m = /@([^\s@]*)$/.exec(before);
    return m ? { text: m[1], start: before.length - m[0].length } : null;
  }
  function hideMentions() { el('mention-list').hidden = true; state.popup = []; }
  function showMentions() {
    var q = mentionQuery();
    if (!q || !state.chat || state.chat.kind !== 'group') return hideMentions();
    var group = state.groups.filter(function (g) { return g.id === state.chat.id; })[0];
    if (!group) return hideMentions();
    var list = group.memberIds.map(person).filter(function (p) { return p && p.id !== state.persona && p.name.indexOf(q.text) >= 0; });
    if (!list.length) return hideMentions();
    state.popup = list.slice(0, 50);
    state.popupIndex = 0;
    var box = el('mention-list');
    box.textContent = '';
    state.popup.forEach(function (p, i) {
      var d = document.createElement('div');
      d.dataset.id = p.id;
      if (i === 0) d.className = 'active';
      d.textContent = p.name;
      var s = document.createElement('small'); s.textContent = p.id === state.self.id ? '机器人' : (p.label || ''); d.appendChild(s);
      d.onmousedown = function (e) { e.preventDefault(); pickMention(p); };
      box.appendChild(d);
    });
    box.hidden = false;
  }
  function pickMention(p) {
    var input = el('input');
    var q = mentionQuery();
    if (!q) return;
    var after = input.value.slice(input.selectionStart);
    input.value = input.value.slice(0, q.start) + '@' + p.name + ' ' + after;
    var pos = q.start + p.name.length + 2;
    input.setSelectionRange(pos, pos);
    if (state.mentions.indexOf(p.id) < 0) state.mentions.push(p.id);
    hideMentions();
    input.focus();
  }
  function moveMention(d) {
    if (!state.popup.length) return;
    state.popupIndex = (state.popupIndex + d + state.popup.length) % state.popup.length;
    var items = el('mention-list').children;
    for (var i = 0; i < items.length; i++) items[i].className = i === state.popupIndex ? 'active' : '';
  }

  function send() {
    var input = el('input');
    var text = input.value.trim();
    if (!text || !state.persona || !state.chat) return;
    var mentionIds = state.mentions.filter(function (id) { return text.indexOf('@' + nameOf(id)) >= 0; });
    input.value = '';
    state.mentions = [];
    hideMentions();
    api('POST', '/api/messages', { from: state.persona, kind: state.chat.kind, to: state.chat.id, text: text, mentionIds: mentionIds }).catch(function (err) {
      input.value = text;
      failed(err);
    });
  }

  function sendImage(file) {
    if (!file || !state.persona || !state.chat) return;
    var form = new FormData();
    form.append('file', file, file.name);
    var q = '?from=' + encodeURIComponent(state.persona) + '&kind=' + state.chat.kind + '&to=' + encodeURIComponent(state.chat.id);
    api('POST', '/api/images' + q, form).catch(failed);
  }

  el('input').addEventListener('input', showMentions);
  el('input').addEventListener('click', showMentions);
  el('input').addEventListener('keydown', function (e) {
    if (state.popup.length && !el('mention-list').hidden) {
      if (e.key === 'ArrowDown') { e.preventDefault(); return moveMention(1); }
      if (e.key === 'ArrowUp') { e.preventDefault(); return moveMention(-1); }
      if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); return pickMention(state.popup[state.popupIndex]); }
      if (e.key === 'Escape') { e.preventDefault(); return hideMentions(); }
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(); }
  });
  el('input').addEventListener('blur', function () { setTimeout(hideMentions, 150); });
  el('send').onclick = send;
  el('image').addEventListener('change', function () { sendImage(this.files[0]); this.value = ''; });
  el('persona').addEventListener('change', function () { setPersona(this.value); });
  el('hide-hint').onclick = function () { el('hint').hidden = true; try { localStorage.setItem('cohort-bot-hint', 'off'); } catch (e) { /* private mode */ } };
  el('join').onclick = function () {
    var name = (prompt('新同学的名字') || '').trim();
    if (!name || !state.chat || state.chat.kind !== 'group') return;
    var groupId = state.chat.id;
    api('POST', '/api/people', { name: name, label: '学员', groupId: groupId }).then(function (r) {
      return loadState().then(function () { renderPersonas(); setPersona(r.person.id); });
    }).catch(failed);
  };
  try { if (localStorage.getItem('cohort-bot-hint') === 'off') el('hint').hidden = true; } catch (e) { /* private mode */ }
  setInterval(tickClock, 1000);

  loadState().then(function () {
    renderPersonas();
    var wanted = params.get('as');
    var saved = null;
    try { saved = localStorage.getItem('cohort-bot-persona'); } catch (e) { /* private mode */ }
    var first = state.people[0];
    var id = [wanted, saved].filter(function (x) { return x && person(x) && x !== state.self.id; })[0] || (first && first.id);
    if (id) setPersona(id);
    else {
      var box = el('messages');
      var e = document.createElement('div'); e.className = 'empty';
      e.textContent = '还没有成员。点「＋新同学入群」加入班级群。';
      box.appendChild(e);
      if (state.groups[0]) { state.chat = { kind: 'group', id: state.groups[0].id }; el('join').hidden = false; el('title').textContent = state.groups[0].title; }
    }
    connect();
    document.body.dataset.ready = '1';
  }).catch(function (err) { toast('加载失败：' + err.message); });
})();
</script>
</body>
</html>
`;
