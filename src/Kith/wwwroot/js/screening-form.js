// Skip logic, as progressive enhancement: a question asked only after a certain answer is hidden until that
// answer is chosen. Without this script every question shows with its written instruction ("Answer this
// question only if…"), and the server ignores answers to questions that were not asked.
const questions = [...document.querySelectorAll('fieldset.screening-question[data-enable]')];
const form = questions[0]?.closest('form');
if (form) {
  const answerOf = item => form.querySelector(`input[name="answer-${CSS.escape(item)}"]:checked`)?.value;
  const asked = question => question.dataset.enable.split(',').every(rule => {
    const [item, not, answer] = rule.match(/^(.+?)(!?)=(.*)$/).slice(1);
    const source = form.querySelector(`fieldset.screening-question input[name="answer-${CSS.escape(item)}"]`)?.closest('fieldset');
    if (source && source.closest('li').hidden) return false; // a skipped question enables nothing
    const given = answerOf(item);
    return given !== undefined && ((given === answer) !== (not === '!'));
  });
  const update = () => {
    for (const question of questions) {
      const show = asked(question);
      question.closest('li').hidden = !show;
      // A hidden answer must not be sent: clear it, so what the person sees is what is scored.
      if (!show) for (const input of question.querySelectorAll('input:checked')) input.checked = false;
    }
  };
  form.addEventListener('change', update);
  update();
}
