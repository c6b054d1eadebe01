'use strict';
// The Node peer's own work per request before the upstream call (parse, validate, build the body)
// for the manual's sample, in CPU microseconds (process.cpuUsage, so a loaded host's waiting is
// not counted): node bench/peers/node/cost.js [iterations]
const fs = require('node:fs');
const path = require('node:path');
const { buildCreateRequest, parseJSON } = require('./server.js');

const text = fs.readFileSync(path.join(__dirname, '../../../examples/create-project.json'), 'utf8');
const iterations = Number(process.argv[2] ?? 50000);
for (let round = 1; round <= 3; round++) {
    const start = process.cpuUsage();
    for (let i = 0; i < iterations; i++) {
        if (buildCreateRequest(parseJSON(text)).body === undefined) throw new Error('the sample did not validate');
    }
    const used = process.cpuUsage(start);
    const parseStart = process.cpuUsage();
    for (let i = 0; i < iterations; i++) JSON.parse(text);
    const parseUsed = process.cpuUsage(parseStart);
    console.log(`round ${round}: parse + validate + build ${((used.user + used.system) / iterations).toFixed(1)} µs CPU, ` +
        `JSON.parse alone ${((parseUsed.user + parseUsed.system) / iterations).toFixed(1)} µs`);
}
