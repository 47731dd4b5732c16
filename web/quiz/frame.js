// The iframe variant of the quiz (quiz-frame.html), for landing pages that prefer the browser
// to keep them apart from the quiz (docs/quiz.md):
//
//   <iframe src="https://QUIZ-ORIGIN/quiz-frame.html?persona=creator
//                &parent-origin=https://your.site&share-result" title="..."></iframe>
//
// The frame posts messages to its parent only when the URL names the parent's exact origin
// (parent-origin): its height (type 'meshcheck-quiz-height', so the host can size the frame)
// and, with share-result too, the result (type 'meshcheck-quiz-result', result = the
// quiz-result/v1 object). Without parent-origin it posts nothing.
const params = new URLSearchParams(location.search);
const quiz = document.querySelector('meshcheck-quiz');

// `text` if it is exactly an http(s) origin ("https://your.site"), else null: never '*'.
function exactOrigin(text) {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text ? text : null;
  } catch {
    return null;
  }
}

if (params.has('persona'))
  quiz.setAttribute('persona', params.get('persona'));
// Share links open the standalone quiz page of this site, not this bare frame.
quiz.setAttribute('share-base', new URL('quiz.html', location.href).href);

const parentOrigin = exactOrigin(params.get('parent-origin') ?? '');
if (parentOrigin && window.parent !== window) {
  const post = (message) => window.parent.postMessage(message, parentOrigin);
  if (params.has('share-result')) {
    quiz.setAttribute('share-result', '');
    quiz.addEventListener('meshcheck-quiz-result', (e) => {
      post({type: 'meshcheck-quiz-result', result: e.detail});
    });
  }
  new ResizeObserver(() => {
    post({type: 'meshcheck-quiz-height', height: document.body.offsetHeight});
  }).observe(document.body);
}
