import { markedPolicy, underlinedBy } from '../../test/check/solver/source.js';
import { analyseDecisions } from '../../src/check/checks/decision-analysis.js';
const { graph, text } = markedPolicy(`decision d {
  when x > 30 CNY -> done
  <|when flag -> done|>
}
`);
for (const d of analyseDecisions(graph)) console.log(JSON.stringify(d));
console.log(underlinedBy(text, analyseDecisions(graph)));
