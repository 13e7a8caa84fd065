// Upload progress for the attachments form (AttachmentsEditor.svelte), when the browser runs
// scripts. The pages work without JavaScript: the form is an ordinary multipart POST to a
// SvelteKit form action. With this script the same POST is sent by XMLHttpRequest, whose upload
// events drive the form's <progress>; the answer is then shown as the browser would have shown
// it (a redirect is followed; a refusal's page replaces this one). Served from the storefront's
// own origin, as its Content-Security-Policy requires (script-src 'self', no inline script).
(function () {
  'use strict';

  function show(form, loaded, total) {
    var box = form.querySelector('[data-upload-progress]');
    if (!box) return;
    var bar = box.querySelector('progress');
    var text = box.querySelector('[data-upload-progress-text]');
    var percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
    box.hidden = false;
    // Attributes, not properties: what is shown is what the page says.
    bar.setAttribute('value', String(percent));
    text.textContent = (box.getAttribute('data-label') || '{percent}%').replace('{percent}', String(percent));
  }

  function replaceDocument(html) {
    var next = new DOMParser().parseFromString(html, 'text/html');
    document.replaceChild(document.adoptNode(next.documentElement), document.documentElement);
    enhance();
  }

  function send(form) {
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    // SvelteKit answers a form action in JSON to a client that accepts anything: ask for the page.
    xhr.setRequestHeader('Accept', 'text/html');
    xhr.upload.addEventListener('progress', function (e) {
      show(form, e.loaded, e.lengthComputable ? e.total : 0);
    });
    xhr.addEventListener('load', function () {
      if (xhr.status < 400 && xhr.responseURL && xhr.responseURL !== form.action) {
        // Done: the action redirected to the page (…?done=media-uploaded#media-done, the section's
        // notice); the address an XMLHttpRequest reports has no fragment, so it is put back (not the
        // page's top).
        var section = form.closest('section[id]');
        var target = xhr.responseURL.split('#')[0] + (section ? '#' + section.id + '-done' : '');
        if (xhr.responseURL.split('#')[0] === location.href.split('#')[0]) {
          // The same address but for its fragment (a second upload): assigning it would only scroll.
          history.replaceState(null, '', target);
          location.reload();
        } else {
          location.assign(target);
        }
      } else {
        // Refused (or an answer without a redirect): the page the action rendered, with its errors,
        // at the address the browser would show after the POST.
        if (xhr.responseURL) history.replaceState(null, '', xhr.responseURL);
        replaceDocument(xhr.responseText);
      }
    });
    xhr.addEventListener('error', function () {
      // The connection failed: send the form the ordinary way, so the browser shows what happened.
      form.removeAttribute('data-enhanced');
      HTMLFormElement.prototype.submit.call(form);
    });
    form.setAttribute('aria-busy', 'true');
    var button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    show(form, 0, 1);
    xhr.send(new FormData(form));
  }

  function enhance() {
    var forms = document.querySelectorAll('form.media-upload:not([data-enhanced])');
    for (var i = 0; i < forms.length; i++) {
      var form = forms[i];
      form.setAttribute('data-enhanced', '');
      form.addEventListener('submit', function (e) {
        if (typeof FormData !== 'function' || !window.XMLHttpRequest) return;
        e.preventDefault();
        send(e.currentTarget);
      });
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance);
  else enhance();
})();
