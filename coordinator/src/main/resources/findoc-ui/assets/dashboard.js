// The dashboard's one script (no inline script anywhere: the Content-Security-Policy forbids it).
// - every htmx request carries the session's CSRF token (from <body data-csrf>) and the page's way
//   back to the dashboard's root (from <meta name=findoc-root>), for the links of the fragment;
// - [data-stream]: a job's progress over Server-Sent Events, applied at most once a second, closed
//   while the tab is hidden and opened again (with the last event's id) when it shows;
// - [data-refresh]: a region fetched again every 5 s while the tab shows;
// - [data-dropzone]: the submit page's file drop.
(function () {
  "use strict";

  function csrf() {
    return document.body ? document.body.getAttribute("data-csrf") : null;
  }

  // The page's way back to the dashboard's root: a fragment fetched into this page links relative
  // to this page, not to the fragment's own address (a job's heading comes from jobs/<id>/head).
  function pageRoot() {
    var meta = document.querySelector("meta[name=findoc-root]");
    return meta ? meta.getAttribute("content") : null;
  }

  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrf();
    if (token) {
      event.detail.headers["X-CSRF-Token"] = token;
    }
    var root = pageRoot();
    if (root) {
      event.detail.headers["X-UI-Page-Root"] = root;
    }
  });

  // A refused htmx request (4xx) still shows its message, next to what was asked.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status >= 400 && status < 500) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
      var errorBox = document.getElementById("action-error");
      if (errorBox && event.detail.target && event.detail.target.id === "job-head") {
        event.detail.target = errorBox;
      }
    }
  });

  function valueAt(object, path) {
    return path.split(".").reduce(function (o, key) {
      return o == null ? undefined : o[key];
    }, object);
  }

  function pad(n) {
    return n < 10 ? "0" + n : "" + n;
  }

  function format(value, how) {
    if (value === undefined || value === null) {
      return how === "percent" ? "0%" : "–";
    }
    switch (how) {
      case "percent":
        return value + "%";
      case "rate":
        return Number(value).toFixed(1) + "/s";
      case "count":
        return Number(value).toLocaleString("en-US");
      case "eta": {
        var s = Number(value);
        if (s >= 3600) return Math.floor(s / 3600) + "h " + pad(Math.floor((s % 3600) / 60)) + "m";
        if (s >= 60) return Math.floor(s / 60) + "m " + pad(s % 60) + "s";
        return s + "s";
      }
      default:
        return String(value);
    }
  }

  function liveProgress(section) {
    var url = section.getAttribute("data-stream");
    var headUrl = section.getAttribute("data-head");
    var status = document.getElementById("live-status");
    var source = null;
    var latest = null;
    var lastId = null;
    var ended = false;

    function apply() {
      if (!latest) return;
      var job = latest;
      latest = null;
      section.querySelectorAll("[data-field]").forEach(function (el) {
        el.textContent = format(valueAt(job, el.getAttribute("data-field")), el.getAttribute("data-format"));
      });
      var bar = document.getElementById("job-progress");
      if (bar) bar.value = job.percentDone;
      var head = document.getElementById("job-head");
      if (head && head.getAttribute("data-state") !== job.state && window.htmx) {
        head.setAttribute("data-state", job.state);
        window.htmx.ajax("GET", headUrl, { target: "#job-head", swap: "outerHTML" });
      }
    }

    function open() {
      if (source || ended) return;
      source = new EventSource(lastId ? url + "?lastEventId=" + encodeURIComponent(lastId) : url);
      // The API's stream names its events "progress"; an unnamed one counts too.
      source.addEventListener("progress", take);
      source.onmessage = take;
      function take(event) {
        lastId = event.lastEventId || lastId;
        latest = JSON.parse(event.data);
        if (status) status.textContent = "live";
        if (latest.finishedAt) {
          ended = true;
          apply();
          close();
          if (status) status.textContent = "finished";
        }
      }
      source.onerror = function () {
        if (status) status.textContent = ended ? "finished" : "reconnecting…";
        if (source && source.readyState === EventSource.CLOSED) {
          source = null;
        }
      };
    }

    function close() {
      if (source) {
        source.close();
        source = null;
      }
    }

    document.addEventListener("visibilitychange", function () {
      if (document.hidden) {
        close();
        if (status && !ended) status.textContent = "paused while hidden";
      } else {
        open();
      }
    });
    // A change made on this page (resume, retry this group) may reopen a finished job: listen again;
    // a job that stays finished answers with one last event and the stream closes again.
    document.addEventListener("htmx:afterRequest", function (event) {
      var config = event.detail.requestConfig;
      if (event.detail.successful && config && config.verb === "post") {
        ended = false;
        if (!document.hidden) open();
      }
    });
    window.setInterval(apply, 1000);
    if (!document.hidden) open();
  }

  function refreshing(region) {
    window.setInterval(function () {
      if (document.hidden || region.getAttribute("data-paged") || !window.htmx) return;
      var current = document.getElementById(region.id);
      if (current !== region) {
        region = current;
        if (!region) return;
      }
      window.htmx.ajax("GET", region.getAttribute("data-refresh"), { target: "#" + region.id, swap: "outerHTML" });
    }, 5000);
  }

  function readAsBase64(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        var text = String(reader.result);
        resolve(text.substring(text.indexOf(",") + 1));
      };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(file);
    });
  }

  function dropzone(form) {
    var zone = form.querySelector("[data-dropzone]");
    var input = form.querySelector("input[type=file]");
    var list = document.getElementById("chosen");
    var outcome = document.getElementById("submit-outcome");
    var files = [];

    function show() {
      list.textContent = "";
      files.forEach(function (f) {
        var li = document.createElement("li");
        li.textContent = f.name + " (" + f.size.toLocaleString("en-US") + " bytes)";
        list.appendChild(li);
      });
    }

    function add(chosen) {
      for (var i = 0; i < chosen.length; i++) files.push(chosen[i]);
      show();
    }

    zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      zone.classList.remove("over");
      add(e.dataTransfer.files);
    });
    input.addEventListener("change", function () { add(input.files); });

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (files.length === 0) {
        outcome.textContent = "Choose or drop at least one file.";
        return;
      }
      outcome.textContent = "Reading " + files.length + " file(s)…";
      Promise.all(files.map(readAsBase64)).then(function (contents) {
        var body = {
          name: form.elements["name"].value || (files.length + " document(s) from the dashboard"),
          processor: form.elements["processor"].value,
          priority: form.elements["priority"].value,
          documents: files.map(function (f, i) {
            return { id: f.name, content: contents[i], contentType: f.type || "application/octet-stream" };
          })
        };
        if (form.elements["options"] && form.elements["options"].value.trim()) {
          body.options = JSON.parse(form.elements["options"].value);
        }
        return fetch(form.getAttribute("action"), {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf(), "HX-Request": "true" },
          body: JSON.stringify(body)
        });
      }).then(function (response) {
        return response.text().then(function (text) {
          if (response.status === 202) {
            var job = JSON.parse(text);
            window.location.assign(form.getAttribute("data-jobs") + job.id);
          } else {
            var message = new DOMParser().parseFromString(text, "text/html").body.textContent;
            outcome.textContent = "Refused (" + response.status + "): " + message.replace(/\s+/g, " ").trim();
          }
        });
      }).catch(function (error) {
        outcome.textContent = "Could not submit: " + error;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var live = document.querySelector("[data-stream]");
    if (live) liveProgress(live);
    document.querySelectorAll("[data-refresh]").forEach(refreshing);
    document.addEventListener("click", function (e) {
      if (e.target && e.target.closest && e.target.closest("#more-row")) {
        var results = document.getElementById("results");
        if (results) results.setAttribute("data-paged", "1");
      }
    });
    var submit = document.getElementById("submit-form");
    if (submit) dropzone(submit);
  });
})();
