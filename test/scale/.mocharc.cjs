// The scale stage (`npm run test:scale`): property tests over many generated cases and runs over
// many items or agents (real-HTTP stress through injected faults and a gateway), sized by their
// work (cases, items, agents), never by the clock; kept out of the unit stage so that one stays
// quick (issue 74). The unit stage's settings: parallel, and a timeout that is a hang guard only.
module.exports = require('../unit/.mocharc.cjs');
