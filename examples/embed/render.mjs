#!/usr/bin/env node
// Writes the embed example for real origins: copies examples/embed's page files into OUT with
// the origins they are written for (the quiz at http://127.0.0.1:8080, the landing page at
// http://127.0.0.1:8081) replaced. Used by scripts/demo.sh and tests/e2e/quiz.test.mjs.
//   node examples/embed/render.mjs OUT QUIZ_ORIGIN PAGE_ORIGIN
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const kQuizOrigin = 'http://127.0.0.1:8080';
const kPageOrigin = 'http://127.0.0.1:8081';
const kFiles = ['index.html', 'landing.css', 'landing.js', 'favicon.svg'];

const [out, quizOrigin, pageOrigin] = process.argv.slice(2);
const isOrigin = (text) => {
  try {
    return new URL(text).origin === text;
  } catch {
    return false;
  }
};
if (!out || !isOrigin(quizOrigin) || !isOrigin(pageOrigin)) {
  console.error('usage: node examples/embed/render.mjs OUT QUIZ_ORIGIN PAGE_ORIGIN');
  process.exit(2);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const origins = {
  [kQuizOrigin]: quizOrigin,
  [kPageOrigin]: pageOrigin
};
fs.mkdirSync(out, {recursive: true});
for (const file of kFiles) {
  const text = fs.readFileSync(path.join(here, file), 'utf8');
  fs.writeFileSync(
      path.join(out, file), text.replace(/http:\/\/127\.0\.0\.1:808[01]/g, (o) => origins[o]));
}
