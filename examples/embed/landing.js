// The landing page's own script: it receives the quiz results it asked for, from the element
// (the meshcheck-quiz-result event, opted into with share-result) and from the iframe
// (postMessage, opted into with parent-origin and share-result in the frame's URL).

function thank(id, result) {
  const out = document.getElementById(id);
  out.textContent = `Thanks! You see your group as: ${result.self_view.title} ` +
      `(${result.self_view.score} of 100). First thing to try: ` +
      `${result.practices.roadmap[0]?.first_step ?? 'keep doing what you do.'}`;
  out.hidden = false;
}

document.querySelector('meshcheck-quiz').addEventListener('meshcheck-quiz-result', (event) => {
  thank('thanks-element', event.detail);
});

const frame = document.querySelector('iframe.quiz-frame');
const frameOrigin = new URL(frame.src).origin;
window.addEventListener('message', (event) => {
  // Only the frame we embedded, from the quiz's origin.
  if (event.origin !== frameOrigin || event.source !== frame.contentWindow)
    return;
  if (event.data?.type === 'meshcheck-quiz-result')
    thank('thanks-iframe', event.data.result);
  else if (event.data?.type === 'meshcheck-quiz-height')
    frame.style.height = `${Math.ceil(event.data.height) + 4}px`;
});
