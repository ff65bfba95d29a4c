// Progressive enhancement only: every page works without this file.
// Served as a file because the Content-Security-Policy forbids inline script.
"use strict";

function checkUploadSize(form) {
  const input = form.querySelector("#files");
  const error = form.querySelector("#upload-error");
  const maxBytes = Number(form.dataset.maxBytes);
  const maxFiles = Number(form.dataset.maxFiles);
  form.addEventListener("submit", (event) => {
    const files = Array.from(input.files || []);
    const total = files.reduce((sum, file) => sum + file.size, 0);
    let message = "";
    if (files.length > maxFiles) {
      message = `${files.length} files chosen; at most ${maxFiles} can be sent at once.`;
    } else if (total > maxBytes) {
      const mb = (n) => (n / 1024 / 1024).toFixed(1);
      message = `The files come to ${mb(total)} MB, over the limit of ${mb(maxBytes)} MB for one upload. ` +
        "Send fewer files, or ingest large crawls with the command line.";
    }
    if (message) {
      event.preventDefault();
      error.textContent = message;
      error.hidden = false;
    }
  });
}

function followJob(panel) {
  const url = panel.dataset.statusUrl;
  const interval = Number(panel.dataset.pollMs) || 600;
  const set = (id, text) => { const node = document.getElementById(id); if (node) node.textContent = text; };
  async function poll() {
    let job;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) { set("job-phase", `status unavailable (${response.status})`); return; }
      job = await response.json();
    } catch (error) {
      setTimeout(poll, interval * 3);
      return;
    }
    const progress = document.getElementById("job-progress");
    progress.max = Math.max(job.total, 1);
    progress.value = job.processed;
    const briefs = document.getElementById("brief-progress");
    briefs.max = Math.max(job.briefs_total, 1);
    briefs.value = job.briefs_done;
    set("job-state", job.state);
    set("job-phase", job.phase);
    set("job-processed", String(job.processed));
    set("job-total", String(job.total));
    set("job-briefs", `${job.briefs_done} / ${job.briefs_total}`);
    if (job.state === "done" || job.state === "failed") {
      window.location.reload();
    } else {
      setTimeout(poll, interval);
    }
  }
  poll();
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload-form");
  if (form) checkUploadSize(form);
  const panel = document.getElementById("job");
  if (panel && panel.dataset.finished === "false") followJob(panel);
  const target = document.querySelector("mark.target");
  if (target) target.scrollIntoView({ block: "center" });
});
