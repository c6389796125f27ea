// Node, CommonJS: require() of the package's ES modules (no top-level
// await in the Node entries), which Node supports from 20.19 and 22.12.
const api = require('reglament');
const slim = require('reglament/slim');
import('./check.js').then(({ check }) => {
  const r = check(api, 'node require()');
  r.slimVariant = slim.variant();
  console.log(JSON.stringify(r));
});
