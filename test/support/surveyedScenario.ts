// A small surveyed scenario for the views over survey answers (debugger Variables, memory
// inspector): two personas of opposite extraversion and a two-item Mood instrument whose second
// item is reverse-keyed, with the surveys (and anything after them) each test needs.
export const surveyedScenario = (surveys: string, rest = ''): string => `kind: scenario
name: Surveyed
seed: 3
world: { setting: A small town., rounds: 3 }
personas:
  - { id: ana, name: Ana, group: a, interests: [x], traits: { extraversion: 0.95 } }
  - { id: bo, name: Bo, group: a, interests: [x], traits: { extraversion: 0.05 } }
instruments:
  mood:
    title: Mood
    items:
      - { id: m1, text: I am outgoing. }
      - { id: m2, text: I keep to myself. }
    scales:
      outgoing: { items: [m1, m2], reverse: [m2], measures: extraversion }
surveys:
  - ${surveys}
${rest}`;
