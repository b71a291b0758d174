// Reading OASIS's CSV cells: RFC 4180 rows and the Python list literals pandas writes.
import assert from 'node:assert/strict';
import { csvRecords, parseCsv, readCsv } from '../../../src/core/interop/csvRows';
import { parsePythonList } from '../../../src/core/interop/pythonLiteral';

describe('CSV rows', () => {
  it('handles quotes, embedded commas and line breaks, CRLF and a BOM', () => {
    const text = '\ufeffa,b,c\r\n1,"x, ""y""","multi\nline"\r\n2,,\n';
    assert.deepEqual(parseCsv(text), [
      ['a', 'b', 'c'],
      ['1', 'x, "y"', 'multi\nline'],
      ['2', '', ''],
    ]);
  });

  it('finds a quoted field that is never closed, naming the line it opened on', () => {
    assert.deepEqual(readCsv('name,username\r\nAna,ana\r\n"unterminated,x\nBo,bo\n'), {
      rows: [['name', 'username'], ['Ana', 'ana'], ['unterminated,x\nBo,bo\n']],
      unclosedQuoteLine: 3,
    });
    assert.equal(readCsv('a\n"b\nc",d\n').unclosedQuoteLine, undefined);
    assert.equal(csvRecords('name\n"x').unclosedQuoteLine, 2);
  });

  it('keys records by the header and names the pandas index column ""', () => {
    const { header, records } = csvRecords(',name,username\n0,user_0,user0\n\n1,user_1,user1\n');
    assert.deepEqual(header, ['', 'name', 'username']);
    assert.deepEqual(records, [
      { '': '0', name: 'user_0', username: 'user0' },
      { '': '1', name: 'user_1', username: 'user1' },
    ]);
  });
});

describe('Python list literals', () => {
  it('reads lists of numbers and strings', () => {
    assert.deepEqual(parsePythonList('[]'), []);
    assert.deepEqual(parsePythonList('[1, 5, 32]'), [1, 5, 32]);
    assert.deepEqual(parsePythonList(`['a', "b's", 'c\\'d', 'tab\\there']`), ['a', "b's", "c'd", 'tab\there']);
    assert.deepEqual(parsePythonList("['caf\\u00e9']"), ['café']);
    assert.deepEqual(parsePythonList('7'), [7]);
  });

  it('refuses anything else rather than guessing', () => {
    for (const bad of ['[1, 2', "['open]", '[a]', '{1: 2}', '[1 2]', 'None']) {
      assert.equal(parsePythonList(bad), undefined, bad);
    }
  });
});
