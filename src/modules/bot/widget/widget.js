/* 小申 widget: one <script src="https://<bangban>/widget.js" async></script> adds a floating
   button to any page; the conversation runs in an iframe served by Bangban itself, so the host
   page needs no other code and shares no cookies with us. Options: data-lang="zh|en",
   data-position="right|left", data-label="…". */
(function () {
  var script = document.currentScript;
  if (!script || window.__bangbanWidget) return;
  window.__bangbanWidget = true;
  var base = new URL(script.src).origin;
  var lang = script.getAttribute('data-lang') === 'en' ? 'en' : 'zh';
  var side = script.getAttribute('data-position') === 'left' ? 'left' : 'right';
  var label = script.getAttribute('data-label') || (lang === 'en' ? 'Ask Xiaoshen' : '小申在线咨询');
  var open = false;
  var frame = null;

  var btn = document.createElement('button');
  btn.type = 'button';
  btn.textContent = label;
  btn.setAttribute('aria-label', lang === 'en' ? 'Open the Xiaoshen assistant' : '打开小申智能客服');
  btn.setAttribute('aria-expanded', 'false');
  btn.style.cssText =
    'position:fixed;bottom:20px;' +
    side +
    ':20px;z-index:2147483000;padding:14px 20px;border:0;border-radius:28px;' +
    'background:#0b5cad;color:#fff;font-size:18px;line-height:1.3;font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;' +
    'box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer;min-height:48px';

  function size() {
    var small = window.innerWidth < 480;
    frame.style.cssText =
      'position:fixed;z-index:2147483001;border:0;background:#fff;box-shadow:0 8px 30px rgba(0,0,0,.3);' +
      (small
        ? 'inset:0;width:100%;height:100%;'
        : 'bottom:84px;' + side + ':20px;width:400px;height:min(640px,calc(100vh - 110px));border-radius:12px;');
  }

  function toggle(show) {
    open = show;
    btn.setAttribute('aria-expanded', String(open));
    if (open && !frame) {
      frame = document.createElement('iframe');
      frame.src = base + '/bot?embed=1&lang=' + lang;
      frame.title = lang === 'en' ? 'Xiaoshen assistant' : '小申智能客服';
      frame.setAttribute('allow', 'clipboard-write');
      size();
      document.body.appendChild(frame);
    }
    if (frame) frame.style.display = open ? 'block' : 'none';
    if (open && frame) frame.focus();
  }

  btn.addEventListener('click', function () {
    toggle(!open);
  });
  window.addEventListener('resize', function () {
    if (frame) {
      size();
      frame.style.display = open ? 'block' : 'none';
    }
  });
  window.addEventListener('message', function (e) {
    if (e.origin === base && e.data === 'bangban:close') {
      toggle(false);
      btn.focus();
    }
  });
  window.addEventListener('keydown', function (e) {
    if (open && e.key === 'Escape') {
      toggle(false);
      btn.focus();
    }
  });
  (document.body
    ? Promise.resolve()
    : new Promise(function (r) {
        document.addEventListener('DOMContentLoaded', r);
      })
  ).then(function () {
    document.body.appendChild(btn);
  });
})();
