// What every event line carries: the round it happened in (0 = setup).
export interface EventBase {
  round: number;
}
