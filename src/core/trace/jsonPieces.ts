// JSON.stringify(value) in pieces, for documents too large to hold as one string (a checkpoint of
// 10,000 agents, a report page's embedded trace): the object's fields in order, the array under
// `streamed` one element at a time, a piece handed out whenever ~`pieceChars` have gathered.
// Joined, the pieces are exactly JSON.stringify(value) for plain data (undefined fields skipped).
export function* jsonPieces(value: object, streamed: string, pieceChars = 1 << 20): Generator<string> {
  let text = '{',
    first = true;
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (key !== streamed || !Array.isArray(field)) {
      text += JSON.stringify(field);
      continue;
    }
    text += '[';
    for (let i = 0; i < field.length; i++) {
      text += (i ? ',' : '') + JSON.stringify(field[i]);
      if (text.length >= pieceChars) {
        yield text;
        text = '';
      }
    }
    text += ']';
  }
  yield text + '}';
}
