// Lighthouse over many pages in one Node process and one Chromium, for the site audit:
// starting Node, loading Lighthouse and launching Chromium cost about 5 s of the 15 s a
// single `lighthouse URL` run takes. Each page still gets a fresh navigation with its
// storage reset, as in a run of its own.
//
//   node lighthouse_batch.mjs JOBS.json OUT.json
//
// JOBS.json: {"categories": [...], "chromeFlags": "...", "jobs": [{"url", "preset"}]}
// OUT.json: the Lighthouse result (lhr) of each job, in the same order.
// chrome-launcher is Lighthouse's own launcher, pinned with it by package-lock.json.
import fs from 'node:fs';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';

const [jobsFile, outFile] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(jobsFile, 'utf8'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: spec.chromeFlags.split(' ').filter(Boolean),
});
const results = [];
try {
  for (const job of spec.jobs) {
    const flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: spec.categories,
      disableFullPageScreenshot: true,
    };
    const config = job.preset === 'desktop' ? desktopConfig : undefined;
    const run = await lighthouse(job.url, flags, config);
    if (!run || run.lhr.runtimeError) {
      throw new Error(`${job.url}: ${run ? run.lhr.runtimeError.message : 'no result'}`);
    }
    results.push(run.lhr);
  }
} finally {
  await chrome.kill();
}
fs.writeFileSync(outFile, JSON.stringify(results));
