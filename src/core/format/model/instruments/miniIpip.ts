// The Mini-IPIP: a 20-item short form of the IPIP Big Five Factor Markers, four items per trait.
//
//   Donnellan, M. B., Oswald, F. L., Baird, B. M., & Lucas, R. E. (2006). The Mini-IPIP Scales:
//   Tiny-yet-effective measures of the Big Five factors of personality. Psychological Assessment,
//   18(2), 192–203. https://doi.org/10.1037/1040-3590.18.2.192
//
// The items are International Personality Item Pool items (https://ipip.ori.org), in the public
// domain. Item numbers are the published order; (R) items are reverse-keyed. "Intellect/
// Imagination" is scored as openness. The same instrument, as a .society file to copy and adapt:
// examples/instruments/mini-ipip.society.

const item = (id: string, text: string): { id: string; text: string } => ({ id, text });

export const MINI_IPIP: Record<string, unknown> = {
  title: 'Mini-IPIP',
  instructions:
    'Describe yourself as you generally are now, not as you wish to be in the future. For each statement, say how accurately it describes you.',
  citation:
    'Donnellan, Oswald, Baird & Lucas (2006). The Mini-IPIP Scales. Psychological Assessment 18(2), 192–203. IPIP items, public domain.',
  response: {
    type: 'likert',
    points: 5,
    anchors: [
      'Very inaccurate',
      'Moderately inaccurate',
      'Neither inaccurate nor accurate',
      'Moderately accurate',
      'Very accurate',
    ],
  },
  items: [
    item('q1', 'Am the life of the party.'),
    item('q2', "Sympathize with others' feelings."),
    item('q3', 'Get chores done right away.'),
    item('q4', 'Have frequent mood swings.'),
    item('q5', 'Have a vivid imagination.'),
    item('q6', "Don't talk a lot."),
    item('q7', "Am not interested in other people's problems."),
    item('q8', 'Often forget to put things back in their proper place.'),
    item('q9', 'Am relaxed most of the time.'),
    item('q10', 'Am not interested in abstract ideas.'),
    item('q11', 'Talk to a lot of different people at parties.'),
    item('q12', "Feel others' emotions."),
    item('q13', 'Like order.'),
    item('q14', 'Get upset easily.'),
    item('q15', 'Have difficulty understanding abstract ideas.'),
    item('q16', 'Keep in the background.'),
    item('q17', 'Am not really interested in others.'),
    item('q18', 'Make a mess of things.'),
    item('q19', 'Seldom feel blue.'),
    item('q20', 'Do not have a good imagination.'),
  ],
  scales: {
    extraversion: { items: ['q1', 'q6', 'q11', 'q16'], reverse: ['q6', 'q16'], measures: 'extraversion' },
    agreeableness: { items: ['q2', 'q7', 'q12', 'q17'], reverse: ['q7', 'q17'], measures: 'agreeableness' },
    conscientiousness: { items: ['q3', 'q8', 'q13', 'q18'], reverse: ['q8', 'q18'], measures: 'conscientiousness' },
    neuroticism: { items: ['q4', 'q9', 'q14', 'q19'], reverse: ['q9', 'q19'], measures: 'neuroticism' },
    intellect: { items: ['q5', 'q10', 'q15', 'q20'], reverse: ['q10', 'q15', 'q20'], measures: 'openness' },
  },
};
