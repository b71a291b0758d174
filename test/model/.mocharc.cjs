// The real-model stage (`npm run test:model`): one file at a time in one process, since the model
// runs on threads of its own and the stage's cores are its budget. The timeout is a hang guard.
const base = require('../../.mocharc.json');

module.exports = { ...base, parallel: false, timeout: 900_000 };
