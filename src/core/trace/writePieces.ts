// Writing a large text to a file in pieces (jsonPieces, a report page), never joined into one string.
// Each piece is encoded into one buffer that is refilled for the next: a Buffer of its own per
// piece (≈ 1 MB each) stays resident until a full collection finds it dead, and a million agents'
// checkpoint is ≈ 500 of them — it raised that run's peak by ≈ 0.4 GB.
import { writeFileSafely } from '../files/safeWrite';

/** A buffer refilled with one piece after another. */
export class PieceEncoder {
  private buf = Buffer.allocUnsafeSlow(0);

  /** `piece` as UTF-8 at the start of the buffer; valid until the next call. */
  encode(piece: string): Buffer {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
    const worst = piece.length * 3;
    if (this.buf.length < worst) this.buf = Buffer.allocUnsafeSlow(Math.max(worst, this.buf.length * 2));
    return this.buf.subarray(0, this.buf.write(piece, 0, 'utf8'));
  }
}

/**
 * Write text pieces one after another to `file`, never joining them: through the one writer
 * (core/files/safeWrite.ts), a temporary file renamed over the name, never through a link.
 */
export function writePiecesSync(file: string, pieces: Iterable<string>): void {
  writeFileSafely(file, pieces);
}
